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
from functools import lru_cache
from re import _compiler as sre_compile
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


def may_match(regex: re.Pattern, text: str) -> bool:
    """Whether the text holds one of the strings every match of the pattern holds (else a search
    need not run: a few substring tests are much cheaper than a search of a whole article). Always
    true for a case-insensitive pattern: run it on `lower_text` output instead, lower-cased."""
    needed = None if regex.flags & re.IGNORECASE else _needed(regex.pattern)
    return needed is None or any(s in text for s in needed)


@lru_cache(maxsize=256)
def _needed(pattern: str) -> frozenset[str] | None:
    return required_strings(pattern)


def anchors(pattern: str) -> tuple[frozenset[str] | None, int | None]:
    """`required_strings`, and how many characters at most a match can start before the one it
    holds (None: no bound, as after a `\\s+`)."""
    parsed = sre_parse.parse(pattern)
    return _anchors(parsed, parsed.state)


def _anchors(items, state) -> tuple[frozenset[str] | None, int | None]:
    found = _required(items, state)
    if not found or min(map(len, found[0])) < MIN_REQUIRED:
        return None, None
    return frozenset(found[0]), _bounded(found[1])


def _bounded(width: int) -> int | None:
    return width if width < sre.MAXREPEAT - 1 else None


def _reach(items, state, single_spaces: bool) -> int | None:
    width = _bounded(sre_parse.SubPattern(state, _reshaped(items, state, single_spaces, True)).getwidth()[1])
    return None if width is None else width + 2  # a word boundary reads one character more


def _tight(items, state) -> tuple[frozenset[str] | None, int | None]:
    """`_anchors` in a text with no two white spaces in a row."""
    return _anchors(sre_parse.SubPattern(state, _reshaped(items, state, True, False)), state)


SPACE = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]  # `\\s`, parsed
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _reshaped(items, state, single_spaces: bool, lookaheads: bool) -> list:
    """The parsed pattern with, if `single_spaces`, each repeat of `\\s` at most one long, and if
    `lookaheads`, each look-ahead read as characters the match runs over (so its width counts)."""
    again = lambda sub: sre_parse.SubPattern(state, _reshaped(sub, state, single_spaces, lookaheads))  # noqa: E731
    out = []
    for op, arg in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT) and lookaheads and arg[0] == 1:
            op, arg = sre.SUBPATTERN, (None, 0, 0, again(arg[1]))
        elif op is sre.SUBPATTERN:
            arg = (*arg[:3], again(arg[3]))
        elif op is sre.BRANCH:
            arg = (arg[0], [again(b) for b in arg[1]])
        elif op in REPEATS:
            longest = max(arg[0], 1) if single_spaces and list(arg[2]) == SPACE else arg[1]
            arg = (arg[0], min(arg[1], longest), again(arg[2]))
        elif op is sre.ATOMIC_GROUP:
            arg = again(arg)
        elif op is sre.GROUPREF_EXISTS:
            raise ValueError("a conditional group: its width is not read here")
        out.append((op, arg))
    return out


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


