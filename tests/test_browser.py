"""The real thing: `streamlit run app.py` and the exported page, in headless Chromium (Debian's)."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import start_app, write_article

from conflictmap import export, filters, frontline, pipeline, store
from conflictmap.config import settings

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ["CONFLICTMAP_SCREENSHOTS"]) if os.environ.get("CONFLICTMAP_SCREENSHOTS") else None
HOSTILE = ("Russian forces captured Kurakhove on Monday <script>window.__pwned=1</script>"
           "<img src=x onerror=\"window.__pwned=1\"> ${window.__pwned=1} `x` </script>.")


@pytest.fixture(scope="module")
def app_url(samples_db):
    proc, url = start_app(samples_db)
    yield url
    proc.terminate()
    proc.wait(10)


def map_frame(page):
    page.wait_for_selector("iframe[title*='st_folium']", timeout=30000)
    frame = page.frame_locator("iframe[title*='st_folium']")
    frame.locator(".leaflet-container").wait_for(timeout=30000)
    return frame


def point_events(events) -> int:
    """Markers: every event but a region claimed whole, which is shaded instead."""
    return sum(1 for e in events if not frontline.shaded_region(e))


def test_map_shows_a_marker_per_event(browser, app_url, samples_events):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/?cluster=0")
    frame = map_frame(page)
    expected = point_events(filters.apply(samples_events, filters.View()))
    frame.locator(".cm-marker").nth(expected - 1).wait_for(timeout=30000)
    assert frame.locator(".cm-marker").count() == expected
    assert frame.locator(".cm-legend").inner_text().count("Struck") == 1
    if SHOTS:
        page.screenshot(path=SHOTS / "map.png")
    page.close()


def test_clustered_map_draws(browser, app_url):
    """The default view groups crowded markers; clusters and markers both appear, no script error."""
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    frame = map_frame(page)
    frame.locator(".marker-cluster, .cm-marker").first.wait_for(timeout=30000)
    assert frame.locator(".marker-cluster").count() > 0
    assert errors == []
    page.close()


def test_popup_shows_quote_and_link(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/?cluster=0")
    frame = map_frame(page)
    frame.locator(".cm-marker").first.dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10000)
    assert "Reported by" in popup.inner_text() and popup.locator("q").count() >= 1
    assert popup.locator("a").first.get_attribute("href").startswith("https://example.org/")
    page.close()


def test_time_slider_changes_the_count(browser, app_url, samples_events):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/?cluster=0")
    frame = map_frame(page)
    before = frame.locator(".cm-marker").count()
    start = page.locator("input[aria-label='Dates — start']")
    start.focus()
    for _ in range(9):
        start.press("PageUp")
    page.wait_for_timeout(3000)
    assert 0 < frame.locator(".cm-marker").count() < before
    page.close()


def test_url_reopens_the_view(browser, app_url, samples_events):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/?status=struck&cluster=0&lat=48.5&lon=37.5&zoom=7")
    frame = map_frame(page)
    expected = point_events(filters.apply(samples_events, filters.View(statuses=("struck",))))
    frame.locator(".cm-marker").nth(expected - 1).wait_for(timeout=30000)
    page.wait_for_timeout(1500)
    assert frame.locator(".cm-marker").count() == expected
    assert frame.locator(".leaflet-container").evaluate("e => e.outerHTML.length") > 0
    assert "status=struck" in page.url
    page.close()


def test_other_pages_render(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    for path, text in (("events", "Open an event"), ("articles", "Extracted"), ("add_articles", "Add to the map"),
                       ("gazetteer", "Add a missing place")):
        page.goto(f"{app_url}/{path}")
        page.get_by_text(text).first.wait_for(timeout=30000)
        if SHOTS:
            page.screenshot(path=SHOTS / f"{path}.png")
    page.close()


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, gaz):
    folder = tmp_path_factory.mktemp("hostile")
    write_article(folder, "evil.txt", HOSTILE, "2025-01-08", outlet="<img src=x onerror=window.__pwned=1>",
                  url="javascript:window.__pwned=1")
    conf = replace(settings(), db=folder / "h.sqlite")
    assert pipeline.ingest_paths([folder], None, conf, gaz).stored == 1
    return conf.db


def test_hostile_article_shows_as_text(browser, hostile_db):
    proc, url = start_app(hostile_db)
    try:
        page = browser.new_page()
        page.goto(url + "/?cluster=0")
        frame = map_frame(page)
        frame.locator(".cm-marker").first.dispatch_event("click")
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10000)
        assert "<script>window.__pwned=1</script>" in popup.inner_text()
        assert popup.locator("img, script, a").count() == 0
        frame.locator(".cm-marker").first.dispatch_event("mouseover")
        for target in [page.main_frame, *page.frames]:
            assert target.evaluate("typeof window.__pwned") == "undefined"
        for path in ("events", "articles"):  # the table, the quotes and the highlighted article
            page.goto(f"{url}/{path}")
            page.get_by_text("window.__pwned=1</script>").first.wait_for(timeout=30000)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
        page.close()
    finally:
        proc.terminate()
        proc.wait(10)


def test_exported_page_works_offline(browser, samples_db, tmp_path):
    events = filters.apply(store.merged_events(store.connect(samples_db)), filters.View())
    page_file = tmp_path / "map.html"
    page_file.write_text(export.events_html(events, settings().geodata), encoding="utf-8")
    context = browser.new_context()
    requests: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.locator(".cm-marker").first.wait_for(timeout=15000)
    assert page.locator(".cm-marker").count() == point_events(events)
    assert page.locator(".leaflet-overlay-pane path").count() > 20  # country and oblast outlines
    assert requests == []
    context.close()


def test_exported_popup_shows_hostile_text_as_text(browser, tmp_path):
    """Markup in a place name, its other names, the claimant, a quote, an outlet and a link is shown as
    text in the popup and the tooltip, and runs nothing; the popup still says all it should."""
    payload = "<img src=x onerror=window.__pwned=1>${window.__pwned=1}`x`</script>"
    event = {"place": payload, "other_names": [payload], "kind": "settlement", "lat": 48.4, "lon": 37.8,
             "status": "claimed", "date": "2025-02-07", "claimant": payload,
             "sources": [{"quote": f"Troops took {payload} today.", "outlet": payload, "published": "2025-02-08",
                          "url": "javascript:window.__pwned=1", "article": "a.txt", "surface": payload},
                         {"quote": "A second telling.", "outlet": "Wire", "published": "2025-02-09", "article": "b.txt",
                          "url": 'https://example.org/a"onmouseover="window.__pwned=1', "surface": ""}]}
    page_file = tmp_path / "hostile.html"
    page_file.write_text(export.events_html([event], settings().geodata), encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    marker = page.locator(".cm-marker").first
    marker.dispatch_event("click")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10000)
    text = popup.inner_text()
    assert text.count(payload) == 5  # place, other name, claimant, quote, outlet
    assert "Claimed taken · 2025-02-07 (day)" in text and "Reported by 2 sources from 2 outlets" in text
    assert popup.locator("mark").inner_text() == payload
    assert popup.locator("img, script").count() == 0
    link = popup.locator("a")
    assert link.count() == 1 and link.get_attribute("onmouseover") is None
    assert link.get_attribute("href") == 'https://example.org/a"onmouseover="window.__pwned=1'
    marker.dispatch_event("mouseover")
    assert payload in page.locator(".leaflet-tooltip").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()


def app_errors(page) -> list[str]:
    return page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").all_inner_texts()


def settled(page) -> None:
    """Wait until the app has finished running the script."""
    page.wait_for_timeout(300)
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidgetRunningIcon']\")", timeout=30000)
    page.wait_for_timeout(300)


def as_of_shown(page) -> str:
    return page.locator("[data-testid='stSlider']").filter(has_text="As of") \
        .locator("[data-testid='stSliderThumbValue']").inner_text()


def test_play_steps_through_time(browser, app_url):
    """Map -> As of -> ▶: the date moves on step after step, and nothing breaks."""
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/?cluster=0&asof=2024-01-07")
    map_frame(page)
    seen = [as_of_shown(page)]
    page.get_by_role("button", name="▶").click()
    for _ in range(3):
        page.wait_for_function("(before) => [...document.querySelectorAll(\"[data-testid='stSliderThumbValue']\")]"
                               ".every(e => e.innerText !== before)", arg=seen[-1], timeout=20000)
        seen.append(as_of_shown(page))
    page.get_by_role("button", name="⏸").click()
    assert seen[:2] == ["2024-01-07", "2024-01-14"] and len(set(seen)) == 4, seen
    assert app_errors(page) == []
    page.close()


def test_url_follows_the_switch_to_as_of(browser, app_url):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(app_url + "/?cluster=0&from=2024-03-01&to=2025-01-01&lat=48.5&lon=37.5&zoom=7")
    map_frame(page)
    settled(page)
    page.wait_for_timeout(2000)  # the map has told the page where it is
    assert "from=2024-03-01" in page.url and "asof=" not in page.url
    page.get_by_text("As of", exact=True).click()
    page.get_by_role("button", name="▶").wait_for()
    settled(page)
    assert "asof=" in page.url and "from=" not in page.url
    page.reload()
    page.get_by_role("button", name="▶").wait_for()
    assert as_of_shown(page) and app_errors(page) == []
    page.close()


def height_of(page) -> int:
    return page.viewport_size["height"]


def present_day(page) -> str:
    return page.locator(".cm-day").inner_text()


def next_day(page, before: str, settle: bool = True) -> str:
    """The day shown once it is no longer `before`; playing, it is read at once (it moves on)."""
    page.wait_for_function("(before) => { const e = document.querySelector('.cm-day'); "
                           "return e && e.innerText !== before; }", arg=before, timeout=30000, polling=50)
    if not settle:
        return present_day(page)
    settled(page)
    return present_day(page)


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_present_fits_a_projector(browser, app_url, width, height):
    """Every control's label whole, the map inside the screen, the date said once, what changed listed."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(app_url + "/present?day=2024-02-29")
    page.locator(".cm-day").wait_for(timeout=30000)
    settled(page)
    assert present_day(page) == "29 February 2024"
    cut = page.evaluate("""() => [...document.querySelectorAll("[data-testid='stMain'] button, "
        + "[data-testid='stMain'] label, [data-testid='stMain'] [data-testid='stMarkdownContainer'] p")]
        .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""")
    assert cut == []
    image = page.locator(".st-key-present_frame img").bounding_box()
    assert image["width"] > width / 3 and image["y"] + image["height"] <= height
    assert page.locator("[data-testid='stMain']").inner_text().count("29 February 2024") == 1
    assert any("Avdiivka: claimed taken" in line for line in page.locator(".cm-changes li").all_inner_texts())
    assert app_errors(page) == []
    if SHOTS and width == 1280:
        page.screenshot(path=SHOTS / "present.png")
    page.close()


