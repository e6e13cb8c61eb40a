"""What a sentence says happened at a place: claimed, contested or struck, and who says so.

The cues live in data/lexicon.yaml, grouped by frame (capture, fighting, strike...). A place takes the
cue that governs it ("captured the town of X", "X was shelled"), else the nearest of its clause; cues
beyond a clause boundary (";", "but", ", which", "after") count as farther away, so that in "Toretsk is
the largest town taken since Avdiivka fell" each place keeps its own verb. A second frame of the same
clause adds its status. The claimant is the source that speaks for the cue, else its actor; the side
is whom the event is told for (read_claimant).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import SPEECH, Lexicon
from .wordmatch import lower_text, quick

ABBREVIATION = range(2, 9)  # letters of a name's short form in brackets, "(ВСУ)", "(AFU)": it opens no clause
ASIDE_OPENS = rf"\((?!\w{{{ABBREVIATION.start},{ABBREVIATION.stop - 1}}}\))"
ASIDE_CLOSES = "".join(rf"(?<!\(\w{{{n}}})" for n in ABBREVIATION) + r"\)"
# a list of places, and of places by oblast («X, Y Чернігівської області; Z Сумської області»), goes on past ";"
BOUNDARY = quick(re.compile(r"(?<!області)(?<!области)(?<!обл\.);"
                      r"(?!\s*(?:and\s+|or\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west)\w*\s+of|near|around|along)\b)"
                      r"|,\s+(?:after|since|while|but|which|who|whose|whereas|although|where|when|as"
                      r"|using|saying|adding|citing|according to|referring to"
                      r"|після|коли|де|який|яка|яке|які|яку|якого|якої|яких|але|проте|однак|хоча|тоді як|а(?!\s+також)"  # Ukrainian
                      r"|после|когда|где|который|которая|которое|которые|которую|которого|которой|но|однако|хотя|а(?!\s+также))\b"  # Russian
                      r"|\b(?:but|while|whereas|although|however|since|after|але|проте|однак|хоча|після|но|однако|хотя"
                      r"|после)\b|" + ASIDE_OPENS + "|" + ASIDE_CLOSES))
# who a place is taken from: "liberation of X from units of the Ukrainian army", «освободили от киевских
# оккупантов», «звільнили від окупантів»
LOSER_REACH = 120
# the other side, unnamed: "forced the enemy to abandon the landing", «противник отступил»
SHORT_ASIDE = re.compile(r"\([^()]{1,30}\)")
BOUNDARY_PENALTY = 180
# (outer, inner): a cue of the inner frame inside the words of one of the outer frame is read as part of them
INSIDE_OF = {("strike", "assault"), ("strike", "capture"), ("fighting", "strike")}
OUTER_FRAMES = {outer for outer, _ in INSIDE_OF}
CLAUSE_OF_ITS_OWN = {"while", "whereas", "but", "although", "however", "", "але", "проте", "однак", "хоча", "тоді як",
                     "но", "однако", "хотя"}  # "" is ";": a speaker after these speaks for its own clause
# A relative clause set between commas inside the clause ("assaulted Russian forces, who were supported by
# air units, near Bakhmut"): the words after it go on with the clause it interrupts.
INSERTED_RELATIVE = re.compile(r",\s+(?:which|who|whose|який|яка|яке|які|который|которая|которое|которые)\b[^,;.()]{1,60},"
                               r"(?=\s+(?:near|in|at|on|around|outside|towards?|into|біля|поблизу|у|в|на|під|около|под)\b)")
# an aside right after a place, closed before the place's own predicate: "In Kyiv, which came under attack, four
# people were injured", "Yampil, about 20 km (12 miles) from the border, was hit" (not "Sumy, which borders
# Kursk, as a staging ground", nor "..., according to DeepState"), or in parentheses: "Izyum (also in Kharkiv
# Oblast) was liberated"
RELATIVE_ASIDE = re.compile(r"(?:,\s+(?:which|who|whose|where|about|some|around|nearly|located|situated|який|яка|яке|які|де|"
                            r"который|которая|которое|которые|где)\b[^;.]{1,120}?,|\s*\([^()]{1,60}\),?)\s+"
                            r"(?=(?:was|were|is|are|has|have|had|came|remained|suffered|\d+|one|two|three|four|five|six|"
                            r"seven|eight|nine|ten|several|many|at least|був|була|було|були|был|была|было|были)\b)")
COLON_SPEAKER = re.compile(r"\s*:\s")
WORD = re.compile(r"\w")
POSSESSIVE = re.compile(r"['’]s?\b")
# the other side of a fight or the target of an attack: "clashed with Ukrainian troops", "drones at Ukraine",
# «продвижение в глубину обороны противника», «позиції ворога»
OPPONENT_BEFORE = re.compile(r"\b(?:with|against|at|on|into|over|across|towards?|з|із|зі|проти|по|на|с|со|против"
                             r"|(?:оборон|позици|позиці|тыл|тил|рубеж)\w*)\s+$")
# where, not who: "pressing their advance through eastern Ukraine have captured X" (Russian forces act)
WHERE_BEFORE = re.compile(r"\b(?:(?:through|throughout|inside|within|across)\s+(?:(?:north|south|east|west|central)[\w-]*\s+)?"
                          r"|in\s+(?:north|south|east|west|central)[\w-]*\s+)$")  # not "the ministry in Moscow"
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$")
PROGRESSIVE = re.compile(r"\w+ing\b")  # "are holding the line": no passive after all
# the kind of place before the next item: "and the nearby villages of Y", «та с. Y», «и пгт Y»
LIST_KIND = (r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:villages?|towns?|city|cities|settlements?)\s+of\s+"
             r"|(?:с|м|смт|сщ|н\.\s?п|пгт|пос|г|село|селище|місто|город|поселок|посёлок)\.?\s+"
             r"|(?:[\w'’-]+\s+)?(?:населен|населён)\w*\s+пункт\w*\s+"  # «та сусіднього населеного пункту Y»
             r"|(?:(?:північно|південно|северо|юго)-?)?(?:східніше|західніше|північніше|південніше|восточнее|западнее"
             r"|севернее|южнее)\s+)?")  # a general staff's list: «в районах X, східніше Y»
LOCATED = (r"(?:\s+(?:on|in|by)\s+[A-Z][a-z]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
           r"|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)[\w-]*\s+)?[A-Z][\w'’-]+\s+(?:region|oblast|province)"
           r"|\s+on\s+the\s+[A-Z][\w'’-]+\s+(?:axis|direction|front|sector)"  # "X on the Vovchansk axis, and Y"
           r"|,?\s+(?:in\s+(?:the\s+)?)?[A-Z][\w'’-]+\s+(?:district|raion|rayon|community|hromada)"  # "X, Izium district; Y"
           r"|(?:\s+(?:громад|общин)\w*)?\s+(?:(?:в|у|во)\s+)?[А-ЯІЇЄҐ][\w'’-]+\s+(?:області|области|обл\.|району|района|р-ну|р-на)"
           r"|\s+(?:в|у)\s+(?:ДНР|ЛНР))?")
# «X Чернігівської області; Y», «X, Y громад Шосткинского района, Z», «X в Днепропетровской области, а также Y»
UNPLACED_ITEM = r"(?:,\s+[A-ZА-ЯІЇЄҐ][\w'’-]+(?:[\s-][A-ZА-ЯІЇЄҐ][\w'’-]+)?" + LOCATED + r"(?=,))?"  # a name the gazetteer lacks
LIST_SEPARATOR = re.compile(LOCATED + UNPLACED_ITEM +
                            r"(?:\s+itself|\s+(?:міськ|селищн|сільськ|городск|поселков|сельск)\w+)?\s*(?:,?\s*(?:as\s+well\s+as|а\s+також|а\s+также)\s+|,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s+[-–—]\s+|[.,;]?\s*[•·▪●◦‣*]\s*"
                            r"|;\s*(?:and\s+|or\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west)[\w-]*\s+of\s+[A-Z][\w'’-]+\s+)?)"
                            r"(?:(?:\d+\s+)?(?:near|in|around|at|outside)\s+)?" + LIST_KIND)
# "X on June 24 and Y", "X in the Donetsk region and Y", "X - Y", "near X and in Y", "27 attacks near X and 11 near Y",
# "near X; west of Avdiivka near Y" (a think-tank update's list), "X in the southeastern Zaporizhzhia region,
# Dehtiarne in northeastern Kharkiv region, and Y" (an item between that the gazetteer does not hold), «X сільська, Y»
# the second of two places of where, with its own compass word: "near X and northwest of the town of Y" (not ", southeast
# of Y": that locates X)
LIST_COMPASS = re.compile(r"\s+and\s+(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
                          r"\s+of\s+|near\s+|(?:on|in)\s+the\s+outskirts\s+of\s+)(?:the\s+(?:town|city|village)\s+of\s+)?")
COORDINATED_BEFORE = re.compile(r"\w\s+(?:and|or|і|й|та|и|или|або)\s+(?:to\s+the\s+|на\s+|к\s+)?$")  # "near X and northwest of Y"
RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whom|whose|where|when|який|яка|яке|які|яку|де|коли|который|которая|которое|которую"
                           r"|которые|где|когда)\b[^,;]*$")
LIST_WORDS = re.compile(r"(?:\s+(?:міськ|селищн|сільськ|городск|поселков|сельск)\w+"
                        r"|(?:\s+(?:громад|общин)\w*)?,?\s+[А-ЯІЇЄҐ][\w'’-]+\s+(?:району|района|області|области|обл\.))?\s*(?:,\s*(?:і|и|та|й|або|или)\s+|\s+(?:і|и|та|й|або|чи|или|либо)\s+)"
                        r"(?:(?:в|у|біля|поблизу|під|около|под|возле)\s+)?" + LIST_KIND)  # «Торецька і Покровська», «та в Y», «X, Харківської області та Y»
REPELLED_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?")  # "repelled [two Russian] attacks"
ATTACK_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,6}?")  # "attacks [near Robotyne in the Zaporizhzhia region were] repelled"
# around a body's title: the place it belongs to, and its official by name (claimants' text, _named_in_full)
BODY = re.compile(r"(?:(?:Oblast|Regional|Region|City|District) )?(?:Military )?(?:Administration|Council|Police)")
BODY_PLACE_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?: (?:Oblast|Regional|Region|City|District))? $")
OFFICIAL_AFTER = re.compile(r" (?:Head|Chief|Governor|Commander|Spokesperson|Spokesman|Spokeswoman|Secretary)"
                            r"(?: [A-Z][\w'’-]+){1,3}")
MAX_DISTANCE = 220  # so a cue across a clause boundary counts only within 40 characters
GOVERNED_REACH = 90  # characters: the longest gap `governed_gap` can fill
SECONDARY = 0.8  # confidence kept by an event of a place's second frame
AGENT_REACH = 80  # characters from an actor to the cue it performs
OWN = "own"  # the side of an actor such as "its forces": the speaker's
LOCAL = "local"  # the side of a governor or a mayor: that of the place's country (events.py)
CHANGE_OF_HANDS = ("capture", "withdrawal")  # frames that say a place changed hands
# a relative clause that opens right after a place and has it for its object
RELATIVE_AFTER = re.compile(r"(?:\s+(?:in|on|since|у|в)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)?"
                            r"(?:,\s+(?:which|that|який|яку|яке|які|котрий|котру|который|которую|которое|которые)|\s+which)\b")
# a second verb after "and": "captured a key town and unleashed ...", «захопили село і обстріляли»
BACKGROUND = 0.5  # a capture told as an adjective of its place is told in passing
ADJECTIVE_GAP = re.compile(r"\s+(?:(?!as\b|are\b|were\b|include)[\w'’-]+\s+){0,3}")  # "liberated town of ", not "captured settlements as "
SECTOR_LIST_REACH = 160  # characters back from a sector's name to the word «напрямках» its list follows
UNNAMED_REACH = 60  # characters from "a village" to the region it lies in ("from Ukrainian forces in the Kursk region")
OCCUPIER = "occupier"  # the holder of an occupied place: the other country's side (events.py)
ADJECTIVE_REACH = 60  # characters before a cue that a side's adjective and its weapon words may take
HOLDER_REACH = 30  # characters around a control cue that may name its holder ("under Russian military control")
OPPOSITE = {"russian": "ukrainian", "ukrainian": "russian"}
SOURCE = object()  # the speech of a source named after "according to"
ANTECEDENT_REACH = 300  # characters back in which "its general staff" finds whose it is
SPEAKER_GAP = 12  # characters between a source and its speech verb ("Ukraine's military said", "Kyiv has said")
SOURCE_REACH = 40  # characters from "according to" or «повідомила Херсонська» to the source it names
SPEECH_REACH = 30  # characters from a claimant to the verb that makes it the speaker ("the ministry on Friday said")
APPOSITION = re.compile(r"^\s*,\s*(?:(?:[A-ZА-ЯІЇЄҐ][\w.'’-]*\s+){0,3}[A-ZА-ЯІЇЄҐ][\w.'’-]*"
                        r"|(?:a|an|the|its|his|her|their|which|who|that)\s[^,]{1,60})\s*,")  # or a relative clause
APPOSITION_REACH = 70  # characters an apposition or a relative clause may add between a source and its verb


class Cue(NamedTuple):
    start: int
    end: int
    text: str
    status: str
    frame: str = SPEECH  # what the words say happened: capture, fighting, strike... (lexicon `frames`)
    weight: float = 1.0  # how much the frame says (lexicon `weight`)
    second: bool = True  # may add its status to a place that another frame governs


@dataclass(frozen=True)
class Reading:
    status: str
    cue: str
    confidence: float
    claimant: str
    side: str
    cue_start: int  # where the cue stands in the article
    frame: str = ""  # the lexicon frame of the cue: capture, fighting, strike...


class Claimant(NamedTuple):
    start: int
    end: int
    text: str
    side: str  # "" when the words alone do not tell


def find_signals(text: str, lex: Lexicon, low: str | None = None,
                 spans: list[tuple[int, int]] | None = None) -> tuple[list[Cue], list[Claimant]]:
    """Every status cue and speech verb, and every named source of claims, in the spans of a text
    (default: all of it), each sorted; `low` is the text's `lower_text`. One scan finds both."""
    low = lower_text(text) if low is None else low
    found = lex.signals.matches(low, spans or [(0, len(text))])
    n = len(lex.cue_frames)
    cues = [Cue(m.start(), m.end(), text[m.start():m.end()], status, frame, weight, second)
            for (frame, status, weight, second), matches in zip(lex.cue_frames, found[:n]) for m in matches]
    claimants = [_named_in_full(text, m.start(), m.end(), side)
                 for side, matches in zip(lex.claimant_sides, found[n:]) for m in matches
                 if not (text[m.start():m.end()].isupper() and in_dateline(text, m.start(), m.end(), lex))]
    cues = [c for c in _outermost(cues) if not (c.frame == "weapon" and _a_target(low, c, lex))]
    return sorted(cues, key=lambda c: c.start), _longest(claimants)


