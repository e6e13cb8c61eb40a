"""conflictmap: the app. Pages live in pages/; logic lives in the conflictmap package."""
import streamlit as st

st.set_page_config(page_title="conflictmap", page_icon="🗺️", layout="wide")

navigation = st.navigation([
    st.Page("pages/map.py", title="Map", icon="🗺️", default=True),
    st.Page("pages/events.py", title="Events", icon="📋"),
    st.Page("pages/articles.py", title="Articles", icon="📰"),
    st.Page("pages/add_articles.py", title="Add articles", icon="➕"),
    st.Page("pages/gazetteer.py", title="Gazetteer", icon="📍"),
    st.Page("pages/present.py", title="Present", icon="🎞️"),
])
navigation.run()
