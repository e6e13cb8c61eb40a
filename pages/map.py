"""The map: events over time, with their sources."""
import streamlit as st
from streamlit_folium import st_folium

import app_state
from conflictmap import assets, filters, mapview
from conflictmap.models import STATUSES

conf = app_state.app_settings()
events = app_state.all_events()
st.title("conflictmap")

span = filters.date_range(events)
if span is None:
    st.info("The store is empty. Add articles on the **Add articles** page, or run "
            "`python -m conflictmap ingest samples` to load the demo corpus.")
with st.sidebar:
    st.header("Filters")
    start, end = (span if span else (None, None))
    if span and span[0] < span[1]:
        start, end = st.slider("Dates", min_value=span[0], max_value=span[1], value=span, format="YYYY-MM-DD",
                               key="dates")
    statuses = st.multiselect("Status", STATUSES, default=list(STATUSES), key="statuses")
    min_conf = st.slider("Minimum confidence", 0.0, 1.0, conf.min_confidence, 0.05, key="min_conf")

view = filters.View(start=start, end=end, statuses=tuple(statuses), min_confidence=min_conf)
shown = filters.apply(events, view)
st.caption(filters.summary(shown) + (f" · {start:%d %b %Y} – {end:%d %b %Y}" if start else ""))

# A fresh folium Map each run (st_folium adds the layer to it); the same basemap each time, so the
# component keeps its view and only the events layer changes.
basemap = mapview.load_basemap(conf.geodata)
layer = mapview.events_layer(shown, mapview.region_shapes(basemap))
st_folium(assets.use_urls(mapview.base_map(basemap), app_state.STATIC_URL), feature_group_to_add=layer,
          returned_objects=[], key="map", height=640, use_container_width=True)
st.caption(mapview.ATTRIBUTION)
