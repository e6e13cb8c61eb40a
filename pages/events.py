"""Events as a table: search, sort, read the sources of one event, and correct it."""
import streamlit as st

import app_state
from conflictmap import corrections, escape, export, filters, store

conf = app_state.app_settings()
engine = app_state.engine(conf.db)
events = app_state.all_events()
st.title("Events")
query = st.text_input("Search places, quotes, outlets", key="search")
shown = filters.apply(events, filters.View(min_confidence=0.0, search=query))
st.caption(filters.summary(shown) + " · click a column header to sort")
st.dataframe(filters.table_rows(shown), width="stretch", hide_index=True,
             column_config={"quote": st.column_config.TextColumn(width="large")})
st.download_button("Download these events (CSV)", lambda: export.events_csv(shown), file_name="conflictmap-events.csv",
                   mime="text/csv", disabled=not shown)  # made on click; formulas neutralised
if not shown:
    st.stop()

labels = {e["id"]: f'{e["date"]} · {e["place"]} · {e["status"]} ({e["source_count"]} sources)' for e in shown}
chosen = st.selectbox("Open an event", list(labels), format_func=labels.get, key="event")
event = next(e for e in shown if e["id"] == chosen)
for source in event["sources"]:
    st.html(f'<blockquote>{escape.highlight(source["quote"], source.get("surface") or event["place"])}'
            f'</blockquote>— {escape.link(source["url"], source["outlet"] or source["article"])}, '
            f'{escape.text(source["published"])}')  # st.html: no Markdown reads the article's text
    with st.expander(f"Whole article: {escape.markdown(source['article'])}"):
        article = store.article_with_events(engine, source["article_id"])
        spans = [(source["span"][0], source["span"][1], "cm-this")]
        st.html(f'<div class="cm-article">{escape.highlight_spans(article["text"], spans)}</div>')

st.subheader("Correct this event")
if store.read_only(engine):
    st.caption("The store is read-only (its file or folder cannot be written): corrections cannot be saved.")
    st.stop()
if app_state.writer() is None:
    st.caption(app_state.why_no_writes())
    st.stop()
with st.form("correct", clear_on_submit=True):
    field = st.selectbox("What is wrong", corrections.FIELDS, key="field",
                         format_func={"status": "Status", "date": "Date", "place": "Place",
                                      "not_event": "It is not an event"}.get)
    new = st.text_input("Right value (status: claimed, contested or struck; date: 2025-02-07, 2025-02, 2024 "
                        "or 2024-06/2025-02; place: a name)", key="new_value")
    reason = st.text_input("Why (kept with the correction)", key="reason")
    if st.form_submit_button("Save correction"):
        try:
            if field == "place":
                gaz = app_state.current_gazetteer()
                match = gaz.lookup(new) if gaz else []
                if not match:
                    raise corrections.CorrectionError(f"no place called {new!r} in the gazetteer")
                new = corrections.place_value(match[0])
            elif field == "status" and new not in ("claimed", "contested", "struck"):
                raise corrections.CorrectionError("status must be claimed, contested or struck")
            corrections.add(engine, event, field, "true" if field == "not_event" else new, reason)
            app_state.record("correction", place=event["place"], field=field, new=new, reason=reason)
            st.success("Correction saved; it survives re-extraction and can be undone below.")
        except corrections.CorrectionError as exc:
            st.error(escape.markdown(exc))

for c in event.get("corrections", []):
    left, right = st.columns([5, 1])
    left.text(f'{c["created_at"]}: {c["field"]} → {c["new"][:80]} — {c["reason"]}')
    if right.button("Undo", key=f"undo{c['id']}"):
        corrections.undo(engine, c["id"])
        app_state.record("undo correction", correction=c["id"])
        st.rerun()
