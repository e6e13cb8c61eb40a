"""What `conflictmap serve` starts (`streamlit run server.py`): the app of app.py, with its map page run once
while the server starts. The first visit then finds the imports done, the store read and the default view
packed, instead of waiting for them (about 5 s of a first visit at 10,000 events, bench/RESULTS.md). The
server answers once that run is over; a run that fails is said on the console and the server starts anyway
(the page then says what is wrong). Its index page preloads the code of the map page's widgets
(conflictmap/preload.py), so the browser does not ask for it while the server is busy with the page's run.
It also serves the embed page (conflictmap/embed.py, `/embed?...`) to the host names Streamlit's websocket
accepts (server.allowedHosts)."""
from __future__ import annotations

import time
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime import Runtime
from streamlit.web.server.starlette.starlette_websocket import is_host_allowed

from conflictmap import embed
from conflictmap.preload import PreloadWidgets


@asynccontextmanager
async def warm_up(_app):
    started = time.perf_counter()
    try:
        _, outcome = await Runtime.instance().does_script_run_without_error()
    except Exception as exc:  # noqa: BLE001  the warm-up is an optimisation, never a reason not to serve
        outcome = f"not run: {type(exc).__name__}: {exc}"
    print(f"conflictmap: map page prepared before the first visit ({outcome}, "
          f"{time.perf_counter() - started:.1f} s)", flush=True)
    yield


app = st.App("app.py", lifespan=warm_up, middleware=[Middleware(PreloadWidgets)],
             routes=embed.routes(is_host_allowed))
