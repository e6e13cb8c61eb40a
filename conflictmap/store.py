"""The archive: articles kept whole, events merged across outlets, every source kept.

SQLAlchemy Core over SQLite (WAL, the embedded default) or PostgreSQL (by URL); the caller never says which.
Articles are written a batch at a time, each batch one transaction (store_batch.py): a crash leaves the store
as it was before that batch.
"""
from __future__ import annotations

import json

import sqlalchemy as sa

from . import corrections as corrections_mod
from .database import connect  # noqa: F401 (the door)
from .models import Article, Event
from .schema import articles, event_links, event_months, events, name, read_only, sources, when_unlocked, writing  # noqa: F401
from .schema import corrections as corrections_table
from .store_batch import IngestResult, add_events, write_articles  # noqa: F401
from .store_rows import Ready, content_hash, event_row, prepare  # noqa: F401

REEXTRACT_CHUNK = 500  # articles whose events are merged at a time when rebuilding


def ingest_batch(engine: sa.Engine, batch: list[tuple[Article, list[Event]]]) -> list[IngestResult]:
    """Store articles with their events in one transaction; the same text twice is stored once."""
    return ingest_ready(engine, [(article, prepare(article, found)) for article, found in batch])


def ingest_ready(engine: sa.Engine, batch: list[tuple[Article, Ready]]) -> list[IngestResult]:
    """ingest_batch of articles made ready for the store (store_rows.prepare, in the process that extracted them).
    Another ingest writing to the same store at the same time makes this one wait (and, if SQLite says the
    store is locked for longer than its timeout, retry)."""
    def write() -> list[IngestResult]:
        with writing(engine) as conn:
            return write_articles(conn, batch)
    return when_unlocked(write)


def ingest(engine: sa.Engine, article: Article, found: list[Event]) -> IngestResult:
    """One article (a batch of one)."""
    return ingest_batch(engine, [(article, found)])[0]


def reextract(engine: sa.Engine, extract_all) -> int:
    """Rebuild every event from the stored articles (after the gazetteer or the extractor changed).
    `extract_all` takes the list of articles and gives each one's events, in order (the whole store
    is one batch: pipeline.extract_many). Corrections are kept: they are matched to events by place,
    status and date, not by id."""
    with writing(engine) as conn:
        stored = conn.execute(sa.select(articles).order_by(articles.c.id)).all()
        conn.execute(event_links.delete())
        conn.execute(event_months.delete())
        conn.execute(sources.delete())
        conn.execute(events.delete())
        texts = [Article(file=row.file, text=row.text, published=row.published, outlet=row.outlet, url=row.url,
                         language=row.language, published_source=row.published_source) for row in stored]
        found = [(row.id, [event_row(e) for e in events_]) for row, events_ in zip(stored, extract_all(texts))]
        for i in range(0, len(found), REEXTRACT_CHUNK):
            add_events(conn, found[i:i + REEXTRACT_CHUNK])
    return sum(len(events_) for _, events_ in found)


def counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (articles, events, sources)}


def merged_events(engine: sa.Engine, start: str | None = None, end: str | None = None, *,
                  bbox: tuple[float, float, float, float] | None = None, as_of: str | None = None) -> list[dict]:
    """Every event with its sources (outlet, date, link, quote), optionally only those whose dates overlap
    start..end (ISO dates), that lie in bbox (min_lon, min_lat, max_lon, max_lat), that had begun by as_of
    (filters.latest_status then picks each place's latest). Filtered in SQL: on PostgreSQL through the
    events' PostGIS points and their GiST index; an event whose date or place people corrected is read too,
    and kept if it passes as corrected. Plain dicts, ready for maps and exports."""
    where = _where(engine.dialect.name, start, end, bbox, as_of)
    if where:
        c = corrections_table.c
        where = [sa.or_(sa.and_(*where), sa.exists().where(
            c.undone_at.is_(None), c.field.in_(("date", "place")), c.place_id == events.c.place_id,
            c.status == events.c.status, c.date_start <= events.c.date_end, c.date_end >= events.c.date_start))]
    query = sa.select(events).where(*where).order_by(events.c.date_start, events.c.id)
    src_query = (sa.select(sources, articles.c.file, articles.c.outlet, articles.c.url, articles.c.published)
                 .join(articles, sources.c.article_id == articles.c.id)
                 .order_by(articles.c.published, sources.c.id))
    if where:
        src_query = src_query.where(sources.c.event_id.in_(sa.select(events.c.id).where(*where)))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        by_event: dict[int, list[dict]] = {}
        for r in conn.execute(src_query):
            by_event.setdefault(r.event_id, []).append(_source(r))
        links: dict[int, list[int]] = {}
        for r in conn.execute(sa.select(event_links)):
            links.setdefault(r.event_id, []).append(r.other_id)
        overlay = corrections_mod.active(conn)
    out = []
    for row in rows:
        srcs = by_event.get(row["id"], [])
        if srcs:
            event = _event(row, srcs)
            event["conflicts_with"] = sorted(links.get(row["id"], []))
            out.append(event)
    return [e for e in corrections_mod.apply(out, overlay) if _within(e, start, end, bbox, as_of)]


