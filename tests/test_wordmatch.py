"""The literal prefilter: required strings read from patterns, and a Scanner that finds exactly what
a plain case-insensitive whole-word search finds."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from conflictmap.wordmatch import Scanner, anchors, lower_text, may_match, quick, required_strings


@pytest.mark.parametrize("pattern, required", [
    (r"captur(?:ed|e of|es)", {"capture"}),  # the parser factors the "e" out of the branch
    (r"denied|refuted|cast doubt", {"denied", "refuted", "cast doubt"}),
    (r"(?:early\s+|late\s+)?last\s+month", {"month"}),
    (r"(?:still )?hold(?:ing)? (?:their |its )?(?:positions|ground)", {"positions", "ground"}),
    (r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)", {"19", "20"}),
    (r"\d+ km", {" km"}),
    (r"\w+", None),  # nothing literal to look for: the pattern runs everywhere
    (r"(?:a|b)\s+\d", None),  # one-letter strings prefilter nothing
])
def test_required_strings(pattern, required):
    assert required_strings(pattern) == (frozenset(required) if required else None)


@pytest.mark.parametrize("pattern, lead", [
    (r"captur(?:ed|e of|es)", 0),
    (r"(?:the )?(?:old|new) town", len("the new")),  # " town" starts at most 7 characters into a match
    (r"(?:on\s+)?friday", None),  # any number of spaces may come first
    (r"ab(?:cd|x{0,3}efg)", 0),
])
def test_anchor_leads(pattern, lead):
    assert anchors(pattern)[1] == lead


PATTERNS = [r"captur(?:ed|es)", r"fell|fall of", r"(?:early\s+)?last\s+month", r"shell(?:ing|ed)", r"\d+ km",
            r"glide[- ]bombs?", r"(?:on\s+)?friday",
            r"(?:the )?(?:old|new) town"]
WORDS = st.sampled_from(["captured", "Captured", "CAPTURES", "recaptured", "fell", "fall of", "Early last month",
                         "last  month", "shelling", "shelled", "12 km", "Glide-bomb", "glide bombs", "Friday",
                         "on friday", "the old town", "New town", "town", "x", "-", "_", "İ", "é", " ", "\n", ".",
                         "month", "km"])
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=40).map("".join)


def naive(pattern: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?!\w)", re.IGNORECASE)
    return [m.span() for m in regex.finditer(lower_text(text), start, end)]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 3))
def test_scanner_finds_what_a_plain_search_finds(text, cut):
    low = lower_text(text)
    spans = [(0, len(text) // 2), (len(text) // 2 + cut, len(text))] if len(text) > 8 else [(0, len(text))]
    found = Scanner(PATTERNS).matches(low, spans)
    for pattern, matches in zip(PATTERNS, found):
        assert [m.span() for m in matches] == [s for a, b in spans for s in naive(pattern, text, a, b)]


def test_lower_text_keeps_offsets():
    text = "İstanbul and Kyiv"
    assert len(lower_text(text)) == len(text) and lower_text(text).endswith("and kyiv")


# Patterns whose windows end early: look-aheads read past a match, `\s+` is bounded in single-spaced text.
WINDOWED = [r"(?:has |have )?taken(?! to | part)(?: control of)?", r"(?:ground |counter-?)?attacks?(?! helicopters?)",
            r"(?:on\s+)?(?:last\s+)?friday(?:'s)?", r"(?:early\s+|late\s+)?last\s+month", r"\d+\s+km\b",
            r"(?:the )?(?:old|new) town(?=\W)"]
WINDOWED_WORDS = st.sampled_from(["has taken", "taken to", "taken part", "taken control of", "attack", "counter-attacks",
                                  "attack helicopters", "on last friday", "on  friday", "friday's", "last\tmonth",
                                  "late  last month", "12 km", "3\n km", "the new town.", "old town", "x", "-", " ",
                                  "  ", "\n", ".", "_", "'s"])
WINDOWED_TEXT = st.lists(st.one_of(WINDOWED_WORDS, st.text(max_size=4)), max_size=50).map("".join)


def searched_whole(regex: re.Pattern, low: str, start: int, end: int, joiners: str) -> list[tuple[int, int]]:
    """What a Scanner finds in a span when it searches all of it: the reference its windows must keep."""
    found, m = [], regex.search(low, start, end)
    while m:
        at = m.start()
        word_start = at == 0 or not (low[at - 1].isalnum() or low[at - 1] in joiners)
        if word_start:
            found.append((m.span(), m.groups()))
        m = regex.search(low, (m.end() if word_start and m.end() > at else at + 1), end)
    return found


@settings(max_examples=400, deadline=None)
@given(WINDOWED_TEXT, st.integers(0, 3))
def test_windows_find_what_searching_the_whole_span_finds(text, cut):
    low = lower_text(text)
    spans = [(0, len(text) // 2), (len(text) // 2 + cut, len(text))] if len(text) > 8 else [(0, len(text))]
    scanner = Scanner(WINDOWED, joiners="-")
    for regex, matches in zip(scanner.regexes, scanner.matches(low, spans)):
        assert [(m.span(), m.groups()) for m in matches] == \
            [f for a, b in spans for f in searched_whole(regex, low, a, b, scanner.joiners)]


def test_windows_are_bounded_where_spaces_are_single():
    scanner = Scanner([r"(?:on\s+)?friday", r"taken(?! to )", r"\w+ offensive"])
    # every pattern ends on a look-ahead for a word character; a word boundary reads one more
    assert scanner.tight_bounds[0] == (len("on "), len("on friday") + 1 + 2)
    assert scanner.bounds[0] == (None, None)
    assert scanner.bounds[1] == (0, len("taken to ") + 1 + 2)  # the look-ahead reads on
    assert scanner.bounds[2][0] is None


QUICK = [(r"\b(?:near|in|at)\s+(?:the\s+)?$", re.IGNORECASE), (r"(?<!\w)(?:denied|den(?:y|ies))(?!\w)", 0),
         (r"\b(?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]*(?:ka|ve)\b", 0), (r";|,\s+(?:but|which)\b|\b(?:but|after)\b|\(", 0),
         (r"(?:Volodymyr|Oleksandr|Ivan|[Ss]erhii)\s+$", 0), (r"(?:[Gg]roup|[Bb]rigade)\s*[«\"“]\s*$", 0),
         (r"\bthe\s+(?P<city>city)\b|(?<=[a-z] )(?-i:(?P<there>there))\b", re.IGNORECASE)]
QUICK_TEXT = st.lists(st.one_of(st.sampled_from(["near ", "In the ", "AT  ", "denied", "Denies", "xdeny", "Novo Ivanka",
                                                 "Zarichne", "Nove-Selo Mala", ", but ", "after", "(", ";", "Ivan ", "serhii  ",
                                                 "Oleksandr", "brigade «", "Group \"", " ", "\n", "İ", "ſ", "K",
                                                 "the city", "THE City", "x there", "x There", "x THERE"]),
                                st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(QUICK_TEXT, st.integers(0, 6))
def test_quick_finds_what_the_pattern_finds(text, pos):
    for pattern, flags in QUICK:
        regex = re.compile(pattern, flags)
        fast = quick(regex)
        assert fast.pattern != regex.pattern  # each of these gets its look-ahead
        assert [(m.span(), m.groups()) for m in fast.finditer(text, pos)] == \
            [(m.span(), m.groups()) for m in regex.finditer(text, pos)]
        assert bool(fast.search(text, pos, len(text) - 1)) == bool(regex.search(text, pos, len(text) - 1))


@pytest.mark.parametrize("pattern", [r"according to\s*$", r"\(\s*coded", r"^(?:'s|’s)", r"\w+ near", r"(?:a)?",
                                     r"[a-z]+, (?:near|in)", r"\b(?i:near) x"])
def test_quick_leaves_patterns_the_engine_skips_through_or_any_start(pattern):
    regex = re.compile(pattern)
    assert quick(regex) is regex


def test_may_match_only_when_a_required_string_is_there():
    answered = re.compile(r"\b(?:fired back|returned fire|responded (?:with (?:\w+ )?fire|in kind))\b")
    assert may_match(answered, "ukrainian forces returned fire near x") and answered.search("returned fire")
    assert not may_match(answered, "ukrainian forces fired on x")
    assert may_match(re.compile(r"\w+"), "")  # nothing required: it must be searched
    assert may_match(re.compile("returned fire", re.IGNORECASE), "RETURNED FIRE")  # no test for these
