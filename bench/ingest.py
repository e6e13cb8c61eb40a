"""Ingest into SQLite: store.ingest_batch, one transaction per batch of articles; plain sqlite3 running the
same merge on the same schema, one transaction per article, is the peer."""
from __future__ import annotations

import csv
import json
import multiprocessing as mp
import os
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import CACHE, ROOT, Row, log, shared_gazetteer
from . import corpus as corpus_mod

AREA = "ingest"
PEER = "sqlite3, 3 plain tables"
GOAL_ARTICLES, GOAL_SECONDS = 20_000, 120

_GAZ = None


def _init() -> None:
    global _GAZ
    _GAZ = shared_gazetteer()


def _extract(articles):
    from conflictmap.events import extract

    cpu = time.process_time()
    out = [extract(a, _GAZ) for a in articles]
    return out, time.process_time() - cpu


def extract_all(articles, workers: int = 2, chunk: int = 16):
    """Events for every article on a Pool (the benchmark's own preparation, timed apart)."""
    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    t = time.perf_counter()
    with mp.get_context("fork").Pool(workers, initializer=_init) as pool:
        results = pool.map(_extract, chunks, chunksize=1)
    wall = time.perf_counter() - t
    events = [evs for part, _ in results for evs in part]
    return events, wall, sum(c for _, c in results)


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def disk_size(path: Path) -> int:
    return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal", "-shm") if Path(str(path) + s).exists())


def ingest_store(db, articles, events) -> dict:
    """store.ingest_batch, INGEST_BATCH articles per transaction (as `ingest` does); `db` a file or a URL."""
    from conflictmap import store
    from conflictmap.config import INGEST_BATCH

    engine = store.connect(_fresh(db) if isinstance(db, Path) else db, create=True)
    times = []
    stored = 0
    t0 = time.perf_counter()
    pairs = list(zip(articles, events))
    for i in range(0, len(pairs), INGEST_BATCH):
        t = time.perf_counter()
        batch = pairs[i:i + INGEST_BATCH]
        stored += sum(r.stored for r in store.ingest_batch(engine, batch))
        times += [(time.perf_counter() - t) / len(batch)] * len(batch)
    seconds = time.perf_counter() - t0
    counts = store.counts(engine)
    engine.dispose()
    return {"seconds": seconds, "times": times, "stored": stored, "counts": counts,
            "size": disk_size(db) if isinstance(db, Path) else 0}


PEER_SCHEMA = """
CREATE TABLE articles (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL, outlet TEXT NOT NULL,
  url TEXT NOT NULL, published TEXT NOT NULL, published_source TEXT NOT NULL, language TEXT NOT NULL,
  text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE events (id INTEGER PRIMARY KEY, place_id TEXT NOT NULL, place TEXT NOT NULL, kind TEXT NOT NULL,
  region TEXT NOT NULL, other_names TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, status TEXT NOT NULL,
  date TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL);
CREATE INDEX ix_events_place_status ON events (place_id, status);
CREATE TABLE sources (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events(id),
  article_id INTEGER NOT NULL REFERENCES articles(id), claimant TEXT NOT NULL, side TEXT NOT NULL, quote TEXT NOT NULL,
  date TEXT NOT NULL, date_source TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  confidence REAL NOT NULL, cues TEXT NOT NULL, UNIQUE (event_id, article_id, span_start));
CREATE INDEX ix_sources_event_id ON sources (event_id);
CREATE INDEX ix_sources_article_id ON sources (article_id);
"""