def _a_target(low: str, cue: Cue, lex: Lexicon) -> bool:
    """A weapon named as what was destroyed is no one's arm ("destroyed a Ukrainian howitzer")."""
    return lex.target_before.search(low, max(0, cue.start - ADJECTIVE_REACH), cue.start) is not None


def _outermost(cues: list[Cue]) -> list[Cue]:
    """An assault's verb inside a strike's words is the strike's («дрон ВСУ атаковал автомобиль»), so is a
    fall ("fragments of drones fell on"), and a strike's inside a fight's is the fight's («знищення
    диверсійних груп», "exchanged artillery fire")."""
    around: dict[str, list[tuple[int, int]]] = {}  # an inner frame -> the spans of its outer frames' cues
    for c in cues:
        for outer, inner in INSIDE_OF:
            if c.frame == outer:
                around.setdefault(inner, []).append((c.start, c.end))
    return [c for c in cues if not any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end)
                                       for a, b in around.get(c.frame, ()))]


def _named_in_full(text: str, start: int, end: int, side: str) -> Claimant:
    """A body named by its title, with the place before it and the official after it, as a reader should
    see it: "Kharkiv Oblast Military Administration Head Oleh Syniehubov", not "Military Administration"."""
    if BODY.match(text, start):
        before = BODY_PLACE_BEFORE.search(text, max(0, start - 40), start)
        start = before.start() if before else start
    after = OFFICIAL_AFTER.match(text, end) if text[start:start + 1].isupper() else None
    end = after.end() if after else end
    return Claimant(start, end, text[start:end], side)


