"""Ukrainian and Russian dates, resolved to EDTF against publication as dates.py resolves English.

«у п'ятницю», «7 лютого», «минулого тижня», «в ночь на вторник», «в минувшие сутки», «24 лютого
2022 року». The words and their meanings are in data/dates_cyrillic.yaml; each rule below reads its
words into the English terms of dates.py ("лютого" is February), whose resolvers do the rest.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

import yaml

from . import dates
from .config import PACKAGE_DATA
from .dates import (ENGLISH, Grammar, _ago, _day, _day_month, _month, _named_month, _season, _weekday,
                    find_dates)
from .wordmatch import Scanner

APOSTROPHE = "['’ʼ`]"


def date_finder(language: str):
    """The `find_dates` of a language: (text, published, low, spans) -> [DateCue]."""
    grammar = ENGLISH if language not in ("uk", "ru") else _grammar(language)
    return lambda text, published, low=None, spans=None: find_dates(text, published, low, spans, grammar)


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((PACKAGE_DATA / "dates_cyrillic.yaml").read_text(encoding="utf-8"))


def _norm(word: str) -> str:
    return re.sub(APOSTROPHE, "'", word.lower())


def _alternation(name: str, words) -> str:
    spelled = [re.escape(w).replace("'", APOSTROPHE) for w in sorted(words, key=len, reverse=True)]
    return f"(?P<{name}>" + "|".join(spelled) + ")"


@lru_cache(maxsize=2)
def _grammar(language: str) -> Grammar:
    data, w = _data()[language], _data()["words"][language]
    english = {
        "month": {_norm(x): calendar.month_name[int(n)].lower() for n, xs in data["months"].items() for x in xs},
        "weekday": {_norm(x): day for day, xs in data["weekdays"].items() for x in xs},
        "unit": {_norm(x): unit for unit, xs in data["units"].items() for x in xs},
        "season": {_norm(x): season for key in ("seasons", "seasons_after_last")
                   for season, xs in data[key].items() for x in xs},
        "num": {_norm(x): str(n) for x, n in data["numbers"].items()},
    }
    english["first_month"] = english["month"]  # the first of a range of months («у лютому–березні»)
    month, weekday = _alternation("month", english["month"]), _alternation("weekday", english["weekday"])
    first_month = _alternation("first_month", english["month"])
    unit = _alternation("unit", english["unit"])
    season = _alternation("season", [x for xs in data["seasons"].values() for x in xs])
    season_last = _alternation("season", list(english["season"]))
    num = r"(?P<num>\d{1,2}|" + _alternation("word", english["num"])[len("(?P<word>"):]
    year, day = r"(?P<year>(?:19|20)\d\d)", r"(?P<day>[0-3]?\d)"
    last_year_month = lambda g, pub: _month(pub.year - 1, _month_number(g))  # noqa: E731
    rules = dates.NUMERIC_RULES + [
        (rf"{w['since']}\s+{month}\s+(?:{w['last_year']})", lambda g, pub: f"{last_year_month(g, pub)}/{_day(pub)}"),
        (rf"{w['since']}\s+{month}(?:\s+{year}(?:\s+{w['year_word']})?)?", _since_month),
        (rf"(?:{w['since']}\s+)?(?P<first>[0-3]?\d)\s*(?:[-–—]|{w['until']}\s+)\s*{day}\s+{month}"  # «з 5 по 7 березня»
         rf"(?:,?\s+{year}(?:\s+{w['year_word']})?)?", dates._day_range),
        (rf"{day}\s+{month}(?:,?\s+{year}(?:\s+{w['year_word']})?)?", _day_month),
        (rf"(?:{w['in']}\s+)?{first_month}\s*[-–—]\s*{month}(?:\s+{year}(?:\s+{w['year_word']})?)?", dates._month_range),
        (rf"{month}\s+(?:{w['last_year']})", last_year_month),
        (rf"(?:{w['in']}\s+)?(?P<last>{w['last']}\s+)?{month}(?:\s+{year}(?:\s+{w['year_word']})?)?(?![\w-])", _named_month),
        (rf"(?:{w['night_before']})\s+{weekday}", _night_before),
        (rf"(?:(?:{w['in']}|на)\s+|(?={w['last']}))(?P<last>{w['last']}\s+)?{weekday}", _weekday),
        (w["past_day"], lambda g, pub: f"{_day(pub - timedelta(days=1))}/{_day(pub)}"),
        (w["day_before_yesterday"], lambda g, pub: _day(pub - timedelta(days=2))),
        (w["yesterday"], lambda g, pub: _day(pub - timedelta(days=1))),
        (w["today"], lambda g, pub: _day(pub)),
        (w["last_week"], lambda g, pub: _ago({"num": "1", "unit": "week"}, pub)),
        (w["this_week"], lambda g, pub: _ago({"num": "0", "unit": "week"}, pub)),
        (w["weekend"], dates._weekend),
        (w["last_month"], lambda g, pub: _ago({"num": "1", "unit": "month"}, pub)),
        (w["this_month"], lambda g, pub: _month(pub.year, pub.month)),
        (w["last_year"], lambda g, pub: f"{pub.year - 1:04d}"),
        (w["this_year"], lambda g, pub: f"{pub.year:04d}"),
        (rf"{num}\s+{unit}\s+{w['ago']}", _ago),
        (rf"{w['since']}\s+{year}\s+{w['year_word']}", lambda g, pub: f"{g['year']}/{_day(pub)}"),
        (rf"(?:{w['in']}\s+)?{year}\s+{w['year_word']}(?!\s*{w['born']})", lambda g, pub: g["year"]),
        (rf"(?P<last>{w['last']})\s+{season_last}", _season),
        (season, _season),
    ]
    return Grammar(rules, Scanner([p for p, _ in rules], joiners="-"), _reader(english))


def _reader(english: dict[str, dict[str, str]]):
    def groups(m: re.Match, text: str) -> dict:
        g = {k: v for k, v in m.groupdict().items() if v}
        if "word" in g:
            g["num"] = g.pop("word")
        for key, table in english.items():
            if key in g:
                g[key] = table.get(_norm(g[key]), g[key])  # digits stay digits
        return g
    return groups


def _month_number(g) -> int:
    return list(calendar.month_name).index(g["month"].capitalize())


def _since_month(g, pub: date) -> str:
    """«з серпня», «с августа 2024 года»: from the start of that month to publication."""
    return f"{_named_month(g, pub).split('/')[0]}/{_day(pub)}"


def _night_before(g, pub: date) -> str:
    """«в ночь на вторник»: the night that ends on that day."""
    day = date.fromisoformat(_weekday(g, pub))
    return f"{_day(day - timedelta(days=1))}/{_day(day)}"
