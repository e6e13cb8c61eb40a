"""Places named in an article: sentences, gazetteer matches, homonyms resolved, non-places dropped.

A name is not a mention when it is a dateline ("KYIV -"), a capital standing for its government
("Kyiv denied", "Moscow's army"), part of an organisation's or a unit's name ("Kyiv Independent",
"Khortytsia group of forces"), a person's surname, or a district's adjective. An oblast named right
after a place picks that place's homonym and is no mention of its own ("Zarichne, Donetsk"). Names the
gazetteer spells otherwise are found by their sound (respell.py), and "the city" stands for the
settlement named just before.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Callable, TypeVar

from .context import Context
from .gazetteer import PROMINENT, Gazetteer, Match
from .homonyms import Neighbours, Request, choose_all, first_guesses, with_doubts_rechecked
from .models import Mention
from .names import EMOJI, fold_name
from .raions import in_raion, raion_after
from .respell import only_locates, respelled, with_spellings_in
from .lexicon import Lexicon
from .status import in_dateline, joins_a_list, names_a_sector

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "no", "vs", "u.s",
                 "u.k", "e.g", "i.e", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "approx", "est",
                 "с", "м", "смт", "обл", "вул", "ім", "р-н", "н.п", "тис", "млн", "г", "пос", "пгт", "ул", "им"}
END_PUNCTUATION = ".!?…"
# Telegram items end sentences with emoji (names.EMOJI): «...дронами ❗️ Також...», «...БПЛА 🇷🇺 Под Курском...»
# a line break, or end punctuation (and closing quotes) and space before a capital; no look-behind,
# which would make the engine try every position
_BREAK = re.compile(r"\n\s*|[" + END_PUNCTUATION + EMOJI + r"][\"”’»)\ufe0f" + EMOJI + r"]*\s+(?=[\"“‘«(]?[A-ZА-ЯІЇЄҐ0-9])")
# a log line's heading, read with the sentence after it: «22:30 – Чугуївська ТГ, с. Велика Бабка. Внаслідок
# влучання ... постраждало 3 особи», "Kharkiv. Explosions were heard"
HEADING = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*[–—-]\s*)?(?:[\w'’-]+\s+(?:ТГ|громада|hromada|community),\s*)?"
                     r"(?:(?:с|м|смт|сел|пос|пгт|г)\.\s*)?[A-ZА-ЯІЇЄҐ][\w'’-]*(?:[\s-][A-ZА-ЯІЇЄҐ][\w'’-]*){0,2}\.")
# the short items of a list under a line that ends with a colon («таких громад:\n• Сумська\n• Юнаківська»)
# are read with that line, as one sentence
LIST_ITEM = re.compile(r"[ \t]*[•·▪●◦‣*–—-][ \t]*[^\n]{1,40}(?:\n|$)")
COLON_LINE = re.compile(r":[ \t]*(?:\n|$)")
MAX_SENTENCE = 1500  # characters
REGION_REACH = 300  # characters: a region named this close to a place helps choose among its homonyms
T = TypeVar("T")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a line break or end punctuation before a capital, abbreviations kept whole.
    A run-on "sentence" longer than MAX_SENTENCE is cut at spaces, so work per sentence stays bounded."""
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        cut = m.start() + (text[m.start()] in END_PUNCTUATION)  # the sentence keeps its full stop
        if "\n" not in m.group(0):
            word = text[max(0, cut - 6):cut].split()[-1:] or [""]
            if word[0].rstrip(".").lower() in ABBREVIATIONS or HEADING.fullmatch(text, start, cut):
                continue
        elif _list_goes_on(text, start, cut, m.start() + m.group(0).rindex("\n") + 1):
            continue
        if text[start:cut].strip():
            spans.extend(_bounded(text, start, cut))
        start = m.end()
    if text[start:].strip():
        spans.extend(_bounded(text, start, len(text)))
    return spans


