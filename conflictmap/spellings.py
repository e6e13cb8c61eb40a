"""Latin spellings of the Cyrillic names of places, as reports write them.

Ukrainian names: the national system of 2010 (KMU, as in `katottg.latin`) and BGN/PCGN (Kup'yans'k,
Andriyivka), through `translitua`. Russian names: BGN/PCGN and Wikipedia's English forms, close
to what the press writes (Artyomovsk, Krasnoarmeysk, Ugledar), through `iuliia`. A name with no
letter only one of the two languages has is spelled both ways. Used when the base is built.
"""
from __future__ import annotations

import iuliia
from translitua import UkrainianBGN, UkrainianKMU, translit

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэёъЫЭЁЪ")


def cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def latin_forms(name: str) -> set[str]:
    """The Latin spellings of a Cyrillic name (none for a Latin one)."""
    if not cyrillic(name):
        return set()
    letters = set(name)
    forms = set()
    if not letters & RUSSIAN_ONLY:
        forms |= {translit(name, UkrainianKMU), translit(name, UkrainianBGN)}
    if not letters & UKRAINIAN_ONLY:
        forms |= {iuliia.translate(name, iuliia.BGN_PCGN), iuliia.translate(name, iuliia.WIKIPEDIA)}
    return {f for f in forms if f and not cyrillic(f)}


def russian_latin(name: str) -> str:
    """A Russian name as the English press writes it (Wikipedia's system: Grafovka, Novaya Tavolzhanka)."""
    return iuliia.translate(name, iuliia.WIKIPEDIA)
