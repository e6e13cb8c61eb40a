"""Place names in a spelling the gazetteer lacks: "Veselogorovka" (Russian) for Veselohorivka,
"Klischiivka" for Klishchiivka, "Logvinovo" for Lohvynove.

Transliterations of one Cyrillic name differ mostly in vowels (Ukrainian і for Russian о), in h for g,
and in how щ, ж, х, ц are written. Their consonant skeletons agree: drop the vowels and the letters
that vary, write each of those sounds one way. A capitalised name that the gazetteer does not know,
standing where a place stands ("near X", "X, Donetsk"), and shaped like a Ukrainian or Russian place
name, is looked up by its skeleton; the homonym machinery then chooses among what it finds.

A Ukrainian or Russian report names villages the gazetteer knows only in the other language or in
another case («освободили Тоненькое» for Тоненьке, «Юрьевка» for the Юр'ївка it has no Russian name
for). Such a name is read back to the forms it may be a case of (inflect.nominatives) and looked up by
how it sounds (`sound`: vowels by class, soft signs dropped), which its Ukrainian and Russian spellings
share; a name the gazetteer knows gains the homonyms it knows only in the other spelling.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable

import yaml

from .config import PACKAGE_DATA
from .gazetteer import Gazetteer, Match
from .inflect import nominatives
from .names import fold_name
from .status import joins_a_list, raion_follows

SOUNDS = (("shch", "S"), ("sch", "S"), ("zh", "Z"), ("kh", "H"), ("ts", "C"), ("tz", "C"), ("ch", "C"),
          ("sh", "S"), ("g", "h"), ("w", "v"), ("x", "ks"), ("q", "k"))
VARYING = str.maketrans("", "", "aeiouyj' -")  # letters that vary between transliterations
DOUBLED = re.compile(r"(.)\1+")
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIN_SKELETON = 5  # shorter skeletons (Pisky: psk) name too many places...
MIN_QUALIFIED = 4  # ...unless the oblast is named after it ("Elenovka, Donetsk")
MIN_SOUND = 5  # a shorter Cyrillic sound is too common to tell a place by
CYRILLIC_LANGUAGES = ("uk", "ru")
VILLAGE_NAMED = re.compile(r",?\s*(?:між\s+|между\s+|біля\s+|около\s+)?(?:с|смт|сел|м|пос|пгт|село|селище|місто|поселок)\.?"
                           r"\s+[А-ЯІЇЄҐЁ]")  # «ТГ, с. X», «ТГ, між с. X та с. Y»
VILLAGE_BEFORE = re.compile(r"\b(?:с|смт|сел|м|пос|пгт)\.\s*[А-ЯІЇЄҐЁ][\w'’-]*(?:\s+[А-ЯІЇЄҐЁ][\w'’-]*)?,\s*$")  # «с. Бабаї, ... ТГ»
CITY = 50_000  # a name borne by a place this large is not another spelling of a village's
MAX_CANDIDATES = 40  # a skeleton shared by more places is no clue, unless a region is named near it
REGION_NEAR = 150  # characters
WORDS = re.compile(r"[ -]")  # a name of several words: "Kupyansk-Vuzlovyi" holds Kupyansk
OWN_NAME = ("primary", "curated", "region")  # how a name a place is known by matches it
HROMADA_LIST = 400  # characters: how far back a list of hromadas («громади: X, Y, Z») may begin
CLOSE_ENOUGH = 0.05  # spellings this much less alike than the best are dropped
QUALIFIED_ALIKE = 0.72  # with a region named after it, a name is another spelling of places at least this alike


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The consonants of a name, each sound written one way."""
    return _skeleton(fold_name(name))


def _skeleton(key: str) -> str:
    """The skeleton of a folded name."""
    for written, sound in SOUNDS:
        if written in key:
            key = key.replace(written, sound)
    return DOUBLED.sub(r"\1", key.translate(VARYING))