def with_continuations(text: str, spans: list[tuple[int, int]], continues: re.Pattern) -> list[tuple[int, int]]:
    """The sentences, each one that opens with `continues` ("In particular, Okip, Vovchansk and Starytsia.",
    «Зокрема, ...») read as part of the one before: it names the places that one told of, with no verb."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and continues.match(text, start) and end - joined[-1][0] <= MAX_SENTENCE:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _list_goes_on(text: str, start: int, cut: int, line: int) -> bool:
    """The line at `line` is a short item of a list that a line of the sentence so far opened with a colon."""
    return bool(LIST_ITEM.match(text, line) and COLON_LINE.search(text, start, cut))


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    return pieces + [(start, end)]


# "the first liberated settlement of the Izyum district": the raion, not its town ("the Nikopol district was
# shelled", "villages in the Nikopol district" stay the town, as regional reports mean it)
RAION_NAMED = re.compile(r"\s+(?:district|raion|rayon)\b")
SETTLEMENT_OF = re.compile(r"\b(?:settlements?|villages?|towns?|hamlets?|communities)\s+of\s+(?:the\s+)?$")
VILLAGES_OF = re.compile(r"\s+(?:province|region|oblast)?\s*(?:villages|towns|settlements|hamlets|communities)\s+of\b")
COORDINATED_REGIONS = re.compile(r"(?:\s*(?:,(?:\s*(?:and|or))?|and|or)\s+[A-ZА-Я][\w'’-]+)*\s+(?i:regions|oblasts|provinces)\b")
# "fired on towns in Luhansk", "a village in Zaporizhzhia", "the frontlines in Zaporizhzhia": the oblast
SETTLEMENTS_IN = re.compile(r"\b(?:(?:towns|villages|settlements|communities|hromadas|cities)\s+(?:and\s+\w+\s+)?"
                            r"|(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:town|village|settlement|city|community|hromada)\s+"
                            r"|front\s?-?lines?\s+)(?:in|across|throughout)\s+(?:the\s+)?$")
# "in Zaporizhzhia for months, a frontline region in southern Ukraine": the oblast
REGION_APPOSED = re.compile(r"(?:\s+[\w-]+){0,3}?\s*[,–—]\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:region|province|oblast)\b")
REGION_OF = re.compile(r"\b(?:region|oblast|province|republic)s?\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+(?:,\s*|\s+and\s+))*$")
# "the Luhansk-Donetsk border", "the Donetsk administrative border": the oblasts' border
REGIONS_BORDER = re.compile(r"(?:[-–][A-Z][\w'’]+)?\s+(?:administrative\s+)?border\b(?!\s+(?:region|oblast|province|area|town|village|city))")
INDEFINITE = re.compile(r"\b(?:a|an)\s+$")  # "a Donetsk town": a town of that region, not the city
TOWN_AFTER = re.compile(r"\s+(?:town|village|city|settlement|hamlet)\b")
BORDER_REGION = re.compile(r"\s+(?:border|frontier)\s+(?:region|oblast|province)\b")  # "the Kursk border region"
POSSESSIVE = re.compile(r"^[^,;.()]*?(?:'s|’s)\s+$")
BIG_CITY = 50_000  # "Kharkiv, Sumy and Chernihiv": a city this large before a region's name starts a list
CITY_POPULATION = 10_000  # a namesake this large is a city ("the city of X", "X City")
CITY_REACH = 40  # characters before a name in which "the city of" may stand


def find_mentions(text: str, gaz: Gazetteer, lex: Lexicon, context: Context | None = None,
                  spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every place the text names, with the homonym it most likely means. `context`: the places the
    article's whole batch names, a last clue among homonyms (context.py); `spans`: the text's `sentences`,
    if the caller has them."""
    confirmed: set[str] = set()  # word-like names the article has already used as places
    named = gaz.find(text)
    listed = _listed_with_a_place(text, named, gaz)
    matches = [region for m, among in zip(named, listed)
               if not _not_a_place(text, m, gaz, lex, confirmed, among) and (region := _as_region(text, m, gaz))]
    matches = [_as_city(text, m, gaz, lex) for m in respelled(text, matches, named, gaz, lex)]
    matches, located = _qualified(text, matches, gaz, lex)
    if not matches:
        return []
    spans = sentences(text) if spans is None else spans
    spots = sorted([(m.start, gaz.places[m.candidates[0][0]].name) for m in matches
                    if all(gaz.places[pid].kind == "region" for pid, _ in m.candidates)] + located)
    sentence_of = _sentence_index(spans)
    contexts = _regions_near(matches, spots, set(located), sentence_of)
    matches = [with_spellings_in(m, c, gaz) for m, c in zip(matches, _regions_of_sentence(matches, spots, sentence_of))]
    # First guesses without neighbours; the places they find are the neighbours of the choice.
    first = _once([((id(m.candidates), m.surface, c), Request(m, c)) for m, c in zip(matches, contexts)],
                  lambda requests: first_guesses(requests, gaz, context))
    neighbours = Neighbours(list({p.id: p for p in first}.values()), context)  # each place named, once
    chosen = with_doubts_rechecked(_once([((id(m.candidates), c, f.id), Request(m, c, f.id))
                                          for m, c, f in zip(matches, contexts, first)],
                                         lambda requests: choose_all(requests, gaz, neighbours)))
    chosen = _one_sense(matches, chosen)
    mentions, si = [], 0
    for match, (place, why, doubt, others, margin) in zip(matches, chosen):
        while si < len(spans) - 1 and spans[si][1] <= match.start:
            si += 1
        s_start, s_end = spans[si]
        why, doubtful = (f"{why}; doubtful: {doubt}", True) if doubt else (why, False)
        mentions.append(Mention(place, match.surface, match.start, match.end, text[s_start:s_end], s_start,
                                others, why, doubtful=doubtful, certainty=_certainty(place, margin)))
    return _with_anaphors(text, spans, mentions, lex)