def in_dateline(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is text[start:end] in the dateline that opens its line ("KHARKIV, May 15 (Kharkiv Evening Post) -"):
    where the story was filed, neither a place of its events nor a source of claims."""
    dateline = lex.dateline.match(text, text.rfind("\n", 0, start) + 1)
    return bool(dateline) and end <= dateline.end()


def _longest(claimants: list[Claimant]) -> list[Claimant]:
    """The claimants in text order, each not inside a longer one ("Russia" in "Russia's Defence Ministry")."""
    kept: list[Claimant] = []
    for c in sorted(claimants, key=lambda c: (c.start, -c.end)):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def by_span(items: list, spans: list[tuple[int, int]]) -> dict[int, list]:
    """Cues (sorted) grouped by the span they lie in (sorted, disjoint spans, keyed by start)."""
    grouped: dict[int, list] = {start: [] for start, _ in spans}
    k = 0
    for c in items:
        while k < len(spans) and spans[k][1] <= c.start:
            k += 1
        if k == len(spans):
            break
        start, end = spans[k]
        if start <= c.start and c.end <= end:
            grouped[start].append(c)
    return grouped


class Sentence(NamedTuple):
    """A sentence as a span of its article: offsets everywhere are the article's."""

    text: str  # the article
    low: str  # its `lower_text`
    start: int
    end: int

    @property
    def words(self) -> str:
        return self.text[self.start:self.end]


BRACKETED = re.compile(r"\([^()]{0,200}\)")


def clause_distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans, plus a penalty for each clause boundary between them. An aside
    right after the first span (`a`, the place) and closed before the second is read past (RELATIVE_ASIDE),
    and so is an aside in brackets between a cue and the place after it."""
    lo, hi = (a[1], b[0]) if a[0] <= b[0] else (b[1], a[0])
    if hi <= lo:
        return 0
    aside = RELATIVE_ASIDE.match(text, lo, hi) if a[0] <= b[0] else None
    if aside:
        lo = aside.end()
    boundaries, skipped = len(BOUNDARY.findall(text, lo, hi)), 0
    if a[0] > b[0] and text.find("(", lo, hi) >= 0:  # an aside in brackets between a cue and the place after it
        # is read past, its length and its boundaries
        for bracketed in BRACKETED.finditer(text, lo + 1, hi):  # (not one opening at `lo`: "(coded to X)")
            skipped += bracketed.end() - bracketed.start()
            boundaries -= len(BOUNDARY.findall(text, bracketed.start(), bracketed.end()))
    if text.find(",", lo, hi) < 0:
        return (hi - lo - skipped) + BOUNDARY_PENALTY * boundaries  # no comma: no relative clause closes between them
    boundaries -= len(INSERTED_RELATIVE.findall(text, lo, hi))
    return (hi - lo - skipped) + BOUNDARY_PENALTY * boundaries + (MAX_DISTANCE if _leaves_relative(text, lo) else 0)


def _leaves_relative(text: str, lo: int) -> bool:
    """The earlier span, ending at `lo`, stands in a relative clause that closes (at a comma) before the later
    one: in "west of Bakhmut, which Russia captured in May 2023, overlooking Kramatorsk" the capture is not
    Kramatorsk's."""
    return RELATIVE_OPEN.search(text, max(0, lo - 150), lo) is not None


def read_status(s: Sentence, span: tuple[int, int], cues: list[Cue], claimants: list[Claimant],
                speech: list[Cue], lex: Lexicon, others: tuple[tuple[int, int], ...] = (), *,
                reference: bool) -> list[Reading]:
    """What the sentence says happened at the place at `span`: the frame that governs it first, then
    any frame of another status in the same clause that no other place (`others`) stands nearer to
    ("clashed with Ukrainian forces and shelled near X"), but a place listed before it ("explosions in
    occupied Horlivka and Yasynuvata"). `speech`: the sentence's speech verbs; `reference`: whether a
    reference point's words stand right before the place (`reference_before`, as the caller found)."""
    claimants = [c for c in claimants if (c.start, c.end) != span]  # "Kyiv was shelled": the place, not its government
    before = max(s.start, span[0] - 50)
    if reference and not _where_it_happened(s, span, before, lex, others):
        told = _described(s, span, cues)  # "west of Kurakhove, which Moscow said it had taken in January"
        return [_reading(s, span, told, _gap(span, told), lex, claimants, speech, SECONDARY)] if told else []
    origin = bool(lex.origin_before.search(s.low, before, span[0]))
    coded = lex.coded_to.search(s.low, before, span[0]) if "(" in s.low[before:span[0]] else None
    at = (coded.start(), coded.start()) if coded else span  # "(coded to X)": X is where the clause before happened
    scored = [(clause_distance(s.text, at, (c.start, c.end)), c) for c in cues
              if not (c.start < span[1] and span[0] < c.end)
              and not (origin and c.frame != "fighting" and not 0 <= span[0] - c.end <= 2)  # "fired from X":
              # only "withdrew from X", and fighting that drives forces out of X, are about X
              and not (_speaker_of(s.low, span, c, speech) and not _official_reports_home(s, span, others, lex))
              and not (c.frame == "capture" and (lex.taken_not_territory.match(s.low, c.end)
                                                 or _takes_unnamed(s, span, c, lex, others)))
              and not lex.averted_before.search(s.low, max(s.start, c.start - 40), c.start)
              and not _told_aside(s, c, span)
              and not (c.end <= span[0] and lex.alternative_between.search(s.low, c.end, span[0]))]
    scored = sorted(((not governs, d, c) for d, c in scored if d <= MAX_DISTANCE
                     for governs in [_governs(s, c, span, lex, others) or _governs_its_list(s, c, span, lex, others)]
                     if governs or coded or not _belongs_elsewhere(s, c, span, others, claimants, lex)),
                    key=lambda x: x[:2])
    if not scored:
        return []
    _, distance, cue = scored[0]
    readings = [_reading(s, span, cue, distance, lex, claimants, speech, repelled=_repelled(s, cue, cues))]
    denied = lex.denial.search(s.low, s.start, s.end) if cue.frame == "capture" else None
    if denied and readings[0].status == "contested":
        readings.append(_denied_claim(s, cue, readings[0], denied.end(), claimants, lex))
    for _, d, c in scored[1:]:
        if c.second and all(c.status != r.status and r.frame != "denial" for r in readings) and d == _gap(span, c) \
                and not any(_gap(o, c) < d and not _listed_with(s, o, span, others) for o in others if o != span):
            readings.append(_reading(s, span, c, d, lex, claimants, speech, SECONDARY))
    described = _described(s, span, [c for _, _, c in scored])
    if described and all(described.status != r.status for r in readings):
        readings.append(_reading(s, span, described, _gap(span, described), lex, claimants, speech, SECONDARY))
    return [r for r in readings if r.status]


def _denied_claim(s: Sentence, cue: Cue, denial: Reading, denied_at: int, claimants: list[Claimant],
                  lex: Lexicon) -> Reading:
    """The claim a denial (ending at `denied_at`) answers is a claim too: "Kyiv denied Moscow's claim that it had
    captured X" tells that Russia claims X: for the capture's actor named after the denial, else the other side."""
    agent = _agent(s, cue, [c for c in claimants if c.start >= denied_at], lex)
    side = agent.side if agent and agent.side in OPPOSITE else OPPOSITE.get(denial.side, "")
    claimer = agent or next((c for c in claimants if c.start >= denied_at and c.side == side), None)
    return Reading("claimed", cue.text, round(denial.confidence * SECONDARY, 2), claimer.text.strip() if claimer else "",
                   side, cue.start, cue.frame)


def is_reference_point(s: Sentence, span: tuple[int, int], lex: Lexicon) -> bool:
    """Do a reference point's words ("west of", "hospitalised in") end right before the place at `span`?"""
    return lex.reference_before.search(s.low, max(s.start, span[0] - 50), span[0]) is not None


def _where_it_happened(s: Sentence, span: tuple[int, int], before: int, lex: Lexicon,
                       others: tuple[tuple[int, int], ...]) -> bool:
    """A reference point that is where it happened: "in the south of Avdiivka"; "advanced southwest of
    Avdiivka" where no other settlement stands for the verb, or "near Chasiv Yar and northwest of Avdiivka"."""
    if lex.inside_before.search(s.low, before, span[0]):
        return True
    compass = lex.compass_before.search(s.low, before, span[0])
    if not compass:
        return False
    return not any(o != span for o in others) or COORDINATED_BEFORE.search(s.low, before, compass.start()) is not None


def _described(s: Sentence, span: tuple[int, int], cues: list[Cue]) -> Cue | None:
    """The change of hands a relative clause right after the place tells of it ("wounded in Bakhmut, which
    Russian forces captured in May 2023", «Авдіївку, яку росіяни захопили в лютому»)."""
    opener = RELATIVE_AFTER.match(s.low, span[1])
    if not opener:
        return None
    end = _clause_end(s, opener.end())
    return next((c for c in cues if opener.end() <= c.start < end and c.frame in CHANGE_OF_HANDS), None)


def _repelled(s: Sentence, cue: Cue, cues: list[Cue]) -> tuple[Cue, Cue] | None:
    """The attack and the cue that repels it, when the cue is one of them and the other is its object
    or subject ("repelled two Russian attacks", «Отражены четыре контратаки», "Ukrainian counterattacks
    were repelled near X")."""
    kinds = {"assault": "repelled", "repelled": "assault"}
    if cue.frame not in kinds:
        return None
    for other in (c for c in cues if c.frame == kinds[cue.frame]):
        attack, repel = (cue, other) if cue.frame == "assault" else (other, cue)
        if (repel.end <= attack.start and REPELLED_GAP.fullmatch(s.low, repel.end, attack.start)
                or attack.end <= repel.start and ATTACK_GAP.fullmatch(s.low, attack.end, repel.start)
                or attack.start < repel.start and repel.end <= attack.end):
            return attack, repel
    return None


def _reading(s: Sentence, span: tuple[int, int], cue: Cue, distance: int, lex: Lexicon,
             claimants: list[Claimant], speech: list[Cue], weight: float = 1.0,
             repelled: tuple[Cue, Cue] | None = None) -> Reading:
    status = cue.status
    clause_start = _clause_start(s, min(span[0], cue.start))
    denial = None
    if lex.negated.search(s.low, clause_start, _clause_end(s, max(span[1], cue.end))):
        status = ""  # "there was no shelling of X overnight", «обстрілів Харкова не було»
    elif status == "claimed" and (denial := lex.denial.search(s.low, s.start, s.end)):
        status = "contested"  # "Kyiv denied Russia had captured X", «інформація про захоплення X не відповідає дійсності»
    elif status == "claimed" and (lex.attempt.search(s.low, max(clause_start, cue.start - 40), cue.start)
                                  or cue.frame in ("capture", "control") and _takes_positions(s, span, cue, lex)
                                  or cue.frame == "withdrawal" and cue.end <= span[0]
                                  and lex.left_near.fullmatch(s.low, cue.end, span[0])):
        status = "contested"  # "tried to capture X", "captured positions near X", "pulled back from villages
        # near X": fighting, not a change of hands
    told_as = cue._replace(frame="fighting") if cue.frame == "withdrawal" and status != cue.status else cue
    claimant, side = read_claimant(s, repelled[1] if repelled else told_as, claimants, speech, lex)  # a fight is
    # told for the speaker's side; an attack repelled, for the side that repels it, else the attackers' other side
    if repelled and not (claimant and side):
        side = OPPOSITE.get(read_claimant(s, repelled[0], claimants, speech, lex)[1], "")
    if denial:  # told for the side that denies: the source named before the denial, else the claim's other side
        denier = next((c for c in reversed(claimants) if c.end <= denial.start() and c.side in OPPOSITE), None)
        claimant, side = (denier.text.strip(), denier.side) if denier else (claimant, OPPOSITE.get(side, ""))
    confidence = (0.9 if distance < 120 else 0.7) * weight * cue.weight
    if _hedged(s, clause_start, cue.start if cue.start > span[0] else span[0], lex) or _supposed(s, span, cue, lex):
        confidence *= 0.4
    elif cue.frame == "capture" and cue.end <= span[0] and ADJECTIVE_GAP.fullmatch(s.low, cue.end, span[0]) \
            and lex.taken_as_adjective.search(s.low, max(s.start, cue.start - 30), cue.end):
        confidence *= BACKGROUND  # "shelled the recently liberated Kupiansk": a capture told in passing, not news
    return Reading(status, cue.text, round(confidence, 2), claimant, side, cue.start, cue.frame)


def _takes_unnamed(s: Sentence, span: tuple[int, int], cue: Cue, lex: Lexicon, others) -> bool:
    """The capture takes a village it does not name, not the place at `span`: a place named before it, or a
    region far after it ("recaptured a village in the Kursk region" is Kursk's, "..., and sent forces to the
    Belgorod region" not Belgorod's; "five villages in the Kharkiv region - X, Y" are X and Y), or a place after
    another act ("captured a key town and unleashed a drone assault on Kyiv")."""
    unnamed = lex.taken_unnamed.match(s.low, cue.end)
    if not unnamed:
        return False
    return span[0] < cue.end or span not in others and span[0] - unnamed.end() > UNNAMED_REACH \
        or lex.another_act.search(s.low, unnamed.end(), span[0]) is not None


def _takes_positions(s: Sentence, span: tuple[int, int], cue: Cue, lex: Lexicon) -> bool:
    """The capture takes positions near the place, not the place: "captured positions near X",
    "counterattacked near X and regained lost positions"."""
    if cue.end <= span[0]:
        return bool(lex.taken_positions.match(s.low, cue.end, span[0]))
    return span[1] <= cue.start and bool(lex.taken_positions.match(s.low, cue.end, s.end))


def _governs(s: Sentence, cue: Cue, span: tuple[int, int], lex: Lexicon, others: tuple[tuple[int, int], ...] = ()) -> bool:
    """The cue comes right before the place with only its object's words between ("captured the mining
    town of X", "shelled near X", "launched missiles at X"), or the place is the subject of a passive
    cue ("the city of Dzerzhinsk in the Donetsk People's Republic was liberated"). Another place between
    them is the one governed ("liberated the village of X near Donetsk": Donetsk only says where X is)."""
    if 0 <= span[0] - cue.end <= GOVERNED_REACH:
        lo, hi, gap = cue.end, span[0], lex.governed_gap
    elif 0 <= cue.start - span[1] <= GOVERNED_REACH:
        lo, hi, gap = span[1], cue.start, lex.passive_gap
    else:
        return False  # (the cheap test first: most cues are farther)
    return not any(lo <= o[0] and o[1] <= hi for o in others) and bool(gap.fullmatch(s.low, lo, hi))


def _governs_its_list(s: Sentence, cue: Cue, span: tuple[int, int], lex: Lexicon, others: tuple[tuple[int, int], ...]) -> bool:
    """A passive cue after a list governs each of its items: "towns like Avdiivka, Kupyansk, and Lyman have been
    subjected to bombardment" tells of Avdiivka what it tells of Lyman."""
    return span[1] <= cue.start and any(span[1] <= o[0] and o[1] <= cue.start and _governs(s, cue, o, lex, others)
                                        and _listed_with(s, span, o, others) for o in others)


def _belongs_elsewhere(s: Sentence, cue: Cue, span: tuple[int, int], others: tuple[tuple[int, int], ...],
                       claimants: list[Claimant], lex: Lexicon) -> bool:
    """A cue that does not govern this place is another's: it governs another place of the sentence
    ("fears in Kyiv grow over Russia's efforts to take Sievierodonetsk"), or it is a capture whose own
    actor stands between (after "a revolution in Kyiv in 2014, Russian forces took over Crimea")."""
    if any(o != span and _governs(s, cue, o, lex, others) and not _listed_with(s, o, span, others) for o in others):
        return True
    return cue.frame == "capture" and span[1] <= cue.start and not RELATIVE_OPEN.search(s.low, span[1], cue.start) \
        and not RELATIVE_AFTER.match(s.low, span[1]) \
        and not PASSIVE.search(s.low, max(span[1], cue.start - 20), cue.start) \
        and any(span[1] <= c.start and c.end <= cue.start and cue.start - c.end <= AGENT_REACH for c in claimants)


def _listed_with(s: Sentence, first: tuple[int, int], span: tuple[int, int], others) -> bool:
    """The place follows `first` in a list ("near Bakhmut, Kurdiumivka and Andriivka")."""
    if span[0] < first[1]:
        return False
    between = sorted(o for o in others if first[1] <= o[0] and o[1] <= span[0])
    ends = [first[1]] + [o[1] for o in between]
    starts = [o[0] for o in between] + [span[0]]
    return all(joins_a_list(s.text, a, b) or LIST_COMPASS.fullmatch(s.low, a, b) for a, b in zip(ends, starts))


def joins_a_list(text: str, end: int, start: int) -> bool:
    """Is text[end:start] what stands between two items of a list (", ", " and ", «, та », " - ")?"""
    return bool(LIST_SEPARATOR.fullmatch(text, end, start) or LIST_WORDS.fullmatch(text, end, start))


def names_a_sector(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The name at `span` names a sector of the front ("the Siversk direction", «на Покровському та
    Гуляйпільському напрямках», «на двох напрямках – Покровському»), not the town."""
    return bool(lex.direction_after.match(text, span[1])
                or lex.direction_before.search(text, max(0, span[0] - SECTOR_LIST_REACH), span[0]))


def raion_follows(text: str, pos: int, lex: Lexicon) -> re.Match | None:
    """The raion named right after `pos` as its locator ("Vasylivka, Pokrovskyi district", «Василівка
    Покровського району»), its name in group 1 (raions.py)."""
    window = text[pos:pos + 80]
    if lex.raion_needs and not any(needed in window for needed in lex.raion_needs):
        return None
    found = lex.raion.search(text, pos, pos + 80)
    return found if found and lex.qualifier_between.match(text[pos:found.start()]) else None


def _gap(a: tuple[int, int], cue: Cue) -> int:
    return max(0, cue.start - a[1]) if a[0] <= cue.start else max(0, a[0] - cue.end)


def _hedged(s: Sentence, start: int, end: int, lex: Lexicon) -> bool:
    """A word of condition or plan stands between `start` and `end`; "May" inside a sentence is the month,
    and a word in brackets hedges only the aside («22 вибухи (ймовірно з мінометів) в напрямку X»)."""
    return any(not (s.text[m.start()] == "M" and m.group(0) == "may" and m.start() > s.start)
               and _aside_at(s, m.start()) < 0 for m in lex.irrealis.finditer(s.low, start, end))


def _told_aside(s: Sentence, cue: Cue, span: tuple[int, int]) -> bool:
    """The cue stands in a bracketed aside that neither holds the place nor follows it: the aside's words tell
    of nothing else («22 вибухи (ймовірно з мінометів та FPV-дронів) в напрямку X»: the explosions do), but
    "Kupiansk (shelled overnight)" is about Kupiansk."""
    aside = _aside_at(s, cue.start)
    return aside >= 0 and _aside_at(s, span[0]) != aside and not (span[1] <= aside and not s.low[span[1]:aside].strip(" ,"))


def _aside_at(s: Sentence, pos: int) -> int:
    """Where the bracketed aside that `pos` stands in opens, or -1."""
    opened = s.low.rfind("(", s.start, pos)
    return opened if opened > s.low.rfind(")", s.start, pos) else -1


def _supposed(s: Sentence, span: tuple[int, int], cue: Cue, lex: Lexicon) -> bool:
    """A capture or an advance that is the subject of a conditional: "Recapturing Tokmak would mark a major
    win", "The fall of Pokrovsk could open the road to Dnipro": it has not happened."""
    return (cue.frame in ("capture", "assault") and cue.end <= span[0]
            and bool(lex.supposed_subject.match(s.low, s.start, cue.end))
            and bool(lex.supposed_predicate.match(s.low, span[1], s.end)))  # (past an aside: the pattern bounds it)


def _speaker_of(low: str, span: tuple[int, int], cue: Cue, speech: list[Cue]) -> bool:
    """Is the place in the clause that reports the cue ("the ministry in Moscow said its troops
    captured X": Moscow)? A speech verb stands between them, with no comma before it ("X, the
    ministry said, has fallen" keeps X)."""
    return any(span[1] <= v.start and v.end <= cue.start and "," not in low[span[1]:v.start] for v in speech)


def _official_reports_home(s: Sentence, span: tuple[int, int], others: tuple[tuple[int, int], ...], lex: Lexicon) -> bool:
    """"The mayor of Sumy said 31 people were killed in a missile attack": an official of the place who
    reports what happened and names no other place after it reports it happened there."""
    return lex.official_before.search(s.low, max(s.start, span[0] - 60), span[0]) is not None \
        and not any(start > span[1] for start, _ in others)


def _clause_end(s: Sentence, pos: int) -> int:
    found = BOUNDARY.search(s.text, pos, s.end)
    return found.start() if found else s.end


def _clause_start(s: Sentence, pos: int, through_asides: bool = False) -> int:
    """Where the clause of `pos` starts; `through_asides`: a short aside in brackets is no clause of its own,
    as for an actor's name ("Donetsk People's Republic (DPR) forces", «силы Донецкой народной республики (ДНР)
    освободили»)."""
    asides = [(a.start(), a.end()) for a in SHORT_ASIDE.finditer(s.text, s.start, pos)] if through_asides else []
    starts = [m.end() for m in BOUNDARY.finditer(s.text, s.start, pos)
              if not any(start <= m.start() < end for start, end in asides)]
    return starts[-1] if starts else s.start


def read_claimant(s: Sentence, cue: Cue, claimants: list[Claimant], speech: list[Cue],
                  lex: Lexicon) -> tuple[str, str]:
    """Who says so, and the side the event is told for. The claimant is the source that speaks for the
    cue (the last speaker before it: "Russia said its troops captured X, but Ukraine's military said
    fighting went on"), else the one that acts. A capture is claimed for the side that acts ("Ukraine
    recaptured X"), a withdrawal for the other side ("Russian forces withdrew from X"); any other event
    is told for the speaker's side, else the actor's."""
    speaker = _speaker(s, cue, claimants, speech, lex)
    agent = _agent(s, cue, claimants, lex)
    speaker_side = _antecedent_side(s, lex) if speaker is not None and speaker.side == OWN else _side(speaker, None, s)
    agent_side = _side(agent, speaker_side or (_owner_side(s, agent, claimants, lex) if agent and agent.side == OWN else None),
                       s) if agent else _adjective_side(s, cue, lex)
    if cue.frame == "repelled" and agent is not None and agent.start < cue.start \
            and PASSIVE.search(s.low, max(s.start, cue.start - 20), cue.start) and not PROGRESSIVE.match(s.low, cue.start):
        agent, agent_side = None, OPPOSITE.get(agent_side, "")  # "Russian forces ... were repulsed", "the Kiev
        # regime's attempt to counterattack was thwarted": the subject attacked, the other side repelled it
    if cue.frame == "control":
        side = _holder(s, cue, agent, agent_side, lex)
    elif cue.frame == "capture" and agent_side:
        side = agent_side  # "taken by Russian troops, the governor said": Russia's gain, whoever tells it
    elif cue.frame == "withdrawal" and agent_side in OPPOSITE:
        side = OPPOSITE[agent_side]
    elif cue.frame == "capture" and (loser := _loser(s, cue, claimants, lex)) and loser.side in OPPOSITE:
        side = OPPOSITE[loser.side]  # «освобождено от оккупантов», "liberation of X from Ukrainian units"
    elif cue.frame == "withdrawal" and agent is None and speaker_side in OPPOSITE \
            and not lex.enemy.search(s.low, _clause_start(s, cue.start), cue.start):
        side = OPPOSITE[speaker_side]  # "a manoeuvre to withdraw units from X," the command said: its own units
    else:
        side = speaker_side or agent_side or (_side_from_words(s.words) if not speaker else "")
    source = speaker or agent
    return (source.text.strip() if source else ""), side


def _loser(s: Sentence, cue: Cue, claimants: list[Claimant], lex: Lexicon) -> Claimant | None:
    """The side a place is taken from, named after the capture with "from" («от», «від»)."""
    return next((c for c in claimants if cue.end <= c.start < min(s.end, cue.end + LOSER_REACH)
                 and lex.loser_before.search(s.low, max(s.start, c.start - 40), c.start)), None)


def _adjective_side(s: Sentence, cue: Cue, lex: Lexicon) -> str:
    """The side whose adjective stands right before the cue ("a Ukrainian HIMARS strike"), if any."""
    found = lex.actor_adjective.search(s.low, max(s.start, cue.start - ADJECTIVE_REACH), cue.start)
    return found.lastgroup if found else ""


def _holder(s: Sentence, cue: Cue, agent: Claimant | None, agent_side: str, lex: Lexicon) -> str:
    """The side that holds the place a control cue speaks of, whoever tells it: the one the cue names
    ("Russian-held", "under Ukrainian control"), else its actor ("Russian troops occupied X", "occupied by
    Russian troops"), unless the cue is a participle and the actor is the clause's ("Ukrainian drones
    struck a depot in occupied Dzhankoi", "Moscow admitted that Sudzha remained occupied"); else OCCUPIER
    for an occupation, whose side the place's country tells (events.py)."""
    named = next((m.lastgroup for m in lex.held_by.finditer(s.low, max(s.start, cue.start - HOLDER_REACH),
                                                             min(s.end, cue.end + HOLDER_REACH))
                  if m.start() <= cue.start < m.end() or cue.start <= m.start() < cue.end), "")
    if named in OPPOSITE:
        return named
    participle = lex.participle_before.search(s.low, max(s.start, cue.start - 30), cue.start)
    if agent_side and not (participle and agent.start < cue.start):
        return agent_side
    return named


def _owner_side(s: Sentence, own: Claimant, claimants: list[Claimant], lex: Lexicon) -> str:
    """The side of "his forces", "its troops": the sided source named before them in the sentence ("Wagner's
    chief announced his forces had control over X"), else the one named last before the sentence."""
    named = [c for c in claimants if c.end <= own.start and c.side in OPPOSITE]
    return named[-1].side if named else _antecedent_side(s, lex)


def _antecedent_side(s: Sentence, lex: Lexicon) -> str:
    """"Ukraine's military did not comment. Its general staff said ...": a source called "its" or "their"
    is of the side named last before the sentence (ANTECEDENT_REACH characters back), if any: the last
    that spoke, if one did ("Ukraine's military said ..., as Moscow pressed its offensive. The General
    Staff said its troops ...": Ukraine's)."""
    cues, named = find_signals(s.text, lex, s.low, [(max(0, s.start - ANTECEDENT_REACH), s.start)])
    sides = [c for c in named if c.side in OPPOSITE]
    spoke = [c for c in sides if any(cue.frame == SPEECH and 0 <= cue.start - c.end <= SPEAKER_GAP for cue in cues)]
    return (spoke or sides)[-1].side if sides else ""


def _speaker(s: Sentence, cue: Cue, claimants: list[Claimant], speech: list[Cue], lex: Lexicon):
    """The source that speaks for the cue: "according to" anywhere, else the last speaker before the
    cue, else the first after it ("X has fallen, the ministry said") unless a clause of its own comes
    between ("X was hit, while Ukraine said it struck Y": Ukraine speaks for Y only)."""
    speaking = [(v, c) for c in claimants for v in [_speech_of(s, c, speech, lex)] if v is not None]
    if not speaking:
        return None
    cited = [c for v, c in speaking if v is SOURCE]
    if cited:
        return cited[0]
    before = [(v, c) for v, c in speaking if v.end <= cue.start]
    if before:
        return max(before, key=lambda vc: (vc[0].start, -vc[1].start))[1]
    first = min(speaking, key=lambda vc: vc[0].start)[1]
    opens_clause = BOUNDARY.search(s.low, cue.end, first.start)
    return None if opens_clause and opens_clause.group(0).strip(",; ") in CLAUSE_OF_ITS_OWN else first


def _speech_of(s: Sentence, claimant: Claimant, speech: list[Cue], lex: Lexicon):
    """The speech verb a claimant speaks with (a few words after it, no comma between), SOURCE for
    "according to ...", or None."""
    if lex.source_before.search(s.low, max(s.start, claimant.start - SOURCE_REACH), claimant.start):
        return SOURCE
    if COLON_SPEAKER.match(s.text, claimant.end) and not WORD.search(s.text, s.start, claimant.start):
        return SOURCE  # "⚡️Zelensky: our troops are holding Chasiv Yar": a post or a headline quoting its source
    return next((v for v in speech if 0 <= v.start - claimant.end <= SPEECH_REACH + APPOSITION_REACH
                 and _speaks_through(s.text[claimant.end:v.start])), None)


def _speaks_through(between: str) -> bool:
    """The words between a source and its speech verb: a few, with no comma, or a name in apposition
    ("Russia's chief of general staff, Valery Gerasimov, told")."""
    between = APPOSITION.sub("", between, count=1)
    return len(between) <= SPEECH_REACH and "," not in between


ACTOR_IN_CUE = ("assault", "withdrawal")  # frames with cues that start with the actor's noun (lexicon.yaml)


def _agent(s: Sentence, cue: Cue, claimants: list[Claimant], lex: Lexicon):
    """The actor of the cue: the nearest before it in its clause, or "by ..." right after it; an
    assault's or a withdrawal's cue may start with its actor's last word ("Ukrainian units were pushed
    back", "Russian troops attacked"). A possessive is no actor ("Kyiv launched its incursion into Russia's
    Kursk region, seizing ...": Kyiv acts) unless it owns an act ("the Kiev regime's attempt to
    counterattack"), nor is the other side of a fight, unless it is all there is ("Russian forces clashed
    with Ukrainian troops near X and shelled Y": Russia shells)."""
    start = _clause_start(s, cue.start, through_asides=True)
    reach = cue.end if cue.frame in ACTOR_IN_CUE else cue.start
    first = cue.end if cue.frame == "withdrawal" else cue.start  # "regroup the Russian troops stationed in": its actor
    before = [c for c in claimants if start <= c.start < first and c.end <= reach and cue.start - c.end <= AGENT_REACH
              and not (POSSESSIVE.match(s.text, c.end) and not lex.possessive_actor.match(s.low, c.end))]
    subjects = [c for c in before if not OPPONENT_BEFORE.search(s.low, max(start, c.start - 12), c.start)
                and not WHERE_BEFORE.search(s.low, max(start, c.start - 24), c.start)]
    if subjects or before:
        return (subjects or before)[-1]
    return next((c for c in claimants if 0 <= c.start - cue.end <= AGENT_REACH
                 and lex.by_agent.fullmatch(s.low, cue.end, c.start)
                 and not lex.loser_before.search(s.low, max(s.start, c.start - 40), c.start)), None)


def _side(claimant: Claimant | None, speaker_side: str | None, s: Sentence) -> str:
    if claimant is None:
        return ""
    if claimant.side == OWN:
        return speaker_side or ""
    return claimant.side


def _side_from_words(sentence: str) -> str:
    russian = len(re.findall(r"\b(?:Russia|Russian|Moscow|Kremlin)", sentence))
    ukrainian = len(re.findall(r"\b(?:Ukraine|Ukrainian|Kyiv)", sentence))
    if russian == ukrainian:
        return ""
    return "russian" if russian > ukrainian else "ukrainian"
