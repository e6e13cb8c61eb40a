"""Date expressions in war reporting, resolved to EDTF against the article's publication date.

The text decides the precision: "on Friday" is a day, "last month" a month, "last year" a year,
"eight months of shelling" a period ending at publication. Each rule is a regular expression and a
resolver; the table `RULES` is the grammar. Measured against dateparser's search_dates, this is
about two orders of magnitude faster and knows the relative forms news copy uses.
"""
from __future__ import annotations

import calendar
import re
from typing import NamedTuple
from datetime import date, timedelta

from .wordmatch import Scanner, lower_text

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3}
SEASONS = {"winter": (12, 2), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"


class DateCue(NamedTuple):
    start: int
    end: int
    text: str
    edtf: str


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) - n
    return total // 12, total % 12 + 1


def _latest_month(month: int, pub: date, strictly_before: bool = False) -> tuple[int, int]:
    """The most recent `month` on or before the publication month."""
    year = pub.year if month < pub.month or (month == pub.month and not strictly_before) else pub.year - 1
    return year, month


def _num(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text.lower()]


def _ago(g, pub):
    n, unit = _num(g["num"]), g["unit"].lower()
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        start = pub - timedelta(days=7 * n + pub.weekday())
        return f"{_day(start)}/{_day(start + timedelta(days=6))}"
    if unit == "month":
        return _month(*_shift_months(pub.year, pub.month, n))
    return f"{pub.year - n:04d}"


def _period(g, pub):
    """"eight months of shelling", "for two weeks": a period that ends at publication."""
    n, unit = _num(g["num"]), g["unit"].lower()
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return f"{_day(pub - timedelta(days=days))}/{_day(pub)}"
    if unit == "month":
        return f"{_month(*_shift_months(pub.year, pub.month, n))}/{_month(pub.year, pub.month)}"
    return f"{pub.year - n:04d}/{pub.year:04d}"


