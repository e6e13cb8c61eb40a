"""conflictmap: the app. Pages live in pages/; logic lives in the conflictmap package."""
import streamlit as st

import app_state

st.set_page_config(page_title="conflictmap", page_icon="🗺️", layout="wide")

app_state.sign_in_box()
writes = app_state.writer() is not None  # a page that only writes is absent for readers, even by its URL
navigation = st.navigation([
    st.Page("pages/map.py", title="Map", icon="🗺️", default=True),
    st.Page("pages/events.py", title="Events", icon="📋"),
    st.Page("pages/articles.py", title="Articles", icon="📰"),
    *([st.Page("pages/add_articles.py", title="Add articles", icon="➕")] if writes else []),
    st.Page("pages/gazetteer.py", title="Gazetteer", icon="📍"),
    st.Page("pages/present.py", title="Present", icon="🎞️"),
])
navigation.run()
