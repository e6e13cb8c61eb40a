"""The embed page in headless Chromium, from the server as `conflictmap serve --read-only` starts it, the network
closed to every other host: markers and their popups, a hostile article shown as text, and the same events
as the map page for the same URL, whose "Embed or share this view" gives its link."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_browser import hostile_db, map_frame, point_events  # noqa: E402,F401  test_browser's store and helpers
from test_serve import serve, stop  # noqa: E402

from conflictmap import filters  # noqa: E402

pytestmark = pytest.mark.browser
AS_OF = "asof=2024-10-31&cluster=0"


@pytest.fixture(scope="module")
def served(samples_db):
    proc, url = serve("--db", str(samples_db), "--read-only")
    yield url
    stop(proc)


def closed_page(browser, url: str):
    """A page that reaches only the app: (page, requests refused, page errors)."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    outside, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
               else (outside.append(route.request.url), route.abort()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page, outside, errors


def test_the_embed_page_shows_the_views_markers_and_their_popups(browser, served, samples_events):
    page, outside, errors = closed_page(browser, served)
    page.goto(served + "/embed?cluster=0")
    expected = point_events(filters.apply(samples_events, filters.View()))
    page.locator(".cm-marker").nth(expected - 1).wait_for(timeout=30000)
    assert page.locator(".cm-marker").count() == expected
    assert page.locator(".leaflet-overlay-pane path").count() > 20  # the basemap's outlines, fetched
    assert "Russian claim" in page.locator(".cm-legend").inner_text()
    marker = page.locator(".cm-marker[title='Kherson — claimed']")
    box = marker.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10000)
    assert "Kherson" in popup.inner_text() and "Reported by" in popup.inner_text() and popup.locator("q").count()
    assert popup.locator("a").first.get_attribute("href").startswith("https://example.org/")
    assert outside == [] and errors == []
    page.close()


def test_a_hostile_article_is_shown_as_text(browser, hostile_db):
    proc, url = serve("--db", str(hostile_db), "--read-only")
    try:
        page, outside, errors = closed_page(browser, url)
        page.goto(url + "/embed?cluster=0")
        marker = page.locator(".cm-marker").first
        marker.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=30000)
        assert "<script>window.__pwned=1</script>" in popup.inner_text()
        assert "<img src=x onerror=window.__pwned=1>" in popup.inner_text()  # the outlet, its link dropped
        assert popup.locator("img, script, a").count() == 0
        marker.dispatch_event("mouseover")
        page.locator(".leaflet-tooltip").wait_for(timeout=10000)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert outside == [] and errors == []
        page.close()
    finally:
        stop(proc)


def test_an_as_of_view_shows_what_the_map_page_shows(browser, served, samples_events):
    """The same URL on the map page and the embed page: the same events, counted alike; the map page's
    "Embed or share this view" gives the embed page's link for its view."""
    expected = point_events(filters.apply(samples_events, filters.View(as_of=date(2024, 10, 31))))
    page, outside, errors = closed_page(browser, served)
    page.goto(f"{served}/?{AS_OF}")
    frame = map_frame(page)
    frame.locator(".cm-marker").nth(expected - 1).wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    on_map_page = frame.locator(".cm-marker").count()
    counted = page.get_by_text(" events, ").first.inner_text()
    page.get_by_text("Embed or share this view").click()
    link = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert link.startswith(f"{served}/embed?") and "asof=2024-10-31" in link and "cluster=0" in link
    assert '<iframe src="' in page.locator("[data-testid='stCode']").nth(1).inner_text()

    page.goto(link)
    page.locator(".cm-marker").nth(expected - 1).wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    assert page.locator(".cm-marker").count() == on_map_page == expected
    assert page.locator(".cm-embed").inner_text().startswith(counted.split(" · ")[0] + " · as of 31 Oct 2024")
    assert outside == [] and errors == []
    page.close()
