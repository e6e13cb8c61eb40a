"""Wire-copy groups (a MinHash signature per article), claim/denial links, people's corrections
(schema version 2 before Alembic).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.add_column("articles", sa.Column("minhash", sa.LargeBinary, nullable=True))
    op.add_column("articles", sa.Column("group_id", sa.Integer, nullable=True))
    op.create_table(
        "event_links",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("other_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("place_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date_start", sa.String(10), nullable=False),
        sa.Column("date_end", sa.String(10), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("old", sa.Text, nullable=False),
        sa.Column("new", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("undone_at", sa.String(32), nullable=True))
