"""What a map of the store shows, kept once per process: the store's engine, all its events, their span and
outlets, a view's events packed for the browser, and the basemap file. The Streamlit pages (app_state.py) and
the embed page (embed.py) run in the same server process and share these, so the map page's run as the server
starts (server.py) also prepares the embed page's default view.

Each is cached on the store's revision (store.revision), which changes with every write: read-only, never
copied (a copy of 10,000 events costs 0.25 s)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import assets, basemap, filters, mapview, store
from .config import ROOT

STATIC = ROOT / "static"  # served by Streamlit at /app/static/ (server.enableStaticServing)


@lru_cache(maxsize=4)
def engine(db: Path | str):
    """The store, created when missing, read-only when its file or folder cannot be written."""
    return store.connect(db, create=True)


def revision(db: Path | str) -> tuple:
    return store.revision(engine(db))


@lru_cache(maxsize=4)
def _events(db: Path | str, revision: tuple) -> list[dict]:
    return store.merged_events(engine(db))


def all_events(db: Path | str) -> list[dict]:
    """Every merged event of the store as it is now (shared: read-only)."""
    return _events(db, revision(db))


@lru_cache(maxsize=4)
def _span_and_outlets(db: Path | str, revision: tuple) -> tuple:
    events = _events(db, revision)
    return filters.date_range(events), filters.outlets_of(events)


def span_and_outlets(db: Path | str) -> tuple:
    """The first and last day of all the events (None for an empty store), and their outlets: counted once
    per change of the store, not on every run."""
    return _span_and_outlets(db, revision(db))


@lru_cache(maxsize=8)
def _packed_events(db: Path | str, revision: tuple, view: filters.View, geodata: Path) -> tuple[str, str]:
    regions = mapview.region_shapes(mapview.load_basemap(geodata))
    events = _events(db, revision)
    shown = filters.apply(events, view)
    return mapview.pack(mapview.events_data(shown, regions, context=events)), filters.summary(shown)


def packed_events(db: Path | str, view: filters.View, geodata: Path) -> tuple[str, str]:
    """The events of a view, packed for the map, and counted ("42 events, 17 places, 9 sources"): filtered
    from all the events, which the process holds anyway (reading the view's window from the store again took
    1.3-1.7 s of a filter change at 10,000 events, filtering 0.01 s)."""
    return _packed_events(db, revision(db), view, geodata)


def held_front(db: Path | str, view: filters.View, last_day: date) -> list[dict]:
    """The places of the held-by layer: the front line on the view's last day (its "as of" day, else the end
    of its period, else the store's `last_day`)."""
    return filters.apply(all_events(db), replace(view, as_of=view.as_of or view.end or last_day))


@lru_cache(maxsize=4)
def basemap_path(geodata: Path, tiles: str | None) -> str:
    """The basemap and the towns to label, written once a process into the static folder; its path there."""
    return assets.publish_text(STATIC, f"basemap-{tiles or 'offline'}", basemap.basemap_json(geodata, tiles))


@lru_cache(maxsize=1)
def publish_assets() -> Path:
    """Leaflet and its plugins copied into the static folder, once a process."""
    return assets.publish(STATIC)