def _within(e: dict, start, end, bbox, as_of) -> bool:
    """The window of merged_events, on an event as corrected."""
    return (not (start and e["date_end"] < start) and not (end and e["date_start"] > end)
            and not (as_of and e["date_start"] > as_of)
            and not (bbox and not (bbox[0] <= e["lon"] <= bbox[2] and bbox[1] <= e["lat"] <= bbox[3])))


def _where(dialect: str, start, end, bbox, as_of) -> list:
    where = []
    if start:
        where.append(events.c.date_end >= start)
    if end:
        where.append(events.c.date_start <= end)
    if as_of:
        where.append(events.c.date_start <= as_of)
    if bbox and dialect == "postgresql":
        where.append(sa.text("events.geom && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326)").bindparams(
            x0=bbox[0], y0=bbox[1], x1=bbox[2], y1=bbox[3]))
    elif bbox:
        where += [events.c.lon.between(bbox[0], bbox[2]), events.c.lat.between(bbox[1], bbox[3])]
    return where


def _source(r) -> dict:
    return {"article": r.file, "outlet": r.outlet, "url": r.url, "published": r.published,
            "quote": r.quote, "claimant": r.claimant, "side": r.side, "date": r.date,
            "date_source": r.date_source, "confidence": r.confidence,
            "span": [r.span_start, r.span_end], "article_id": r.article_id,
            **{k: cues.get(k, default) for cues in [json.loads(r.cues)]
               for k, default in (("surface", ""), ("located", "point"), ("extent", "whole"))}}


def _event(row: dict, srcs: list[dict]) -> dict:
    lead = max(srcs, key=lambda s: s["confidence"])
    outlets = sorted({s["outlet"] for s in srcs if s["outlet"]})
    return {
        "id": row["id"], "key": {k: row[k] for k in ("place_id", "status", "date_start", "date_end")},
        "place": row["place"], "place_id": row["place_id"], "kind": row["kind"],
        "region": row["region"], "other_names": [n for n in row["other_names"].split("|") if n],
        "lat": row["lat"], "lon": row["lon"], "status": row["status"], "date": row["date"],
        "date_start": row["date_start"], "date_end": row["date_end"],
        "claimant": lead["claimant"], "side": lead["side"], "quote": lead["quote"], "located": lead["located"],
        "extent": lead["extent"],
        "article": lead["article"], "outlet": lead["outlet"], "url": lead["url"], "published": lead["published"],
        "confidence": lead["confidence"], "sources": srcs, "source_count": len(srcs), "outlets": outlets,
        "first_reported": min(s["published"] for s in srcs), "last_reported": max(s["published"] for s in srcs),
    }


def revision(engine: sa.Engine) -> tuple[int, ...]:
    """Changes whenever articles, events or corrections change (undo included); views cache on it."""
    queries = [sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(t.c.id), 0)).select_from(t)
               for t in (articles, events, sources, corrections_table)]
    queries.append(sa.select(sa.func.count(corrections_table.c.undone_at), sa.literal(0)))
    with engine.connect() as conn:
        return tuple(int(v) for q in queries for v in conn.execute(q).one())


def article_list(engine: sa.Engine) -> list[dict]:
    """Every stored article (without its text), newest first, with how many events it gave."""
    counted = (sa.select(articles.c.id, articles.c.file, articles.c.outlet, articles.c.url, articles.c.published,
                         articles.c.group_id, sa.func.count(sources.c.id).label("events"))
               .outerjoin(sources, sources.c.article_id == articles.c.id)
               .group_by(articles.c.id).order_by(articles.c.published.desc(), articles.c.id))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(counted)]


def article_with_events(engine: sa.Engine, article_id: int) -> dict | None:
    """An article's whole text and what was extracted from it: place spans with their status."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        found = conn.execute(sa.select(sources.c.span_start, sources.c.span_end, sources.c.quote, sources.c.date,
                                       sources.c.claimant, sources.c.confidence, events.c.place, events.c.status)
                             .join(events, sources.c.event_id == events.c.id)
                             .where(sources.c.article_id == article_id).order_by(sources.c.span_start)).all()
    article = {k: v for k, v in row._mapping.items() if k != "minhash"}
    article["events"] = [dict(r._mapping) for r in found]
    return article
