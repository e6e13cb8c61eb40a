"""Streamlit-side resources shared by the pages: settings, store, gazetteer, events (cached)."""
from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from conflictmap import access, escape, filters, mapdata, pipeline, store
from conflictmap.config import Settings, StoreError, settings
from conflictmap.gazetteer import Gazetteer, GazetteerError

STATIC = "/app/static/"
STATIC_URL = STATIC + "vendor/"


def basemap_url(geodata: Path, tiles: str | None) -> str:
    """Where the browser fetches the basemap and the towns to label (written once a process)."""
    return STATIC + mapdata.basemap_path(geodata, tiles)


def app_settings() -> Settings:
    """Settings read afresh (the store may be chosen per run); Leaflet published once."""
    mapdata.publish_assets()
    return _or_stop(settings)


def engine(db: Path):
    """The store, created when missing, read-only when its file or folder cannot be written."""
    return _or_stop(mapdata.engine, db)


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


def all_events() -> list[dict]:
    """Every event of the store, shared with every run and session (mapdata): read-only."""
    conf = app_settings()
    return _or_stop(mapdata.all_events, conf.db)


def span_and_outlets() -> tuple:
    """The first and last day of all the events (None for an empty store), and their outlets."""
    return _or_stop(mapdata.span_and_outlets, app_settings().db)


def packed_events(view: filters.View) -> tuple[str, str]:
    """The events of a view packed for the map, and counted (mapdata.packed_events); the reruns that only
    move the map reuse them."""
    conf = app_settings()
    return _or_stop(mapdata.packed_events, conf.db, view, conf.geodata)


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
