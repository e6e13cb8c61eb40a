"""A raion named after a village says which of its namesakes is meant: "Vasylivka, Pokrovskyi district",
«село Василівка Бахмутського району».

Ukraine's oblasts are divided into raions named by an adjective of their centre town (Pokrovskyi for
Pokrovsk), and official and regional reporting locates a village by its raion; an oblast can have twenty
Novoselivkas, a raion seldom more than one or two. A raion's name in the text and in the gazetteer are
compared by the consonant skeleton of their stem (the adjective's ending dropped), so that "Bakhmutskyi
district", "Bakhmut raion", «Бахмутського району» and «Бахмутского района» agree.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .gazetteer import Gazetteer, Match
from .names import fold_name
from .respell import in_latin, skeleton
from .status import raion_follows

ENDING = re.compile(r"(?:s|z|c)'?k(?:yi|yy|iy|ij|y|i|a|e|oho|ogo|omu|om|ii|im|ym|oi|oj|ykh|ikh)?$")
SHORTEST = 2  # a shorter skeleton could be any raion's


class Raion(NamedTuple):
    start: int  # where the phrase starts ("Pokrovskyi district", «Покровського району»)
    end: int
    key: str  # the skeleton of its stem


def raion_key(name: str) -> str:
    """The skeleton of a raion's stem: "Pokrovskyi", "Pokrovsk", «Покровського» give the same key."""
    return skeleton(stem(name))


def stem(name: str) -> str:
    """A raion's name in Latin letters without its adjective's ending ("Pokrovskyi" -> "pokrov")."""
    return ENDING.sub("", in_latin(fold_name(name)).replace(" ", ""))


def raion_after(text: str, pos: int, lex) -> Raion | None:
    """The raion named right after `pos` as its locator (a comma, a bracket, "in", or nothing between:
    «Василівка Покровського району»), if one is."""
    found = raion_follows(text, pos, lex)
    if not found:
        return None
    key = raion_key(found.group(1))
    return Raion(found.start(), found.end(), key) if len(key) >= SHORTEST else None


def in_raion(match: Match, raion: Raion, gaz: Gazetteer) -> Match:
    """The match with only the candidates in the raion, if any is (else the raion may be an older one)."""
    inside = tuple(c for c in match.candidates
                   if gaz.places[c[0]].raion and raion_key(gaz.places[c[0]].raion) == raion.key)
    return replace(match, candidates=inside) if inside else match
