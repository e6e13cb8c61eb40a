"""Events as a table: search, sort, and read the sources of one event."""
import streamlit as st

import app_state
from conflictmap import escape, filters

events = app_state.all_events()
st.title("Events")
query = st.text_input("Search places, quotes, outlets", key="search")
shown = filters.apply(events, filters.View(min_confidence=0.0, search=query))
st.caption(filters.summary(shown))
st.dataframe(filters.table_rows(shown), width="stretch", hide_index=True,
             column_config={"quote": st.column_config.TextColumn(width="large")})

if shown:
    labels = {e["id"]: f'{e["date"]} · {e["place"]} · {e["status"]} ({e["source_count"]} sources)' for e in shown}
    chosen = st.selectbox("Open an event", list(labels), format_func=labels.get, key="event")
    event = next(e for e in shown if e["id"] == chosen)
    for source in event["sources"]:
        st.markdown(f'<blockquote>{escape.highlight(source["quote"], source.get("surface") or event["place"])}'
                    f'</blockquote>— {escape.link(source["url"], source["outlet"] or source["article"])}, '
                    f'{escape.text(source["published"])}', unsafe_allow_html=True)
