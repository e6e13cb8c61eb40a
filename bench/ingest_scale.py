"""Does the store keep its speed as it grows? Per-article store time on top of a store of 10,000 and of
100,000 articles (1,000 and 10,000 in --quick).

The stored articles are the corpus' own, extracted once, copied into later years: a copy of an article and of
its events moves by whole rounds of four years (the corpus spans 3.7), and says which copy it is, so each is a
new text. The archive grows as a real one does, over more days, at the corpus' density per day; then a fresh
round of probe articles is timed, batch by batch (the median counts).
"""
from __future__ import annotations

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


def fill(engine, articles, events, first: int, count: int) -> list[float]:
    """Store `count` copies, numbered from `first` (copy i is article i % n in round i // n); the seconds per
    article of each batch."""
    n = len(articles)
    times = []
    for start in range(first, first + count, INGEST_BATCH):
        batch = [moved(articles[i % n], events[i % n], 1 + i // n) for i in range(start, min(start + INGEST_BATCH,
                                                                                             first + count))]
        t = time.perf_counter()
        store.ingest_batch(engine, batch)
        times.append((time.perf_counter() - t) / len(batch))
    return times


def per_article(engine, articles, events, first: int, count: int) -> float:
    """The median of the probe's batches: one batch slowed by another process on the machine does not count."""
    return statistics.median(fill(engine, articles, events, first, count))


def measure(db, articles, events, small: int, large: int, probe: int) -> tuple[float, float]:
    """Seconds per article with `small` and with `large` articles stored: probes of `probe` articles, in rounds
    of their own (a probe is counted in neither size)."""
    articles, events = movable(articles, events)
    engine = store.connect(db, create=True)
    n = len(articles)
    rounds = lambda count: -(-count // n) * n  # noqa: E731 (whole rounds, so probes start a round of their own)
    fill(engine, articles, events, 0, small)
    at_small = per_article(engine, articles, events, rounds(small), probe)
    fill(engine, articles, events, rounds(small) + rounds(probe), large - small)
    at_large = per_article(engine, articles, events, rounds(small) + rounds(probe) + rounds(large - small), probe)
    engine.dispose()
    return at_small, at_large
