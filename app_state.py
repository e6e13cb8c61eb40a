"""Streamlit-side resources shared by the pages: settings, store, gazetteer, events (cached)."""
from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from conflictmap import access, assets, basemap, escape, filters, mapview, pipeline, store
from conflictmap.config import ROOT, Settings, StoreError, settings
from conflictmap.gazetteer import Gazetteer, GazetteerError

STATIC = "/app/static/"
STATIC_URL = STATIC + "vendor/"


@st.cache_resource
def _publish_assets() -> Path:
    return assets.publish(ROOT / "static")


@st.cache_resource(show_spinner=False)
def _basemap_path(geodata: Path, tiles: str | None) -> str:
    return assets.publish_text(ROOT / "static", f"basemap-{tiles or 'offline'}", basemap.basemap_json(geodata, tiles))


def basemap_url(geodata: Path, tiles: str | None) -> str:
    """Where the browser fetches the basemap and the towns to label (written once a process)."""
    return STATIC + _basemap_path(geodata, tiles)


def app_settings() -> Settings:
    """Settings read afresh (the store may be chosen per run); Leaflet published once."""
    _publish_assets()
    return _or_stop(settings)


@st.cache_resource
def _engine(db: Path):
    return store.connect(db, create=True)


def engine(db: Path):
    """The store, created when missing, read-only when its file or folder cannot be written."""
    return _or_stop(_engine, db)


def _or_stop(make, *args):
    """make(*args); a store that cannot be opened is said on the page, which stops there."""
    try:
        return make(*args)
    except StoreError as exc:
        st.error(f"The store cannot be opened: {exc}")
        st.stop()


@st.cache_resource
def _gazetteer(path: Path, mtime: float, db: Path) -> tuple[Gazetteer, str]:
    return pipeline.load_gazetteer_safely(app_settings())


def current_gazetteer() -> Gazetteer | None:
    """The gazetteer (reloaded when gazetteer.yaml changes); a broken file is reported, not fatal."""
    conf = app_settings()
    try:
        gaz, warning = _gazetteer(conf.gazetteer, conf.gazetteer.stat().st_mtime, conf.db)
    except (GazetteerError, OSError) as exc:
        st.error(escape.markdown(f"The gazetteer could not be loaded: {exc}"))  # its text is the file's
        return None
    if warning:
        st.warning(escape.markdown(f"gazetteer.yaml has an error: {warning}"))
    return gaz


@st.cache_resource(show_spinner=False, max_entries=4)
def _events(db: Path, revision: tuple) -> list[dict]:
    """Shared by every run and session, never copied (a copy of 10,000 events per run costs 0.25 s):
    read-only."""
    return store.merged_events(engine(db))


def all_events() -> list[dict]:
    conf = app_settings()
    return _events(conf.db, store.revision(engine(conf.db)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _span_and_outlets(db: Path, revision: tuple) -> tuple:
    events = _events(db, revision)
    return filters.date_range(events), filters.outlets_of(events)


def span_and_outlets() -> tuple:
    """The first and last day of all the events (None for an empty store), and their outlets: counted once
    per change of the store, not on every run."""
    conf = app_settings()
    return _span_and_outlets(conf.db, store.revision(engine(conf.db)))


@st.cache_data(show_spinner=False, max_entries=8)
def _packed_events(db: Path, revision: tuple, view: filters.View, geodata: Path) -> tuple[str, str]:
    regions = mapview.region_shapes(mapview.load_basemap(geodata))
    events = _events(db, revision)
    shown = filters.apply(events, view)
    return mapview.pack(mapview.events_data(shown, regions, context=events)), filters.summary(shown)


def packed_events(view: filters.View) -> tuple[str, str]:
    """The events of a view, packed for the map, and counted ("42 events, 17 places, 9 sources"): filtered
    from all the events, which the page holds anyway (reading the view's window from the store again took
    1.3-1.7 s of a filter change at 10,000 events, filtering 0.01 s). The reruns that only move the map
    reuse them."""
    conf = app_settings()
    return _packed_events(conf.db, store.revision(engine(conf.db)), view, conf.geodata)


def writer() -> str | None:
    """Who writes in this session: the machine's own user on a laptop, a signed-in editor whose session has not
    expired on a shared server, else nobody (None): a read-only server or a reader."""
    conf = app_settings()
    if conf.read_only:
        return None
    if conf.editors is None:
        return "local"
    signed = st.session_state.get("editor")
    if signed and time.time() < signed[1]:
        return signed[0]
    st.session_state.pop("editor", None)
    return None


def why_no_writes() -> str:
    conf = app_settings()
    if conf.read_only:
        return "This server is read-only: nothing can be added or changed here."
    return "Editors sign in (in the sidebar) to add articles, correct events or edit the gazetteer."


def stop_unless_writable(engine, what: str, say=st.warning) -> None:
    """End the page here, saying why, when this session cannot write `what` ("articles cannot be added")."""
    if store.read_only(engine):
        say(f"The store is read-only (its file or folder cannot be written): {what}.")
        st.stop()
    if writer() is None:
        say(why_no_writes())
        st.stop()


def record(action: str, **detail) -> None:
    """A write, in the change log with who made it."""
    access.record(app_settings().change_log, writer() or "?", action, **detail)


def sign_in_box() -> None:
    """The sidebar's sign-in (or sign-out) for editors, when the server has editor accounts."""
    conf = app_settings()
    if conf.editors is None or conf.read_only:
        return
    who = writer()
    if who:
        st.sidebar.caption(f"Signed in as {who}")
        if st.sidebar.button("Sign out", key="sign_out"):
            st.session_state.pop("editor", None)
            st.rerun()
        return
    with st.sidebar.form("sign_in", clear_on_submit=True):
        name = st.text_input("Editor", key="editor_name")
        password = st.text_input("Password", type="password", key="editor_password")
        if st.form_submit_button("Sign in"):
            editors = access.load_editors(conf.editors)
            if access.verify(editors, name, password):
                st.session_state.editor = (name, time.time() + 60 * editors.session_minutes)
                access.record(conf.change_log, name, "sign in")
                st.rerun()
            st.error("Wrong name or password.")
