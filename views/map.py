"""The map: events over time with their sources; the view lives in the URL so a link reopens it."""
import time
from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

import app_state
import map_controls
from conflictmap import assets, embed, export, filters, freshness, mapdata, mapview, timeline, urlstate

DATA = {"csv": "text/csv", "geojson": "application/geo+json", "kml": "application/vnd.google-earth.kml+xml"}
conf = app_state.app_settings()
st.title("conflictmap")
span, outlets = app_state.span_and_outlets()
if span is None:
    st.info("The store is empty. Add articles on the **Add articles** page, or run "
            "`python -m conflictmap ingest samples` to load the demo corpus.")
if "as_of_next" in st.session_state:  # Play's next step, given to the slider before it is drawn
    st.session_state.as_of = st.session_state.pop("as_of_next")
view, state = map_controls.sidebar(outlets, span, conf.min_confidence)
held = map_controls.held_toggle()
state = replace(state, held=held)
packed, counted = app_state.packed_events(view)
st.caption(" · ".join(x for x in (counted, filters.when(view)) if x))
st.caption(freshness.sentence(freshness.last_updated(app_state.engine(conf.db))))

params = urlstate.to_params(view, state)
st.query_params.from_dict(params)  # before the map, whose reply may cut this run short
found = map_controls.place_search(app_state.current_gazetteer)
if "initial_map" not in st.session_state:  # the map is built around the URL's position once per session
    st.session_state.initial_map = (state.lat, state.lon, state.zoom)
lat, lon, zoom = st.session_state.initial_map
tiles = mapview.TILES.get(state.tiles)
located = lat is not None and lon is not None
base = mapview.base_map(conf.geodata, tiles=tiles, location=[lat, lon] if located else None,
                        zoom=zoom, fetch_from=app_state.basemap_url(conf.geodata, tiles))
layers = [mapview.events_layer(packed, cluster=state.cluster)]
if held and span:  # who holds what on the view's last day, inferred from the reports (redraws the map)
    mapview.held_layer(mapdata.held_front(conf.db, view, span[1])).add_to(base)
mapview.quiet_when_unmoved(base, fitted=not located)  # a first visit runs this page once, not three times
position = st_folium(assets.use_urls(base, app_state.STATIC_URL, *layers), feature_group_to_add=layers,
                     returned_objects=["center", "zoom"], key="map", height=640, use_container_width=True,
                     center=found and [found.lat, found.lon], zoom=found and 11)
if position and position.get("center"):
    state = replace(state, lat=position["center"]["lat"], lon=position["center"]["lng"], zoom=position.get("zoom"))
if urlstate.to_params(view, state) != params:
    st.query_params.from_dict(urlstate.to_params(view, state))
st.caption(mapview.ATTRIBUTION)
with st.expander("Embed or share this view"):
    embed_url = embed.link(st.context.url, urlstate.to_params(view, state))
    st.caption("This view as a page of its own: read-only, quick to open, and offline (nothing is fetched from "
               "another site). Share the link, or paste the frame into an article's HTML.")
    st.code(embed_url, language=None)
    st.code(embed.snippet(embed_url), language="html")

if st.session_state.get("playing") and view.as_of and span:
    time.sleep(0.8)
    following = timeline.step(view.as_of, st.session_state.get("play_step", "week"))
    st.session_state.as_of_next = min(following, span[1])
    st.session_state.playing = following <= span[1]
    st.rerun()

with st.expander("Export this view: image, animation or data"):
    size = st.selectbox("Size", ["slides", "social", "print"], key="snap_size",
                        format_func={"slides": "Slides 1920×1080", "social": "Social 1200×675",
                                     "print": "Print, A4 landscape 300 dpi"}.get)
    fmt = st.radio("Format", ["png", "pdf"], horizontal=True, key="snap_format")
    title = st.text_input("Title", "conflictmap", key="snap_title")
    if st.button("Make snapshot"):
        data = export.to_bytes(fmt, filters.apply(app_state.all_events(), view), conf.geodata, size=size, title=title, as_of=view.as_of,
                               period=(view.start, view.end) if view.start else None)
        st.download_button(f"Download {fmt.upper()}", data, file_name=f"conflictmap.{fmt}",
                           mime="application/pdf" if fmt == "pdf" else "image/png")
    step = st.radio("Animation step", ["week", "month"], horizontal=True, key="gif_step")
    if st.button("Make animation (GIF)") and (shown := filters.apply(app_state.all_events(), view)):
        st.download_button("Download GIF", export.to_bytes("gif", shown, conf.geodata, step=step, title=title),
                           file_name="conflictmap.gif", mime="image/gif")
    if st.button("Prepare data downloads (CSV, GeoJSON, KML)"):  # kept while the view stays the same
        shown = filters.apply(app_state.all_events(), view)
        st.session_state.data_exports = (repr(view), {f: export.to_bytes(f, shown, conf.geodata) for f in DATA})
    prepared = st.session_state.get("data_exports")
    if prepared and prepared[0] == repr(view):
        for fmt_name, mime in DATA.items():
            rows = "one row per source" if fmt_name == "csv" else "every source"
            st.download_button(f"Events as {fmt_name.upper()} ({rows})", prepared[1][fmt_name],
                               file_name=f"conflictmap-events.{fmt_name}", mime=mime, key=f"data_{fmt_name}")
