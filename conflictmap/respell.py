"""Place names in a spelling the gazetteer lacks: "Veselogorovka" (Russian) for Veselohorivka,
"Klischiivka" for Klishchiivka, "Logvinovo" for Lohvynove.

Transliterations of one Cyrillic name differ mostly in vowels (Ukrainian і for Russian о), in h for g,
and in how щ, ж, х, ц are written. Their consonant skeletons agree: drop the vowels and the letters
that vary, write each of those sounds one way. A capitalised name that the gazetteer does not know,
standing where a place stands ("near X", "X, Donetsk"), and shaped like a Ukrainian or Russian place
name, is looked up by its skeleton; the homonym machinery then chooses among what it finds.

A Ukrainian or Russian report names villages the gazetteer knows only in the other language or in
another case («освободили Тоненькое» for Тоненьке): such a name is read back to the forms it may be a
case of (inflect.nominatives), written in Latin letters, and looked up by skeleton in the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache

import yaml

from .config import PACKAGE_DATA
from .gazetteer import Gazetteer, Match
from .inflect import nominatives
from .names import fold_name
from .status import LIST_SEPARATOR, LIST_WORDS

SOUNDS = (("shch", "S"), ("sch", "S"), ("zh", "Z"), ("kh", "H"), ("ts", "C"), ("tz", "C"), ("ch", "C"),
          ("sh", "S"), ("g", "h"), ("w", "v"), ("x", "ks"), ("q", "k"))
VARYING = str.maketrans("", "", "aeiouyj' -")  # letters that vary between transliterations
DOUBLED = re.compile(r"(.)\1+")
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIN_SKELETON = 5  # shorter skeletons (Pisky: psk) name too many places...
MIN_QUALIFIED = 4  # ...unless the oblast is named after it ("Elenovka, Donetsk")
MAX_CANDIDATES = 40
CLOSE_ENOUGH = 0.05  # spellings this much less alike than the best are dropped  # a skeleton shared by more places is no clue


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
    """Skeleton -> the places whose Latin names have it, built once per gazetteer (all keys in one
    string, so each replacement runs once in C rather than per name)."""
    table = gaz.derived.get("skeletons")
    if table is None:
        latin = [(key, cands) for key, cands in gaz.keys.items() if key.isascii()]
        skeletons = _skeleton("\n".join(key for key, _ in latin)).split("\n")  # "." never spans a line break
        grouped: dict[str, dict[str, str]] = {}
        for key, (_, cands) in zip(skeletons, latin):
            if len(key) >= MIN_QUALIFIED:
                bucket = grouped.setdefault(key, {})
                for pid, _ in cands:
                    if gaz.places[pid].kind == "settlement":
                        bucket.setdefault(pid, "respelled")
        table = gaz.derived["skeletons"] = {k: tuple(v.items()) for k, v in grouped.items() if v}
    return table


def _closest(surface: str, cands: tuple[tuple[str, str], ...], gaz: Gazetteer) -> tuple[tuple[str, str], ...]:
    """Of the places that share a skeleton, those spelled most like the text (Klischiivka is
    Klishchiivka, not Kulishivka)."""
    if len(cands) <= 1:
        return cands
    folded = fold_name(surface)
    alike = [SequenceMatcher(None, folded, fold_name(gaz.places[pid].name)).ratio() for pid, _ in cands]
    best = max(alike)
    return tuple(c for c, a in zip(cands, alike) if a >= best - CLOSE_ENOUGH)


def respelled(text: str, matches: list[Match], named: list[Match], gaz: Gazetteer, lex) -> list[Match]:
    """The matches, with names the gazetteer lacks in this spelling added where the text treats them
    as places (`lex`: the language's lexicon, status.Lexicon), in text order: after a word like "near"
    (`respell_before`), before the oblast's name, or listed after a place ("Berdychi and Nevelske").
    `named`: every name the gazetteer knows in the text, places or not (a name it knows but found to
    be no place here is not respelled into one)."""
    starts, ends = [m.start for m in named], [m.end for m in named]  # sorted, not overlapping
    places = [m.end for m in matches]
    table = None
    added: list[Match] = []
    for found in lex.respell_name.finditer(text):
        start = found.start(1)
        before = None  # whether a word like "near" or a list puts a place here, once asked
        for name in _shorter(found.group(1)):  # "Тоненькое Донецкой Народной": the village, then its oblast
            end = start + len(name)
            k = bisect_left(ends, start + 1)  # the first known name that ends inside or after this one
            if k < len(starts) and starts[k] < end:
                continue
            table = table if table is not None else index(gaz)
            spelling, key = _known_spelling(name, lex.language, table)
            if key is None:
                continue
            qualified = bool(lex.qualifier_follows.match(text, end))  # the candidates will be cut to its oblast
            if not qualified:
                if before is None:
                    before = bool(lex.respell_before.search(text, max(0, start - 40), start)
                                  or _listed(text, start, places, added))
                if not (before and len(key) >= MIN_SKELETON and len(table[key]) <= MAX_CANDIDATES):
                    continue
            cands = _closest(spelling, table[key], gaz)
            if cands:
                added.append(Match(start, end, name, cands))
                break
    return sorted(matches + added, key=lambda m: m.start) if added else matches


def _listed(text: str, start: int, places: list[int], added: list[Match]) -> bool:
    """The name follows a place in a list: "X and Y", «X, Y та Z»."""
    k = bisect_left(places, start + 1) - 1
    last = max(places[k] if k >= 0 else -1, added[-1].end if added else -1)
    return last >= 0 and bool(LIST_SEPARATOR.fullmatch(text, last, start) or LIST_WORDS.fullmatch(text, last, start))


def _shorter(name: str) -> list[str]:
    """A name of several words, then without its last word, and so on."""
    words = name.split(" ")
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _known_spelling(name: str, language: str, table: dict) -> tuple[str, str | None]:
    """The first spelling the name may stand for whose skeleton names places, and that skeleton."""
    for spelling in _spellings(name, language):
        key = skeleton(spelling)
        if key in table:
            return spelling, key
    return name, None


def _spellings(name: str, language: str) -> list[str]:
    """A Latin name as it is; a Cyrillic one in Latin letters, as written first, then as each form its
    last word may be a case of."""
    if not CYRILLIC.search(name):
        return [name]
    words = fold_name(name).split(" ")
    latin = _latin()
    forms = sorted(nominatives(words[-1], language), key=lambda w: (w != words[-1], len(w)))
    return [" ".join(words[:-1] + [form]).translate(latin) for form in forms]


@lru_cache(maxsize=1)
def _latin() -> dict[int, str]:
    data = yaml.safe_load((PACKAGE_DATA / "places_cyrillic.yaml").read_text(encoding="utf-8"))
    return str.maketrans(data["latin"])
