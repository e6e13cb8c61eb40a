"""AppTest of every page: inputs changed, what the user would see asserted (the map by its arguments)."""
import base64
import json
import re
import zlib
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from conflictmap import filters, mapview
from conflictmap.config import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(samples_db, monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_DB", str(samples_db))
    return AppTest.from_file(APP, default_timeout=60)


def map_args(at) -> dict:
    (component,) = [el for el in at.main if getattr(el, "type", "") == "component_instance"]
    return json.loads(component.proto.json_args)


def map_events(at) -> dict:
    """The events pushed to the map (mapview.events_data), unpacked as the browser unpacks them."""
    packed = re.search(r', "([A-Za-z0-9+/=]+)", ', map_args(at)["feature_group"]).group(1)
    return json.loads(zlib.decompress(base64.b64decode(packed)))


def markers(at) -> int:
    """Events on the map (one marker or region shape each)."""
    return len(map_events(at)["lat"])


def test_map_has_one_marker_per_event(app, samples_events):
    at = app.run()
    assert not at.exception
    expected = filters.apply(samples_events, filters.View())
    assert markers(at) == len(expected) > 40
    assert at.caption[0].value.startswith(filters.summary(expected))
    args = map_args(at)
    # only the map position comes back (for the URL): no click or hover reruns the page
    assert args["returned_objects"] == ["center", "zoom"]
    assert all(link.startswith("/app/static/") for link in args["js_links"])


def test_the_basemap_is_fetched_not_sent_with_every_run(app):
    """Outlines and town names (650 kB) are a static file the map fetches once, not part of each run's map."""
    args = map_args(app.run())
    (url,) = set(re.findall(r'"(/app/static/data/basemap-offline-[0-9a-f]{16}\.json)"', args["script"]))
    assert len(json.dumps(args)) < 150_000
    served = json.loads((ROOT / "static" / url.removeprefix("/app/static/")).read_text(encoding="utf-8"))
    assert {"countries", "oblasts", "rivers", "towns"} <= served.keys()
    assert served["countries"]["features"][0]["properties"]["style"]["fillOpacity"] == 0.55
    assert "Kramatorsk" in served["towns"]["name"]


def test_map_says_when_the_store_was_last_updated(app, samples_events):
    at = app.run()
    newest = max(s["published"] for e in samples_events for s in e["sources"])
    assert any(c.value.startswith(f"Newest article {date.fromisoformat(newest):%d %b %Y} · last ingest ")
               for c in at.caption)


def test_status_filter(app, samples_events):
    at = app.run()
    at.sidebar.multiselect(key="statuses").set_value(["struck"]).run()
    struck = filters.apply(samples_events, filters.View(statuses=("struck",)))
    assert markers(at) == len(struck) > 5
    data = map_events(at)
    assert {data["styles"][i][0] for i in data["status"]} == {"struck"}


def test_time_slider_changes_the_count(app, samples_events):
    at = app.run()
    everything = markers(at)
    at.sidebar.slider(key="dates").set_value((date(2025, 1, 1), date(2025, 3, 31))).run()
    window = filters.apply(samples_events, filters.View(start=date(2025, 1, 1), end=date(2025, 3, 31)))
    assert markers(at) == len(window) < everything


def test_popup_quotes_its_sources(app, samples_events):
    """Each event carries its sources for the popup (the browser writes it: test_browser): the quote
    with the place marked, the outlet, the link and the date."""
    at = app.run()
    data = map_events(at)
    shown = filters.apply(samples_events, filters.View())
    assert len(data["quote"]) == sum(min(len(e["sources"]), mapview.MAX_SOURCES_IN_POPUP) for e in shown)
    assert all("<mark>" in q for q in data["quote"][:5])
    assert all(url.startswith("https://example.org/") for url in data["urls"])
    assert {e["outlet"] for e in shown} <= set(data["labels"])


def test_empty_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_DB", str(tmp_path / "empty.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "store is empty" in at.info[0].value
    assert markers(at) == 0


def test_events_page_search_and_sources(app, samples_events):
    at = app.run()
    at.switch_page("views/events.py").run()
    assert not at.exception
    at.text_input(key="search").set_value("Avdiivka").run()
    table = at.dataframe[0].value
    assert "Avdiivka" in set(table["place"]) and len(table) < len(filters.table_rows(samples_events))
    assert any("Avdiivka" in h.proto.body and "<mark>" in h.proto.body for h in at.main.get("html"))


def test_add_page_without_files_warns(app):
    at = app.run()
    at.switch_page("views/add_articles.py").run()
    assert not at.exception
    at.button[0].click().run()
    assert "Choose at least one file" in at.warning[0].value


@pytest.fixture
def scratch(samples_db, tmp_path, monkeypatch):
    """A copy of the demo store and of gazetteer.yaml that a test may change."""
    import shutil
    import sqlite3

    db, gazetteer = tmp_path / "scratch.sqlite", tmp_path / "gazetteer.yaml"
    with sqlite3.connect(samples_db) as source, sqlite3.connect(db) as target:
        source.backup(target)  # a file copy would miss what is still in the write-ahead log
    shutil.copyfile(ROOT / "gazetteer.yaml", gazetteer)
    monkeypatch.setenv("CONFLICTMAP_DB", str(db))
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(gazetteer))
    return db, gazetteer


