"""Look-ups by key, so that writing an article costs the same however large the store: each article's
near-duplicate keys (the smallest hashes of its MinHash sketch) by the week it was published, and each event
under every month its dates touch. A new article then reads the few articles that share a key and the events of
its places' months, not every article of its days nor every later event of its places. The keys of what is
stored are written here.

Revision ID: 0005
Revises: 0004
"""
from datetime import date

import sqlalchemy as sa
from alembic import op

from conflictmap.neardup import keys
from conflictmap.store_batch import months

revision = "0005"
down_revision = "0004"
CHUNK = 5000  # rows read at a time


def upgrade() -> None:
    story_keys = op.create_table(
        "story_keys",
        sa.Column("week", sa.Integer, primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("published", sa.String(10), nullable=False),
        sqlite_with_rowid=False,
    )
    event_months = op.create_table(
        "event_months",
        sa.Column("place_id", sa.String(64), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sqlite_with_rowid=False,
    )
    articles = sa.table("articles", sa.column("id"), sa.column("published"), sa.column("minhash"))
    for rows in _chunks(sa.select(articles).where(articles.c.minhash.is_not(None)), articles.c.id):
        op.get_bind().execute(story_keys.insert(), [
            {"week": date.fromisoformat(r.published).toordinal() // 7, "hash": key, "article_id": r.id,
             "published": r.published} for r in rows for key in set(keys(r.minhash))])
    events = sa.table("events", sa.column("id"), sa.column("place_id"), sa.column("date_start"),
                      sa.column("date_end"))
    for rows in _chunks(sa.select(events), events.c.id):
        op.get_bind().execute(event_months.insert(), [
            {"place_id": r.place_id, "month": month, "event_id": r.id} for r in rows
            for month in months(r.date_start, r.date_end)])


def _chunks(query, key):
    """The query's rows, CHUNK at a time in the order of `key` (a store of any size fits in memory)."""
    last = None
    while True:
        rows = op.get_bind().execute((query if last is None else query.where(key > last)).order_by(key)
                                     .limit(CHUNK)).all()
        if not rows:
            return
        last = rows[-1].id
        yield rows