def _weekday(g, pub):
    back = (pub.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
    if back == 0 and g.get("last"):
        back = 7
    return _day(pub - timedelta(days=back))


def _named_month(g, pub):
    month = MONTHS[g["month"].lower()]
    if g.get("year"):
        return _month(int(g["year"]), month)
    return _month(*_latest_month(month, pub, strictly_before=bool(g.get("last"))))


def _month_range(g, pub):
    """"February-March 2022", «у лютому–березні 2022 року»: from the first month's start to the last's end."""
    last = _named_month(g, pub)
    year, month = (int(x) for x in last.split("-"))
    first = MONTHS[g["first_month"].lower()]
    return f"{_month(year - (first > month), first)}/{last}"


def _day_month(g, pub):
    month, day = MONTHS[g["month"].lower()], int(g["day"])
    year = int(g["year"]) if g.get("year") else _latest_month(month, pub)[0]
    try:
        return _day(date(year, month, day))
    except ValueError:
        return _month(year, month)


def _season(g, pub):
    first, last = SEASONS[g["season"].lower()]
    year = pub.year - 1 if g.get("last") or first > pub.month else pub.year
    end_year = year + 1 if last < first else year
    return f"{_month(year, first)}/{_month(end_year, last)}"


def _weekend(g, pub):
    """The Saturday and Sunday on or before publication."""
    sunday = pub - timedelta(days=(pub.weekday() - 6) % 7)
    return f"{_day(sunday - timedelta(days=1))}/{_day(sunday)}"


def _since(inner):
    """"since last summer": from the start of the inner expression to publication."""
    def resolve(g, pub):
        start = inner(g, pub).split("/")[0]
        return f"{start}/{_day(pub)}"
    return resolve


def _day_range(g, pub):
    """"12-13 May", "between 10 and 12 May", "May 3 to 5": the days from the first to the last."""
    last = _day_month(g, pub)
    first = _day_month({**g, "day": g["first"]}, pub)
    return f"{first}/{last}" if len(first) == len(last) == 10 and first < last else last


_FIRST = r"(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|and|to|until|till)\s*"
NUMERIC_RULES: list[tuple[str, object]] = [  # 2025-02-07, 07.02.2025: the same in every language
    (r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", lambda g, pub: f"{g['y']}-{g['m']}-{g['d']}"),
    (r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>20\d\d)", lambda g, pub: f"{g['y']}-{int(g['m']):02d}-{int(g['d']):02d}"),
]
RULES: list[tuple[str, object]] = NUMERIC_RULES[:1] + [
    (r"(?:between\s+|from\s+)?" + _FIRST + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", _day_range),
    (r"(?:between\s+|from\s+)?" + _MONTH + r"\s+" + _FIRST + _DAY + r"(?![\d,]*\d{3})(?:,?\s+" + _YEAR + r")?",
     _day_range),
    NUMERIC_RULES[1],
    (_DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", _day_month),
    (_MONTH + r"\s+" + _DAY + r"(?![\d,]*\d{3})(?:,?\s+" + _YEAR + r")?", _day_month),
    (_MONTH + r"\s+(?:of\s+)?last\s+year", lambda g, pub: _month(pub.year - 1, MONTHS[g["month"].lower()])),
    (r"(?:between\s+|from\s+)?" + _MONTH.replace("<month>", "<first_month>") + r"\s*(?:-|–|—|to|and|through|until)\s*"
     + _MONTH + r"(?:\s+(?:of\s+)?" + _YEAR + r")?", _month_range),
    (r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]+)?(?P<last>last\s+)?"
     + _MONTH + r"(?:\s+(?:of\s+)?" + _YEAR + r")?", _named_month),
    (r"(?:on\s+)?(?P<last>last\s+)?" + _WEEKDAY + r"(?:'s|’s)?", _weekday),
    (r"since\s+(?P<last>last\s+)?(?P<season>winter|spring|summer|autumn|fall)", _since(_season)),
    (r"(?:(?P<last>last)|this|in\s+the|during\s+the|over\s+the)\s+(?P<season>winter|spring|summer|autumn|fall)", _season),
    # what happened "earlier" or "so far" this week or month happened by publication
    (r"(?:earlier|so\s+far)\s+this\s+month", lambda g, pub: f"{_day(pub.replace(day=1))}/{_day(pub)}"),
    (r"(?:late\s+|early\s+)?this\s+month", lambda g, pub: _month(pub.year, pub.month)),
    (r"so\s+far\s+this\s+year|earlier\s+this\s+year|since\s+the\s+start\s+of\s+(?:the|this)\s+year",
     lambda g, pub: f"{pub.year:04d}-01-01/{_day(pub)}"),
    (r"(?:early\s+|late\s+|earlier\s+)?last\s+month|(?:a|one)\s+month\s+earlier",
     lambda g, pub: _month(*_shift_months(pub.year, pub.month, 1))),
    (r"(?:early\s+|late\s+|earlier\s+)?last\s+year", lambda g, pub: f"{pub.year - 1:04d}"),
    (r"this\s+year", lambda g, pub: f"{pub.year:04d}"),
    (r"(?:earlier|so\s+far)\s+this\s+week", lambda g, pub: f"{_day(pub - timedelta(days=pub.weekday()))}/{_day(pub)}"),
    (r"last\s+week|this\s+week", lambda g, pub: _ago({"num": "1" if "last" in g[0] else "0", "unit": "week"}, pub)),
    (r"the\s+day\s+before\s+yesterday", lambda g, pub: _day(pub - timedelta(days=2))),
    (r"yesterday|(?:on|during|in)\s+the\s+previous\s+day", lambda g, pub: _day(pub - timedelta(days=1))),
    (r"overnight(?!\s+(?:on|into|to)\s+(?:the\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))"
     r"|today|this\s+morning|tonight|on\s+the\s+night(?!\s+of\b)", lambda g, pub: _day(pub)),  # "overnight on 5-6 May": the date says
    (_NUM + r"\s+" + _UNIT + r"\s+ago", _ago),
    (r"(?:for\s+|over\s+|after\s+)?(?:the\s+(?:past|last)\s+)?" + _NUM + r"(?:\s+|-)" + _UNIT
     + r"(?:\s+of\b|-long\b|\s+(?:siege|battle|campaign|offensive))", _period),
    (r"(?:at|over|during)\s+the\s+weekend|(?:last|this)\s+weekend", _weekend),
    (r"since\s+" + _YEAR + r"(?![-\d])", lambda g, pub: f"{g['year']}/{_day(pub)}"),
    (r"(?<!born )(?:in|by|during|of|from)\s+" + _YEAR + r"(?![-\d])", lambda g, pub: g["year"]),  # not a birth year
    (r"(?P<year>20[0-3]\d)(?=\s+[a-z])", lambda g, pub: g["year"]),  # "Ukraine's 2023 counteroffensive"
]
_SCANNER = Scanner([pat for pat, _ in RULES], joiners="-")


def _english_groups(m: re.Match, text: str) -> dict | None:
    """A match's groups as the resolvers take them; None when it is no date."""
    if any(m.groupdict().get(key) and not text[m.start(key)].isupper() for key in ("month", "first_month")):
        return None  # "may", "march" as words
    if m.groupdict().get("month") and re.match(r"['’ʼ]\w", text[m.end("month"):m.end("month") + 2]):
        return None  # the start of a name: Mar'yinka
    return {k: v for k, v in m.groupdict().items() if v}


class Grammar(NamedTuple):
    """A language's date rules (pattern, resolver), their scanner, and how a match's groups are read."""

    rules: list
    scanner: Scanner
    groups: object  # (match, text) -> dict of groups in the resolvers' English terms, or None


ENGLISH = Grammar(RULES, _SCANNER, _english_groups)


def find_dates(text: str, published: date, low: str | None = None,
               spans: list[tuple[int, int]] | None = None, grammar: Grammar = ENGLISH) -> list[DateCue]:
    """All date expressions in the spans of a text (default: all of it) with their EDTF values;
    earlier rules win overlaps. `low` is the text's `lower_text`, when the caller has it."""
    low = lower_text(text) if low is None else low
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []
    for (_, resolve), matches in zip(grammar.rules, grammar.scanner.matches(low, spans or [(0, len(text))])):
        for m in matches:
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = grammar.groups(m, text)
            if groups is None:
                continue
            groups[0] = m.group(0)
            try:
                value = resolve(groups, published)
            except (KeyError, ValueError, OverflowError):
                continue
            cues.append(DateCue(m.start(), m.end(), text[m.start():m.end()], value))
            taken.append((m.start(), m.end()))
    return sorted(cues, key=lambda c: c.start)


def interval(edtf: str) -> tuple[date, date]:
    """First and last day an EDTF date or period covers ("2024" -> 2024-01-01..2024-12-31)."""
    if "/" in edtf:
        start, end = edtf.split("/", 1)
        return interval(start)[0], interval(end)[1]
    parts = [int(p) for p in edtf.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def from_interval(first: date, last: date) -> str:
    """The EDTF for a span of days, as coarse as it exactly is: a year, a month, a day or a period."""
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year:04d}"
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and \
            last.day == calendar.monthrange(last.year, last.month)[1]:
        return _month(first.year, first.month)
    return _day(first) if first == last else f"{_day(first)}/{_day(last)}"


def precision(edtf: str) -> str:
    """day | month | year | period: how exactly the text dated the event."""
    if "/" in edtf:
        return "period"
    return {1: "year", 2: "month"}.get(edtf.count("-") + 1, "day")
