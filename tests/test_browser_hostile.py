"""A hostile article in the running app, in headless Chromium: no page fetches anything from another host.

Article text, quotes, file names, outlets, links and correction reasons are the author's; Markdown in them
(an image, a heading, a link after a blank line) or raw HTML would make the reader's browser call the
author's server just by opening the article. Every request to a host other than the app's is counted.
"""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from conftest import start_app, write_article

from conflictmap import corrections, pipeline, store
from conflictmap.config import settings

pytestmark = pytest.mark.browser
MARKDOWN = "![p](http://img.test/p.png)"
HOSTILE = f"""Russian forces captured Kurakhove on Monday, the ministry said. {MARKDOWN}

# A heading from the author

[a link after a blank line](http://link.test/l) and ![second](http://img.test/second.png)

<img src="http://img.test/raw.png"> <link rel="stylesheet" href="http://css.test/s.css">
<iframe src="http://frame.test/f"></iframe> <video poster="http://img.test/poster.png"></video>
<div style="background:url(http://css.test/bg.png)">styled</div> :red[coloured] $x^2$ <http://auto.test/a>
"""

AUTHORS_MARKUP = "h1:has-text('A heading'), img[src*='.test'], a[href*='link.test'], iframe[src*='.test']"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory, gaz):
    """The app on a store holding one hostile article (file name, outlet and link too) and a hostile correction."""
    folder = tmp_path_factory.mktemp("hostile-md")
    write_article(folder, "![f](http:__img.test_f.png).txt", HOSTILE, "2025-01-08",
                  outlet="![o](http://img.test/o.png)", url="https://example.org/![u](http://img.test/u.png)")
    conf = replace(settings(), db=folder / "h.sqlite")
    assert pipeline.ingest_paths([folder], None, conf, gaz).stored == 1
    engine = store.connect(conf.db)
    event = store.merged_events(engine)[0]
    corrections.add(engine, event, "date", "2025-01-06", f"see {MARKDOWN} and [here](http://link.test/r)")
    proc, url = start_app(conf.db)
    yield url
    proc.terminate()
    proc.wait(10)


def test_no_page_fetches_from_another_host(browser, hostile_app):
    own = urlsplit(hostile_app).netloc
    outside: list[str] = []

    def route(r):
        if urlsplit(r.request.url).netloc == own:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context = browser.new_context(viewport={"width": 1400, "height": 950})
    context.route("**/*", route)
    page = context.new_page()
    page.goto(hostile_app + "/?cluster=0")
    frame = page.frame_locator("iframe[title*='st_folium']")
    frame.locator(".cm-marker").first.wait_for(timeout=30000)
    frame.locator(".cm-marker").first.dispatch_event("click")
    frame.locator(".leaflet-popup-content").wait_for(timeout=10000)

    page.goto(f"{hostile_app}/articles")
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("A heading from the author").first.wait_for(timeout=30000)
    text = main.inner_text()
    assert MARKDOWN in text and "# A heading from the author" in text  # shown as the author wrote it
    assert "<img src=\"http://img.test/raw.png\">" in text
    assert main.locator(AUTHORS_MARKUP).count() == 0

    page.goto(f"{hostile_app}/events")
    main.get_by_text("Open an event").first.wait_for(timeout=30000)
    page.get_by_text("Whole article").first.click()
    main.get_by_text("A heading from the author").first.wait_for(timeout=30000)
    main.get_by_text("[here](http://link.test/r)", exact=False).first.wait_for(timeout=30000)
    assert MARKDOWN in main.inner_text() and main.locator(AUTHORS_MARKUP).count() == 0

    for path, ready in (("add_articles", "Add to the map"), ("present", "Forward"), ("gazetteer", "Add a missing place")):
        page.goto(f"{hostile_app}/{path}")
        main.get_by_text(ready).first.wait_for(timeout=30000)
    page.get_by_label("Find a place by any spelling").fill(MARKDOWN)
    page.get_by_label("Find a place by any spelling").press("Enter")
    main.get_by_text("No place is called").first.wait_for(timeout=30000)
    assert MARKDOWN in main.inner_text()
    page.wait_for_timeout(1000)
    assert main.locator(AUTHORS_MARKUP).count() == 0
    context.close()
    assert outside == []


def test_a_marker_title_shows_the_name_as_written(browser, tmp_path):
    """The marker's title (its native tooltip) is text: no `&#x27;` for an apostrophe, no markup run."""
    from conflictmap import export

    name = "Mar'yinka <b>&amp;</b>"
    event = {"place": name, "other_names": [], "kind": "settlement", "lat": 47.94, "lon": 37.5, "status": "claimed",
             "date": "2023-12-25", "claimant": "", "sources": [{"quote": "q", "outlet": "o", "published": "2023-12-28",
                                                                "url": "", "article": "a.txt", "surface": ""}]}
    page_file = tmp_path / "title.html"
    page_file.write_text(export.events_html([event], settings().geodata), encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    marker = page.locator(".cm-marker").first
    marker.wait_for(timeout=15000)
    assert marker.get_attribute("title") == "Mar'yinka <b>&amp;</b> — claimed"
    page.close()
