"""The gazetteer as Ukrainian and Russian reports name places: every Cyrillic name in every case.

`gazetteer_for(gaz, "uk")` is the gazetteer with each Cyrillic name's case forms (inflect.py) as
further keys of the same places, the regions' Cyrillic names («Харківщина», «ДНР») from
data/places_cyrillic.yaml, the capitals' forms as governments («Київ заявив»), and the frequent words
that are also names of small places (data/common_words_cyrillic.txt) as common words. Everything
after the match (homonyms, region qualifiers, not-places) is the English pipeline's, run with the
language's lexicon. Built once per process and language, on the first article that needs it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .config import PACKAGE_DATA
from .gazetteer import Gazetteer, Match
from .inflect import case_forms
from .names import fold_name, name_keys
from .respell import places_cyrillic, skeleton

LANGUAGES = ("uk", "ru")
# folded letters of the other language: a name written with them is not declined by this one's rules
FOREIGN = {"uk": re.compile("[ыэъ]"), "ru": re.compile("[ієґ]")}
CYRILLIC = re.compile("[\u0400-\u04ff]")
CAPITAL_SIZE = 1_000_000  # a government's seat ("Kyiv", "Moscow") is a city this large
COMMON_WORDS = "common_words_cyrillic.txt"
REGION_NOUNS = (" область", " области")  # folded
ON = re.compile(r"\b[Нн]а\s+$")


class CyrillicGazetteer(Gazetteer):
    """A gazetteer whose bare region adjectives yield to the town whose case they also are, unless a
    word for a region follows («біля Донецька» is the city, «Донецька область» the region)."""

    region_follows: re.Pattern
    shared: frozenset[str]  # keys that are both a region's adjective and a case of a town's name

    on_region: dict[str, tuple]  # folded town forms that name its region after «на» («на Запоріжжі»)

    def find(self, text: str) -> list[Match]:
        return [self._on_region(text, self._settled(text, m) if fold_name(m.surface) in self.shared else m)
                for m in super().find(text)]

    def _on_region(self, text: str, m: Match) -> Match:
        region = self.on_region.get(fold_name(m.surface))
        if region and ON.search(text, max(0, m.start - 4), m.start):
            return replace(m, candidates=region)
        return m

    def _settled(self, text: str, m: Match) -> Match:
        regions = [c for c in m.candidates if self.places[c[0]].kind == "region"]
        if self.region_follows.match(text, m.end):
            return replace(m, candidates=tuple(regions))
        return replace(m, candidates=tuple(c for c in m.candidates if c not in regions))


def gazetteer_for(gaz: Gazetteer, language: str) -> Gazetteer:
    """The gazetteer to read an article in `language` with: for Ukrainian and Russian, the one with
    every case form, kept on `gaz` once built; for English, `gaz` itself."""
    if language not in LANGUAGES:
        return gaz
    key = ("cyrillic", language)
    built = gaz.derived.get(key)
    if built is None:
        built = gaz.derived[key] = _build(gaz, language)
    return built


def _build(gaz: Gazetteer, language: str) -> CyrillicGazetteer:
    data = places_cyrillic()
    keys = {k: list(v) for k, v in gaz.keys.items()}
    regions = {p.name: p.id for p in gaz.places.values() if p.kind == "region"}
    for region, names in data["regions"].items():
        for name in names if region in regions else ():  # a gazetteer without the region (a test's)
            for k in name_keys(name):
                _add(keys, k, [(regions[region], "region")])
    for k, cands in list(keys.items()):
        if " " in k and k.endswith(REGION_NOUNS) and CYRILLIC.search(k) and all(
                gaz.places[pid].kind == "region" for pid, _ in cands):
            _add(keys, k.rsplit(" ", 1)[0], cands)  # «Донецька» of «Донецька область»
    _prefer_own_names(gaz, keys, str.maketrans(data["latin"]))
    capitals = {pid for g in gaz.governments for pid, _ in gaz.keys.get(g, ())
                if gaz.places[pid].population >= CAPITAL_SIZE}
    foreign, town_forms, governments = FOREIGN[language], set(), set(gaz.governments)
    for k in [k for k in keys if CYRILLIC.search(k) and not foreign.search(k)]:
        forms = case_forms(k, language)
        for form in forms:
            _add(keys, form, keys[k])
        if any(gaz.places[pid].kind == "settlement" for pid, _ in keys[k]):
            town_forms |= forms
        if all(pid in capitals for pid, _ in keys[k]):
            governments |= forms | {k}
    built = CyrillicGazetteer(gaz.places, keys, governments, gaz.front_regions, gaz.contains,
                              gaz.common_words | common_words())
    built.region_follows = re.compile(data["region_follows"])
    built.on_region = {fold_name(form): ((regions[region], "region"),)
                       for region, forms in data.get("on_region", {}).get(language, {}).items() if region in regions
                       for form in forms}
    adjective = re.compile(data["region_adjective"])
    built.shared = frozenset(k for k in town_forms if adjective.search(k)
                             and any(gaz.places[pid].kind == "region" for pid, _ in keys[k]))
    return built


def _prefer_own_names(gaz: Gazetteer, keys: dict[str, list], latin: dict) -> None:
    """Of the places a Cyrillic name may mean, those whose own (Latin) name it spells count as their own
    name ("primary"): a consonant skeleton of the one and the other agree."""
    own: dict[str, str] = {}  # place id -> the skeleton of its name
    for k, cands in keys.items():
        if CYRILLIC.search(k):
            spelled = skeleton(k.translate(latin))
            keys[k] = [(pid, "primary" if how == "alias" and spelled == (
                own.get(pid) or own.setdefault(pid, skeleton(gaz.places[pid].name))) else how) for pid, how in cands]


def _add(keys: dict[str, list], key: str, cands: list) -> None:
    bucket = keys.setdefault(key, [])
    for cand in cands:
        if all(pid != cand[0] for pid, _ in bucket):
            bucket.append(cand)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent Ukrainian and Russian words that are also a case of a small place's name («Нове»,
    «Перемоги»): such a name counts only where the text treats it as a place."""
    path = PACKAGE_DATA / COMMON_WORDS
    if not path.exists():
        return frozenset()
    return frozenset(fold_name(w) for w in path.read_text(encoding="utf-8").split() if not w.startswith("#"))


