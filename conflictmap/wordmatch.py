"""Whole-word regular expressions over lower-cased text, fast.

Python's regex engine tries a pattern at every position; a case-insensitive flag or a look-behind
at the start of the pattern makes each try several times slower. So the text is lower-cased once
(offsets kept), patterns are lower-cased to match, and the word start is checked after a match.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def lower_text(text: str) -> str:
    """Lower-case with offsets kept: the few characters whose lower case is longer stay as they are."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def compile_words(pattern: str, lower: bool = True) -> re.Pattern:
    """A pattern that ends on a word end; with `lower`, its letters are lower-cased (escapes kept)
    to run on `lower_text` output."""
    if lower:
        pattern = re.sub(r"\\.|\(\?P[<=]\w+|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(),
                         pattern)
    return re.compile(r"(?:" + pattern + r")(?!\w)")


def words(regex: re.Pattern, text: str, joiners: str = "") -> Iterator[re.Match]:
    """Matches of a `compile_words` pattern that also start a word (no letter, digit, underscore or
    joiner just before)."""
    for m in regex.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_" or text[i - 1] in joiners):
            yield m
