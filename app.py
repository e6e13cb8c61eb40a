"""conflictmap: the app. Pages live in views/ (a folder named pages/ Streamlit would serve on its own, without
this page list and its sign-in, to a first visit at a page's address); logic lives in the conflictmap package."""
import streamlit as st

import app_state

st.set_page_config(page_title="conflictmap", page_icon="🗺️", layout="wide")

app_state.sign_in_box()
writes = app_state.writer() is not None  # a page that only writes is absent for readers, even by its URL
navigation = st.navigation([
    st.Page("views/map.py", title="Map", icon="🗺️", default=True),
    st.Page("views/events.py", title="Events", icon="📋"),
    st.Page("views/articles.py", title="Articles", icon="📰"),
    *([st.Page("views/add_articles.py", title="Add articles", icon="➕")] if writes else []),
    st.Page("views/gazetteer.py", title="Gazetteer", icon="📍"),
    st.Page("views/present.py", title="Present", icon="🎞️"),
])
navigation.run()
