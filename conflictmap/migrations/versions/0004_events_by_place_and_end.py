"""Events found by place and last day: the merge looks up a batch's places from its first day on, and an
archive grows forward in time, so the look-up stays short however long the archive's past.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_index("ix_events_place_end", "events", ["place_id", "date_end"])
