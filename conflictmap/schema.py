"""The store's tables, and their versions: Alembic migrations (conflictmap/migrations) bring an older store
up to date when it is opened for writing. The same tables on SQLite and PostgreSQL; PostgreSQL's events also
carry a PostGIS point (migration 0003), which these tables leave out: the database computes it.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .config import StoreError

LOCK_RETRIES = 40  # a locked store is tried again this many times, 0.05 s longer each time (41 s in all)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LEGACY = {"1": "0001", "2": "0002"}  # meta.schema_version of the stores written before Alembic
EXTENSION_TABLES = {"spatial_ref_sys"}  # PostGIS's, in a database made ready for a store
WRITE_LOCK = 0x636D6170  # PostgreSQL advisory lock: one writer at a time, readers never wait
metadata = sa.MetaData()

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
    sa.Column("minhash", sa.LargeBinary, nullable=True),  # 0002: near-duplicate signature
    sa.Column("group_id", sa.Integer, nullable=True),  # 0002: first article of its wire-copy group
    sa.Index("ix_articles_published", "published"),
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
    sa.Index("ix_events_place_end", "place_id", "date_end"),  # 0004
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

event_months = sa.Table(  # 0005: each event under every month its dates touch, where the merge looks it up
    "event_months", metadata,
    sa.Column("place_id", sa.String(64), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sqlite_with_rowid=False,
)

story_keys = sa.Table(  # 0005: an article's near-duplicate keys (neardup.keys) by week, to find its wire copies
    "story_keys", metadata,
    sa.Column("week", sa.Integer, primary_key=True),  # its publication day's ordinal // 7
    sa.Column("hash", sa.BigInteger, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("published", sa.String(10), nullable=False),  # the article's
    sqlite_with_rowid=False,
)

event_links = sa.Table(  # 0002: a claim and its denial
    "event_links", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("other_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False, default="conflict"),
)

corrections = sa.Table(  # 0002: what people changed, applied on read, never lost to re-extraction
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


def name(engine: sa.Engine) -> str:
    """The store as a person would name it: its file, or its URL without the password."""
    if engine.dialect.name == "sqlite":
        return unquote((engine.url.database or "").removeprefix("file:"))
    return engine.url.set(drivername=engine.dialect.name).render_as_string(hide_password=True)


def read_only(engine: sa.Engine) -> bool:
    """Was the store opened read-only (asked for, or its file or folder cannot be written)?"""
    return engine.url.query.get("mode") == "ro" or bool(engine.get_execution_options().get("store_read_only"))


@contextmanager
def writing(engine: sa.Engine):
    """A write transaction, one writer at a time (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock, so
    readers never wait); a store opened read-only says so instead."""
    if read_only(engine):
        why = "its file or folder cannot be written, or " if engine.dialect.name == "sqlite" else ""
        raise StoreError(f"{name(engine)}: the store is read-only ({why}it was opened for reading)")
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
        yield conn


def when_unlocked(action):
    """`action()`, tried again while SQLite says another process holds the store locked for longer than
    its busy timeout, or at once where it may not wait (a read meeting a writer that creates the store),
    up to LOCK_RETRIES times with a growing pause."""
    for attempt in range(1, LOCK_RETRIES + 1):
        try:
            return action()
        except sa.exc.OperationalError as exc:
            if "locked" not in str(exc) or attempt == LOCK_RETRIES:
                raise
            time.sleep(0.05 * attempt)


def prepare(engine: sa.Engine, name: str, readonly: bool) -> sa.Engine:
    """The engine once the store is at the latest revision: created or upgraded if it may be written.
    A store already at the latest revision is only read."""
    head = ScriptDirectory.from_config(_config()).get_current_head()

    def read() -> tuple[str | None, list[str]]:
        with engine.connect() as conn:
            return revision(conn), [t for t in sa.inspect(conn).get_table_names() if t not in EXTENSION_TABLES]
    try:
        current, tables = when_unlocked(read)  # another ingest may be creating or writing the store
    except sa.exc.DatabaseError as exc:
        raise StoreError(f"{name}: not a store that can be read ({_first_line(exc.orig)})") from None
    if current == head:
        return engine
    if current and not _known(current):
        raise StoreError(f"{name}: written by a newer version of conflictmap (schema {current}; this one reads "
                         f"{head})")
    if current is None and tables:
        raise StoreError(f"{name}: not a conflictmap store (it has tables of its own: {', '.join(tables[:5])})")
    if readonly:
        why = (f"written by an older version of conflictmap (schema {current}); open it once for writing to "
               f"upgrade it" if current else "an empty database, not yet a store")
        raise StoreError(f"{name}: {why}; it is read-only here")

    def upgrade() -> None:
        with writing(engine) as conn:
            current = revision(conn)  # again, under the write lock: another process may have upgraded it
            config = _config(conn)
            if current and current != head:
                command.stamp(config, current)  # a store from before Alembic says its version in meta
            if current != head:
                command.upgrade(config, "head")
    when_unlocked(upgrade)
    return engine


def revision(conn) -> str | None:
    """The store's Alembic revision; that of its meta table for a store from before Alembic; None for none."""
    found = MigrationContext.configure(conn).get_current_revision()
    if found or not sa.inspect(conn).has_table("meta"):
        return found
    value = conn.execute(sa.text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
    return LEGACY.get(value, value)


def _known(rev: str) -> bool:
    try:
        return ScriptDirectory.from_config(_config()).get_revision(rev) is not None
    except Exception:  # alembic says an unknown revision in several ways
        return False


def _config(conn=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _first_line(error) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
