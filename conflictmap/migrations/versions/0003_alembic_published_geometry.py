"""Alembic keeps the version (the old meta table goes); articles are found by date through an index;
on PostgreSQL each event carries a PostGIS point, computed from lat/lon, with a GiST index.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("meta"):
        op.drop_table("meta")
    op.create_index("ix_articles_published", "articles", ["published"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        op.execute("ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) "
                   "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED")
        op.execute("CREATE INDEX ix_events_geom ON events USING gist (geom)")
        op.create_index("ix_events_dates", "events", ["date_start", "date_end"])
