"""`python -m bench.cyrillic_names`: Ukrainian and Russian place names in their case forms, found by the
case forms generated from the gazetteer (inflect.py) or by lemmatising with pymorphy3 (optional:
pip install pymorphy3 pymorphy3-dicts-uk pymorphy3-dicts-ru). Prints how many of the phrases below
each finds, the place each finds (the most populous candidate), and the time per MB of text.
"""
from __future__ import annotations

import re
import time

from conflictmap.config import settings
from conflictmap.cyrillic import gazetteer_for
from conflictmap.names import fold_name
from conflictmap.pipeline import load_gazetteer

# (language, text, the place meant): a place in a case other than the nominative, as reports write it
PHRASES = [
    ("uk", "у Покровську", "Pokrovsk"), ("uk", "під Покровськом", "Pokrovsk"), ("uk", "біля Часового Яру", "Chasiv Yar"),
    ("uk", "у Часовому Ярі", "Chasiv Yar"), ("uk", "біля Торецька", "Toretsk"), ("uk", "в Авдіївці", "Avdiivka"),
    ("uk", "з Авдіївки", "Avdiivka"), ("uk", "в Куп'янську", "Kupiansk"), ("uk", "під Куп'янськом", "Kupiansk"),
    ("uk", "за Велику Новосілку", "Velyka Novosilka"), ("uk", "біля Великої Новосілки", "Velyka Novosilka"),
    ("uk", "по Кривому Рогу", "Kryvyi Rih"), ("uk", "у Кривому Розі", "Kryvyi Rih"), ("uk", "по Києву", "Kyiv"),
    ("uk", "у Києві", "Kyiv"), ("uk", "у Харкові", "Kharkiv"), ("uk", "по Харкову", "Kharkiv"),
    ("uk", "у Запоріжжі", "Zaporizhzhia"), ("uk", "обстріл Курахового", "Kurakhove"), ("uk", "у Кураховому", "Kurakhove"),
    ("uk", "під Вугледаром", "Vuhledar"), ("uk", "у Бахмуті", "Bakhmut"), ("uk", "під Бахмутом", "Bakhmut"),
    ("uk", "в Ізюмі", "Izium"), ("uk", "у Херсоні", "Kherson"), ("uk", "в Одесі", "Odesa"), ("uk", "у Сумах", "Sumy"),
    ("uk", "в Маріуполі", "Mariupol"), ("uk", "у Краматорську", "Kramatorsk"), ("uk", "у Слов'янську", "Sloviansk"),
    ("uk", "в Костянтинівці", "Kostiantynivka"), ("uk", "у Вовчанську", "Vovchansk"), ("uk", "в Роботиному", "Robotyne"),
    ("uk", "у Кремінній", "Kreminna"), ("uk", "у Сіверську", "Siversk"), ("uk", "в Селидовому", "Selydove"),
    ("uk", "в Мирнограді", "Myrnohrad"), ("uk", "у Нікополі", "Nikopol"), ("uk", "в Гуляйполі", "Huliaipole"),
    ("uk", "у Волновасі", "Volnovakha"), ("uk", "в Ірпені", "Irpin"), ("uk", "у Дніпрі", "Dnipro"),
    ("ru", "в Авдеевке", "Avdiivka"), ("ru", "под Курском", "Kursk"), ("ru", "в Купянске", "Kupiansk"),
    ("ru", "в Часовом Яре", "Chasiv Yar"), ("ru", "у Часова Яра", "Chasiv Yar"), ("ru", "в районе Угледара", "Vuhledar"),
    ("ru", "в Угледаре", "Vuhledar"), ("ru", "у Великой Новоселки", "Velyka Novosilka"), ("ru", "по Харькову", "Kharkiv"),
    ("ru", "в Харькове", "Kharkiv"), ("ru", "в Покровске", "Pokrovsk"), ("ru", "под Покровском", "Pokrovsk"),
    ("ru", "в Торецке", "Toretsk"), ("ru", "в Артемовске", "Bakhmut"), ("ru", "в Белгороде", "Belgorod"),
    ("ru", "по Белгороду", "Belgorod"), ("ru", "в Судже", "Sudzha"), ("ru", "в Кривом Роге", "Kryvyi Rih"),
    ("ru", "в Запорожье", "Zaporizhzhia"), ("ru", "в Мариуполе", "Mariupol"), ("ru", "в Курахово", "Kurakhove"),
    ("ru", "в Херсоне", "Kherson"), ("ru", "в Селидово", "Selydove"), ("ru", "в Красноармейске", "Pokrovsk"),
    ("ru", "в Шебекино", "Shebekino"), ("ru", "в Ростове-на-Дону", "Rostov-on-Don"), ("ru", "в Днепре", "Dnipro"),
]
WORD = re.compile(r"[А-ЯІЇЄҐЁ][\w'’ʼ-]*(?:\s+[А-ЯІЇЄҐЁ][\w'’ʼ-]*)?")


def best(gaz, cands) -> str:
    """The place its own name names, else the most populous (a stand-in for homonyms.py)."""
    ranked = sorted(cands, key=lambda c: (c[1] == "primary", gaz.places[c[0]].population), reverse=True)
    return gaz.places[ranked[0][0]].name if ranked else ""


def by_forms(gaz, language: str, text: str) -> str:
    found = gazetteer_for(gaz, language).find(text)
    return best(gaz, found[-1].candidates) if found else ""


def by_pymorphy(gaz, analysers, language: str, text: str) -> str:
    """The place of the last capitalised word or pair whose lemma the gazetteer holds."""
    found = ""
    for m in WORD.finditer(text):
        words = m.group(0).split()
        lemmas = [analysers[language].parse(w)[0].normal_form for w in words]
        for size in (len(words), 1):
            cands = gazetteer_for(gaz, language).keys.get(fold_name(" ".join(lemmas[:size])))
            if cands:
                found = best(gaz, cands)
                break
    return found


def main() -> None:
    gaz = load_gazetteer(settings())
    text = " ".join(t for _, t, _ in PHRASES) * 200
    methods = {"case forms (inflect.py)": by_forms}
    try:
        import pymorphy3
        analysers = {"uk": pymorphy3.MorphAnalyzer(lang="uk"), "ru": pymorphy3.MorphAnalyzer(lang="ru")}
        methods["pymorphy3 lemmas"] = lambda g, lang, t: by_pymorphy(g, analysers, lang, t)
    except ImportError:
        print("pymorphy3 is not installed: only the case forms are measured")
    for name, find in methods.items():
        start = time.perf_counter()
        got = [find(gaz, lang, t) for lang, t, _ in PHRASES]
        right = sum(g == want for g, (_, _, want) in zip(got, PHRASES))
        first = time.perf_counter() - start  # includes building the case forms or loading the dictionaries
        start = time.perf_counter()
        for lang in ("uk", "ru"):
            find(gaz, lang, text)
        per_mb = (time.perf_counter() - start) / 2 / (len(text.encode("utf-8")) / 1e6)
        print(f"{name:24s} {right}/{len(PHRASES)} right, first call {first:.1f} s, {per_mb:.2f} s per MB of text")
        for g, (lang, t, want) in zip(got, PHRASES):
            if g != want:
                print(f"    {lang} {t!r}: {g or 'nothing'} (want {want})")


if __name__ == "__main__":
    main()
