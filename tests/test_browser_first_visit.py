"""A first visit to the map runs its page once (issue #17), in headless Chromium against `streamlit run app.py`:
the runs are counted as the browser asks for them (Streamlit's `rerun_script` messages on the page's websocket,
read with Streamlit's own protobuf classes) and as the server ends them (`script_finished`). It ran three times:
the map reported its centre on load, and again once fitted to Ukraine. The map's position still reaches the URL
once the reader pans or zooms, and the URL says where the map is after the map is made anew."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_browser import app_url, map_frame  # noqa: E402,F401  test_browser's app

pytestmark = pytest.mark.browser
PlaywrightError = pytest.importorskip("playwright.sync_api").Error
HELD = "Who holds what"


class Runs:
    """The page's script runs: asked for by the browser, and ended by the server."""

    def __init__(self, page):
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.asked, self.ended = 0, 0

        def sent(payload):
            if isinstance(payload, (bytes, bytearray)):
                msg = BackMsg()
                msg.ParseFromString(bytes(payload))
                self.asked += msg.WhichOneof("type") == "rerun_script"

        def received(payload):
            if isinstance(payload, (bytes, bytearray)):
                msg = ForwardMsg()
                msg.ParseFromString(bytes(payload))
                self.ended += msg.WhichOneof("type") == "script_finished"

        def websocket(ws):
            ws.on("framesent", sent)
            ws.on("framereceived", received)

        page.on("websocket", websocket)

    def settle(self, page, quiet: float = 4.0, timeout: float = 60.0) -> int:
        """The number of runs once every run asked for has ended and none was asked for `quiet` seconds."""
        start, last = time.monotonic(), (-1, -1)
        changed = time.monotonic()
        while time.monotonic() - start < timeout:
            page.wait_for_timeout(100)
            if (self.asked, self.ended) != last:
                last, changed = (self.asked, self.ended), time.monotonic()
            elif self.asked == self.ended and time.monotonic() - changed >= quiet:
                return self.asked
        raise AssertionError(f"the page did not settle: {self.asked} runs asked for, {self.ended} ended")


def first_visit(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.route("http*://**", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    runs = Runs(page)
    page.goto(url)
    frame = map_frame(page)
    frame.locator(".cm-marker, .marker-cluster").first.wait_for(timeout=60000)
    return page, frame, runs


def map_view(frame) -> dict:
    """Where the map is, rounded as the URL writes it."""
    return frame.locator(".leaflet-container").evaluate(
        "() => { const c = window.map.getCenter();"
        " return {lat: c.lat.toFixed(4), lon: c.lng.toFixed(4), zoom: String(window.map.getZoom())}; }")


def url_view(page) -> dict:
    return page.evaluate("() => { const q = new URLSearchParams(window.location.search);"
                         " return {lat: q.get('lat'), lon: q.get('lon'), zoom: q.get('zoom')}; }")


def same_view(url: dict, shown: dict) -> bool:
    """The URL says where the map is: the same zoom, the centre within a pixel (Leaflet puts the map's
    origin on a whole pixel, so a map opened at a linked centre shows it to within a pixel)."""
    pixel = 360 / (256 * 2 ** int(shown["zoom"]))  # degrees of longitude, more than of latitude here
    return url["zoom"] == shown["zoom"] and all(
        url[k] is not None and abs(float(url[k]) - float(shown[k])) <= pixel for k in ("lat", "lon"))


@pytest.mark.parametrize("query", ["/", "/?lat=47.1234&lon=37.5000&zoom=8"])
def test_a_first_visit_runs_the_map_page_once(browser, app_url, query):
    """Fitted to Ukraine (no position in the URL) or at a linked position: one run, the markers drawn, and
    the URL still says the view it was opened with."""
    page, frame, runs = first_visit(browser, app_url + query)
    assert runs.settle(page) == 1
    if "lat=" in query:
        assert url_view(page) == {"lat": "47.1234", "lon": "37.5000", "zoom": "8"}
        assert same_view(url_view(page), map_view(frame)), map_view(frame)
    else:
        assert url_view(page) == {"lat": None, "lon": None, "zoom": None}
        assert map_view(frame)["zoom"] in ("5", "6")  # Ukraine fills the map
    page.close()


def test_the_url_follows_the_map_when_the_reader_zooms_and_pans(browser, app_url):
    page, frame, runs = first_visit(browser, app_url + "/")
    runs.settle(page)
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function("() => new URLSearchParams(window.location.search).get('zoom') === '7'", timeout=20000)
    runs.settle(page)
    assert same_view(url_view(page), map_view(frame)), (url_view(page), map_view(frame))
    before = url_view(page)
    box = page.locator("iframe[title*='st_folium']").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 200, y + 120, steps=12)
    page.mouse.up()
    page.wait_for_function("(lat) => new URLSearchParams(window.location.search).get('lat') !== lat",
                           arg=before["lat"], timeout=20000)
    runs.settle(page)
    assert same_view(url_view(page), map_view(frame)) and url_view(page) != before
    page.close()


def test_the_url_says_where_a_map_made_anew_is(browser, app_url):
    """Turning on the held-by layer makes the map anew where the session's first map was: the URL must not
    keep the position the reader had panned to before (the map was not reported, and the URL kept it)."""
    page, frame, runs = first_visit(browser, app_url + "/?lat=47.1234&lon=37.5000&zoom=8")
    runs.settle(page)
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function("() => new URLSearchParams(window.location.search).get('zoom') === '9'", timeout=20000)
    runs.settle(page)
    page.locator("[data-testid='stSidebar'] label", has_text=HELD).click()
    page.wait_for_function("() => new URLSearchParams(window.location.search).get('held') === '1'", timeout=20000)
    runs.settle(page)
    frame = map_frame(page)
    assert same_view(url_view(page), map_view(frame)), (url_view(page), map_view(frame))
    page.close()
