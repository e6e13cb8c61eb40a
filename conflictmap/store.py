"""The archive: articles kept whole, events merged across outlets, every source kept.

SQLAlchemy Core over SQLite (WAL) by default; the SQL is portable so a PostgreSQL URL works too.
Each article is stored in one transaction: a crash leaves the store as it was before that article.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import sqlalchemy as sa

from . import corrections as corrections_mod
from .dates import interval
from .models import Article, Event
from .neardup import same_story, signature
from .schema import articles, connect, event_links, events, read_only, sources, writing  # noqa: F401 (the door)
from .schema import corrections as corrections_table

MERGE_SLACK = timedelta(days=1)
LOCK_RETRIES = 40
NEAR_DUPLICATE_WINDOW = timedelta(days=3)
OPPOSITE = {"claimed": "contested", "contested": "claimed"}


@dataclass(frozen=True)
class IngestResult:
    file: str
    stored: bool
    events: int
    message: str


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def ingest(engine: sa.Engine, article: Article, found: list[Event]) -> IngestResult:
    """Store an article and its events in one transaction; the same text twice is stored once.
    Another ingest writing to the same store at the same time makes this one wait and retry."""
    attempt = 0
    while True:
        try:
            return _ingest_once(engine, article, found)
        except sa.exc.IntegrityError:
            return IngestResult(article.file, False, 0, "already stored (same text)")
        except sa.exc.OperationalError as exc:
            attempt += 1
            if "locked" not in str(exc) or attempt == LOCK_RETRIES:
                raise
            time.sleep(0.05 * attempt)


def _ingest_once(engine: sa.Engine, article: Article, found: list[Event]) -> IngestResult:
    digest = content_hash(article.text)
    with writing(engine) as conn:
        if conn.execute(sa.select(articles.c.id).where(articles.c.sha256 == digest)).first():
            return IngestResult(article.file, False, 0, "already stored (same text)")
        sig = signature(article.text)
        group = _story_group(conn, sig, article.published)
        article_id = conn.execute(articles.insert().values(
            sha256=digest, file=article.file, outlet=article.outlet, url=article.url,
            published=article.published, published_source=article.published_source,
            language=article.language, text=article.text, minhash=sig, group_id=group,
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )).inserted_primary_key[0]
        add_events(conn, article_id, found)
    note = f"stored, {len(found)} events" + (f"; the same story as article {group}" if group else "")
    return IngestResult(article.file, True, len(found), note)


def add_events(conn, article_id: int, found: list[Event]) -> None:
    """Merge an article's events into the store, each kept as a source; link claims to denials."""
    for event in found:
        event_id = _merge_target(conn, event) or _insert_event(conn, event)
        conn.execute(sources.insert().values(
            event_id=event_id, article_id=article_id, claimant=event.claimant, side=event.side,
            quote=event.quote, date=event.date, date_source=event.date_source,
            span_start=event.start, span_end=event.end, confidence=event.confidence,
            cues=json.dumps(event.cues, ensure_ascii=False)))
        _link_conflicts(conn, event_id, event)


def _story_group(conn, sig: bytes, published: str) -> int | None:
    """The wire-copy group of an article: the first near-duplicate published within a few days."""
    day = date.fromisoformat(published)
    rows = conn.execute(sa.select(articles.c.id, articles.c.group_id, articles.c.minhash).where(
        articles.c.published.between((day - NEAR_DUPLICATE_WINDOW).isoformat(),
                                     (day + NEAR_DUPLICATE_WINDOW).isoformat()))).all()
    match = same_story(sig, [(r.id, r.minhash) for r in rows])
    if match is None:
        return None
    return next(r.group_id or r.id for r in rows if r.id == match)


def _link_conflicts(conn, event_id: int, event: Event) -> None:
    """A claim and a denial of the same place at overlapping dates stay two events, linked."""
    if event.status not in OPPOSITE:
        return
    first, last = interval(event.date)
    others = conn.execute(sa.select(events.c.id).where(
        events.c.place_id == event.place.id, events.c.status == OPPOSITE[event.status],
        events.c.date_start <= (last + MERGE_SLACK).isoformat(),
        events.c.date_end >= (first - MERGE_SLACK).isoformat())).scalars().all()
    linked = set(conn.execute(sa.select(event_links.c.other_id).where(event_links.c.event_id == event_id)).scalars())
    for other in others:
        if other not in linked:
            conn.execute(event_links.insert().values(event_id=event_id, other_id=other, kind="conflict"))
            conn.execute(event_links.insert().values(event_id=other, other_id=event_id, kind="conflict"))


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


def reextract(engine: sa.Engine, extract_all) -> int:
    """Rebuild every event from the stored articles (after the gazetteer or the extractor changed).
    `extract_all` takes the list of articles and gives each one's events, in order (the whole store
    is one batch: pipeline.extract_many). Corrections are kept: they are matched to events by place,
    status and date, not by id."""
    with writing(engine) as conn:
        stored = conn.execute(sa.select(articles).order_by(articles.c.id)).all()
        conn.execute(event_links.delete())
        conn.execute(sources.delete())
        conn.execute(events.delete())
        total = 0
        texts = [Article(file=row.file, text=row.text, published=row.published, outlet=row.outlet, url=row.url,
                         language=row.language, published_source=row.published_source) for row in stored]
        for row, found in zip(stored, extract_all(texts)):
            add_events(conn, row.id, found)
            total += len(found)
    return total


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
    return corrections_mod.apply(out, overlay)


def _source(r) -> dict:
    return {"article": r.file, "outlet": r.outlet, "url": r.url, "published": r.published,
            "quote": r.quote, "claimant": r.claimant, "side": r.side, "date": r.date,
            "date_source": r.date_source, "confidence": r.confidence,
            "span": [r.span_start, r.span_end], "article_id": r.article_id,
            **{k: cues.get(k, default) for cues in [json.loads(r.cues)]
               for k, default in (("surface", ""), ("located", "point"))}}


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
