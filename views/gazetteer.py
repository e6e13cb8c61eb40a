"""Gazetteer: search places by any of their names; add an alias or a missing place (validated first)."""
import streamlit as st

import app_state
from conflictmap import escape, gazetteer_edit, lookup
from conflictmap.gazetteer import GazetteerError

conf = app_state.app_settings()
engine = app_state.engine(conf.db)
gaz = app_state.current_gazetteer()
st.title("Gazetteer")
if gaz is None:
    st.stop()
st.caption(f"{len(gaz)} places. Places: GeoNames (CC BY 4.0) and the curated layer in gazetteer.yaml.")
query = st.text_input("Find a place by any spelling", key="gaz_query")
found = gaz.lookup(query) if query.strip() else []
if query.strip():
    st.dataframe([{"name": p.name, "kind": p.kind, "oblast": p.region, "lat": p.lat, "lon": p.lon,
                   "precision": p.precision, "other names": ", ".join(p.other_names), "id": p.id} for p in found],
                 width="stretch", hide_index=True)
    if not found:
        st.info(escape.markdown(f"No place is called {query!r}. Add it below if it is missing."))
        if st.checkbox("Also ask OpenStreetMap's Nominatim (online; off by default)", key="ask_online"):
            for i, hit in enumerate(lookup.online(query)):
                st.text(f"{hit['address']} — {hit['lat']}, {hit['lon']}")
                if st.button("Use this in the form below", key=f"use{i}"):
                    st.session_state.update(new_place=hit["name"], new_lat=hit["lat"], new_lon=hit["lon"],
                                            new_source=f"{hit['source']}: {hit['address']}")
                    st.rerun()

if app_state.writer() is None:
    st.caption(app_state.why_no_writes())
    st.stop()
base = conf.geodata / "gazetteer_base.tsv"
left, right = st.columns(2)
with left.form("alias"):
    st.subheader("Add another name")
    choices = {p.id: f"{p.name}, {p.region or p.country}" for p in found if p.kind == "settlement"}
    place_id = st.selectbox("Place (search above first)", list(choices), format_func=choices.get)
    alias = st.text_input("Other name or spelling", key="alias_name")
    preview, add = st.form_submit_button("Check what it changes"), st.form_submit_button("Add name")
    if preview or add:
        try:
            changed = gazetteer_edit.add_alias(conf.gazetteer, base, conf.geodata, gaz, place_id, alias, write=add)
            done = gazetteer_edit.impact(gaz, changed, gazetteer_edit.stored_articles(engine))
            if add:
                app_state.record("gazetteer: add name", place=choices.get(place_id), name=alias)
            (st.success if add else st.info)(escape.markdown(
                f"{alias!r} {'now finds' if add else 'would find'} {choices.get(place_id)}. {done}"))
        except GazetteerError as exc:
            st.error(escape.markdown(exc))
with right.form("place"):
    st.subheader("Add a missing place")
    name = st.text_input("Name", key="new_place")
    regions = sorted(p.name for p in gaz.places.values() if p.kind == "region")
    region = st.selectbox("Oblast", regions, key="new_region")
    lat = st.number_input("Latitude", 43.0, 57.0, 48.0, format="%.5f", key="new_lat")
    lon = st.number_input("Longitude", 20.0, 45.0, 37.0, format="%.5f", key="new_lon")
    names = st.text_input("Other names, comma-separated", key="new_names")
    source = st.text_input("Where the coordinates come from", key="new_source")
    preview, add = st.form_submit_button("Check what it changes"), st.form_submit_button("Add place")
    if preview or add:
        try:
            changed = gazetteer_edit.add_place(conf.gazetteer, base, conf.geodata, gaz, name, region, lat, lon,
                                               names.split(","), source, write=add)
            done = gazetteer_edit.impact(gaz, changed, gazetteer_edit.stored_articles(engine))
            if add:
                app_state.record("gazetteer: add place", name=name, region=region, lat=lat, lon=lon, source=source)
            (st.success if add else st.info)(escape.markdown(
                f"{name} {'added to gazetteer.yaml' if add else 'can be added; nothing written yet'}. {done}"))
        except GazetteerError as exc:
            st.error(escape.markdown(exc))
