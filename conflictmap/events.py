"""From an article's mentions to events: status, date and claimant for each place, per sentence."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .context import Context
from .cyrillic import gazetteer_for
from .dates import DateCue, from_interval, interval
from .dates_cyrillic import date_finder
from .dates import precision as date_precision
from .gazetteer import Gazetteer
from .language import is_read
from .mentions import find_mentions, sentences, with_continuations
from .models import Article, Event, Mention, Place
from .lexicon import SPEECH, Lexicon, load_lexicon
from .status import (BOUNDARY, BOUNDARY_PENALTY, CHANGE_OF_HANDS, LOCAL, MAX_DISTANCE, OCCUPIER, OPPOSITE, SECONDARY,
                     Reading, Sentence, by_span, clause_distance, find_signals, is_reference_point, joins_a_list,
                     names_a_sector, read_status)
from .wordmatch import lower_text, may_match

QUOTE_LIMIT = 600
WHEN = re.compile(r",\s+when\b")
WHEN_REACH = 40  # characters from a date to the ", when" that takes it
DATE_RIGHT_AFTER = re.compile(r"\s+(?:in|on|since|by|during|until|у|в|во|з|с)\s+(?:(?:early|late|mid)[- ])?")
# "captured quickly after invading in February": two words at most between "after" and its date, so that
# "after a battle that began in August" does not date the capture by the battle's start
AFTER_CLAUSE = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:after|після|после)\s+(?:[\w'’-]+\s+){0,2}?(?:(?:in|on|of|у|в|во)\s+)?")
PERIOD_OF = re.compile(r"\bof$|-long$", re.IGNORECASE)
ASIDE = re.compile(r"\s*\([^()]{1,60}\)")  # a parenthesis right after a date: "(as reported)", "(between 10 and 14 May)"
IN_ASIDE = re.compile(r"\s?\([^()]{0,38}$")  # a parenthesis the place stands in: "(coded to X)", "(near X)"
LANDMARK = 100_000  # a city this large, named as a compass reference, only locates
OWN_VERB_REACH = 25  # a region's cue this close to it is about the region itself
DOUBT = 0.4  # confidence kept for a place far from all the others the article names
ANAPHOR = 0.85  # confidence kept for a place named as "the city" after its name
RUN_BY_RUSSIA_SINCE_2014 = {"Autonomous Republic of Crimea", "Sevastopol"}
RECENT_DAYS = 7  # a denial answers a claim dated within this many days of its article
SUMMARY_DAYS = 31  # a region's strikes or fighting told over a longer period sum up (`_sums_up`)
SINCE_REACH = 80  # characters before a date in which "since" makes it the start of a period
ANSWER_REACH = 2  # sentences back from an answer ("... responded with fire", "... dismissed the claim") to what it answers


def extract(article: Article, gaz: Gazetteer, lex: Lexicon | None = None, context: Context | None = None) -> list[Event]:
    """Every event the article reports, one per place, status and date (a claim: per side as well, so that
    two sides' claims on a place stand side by side); the surest telling wins.
    `context`: the places the article's batch names, a last clue among homonyms (context.py)."""
    if not is_read(article.language):
        return []  # stored, never misread (language.py)
    lex = lex or load_lexicon(article.language)
    gaz = gazetteer_for(gaz, article.language)  # Ukrainian and Russian names in every case
    find_dates = date_finder(article.language)
    published = date.fromisoformat(article.published)
    sentence_spans = with_continuations(article.text, sentences(article.text), lex.continues_sentence)
    mentions = find_mentions(article.text, gaz, lex, context, sentence_spans)
    if not mentions:
        return []
    low = lower_text(article.text)
    spans = sorted({(m.sentence_start, m.sentence_start + len(m.sentence)) for m in mentions})
    cues, claimants = find_signals(article.text, lex, low, spans)
    by_sentence: dict[int, list[Mention]] = {}
    for m in _outside_claimants(mentions, claimants):
        by_sentence.setdefault(m.sentence_start, []).append(m)
    status_cues = by_span([c for c in cues if c.status != SPEECH], spans)
    told_spans = [span for span in spans if status_cues[span[0]]]  # a sentence with no cue tells no event
    dates = find_dates(article.text, published, low, told_spans) if told_spans else []
    found = Found(low, status_cues, by_span([c for c in cues if c.status == SPEECH], spans),
                  by_span(dates, spans), by_span(claimants, spans))
    told = _same_day({base: _dated_once(_sentence_events(group, article, published, found, gaz, lex))
                      for base, group in by_sentence.items()}, lex)
    best: dict[tuple, Event] = {}
    for event in [e for events in told.values() for e in events] + _answered(article.text, low, sentence_spans, told, lex):
        key = (event.place.id, event.status, event.date, event.status == "claimed" and event.side)  # both sides' claims
        if key not in best or _strength(event) > _strength(best[key]):
            best[key] = event
    events = [e for e in _sided(list(best.values())) if not _sums_up(e, lex)]
    return _first_of_series(sorted(_named_parts(events, gaz, lex), key=lambda e: e.start), lex)


def _sums_up(event: Event, lex: Lexicon) -> bool:
    """A region shelled or fought over through a period up to now ("since the invasion began", «від початку
    2024 року», a date spanning months) is a summary of many events, not one the map can place. With a date,
    the period's word must stand before it ("on December 31 ... since" is that day's strike)."""
    if event.place.kind != "region" or event.status == "claimed":
        return False
    start, end = interval(event.date)
    if (end - start).days > SUMMARY_DAYS:
        return True
    quote, dated = lower_text(event.quote), event.cues.get("date", "").lower()
    if not dated:
        return lex.period_since.search(quote) is not None
    at = quote.find(dated)
    return at >= 0 and lex.period_since.search(quote, max(0, at - SINCE_REACH), at + len(dated)) is not None


def _named_parts(events: list[Event], gaz: Gazetteer, lex: Lexicon) -> list[Event]:
    """A region's event says no more than the same events the article tells of places inside it: a claim on
    places of a region ("liberated two more villages in the DPR") gives way to the claims on the places it
    names ("almost all of the region" stays), a region shelled or fought over gives way to its towns shelled
    or fought over that day ("the Kharkiv region came under fire: Kupiansk, Izium ...")."""
    named = [e.place for e in events if e.status == "claimed" and e.place.kind == "settlement"]
    kept = [e for e in events if not (e.status == "claimed" and e.cues.get("extent") == "part"
                                      and lex.settlements_word.search(lower_text(e.quote))
                                      and any(gaz.within(p, e.place) for p in named))]
    towns = [(e.place, e.status, e.date) for e in kept if e.place.kind == "settlement" and e.status != "claimed"]
    return [e for e in kept if not (e.place.kind == "region" and e.status != "claimed" and any(
        status == e.status and day == e.date and gaz.within(place, e.place) for place, status, day in towns))]


def _outside_claimants(mentions: list[Mention], claimants: list) -> list[Mention]:
    """A place named inside an actor's name is no place of the events («силы ДНР», «Народная милиция ЛНР»,
    "the Khortytsia group of troops"); a claimant that is only the place ("Kyiv said") leaves it alone. The
    claimants do not overlap and are in text order (find_signals): only the last to start by a mention's
    start may hold it."""
    starts = [c.start for c in claimants]
    def inside(m: Mention) -> bool:
        k = bisect_right(starts, m.start) - 1
        c = claimants[k] if k >= 0 else None
        return c is not None and m.end <= c.end and c.end - c.start > m.end - m.start
    return [m for m in mentions if not inside(m)]


def _sided(events: list[Event]) -> list[Event]:
    """A claim told with no side gives way to the same claim told with one."""
    sided = {(e.place.id, e.date) for e in events if e.status == "claimed" and e.side}
    return [e for e in events if not (e.status == "claimed" and not e.side and (e.place.id, e.date) in sided)]


def _answered(text: str, low: str, spans: list[tuple[int, int]], told: dict[int, list[Event]],
              lex: Lexicon) -> list[Event]:
    """A sentence that names no place and answers what the sentences just before it told (ANSWER_REACH):
    fire answered ("Russian forces shelled Marinka. Ukrainian forces responded with fire.") makes the places
    struck contested, if the answer opens on its subject; a claim denied ("Russia said it had captured X.
    Kyiv dismissed the claim as disinformation.") makes the places claimed contested, for the other side.
    `spans`: the text's sentences."""
    return (_answers(text, low, spans, told, lex.answered, "struck", "fighting", opens_on_subject=True)
            + _answers(text, low, spans, told, lex.denied_after, "claimed", "denial", opens_on_subject=False))


def _answers(text: str, low: str, spans: list[tuple[int, int]], told: dict[int, list[Event]],
             answer_pattern: re.Pattern, answered: str, frame: str, opens_on_subject: bool) -> list[Event]:
    if not any(e.status == answered for events in told.values() for e in events) \
            or not may_match(answer_pattern, low):
        return []  # nothing it could answer, or no answer
    ends = [end for _, end in spans]
    out = []
    for answer in answer_pattern.finditer(low):
        k = bisect_right(ends, answer.start())  # the sentence it stands in
        if spans[k][0] in told or opens_on_subject and "," in text[spans[k][0]:answer.start()]:
            continue  # it names its own place, or it opens on another time or place ("Later, in Sumy, ...")
        before = next((told[spans[j][0]] for j in range(k - 1, max(-1, k - 1 - ANSWER_REACH), -1)
                       if any(e.status == answered for e in told.get(spans[j][0], ()))), [])
        if frame == "denial":  # a denial answers news, not a capture of long ago told in passing
            before = [e for e in before if _recent(e)]
        said = " ".join(text[spans[k][0]:spans[k][1]].split())
        out += [replace(e, status="contested", quote=_quote(f"{e.quote} {said}"), claimant="",
                        side=OPPOSITE.get(e.side, "") if frame == "denial" else "",
                        confidence=round(e.confidence * SECONDARY, 2),
                        cues={**e.cues, "status": answer.group(0), "frame": frame})
                for e in before if e.status == answered and e.place.kind == "settlement"]
    return out


def _recent(event: Event) -> bool:
    """Is the event dated within RECENT_DAYS of its article's publication?"""
    start, end = interval(event.date)
    published = date.fromisoformat(event.published)
    return end >= published - timedelta(days=RECENT_DAYS) and start <= published


def _same_day(told: dict[int, list[Event]], lex: Lexicon) -> dict[int, list[Event]]:
    """"Shelling killed three people on July 13. In the afternoon, an attack killed a man in Tokarivka.": a
    sentence that says only the part of the day, after a sentence dated to the day, is of that day."""
    day, out = None, {}
    for base in sorted(told):
        events = told[base]
        if day and any(e.date_source == "publication" for e in events) and lex.part_of_day.search(lower_text(events[0].quote)):
            events = [replace(e, date=day, date_source="text", cues={**e.cues, "date": f"that day ({day})"})
                      if e.date_source == "publication" else e for e in events]
        days = [e.date for e in events if e.date_source == "text" and date_precision(e.date) == "day"]
        day = days[-1] if days else day
        out[base] = events
    return out


def _dated_once(events: list[Event]) -> list[Event]:
    """One sentence telling the same place and status twice ("in Izium ... capturing the city on April
    1") dates it where it says when: a telling dated only by publication gives way to a dated one."""
    dated = {(e.place.id, e.status) for e in events if e.date_source == "text"}
    return [e for e in events if e.date_source == "text" or (e.place.id, e.status) not in dated]


def _first_of_series(events: list[Event], lex: Lexicon) -> list[Event]:
    """"So far this year, X was the first town to fall ... last month Russia also took Y": X fell
    no later than Y, so X's period ends where the earliest event of its kind dated inside it ends."""
    out = []
    for e in events:
        if date_precision(e.date) == "period" and lex.first_of_series.search(e.quote):
            first, last = interval(e.date)
            later = [o for o in events if o.status == e.status and o.date != e.date
                     and first <= interval(o.date)[0] and interval(o.date)[1] <= last]
            if later:
                bound = min(later, key=lambda o: interval(o.date)[1])
                e = replace(e, date=from_interval(first, interval(bound.date)[1]),
                            cues={**e.cues, "date": f'{e.cues["date"]}; first, before {bound.place.name}'})
        out.append(e)
    return out


def _strength(event: Event) -> tuple:
    """Which telling of the same event to keep: confident, dated by the text, fully said."""
    return event.confidence, event.date_source == "text", len(event.quote)


@dataclass(frozen=True)
class Found:
    """The cues of a whole article, found in one pass each, by sentence start."""

    low: str  # the article's `lower_text`
    cues: dict[int, list]
    speech: dict[int, list]
    dates: dict[int, list[DateCue]]
    claimants: dict[int, list]


def _sentence_events(group: list[Mention], article: Article, published: date, found: Found, gaz: Gazetteer,
                     lex: Lexicon) -> list[Event]:
    base = group[0].sentence_start
    if not found.cues[base]:
        return []  # no cue: nothing happened at its places (read_status)
    sentence = Sentence(article.text, found.low, base, base + len(group[0].sentence))
    spans = [(m.start, m.end) for m in group]
    sectors = [names_a_sector(article.text, span, lex) for span in spans]  # "the Siversk direction"
    references = [is_reference_point(sentence, span, lex) for span in spans]  # "southeast of Kupiansk"
    # the places a cue may govern instead: regions, reference points and sectors ("attacked in the Siversk
    # direction near Bilohorivka") only locate
    others = tuple(span for span, m, reference, sector in zip(spans, group, references, sectors)
                   if m.place.kind == "settlement" and not reference and not sector)
    readings = _change_of_hands_only(group, _shared_by_long_lists(sentence, spans, found.cues[base], [
        [] if _a_landmark(m, span, found.low, lex)
        else read_status(sentence, span, found.cues[base], found.claimants[base], found.speech[base], lex, others,
                         reference=reference)
        for m, span, reference in zip(group, spans, references)]))
    if not any(readings):
        return []
    firsts = [r[0] if r else None for r in readings]
    dates, quote = [d for d in found.dates[base] if not _later(d, published)], _quote(group[0].sentence)
    out = []
    for i, (m, span, told) in enumerate(zip(group, spans, readings)):
        if not told or _only_locates(i, group, firsts, gaz, lex) or sectors[i]:
            continue
        for reading in (_as_a_strike(r, m.place, lex) for r in told):
            cue = _date_for(span, spans, [d for d in dates if _date_fits(d, reading)], article.text,
                            (reading.cue_start, reading.cue_start + len(reading.cue)))
            out.append(Event(
                place=m.place, status=reading.status,
                date=cue.edtf if cue else published.isoformat(),
                date_source="text" if cue else "publication",
                claimant=reading.claimant, side=_local(reading.side, m.place), quote=quote,
                article=article.file, outlet=article.outlet, url=article.url, published=article.published,
                start=m.start, end=m.end, confidence=_confidence(reading, m),
                cues={"status": reading.cue, "frame": reading.frame, "date": cue.text if cue else "",
                      "place": m.why, "surface": m.surface, "located": m.place.precision,
                      **({"extent": _extent(found.low, reading, span, lex)} if m.place.kind == "region" else {})}))
    return out


def _as_a_strike(reading: Reading, place: Place, lex: Lexicon) -> Reading:
    """An attack told by its bare word on a city of LANDMARK people or more is a strike: «ворог атакував
    Запоріжжя», «росіяни продовжують атакувати обласний центр» (a regional administration's night). English
    assault cues name the troops or the direction ("an attack aimed towards Kharkiv"): they stay assaults."""
    if reading.frame == "assault" and place.population >= LANDMARK and lex.bare_attack.match(reading.cue.lower()):
        return replace(reading, status="struck", frame="strike")
    return reading


def _shared_by_long_lists(s: Sentence, spans: list[tuple[int, int]], cues: list, readings: list[list]) -> list[list]:
    """A list too long for its verb to reach its last items («постраждали населені пункти X, Y, ... Z
    Сумської області», a General Staff summary of a dozen villages): an item beyond every cue's reach reads
    as the item before it that a cue reaches, through an unbroken list."""
    shared = list(readings)
    for i in range(1, len(spans)):
        if not shared[i] and shared[i - 1] and joins_a_list(s.text, spans[i - 1][1], spans[i][0]) \
                and all(clause_distance(s.text, spans[i], (c.start, c.end)) > MAX_DISTANCE for c in cues):
            shared[i] = shared[i - 1]
    return shared


def _a_landmark(m: Mention, span: tuple[int, int], low: str, lex: Lexicon) -> bool:
    """A city too large to stand for the fighting on its compass side: "fighting north of Kharkiv" is not
    in Kharkiv, though "advanced southwest of Avdiivka" is at Avdiivka."""
    before = max(m.sentence_start, span[0] - 50)
    return m.place.population >= LANDMARK and lex.compass_before.search(low, before, span[0]) is not None


def _change_of_hands_only(group: list[Mention], readings: list[list]) -> list[list]:
    """A place a sentence says changed hands is not also fought over in it, however it is named there:
    "retook Izium in a lightning counteroffensive", "The loss of Avdiivka came after months of assaults
    ... against the town's flanks"."""
    changed = {m.place.id for m, told in zip(group, readings)
               if any(r.frame in CHANGE_OF_HANDS and r.status == "claimed" for r in told)}
    if not changed:
        return readings
    return [[r for r in told if not (m.place.id in changed and r.frame == "assault")] for m, told in zip(group, readings)]


def _extent(low: str, reading, span: tuple[int, int], lex: Lexicon) -> str:
    """Whether a region's claim is of all of it ("whole": "Russia took full control of the Luhansk region")
    or of places in it ("part": "captured five villages in the Kharkiv region", "almost the entire ...")."""
    cue_end = reading.cue_start + len(reading.cue)
    partial = reading.status == "claimed" and cue_end <= span[0] and lex.taken_part.match(low, cue_end, span[0])
    return "part" if partial else "whole"


def _local(side: str, place) -> str:
    """A governor, a mayor or rescuers (`local`) speak for the side that runs the place: Russia's in
    Russia and in Crimea, Ukraine's elsewhere in Ukraine (occupation officials are named as such). An
    occupied place (`occupier`) is held by the other country's side: Russia's in Ukraine, Ukraine's in
    Russia."""
    if side == OCCUPIER:
        return {"UA": "russian", "RU": "ukrainian"}.get(place.country, "")
    if side != LOCAL:
        return side
    return "russian" if place.country == "RU" or {place.name, place.region} & RUN_BY_RUSSIA_SINCE_2014 else "ukrainian"


def _confidence(reading, m: Mention) -> float:
    """The reading's confidence times how sure the place is; less for a place far from the article's
    others or named as "the city"."""
    return round(reading.confidence * m.certainty * (DOUBT if m.doubtful else 1) * (ANAPHOR if m.anaphor else 1), 2)


def _only_locates(i: int, group: list[Mention], readings: list, gaz: Gazetteer, lex: Lexicon) -> bool:
    """A region named in a sentence about a settlement only locates it: "Toretsk in the Donetsk region",
    "the ruined town in the Donetsk region", "captured Toretsk, an advance in the Donbas region" -
    unless its own verb stands right beside it ("strikes on the Kharkiv region")."""
    m, reading = group[i], readings[i]
    if m.place.kind != "region":
        return False
    offset = m.start - m.sentence_start
    has_town = any(o.place.kind == "settlement" for o in group)
    if has_town and lex.locator_before.search(m.sentence, max(0, offset - 60), offset):
        return True
    own_verb = abs(reading.cue_start - m.start) <= OWN_VERB_REACH
    for other, other_reading in zip(group, readings):
        if other.place.kind != "settlement" or other_reading is None:
            continue
        if gaz.within(other.place, m.place) and not own_verb:
            return True
        if other_reading.cue_start == reading.cue_start and \
                abs(other.start - reading.cue_start) <= abs(m.start - reading.cue_start):
            return True
    return False


def _date_for(span, spans, dates: list[DateCue], text: str, cue_span: tuple[int, int]) -> DateCue | None:
    """The date of the clause the place or its status cue stands in; a date nearer another place
    than to this one belongs to that place ("captured Toretsk, the biggest gain since Avdiivka in
    February 2024": February is Avdiivka's)."""
    opened = IN_ASIDE.search(text, max(0, span[0] - 40), span[0])
    if opened:  # "(coded to Zhovtneve)": the place takes the date of the clause its parenthesis stands in
        span = (opened.start(), opened.start())
    own = next((d for d in dates if d.start >= span[1] and DATE_RIGHT_AFTER.fullmatch(text, span[1], d.start)), None)
    if own:  # "taking Ocheretyne in April, New York in August": the date right after a place is its own
        return own
    best = None
    for cue in dates:
        aside = ASIDE.match(text, cue.end)  # "Around 14 May 2023 (as reported), ...": the aside is the date's
        where = (cue.start, aside.end() if aside else cue.end)
        gap = _gap(span, where)
        if gap > MAX_DISTANCE + BOUNDARY_PENALTY or (best and gap >= best[0]):
            continue
        mine = clause_distance(text, span, where)
        same_clause = mine == gap
        by_verb = clause_distance(text, cue_span, where) == _gap(cue_span, where)
        if not (same_clause or (by_verb and _owns(span, spans, where, mine, text))):
            continue
        if best is None or mine < best[0]:
            best = (mine, cue)
    return best[1] if best else _when_date(span, dates, text) or _after_date(span, cue_span, dates, text)


def _when_date(span, dates: list[DateCue], text: str) -> DateCue | None:
    """"a base for Ukraine's 2023 counteroffensive, when Ukrainian troops recaptured X": a clause
    opened by "when" happened at the date just before it."""
    before = [d for d in dates if d.end <= span[0]]
    if not before:
        return None
    between = text[before[-1].end:span[0]]
    when = WHEN.search(between)
    inside = when and when.start() <= WHEN_REACH and "," not in between[when.end():] \
        and len(BOUNDARY.findall(between)) == 1
    return before[-1] if inside else None


def _after_date(span, cue_span, dates: list[DateCue], text: str) -> DateCue | None:
    """"Kherson, which the Russians captured quickly after invading in February", "entered Kupiansk shortly
    after the February 2022 invasion": a cue with no date of its own happened at, or just after, the date
    of the clause opened by "after" right behind it (or behind the place it governs)."""
    end = max(cue_span[1], span[1]) if span[0] >= cue_span[1] else cue_span[1]
    return next((d for d in dates if d.start > end and AFTER_CLAUSE.fullmatch(text, end, d.start)), None)


def _owns(span, spans, where, mine: int, text: str) -> bool:
    """No other place is nearer the date (a raw gap is never more than the clause distance)."""
    return all(clause_distance(text, s, where) >= mine for s in spans if s != span and _gap(s, where) < mine)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1]) if a[0] <= b[0] else max(0, a[0] - b[1])


def _later(cue: DateCue, published: date) -> bool:
    """A date after its article's publication dates no event the article reports ("a day of mourning
    will be declared on 14 March" in an article of the 13th)."""
    return interval(cue.edtf)[0] > published


def _date_fits(cue: DateCue, reading) -> bool:
    """A period such as "four months of fighting" dates only the cue it introduces."""
    if not PERIOD_OF.search(cue.text):
        return True
    return 0 <= reading.cue_start - cue.end <= 40


def _quote(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1] + "…"
