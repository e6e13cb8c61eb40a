"""The embed page (conflictmap/embed.py): a URL's parameters read as the map page reads them, into the page's
data; bad parameters read as their defaults; the link and frame the map page offers; and, from the server as
`conflictmap serve --read-only` starts it, the page for the host names served on only."""
from __future__ import annotations

import base64
import http.client
import json
import re
import zlib
from dataclasses import replace
from datetime import date

import pytest
from test_serve import serve, stop, store_copy  # noqa: F401  test_serve's fixture

from conflictmap import embed, filters, urlstate
from conflictmap.config import settings

SPAN = (date(2022, 2, 24), date(2025, 10, 28))
BAD = {"from": "last spring", "to": "2025-13-01", "asof": "yesterday", "strikes": "a week", "status": "burnt",
       "side": "martian", "outlet": "No Such Wire", "sources": "many", "lat": "north", "lon": "999", "zoom": "99",
       "tiles": "satellite"}


def unpacked(packed: str) -> dict:
    return json.loads(zlib.decompress(base64.b64decode(packed)))


def test_bad_parameters_read_as_the_default_view():
    assert urlstate.shown(BAD, SPAN, ["Wire"], 0.5) == urlstate.shown({}, SPAN, ["Wire"], 0.5)
    view, state = urlstate.shown({}, SPAN, ["Wire"], 0.5)
    assert view == filters.View(start=SPAN[0], end=SPAN[1]) and state == urlstate.MapState()


def test_the_url_is_read_as_the_map_page_shows_it():
    """Days within the store's span, the server's minimum confidence unless the URL says one, only known
    outlets, a strike window only as of a day, and no time to choose on a store of one day."""
    view, _ = urlstate.shown({"asof": "2030-01-01", "strikes": "30", "outlet": "Wire|Gone"}, SPAN, ["Wire"], 0.4)
    assert (view.as_of, view.start, view.end, view.strike_days) == (SPAN[1], None, None, 30)
    assert view.outlets == ("Wire",) and view.min_confidence == 0.4
    view, _ = urlstate.shown({"from": "2020-01-01", "to": "2023-05-01", "strikes": "30", "conf": "0.8"}, SPAN, [], 0.4)
    assert (view.start, view.end, view.as_of, view.strike_days) == (SPAN[0], date(2023, 5, 1), None, 7)
    assert view.min_confidence == 0.8
    one_day = (SPAN[0], SPAN[0])
    assert urlstate.shown({"asof": "2022-02-24"}, one_day, [], 0.5)[0] == filters.View()
    assert urlstate.shown({"asof": "2022-02-24"}, None, [], 0.5)[0] == filters.View()


@pytest.fixture
def conf(samples_db):
    return replace(settings(), db=samples_db)


def test_the_embed_data_is_the_views_events(conf, samples_events):
    data = embed.prepare({"asof": "2024-10-31", "cluster": "0"}, conf)
    shown = filters.apply(samples_events, filters.View(as_of=date(2024, 10, 31)))
    assert data.view.as_of == date(2024, 10, 31) and data.state.cluster is False and data.held is None
    assert data.counted == filters.summary(shown) and len(unpacked(data.packed)["lat"]) == len(shown)
    assert data.basemap.startswith("data/basemap-offline-")
    held = embed.prepare({"asof": "2024-10-31", "held": "1"}, conf).held
    assert held and {e["place"] for e in held} == {e["place"] for e in shown}


def test_bad_parameters_make_the_default_embed(conf, samples_events):
    default, bad = embed.prepare({}, conf), embed.prepare(BAD, conf)
    assert bad == default
    assert len(unpacked(default.packed)["lat"]) == len(filters.apply(samples_events, filters.View()))


def test_the_page_loads_nothing_from_another_host(conf):
    html = embed.page({"cluster": "0", "lat": "48.5", "lon": "37.5", "zoom": "8"}, conf)
    assert re.findall(r'(?:src|href)="(?!app/static/|\./)', html.replace("href=\"' + url", "")) == []
    assert '<script src="app/static/vendor/leaflet.js"></script>' in html
    assert "DecompressionStream" in html and "[48.5, 37.5]" in html  # mapview.js, at the URL's position


def test_the_link_and_frame_for_a_view():
    params = urlstate.to_params(filters.View(as_of=date(2024, 10, 31), outlets=('Wire "A" <b>',)),
                                urlstate.MapState(cluster=False))
    url = embed.link("http://newsroom.example:8501/?asof=2024-10-31", params)
    assert url.startswith("http://newsroom.example:8501/embed?asof=2024-10-31&outlet=Wire+%22A%22+%3Cb%3E")
    frame = embed.snippet(url)
    assert frame.startswith('<iframe src="http://newsroom.example:8501/embed?asof=2024-10-31&amp;outlet=')
    assert "<b>" not in frame and '"A"' not in frame
    assert embed.link("", {}) == "/embed"


def _get(url: str, path: str, host: str) -> tuple[int, str]:
    port = int(url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": f"{host}:{port}"})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def test_the_embed_page_answers_only_the_hosts_served_on(store_copy, samples_events):
    proc, url = serve("--db", str(store_copy), "--read-only")
    try:
        for host in ("127.0.0.1", "localhost"):
            status, body = _get(url, "/embed?asof=2024-10-31", host)
            assert status == 200 and "Open in conflictmap" in body
        shown = filters.apply(samples_events, filters.View(as_of=date(2024, 10, 31)))
        assert f"<title>conflictmap · {filters.summary(shown)} · as of 31 Oct 2024</title>" in body
        for host in ("attacker.example", "127.0.0.1.attacker.example"):
            status, body = _get(url, "/embed?asof=2024-10-31", host)
            assert status == 403 and "cm-marker" not in body and "Open in conflictmap" not in body
    finally:
        stop(proc)

