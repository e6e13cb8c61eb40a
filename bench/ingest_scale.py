"""Does the store keep its speed as it grows? Per-article store time on top of a store of 10,000 and of
100,000 articles (1,000 and 10,000 in --quick).

The stored articles are the corpus' own, extracted once, copied into later years: a copy of an article and of
its events moves by whole rounds of four years (the corpus spans 3.7), and says which copy it is, so each is a
new text. The archive grows as a real one does, over more days, at the corpus' density per day; then a fresh
round of probe articles is timed, batch by batch, into a store of each size in turn (the medians count).

`python -m bench.ingest_scale [--corpus 10MB] [--small N] [--large N] [--probe N]` measures the row on its own:
the corpus is extracted once (Pool(2)) and the store is filled from copies of its events, so 100,000 stored
articles take minutes, not hours of extraction.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from dataclasses import replace

from conflictmap import store
from conflictmap.config import INGEST_BATCH

ROUND_YEARS = 4
_YEAR = re.compile(r"\b(\d{4})(?=-|$|/)")


def moved(article, events, round_: int):
    """The article and its events, `round_` rounds of four years later, as a text of their own."""
    def later(edtf: str) -> str:
        return _YEAR.sub(lambda m: str(int(m.group(1)) + ROUND_YEARS * round_), edtf)

    copy = replace(article, file=f"r{round_}/{article.file}", published=later(article.published),
                   text=f"{article.text}\n\n(archive copy {round_})")
    return copy, [replace(e, date=later(e.date), published=copy.published) for e in events]


def movable(articles, events):
    """The articles (and their events) that can be copied into later years: a 29 February has no copy in 2100."""
    kept = [(a, evs) for a, evs in zip(articles, events) if "-02-29" not in a.published + "".join(e.date for e in evs)]
    return [a for a, _ in kept], [evs for _, evs in kept]


def fill(engine, articles, events, first: int, count: int) -> None:
    """Store `count` copies, numbered from `first` (copy i is article i % n in round i // n)."""
    n = len(articles)
    for start in range(first, first + count, INGEST_BATCH):
        store.ingest_batch(engine, [moved(articles[i % n], events[i % n], 1 + i // n)
                                    for i in range(start, min(start + INGEST_BATCH, first + count))])


def measure(dbs, articles, events, small: int, large: int, probe: int) -> tuple[float, float]:
    """Seconds per article with `small` and with `large` articles stored, in two stores (`dbs`) filled with the
    same first copies. The same probe batches, a round of their own, are then written to each store in turn, so
    that another process slowing the machine slows both alike; the median batch of each counts."""
    articles, events = movable(articles, events)
    n = len(articles)
    engines = [store.connect(db, create=True) for db in dbs]
    fill(engines[0], articles, events, 0, small)
    fill(engines[1], articles, events, 0, large)
    first = -(-large // n) * n
    times: list[list[float]] = [[], []]
    for k, start in enumerate(range(first, first + probe, INGEST_BATCH)):
        batch = [moved(articles[i % n], events[i % n], 1 + i // n) for i in range(start, min(start + INGEST_BATCH,
                                                                                             first + probe))]
        for which in (0, 1) if k % 2 == 0 else (1, 0):
            t = time.perf_counter()
            store.ingest_batch(engines[which], batch)
            times[which].append((time.perf_counter() - t) / len(batch))
    for engine in engines:
        engine.dispose()
    return statistics.median(times[0]), statistics.median(times[1])


def main(argv=None) -> None:
    from . import Row, log, shared_gazetteer, table
    from . import corpus as corpus_mod
    from .ingest import AREA, extract_all, stores

    parser = argparse.ArgumentParser(prog="python -m bench.ingest_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="10MB", help="the generated corpus whose events are copied (1MB, 10MB)")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--probe", type=int, default=1_280)
    args = parser.parse_args(argv)
    articles = corpus_mod.load_articles(corpus_mod.cached(args.corpus, gaz=shared_gazetteer()))
    log(f"ingest_scale: extracting the {args.corpus} corpus ({len(articles):,} articles) on Pool(2)")
    events, _, _ = extract_all(articles)
    log(f"ingest_scale: per-article store time at {args.small:,} and {args.large:,} stored articles")
    t = time.perf_counter()
    at_small, at_large = measure(stores(), articles, events, args.small, args.large, args.probe)
    print(table([Row(AREA, f"per-article store time at {args.large:,} stored articles, ms", at_large * 1000, "ms",
                     at_small * 1000, f"at {args.small:,} stored", "<= 1.2x",
                     note=f"median batch of {args.probe:,} articles written to a store of each size in turn; copies "
                          f"of the {args.corpus} corpus ({len(articles):,} articles); {time.perf_counter() - t:.0f} s")]))


if __name__ == "__main__":
    main()