def ingest_peer(path: Path, articles, events) -> dict:
    """The same rows through the stdlib sqlite3 module into a plain three-table schema (articles,
    events, sources, with the product's first indexes), WAL, one transaction per article, the same
    merge lookup; no ORM, no near-duplicate grouping, no claim/denial links."""
    from conflictmap import store
    from conflictmap.dates import interval

    con = sqlite3.connect(_fresh(path), isolation_level=None)
    con.executescript(PEER_SCHEMA)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    slack = timedelta(days=1)
    t0 = time.perf_counter()
    for article, found in zip(articles, events):
        digest = store.content_hash(article.text)
        con.execute("BEGIN")
        if con.execute("SELECT id FROM articles WHERE sha256 = ?", (digest,)).fetchone():
            con.execute("COMMIT")
            continue
        cur = con.execute(
            "INSERT INTO articles (sha256, file, outlet, url, published, published_source, language, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, article.file, article.outlet, article.url, article.published, article.published_source,
             article.language, article.text, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        article_id = cur.lastrowid
        for e in found:
            first, last = interval(e.date)
            row = con.execute("SELECT id FROM events WHERE place_id = ? AND status = ? AND date_start <= ? AND "
                              "date_end >= ? ORDER BY julianday(date_end) - julianday(date_start) LIMIT 1",
                              (e.place.id, e.status, (last + slack).isoformat(), (first - slack).isoformat())).fetchone()
            if row:
                event_id = row[0]
            else:
                p = e.place
                event_id = con.execute(
                    "INSERT INTO events (place_id, place, kind, region, other_names, lat, lon, status, date, date_start,"
                    " date_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (p.id, p.name, p.kind, p.region, "|".join(p.other_names), p.lat, p.lon, e.status, e.date,
                     first.isoformat(), last.isoformat())).lastrowid
            con.execute("INSERT OR IGNORE INTO sources (event_id, article_id, claimant, side, quote, date, date_source,"
                        " span_start, span_end, confidence, cues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (event_id, article_id, e.claimant, e.side, e.quote, e.date, e.date_source, e.start, e.end,
                         e.confidence, json.dumps(e.cues, ensure_ascii=False)))
        con.execute("COMMIT")
    seconds = time.perf_counter() - t0
    con.close()
    return {"seconds": seconds, "size": disk_size(path)}


