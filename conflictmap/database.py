"""Opening a store: a SQLite file (the embedded default) or a PostgreSQL database by URL.

Whatever cannot be opened as asked is refused with a StoreError that says why, before anything is written:
a URL of an unknown kind, a server that cannot be reached, a driver that is not installed. A URL is never
taken for a file path.
"""
from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

from .config import StoreError, is_url
from .schema import prepare

POSTGRES_TIMEOUT = 10  # seconds to reach the server before saying it cannot be reached


def connect(url_or_path: str | Path, *, create: bool = False, readonly: bool = False) -> sa.Engine:
    """Open a store. A plain path is a SQLite file: it must exist unless `create`. It is opened read-only
    (SQLite's mode=ro) when `readonly` or when the file or its folder cannot be written. Opening writes
    nothing to a current store; an older one is upgraded only when it may be written, a new one created
    only with `create` (or in an empty PostgreSQL database)."""
    if is_url(url_or_path) or "://" in str(url_or_path):
        return _connect_url(str(url_or_path), readonly)
    path = Path(url_or_path)
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
    return prepare(engine, str(path), readonly)


def _connect_url(given: str, readonly: bool) -> sa.Engine:
    """postgresql://user:password@host:port/database (through psycopg 3), or sqlite:///path."""
    try:
        url = sa.engine.make_url(given)
    except sa.exc.ArgumentError:
        raise StoreError(f"{given}: not a database URL; give a file path (SQLite) or "
                         f"postgresql://user:password@host:port/database") from None
    shown = url.render_as_string(hide_password=True)
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return prepare(engine, shown, readonly)
    if backend not in ("postgresql", "postgres"):
        raise StoreError(f"{shown}: a kind of database conflictmap cannot use ({backend!r}); give a file path "
                         f"(SQLite) or a postgresql:// URL")
    if url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise StoreError(f"{shown}: conflictmap talks to PostgreSQL through psycopg 3; write the URL as "
                         f"postgresql://user:password@host:port/database")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError(f"{shown}: PostgreSQL needs the psycopg driver, which is not installed "
                         f"(pip install 'psycopg[binary]')") from None
    options = "-c default_transaction_read_only=on" if readonly else ""
    engine = sa.create_engine(url.set(drivername="postgresql+psycopg"), pool_pre_ping=True,
                              connect_args={"connect_timeout": POSTGRES_TIMEOUT, "options": options})
    if readonly:
        engine = engine.execution_options(store_read_only=True)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "no answer"
        raise StoreError(f"{shown}: the database cannot be reached ({reason})") from None
    return prepare(engine, shown, readonly)


def _has_log(path: Path) -> bool:
    """Does the store have a write-ahead log with content (that an immutable open would not see)?"""
    log = path.with_name(path.name + "-wal")
    return log.exists() and log.stat().st_size > 0


def _sqlite_pragmas(dbapi_conn, _record, wal: bool = True) -> None:
    cur = dbapi_conn.cursor()
    if wal:  # a read-only connection cannot change the journal mode
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL's own: a crashed process loses no committed batch
        cur.execute("PRAGMA wal_autocheckpoint=10000")  # 40 MB of log, not 4: an index page that the next
        # batches write again is copied into the store once (an ingest's commits took a fifth of its writer)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: a large store's indexes stay in memory
    cur.execute("PRAGMA mmap_size=1073741824")  # pages beyond the cache read from memory, not by a system call each
    cur.close()