def quick(regex: re.Pattern) -> re.Pattern:
    """The same pattern behind a look-ahead for the characters a match can start with, when they are
    few to tell: Python's engine tries a pattern at every position, and most positions then fail at
    one set test instead of at each branch (a `\\b` first keeps the engine from finding that set itself)."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if parsed.state.flags & ~regex.flags & ~re.UNICODE or _prefixed(parsed, regex.flags):
        return regex  # flags set inside the pattern, or a start the engine finds quickly itself
    first = _first_chars(parsed)
    if first is None or first[1] or len(first[0] & COMMON) > len(COMMON) // 2:
        return regex  # (a set that holds most lower-case letters passes most positions)
    chars = "".join(sorted(re.escape(c) if c not in "-]\\^" else "\\" + c for c in first[0]))
    return re.compile(f"(?=[{chars}])(?:{regex.pattern})", regex.flags)


MAX_FIRST = 120  # characters: a larger set is no quick test
COMMON = set("abcdefghijklmnopqrstuvwxyz")


def _prefixed(parsed, flags: int) -> bool:
    """Does the engine skip to the pattern's possible starts by itself: a literal prefix or first
    character set it reads from the pattern, or an anchor at its start?"""
    if parsed.data and parsed.data[0] == (sre.AT, sre.AT_BEGINNING_STRING) or \
            parsed.data and parsed.data[0] == (sre.AT, sre.AT_BEGINNING) and not flags & re.MULTILINE:
        return True
    return bool(sre_compile._get_literal_prefix(parsed, flags)[0] or sre_compile._get_charset_prefix(parsed, flags))


def _first_chars(items) -> tuple[set[str], bool] | None:
    """The characters the items' match can start with, and whether it can be empty; None when any
    character (a class such as \\w, a negated set, a flag set inside) or too many can."""
    first: set[str] = set()
    for op, arg in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # reads no character of its own
        if op is sre.LITERAL:
            inner = ({chr(arg)}, False)
        elif op is sre.IN:
            inner = _class_chars(arg)
        elif op is sre.SUBPATTERN:
            inner = None if arg[1] or arg[2] & ~re.IGNORECASE else _first_chars(arg[3])  # (?-i:...): its
            # characters, read in either case, are more than it matches
        elif op is sre.ATOMIC_GROUP:
            inner = _first_chars(arg)
        elif op is sre.BRANCH:
            branches = [_first_chars(b) for b in arg[1]]
            inner = None if None in branches else (set().union(*(b[0] for b in branches)),
                                                   any(b[1] for b in branches))
        elif op in REPEATS:
            inner = _first_chars(arg[2])
            inner = inner and (inner[0], inner[1] or arg[0] == 0)
        else:
            return None
        if inner is None or len(first | inner[0]) > MAX_FIRST:
            return None
        first |= inner[0]
        if not inner[1]:
            return first, False
    return first, True


def _class_chars(items) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] < MAX_FIRST:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return chars, False


DOUBLE_SPACE = re.compile(r"\s\s")


class Scanner:
    """Whole-word patterns run over chosen spans of a text's `lower_text`. A match must start a
    word: no letter, digit, underscore or one of `joiners` just before it."""

    def __init__(self, patterns: list[str], joiners: str = ""):
        self.joiners = "_" + joiners
        self.regexes = [compile_words(p) for p in patterns]
        self._searches = [quick(regex).search for regex in self.regexes]  # the same matches, found sooner
        self.everywhere: list[int] = []
        # (lead, reach) of each pattern: how far before its required string a match may start, and
        # how far from its start a try reads; then the same in a span with no two spaces in a row
        self.bounds: list[tuple[int | None, int | None]] = []
        self.tight_bounds: list[tuple[int | None, int | None]] = []
        found: dict[str, set[int]] = {}
        for i, regex in enumerate(self.regexes):
            parsed = sre_parse.parse(regex.pattern)
            strings, lead = _anchors(parsed, parsed.state)
            tight_strings, tight_lead = _tight(parsed, parsed.state)
            self.bounds.append((lead, _reach(parsed, parsed.state, False)))
            self.tight_bounds.append((tight_lead, _reach(parsed, parsed.state, True)) if tight_strings == strings
                                     else self.bounds[-1])
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
        A pattern is searched only where a match could be: a match holds one of its required strings
        at most `lead` characters after its start, and a try reads at most `reach` characters, so the
        search runs from the first such string less the lead to the last plus the reach, and starts
        no try after the last. That finds every match the whole span holds, and nothing else: a match
        the cut end would make up still holds a required string, no later than the last, and its try
        reads no further than the cut. After a match that does not start a word the search goes on
        from its next character ("xearly last month" still holds "last month")."""
        found: list[list[re.Match]] = [[] for _ in self.regexes]
        joiners = self.joiners
        for start, end in spans:
            bounds = self.bounds if DOUBLE_SPACE.search(low, start, end) else self.tight_bounds
            for i, (first, last) in self._held(low, start, end).items():
                lead, reach = bounds[i]
                pos = start if lead is None else max(start, first - lead)
                endpos = end if lead is None or reach is None else min(end, last + reach)
                search, out = self._searches[i], found[i]
                while pos <= last:
                    m = search(low, pos, endpos)
                    if not m:
                        break
                    at = m.start()
                    if at == 0 or not (low[at - 1].isalnum() or low[at - 1] in joiners):
                        out.append(m)
                        pos = m.end() if m.end() > at else at + 1
                    else:
                        pos = at + 1
        return found

    def _held(self, low: str, start: int, end: int) -> dict[int, tuple[int, int]]:
        """Where the first and the last of the strings each pattern requires start in low[start:end]
        (the span's ends for a pattern that requires none): the patterns not listed cannot match there."""
        held: dict[int, list[int]] = {i: [start, end] for i in self.everywhere}
        for at, (back, ids) in self._automaton.iter(low, start, end) if self._anchored else ():
            at -= back
            for i in ids:
                seen = held.get(i)
                if seen is None:
                    held[i] = [at, at]
                elif at < seen[0]:
                    seen[0] = at
                elif at > seen[1]:
                    seen[1] = at
        return held
