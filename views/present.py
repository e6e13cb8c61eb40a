"""Presentation mode for a classroom: the front line step by step, the date said once, what changed
listed large and ringed on the map; keys step through time; the step and view live in the URL."""
import time
from datetime import date

import streamlit as st

import app_state
from conflictmap import filters, presenting, snapshot, timeline
from conflictmap.escape import text

LIST_MAX = 8
st.set_page_config(layout="wide")  # also when a link opens this page directly
conf = app_state.app_settings()
events = filters.apply(app_state.all_events(), filters.View(min_confidence=conf.min_confidence))
span = filters.date_range(events)
if span is None:
    st.info("Nothing to present yet: add articles first.")
    st.stop()
if "present_day" not in st.session_state:  # a reload or a shared link resumes where it was
    slide = presenting.from_params(st.query_params.to_dict(), span)
    st.session_state.update(present_day=slide.day, present_step=slide.step, present_caption=slide.title)
st.session_state.setdefault("present_step", "month")
st.session_state.setdefault("present_caption", presenting.DEFAULT_TITLE)


def move(count: int) -> None:
    day = timeline.step(st.session_state.present_day, st.session_state.present_step, count)
    st.session_state.present_day = min(max(day, span[0]), span[1])


def jump() -> None:
    if st.session_state.present_jump:
        st.session_state.present_day = min(max(st.session_state.present_jump, span[0]), span[1])
    st.session_state.present_jump = None


def play() -> None:
    st.session_state.present_playing = not st.session_state.get("present_playing")


st.html("<style>.block-container{padding-top:1.2rem;padding-bottom:0}"
        ".st-key-present_frame img{max-height:calc(100vh - 120px);object-fit:contain}"
        ".st-key-present_keys{display:none}"
        ".cm-day{font-size:2.4rem;font-weight:700;line-height:1.1;margin:0 0 .6rem}"
        ".cm-changes{font-size:1.25rem;line-height:1.3;padding-left:1.1rem;margin:0}"
        ".cm-changes li{margin-bottom:.35rem}.cm-since{font-size:1.05rem;color:#555;margin:0 0 .3rem}</style>")
playing = st.session_state.get("present_playing", False)
with st.container(horizontal=True, vertical_alignment="bottom"):
    st.button("◀ Back", on_click=move, args=(-1,), shortcut="Left", help="Back one step (← or Page Up)")
    st.button("Forward ▶", on_click=move, args=(1,), shortcut="Right", help="Forward one step (→ or Page Down)")
    st.button("Pause" if playing else "Play", on_click=play, shortcut="Space", help="Play through time (Space)")
    st.selectbox("Step", timeline.STEPS, key="present_step", width=110)
    st.date_input("Jump to a date", value=None, min_value=span[0], max_value=span[1], key="present_jump",
                  on_change=jump, format="YYYY-MM-DD", width=170)
    with st.popover("Title"):
        st.text_input("Title of the map", key="present_caption")
with st.container(key="present_keys"):  # a clicker's Page Up / Page Down
    st.button("Back", on_click=move, args=(-1,), shortcut="PageUp", key="present_page_up")
    st.button("Forward", on_click=move, args=(1,), shortcut="PageDown", key="present_page_down")

day: date = st.session_state.present_day
unit = st.session_state.present_step
previous = timeline.step(day, unit, -1)
previous = previous if previous >= span[0] else None
changed = presenting.changes(events, day, previous)
st.query_params.from_dict(presenting.to_params(presenting.Slide(day, unit, st.session_state.present_caption)))

picture, words = st.columns([5, 2])
with picture.container(key="present_frame"):
    st.image(presenting.frame_png(events, conf.geodata, day, changed, title=st.session_state.present_caption),
             width="stretch")
since = f"Since {snapshot.long_date(previous)}" if previous else "From the first report"
lines = "".join(f"<li>{text(presenting.change_line(e))}</li>" for e in changed[:LIST_MAX])
more = f"<li>and {len(changed) - LIST_MAX} more</li>" if len(changed) > LIST_MAX else ""
words.html(f'<h1 class="cm-day">{snapshot.long_date(day)}</h1><p class="cm-since">{since}:</p>'
           f'<ul class="cm-changes">{lines or "<li>nothing new</li>"}{more}</ul>')

if playing:
    time.sleep(1.5)
    if day >= span[1]:
        st.session_state.present_playing = False
    else:
        move(1)
    st.rerun()
