"""Places named in an article: sentences, gazetteer matches, homonyms resolved, non-places dropped.

A name is not a mention when it is a dateline ("KYIV -"), a capital standing for its government
("Kyiv denied", "Moscow's army"), or part of an organisation's name ("Kyiv Independent").
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from geopy.distance import great_circle

from .gazetteer import PROMINENT, Gazetteer, Match
from .models import Mention, Place
from .names import fold_name
from .status import Lexicon

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "no", "vs", "u.s",
                 "u.k", "e.g", "i.e", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "approx", "est"}
_BREAK = re.compile(r"\n\s*|(?<=[.!?…])[\"”’»)]*\s+(?=[\"“‘«(]?[A-ZА-ЯІЇЄҐ0-9])")
FAR_KM = 400  # a settlement this far from all the others an article names is probably a homonym we lack
MAX_SENTENCE = 1500  # characters
REGION_REACH = 300  # characters: a region named this close to a place helps choose among its homonyms
HOW_PRIOR = {"primary": 1.5, "region": 4.0, "alias": 0.0}


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a line break or end punctuation before a capital, abbreviations kept whole.
    A run-on "sentence" longer than MAX_SENTENCE is cut at spaces, so work per sentence stays bounded."""
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        if "\n" not in m.group(0):
            word = text[max(0, m.start() - 6):m.start()].split()[-1:] or [""]
            if word[0].rstrip(".").lower() in ABBREVIATIONS:
                continue
        if text[start:m.start()].strip():
            spans.extend(_bounded(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.extend(_bounded(text, start, len(text)))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    return pieces + [(start, end)]


COORDINATED_REGIONS = re.compile(r"^(?:\s*(?:,|and|or)\s+[A-ZА-Я][\w'’-]+)*\s+(?:regions|oblasts|provinces)\b")


def find_mentions(text: str, gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    confirmed: set[str] = set()  # word-like names the article has already used as places
    matches = [_as_region(text, m, gaz) for m in gaz.find(text) if not _not_a_place(text, m, gaz, lex, confirmed)]
    if not matches:
        return []
    spans = sentences(text)
    spots = [(m.start, gaz.places[m.candidates[0][0]].name) for m in matches
             if all(gaz.places[pid].kind == "region" for pid, _ in m.candidates)]
    contexts = [{name for pos, name in spots if abs(pos - m.start) <= REGION_REACH} for m in matches]
    # First pass without neighbours; the places it finds are the neighbours of the second.
    first = [_choose(m, gaz, [], c)[0] for m, c in zip(matches, contexts)]
    named = list(dict.fromkeys(first))  # each place the article names, once
    chosen: dict[tuple, tuple[Place, str, bool]] = {}  # a name said again in the same setting: same choice
    mentions, si = [], 0
    for i, (match, context) in enumerate(zip(matches, contexts)):
        while si < len(spans) - 1 and spans[si][1] <= match.start:
            si += 1
        s_start, s_end = spans[si]
        key = (match.candidates, frozenset(context), first[i].id)
        if key not in chosen:
            anchors = [p for p in named if p.id != first[i].id] if len(match.candidates) > 1 else []
            place, why = _choose(match, gaz, anchors, context)
            far = _far_from_the_rest(place, anchors)
            chosen[key] = (place, why + (f"; doubtful: {far}" if far else ""), bool(far))
        place, why, doubtful = chosen[key]
        others = tuple(pid for pid, _ in match.candidates if pid != place.id)
        mentions.append(Mention(place, match.surface, match.start, match.end, text[s_start:s_end], s_start,
                                others, why, doubtful=doubtful))
    return mentions


def _as_region(text: str, m: Match, gaz: Gazetteer) -> Match:
    """"the Kursk and Belgorod regions": each name is a region, though the word stands only once."""
    if not COORDINATED_REGIONS.match(text, m.end):
        return m
    regions = [p for p in gaz.lookup(f"{m.surface} region") if p.kind == "region"]
    return replace(m, candidates=((regions[0].id, "region"),)) if regions else m


def _not_a_place(text: str, m: Match, gaz: Gazetteer, lex: Lexicon, confirmed: set[str]) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    dateline = lex.dateline.match(text, line_start)
    if dateline and m.end <= dateline.end():
        return True  # "KHARKIV, May 15 (Kharkiv Evening Post) -"
    after = text[m.end:m.end + 80]
    if lex.organisation_after.match(after) or lex.person_before.search(text, max(0, m.start - 30), m.start):
        return True
    key = fold_name(m.surface)
    if key in gaz.common_words and key not in confirmed:
        if not _reads_as_place(text, m, gaz, lex):
            return True  # "Smile", "Bar", "Human" at the start of a sentence
        confirmed.add(key)
    if key in gaz.governments:
        before = text[max(0, m.start - 60):m.start]
        return bool(lex.government_after.match(after) or not lex.government_place_before.search(before))
    return False


def _reads_as_place(text: str, m: Match, gaz: Gazetteer, lex: Lexicon) -> bool:
    """A name that is also an English word is a place when the text treats it as one."""
    if any(gaz.places[pid].population >= (PROMINENT // 10 if how == "primary" else PROMINENT)
           for pid, how in m.candidates):
        return True  # "Donetsk", "Kyiv": a city's own name, or a very large city's other name
    return bool(lex.place_before.search(text, max(0, m.start - 40), m.start)
                or lex.place_after.match(text, m.end))


def _choose(match: Match, gaz: Gazetteer, anchors: list[Place], context: set[str]) -> tuple[Place, str]:
    if len(match.candidates) == 1:
        return gaz.places[match.candidates[0][0]], "only candidate"
    ranked = rank(match, gaz, anchors, context)
    score, place, why = ranked[0]
    return place, f"{why} (score {score:.1f} of {len(ranked)} candidates)"


def rank(match: Match, gaz: Gazetteer, anchors: list[Place], regions: set[str]) -> list[tuple[float, Place, str]]:
    """Every place a name may mean, best first, each with its score and why: the regions named near
    it ("Ivanivka in the Kherson region"), nearness to the other places named, then prominence."""
    scored = []
    for pid, how in match.candidates:
        place = gaz.places[pid]
        score, reasons = HOW_PRIOR[how], [how]
        score += 4 * _likeness(match.surface, place.name)
        score += 0.6 * math.log10(place.population + 1)
        if place.region in gaz.front_regions:
            score += 0.8
        if place.precision == "point":
            score += 0.5  # a place we know exactly over one placed at its hromada's centre
        named = [r for r in regions if r == place.region or place.region in gaz.contains.get(r, ())]
        if named:
            score += 5
            reasons.append(f"region named nearby: {named[0]}")
        near = _nearest_anchor(place, anchors)
        if near:
            km, anchor = near
            bonus = 4 if km < 30 else 2 if km < 100 else 0.5 if km < 300 else 0
            score += bonus
            if bonus:
                reasons.append(f"{km:.0f} km from {anchor.name}")
        scored.append((score, place, "; ".join(reasons)))
    return sorted(scored, key=lambda s: -s[0])


@lru_cache(maxsize=65536)
def _likeness(surface: str, name: str) -> float:
    """How alike the name in the text and a candidate's own name are (0..1): an old or foreign name
    ("Aleksandrovka" for Donetsk) counts for less than the place's own."""
    return SequenceMatcher(None, fold_name(surface), fold_name(name)).ratio()


def _far_from_the_rest(place: Place, anchors: list[Place]) -> str:
    """Why a place looks wrong for this article: far from every other place it names."""
    near = _nearest_anchor(place, anchors)
    if place.kind != "settlement" or near is None or near[0] < FAR_KM:
        return ""
    return f"{near[0]:.0f} km from the nearest other place named ({near[1].name})"


def _nearest_anchor(place: Place, anchors: list[Place]) -> tuple[float, Place] | None:
    """The nearest other place the article names: found on a flat approximation, then measured on the sphere."""
    scale = math.cos(math.radians(place.lat))
    best = min(((math.hypot(a.lat - place.lat, (a.lon - place.lon) * scale), a) for a in anchors
                if a.kind == "settlement" and a.id != place.id), default=None, key=lambda da: da[0])
    if best is None:
        return None
    return great_circle((place.lat, place.lon), (best[1].lat, best[1].lon)).km, best[1]
