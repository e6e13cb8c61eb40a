"""Add articles: upload files (or a zip) with their outlet, date and link."""
import streamlit as st

import app_state
from conflictmap import pipeline

conf = app_state.app_settings()
engine = app_state.engine(conf.db)
st.title("Add articles")
app_state.stop_unless_writable(engine, "articles cannot be added to it")
st.write("Plain text, Markdown or HTML files, several at once or in a zip. "
         "A bad file is refused with its reason; nothing already stored is touched.")
with st.form("upload", clear_on_submit=True):
    files = st.file_uploader("Articles", type=["txt", "md", "html", "htm", "zip"], accept_multiple_files=True)
    outlet = st.text_input("Outlet")
    published = st.date_input("Published", value=None, format="YYYY-MM-DD")
    url = st.text_input("Link (http or https)")
    submitted = st.form_submit_button("Add to the map")

if submitted:
    gaz = app_state.current_gazetteer()
    if not files:
        st.warning("Choose at least one file.")
    elif gaz is not None:
        meta = {"outlet": outlet.strip(), "url": url.strip(), "published": published.isoformat() if published else ""}
        with st.spinner("Reading and extracting..."):
            report = pipeline.ingest_uploads([(f.name, f.getvalue()) for f in files], meta, conf, gaz, engine)
        app_state.record("add articles", files=[f.name for f in files], stored=report.stored, refused=report.refused)
        (st.success if report.stored else st.warning)(f"{report.stored} stored, {report.refused} refused")
        st.text("\n".join(report.lines))
