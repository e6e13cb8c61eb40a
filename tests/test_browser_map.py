"""The map of issue #17 in headless Chromium against `streamlit run app.py`, network closed: stacked
markers each open their own popup, place names at local zoom, the held-by layer off until asked for."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_browser import app_url, map_frame  # noqa: E402,F401  the app fixture of test_browser.py

pytestmark = pytest.mark.browser
PlaywrightError = pytest.importorskip("playwright.sync_api").Error


def open_map(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.route("http*://**", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page.goto(url)
    return page, map_frame(page)


@pytest.mark.parametrize("query", ["/?cluster=0", "/?lat=46.64&lon=32.62&zoom=11"])
def test_each_of_two_stacked_markers_opens_its_own_popup(browser, app_url, query):
    """Kherson was claimed (Nov 2022) and struck (May 2025): two markers on one point. Each is clicked
    with the mouse at its centre, as a reader clicks it: whatever is drawn on top there gets the click
    (and the first click counts: focusing the map no longer scrolls the page under the pointer)."""
    page, frame = open_map(browser, app_url + query)
    for title, status, day in (("Kherson — claimed", "Claimed taken", "2022-11-11"),
                               ("Kherson — struck", "Struck", "2025-05-30")):
        marker = frame.locator(f".cm-marker[title='{title}']")
        marker.wait_for(timeout=30000)
        marker.scroll_into_view_if_needed()
        page.wait_for_timeout(500)  # the map has settled
        box = marker.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        popup = frame.locator(".leaflet-popup-content", has_text=day)
        popup.wait_for(timeout=5000)
        assert status in popup.inner_text() and "Kherson" in popup.inner_text()
        frame.locator(".leaflet-popup-close-button").click()
        frame.locator(".leaflet-popup-content").first.wait_for(state="detached", timeout=5000)
    page.close()


def test_marker_colour_says_whose_claim_and_legend_explains(browser, app_url):
    page, frame = open_map(browser, app_url + "/?cluster=0")
    frame.locator(".cm-marker").first.wait_for(timeout=30000)
    assert frame.locator(".cm-marker.cm-claimed-russian").count() > 0
    assert frame.locator(".cm-marker.cm-claimed-ukrainian").count() > 0
    assert frame.locator(".cm-marker.cm-contested-ukrainian-denial").count() > 0  # Chasiv Yar, Velyka Novosilka
    legend = frame.locator(".cm-legend").inner_text()
    for words in ("Russian claim", "Ukrainian claim", "Claimed taken", "denies the other side's claim",
                  "Whole region claimed"):
        assert words in legend
    page.close()


def test_places_are_named_at_local_zoom(browser, app_url):
    """On the Donetsk front at zoom 9 the places of events and towns around them are labelled."""
    page, frame = open_map(browser, app_url + "/?cluster=0&lat=48.45&lon=37.45&zoom=9")
    frame.locator(".cm-marker").first.wait_for(timeout=30000)
    frame.locator(".cm-label.cm-event-place", has_text="Pokrovsk").wait_for(timeout=10000)
    towns = frame.locator(".cm-label.cm-town")
    assert towns.count() > 5
    assert frame.locator(".cm-label", has_text="Kostiantynivka").count() == 1  # an event place, named once
    page.close()


def test_held_by_layer_is_off_until_asked_for_and_says_it_is_inferred(browser, app_url):
    page, frame = open_map(browser, app_url + "/?cluster=0&asof=2025-10-28")
    frame.locator(".cm-marker").first.wait_for(timeout=30000)
    assert frame.locator(".cm-legend-held").count() == 0
    page.locator("[data-testid='stSidebar'] label", has_text="Who holds what").click()
    # the map is drawn again, with the layer (Streamlit may hold the old frame beside the new one a while)
    text = ""
    for _ in range(120):
        for f in [f for f in page.frames if "streamlit_folium" in f.url]:
            try:
                text = text or (f.locator(".cm-legend-held").count() and f.locator(".cm-legend-held").inner_text())
            except PlaywrightError:  # the old frame, removed while read
                pass
        if text:
            break
        page.wait_for_timeout(250)
    assert "Held by Russia" in text and "Inferred from the cited reports" in text
    page.close()