def _one_sense(matches: list[Match], chosen: list) -> list:
    """A name an article uses again means the same place again: each use takes the choice its surest use
    made («бои в Артемовске» a sentence after «окрестностях Артемовска» is Bakhmut still, though the
    sentence names a Luhansk unit). A use whose region was named with it has candidates of its own. (The
    gazetteer hands the same tuple of candidates for each use of a name: its set of places is made once.)"""
    uses: dict[frozenset, list[int]] = {}
    places: dict[int, frozenset] = {}  # id of a tuple of candidates -> its places; the tuples outlive the call
    for i, m in enumerate(matches):
        if len(m.candidates) > 1:
            key = places.get(id(m.candidates))
            if key is None:
                key = places[id(m.candidates)] = frozenset(pid for pid, _ in m.candidates)
            uses.setdefault(key, []).append(i)
    out = list(chosen)
    for group in uses.values():
        if len({chosen[i].place.id for i in group}) > 1:
            surest = chosen[max(group, key=lambda i: chosen[i].margin)]
            for i in group:
                out[i] = surest
    return out


def _sentence_index(spans: list[tuple[int, int]]) -> Callable[[int], int]:
    """Which sentence of `spans` (sorted) a position stands in."""
    starts = [start for start, _ in spans]
    return lambda pos: bisect_right(starts, pos)


def _regions_near(matches: list[Match], spots: list[tuple[int, str]], qualifiers: set[tuple[int, str]],
                  sentence_of: Callable[[int], int]) -> list[frozenset[str]]:
    """For each name, the regions named within REGION_REACH of it: before it, or in its own sentence, or
    as the qualifier of a name after it ("Novomykhaylivka, Donetsk" a sentence on). A region a later
    sentence names for its own sake ("drones over the Kyiv and Sumy regions") says nothing of a name
    before it."""
    where = [pos for pos, _ in spots]
    near = []
    for m in matches:
        around = spots[bisect_left(where, m.start - REGION_REACH):bisect_right(where, m.start + REGION_REACH)]
        near.append(frozenset(name for pos, name in around
                              if sentence_of(pos) <= sentence_of(m.start) or (pos, name) in qualifiers))
    return near


def _regions_of_sentence(matches: list[Match], spots: list[tuple[int, str]],
                         sentence_of: Callable[[int], int]) -> list[frozenset[str]]:
    """For each name, the regions named in its own sentence (a spelling is read as another language's only
    for the region its sentence names: "villages in the Kharkov Region - Krasnoye, Borisovka")."""
    return [frozenset(name for pos, name in spots if sentence_of(pos) == sentence_of(m.start)) for m in matches]


ANAPHOR_SIZES = {"city": (20_000, None), "town": (1_000, 200_000), "village": (0, 20_000), "settlement": (0, 50_000),
                 "there": (0, None)}
ANAPHOR_REACH = 1  # sentences back in which "the city" may find the place it stands for