def test_present_keys_and_link(browser, app_url):
    """Arrows and a clicker's Page Up/Down step; Space plays; the URL holds the step, so a reload resumes."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(app_url + "/present?day=2024-02-29")
    page.locator(".cm-day").wait_for(timeout=30000)
    settled(page)
    seen = [present_day(page)]
    for key in ("ArrowRight", "PageDown", "PageUp", "ArrowLeft"):
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.keyboard.press(key)
        seen.append(next_day(page, seen[-1]))
    assert seen == ["29 February 2024", "29 March 2024", "29 April 2024", "29 March 2024", "29 February 2024"]
    page.keyboard.press("ArrowRight")
    seen.append(next_day(page, seen[-1]))
    assert "day=2024-03-29" in page.url
    page.reload()
    page.locator(".cm-day").wait_for(timeout=30000)
    assert present_day(page) == "29 March 2024"
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Space")
    assert next_day(page, "29 March 2024", settle=False) == "29 April 2024"
    page.keyboard.press("Space")
    settled(page)
    page.get_by_role("spinbutton", name="year, Jump to a date").click()  # jump: typed, then Enter
    page.keyboard.type("20231231")
    page.keyboard.press("Enter")
    page.mouse.click(10, height_of(page) - 10)
    page.wait_for_function("document.querySelector('.cm-day').innerText === '31 December 2023'", timeout=30000)
    assert app_errors(page) == []
    page.close()


def test_a_row_click_opens_its_event(browser, app_url, samples_events):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.goto(app_url + "/events")
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=30000)
    settled(page)
    third = filters.apply(samples_events, filters.View(min_confidence=0.0))[2]
    quote = " ".join(third["sources"][0]["quote"].split()[:5])
    shown = "() => [...document.querySelectorAll('blockquote')].map(e => e.innerText.replace(/\\s+/g, ' ')).join('|')"
    assert quote not in page.evaluate(shown)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 120, box["y"] + 35 * 3 + 17)  # a cell of the third row, under the header
    page.wait_for_function(f"(quote) => ({shown})().includes(quote)", arg=quote, timeout=15000)
    assert app_errors(page) == []
    page.close()