def index(gaz: Gazetteer) -> dict[str, tuple[tuple[str, str], ...]]:
    """Skeleton -> the places whose Latin names have it, built once per gazetteer."""
    return _settlements_by(gaz, "skeletons", str.isascii, _skeleton, MIN_QUALIFIED)


def _settlements_by(gaz: Gazetteer, name: str, kept, key_of, shortest: int,
                    country: str = "") -> dict[str, tuple[tuple[str, str], ...]]:
    """`key_of` of each gazetteer name that is `kept` -> the settlements it names, kept on the gazetteer
    as `name`, each "respelled" where the name is its own, else "respelled alias" (a former name: the
    Novoselivka once called Vasylivka is not the Vasylivka meant); only those of `country`, if given. All
    names go through `key_of` as one string, so each replacement runs once in C."""
    table = gaz.derived.get(name)
    if table is None:
        names = [(key, cands) for key, cands in gaz.keys.items() if kept(key)]
        keys = key_of("\n".join(key for key, _ in names)).split("\n")  # "." never spans a line break
        grouped: dict[str, dict[str, str]] = {}
        for key, (_, cands) in zip(keys, names):
            if len(key) >= shortest:
                bucket = grouped.setdefault(key, {})
                for pid, how in cands:
                    place = gaz.places[pid]
                    if place.kind == "settlement" and (not country or place.country == country):
                        if how in OWN_NAME:
                            bucket[pid] = "respelled"
                        else:
                            bucket.setdefault(pid, "respelled alias")
        table = gaz.derived[name] = {k: tuple(v.items()) for k, v in grouped.items() if v}
    return table


def _across_the_border(place) -> bool:
    """A village of Russia's border regions from the postal table (border_villages.py), whose name a Ukrainian
    village may bear in another spelling: «Никаноровка в ДНР» is Nykonorivka, not the Belgorod village."""
    return place.country == "RU" and place.precision in ("postcode", "postarea")


def _closest(surface: str, cands: tuple[tuple[str, str], ...], gaz: Gazetteer,
             floor: float | None = None) -> tuple[tuple[str, str], ...]:
    """Of the places that share a skeleton, those spelled most like the text (Klischiivka is
    Klishchiivka, not Kulishivka); with a region named after the name, all those spelled at least `floor`
    alike, for the region to choose ("Elenovka, Donetsk" is the Olenivka there, though Leonovka in Kursk is
    spelled more like it)."""
    if len(cands) <= 1 and floor is None:
        return cands
    folded = fold_name(surface)
    if floor is not None:  # by any of its names: "Kuibyshivskyi" is the district's former one
        alike = [max(SequenceMatcher(None, folded, fold_name(n)).ratio() for n in (p.name, *p.other_names))
                 for p in (gaz.places[pid] for pid, _ in cands)]
        return tuple(c for c, a in zip(cands, alike) if a >= floor)
    alike = [SequenceMatcher(None, folded, fold_name(gaz.places[pid].name)).ratio() for pid, _ in cands]
    least = max(alike) - CLOSE_ENOUGH
    return tuple(c for c, a in zip(cands, alike) if a >= least)


