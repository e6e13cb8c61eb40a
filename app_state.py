"""Streamlit-side resources shared by the pages: settings, store, gazetteer, events (cached)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from conflictmap import assets, pipeline, store
from conflictmap.config import ROOT, Settings, settings
from conflictmap.gazetteer import Gazetteer, GazetteerError

STATIC_URL = "/app/static/vendor/"


@st.cache_resource
def _publish_assets() -> Path:
    return assets.publish(ROOT / "static")


def app_settings() -> Settings:
    """Settings read afresh (the store may be chosen per run); Leaflet published once."""
    _publish_assets()
    return settings()


@st.cache_resource
def engine(db: Path):
    return store.connect(db)


@st.cache_resource
def _gazetteer(path: Path, mtime: float, db: Path) -> tuple[Gazetteer, str]:
    return pipeline.load_gazetteer_safely(app_settings())


def current_gazetteer() -> Gazetteer | None:
    """The gazetteer (reloaded when gazetteer.yaml changes); a broken file is reported, not fatal."""
    conf = app_settings()
    try:
        gaz, warning = _gazetteer(conf.gazetteer, conf.gazetteer.stat().st_mtime, conf.db)
    except (GazetteerError, OSError) as exc:
        st.error(f"The gazetteer could not be loaded: {exc}")
        return None
    if warning:
        st.warning(f"gazetteer.yaml has an error: {warning}")
    return gaz


@st.cache_data(show_spinner=False)
def _events(db: Path, revision: tuple) -> list[dict]:
    return store.merged_events(engine(db))


def all_events() -> list[dict]:
    conf = app_settings()
    return _events(conf.db, store.revision(engine(conf.db)))
