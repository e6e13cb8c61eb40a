"""The store's tables, and the migrations that bring an older store up to date when it is opened.

SQLAlchemy Core keeps the SQL portable: SQLite (WAL) by default, PostgreSQL by URL.
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

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


def connect(url_or_path: str | Path) -> sa.Engine:
    """Open a store, creating it, or upgrading an older one, as needed. A plain path is a SQLite file."""
    url = str(url_or_path)
    if "://" not in url:
        Path(url).parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{url}"
    engine = sa.create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    with engine.begin() as conn:
        version = _version(conn)
        while version and version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        metadata.create_all(conn)
        conn.execute(meta.delete().where(meta.c.key == "schema_version"))
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return engine


def _version(conn) -> int:
    """The schema version of an existing store, 0 for a new one."""
    if not sa.inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value else 0


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