def respelled(text: str, matches: list[Match], named: list[Match], gaz: Gazetteer, lex) -> list[Match]:
    """The matches, with names the gazetteer lacks in this spelling added where the text treats them
    as places (`lex`: the language's lexicon, lexicon.Lexicon), in text order: after a word like "near"
    (`respell_before`), before the oblast's name, or listed after a place ("Berdychi and Nevelske").
    A name of several words may hold a shorter one the gazetteer knows («Новоселовка Первая» holds
    Новоселовка): found whole, it replaces it. `named`: every name the gazetteer knows in the text,
    places or not (a name it knows but found to be no place here is not respelled into one)."""
    starts, ends = [m.start for m in named], [m.end for m in named]  # sorted, not overlapping
    places = [m.end for m in matches]
    regions: list[int] | None = None  # where regions are named, found when first asked (most texts never ask)

    def near_region(pos: int) -> bool:
        nonlocal regions
        if regions is None:
            regions = [m.start for m in matches if any(how == "region" for _, how in m.candidates)]
        return _near(regions, pos)
    tables: tuple[dict, ...] = ()  # where names are looked up, built when first needed
    added: list[Match] = []
    namesakes: dict[int, tuple] = {}  # where a name only border villages bear starts -> other places it may mean
    for found in lex.respell_name.finditer(text):
        start = found.start(1)
        before = None  # whether a word like "near" or a list puts a place here, once asked
        for name in _shorter(found.group(1)):  # "Тоненькое Донецкой Народной": the village, then its oblast
            end = start + len(name)
            hromada = lex.language != "en" and lex.hromada_after.match(text[end:end + 120])  # (English: none)
            if hromada and only_locates(text, start, end, hromada):
                break
            if hromada or lex.hromada_before.search(text, max(0, start - HROMADA_LIST), start):
                cands = hromada_centres(name, lex.language, gaz)
                if cands:  # «у Краснопільській громаді»: the hromada's centre, whatever else the word may be
                    added.append(Match(start, end, name, cands))
                    break
            inside = named[bisect_left(ends, start + 1):bisect_left(starts, end)]  # known names it overlaps
            whole = inside and (inside[0].start, inside[-1].end) == (start, end) and len(inside) == 1
            crossed = whole and all(_across_the_border(gaz.places[pid]) for pid, _ in inside[0].candidates)
            if inside and not crossed and (not WORDS.search(name) or inside[0].start < start or inside[-1].end > end
                                           or whole):
                continue  # a known name, unless only villages of Russia's border regions bear it
            tables = tables or _tables(gaz, lex.language)
            spelling, key, table = _known_spelling(name, lex.language, tables)
            if key is None:
                continue
            if lex.organisation_after.match(text[end:end + 80]):
                continue  # «по Покровському району», "the Vostok group": a district's or a unit's name
            qualified = _qualified(text, end, lex)
            if not qualified:
                if before is None:
                    before = bool(lex.respell_before.search(text, max(0, start - 40), start)
                                  or _listed(text, start, places, added))
                if not (before and (len(key) >= MIN_SKELETON and len(table[key]) <= MAX_CANDIDATES
                                    or " " in name and len(key) >= MIN_QUALIFIED and near_region(start))):
                    continue
            cands = _closest(in_latin(spelling), table[key], gaz, QUALIFIED_ALIKE if qualified else None)
            if cands and crossed:  # «Никаноровка в ДНР»: Nykonorivka of Donetsk oblast, or the Belgorod village
                namesakes[start] = tuple(c for c in cands if c not in inside[0].candidates)
                break
            if cands:
                added.append(Match(start, end, name, cands))
                break
    matches = [Match(m.start, m.end, m.surface, m.candidates + namesakes[m.start]) if m.start in namesakes else m
               for m in matches]
    if lex.language in CYRILLIC_LANGUAGES:
        matches = [_with_other_spellings(m, gaz, lex, sounds(gaz),
                                         lambda m=m: _qualified(text, m.end, lex) or near_region(m.start)) for m in matches]
    if not added:
        return matches
    replaced = [m for m in matches if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(replaced + added, key=lambda m: m.start)


def hromada_centres(name: str, language: str, gaz: Gazetteer) -> tuple[tuple[str, str], ...]:
    """The centres of the hromadas a Cyrillic adjective may name («Краснопільській» -> Krasnopillia),
    by the skeleton of its Latin letters against the gazetteer's "... hromada" names."""
    table = _settlements_by(gaz, "hromadas", lambda key: key.isascii() and key.endswith(" hromada"),
                            lambda keys: _skeleton(keys.replace(" hromada", "")), 1)
    for spelling in _spellings(name, language):
        found = table.get(skeleton(in_latin(spelling)))
        if found:
            return tuple(dict.fromkeys((pid, "alias") for pid, _ in found))
    return ()


def _tables(gaz: Gazetteer, language: str) -> tuple[dict, ...]:
    """Where a name the gazetteer lacks is looked up: by sound, then by skeleton, for Cyrillic."""
    return (sounds(gaz), index(gaz)) if language in CYRILLIC_LANGUAGES else (index(gaz),)


def only_locates(text: str, start: int, end: int, hromada: re.Match) -> bool:
    """The hromada named at text[start:end] (its word matched by `hromada`, from `end`) locates a village
    named with it: «Чугуївська ТГ, с. Велика Бабка», «с. Бабаї, Височанська ТГ»."""
    return bool(VILLAGE_NAMED.match(text, end + hromada.end()) or VILLAGE_BEFORE.search(text, max(0, start - 60), start))


def _near(positions: list[int], start: int) -> bool:
    """A region named within REGION_NEAR characters: it will choose among a common name's many places
    ("Mykhailivka, Zeleny Hay, and Volodymyrivka in Ukraine's Donetsk region": Zelenyi Hai of Donetsk)."""
    return any(abs(p - start) <= REGION_NEAR for p in positions)


def _listed(text: str, start: int, places: list[int], added: list[Match]) -> bool:
    """The name follows a place in a list: "X and Y", «X, Y та Z»."""
    k = bisect_left(places, start + 1) - 1
    last = max(places[k] if k >= 0 else -1, added[-1].end if added else -1)
    return last >= 0 and joins_a_list(text, last, start)


def _shorter(name: str) -> list[str]:
    """A name of several words, then without its last word, and so on."""
    words = name.split(" ")
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _known_spelling(name: str, language: str, tables: tuple[dict, ...]) -> tuple[str, str | None, dict]:
    """The first spelling the name may stand for whose key names places in one of the tables, that key
    and that table: for a Cyrillic name its sound, then the skeleton of its Latin letters (Крахмальное
    and Крохмальне differ in a vowel); for a Latin name its skeleton."""
    if not CYRILLIC.search(name):
        key = skeleton(name)
        return (name, key, tables[-1]) if key in tables[-1] else (name, None, {})
    spellings = _spellings(name, language)
    for table, key_of in zip(tables, (sound, lambda spelling: skeleton(in_latin(spelling)))):
        for spelling in spellings:
            key = key_of(spelling)
            if key in table:
                return spelling, key, table
    return name, None, {}


def _spellings(name: str, language: str) -> list[str]:
    """A Cyrillic name (folded) as written, then as each form its last word may be a case of, Russian
    ordinals in Ukrainian; each followed by itself with a Russian ending or prefix in Ukrainian."""
    words = fold_name(name).split(" ")
    ordinals = _letters()[1]
    forms = sorted(nominatives(words[-1], language), key=lambda w: (w != words[-1], len(w)))
    spellings = [" ".join(ordinals.get(w, w) for w in words[:-1] + [form]) for form in forms]
    return list(dict.fromkeys(s for spelling in spellings for s in (spelling, _in_ukrainian(spelling))))


def _in_ukrainian(spelling: str) -> str:
    """A Russian spelling's endings and prefixes as Ukrainian writes them (places_cyrillic.yaml); the
    vowels are left to `sound`."""
    endings, prefixes = _russian_parts()
    for russian, ukrainian in prefixes.items():
        if spelling.startswith(russian):
            spelling = ukrainian + spelling[len(russian):]
    words = spelling.split(" ")
    for russian, ukrainian in endings.items():
        if words[-1].endswith(russian):
            words[-1] = words[-1][:-len(russian)] + ukrainian
    return " ".join(words)


def _russian_parts() -> tuple[dict[str, str], dict[str, str]]:
    data = places_cyrillic()
    return data["russian_endings"], data["russian_prefixes"]


def sound(folded: str) -> str:
    """How a folded Cyrillic name sounds, in either language's spelling ("юр'івка", "юрьевка": "UрIвкA")."""
    return DOUBLED.sub(r"\1", folded.translate(_letters()[0]))


def sounds(gaz: Gazetteer) -> dict[str, tuple[tuple[str, str], ...]]:
    """Sound -> the Ukrainian settlements whose Cyrillic names (in every case the gazetteer holds) sound so,
    built once per gazetteer. It bridges a Ukrainian place's Russian and Ukrainian spellings; a Russian
    village is named in Russian, and heard in a Ukrainian name («Никанорівка» near Pokrovsk) it would
    only be a namesake across the border."""
    return _settlements_by(gaz, "sounds", CYRILLIC.search, sound, MIN_SOUND, "UA")


def _with_other_spellings(m: Match, gaz: Gazetteer, lex, table: dict, qualified: Callable[[], bool]) -> Match:
    """A known Cyrillic name of settlements, with the homonyms the gazetteer knows only in the other
    language's spelling («Юрьевка»: the Юр'ївки that have no Russian name); any number of them when
    an oblast or a raion named after it, or a region named near it, will choose among them («Васильевку
    Бахмутского района»). Not a city's name."""
    if not CYRILLIC.search(m.surface) or any(gaz.places[pid].kind != "settlement" or gaz.places[pid].population >= CITY
                                             for pid, _ in m.candidates):
        return m  # a city's name is its own: «в Артемовске» is Bakhmut, not the village once called Артемівське
    known = {pid for pid, _ in m.candidates}
    heard = (c for spelling in _spellings(m.surface, lex.language) for c in table.get(sound(spelling), ()))
    more = tuple(dict.fromkeys(c for c in heard if c[0] not in known))  # each form it may be a case of
    if not more or len(known) + len(more) > MAX_CANDIDATES and not qualified():
        return m
    return Match(m.start, m.end, m.surface, m.candidates + more)


def with_spellings_in(m: Match, regions: frozenset[str], gaz: Gazetteer) -> Match:
    """A Latin name none of whose places lies in the regions its sentence names, with the settlements of
    those regions whose names share its skeleton: another language's spelling of a village there
    ("five villages in the Kharkov Region - Strelechya, Krasnoye, Borisovka": Krasne and Borysivka of
    Kharkiv oblast, not the Krasnoye and Borisovka of Belgorod oblast). A city's name is its own ("fled
    Donetsk ... shelling in neighbouring Luhansk oblast")."""
    inside = gaz.with_parts(regions)
    if not regions or CYRILLIC.search(m.surface) or any(gaz.places[pid].region in inside for pid, _ in m.candidates) \
            or any(gaz.places[pid].kind != "settlement" or gaz.places[pid].population >= CITY
                   for pid, _ in m.candidates):
        return m
    known = {pid for pid, _ in m.candidates}
    more = tuple(c for c in index(gaz).get(skeleton(m.surface), ()) if c[0] not in known
                 and gaz.places[c[0]].region in inside)
    return Match(m.start, m.end, m.surface, m.candidates + more) if more else m


def _qualified(text: str, end: int, lex) -> bool:
    """An oblast or a raion is named after the name ending at `end`: its candidates will be cut to it."""
    return bool(lex.qualifier_follows.match(text, end) or raion_follows(text, end, lex))


def in_latin(folded: str) -> str:
    """A folded name in Latin letters (Cyrillic ones transliterated; others kept)."""
    return folded.translate(_letters()[2]) if CYRILLIC.search(folded) else folded


@lru_cache(maxsize=1)
def _letters() -> tuple[dict[int, str], dict[str, str], dict[int, str]]:
    """Sound classes for Cyrillic letters, Ukrainian ordinals for Russian ones, and Latin letters for
    Cyrillic ones (places_cyrillic.yaml)."""
    data = places_cyrillic()
    return str.maketrans(data["sounds"]), data["ordinals"], str.maketrans(data["latin"])


@lru_cache(maxsize=1)
def places_cyrillic() -> dict:
    """data/places_cyrillic.yaml, read once (cyrillic.py reads it here too)."""
    return yaml.safe_load((PACKAGE_DATA / "places_cyrillic.yaml").read_text(encoding="utf-8"))
