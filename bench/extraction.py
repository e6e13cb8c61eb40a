"""Extraction: events.extract on one core and on a Pool of 2; the date stage; geotext and dateparser as peers."""
from __future__ import annotations

import gc
import multiprocessing as mp
import time
from datetime import date
from pathlib import Path

from . import Row, shared_gazetteer, log, run_script
from . import corpus as corpus_mod

AREA = "extraction"

# One core, a fresh interpreter: the corpus read into memory first (as read_all does), then timed.
ONE_CORE = """
import json, sys, time
from pathlib import Path
from bench import corpus, shared_gazetteer, reset_peak, peak_rss, rss_now
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path({folder!r})
articles = corpus.load_articles(folder)
size = sum(len(a.text.encode("utf-8")) for a in articles)
base = reset_peak()
{setup}
t = time.perf_counter()
found = 0
for a in articles:
    found += {call}
seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "bytes": size, "articles": len(articles), "found": found,
                  "peak": peak_rss() - base, "rss_before": base}}))
"""
OURS = dict(setup="import gc\nfrom conflictmap.events import extract\ngaz = shared_gazetteer()\ngc.freeze()",
            call="len(extract(a, gaz))")  # frozen: the gazetteer out of full collections, as ingest's workers do
PEER = dict(setup="from geotext import GeoText", call="len(GeoText(a.text).cities)")
# As ingest reads a batch: every article measured against the places the whole batch names (context.py)
IN_BATCH = dict(setup="import gc\nfrom conflictmap.events import extract\nfrom conflictmap.context import Context\n"
                      "gaz = shared_gazetteer()\ncontext = Context.of((a.text for a in articles), gaz)\ngc.freeze()",
                call="len(extract(a, gaz, context=context))")

_GAZ = None
_FOLDER = None


def _init(folder: str) -> None:
    global _GAZ, _FOLDER
    _GAZ, _FOLDER = shared_gazetteer(), Path(folder)
    gc.freeze()  # the gazetteer out of full collections, as ingest's workers do


def _warm(_):
    time.sleep(0.05)
    return 0


def _extract_chunk(rows: list[dict]) -> tuple[int, int, float]:
    from conflictmap.events import extract
    from conflictmap.models import Article

    found, cpu = 0, time.process_time()
    for r in rows:
        text = (_FOLDER / r["file"]).read_text(encoding="utf-8")
        found += len(extract(Article(r["file"], text, r["published"], r["outlet"], r["url"]), _GAZ))
    return found, len(rows), time.process_time() - cpu


def pool_rate(folder: Path, workers: int, chunk: int = 8, limit: int | None = None) -> dict:
    """Throughput of `workers` processes (started and warmed before the clock), each reading and
    extracting its own articles; only counts travel back."""
    import csv

    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    size = sum((folder / r["file"]).stat().st_size for r in rows)
    chunks = [rows[i:i + chunk] for i in range(0, len(rows), chunk)]
    with mp.get_context("fork").Pool(workers, initializer=_init, initargs=(str(folder),)) as pool:
        pool.map(_warm, range(workers * 4), chunksize=1)
        t = time.perf_counter()
        results = pool.map(_extract_chunk, chunks, chunksize=1)
        seconds = time.perf_counter() - t
    cpu = sum(c for _, _, c in results)
    return {"seconds": seconds, "bytes": size, "articles": sum(n for _, n, _ in results),
            "found": sum(f for f, _, _ in results), "cpu": cpu, "cpu_share": cpu / (seconds * workers)}


def loadavg() -> float:
    with open("/proc/loadavg") as fh:
        return float(fh.read().split()[0])


