"""The map page's controls: sidebar filters read from and written to the URL, and the place search."""
from __future__ import annotations

import streamlit as st

from conflictmap import filters, timeline, urlstate
from conflictmap.models import STATUSES

SIDE_LABELS = {"russian": "Russian", "ukrainian": "Ukrainian", "third-party": "Third party", "": "Not said"}


def _seed_from_url(span, known: list[str], min_conf) -> urlstate.MapState:
    """On a session's first run, every widget starts from the URL's view as urlstate.shown reads it (the embed
    page reads it so too), or the default."""
    view, state = urlstate.shown(st.query_params.to_dict(), span, known, min_conf)
    if "url_seeded" not in st.session_state:
        st.session_state.update(
            url_seeded=True, mode="As of" if view.as_of else "Date range", play_step="week",
            statuses=list(view.statuses), sides=list(view.sides), outlets=list(view.outlets),
            min_sources=view.min_sources, min_conf=view.min_confidence,
            cluster=state.cluster, tiles=state.tiles, held=state.held, strike_window=view.strike_days)
    if span and "dates" not in st.session_state:
        st.session_state.update(dates=(view.start or span[0], view.end or span[1]), as_of=view.as_of or span[1])
    return state


def sidebar(known: list[str], span, min_conf: float) -> tuple[filters.View, urlstate.MapState]:
    """The filters, `known` the outlets to choose from."""
    state = _seed_from_url(span, known, min_conf)
    with st.sidebar:
        st.header("Filters")
        start = end = as_of = None
        strike_days = filters.STRIKE_DAYS
        if span and span[0] < span[1]:
            mode = st.radio("Time", ["Date range", "As of"], horizontal=True, key="mode")
            if mode == "Date range":
                start, end = st.slider("Dates", span[0], span[1], format="YYYY-MM-DD", key="dates")
            else:
                as_of = st.slider("As of", span[0], span[1], format="YYYY-MM-DD", key="as_of")
                step, play, stop = st.columns([2, 1, 1])
                step.selectbox("Step", timeline.STEPS, key="play_step", label_visibility="collapsed")
                if play.button("▶", help="Play: step through time"):
                    st.session_state.playing = True
                if stop.button("⏸", help="Pause"):
                    st.session_state.playing = False
                if "strike_days" not in st.session_state:  # the widget's state goes while Date range is shown
                    st.session_state.strike_days = st.session_state.get("strike_window", filters.STRIKE_DAYS)
                strike_days = st.number_input("Strikes of the last … days", min_value=1,
                                              max_value=urlstate.MAX_STRIKE_DAYS, key="strike_days",
                                              help="As of a day, each place shows its latest claim or contest, "
                                                   "and strikes only this recent.")
                st.session_state.strike_window = strike_days
        statuses = st.multiselect("Status", STATUSES, key="statuses")
        sides = st.multiselect("Claimant side", filters.SIDES, key="sides", format_func=SIDE_LABELS.get)
        st.session_state.outlets = [o for o in st.session_state.outlets if o in known]
        outlets = st.multiselect("Outlets (all when empty)", known, key="outlets")
        min_sources = st.number_input("Minimum sources", min_value=1, max_value=50, key="min_sources")
        confidence = st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="min_conf")
        cluster = st.checkbox("Group crowded markers", key="cluster")
        tiles = st.selectbox("Background", ["none", "osm"], key="tiles",
                             format_func={"none": "Offline basemap", "osm": "OpenStreetMap tiles (online)"}.get)
    view = filters.View(start=start, end=end, as_of=as_of, strike_days=int(strike_days),
                        statuses=tuple(statuses), sides=tuple(sides),
                        outlets=tuple(outlets), min_sources=int(min_sources), min_confidence=confidence)
    return view, urlstate.MapState(state.lat, state.lon, state.zoom, cluster, tiles)


def held_toggle() -> bool:
    """The held-by layer: off unless asked for, and said to be inferred."""
    with st.sidebar:
        return st.checkbox("Who holds what (inferred from the cited reports)", key="held",
                           help="Each place in the colour of the side that holds it as the articles last tell "
                                "it, with cells of a few km around it merged by side. Not a verified front line.")


def place_search(load_gazetteer):
    """A place found by any of its spellings, to centre the map on; None when nothing is asked. The
    gazetteer is loaded only for a search, so the map does not wait for it."""
    query = st.text_input("Find a place", key="place_search", placeholder="Toretsk, Dzerzhinsk, Торецьк…")
    gaz = load_gazetteer() if query.strip() else None
    if gaz is None:
        return None
    found = gaz.lookup(query)
    if not found:
        st.caption(f"No place called {query!r} in the gazetteer.")
        return None
    best = max(found, key=lambda p: (p.kind == "region", p.population))
    others = f" (also: {', '.join(p.name + ', ' + p.region for p in found if p is not best)[:200]})" if len(found) > 1 else ""
    st.caption(f"Centred on {best.name}, {best.region or best.country}{others}")
    return best
