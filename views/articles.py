"""Articles: each stored article with its places highlighted by status, and what was extracted."""
import streamlit as st

import app_state
from conflictmap import escape, store

STATUS_CSS = """<style>mark.claimed { background: #f6c9a8; } mark.contested { background: #b3d4ee; }
mark.struck { background: #efc7de; } .cm-article { white-space: pre-wrap; line-height: 1.5; }</style>"""

conf = app_state.app_settings()
engine = app_state.engine(conf.db)
st.title("Articles")
stored = store.article_list(engine)
st.caption(f"{len(stored)} articles in the store")
if not stored:
    st.stop()
labels = {a["id"]: f'{a["published"]} · {a["outlet"] or "?"} · {a["file"]} ({a["events"]} events)' for a in stored}
chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="article")
article = store.article_with_events(engine, chosen)
if article["url"]:
    st.html(f"Source: {escape.link(article['url'], article['url'])}")
if article["group_id"]:
    st.caption(f"The same wire story as article {article['group_id']}.")
st.markdown(STATUS_CSS + '<mark class="claimed">claimed</mark> <mark class="contested">contested</mark> '
            '<mark class="struck">struck</mark>', unsafe_allow_html=True)
spans = [(e["span_start"], e["span_end"], e["status"]) for e in article["events"]]
st.html(f'<div class="cm-article">{escape.highlight_spans(article["text"], spans)}</div>')  # no Markdown
st.subheader("Extracted")
st.dataframe([{k: e[k] for k in ("place", "status", "date", "claimant", "confidence", "quote")}
              for e in article["events"]], width="stretch", hide_index=True)