def test_url_reopens_the_view(app, samples_events):
    app.query_params.update({"status": "struck", "sources": "2", "cluster": "0"})
    at = app.run()
    expected = filters.apply(samples_events, filters.View(statuses=("struck",), min_sources=2))
    assert markers(at) == len(expected) > 0
    assert at.sidebar.multiselect(key="statuses").value == ["struck"]
    assert at.sidebar.checkbox(key="cluster").value is False
    assert at.query_params["status"] == "struck" and at.query_params["sources"] == "2"


def test_as_of_shows_each_places_latest_status(app, samples_events):
    app.query_params["asof"] = "2024-10-31"
    at = app.run()
    expected = filters.latest_status(samples_events, date(2024, 10, 31))
    expected = [e for e in expected if e["confidence"] >= 0.5]
    assert at.sidebar.radio(key="mode").value == "As of"
    assert "as of 31 Oct 2024" in at.caption[0].value
    assert 0 < markers(at) <= len({e["place_id"] for e in samples_events})


def test_place_search_centres_the_map(app):
    at = app.run()
    at.text_input(key="place_search").set_value("Dzerzhinsk").run()
    assert any("Centred on Toretsk" in c.value for c in at.caption)
    assert map_args(at)["center"] == pytest.approx([48.39, 37.85], abs=0.05)


def button(at, label):
    return next(b for b in at.button if b.label == label)


def correct(at, field, reason, **inputs):
    at.selectbox(key="field").set_value(field).run()
    for key, value in inputs.items():
        (at.selectbox if key == "new_status" else at.text_input)(key=key).set_value(value)
    at.text_input(key="reason").set_value(reason)
    button(at, "Save correction").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Correction saved" in at.success[0].value


