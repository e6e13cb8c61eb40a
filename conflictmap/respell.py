"""Place names in a spelling the gazetteer lacks: "Veselogorovka" (Russian) for Veselohorivka,
"Klischiivka" for Klishchiivka, "Logvinovo" for Lohvynove.

Transliterations of one Cyrillic name differ mostly in vowels (Ukrainian і for Russian о), in h for g,
and in how щ, ж, х, ц are written. Their consonant skeletons agree: drop the vowels and the letters
that vary, write each of those sounds one way. A capitalised name that the gazetteer does not know,
standing where a place stands ("near X", "X, Donetsk"), and shaped like a Ukrainian or Russian place
name, is looked up by its skeleton; the homonym machinery then chooses among what it finds.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache

from .gazetteer import Gazetteer, Match
from .names import fold_name

SOUNDS = (("shch", "S"), ("sch", "S"), ("zh", "Z"), ("kh", "H"), ("ts", "C"), ("tz", "C"), ("ch", "C"),
          ("sh", "S"), ("g", "h"), ("w", "v"), ("x", "ks"), ("q", "k"))
VARYING = str.maketrans("", "", "aeiouyj' -")  # letters that vary between transliterations
DOUBLED = re.compile(r"(.)\1+")
MIN_SKELETON = 5  # shorter skeletons (Pisky: psk) name too many places...
MIN_QUALIFIED = 4  # ...unless the oblast is named after it ("Elenovka, Donetsk")
MAX_CANDIDATES = 40
CLOSE_ENOUGH = 0.05  # spellings this much less alike than the best are dropped  # a skeleton shared by more places is no clue
# One to three capitalised words ending as Ukrainian and Russian place names end.
NAME = re.compile(r"\b((?:[A-Z][a-z'’]+[ -]){0,2}[A-Z][a-z'’]*(?:ka|ky|ki|ve|vo|ne|no|na|ye|oye|ое|e|sk|tsi|chi"
                  r"|ets|ino|yn|iv|ov|yar|hrad|grad|pil|pol|ia|ya|ia|ok))\b")


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


def respelled(text: str, matches: list[Match], named: list[Match], gaz: Gazetteer, place_before: re.Pattern,
              place_after: re.Pattern) -> list[Match]:
    """The matches, with names the gazetteer lacks in this spelling added where the text treats them
    as places, in text order. `named`: every name the gazetteer knows in the text, places or not
    (a name it knows but found to be no place here is not respelled into one)."""
    starts, ends = [m.start for m in named], [m.end for m in named]  # sorted, not overlapping
    table = None
    added = []
    for found in NAME.finditer(text):
        start, end = found.span(1)
        k = bisect_left(ends, start + 1)  # the first known name that ends inside or after this one
        if k < len(starts) and starts[k] < end:
            continue
        table = table if table is not None else index(gaz)
        key = skeleton(found.group(1))
        if key not in table:
            continue
        qualified = bool(place_after.match(text, end))  # its oblast follows: the candidates will be cut to it
        if not (qualified or len(key) >= MIN_SKELETON and len(table[key]) <= MAX_CANDIDATES) \
                or not (qualified or place_before.search(text, max(0, start - 40), start)):
            continue
        cands = _closest(found.group(1), table[key], gaz)
        if cands:
            added.append(Match(start, end, found.group(1), cands))
    return sorted(matches + added, key=lambda m: m.start) if added else matches
