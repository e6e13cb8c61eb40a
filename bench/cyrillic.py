"""`python -m bench.cyrillic [MB]`: extraction speed on Ukrainian and Russian text against English.

Each corpus is the demo reports of its language (samples/, with the uk/ru test articles), repeated
in a seeded order up to MB megabytes (default 1). One core, one process, the gazetteer loaded first;
building the Cyrillic case forms (once a process, on the first Ukrainian or Russian article) is timed
apart. Prints MB/s (UTF-8 bytes: a Cyrillic letter is two) and thousand characters a second.
"""
from __future__ import annotations

import csv
import random
import sys
import time
from pathlib import Path

from conflictmap.articles import read_file
from conflictmap.config import ROOT, settings
from conflictmap.cyrillic import gazetteer_for
from conflictmap.events import extract
from conflictmap.pipeline import load_gazetteer


def corpus(languages: tuple[str, ...], megabytes: float) -> list:
    folders = [ROOT / "samples", ROOT / "tests" / "data" / "uk_ru"]
    articles = []
    for folder in folders:
        rows = {r["file"]: r for r in csv.DictReader((folder / "manifest.csv").open(encoding="utf-8"))}
        for path in sorted(folder.glob("*.txt")):
            result = read_file(path, rows.get(path.name), 10**7)
            if result.ok and result.article.language in languages:
                articles.append(result.article)
    rng, out, size = random.Random(7), [], 0
    while size < megabytes * 1e6:
        a = rng.choice(articles)
        out.append(a)
        size += len(a.text.encode("utf-8"))
    return out


def rate(articles: list, gaz) -> dict:
    start, found = time.perf_counter(), 0
    for a in articles:
        found += len(extract(a, gaz))
    seconds = time.perf_counter() - start
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    chars = sum(len(a.text) for a in articles)
    return {"MB/s": size / seconds / 1e6, "kchars/s": chars / seconds / 1e3, "events": found, "MB": size / 1e6}


def main(argv: list[str]) -> None:
    megabytes = float(argv[0]) if argv else 1.0
    gaz = load_gazetteer(settings())
    for language in ("uk", "ru"):
        start = time.perf_counter()
        gazetteer_for(gaz, language)
        print(f"case forms ({language}), once a process: {time.perf_counter() - start:.2f} s, "
              f"{len(gazetteer_for(gaz, language).keys):,} keys")
    english = rate(corpus(("en",), megabytes), gaz)
    cyrillic = rate(corpus(("uk", "ru"), megabytes), gaz)
    for name, r in (("English", english), ("Ukrainian+Russian", cyrillic)):
        print(f"{name:18s} {r['MB/s']:.2f} MB/s  {r['kchars/s']:.0f} kchars/s  ({r['MB']:.1f} MB, {r['events']} events)")
    print(f"Cyrillic / English: {cyrillic['MB/s'] / english['MB/s']:.2f}x in MB/s, "
          f"{cyrillic['kchars/s'] / english['kchars/s']:.2f}x in characters")


if __name__ == "__main__":
    main(sys.argv[1:])
