"""When the store last changed: its newest article and its last ingest, said on the map page."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from .schema import articles


def last_updated(engine: sa.Engine) -> tuple[str, str] | None:
    """(newest article's publication date, last ingest time) or None for an empty store."""
    with engine.connect() as conn:
        newest, ingested = conn.execute(sa.select(sa.func.max(articles.c.published),
                                                  sa.func.max(articles.c.ingested_at))).one()
    return (newest, ingested) if newest else None


def sentence(updated: tuple[str, str] | None) -> str:
    """"Newest article 28 Oct 2025 · last ingest 29 Nov 2026 10:43 UTC"."""
    if not updated:
        return "The store holds no articles yet."
    newest, ingested = updated
    when = ingested
    try:
        when = datetime.fromisoformat(ingested).strftime("%d %b %Y %H:%M UTC")
    except ValueError:
        pass
    return f"Newest article {datetime.fromisoformat(newest):%d %b %Y} · last ingest {when}"
