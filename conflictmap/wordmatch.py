"""Many whole-word regular expressions over the sentences of a text, fast.

Python's regex engine tries a pattern at every position of the text. Three things keep that cheap:
- the text is lower-cased once (offsets kept) and patterns are lower-cased to match it, because a
  case-insensitive flag makes each try several times slower;
- the word start is checked after a match, because a look-behind at the start of a pattern does too;
- each pattern runs only on the sentences that hold one of the strings every match of it contains
  (its "required strings", read from the parsed pattern), and one Aho-Corasick pass finds those
  strings for all the patterns at once. This is the literal prefilter of RE2 and ripgrep.
"""
from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

MIN_REQUIRED = 2  # characters: shorter strings prefilter nothing


def lower_text(text: str) -> str:
    """Lower-case with offsets kept: the few characters whose lower case is longer stay as they are."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def lower_pattern(pattern: str) -> str:
    """The pattern with its letters lower-cased (escapes and group names kept), to run on
    `lower_text` output in place of a case-insensitive flag."""
    return re.sub(r"\\.|\(\?P[<=]\w+|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(),
                  pattern)


def compile_words(pattern: str) -> re.Pattern:
    """A pattern that ends on a word end, for `lower_text` output."""
    return re.compile(r"(?:" + lower_pattern(pattern) + r")(?!\w)")


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains, or None when there are none worth
    looking for."""
    return anchors(pattern)[0]


def anchors(pattern: str) -> tuple[frozenset[str] | None, int | None]:
    """`required_strings`, and how many characters at most a match can start before the one it
    holds (None: no bound, as after a `\\s+`)."""
    parsed = sre_parse.parse(pattern)
    found = _required(parsed, parsed.state)
    if not found or min(map(len, found[0])) < MIN_REQUIRED:
        return None, None
    return frozenset(found[0]), (found[1] if found[1] < sre.MAXREPEAT else None)


def _required(items, state) -> tuple[set[str], int] | None:
    """The strings one of which every match of `items` holds, and the most characters a match can
    run before the start of that string."""
    options, run = [], []
    before = run_at = 0  # the widest the items so far can be; where the current literal run starts
    for op, arg in items:
        if op is sre.LITERAL:
            run_at = run_at if run else before
            run.append(chr(arg))
            before += 1
            continue
        if run:
            options.append(({"".join(run)}, run_at))
            run = []
        inner = None
        if op is sre.SUBPATTERN:
            inner = _required(arg[3], state)
        elif op is sre.BRANCH:
            branches = [_required(b, state) for b in arg[1]]
            inner = None if None in branches else (set().union(*(b[0] for b in branches)),
                                                   max(b[1] for b in branches))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2], state)  # held by the first repetition
        if inner:
            options.append((inner[0], before + inner[1]))
        before += sre_parse.SubPattern(state, [(op, arg)]).getwidth()[1]
    if run:
        options.append(({"".join(run)}, run_at))
    return max(options, key=lambda option: (min(map(len, option[0])), -len(option[0])), default=None)


class Scanner:
    """Whole-word patterns run over chosen spans of a text's `lower_text`. A match must start a
    word: no letter, digit, underscore or one of `joiners` just before it."""

    def __init__(self, patterns: list[str], joiners: str = ""):
        self.joiners = "_" + joiners
        self.regexes = [compile_words(p) for p in patterns]
        self.everywhere: list[int] = []
        self.leads: list[int | None] = []  # how far before its required string a match may start
        found: dict[str, set[int]] = {}
        for i, regex in enumerate(self.regexes):
            strings, lead = anchors(regex.pattern)
            self.leads.append(lead)
            if strings is None:
                self.everywhere.append(i)
            for s in strings or ():
                found.setdefault(s, set()).add(i)
        self._automaton = ahocorasick.Automaton()
        for s, ids in found.items():
            self._automaton.add_word(s, (len(s) - 1, tuple(ids)))
        self._anchored = bool(found)
        if found:
            self._automaton.make_automaton()

    def matches(self, low: str, spans: list[tuple[int, int]]) -> list[list[re.Match]]:
        """For each pattern, its matches inside the (sorted, disjoint) spans, each starting a word.
        A pattern's search starts where its first match could start: at its first required string,
        less its lead. After a match that does not start a word the search goes on from its next
        character ("xearly last month" still holds "last month")."""
        found: list[list[re.Match]] = [[] for _ in self.regexes]
        joiners, leads = self.joiners, self.leads
        for start, end in spans:
            first = dict.fromkeys(self.everywhere, start)  # pattern -> where its first required string starts
            for at, (back, ids) in self._automaton.iter(low, start, end) if self._anchored else ():
                for i in ids:
                    if at - back < first.get(i, end):
                        first[i] = at - back
            for i, at in first.items():
                search, out = self.regexes[i].search, found[i]
                m = search(low, start if leads[i] is None else max(start, at - leads[i]), end)
                while m:
                    at = m.start()
                    if at == 0 or not (low[at - 1].isalnum() or low[at - 1] in joiners):
                        out.append(m)
                        after = m.end()
                        m = search(low, after if after > at else at + 1, end)
                    else:
                        m = search(low, at + 1, end)
        return found