def run(quick: bool) -> list[Row]:
    gaz = shared_gazetteer()
    size, n = ("1MB", 250) if quick else ("100MB", GOAL_ARTICLES)
    started = time.perf_counter()
    folder = corpus_mod.cached(size, gaz=gaz)
    generated = time.perf_counter() - started
    summary = json.loads((folder / "corpus.json").read_text())
    articles = corpus_mod.load_articles(folder, limit=n)
    n = len(articles)
    rows = []
    if not quick:
        rows.append(Row(AREA, "corpus generation, 100 MB (bench.corpus)", summary["seconds"], "s", None, "",
                        "< 120 s", note=f"{summary['articles']:,} articles, {summary['bytes'] / 1e6:.0f} MB"
                                        + ("" if generated > 1 else "; cached, time of its generation")))
    log(f"ingest: extracting {n:,} articles on Pool(2) (preparation)")
    events, extract_wall, extract_cpu = extract_all(articles)
    n_events = sum(map(len, events))
    log(f"ingest: {n_events:,} events; store.ingest_batch, one transaction per batch")
    ours = ingest_store(CACHE / "ingest-bench.sqlite", articles, events)
    log("ingest: plain sqlite3 peer")
    peer = ingest_peer(CACHE / "ingest-peer.sqlite", articles, events)
    rate, peer_rate = n / ours["seconds"], n / peer["seconds"]
    tenth = max(1, n // 10)
    early, late = sum(ours["times"][:tenth]) / tenth, sum(ours["times"][-tenth:]) / tenth
    c = ours["counts"]
    note = f"{n:,} articles, {n_events:,} events -> {c['events']:,} merged, {c['sources']:,} sources"
    rows.append(Row(AREA, "store.ingest_batch into SQLite, articles/s", rate, "/s", peer_rate,
                    PEER, f">= {GOAL_ARTICLES / GOAL_SECONDS:.0f} /s", note=note))
    rows.append(Row(AREA, f"store.ingest of {n:,} articles, s", ours["seconds"], "s", peer["seconds"],
                    PEER, f"< {GOAL_SECONDS} s" if n >= GOAL_ARTICLES else ""))
    if n < GOAL_ARTICLES:
        rows.append(Row(AREA, f"store.ingest, {GOAL_ARTICLES:,} articles projected, s", GOAL_ARTICLES / rate, "s",
                        GOAL_ARTICLES / peer_rate, PEER, f"< {GOAL_SECONDS} s",
                        note="linear projection"))
    rows.append(Row(AREA, "per-article store time, last 10% / first 10%", late / early, "x", None, "",
                    note=f"{early * 1000:.1f} ms -> {late * 1000:.1f} ms as the store grows"))
    rows.append(Row(AREA, "store size on disk (db + wal)", ours["size"], "B", peer["size"], PEER,
                    note=f"{ours['size'] / n / 1000:.1f} kB/article; article text is "
                         f"{sum(len(a.text.encode()) for a in articles) / ours['size']:.0%} of it"))
    one_core = extract_cpu + ours["seconds"]
    rows.append(Row(AREA, f"end to end, {n:,} articles: extract on Pool(2) + store, s",
                    extract_wall + ours["seconds"], "s", one_core, "1 process, projected",
                    f"< {GOAL_SECONDS} s" if n >= GOAL_ARTICLES else "",
                    note="peer: ingest_paths' single process = extraction CPU time + store time"))
    rows += postgres_rows(articles, events, peer_rate, note)
    rows += end_to_end_rows(folder, n, gaz, extract_wall)
    rows += scale_rows(articles, events, quick)
    return rows


def postgres_rows(articles, events, peer_rate: float, note: str) -> list[Row]:
    """The same batches into PostgreSQL + PostGIS, on a throwaway server (tests/pgserver.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pgserver

    if pgserver.binaries() is None:
        return [Row(AREA, "store.ingest_batch into PostgreSQL, articles/s", None,
                    note="PostgreSQL and PostGIS are not installed (make postgres)")]
    server = pgserver.Server(pgserver.binaries()).start()
    try:
        log("ingest: store.ingest_batch into PostgreSQL")
        pg = ingest_store(server.fresh(), articles, events)
    finally:
        server.stop()
    rate = len(articles) / pg["seconds"]
    return [Row(AREA, "store.ingest_batch into PostgreSQL + PostGIS, articles/s", rate, "/s", peer_rate, PEER,
                note=note)]


def _subset(folder: Path, n: int) -> Path:
    """A folder of the corpus' first n articles (hard links: ingest refuses a symbolic link that leads out of
    its folder) with their manifest rows."""
    out = CACHE / f"{folder.name}-first-{n}"
    if not (out / "manifest.csv").exists():
        out.mkdir(parents=True, exist_ok=True)
        lines = (folder / "manifest.csv").read_text(encoding="utf-8").splitlines()
        for line in lines[1:n + 1]:
            name = next(csv.reader([line]))[0]
            if not (out / name).exists():
                os.link(folder / name, out / name)
        (out / "manifest.csv").write_text("\n".join(lines[:n + 1]) + "\n", encoding="utf-8")
    return out


def end_to_end_rows(folder: Path, n: int, gaz, extract_wall: float) -> list[Row]:
    """`ingest` as a user runs it (read, context, extract, store as results come): on 2 worker processes,
    and on a LocalCluster of 2 worker processes."""
    from dataclasses import replace

    from conflictmap import pipeline
    from conflictmap.config import settings

    subset = _subset(folder, n)
    goal = f"< {GOAL_SECONDS} s" if n >= GOAL_ARTICLES else ""
    timings = {}
    for how, kwargs in (("2 processes", {"workers": 2}), ("LocalCluster, 2 workers", {"cluster": "local:2"})):
        log(f"ingest: end to end, {n:,} articles, {how}")
        db = _fresh(CACHE / "ingest-e2e.sqlite")
        t = time.perf_counter()
        report = pipeline.ingest_paths([subset], None, replace(settings(), db=db), gaz, **kwargs)
        timings[how] = time.perf_counter() - t
        assert report.read == n and not report.refused, report.lines[:5]
    return [Row(AREA, f"ingest end to end, {n:,} articles, 2 processes (ingest --workers 2), s",
                timings["2 processes"], "s", extract_wall, "extraction alone, Pool(2)", goal,
                note="read + context + extract + store"),
            Row(AREA, f"ingest end to end, {n:,} articles, LocalCluster of 2 workers (--cluster local:2), s",
                timings["LocalCluster, 2 workers"], "s", timings["2 processes"], "--workers 2", goal,
                note="includes starting the cluster and sending it the gazetteer")]


def stores() -> tuple[Path, Path]:
    """The two stores of bench/ingest_scale.py, emptied."""
    return _fresh(CACHE / "ingest-scale.sqlite"), _fresh(CACHE / "ingest-scale-large.sqlite")


def scale_rows(articles, events, quick: bool) -> list[Row]:
    from .ingest_scale import measure

    small, large, probe = (1_000, 10_000, 640) if quick else (10_000, 100_000, 1_280)
    log(f"ingest: per-article store time at {small:,} and {large:,} stored articles")
    at_small, at_large = measure(stores(), articles, events, small, large, probe)
    return [Row(AREA, f"per-article store time at {large:,} stored articles, ms", at_large * 1000, "ms",
                at_small * 1000, f"at {small:,} stored", "<= 1.2x",
                note=f"median batch of {probe:,} articles written to a store of each size in turn "
                     "(bench/ingest_scale.py)")]
