"""Writing to the store a batch at a time: the articles of a batch, their events, sources and links in one
transaction of a few set-based statements, whatever the batch's size.

The merge runs in memory over the events the batch can touch (same places, overlapping dates), read in one
query by place and month (event_months); wire copies are looked up by their near-duplicate keys (story_keys).
So a batch reads what it can touch, not what the store has grown to hold. New rows go in as multi-row inserts.
Keys are idempotent (ON CONFLICT DO NOTHING on the article's text hash, a source's event/article/span, a link's
pair), and one writer holds the store at a time (schema.writing), so a re-run, a retried task or two ingests at
once never duplicate an article and never lose a source.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from .models import Article
from .neardup import keys, same_story
from .schema import articles, event_links, event_months, events, sources, story_keys
from .store_rows import PLACE_COLUMNS, SOURCE_COLUMNS, Ready

NEAR_DUPLICATE_WINDOW = timedelta(days=3)
OPPOSITE = {"claimed": "contested", "contested": "claimed"}
SAME_TEXT = "already stored (same text)"
WINDOWS_PER_QUERY = 3000  # rows of values in one look-up: under both databases' bound-parameter limits


@dataclass(frozen=True)
class IngestResult:
    file: str
    stored: bool
    events: int
    message: str


@dataclass
class _Event:
    """An event as the batch sees it: read from the store (id set) or new (id None until inserted)."""
    place_id: str
    status: str
    date: str
    start: str
    end: str
    id: int | None = None
    place: tuple = ()  # the PLACE_COLUMNS of a new event
    narrowed: bool = False


def insert(conn, table: sa.Table):
    """INSERT ... ON CONFLICT DO NOTHING, in the dialect of the connection (SQLite or PostgreSQL)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def write_articles(conn, batch: list[tuple[Article, Ready]]) -> list[IngestResult]:
    """Store the batch's articles that are not stored yet (by their text), with their events."""
    digests = {ready.digest for _, ready in batch}
    stored = set(conn.execute(sa.select(articles.c.sha256).where(articles.c.sha256.in_(digests))).scalars())
    new, seen = [], set()
    for article, ready in batch:
        if ready.digest not in stored and ready.digest not in seen:
            seen.add(ready.digest)
            new.append((article, ready))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    ids = {}
    if new:
        rows = [dict(sha256=r.digest, file=a.file, outlet=a.outlet, url=a.url, published=a.published,
                     published_source=a.published_source, language=a.language, text=a.text, minhash=r.minhash,
                     group_id=None, ingested_at=now) for a, r in new]
        returned = conn.execute(insert(conn, articles).returning(articles.c.id, articles.c.sha256), rows)
        ids = {r.sha256: r.id for r in returned}
    groups = _story_groups(conn, [(ids[r.digest], a.published, r.minhash) for a, r in new if r.digest in ids])
    if groups:
        conn.execute(articles.update().where(articles.c.id == sa.bindparam("aid")).values(group_id=sa.bindparam("gid")),
                     [{"aid": aid, "gid": gid} for aid, gid in groups.items()])
    add_events(conn, [(ids[r.digest], r.events) for _, r in new if r.digest in ids])
    results = []
    for article, ready in batch:
        aid = ids.pop(ready.digest, None)
        if aid is None:
            results.append(IngestResult(article.file, False, 0, SAME_TEXT))
            continue
        group = groups.get(aid)
        note = f"stored, {len(ready.events)} events" + (f"; the same story as article {group}" if group else "")
        results.append(IngestResult(article.file, True, len(ready.events), note))
    return results


