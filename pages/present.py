"""Presentation mode: the front line step by step, large, with a caption, for a classroom."""
from datetime import date

import streamlit as st

import app_state
from conflictmap import animation, filters, timeline

conf = app_state.app_settings()
events = filters.apply(app_state.all_events(), filters.View(min_confidence=conf.min_confidence))
span = filters.date_range(events)
if span is None:
    st.info("Nothing to present yet: add articles first.")
    st.stop()
st.session_state.setdefault("present_day", span[0])
unit = st.session_state.setdefault("present_step", "month")

back, forward, step, caption = st.columns([1, 1, 2, 8])
if back.button("◀ Back", width="stretch"):
    st.session_state.present_day = max(span[0], timeline.step(st.session_state.present_day, unit, -1))
if forward.button("Forward ▶", width="stretch"):
    st.session_state.present_day = min(span[1], timeline.step(st.session_state.present_day, unit))
step.selectbox("Step", timeline.STEPS, key="present_step", label_visibility="collapsed")
title = caption.text_input("Caption", "The front line as the articles tell it", key="present_caption",
                           label_visibility="collapsed")
day: date = st.session_state.present_day
st.markdown(f"<h1 style='text-align:center;font-size:3.2rem;margin:0'>{day:%d %B %Y}</h1>", unsafe_allow_html=True)
st.image(animation.frame_png(events, conf.geodata, day, title=title), width="stretch")