def test_each_correction_shows_at_once_and_undoes(scratch):
    """Status (from a select box), date, place and "not an event": the table shows each at once, and its
    Undo, listed below, restores the event, also without a reload."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/events.py").run()
    at.text_input(key="search").set_value("Enerhodar").run()
    table = lambda: at.dataframe[0].value  # noqa: E731
    before = table().copy()
    assert set(before["status"]) == {"claimed"} and not [b for b in at.button if b.label == "Undo"]
    assert at.selectbox(key="field").set_value("status").run().selectbox(key="new_status").options == [
        "contested", "struck"]
    changes = [("status", {"new_status": "contested"}, lambda t: t["status"].tolist().count("contested") == 1),
               ("date", {"new_date": "2022-03-04"}, lambda t: "2022-03-04" in set(t["date"])),
               ("place", {"new_place": "Dzerzhinsk"}, lambda t: "Toretsk" in set(t["place"])),
               ("not_event", {}, lambda t: len(t) == len(before) - 1)]
    for field, inputs, shows in changes:
        correct(at, field, f"checking {field}", **inputs)
        assert shows(table()), field
        assert [b.label for b in at.button].count("Undo") == 1
        assert any(f"checking {field}" in t.value for t in at.text)
        button(at, "Undo").click().run()
        assert not shows(table()) and table()["status"].tolist() == before["status"].tolist(), field
        assert not [b for b in at.button if b.label == "Undo"]


def test_a_wrong_correction_is_said(scratch):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/events.py").run()
    at.selectbox(key="field").set_value("place").run()
    at.text_input(key="new_place").set_value("Nowhereville")
    at.text_input(key="reason").set_value("a test")
    button(at, "Save correction").click().run()
    assert "no place called" in at.error[0].value and "Nowhereville" in at.error[0].value and not at.success


def test_events_search_finds_a_place_by_any_spelling(app):
    at = app.run()
    at.switch_page("views/events.py").run()
    at.text_input(key="search").set_value("Artemivsk").run()
    assert not at.exception
    assert "Bakhmut" in set(at.dataframe[0].value["place"])


def test_articles_page_highlights_places(app):
    at = app.run()
    at.switch_page("views/articles.py").run()
    assert not at.exception
    assert any('<mark class="' in el.proto.body for el in at.get("html"))  # st.html: no Markdown reads the text
    assert len(at.dataframe[0].value) >= 1


def test_gazetteer_page_adds_an_alias(scratch):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/gazetteer.py").run()
    at.text_input(key="gaz_query").set_value("Toretsk").run()
    assert "Toretsk" in at.dataframe[0].value["name"].tolist()
    at.text_input(key="alias_name").set_value("Toretsk-on-Test")
    next(b for b in at.button if b.label == "Check what it changes").click().run()
    assert "would find Toretsk" in at.info[0].value and "Toretsk-on-Test" not in scratch[1].read_text(encoding="utf-8")
    next(b for b in at.button if b.label == "Add name").click().run()
    assert "now finds Toretsk" in at.success[0].value and "No stored article uses the name yet" in at.success[0].value
    assert "Toretsk-on-Test" in scratch[1].read_text(encoding="utf-8")


def test_broken_gazetteer_keeps_the_last_good_one(scratch):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/gazetteer.py").run()  # a good load keeps a copy
    scratch[1].write_text("places: [oops\n", encoding="utf-8")
    at.run()
    shown = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]  # Markdown's escapes are not shown
    assert any("gazetteer.yaml:2" in w and "last good" in w for w in shown)
    at.text_input(key="gaz_query").set_value("Toretsk").run()
    assert "Toretsk" in at.dataframe[0].value["name"].tolist()


def test_presentation_steps_through_time(app, samples_events):
    at = app.run()
    at.switch_page("views/present.py").run()
    assert not at.exception
    html = lambda: at.main.get("html")[0].proto.body  # noqa: E731
    heading = lambda: re.search(r'<h1 class="cm-day">([^<]+)</h1>', html()).group(1)  # noqa: E731
    first = heading()
    assert first == "30 June 2022" and at.query_params["day"] == "2022-06-30"
    next(b for b in at.button if "Forward" in b.label).click().run()
    assert heading() == "30 July 2022" and at.query_params["day"] == "2022-07-30"
    assert [el for el in at.main if getattr(el, "type", "") == "image"]
    next(b for b in at.button if "Back" in b.label).click().run()
    assert heading() == first


def download_labels(at) -> set[str]:
    return {el.proto.label for el in at.main if getattr(el, "type", "") == "download_button"}


def test_snapshot_download(app):
    at = app.run()
    at.selectbox(key="snap_size").set_value("social")
    next(b for b in at.button if b.label == "Make snapshot").click().run()
    assert not at.exception
    assert "Download PNG" in download_labels(at)


def test_data_downloads_are_prepared_for_the_view(app):
    at = app.run()
    assert not {"Events as CSV (one row per source)"} & download_labels(at)
    next(b for b in at.button if b.label.startswith("Prepare data downloads")).click().run()
    assert not at.exception
    assert {"Events as CSV (one row per source)", "Events as GEOJSON (every source)",
            "Events as KML (every source)"} <= download_labels(at)
    at.run()  # a rerun of the same view (the map moved) keeps them
    assert "Events as CSV (one row per source)" in download_labels(at)


def test_events_page_csv_download_neutralises_formulas(tmp_path, gaz, monkeypatch):
    """The table's own CSV export is switched off (it cannot neutralise); the page's CSV button does."""
    import csv
    import tomllib
    from dataclasses import replace

    from conftest import write_article
    from streamlit.runtime.media_file_manager import MediaFileManager

    from conflictmap import pipeline
    from conflictmap.config import settings

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
    write_article(tmp_path, "evil.txt", "Russian forces captured Kurakhove on Monday. =1+1", "2025-01-08",
                  outlet="=HYPERLINK('http://evil.example','click')", url="https://example.org/evil")
    conf = replace(settings(), db=tmp_path / "hostile.sqlite")
    pipeline.ingest_paths([tmp_path], None, conf, gaz)
    monkeypatch.setenv("CONFLICTMAP_DB", str(conf.db))
    files = []
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred
    monkeypatch.setattr(MediaFileManager, "add", lambda self, data, mimetype, *a, **k: (
        files.append((mimetype, data)), add(self, data, mimetype, *a, **k))[1])
    monkeypatch.setattr(MediaFileManager, "add_deferred", lambda self, make, mimetype, *a, **k: (
        files.append((mimetype, make())), add_deferred(self, make, mimetype, *a, **k))[1])
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/events.py").run()
    assert not at.exception
    (data,) = [data for mimetype, data in files if mimetype.startswith("text/csv")]
    rows = list(csv.reader((data.decode() if isinstance(data, bytes) else data).splitlines()))
    assert len(rows) == 2 and "'=HYPERLINK('http://evil.example','click')" in rows[1]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


PAGES = ("views/map.py", "views/events.py", "views/articles.py", "views/add_articles.py", "views/gazetteer.py",
         "views/present.py")
EVERY_PAGE = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120).run()
for page in sys.argv[2:]:
    at.switch_page(page).run()
    for element in [*at.exception, *at.error, *at.warning]:
        print(page, type(element).__name__, str(element.value).splitlines()[0])
"""


def test_every_page_reads_a_read_only_store(read_only_store):
    import os
    import subprocess
    import sys

    db, prefix = read_only_store
    result = subprocess.run([*prefix, sys.executable, "-c", EVERY_PAGE, APP, *PAGES], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "CONFLICTMAP_DB": str(db)}, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "views/add_articles.py Warning The store is read-only (its file or folder cannot be written): "
        "articles cannot be added to it."]