def _story_groups(conn, new: list[tuple[int, str, bytes]]) -> dict[int, int]:
    """The wire-copy group of each new article that has one: the most similar near-duplicate published within
    a few days, among the stored articles and the batch's earlier ones. Only the articles that share one of its
    keys can be one (neardup.keys); the stored ones are found through story_keys, to which the new ones' keys
    are then added."""
    slack = NEAR_DUPLICATE_WINDOW
    days = [date.fromisoformat(published) for _, published, _ in new]
    own = [set(keys(sig)) for _, _, sig in new]
    windows = [((day - slack).isoformat(), (day + slack).isoformat()) for day in days]
    asked = sorted({(i, week, key, *windows[i]) for i, day in enumerate(days)
                    for week in {(day - slack).toordinal() // 7, (day + slack).toordinal() // 7} for key in own[i]})
    found: list[list[int]] = [[] for _ in new]  # for each new article, the stored ones that share a key in its days
    for i, article_id in _joined(conn, "k (i, week, hash, low, high)", "SELECT DISTINCT k.i, s.article_id FROM k "
                                 "JOIN story_keys s ON s.week = k.week AND s.hash = k.hash "
                                 "AND s.published BETWEEN k.low AND k.high", asked):
        found[i].append(article_id)
    wanted = sorted({aid for stored_ids in found for aid in stored_ids})
    stored = {}
    for part in (wanted[i:i + WINDOWS_PER_QUERY] for i in range(0, len(wanted), WINDOWS_PER_QUERY)):
        stored.update((r.id, r) for r in conn.execute(
            sa.select(articles.c.id, articles.c.group_id, articles.c.minhash).where(articles.c.id.in_(part))))
    group_of = {aid: r.group_id for aid, r in stored.items()}
    earlier: dict[int, set[int]] = {}  # key -> the batch's articles before this one that have it
    groups = {}
    for i, (aid, _, sig) in enumerate(new):
        low, high = windows[i]
        candidates = [(cid, stored[cid].minhash) for cid in found[i]]
        candidates += [(new[j][0], new[j][2]) for j in sorted(set().union(*(earlier.get(key, ()) for key in own[i])))
                       if low <= new[j][1] <= high]
        match = same_story(sig, candidates)
        group_of[aid] = None if match is None else (group_of[match] or match)
        if group_of[aid]:
            groups[aid] = group_of[aid]
        for key in own[i]:
            earlier.setdefault(key, set()).add(i)
    rows = sorted((day.toordinal() // 7, key, aid, published)  # in the key's order: B-tree pages filled in turn
                  for (aid, published, _), day, mine in zip(new, days, own) for key in mine)
    _insert_rows(conn, story_keys, ("week", "hash", "article_id", "published"), rows, ignore=False)
    return groups


def _joined(conn, values: str, query: str, rows: list[tuple]):
    """The rows of `query` over a table of values (`values` names it and its columns: "w (a, b)"), a few
    thousand rows a statement, in the driver's own parameters: through SQLAlchemy, thousands of parameters
    would cost more than the query."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    for part in (rows[i:i + WINDOWS_PER_QUERY] for i in range(0, len(rows), WINDOWS_PER_QUERY)):
        tuples = ", ".join(["(" + ", ".join([mark] * len(part[0])) + ")"] * len(part))
        yield from conn.exec_driver_sql(f"WITH {values} AS (VALUES {tuples}) {query}",
                                        tuple(v for row in part for v in row))


def add_events(conn, found_by_article: list[tuple[int, list[tuple]]]) -> None:
    """Merge the articles' events into the store, each kept as a source; link claims to denials. In order:
    an event tells again the narrowest stored event of the same place and status whose dates overlap its own
    give or take a day (reports straddle midnight and time zones), and narrows its dates; else it is new.
    Each event is a row of store_rows.Ready.events."""
    pool = _load(conn, [e for _, found in found_by_article for e in found])
    source_rows, links = [], []
    for article_id, found in found_by_article:
        for place_id, status, edtf, start, end, low, high, place, source in found:
            same = pool.setdefault((place_id, status), [])
            near = [e for e in same if e.start <= high and e.end >= low]
            target = min(near, key=lambda e: _days(e.start, e.end)) if near else None
            if target is None:
                target = _Event(place_id, status, edtf, start, end, place=place)
                same.append(target)
            elif _days(start, end) < _days(target.start, target.end):
                target.date, target.start, target.end, target.narrowed = edtf, start, end, True
            source_rows.append((target, article_id, source))
            if status in OPPOSITE:
                links += [(target, other) for other in pool.get((place_id, OPPOSITE[status]), [])
                          if other.start <= high and other.end >= low]
    _flush(conn, pool, source_rows, links)


def _load(conn, found: list[tuple]) -> dict[tuple[str, str], list[_Event]]:
    """The stored events that the batch's events may merge with or contradict, by place and status: each
    event's own place and days (give or take a day), looked up by place and month (event_months) in one query,
    however many events the store holds at that place before or after."""
    windows = sorted({(place_id, month, low, high) for place_id, _, _, _, _, low, high, _, _ in found
                      for month in months(low, high)})
    rows = {r.id: r for r in _joined(
        conn, "w (place_id, month, low, high)",
        "SELECT e.id, e.place_id, e.status, e.date, e.date_start, e.date_end FROM w "
        "JOIN event_months m ON m.place_id = w.place_id AND m.month = w.month "
        "JOIN events e ON e.id = m.event_id AND e.date_end >= w.low AND e.date_start <= w.high", windows)}
    pool: dict[tuple[str, str], list[_Event]] = {}
    for _, r in sorted(rows.items()):
        pool.setdefault((r.place_id, r.status), []).append(
            _Event(r.place_id, r.status, r.date, r.date_start, r.date_end, id=r.id))
    return pool


@lru_cache(maxsize=65536)
def months(first: str, last: str) -> tuple[str, ...]:
    """Every month from that of the first day to that of the last ('2025-01', '2025-02', ...)."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while (year, month) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def _flush(conn, pool, source_rows, links) -> None:
    """Write what the merge decided: new events (and their months), narrowed dates, sources, links; a few
    statements in all."""
    everything = [e for same in pool.values() for e in same]
    new = [e for e in everything if e.id is None]
    if new:  # ids given here, under the write lock: one multi-row insert (RETURNING in order goes row by row)
        last = conn.execute(sa.select(sa.func.coalesce(sa.func.max(events.c.id), 0))).scalar_one()
        for number, e in enumerate(new, start=last + 1):
            e.id = number
        _insert_rows(conn, events, ("id", "place_id", "status", "date", "date_start", "date_end", *PLACE_COLUMNS),
                [(e.id, e.place_id, e.status, e.date, e.start, e.end, *e.place) for e in new], ignore=False)
    narrowed = [{"eid": e.id, "d": e.date, "s": e.start, "t": e.end} for e in everything if e.narrowed and not e.place]
    if narrowed:
        conn.execute(events.update().where(events.c.id == sa.bindparam("eid")).values(
            date=sa.bindparam("d"), date_start=sa.bindparam("s"), date_end=sa.bindparam("t")), narrowed)
    filed = sorted((e.place_id, month, e.id) for e in everything if e.place or e.narrowed  # in the key's order
                   for month in months(e.start, e.end))  # a narrowed event keeps its months and may gain one
    _insert_rows(conn, event_months, ("place_id", "month", "event_id"), filed)
    _insert_rows(conn, sources, ("event_id", "article_id", *SOURCE_COLUMNS),
            [(target.id, article_id, *source) for target, article_id, source in source_rows])
    pairs = {(a.id, b.id) for a, b in links} | {(b.id, a.id) for a, b in links}
    _insert_rows(conn, event_links, ("event_id", "other_id", "kind"), [(a, b, "conflict") for a, b in sorted(pairs)])


def _insert_rows(conn, table: sa.Table, columns: tuple[str, ...], rows: list[tuple], ignore: bool = True) -> None:
    """INSERT (ON CONFLICT DO NOTHING when `ignore`) of plain tuples in the driver's own executemany: through
    SQLAlchemy, processing each row's parameters cost more than inserting it (hundreds of thousands a run)."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
                         + (" ON CONFLICT DO NOTHING" if ignore else ""), rows)


@lru_cache(maxsize=65536)
def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days
