"""Ukrainian and Russian place names in every grammatical case: «Покровськ» is also «Покровська»,
«Покровську», «Покровськом»; «Часів Яр» is «Часового Яру»; «Авдеевка» is «Авдеевке».

The forms are generated from the gazetteer's own (folded) names by the suffix rules in
data/inflection.yaml, so a name is found in any case by the same one-pass Aho-Corasick match as in
its dictionary form. Measured against pymorphy3 (`bench/cyrillic_names.py`): the rules decline names
its dictionaries lack (most villages) and compounds it lemmatises word by word («Часового Яру» ->
«часовий яр», not «Часів Яр»), and cost nothing per word of text.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

import yaml

from .config import PACKAGE_DATA
from .names import fold_text

CASES = ("gen", "dat", "acc", "ins", "loc")
VOWELS = "аеєиіоуюяыэ'"
MIN_FORM = 3  # letters: shorter forms are left out, as the gazetteer leaves out shorter names


class Rules:
    """One language's endings: for nouns (a name's last word) and adjectives (the words before it)."""

    def __init__(self, data: dict):
        self.nouns = _table(data["nouns"])
        self.adjectives = _table(data["adjectives"])
        self.adjective_names = tuple(fold_text(e) for e in data.get("adjective_names", ()))

    def word_forms(self, word: str, adjective: bool) -> dict[str, list[str]]:
        """Per case, the forms of one word; {} when no rule applies (the word does not change)."""
        table = self.adjectives if adjective else self.nouns
        for size in range(min(len(word), _longest(table)), -1, -1):
            rule = table.get(word[len(word) - size:])
            if rule is not None and not (size == 0 and word[-1] in VOWELS):  # the default is for consonants
                stem = word[:len(word) - size]
                return {case: [stem + ending for ending in endings] for case, endings in rule.items()}
        return {}


def _table(rules: dict) -> dict[str, dict[str, list[str]]]:
    return {fold_text(ending): {case: [fold_text(e or "") for e in replacements]
                                for case, replacements in by_case.items() if case in CASES}
            for ending, by_case in rules.items()}


def _longest(table: dict) -> int:
    return max(map(len, table), default=0)


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((PACKAGE_DATA / "inflection.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def rules(language: str) -> Rules:
    return Rules(_data()[language])


def fixed_after() -> frozenset[str]:
    return frozenset(_data()["fixed_after"])


def case_forms(name: str, language: str) -> set[str]:
    """The other case forms of a folded name ("покровськ" -> {"покровська", "покровську", ...}),
    its words agreeing: each case of the adjectives with the same case of the noun."""
    r = rules(language)
    words = name.split(" ")
    fixed = fixed_after()
    cut = next((i for i, w in enumerate(words) if i and w in fixed), len(words))
    head, tail = words[:cut], words[cut:]
    if len(head) == 1 and head[0].endswith(r.adjective_names):
        per_word = [r.word_forms(head[0], adjective=True)]
    else:
        per_word = [r.word_forms(w, adjective=i < len(head) - 1) for i, w in enumerate(head)]
    if not per_word[-1]:
        return set()  # the noun does not change: nor does the name
    forms = set()
    for case in CASES:
        if not any(case in by_case for by_case in per_word):
            continue  # the accusative of a masculine name is its nominative
        options = [by_case.get(case, [w]) for w, by_case in zip(head, per_word)]
        for combo in product(*options):
            form = " ".join(list(combo) + tail)
            if len(form) >= MIN_FORM and form != name:
                forms.add(form)
    return forms


def nominatives(word: str, language: str) -> set[str]:
    """The dictionary forms a folded one-word name may be a case of, the rules read backwards
    («тоненького» -> «тоненькое», «токмаку» -> «токмак»), the word itself among them. Most are not
    words at all; a gazetteer lookup tells which is a name."""
    r = rules(language)
    found = {word}
    for table in (r.nouns, r.adjectives):
        for ending, by_case in table.items():
            for form in {f for forms in by_case.values() for f in forms}:
                if form and word.endswith(form) and len(word) - len(form) >= MIN_FORM:
                    found.add(word[:len(word) - len(form)] + ending)
    return found
