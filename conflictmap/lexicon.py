"""The lexicons (data/lexicon*.yaml, one per language) as compiled patterns: the cues of each frame and the
claimants in one scanner, and every other pattern the readers of a sentence ask (status.py, mentions.py,
respell.py, events.py). A language's lexicon that lacks an English feature matches nothing for it."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

import yaml

from .config import PACKAGE_DATA
from .wordmatch import Scanner, lower_pattern, quick, required_strings

NOTHING = r"\A(?!)"  # a pattern that never matches (anchored: a search gives up at once, not at every position)
SPEECH = "speech"  # the cues that are speech verbs ("said"): no status, but they tell who speaks


@dataclass(frozen=True)
class Lexicon:
    signals: Scanner  # the cue patterns, then the claimant patterns
    cue_frames: tuple[tuple[str, str, float, bool], ...]  # each cue pattern's frame, status, weight, second
    denial: re.Pattern
    negated: re.Pattern  # an event said not to have happened ("no shelling of X")
    irrealis: re.Pattern
    supposed_subject: re.Pattern  # a sentence opened by a capture as its subject ("Recapturing X", "The fall of X")...
    supposed_predicate: re.Pattern  # ...whose verb, after the place, is a conditional ("would mark")
    attempt: re.Pattern  # before a capture: an attempt, so fighting ("tried to take")
    averted_before: re.Pattern  # before a cue: averted or feared, so no event ("to avoid encirclement")
    taken_not_territory: re.Pattern  # after a capture: people or things taken, so no capture of the place
    taken_positions: re.Pattern  # after a capture: positions near the place, so fighting there
    taken_unnamed: re.Pattern  # after a capture: a village it does not name, so no capture of a place named
    left_near: re.Pattern  # between a withdrawal and the place: positions near it were left, so fighting there
    taken_part: re.Pattern  # after a capture, before a region: places in it or a part of it (events.py)
    governed_gap: re.Pattern  # the words between a cue and the place it governs
    passive_gap: re.Pattern  # the words between a place and the passive cue it is the subject of
    claimant_sides: tuple[str, ...]
    held_by: re.Pattern  # around a control cue, the side that holds the place: one named group per side
    actor_adjective: re.Pattern  # right before a cue, a side's adjective naming its actor: a group per side
    possessive_actor: re.Pattern  # after an actor's possessive, the act it owns ("Russia's attack")
    participle_before: re.Pattern  # before a control cue used as an adjective or a passive ("in occupied X")
    government_after: re.Pattern
    government_place_before: re.Pattern
    government_place_after: re.Pattern  # after a capital's name: the city itself, not its government
    origin_before: re.Pattern
    locator_before: re.Pattern
    reference_before: re.Pattern
    compass_before: re.Pattern
    target_before: re.Pattern
    part_of_day: re.Pattern  # a time of day with no date: the day of the sentence before (events._same_day)
    inside_before: re.Pattern
    person_before: re.Pattern
    unit_before: re.Pattern  # a unit named for a place, its name in quotes
    river_before: re.Pattern  # a town's name here is its river's
    place_before: re.Pattern
    place_after: re.Pattern
    city_before: re.Pattern  # before a name called a city ("the city of X"): mentions.py keeps its city namesakes
    city_after: re.Pattern  # after it ("X City")
    direction_after: re.Pattern
    direction_before: re.Pattern  # a direction's adjective after its noun («напрямках – Покровському»)
    bare_attack: re.Pattern  # an assault cue that is the bare word for an attack («атакували»; none in English)
    source_before: re.Pattern  # on lower-cased text
    by_agent: re.Pattern  # between a passive cue and its actor ("captured by")
    coded_to: re.Pattern  # before the place an event was coded to, in the clause before it
    district: re.Pattern  # a district's adjective name and the word district
    raion: re.Pattern  # a raion's name (group 1) and the word for it (raions.py)
    raion_needs: frozenset[str]  # strings one of which every such phrase holds: most places have none after them
    first_of_series: re.Pattern
    organisation_after: re.Pattern
    dateline: re.Pattern
    qualifier_between: re.Pattern  # between a place and the oblast that qualifies it
    qualifier_after: re.Pattern  # what may follow that oblast
    qualifier_follows: re.Pattern  # an oblast's name after a place, qualifying it
    anaphor: re.Pattern  # "the city", standing for a place named before
    unknown_before_qualifier: re.Pattern  # a name inside a sentence, then a comma: what an oblast may qualify
    settlement_named_before: re.Pattern  # "the village of X in": an oblast after it qualifies X
    answered: re.Pattern  # a sentence answering fire: the strike before it was a fight (events.py)
    denied_after: re.Pattern  # a sentence denying what was said before it: the claim before it is disputed
    official_before: re.Pattern  # an official of the place named after it ("the mayor of", «мер»)
    taken_as_adjective: re.Pattern  # a capture cue used as an adjective ("the recently liberated", «звільнений»)
    settlements_word: re.Pattern  # the word for settlements ("villages", «населенные пункты»)
    respell_name: re.Pattern  # a capitalised name shaped like a place's, that the gazetteer may spell otherwise
    respell_before: re.Pattern  # what makes such a name a place (respell.py)
    hromada_after: re.Pattern  # after an adjective that names a hromada (Cyrillic: English has its keys)
    hromada_before: re.Pattern  # before such an adjective, listed after the word «громади:»
    people: re.Pattern  # surnames that are also a case of a village's name (Cyrillic)
    name_part_before: re.Pattern  # the first word of a longer name, right before a name it ends with (Cyrillic)
    enemy: re.Pattern  # the enemy named before a withdrawal a command tells ("the occupiers withdrew")
    loser_before: re.Pattern  # before the side a place is taken from ("from Ukrainian units")
    another_act: re.Pattern  # another verb between an unnamed taken village and a place ("and shelled")
    continues_sentence: re.Pattern  # a sentence's first words when it only lists what the one before told of
    period_since: re.Pattern  # a period up to now ("since", «від початку»): what is told over it sums up (events.py)
    alternative_between: re.Pattern  # between a cue and a place: the alternative chosen ("in favour of")
    language: str = "en"


LEXICONS = {"en": "lexicon.yaml", "uk": "lexicon_uk.yaml", "ru": "lexicon_ru.yaml"}


@lru_cache(maxsize=len(LEXICONS))
def load_lexicon(language: str = "en") -> Lexicon:
    data = _lexicon_data(language)
    word = lambda p: re.compile(r"(?<!\w)(?:" + lower_pattern(p) + r")(?!\w)")  # noqa: E731
    lower = lambda p: re.compile(lower_pattern(p))  # noqa: E731  run on lower-cased text: see wordmatch
    cues = [(p, (name, frame["status"], frame.get("weight", 1.0), frame.get("second", True)))
            for name, frame in data["frames"].items() for p in frame["cues"]]
    cues.append((data["speech"], (SPEECH, SPEECH, 1.0, False)))
    claimants = data["claimants"]
    return _quickened(Lexicon(signals=Scanner([p for p, _ in cues] + [c["pattern"] for c in claimants]),
                   cue_frames=tuple(frame for _, frame in cues),
                   claimant_sides=tuple(c["side"] for c in claimants),
                   held_by=_by_side(data["held_by"]), actor_adjective=_by_side(data["actor_adjective"]),
                   participle_before=lower(data["participle_before"]),
                   possessive_actor=lower(data["possessive_actor"]),
                   denial=word(data["denial"]), negated=lower(data["negated"]), irrealis=lower(data["irrealis"]),
                   supposed_subject=lower(data.get("supposed_subject", NOTHING)),
                   supposed_predicate=lower(data.get("supposed_predicate", NOTHING)),
                   attempt=lower(data["attempt"]), governed_gap=lower(data["governed_gap"]),
                   averted_before=lower(data["averted_before"]),
                   taken_not_territory=lower(data["taken_not_territory"]),
                   taken_positions=lower(data["taken_positions"]),
                   taken_unnamed=lower(data.get("taken_unnamed", NOTHING)), left_near=lower(data["left_near"]),
                   taken_part=lower(data["taken_part"]),
                   passive_gap=lower(data["passive_gap"]),
                   government_after=re.compile(data["government_after"], re.IGNORECASE),
                   government_place_before=re.compile(data["government_place_before"], re.IGNORECASE),
                   government_place_after=re.compile(data["government_place_after"], re.IGNORECASE),
                   origin_before=lower(data["origin_before"]),
                   locator_before=re.compile(data["locator_before"], re.IGNORECASE),
                   reference_before=lower(data["reference_before"]),
                   compass_before=lower(data["compass_before"]), inside_before=lower(data["inside_before"]),
                   target_before=lower(data["target_before"]), part_of_day=lower(data["part_of_day"]),
                   person_before=re.compile(data["person_before"]), unit_before=re.compile(data["unit_before"]),
                   river_before=re.compile(data["river_before"], re.IGNORECASE),
                   place_before=re.compile(data["place_before"], re.IGNORECASE),
                   place_after=re.compile(data["place_after"], re.IGNORECASE),
                   city_before=re.compile(data["city_before"], re.IGNORECASE),
                   city_after=re.compile(data["city_after"], re.IGNORECASE),
                   direction_after=re.compile(data["direction_after"], re.IGNORECASE),
                   direction_before=re.compile(data.get("direction_before", NOTHING), re.IGNORECASE),
                   bare_attack=re.compile(data.get("bare_attack", NOTHING)),
                   source_before=lower(data["source_before"]), by_agent=lower(data["by_agent"]),
                   coded_to=lower(data["coded_to"]), district=re.compile(data["district"], re.IGNORECASE),
                   raion=re.compile(data["raion"]), raion_needs=required_strings(data["raion"]) or frozenset(),
                   first_of_series=re.compile(data["first_of_series"], re.IGNORECASE),
                   organisation_after=re.compile(data["organisation_after"]),
                   dateline=re.compile(data["dateline"], re.MULTILINE),
                   qualifier_between=re.compile(data["qualifier_between"], re.IGNORECASE),
                   qualifier_after=re.compile(data["qualifier_after"], re.IGNORECASE),
                   qualifier_follows=re.compile(data["qualifier_follows"]),
                   anaphor=re.compile(data["anaphor"], re.IGNORECASE),
                   unknown_before_qualifier=re.compile(data["unknown_before_qualifier"]),
                   settlement_named_before=re.compile(data["settlement_named_before"]),
                   answered=lower(data["answered"]), denied_after=lower(data["denied_after"]),
                   official_before=lower(data["official_before"]), taken_as_adjective=lower(data["taken_as_adjective"]),
                   settlements_word=lower(data["settlements_word"]), respell_name=re.compile(data["respell_name"]),
                   respell_before=re.compile(data.get("respell_before") or data["place_before"], re.IGNORECASE),
                   hromada_after=re.compile(data.get("hromada_after", NOTHING)),
                   hromada_before=re.compile(data.get("hromada_before", NOTHING)),
                   people=re.compile(data.get("people", NOTHING)),
                   name_part_before=re.compile(data.get("name_part_before", NOTHING)),
                   enemy=lower(data["enemy"]), loser_before=lower(data["loser_before"]),
                   another_act=lower(data["another_act"]),
                   continues_sentence=re.compile(data["continues_sentence"], re.IGNORECASE),
                   period_since=lower(data["period_since"]),
                   alternative_between=lower(data["alternative_between"]),
                   language=language))


def _quickened(lex: Lexicon) -> Lexicon:
    """The lexicon with each pattern behind a test of the characters its matches start with (wordmatch.quick)."""
    return replace(lex, **{f.name: quick(value) for f in fields(lex) for value in [getattr(lex, f.name)]
                           if isinstance(value, re.Pattern)})


def _by_side(patterns: list[dict]) -> re.Pattern:
    """One pattern of lower-cased text for a list of {pattern, side}, each from a word's start: a match's
    `lastgroup` is its side."""
    return re.compile("|".join(f"(?<!\\w)(?P<{p['side']}>{lower_pattern(p['pattern'])})" for p in patterns))


def _lexicon_data(language: str) -> dict:
    """A language's lexicon; a pattern it does not give (an English feature it lacks) matches nothing."""
    read = lambda name: yaml.safe_load((PACKAGE_DATA / name).read_text(encoding="utf-8"))  # noqa: E731
    data = read(LEXICONS[language])
    return data if language == "en" else {**{k: NOTHING for k in read(LEXICONS["en"])}, **data}
