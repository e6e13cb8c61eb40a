"""Folding of place names so that spellings meet: case, diacritics, apostrophes, hyphens.

`fold_text` keeps the length of the text (one character in, one out) so that a match in the
folded text is a match at the same offsets in the article.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’ʼ`´‘"
DASHES = "-‐‑–—"


def _fold_char(ch: str) -> str:
    if ch in APOSTROPHES:
        return "'"
    if ch in DASHES:
        return " "
    base = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in base if not unicodedata.combining(c)) or ch
    low = base.lower()
    return low if len(low) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


def _table() -> dict[int, str]:
    table = {}
    for code in range(0x20, 0x0530):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    for ch in APOSTROPHES + DASHES + "\u00a0":
        table[ord(ch)] = _fold_char(ch) if ch != "\u00a0" else " "
    return table


_TABLE = _table()


def fold_text(text: str) -> str:
    """Lower-case, strip diacritics, unify apostrophes and dashes; same length as the input."""
    return text.translate(_TABLE)


# Telegram items write emoji next to words: «⚡️Харків: ...», «🇷🇺Под Курском ...»
EMOJI_RANGES = ((0x2600, 0x27BF), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x203C, 0x203C), (0x2049, 0x2049),
                (0x23E9, 0x23FA), (0x1F1E6, 0x1F1FF), (0x1F300, 0x1FAFF))
EMOJI = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in EMOJI_RANGES)  # for a character class
_JOINERS = "\ufe0f\u200d"  # an emoji's variation selector and zero-width joiner
_WORD_TABLE = {**_TABLE, **{ord(ch): " " for ch in "\t\n\r\f\v([{<\"“„«»)]}>,;:!?/|…*+=~^%&@#\\" + _JOINERS},
               **{c: " " for a, b in EMOJI_RANGES for c in range(a, b + 1)}}


_NON_ASCII = re.compile(r"([^\x00-\x7f]+)")


def word_starts(text: str) -> str:
    """The text folded as `fold_text` folds it, after one extra space, with a space in place of every
    separator and of an opening quote: a name matched as " " + name starts a word."""
    return (" " + _translated(text, _WORD_TABLE)).replace(" '", "  ")


def _translated(text: str, table: dict[int, str]) -> str:
    """text.translate(table), which runs fast only until the first character beyond ASCII: English text with
    a few curly quotes or dashes goes faster in pieces, each ASCII run by itself."""
    if text.isascii() or len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) // 16:
        return text.translate(table)
    return "".join([piece.translate(table) for piece in _NON_ASCII.split(text)])


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """The key a name is matched by: folded, single-spaced."""
    return " ".join(fold_text(name).split())


def name_keys(name: str) -> set[str]:
    """The folded forms a name may take in text: with and without apostrophes and soft signs."""
    key = fold_name(name)
    keys = {key, key.replace("'", ""), key.replace("ь", "").replace("'", "")}
    keys.add(key.replace("'", " ").replace("  ", " ").strip())
    return {k for k in keys if len(k) >= 3}

