"""The first store: articles, events, sources (schema version 1 before Alembic).

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("published_source", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False))
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("place_id", sa.String(64), nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("region", sa.Text, nullable=False),
        sa.Column("other_names", sa.Text, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("date_start", sa.String(10), nullable=False),
        sa.Column("date_end", sa.String(10), nullable=False))
    op.create_index("ix_events_place_status", "events", ["place_id", "status"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("claimant", sa.Text, nullable=False),
        sa.Column("side", sa.String(16), nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("date_source", sa.String(16), nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cues", sa.Text, nullable=False),
        sa.UniqueConstraint("event_id", "article_id", "span_start"))
    op.create_index("ix_sources_event_id", "sources", ["event_id"])
    op.create_index("ix_sources_article_id", "sources", ["article_id"])
