"""Events as a table: search (any spelling of a place), sort, open an event by its row, read its sources,
correct it, and undo any correction."""
import streamlit as st

import app_state
from conflictmap import corrections, escape, export, filters, search, store
from conflictmap.models import STATUSES

conf = app_state.app_settings()
engine = app_state.engine(conf.db)
events = app_state.all_events()
st.title("Events")
query = st.text_input("Search places (any spelling), quotes, outlets", key="search")
gaz = app_state.current_gazetteer() if query.strip() else None
shown = search.find(filters.apply(events, filters.View(min_confidence=0.0)), query, gaz and gaz.lookup)
st.caption(filters.summary(shown) + " · click a row to open its event, a column header to sort")


def open_row(ids=tuple(e["id"] for e in shown)) -> None:
    """A click on a cell or a row's box opens that row's event (the row's position, whatever the sort)."""
    chosen = st.session_state.table.selection
    rows = chosen.rows or [cell[0] for cell in chosen.cells]
    if rows:
        st.session_state.event = ids[rows[0]]


st.dataframe(filters.table_rows(shown), width="stretch", hide_index=True, key="table", on_select=open_row,
             selection_mode=["single-row", "single-cell"],
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
app_state.stop_unless_writable(engine, "corrections cannot be saved", st.caption)
def save(event=event) -> None:
    field, reason = st.session_state.field, st.session_state.reason
    new = {"status": st.session_state.get("new_status"), "date": st.session_state.get("new_date", ""),
           "place": st.session_state.get("new_place", ""), "not_event": "true"}[field]
    try:
        if field == "place":
            gazetteer = app_state.current_gazetteer()
            match = gazetteer.lookup(new) if gazetteer else []
            if not match:
                raise corrections.CorrectionError(f"no place called {new!r} in the gazetteer")
            new = corrections.place_value(match[0])
        corrections.add(engine, event, field, new, reason)
        app_state.record("correction", place=event["place"], field=field, new=new, reason=reason)
        st.session_state.update(reason="", correction_said="Correction saved; it survives re-extraction and can be "
                                                            "undone below.")
    except corrections.CorrectionError as exc:
        st.session_state.correction_said = f"error: {exc}"


def undo(correction_id: int) -> None:
    corrections.undo(engine, correction_id)
    app_state.record("undo correction", correction=correction_id)


field = st.selectbox("What is wrong", corrections.FIELDS, key="field", format_func=corrections.FIELD_LABELS.get)
if field == "status":
    st.selectbox("Right status", [s for s in STATUSES if s != event["status"]], key="new_status")
elif field == "date":
    st.text_input("Right date: 2025-02-07, 2025-02, 2024 or 2024-06/2025-02", key="new_date")
elif field == "place":
    st.text_input("Right place: a name the gazetteer knows", key="new_place")
st.text_input("Why (kept with the correction)", key="reason")
st.button("Save correction", on_click=save)
said = st.session_state.pop("correction_said", "")
if said.startswith("error: "):
    st.error(escape.markdown(said.removeprefix("error: ")))
elif said:
    st.success(said)

st.subheader("Corrections in force")
names = {e["place_id"]: e["place"] for e in events}
for c in corrections.recent(engine):
    left, right = st.columns([6, 1])
    left.text(corrections.describe(c, names))
    right.button("Undo", key=f"undo{c['id']}", on_click=undo, args=(c["id"],))
