"""The map of issue #17 in headless Chromium against `streamlit run app.py`, network closed: stacked
markers each open their own popup, place names at local zoom, the held-by layer off until asked for, and
the view in the URL the moment it changes (time mode, strike window, held-by layer), so a reload resumes it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_browser import app_errors, app_url, as_of_shown, map_frame, settled  # noqa: E402,F401  test_browser's app

pytestmark = pytest.mark.browser
PlaywrightError = pytest.importorskip("playwright.sync_api").Error


STRIKES = "[data-testid='stSidebar'] input[aria-label='Strikes of the last … days']"
HELD = "Who holds what"


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
    assert frame.locator(".leaflet-overlay-pane path").count() > 20  # country and oblast outlines, fetched
    page.close()


def test_held_by_layer_is_off_until_asked_for_and_says_it_is_inferred(browser, app_url):
    page, frame = open_map(browser, app_url + "/?cluster=0&asof=2025-10-28")
    frame.locator(".cm-marker").first.wait_for(timeout=30000)
    assert frame.locator(".cm-legend-held").count() == 0
    page.locator("[data-testid='stSidebar'] label", has_text="Who holds what").click()
    text = ""
    for _ in range(120):  # the map is drawn again, with the layer
        text = held_legend(page)
        if text:
            break
        page.wait_for_timeout(250)
    assert "Held by Russia" in text and "Inferred from the cited reports" in text
    page.close()


def held_legend(page) -> str:
    """The held-by legend's text in the map frame, "" while there is none (Streamlit may hold the old
    frame beside the new one a while)."""
    for f in [f for f in page.frames if "streamlit_folium" in f.url]:
        try:
            if f.locator(".cm-legend-held").count():
                return f.locator(".cm-legend-held").inner_text()
        except PlaywrightError:  # the old frame, removed while read
            pass
    return ""


def url_has(page, *parts: str, timeout: float = 8000) -> bool:
    """Whether the page's address comes to hold every part within `timeout` ms, with no click."""
    try:
        page.wait_for_function("(parts) => parts.every(p => window.location.search.includes(p))", arg=list(parts),
                               timeout=timeout)
        return True
    except PlaywrightError:
        return False


def test_url_follows_as_of_and_the_strike_window_without_another_click(browser, app_url):
    """A reader opens the map, switches the time to "As of" and sets the strike window to 30 days, then
    copies the address: it must already say so (it kept the old view until the next click)."""
    page, _ = open_map(browser, app_url + "/")
    settled(page)
    assert "asof=" not in page.url
    page.locator("[data-testid='stSidebar']").get_by_text("As of", exact=True).click()
    page.locator(STRIKES).wait_for(timeout=20000)
    assert url_has(page, "asof="), page.url
    page.locator(STRIKES).fill("30")
    page.locator(STRIKES).press("Enter")
    assert url_has(page, "asof=", "strikes=30"), page.url
    page.locator("[data-testid='stSidebar'] label", has_text=HELD).click()
    assert url_has(page, "asof=", "strikes=30", "held=1"), page.url
    page.close()


def test_a_link_resumes_the_strike_window_and_the_held_by_layer(browser, app_url):
    page, _ = open_map(browser, app_url + "/?cluster=0&asof=2025-10-28&strikes=30&held=1")
    page.locator(STRIKES).wait_for(timeout=30000)
    assert page.locator(STRIKES).input_value() == "30"
    assert page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']", has_text=HELD) \
        .locator("input").is_checked()
    for _ in range(120):
        if held_legend(page):
            break
        page.wait_for_timeout(250)
    assert "Held by Russia" in held_legend(page)
    settled(page)
    assert "strikes=30" in page.url and "held=1" in page.url and "asof=2025-10-28" in page.url
    page.reload()
    page.locator(STRIKES).wait_for(timeout=30000)
    assert page.locator(STRIKES).input_value() == "30" and as_of_shown(page) == "2025-10-28"
    assert app_errors(page) == []
    page.close()
