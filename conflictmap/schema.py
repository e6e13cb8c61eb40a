"""The store's tables, and the migrations that bring an older store up to date when it is opened for writing.

SQLAlchemy Core keeps the SQL portable: SQLite (WAL) by default, PostgreSQL by URL.
"""
from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from urllib.parse import quote, unquote

import sqlalchemy as sa

from .config import StoreError

SCHEMA_VERSION = 2
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
    sa.Column("minhash", sa.LargeBinary, nullable=True),  # v2: near-duplicate signature
    sa.Column("group_id", sa.Integer, nullable=True),  # v2: first article of its wire-copy group
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

event_links = sa.Table(  # v2: a claim and its denial
    "event_links", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("other_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False, default="conflict"),
)

corrections = sa.Table(  # v2: what people changed, applied on read, never lost to re-extraction
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("place_id", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date_start", sa.String(10), nullable=False),
    sa.Column("date_end", sa.String(10), nullable=False),
    sa.Column("field", sa.String(16), nullable=False),
    sa.Column("old", sa.Text, nullable=False, default=""),
    sa.Column("new", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("undone_at", sa.String(32), nullable=True),
)


def _v1_to_v2(conn) -> None:
    conn.execute(sa.text("ALTER TABLE articles ADD COLUMN minhash BLOB"))
    conn.execute(sa.text("ALTER TABLE articles ADD COLUMN group_id INTEGER"))


MIGRATIONS = {1: _v1_to_v2}  # from version N to N + 1


def connect(url_or_path: str | Path, *, create: bool = False, readonly: bool = False) -> sa.Engine:
    """Open a store. A plain path is a SQLite file: it must exist unless `create`. It is opened read-only
    (SQLite's mode=ro) when `readonly` or when the file or its folder cannot be written. Opening writes
    nothing to a current store; an older one is upgraded only when it may be written, a new one created
    only with `create`."""
    url = str(url_or_path)
    if "://" in url:
        engine = sa.create_engine(url)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        return _prepare(engine, url, readonly)
    path = Path(url)
    if not path.exists():
        if readonly or not create:
            raise StoreError(f"{path}: no such store (check the path, or ingest articles into it first)")
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        readonly = True
    query = {"mode": "ro", "uri": "true"} if readonly else {}
    if readonly and not os.access(path.parent, os.W_OK) and not _has_log(path):
        query["immutable"] = "1"  # SQLite cannot make its shared-memory file there; nothing can write the file
    database = f"file:{quote(str(path.resolve()))}" if readonly else str(path)
    engine = sa.create_engine(sa.engine.URL.create("sqlite", database=database, query=query),
                              connect_args={"timeout": 30})
    sa.event.listen(engine, "connect", partial(_sqlite_pragmas, wal=not readonly))
    return _prepare(engine, str(path), readonly)


def read_only(engine: sa.Engine) -> bool:
    """Was the store opened read-only (asked for, or its file or folder cannot be written)?"""
    return engine.url.query.get("mode") == "ro"


def writing(engine: sa.Engine):
    """A write transaction (engine.begin()); a store opened read-only says so instead."""
    if read_only(engine):
        raise StoreError(f"{unquote(engine.url.database.removeprefix('file:'))}: the store is read-only "
                         f"(its file or folder cannot be written, or it was opened for reading)")
    return engine.begin()


def _prepare(engine: sa.Engine, name: str, readonly: bool) -> sa.Engine:
    """The engine once the store is at this schema version: created or upgraded if it may be written."""
    try:
        with engine.connect() as conn:
            version, tables = _version(conn), sa.inspect(conn).get_table_names()
    except sa.exc.DatabaseError as exc:
        raise StoreError(f"{name}: not a store that can be read ({exc.orig})") from None
    if version == SCHEMA_VERSION:
        return engine
    if version > SCHEMA_VERSION:
        raise StoreError(f"{name}: written by a newer version of conflictmap (schema {version}; this one reads "
                         f"{SCHEMA_VERSION})")
    if version == 0 and tables:
        raise StoreError(f"{name}: not a conflictmap store (it has tables of its own: {', '.join(tables[:5])})")
    if readonly:
        why = (f"written by an older version of conflictmap (schema {version}); open it once for writing to "
               f"upgrade it" if version else "an empty file, not yet a store")
        raise StoreError(f"{name}: {why}; it is read-only here")
    with engine.begin() as conn:
        version = _version(conn)  # again, inside the transaction: another process may have upgraded it
        while version and version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        metadata.create_all(conn)
        conn.execute(meta.delete().where(meta.c.key == "schema_version"))
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return engine


def _has_log(path: Path) -> bool:
    """Does the store have a write-ahead log with content (that an immutable open would not see)?"""
    log = path.with_name(path.name + "-wal")
    return log.exists() and log.stat().st_size > 0


def _version(conn) -> int:
    """The schema version of an existing store, 0 for a new one."""
    if not sa.inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value else 0


def _sqlite_pragmas(dbapi_conn, _record, wal: bool = True) -> None:
    cur = dbapi_conn.cursor()
    if wal:  # a read-only connection cannot change the journal mode
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