VOWELS = set("аеиоуыэюяіїє")
COMMON_ZIPF = 3.5  # a word this frequent (wordfreq's Zipf scale: once in 300,000 words) is a common word...
TOWN_SIZE = 100_000  # ...when no place it may name is a town this large («Харкова» is Kharkiv)


def write_common_words(gaz: Gazetteer) -> int:
    """Write data/common_words_cyrillic.txt from wordfreq's Ukrainian and Russian lists (a development
    dependency); returns how many words it holds. Rerun when the gazetteer or the rules change."""
    from wordfreq import zipf_frequency

    words = set()
    for language in LANGUAGES:
        built = gazetteer_for(gaz, language)
        for key, cands in built.keys.items():
            if CYRILLIC.search(key) and " " not in key and all(
                    gaz.places[pid].kind == "settlement" and gaz.places[pid].population < TOWN_SIZE for pid, _ in cands) \
                    and max(zipf_frequency(form, lang) for form in _unfolded(key) for lang in LANGUAGES) >= COMMON_ZIPF:
                words.add(key)
    header = "# Written by `python -m conflictmap.cyrillic`: frequent words that are also a case of a small place's name\n"
    (PACKAGE_DATA / COMMON_WORDS).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    return len(words)


def _unfolded(key: str) -> set[str]:
    """The spellings a folded key may stand for: folding wrote й as и («мирный» is keyed «мирныи»), and
    wordfreq knows only the word as written. Й stands after a vowel."""
    forms = {key}
    for i, ch in enumerate(key):
        if ch == "и" and i and key[i - 1] in VOWELS:
            forms |= {form[:i] + "й" + form[i + 1:] for form in forms}
    return forms


if __name__ == "__main__":
    from .config import settings
    from .pipeline import load_gazetteer

    print(write_common_words(load_gazetteer(settings())), "words")
