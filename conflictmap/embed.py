"""The embed page: one view of the map as a page of its own, `/embed?<the map page's URL parameters>`, for an
<iframe> in an article or a link to share. Read-only (it only reads the store), offline (Leaflet from the
app's static folder, nothing from another host), and quick: plain HTML with the same basemap, drawing script
(mapview.js), legend and escaped data as the map page, without Streamlit's page, websocket and run, which
take about 2 s of the map page's first marker (bench/RESULTS.md). The URL is read as the map page reads it
(urlstate.shown), so one link shows the same events in both.

It answers only the host names the app is served on (server.allowedHosts, as Streamlit's websocket does):
the page carries the store's data, which a rebound domain must not read."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import folium
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from . import assets, escape, filters, mapdata, mapview, urlstate
from .config import Settings, StoreError, settings

PATH = "/embed"
STATIC = "app/static/"  # Streamlit's static folder, relative to the embed page (and to a base URL path)
# Scripts and styles are the page's own or the app's; images may be OpenStreetMap's tiles when asked for.
POLICY = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; base-uri 'none'; "
          "form-action 'none'")
HEADERS = {"Content-Security-Policy": POLICY, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer"}
CAPTION_STYLE = ("position:fixed;top:10px;left:54px;z-index:1000;background:rgba(255,255,255,.92);padding:3px 9px;"
                 "border:1px solid #bbb;border-radius:4px;font:12px/1.4 system-ui,sans-serif")


@dataclass(frozen=True)
class Embed:
    """What the embed page shows, read from its URL's parameters."""
    view: filters.View
    state: urlstate.MapState
    packed: str  # the view's events for mapview.js (mapview.pack of mapview.events_data)
    counted: str  # "42 events, 17 places, 9 sources"
    basemap: str  # the basemap file's path in the static folder (mapdata.basemap_path)
    held: list[dict] | None  # the places of the held-by layer, when asked for


def prepare(params: dict[str, str], conf: Settings) -> Embed:
    """The embed page's data for a URL's parameters, as the map page would show them: parameters that do not
    parse are read as their defaults, days are put within the store's span (urlstate.shown)."""
    span, known = mapdata.span_and_outlets(conf.db)
    view, state = urlstate.shown(params, span, known, conf.min_confidence)
    packed, counted = mapdata.packed_events(conf.db, view, conf.geodata)
    held = mapdata.held_front(conf.db, view, span[1]) if state.held and span else None
    return Embed(view, state, packed, counted, mapdata.basemap_path(conf.geodata, mapview.TILES.get(state.tiles)),
                 held)


def render(embed: Embed, geodata: Path) -> str:
    """The page: the map made as the map page makes it (mapview.base_map, events_layer, held_layer), with
    Leaflet from the static folder, a line saying what it shows and a link to the full map."""
    state, tiles = embed.state, mapview.TILES.get(embed.state.tiles)
    located = state.lat is not None and state.lon is not None
    m = mapview.base_map(geodata, tiles=tiles, location=[state.lat, state.lon] if located else None,
                         zoom=state.zoom, fetch_from=STATIC + embed.basemap)
    layers = [mapview.events_layer(embed.packed, cluster=state.cluster)]
    if embed.held is not None:
        layers.append(mapview.held_layer(embed.held))
    for layer in layers:
        layer.add_to(m)
    words = " · ".join(x for x in (embed.counted, filters.when(embed.view)) if x)
    m.get_root().title = escape.text(f"conflictmap · {words}")  # the template does not escape
    full_map = "./?" + urlencode(urlstate.to_params(embed.view, state))
    m.get_root().html.add_child(folium.Element(
        f'<div class="cm-embed" style="{CAPTION_STYLE}">{escape.text(words)} · <a href="{escape.text(full_map)}" '
        f'target="_blank" rel="noopener">Open in conflictmap</a></div>'))
    return assets.use_urls(m, STATIC + "vendor/").get_root().render()


def page(params: dict[str, str], conf: Settings) -> str:
    """The embed page for a URL's parameters, made once per change of the store."""
    mapdata.publish_assets()
    return _page(conf, mapdata.revision(conf.db), tuple(sorted(params.items())))


@lru_cache(maxsize=16)
def _page(conf: Settings, revision: tuple, params: tuple) -> str:
    return render(prepare(dict(params), conf), conf.geodata)


def link(page_url: str, params: dict[str, str]) -> str:
    """The embed page's address for a view, on the server of `page_url` (the address the reader's browser
    has for the app; without one, the address on this server)."""
    parts = urlsplit(page_url or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return origin + PATH + (f"?{urlencode(params)}" if params else "")


def snippet(url: str) -> str:
    """An <iframe> that shows the embed page at `url` in another site's article."""
    return (f'<iframe src="{escape.text(url)}" title="conflictmap" width="100%" height="600" '
            f'style="border:0" loading="lazy"></iframe>')


def routes(host_allowed: Callable[[str | None], bool]) -> list[Route]:
    """The embed page's route for the server (st.App's `routes`); `host_allowed` says whether a Host header
    is one the app is served on."""

    def answer(request: Request) -> Response:  # a plain function: Starlette runs it off the event loop
        if not host_allowed(request.headers.get("host")):
            return PlainTextResponse("This host name is not served here.", status_code=403)
        try:
            return HTMLResponse(page(dict(request.query_params), settings()), headers=HEADERS)
        except StoreError as exc:
            return PlainTextResponse(f"The store cannot be opened: {exc}", status_code=503)

    return [Route(PATH, answer, methods=["GET"])]