def _with_anaphors(text: str, spans: list[tuple[int, int]], mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """"... near Izium. Russian forces captured the city on Friday": "the city" is the settlement named
    last, in its sentence or the one before (wire copy puts one sentence in a paragraph), if its size
    fits the word (a village is no city)."""
    found = []
    starts, named_at = [start for start, _ in spans], [m.start for m in mentions]  # both sorted
    for phrase in lex.anaphor.finditer(text):
        si = bisect_right(starts, phrase.start()) - 1
        m = _last_settlement(mentions, bisect_left(named_at, starts[max(0, si - ANAPHOR_REACH)]),
                             bisect_right(named_at, phrase.start()), phrase.start())
        if m is None or m.doubtful or not _fits(m.place.population, phrase.lastgroup) \
                or _only_a_reference(text, m, lex) \
                or phrase.lastgroup == "there" and names_a_sector(text, (m.start, m.end), lex):
            continue  # "there" after "the Avdiivka and Marinka sectors" is the sector
        s_start, s_end = spans[si]
        found.append(Mention(m.place, phrase.group(0), phrase.start(), phrase.end(), text[s_start:s_end], s_start,
                             m.candidates, f"{phrase.group(0)}: {m.surface}, named before", anaphor=True,
                             certainty=m.certainty))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _last_settlement(mentions: list[Mention], lo: int, hi: int, end: int) -> Mention | None:
    """The last settlement of mentions[lo:hi] that ends by `end`."""
    return next((m for m in reversed(mentions[lo:hi]) if m.end <= end and m.place.kind == "settlement"), None)


def _only_a_reference(text: str, m: Mention, lex: Lexicon) -> bool:
    """Named where fire came from or as a reference point ("from the Avdiivka area", "west of Donetsk")."""
    before = text[max(0, m.start - 50):m.start].lower()
    return bool(lex.origin_before.search(before) or lex.reference_before.search(before))


def _fits(population: int, word: str) -> bool:
    low, high = ANAPHOR_SIZES[word]
    return (population >= low or population == 0 and word != "city") and (high is None or population < high)


FRONT_TOWN = 10_000  # a town this large in a front-line region is meant by its name, though it is also a word
CLEAR_MARGIN = 4.0  # a homonym this far ahead of the next is as sure as a name with one meaning
HOMONYM_FLOOR = 0.75  # the certainty of a choice between candidates that score alike
APPROXIMATE = 0.9  # a village placed at its hromada's centre (or amid its district's post offices) may be 15-30 km off


def _certainty(place, margin: float) -> float:
    """How sure the place is: the homonym's lead over the next candidate, and how exactly it is placed."""
    lead = HOMONYM_FLOOR + (1 - HOMONYM_FLOOR) * min(1.0, margin / CLEAR_MARGIN)
    return lead * (APPROXIMATE if place.precision in ("hromada", "raion", "postarea") else 1.0)


def _once(keyed: list[tuple[tuple, Request]], choose: Callable[[list[Request]], list[T]]) -> list[T]:
    """`choose` for each request; a name said again in the same setting is chosen once (its candidates
    are keyed by identity: the gazetteer hands the same tuple for each use of a name, and hashing one
    of a hundred homonyms again and again was a measurable share of the time)."""
    unique = dict(keyed)
    chosen = dict(zip(unique, choose(list(unique.values()))))
    return [chosen[k] for k, _ in keyed]


def _as_region(text: str, m: Match, gaz: Gazetteer) -> Match | None:
    """"the Kursk and Belgorod regions": each name is a region, though the word stands only once; None
    for a region the gazetteer does not hold ("the Volgograd and Rostov regions" are not Volgograd city).
    So is a name that qualifies villages ("the Donetsk villages of Blahodatne and Neskuchne"), one after "the
    region(s) of" ("the southern region of Zaporizhzhia", "the regions of Kyiv and Chernihiv"; "the Kherson
    region of Ukraine" keeps Ukraine), one before "border region", one before a town ("a Donetsk town"), one
    after "towns in" ("fired on towns in Luhansk", "a village in Zaporizhzhia") and one a region is said of
    ("in Zaporizhzhia for months, a frontline region")."""
    named_after = REGION_OF.search(text, max(0, m.start - 80), m.start) \
        or INDEFINITE.search(text, max(0, m.start - 4), m.start) and TOWN_AFTER.match(text, m.end) \
        or SETTLEMENTS_IN.search(text, max(0, m.start - 60), m.start)
    if not (named_after or COORDINATED_REGIONS.match(text, m.end) or VILLAGES_OF.match(text, m.end)
            or BORDER_REGION.match(text, m.end) or REGION_APPOSED.match(text, m.end)
            or REGIONS_BORDER.match(text, m.end)):
        return m
    names = dict.fromkeys([m.surface] + [gaz.places[pid].name for pid, _ in m.candidates])  # "Zaporizhzhya" too
    regions = [p for name in names for p in gaz.lookup(f"{name} region") if p.kind == "region"]
    if regions:
        return replace(m, candidates=((regions[0].id, "region"),))
    return m if named_after else None


def _as_city(text: str, m: Match, gaz: Gazetteer, lex: Lexicon) -> Match:
    """"the southern city of Zaporizhzhia", "Zaporizhzhia City": of a name's namesakes, the cities, if it
    has any (a village called Zaporizhzhia near Pokrovsk is no city)."""
    if len(m.candidates) < 2 or not (lex.city_after.match(text, m.end)
                                     or lex.city_before.search(text, max(0, m.start - CITY_REACH), m.start)):
        return m
    cities = tuple(c for c in m.candidates if gaz.places[c[0]].population >= CITY_POPULATION)
    return replace(m, candidates=cities) if cities else m


def _restated(text: str, name: Match, short: Match) -> bool:
    """Is `short` the same region as `name`, in brackets right after it ("Donetsk People's Republic (DPR)")?"""
    return text[name.end:short.start].strip() == "(" and text.startswith(")", short.end) \
        and {pid for pid, _ in short.candidates} <= {pid for pid, _ in name.candidates}


def _qualified(text: str, matches: list[Match], gaz: Gazetteer,
               lex: Lexicon) -> tuple[list[Match], list[tuple[int, str]]]:
    """"Zarichne, Donetsk", "Myrne (Kherson region)", "Ivanivka in the Kharkiv region": an oblast
    named right after a place says which of its homonyms is meant, and is no place of its own; so does a
    raion ("Vasylivka, Pokrovskyi district, Donetsk", «Василівка Покровського району»). Returns the
    places, and where each such oblast was named (it still helps other names nearby)."""
    kept: list[Match] = []
    located: list[tuple[int, str]] = []
    matches = list(matches)
    i = 0
    while i < len(matches):
        before, m = matches[i - 1] if i else None, matches[i]
        i += 1
        owner = _owner(text, m, matches[i], gaz) if i < len(matches) else None
        if owner:
            region, inside = owner
            matches[i] = replace(matches[i], candidates=inside)
            located.append((m.start, region.name))
            continue  # "Kherson Oblast's Beryslav district", "the Sumy region's Krasnopillia"
        if _qualifies_unknown(text, before, m, gaz, lex):
            located.append((m.start, _region_named(m, gaz).name))
            continue  # "shelled DPR positions in Rumyantsevo, Donetsk": a village we lack, and its oblast
        raion = raion_after(text, m.end, lex)  # (its cheap test first: most names have many candidates)
        raion = raion if raion and _names_settlements(m, gaz) else None
        if raion:
            m = in_raion(m, raion, gaz)
            while i < len(matches) and matches[i].start < raion.end:
                i += 1  # "Bakhmut" in "Vasylivka, Bakhmut district": the locator, no place of its own
        after = matches[i] if i < len(matches) else None
        region = _qualifier(text, m, after, gaz, lex, raion.end if raion else m.end) if after else None
        if region:
            inside = tuple(c for c in m.candidates if gaz.within(gaz.places[c[0]], region)) or \
                tuple(c for c in m.candidates if not gaz.places[c[0]].region)  # islands, places of no oblast
            if inside:  # else a village we lack: its namesakes elsewhere are not meant
                kept.append(replace(m, candidates=inside))
            located.append((after.start, region.name))
            i += 1
            if i < len(matches) and _restated(text, after, matches[i]):
                i += 1  # "в Горловке Донецкой Народной Республики (ДНР)": the oblast's short form, no place either
        else:
            kept.append(m)
    return kept, located


def _owner(text: str, m: Match, after: Match, gaz: Gazetteer):
    """A region's possessive right before a settlement's name: the region locates it (the gazetteer
    may hold the possessive as the region's name: "Kherson Oblast's"). So does a city's that is also
    its oblast's name, before a settlement of that oblast ("Luhansk's Severodonetsk"). Returns the region
    and the settlement's candidates inside it, or None."""
    gap = text[m.start:after.start] if m.surface.endswith(("'s", "’s")) else text[m.end:after.start]
    if not (POSSESSIVE.search(gap) and _names_settlements(after, gaz)):
        return None
    if _names_a_region(m, gaz):
        region = gaz.places[m.candidates[0][0]]
        return region, tuple(c for c in after.candidates if gaz.within(gaz.places[c[0]], region)) or after.candidates
    region = _region_named(m, gaz)
    inside = tuple(c for c in after.candidates if region and gaz.within(gaz.places[c[0]], region))
    return (region, inside) if inside else None


def _qualifier(text: str, m: Match, after: Match, gaz: Gazetteer, lex: Lexicon, end: int):
    """The region `after` names when it qualifies `m` (whose phrase ends at `end`), else None."""
    if not lex.qualifier_between.match(text[end:after.start]):
        return None
    region = _region_named(after, gaz)
    if region is None or not (_names_a_region(after, gaz) or lex.qualifier_after.match(text, after.end)):
        return None  # "Siversk, Donetsk region hitting ...": a region's own name ends the phrase whatever follows
    places = [gaz.places[pid] for pid, _ in m.candidates]
    if any(p.kind == "region" for p in places):
        return None
    if not any(gaz.within(p, region) for p in places) and any(
            p.population >= BIG_CITY and how == "primary" for p, (_, how) in zip(places, m.candidates)):
        return None  # "Kharkiv, Sumy and Chernihiv": a list of cities
    return region


def _qualifies_unknown(text: str, before: Match | None, m: Match, gaz: Gazetteer, lex: Lexicon) -> bool:
    """An oblast's name after a name the gazetteer lacks qualifies it: "in Rumyantsevo, Donetsk", "the
    village of Novooleksandrovka in the DPR", «населенный пункт Новоолександровка Донецкой Народной Республики»."""
    if not lex.qualifier_after.match(text, m.end):
        return False  # (the cheapest test first: most names are not followed so)
    after_comma = text[max(0, m.start - 3):m.start].rstrip().endswith(",")
    name = (lex.unknown_before_qualifier if after_comma else lex.settlement_named_before).search(
        text, max(0, m.start - 80), m.start)
    if not name:
        return False
    known = before is not None and before.end > name.start(1) and not (before.start >= name.start(1)
                                                                       and before.end < name.end(1))
    return bool(not known and _region_named(m, gaz))


def _names_settlements(m: Match, gaz: Gazetteer) -> bool:
    return all(gaz.places[pid].kind == "settlement" for pid, _ in m.candidates)


def _names_a_region(m: Match, gaz: Gazetteer) -> bool:
    return all(gaz.places[pid].kind == "region" for pid, _ in m.candidates)


def _region_named(m: Match, gaz: Gazetteer):
    """The oblast a name stands for as a qualifier: "Donetsk" after a place is the Donetsk region."""
    for pid, _ in m.candidates:
        if gaz.places[pid].kind == "region":
            return gaz.places[pid]
    return next((p for p in gaz.lookup(f"{m.surface} region") if p.kind == "region"), None)


def _listed_with_a_place(text: str, named: list[Match], gaz: Gazetteer) -> list[bool]:
    """For each name, whether it is a common word that a list joins to a name that is none
    («Новоселовка Первая, Прогресс и Юрьевка»: Прогресс is a village here)."""
    common = [fold_name(m.surface) in gaz.common_words for m in named]
    def joined(i: int) -> bool:  # named[i] and named[i + 1] are neighbours in a list
        return joins_a_list(text, named[i].end, named[i + 1].start)
    return [is_common and (i > 0 and not common[i - 1] and joined(i - 1)
                           or i + 1 < len(named) and not common[i + 1] and joined(i))
            for i, is_common in enumerate(common)]


def _not_a_place(text: str, m: Match, gaz: Gazetteer, lex: Lexicon, confirmed: set[str],
                 listed: bool = False) -> bool:
    if in_dateline(text, m.start, m.end, lex):
        return True  # "KHARKIV, May 15 (Kharkiv Evening Post) -"
    after = text[m.end:m.end + 80]
    if lex.organisation_after.match(after) or lex.unit_before.search(text, max(0, m.start - 40), m.start) \
            or (_after_a_capital(text, m.start) and lex.person_before.search(text, max(0, m.start - 30), m.start)) \
            or (lex.person_before.fullmatch(m.surface + " ") and SURNAME_AFTER.match(text, m.end)) \
            or lex.people.fullmatch(m.surface):
        return True  # a unit, or a person: "Volodymyr Rogov", "governor Oleh Kiper" (Oleh is a village too)
    if lex.name_part_before.search(text, max(0, m.start - 30), m.start) and _names_settlements(m, gaz):
        return True  # «в селе Ясные Зори»: a longer name the gazetteer lacks, not the Zoria its last word names
    if lex.river_before.search(text, max(0, m.start - 30), m.start) and _names_settlements(m, gaz) \
            and not COORDINATED_REGIONS.match(text, m.end):
        return True  # "the left bank of the Dnipro": the river
    hromada = lex.language != "en" and lex.hromada_after.match(text[m.end:m.end + 120])
    if hromada and only_locates(text, m.start, m.end, hromada):
        return True  # a hromada named with its village locates it
    if lex.district.fullmatch(m.surface) or lex.district.match(text, m.start) \
            or RAION_NAMED.match(text, m.end) and SETTLEMENT_OF.search(text, max(0, m.start - 50), m.start):
        return True  # "Lozivskyi district", "the Kyivskyi and Shevchenkivskyi districts": districts, not villages
    key = fold_name(m.surface)
    if key in gaz.common_words and key not in confirmed:
        if not (listed or _reads_as_place(text, m, gaz, lex)):
            return True  # "Smile", "Bar", "Human" at the start of a sentence
        confirmed.add(key)
    if key in gaz.governments:
        before = text[max(0, m.start - 60):m.start]
        if _qualifies_the_name_before(text, m, lex):
            return False  # "clashes in Kapitanivka, Kyiv.": the Kyiv region, as ACLED's notes name it
        return bool(lex.government_after.match(after) or not (lex.government_place_before.search(before)
                                                              or lex.government_place_after.match(after)))
    return False


SURNAME_AFTER = re.compile(r"\s[A-ZА-ЯІЇЄҐ][a-zа-яіїєґё'’-]+")
PREVIOUS_NAME = re.compile(r"[^\W\d_][\w'’-]*(?=[^\w'’-]*$)")


def _qualifies_the_name_before(text: str, m: Match, lex: Lexicon) -> bool:
    """The name stands where an oblast qualifies the name before it ("Kapitanivka, Kyiv."): a capitalised
    word, a comma or a bracket, and the end of the phrase."""
    if not lex.qualifier_after.match(text, m.end):
        return False  # (the cheap test first)
    before = PREVIOUS_NAME.search(text, max(0, m.start - 40), m.start)
    return bool(before and before.group(0)[0].isupper() and lex.qualifier_between.match(text[before.end():m.start]))


def _after_a_capital(text: str, pos: int) -> bool:
    """The word before `pos` starts with a capital (a title or a given name could stand there)."""
    words = text[max(0, pos - 30):pos].split()
    return bool(words) and words[-1][:1].isupper()


def _reads_as_place(text: str, m: Match, gaz: Gazetteer, lex: Lexicon) -> bool:
    """A name that is also an English word is a place when the text treats it as one."""
    if any(gaz.places[pid].population >= (PROMINENT // 10 if how == "primary" else PROMINENT)
           for pid, how in m.candidates):
        return True  # "Donetsk", "Kyiv": a city's own name, or a very large city's other name
    if any(how == "primary" and gaz.places[pid].population >= FRONT_TOWN
           and gaz.places[pid].region in gaz.front_regions for pid, how in m.candidates):
        return True  # "Lyman": a town of the front, in reporting of the war
    return bool(lex.place_before.search(text, max(0, m.start - 40), m.start)
                or lex.place_after.match(text, m.end))