def date_stage(articles, limit_peer: int) -> tuple[float, float, int, int]:
    """conflictmap.dates.find_dates over every sentence of every article, against dateparser's
    search_dates over whole articles (a subset, extrapolated per byte)."""
    from dateparser.search import search_dates

    from conflictmap.dates import find_dates
    from conflictmap.mentions import sentences

    size = sum(len(a.text.encode("utf-8")) for a in articles)
    prepared = [([a.text[s:e] for s, e in sentences(a.text)], date.fromisoformat(a.published)) for a in articles]
    t = time.perf_counter()
    ours = sum(len(find_dates(s, pub)) for sents, pub in prepared for s in sents)
    t_ours = time.perf_counter() - t
    subset = articles[:limit_peer]
    sub_size = sum(len(a.text.encode("utf-8")) for a in subset)
    search_dates(subset[0].text[:200], languages=["en"])  # its first call loads its language data
    t = time.perf_counter()
    theirs = 0
    for a in subset:
        found = search_dates(a.text, languages=["en"],
                             settings={"RELATIVE_BASE": _midnight(a.published)})
        theirs += len(found or [])
    t_peer = time.perf_counter() - t
    return size / t_ours / 1e6, sub_size / t_peer / 1e6, ours, theirs


def _midnight(iso: str):
    from datetime import datetime

    return datetime.fromisoformat(iso)


def run(quick: bool) -> list[Row]:
    size = "1MB" if quick else "10MB"
    folder = corpus_mod.cached(size, gaz=shared_gazetteer())
    rows = []
    log(f"extraction: one core over the {size} corpus (fresh interpreter)")
    ours = run_script(ONE_CORE.format(folder=str(folder), **OURS))
    log("extraction: GeoText over the same corpus (fresh interpreter)")
    peer = run_script(ONE_CORE.format(folder=str(folder), **PEER))
    mb, pmb = ours["bytes"] / 1e6, peer["bytes"] / 1e6
    note = f"{ours['articles']:,} articles, {mb:.1f} MB, {ours['found'] / ours['articles']:.1f} events/article"
    rows.append(Row(AREA, "events.extract, 1 core, MB/s", mb / ours["seconds"], "MB/s", pmb / peer["seconds"],
                    "GeoText cities", ">= 2 MB/s", note=note))
    rows.append(Row(AREA, "events.extract, 1 core, articles/s", ours["articles"] / ours["seconds"], "/s",
                    peer["articles"] / peer["seconds"], "GeoText cities"))
    log("extraction: one core, the corpus as one batch with its context (as ingest reads it)")
    batch = run_script(ONE_CORE.format(folder=str(folder), **IN_BATCH))
    rows.append(Row(AREA, "events.extract in a batch's context (ingest's path), 1 core, MB/s",
                    batch["bytes"] / 1e6 / batch["seconds"], "MB/s", mb / ours["seconds"], "events.extract alone",
                    ">= 0.9x", note="the context (one gazetteer pass over the batch) is built before the clock"))
    rows.append(Row(AREA, "peak memory, 1 core (peak RSS over the corpus in memory)", ours["peak"], "B",
                    peer["peak"], "GeoText cities", note=f"plus {ours['rss_before'] / 1e6:.0f} MB before"))

    log("extraction: Pool(1) and Pool(2)")
    limit = 96 if quick else None
    one = pool_rate(folder, 1, limit=limit)
    two = pool_rate(folder, 2, limit=limit)
    load = loadavg()
    rows.append(Row(AREA, "events.extract, Pool(2), MB/s", two["bytes"] / 1e6 / two["seconds"], "MB/s",
                    one["bytes"] / 1e6 / one["seconds"], "Pool(1)", ">= 1.7x",
                    note=f"{mp.cpu_count()} CPUs, load avg {load:.1f}; the 2 workers got "
                         f"{two['cpu_share']:.0%} of a CPU each, the 1 worker {one['cpu_share']:.0%}"))

    log("extraction: date stage vs dateparser")
    articles = corpus_mod.load_articles(folder)
    peer_n = 15 if quick else 60
    ours_mbs, peer_mbs, n_ours, n_peer = date_stage(articles, peer_n)
    rows.append(Row(AREA, "date stage (dates.find_dates per sentence), MB/s", ours_mbs, "MB/s", peer_mbs,
                    f"dateparser search_dates, {peer_n} articles, extrapolated",
                    note=f"{n_ours / len(articles):.1f} dates/article vs {n_peer / peer_n:.1f}"))
    return rows
