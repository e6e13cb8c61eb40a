"""The archive: articles kept whole, events merged across outlets, every source kept.

SQLAlchemy Core over SQLite (WAL) by default; the SQL is portable so a PostgreSQL URL works too.
Each article is stored in one transaction: a crash leaves the store as it was before that article.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

from .dates import interval
from .models import Article, Event

SCHEMA_VERSION = 1
MERGE_SLACK = timedelta(days=1)
metadata = sa.MetaData()

meta = sa.Table("meta", metadata,
                sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", sa.Text, nullable=False))

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("file", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text, nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(10), nullable=False),
    sa.Column("published_source", sa.String(16), nullable=False, default="manifest"),
    sa.Column("language", sa.String(8), nullable=False, default="en"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("place_id", sa.String(64), nullable=False),
    sa.Column("place", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("region", sa.Text, nullable=False, default=""),
    sa.Column("other_names", sa.Text, nullable=False, default=""),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date", sa.String(32), nullable=False),
    sa.Column("date_start", sa.String(10), nullable=False),
    sa.Column("date_end", sa.String(10), nullable=False),
    sa.Index("ix_events_place_status", "place_id", "status"),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("claimant", sa.Text, nullable=False, default=""),
    sa.Column("side", sa.String(16), nullable=False, default=""),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("date", sa.String(32), nullable=False),
    sa.Column("date_source", sa.String(16), nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("cues", sa.Text, nullable=False, default="{}"),
    sa.UniqueConstraint("event_id", "article_id", "span_start"),
)


@dataclass(frozen=True)
class IngestResult:
    file: str
    stored: bool
    events: int
    message: str


def connect(url_or_path: str | Path) -> sa.Engine:
    """Open (and create or upgrade) a store; a plain path means a SQLite file."""
    url = str(url_or_path)
    if "://" not in url:
        Path(url).parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{url}"
    engine = sa.create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM meta WHERE key = 'schema_version'"))
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def ingest(engine: sa.Engine, article: Article, found: list[Event]) -> IngestResult:
    """Store an article and its events in one transaction; the same text twice is stored once."""
    digest = content_hash(article.text)
    with engine.begin() as conn:
        if conn.execute(sa.select(articles.c.id).where(articles.c.sha256 == digest)).first():
            return IngestResult(article.file, False, 0, "already stored (same text)")
        article_id = conn.execute(articles.insert().values(
            sha256=digest, file=article.file, outlet=article.outlet, url=article.url,
            published=article.published, published_source=article.published_source,
            language=article.language, text=article.text,
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )).inserted_primary_key[0]
        for event in found:
            event_id = _merge_target(conn, event) or _insert_event(conn, event)
            conn.execute(sources.insert().values(
                event_id=event_id, article_id=article_id, claimant=event.claimant, side=event.side,
                quote=event.quote, date=event.date, date_source=event.date_source,
                span_start=event.start, span_end=event.end, confidence=event.confidence,
                cues=json.dumps(event.cues, ensure_ascii=False)))
    return IngestResult(article.file, True, len(found), f"stored, {len(found)} events")


def _merge_target(conn, event: Event) -> int | None:
    """The event this one tells again: same place and status, dates overlapping give or take a day
    (reports straddle midnight and time zones); the narrowest such event."""
    first, last = interval(event.date)
    start, end = first.isoformat(), last.isoformat()
    rows = conn.execute(sa.select(events.c.id, events.c.date_start, events.c.date_end, events.c.date).where(
        events.c.place_id == event.place.id, events.c.status == event.status,
        events.c.date_start <= (last + MERGE_SLACK).isoformat(),
        events.c.date_end >= (first - MERGE_SLACK).isoformat())).all()
    if not rows:
        return None
    best = min(rows, key=lambda r: _days(r.date_start, r.date_end))
    if _days(start, end) < _days(best.date_start, best.date_end):
        conn.execute(events.update().where(events.c.id == best.id).values(
            date=event.date, date_start=start, date_end=end))
    return best.id


def _days(start: str, end: str) -> int:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).days


def _insert_event(conn, event: Event) -> int:
    start, end = (d.isoformat() for d in interval(event.date))
    place = event.place
    return conn.execute(events.insert().values(
        place_id=place.id, place=place.name, kind=place.kind, region=place.region,
        other_names="|".join(place.other_names), lat=place.lat, lon=place.lon, status=event.status,
        date=event.date, date_start=start, date_end=end)).inserted_primary_key[0]


def counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (articles, events, sources)}


def merged_events(engine: sa.Engine, start: str | None = None, end: str | None = None) -> list[dict]:
    """Every event with its sources (outlet, date, link, quote), optionally only those whose
    dates overlap start..end (ISO dates). Plain dicts, ready for maps and exports."""
    query = sa.select(events).order_by(events.c.date_start, events.c.id)
    if start:
        query = query.where(events.c.date_end >= start)
    if end:
        query = query.where(events.c.date_start <= end)
    src_query = (sa.select(sources, articles.c.file, articles.c.outlet, articles.c.url, articles.c.published)
                 .join(articles, sources.c.article_id == articles.c.id)
                 .order_by(articles.c.published, sources.c.id))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        by_event: dict[int, list[dict]] = {}
        for r in conn.execute(src_query):
            by_event.setdefault(r.event_id, []).append(_source(r))
    out = []
    for row in rows:
        srcs = by_event.get(row["id"], [])
        if srcs:
            out.append(_event(row, srcs))
    return out


def _source(r) -> dict:
    return {"article": r.file, "outlet": r.outlet, "url": r.url, "published": r.published,
            "quote": r.quote, "claimant": r.claimant, "side": r.side, "date": r.date,
            "date_source": r.date_source, "confidence": r.confidence,
            "span": [r.span_start, r.span_end], "article_id": r.article_id,
            "surface": json.loads(r.cues).get("surface", "")}


def _event(row: dict, srcs: list[dict]) -> dict:
    lead = max(srcs, key=lambda s: s["confidence"])
    outlets = sorted({s["outlet"] for s in srcs if s["outlet"]})
    return {
        "id": row["id"], "place": row["place"], "place_id": row["place_id"], "kind": row["kind"],
        "region": row["region"], "other_names": [n for n in row["other_names"].split("|") if n],
        "lat": row["lat"], "lon": row["lon"], "status": row["status"], "date": row["date"],
        "date_start": row["date_start"], "date_end": row["date_end"],
        "claimant": lead["claimant"], "side": lead["side"], "quote": lead["quote"],
        "article": lead["article"], "outlet": lead["outlet"], "url": lead["url"], "published": lead["published"],
        "confidence": lead["confidence"], "sources": srcs, "source_count": len(srcs), "outlets": outlets,
        "first_reported": min(s["published"] for s in srcs), "last_reported": max(s["published"] for s in srcs),
    }


def revision(engine: sa.Engine) -> tuple[int, ...]:
    """Changes whenever articles or events change; views cache on it."""
    with engine.connect() as conn:
        return tuple(int(v) for t in (articles, events, sources)
                     for v in conn.execute(sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(t.c.id), 0))
                                           .select_from(t)).one())
