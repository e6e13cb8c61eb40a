"""AppTest of every page: inputs changed, what the user would see asserted (the map by its arguments)."""
import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from conflictmap import filters
from conflictmap.config import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(samples_db, monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_DB", str(samples_db))
    return AppTest.from_file(APP, default_timeout=60)


def map_args(at) -> dict:
    (component,) = [el for el in at.main if getattr(el, "type", "") == "component_instance"]
    return json.loads(component.proto.json_args)


def markers(at) -> int:
    """Events on the map: features in the layer pushed to the map (one per event)."""
    return map_args(at)["feature_group"].count('"type": "Feature"')


def test_map_has_one_marker_per_event(app, samples_events):
    at = app.run()
    assert not at.exception
    expected = filters.apply(samples_events, filters.View())
    assert markers(at) == len(expected) > 40
    assert at.caption[0].value.startswith(filters.summary(expected))
    args = map_args(at)
    assert args["returned_objects"] == [] and all(link.startswith("/app/static/") for link in args["js_links"])


def test_status_filter(app, samples_events):
    at = app.run()
    at.sidebar.multiselect(key="statuses").set_value(["struck"]).run()
    struck = filters.apply(samples_events, filters.View(statuses=("struck",)))
    assert markers(at) == len(struck) > 5
    assert '"status": "claimed"' not in map_args(at)["feature_group"]


def test_time_slider_changes_the_count(app, samples_events):
    at = app.run()
    everything = markers(at)
    at.sidebar.slider(key="dates").set_value((date(2025, 1, 1), date(2025, 3, 31))).run()
    window = filters.apply(samples_events, filters.View(start=date(2025, 1, 1), end=date(2025, 3, 31)))
    assert markers(at) == len(window) < everything


def test_popup_quotes_its_sources(app):
    at = app.run()
    layer = map_args(at)["feature_group"]
    assert "cm-popup" in layer and "Reported by" in layer and "example.org" in layer


def test_empty_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_DB", str(tmp_path / "empty.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "store is empty" in at.info[0].value
    assert markers(at) == 0


def test_events_page_search_and_sources(app, samples_events):
    at = app.run()
    at.switch_page("pages/events.py").run()
    assert not at.exception
    at.text_input(key="search").set_value("Avdiivka").run()
    table = at.dataframe[0].value
    assert "Avdiivka" in set(table["place"]) and len(table) < len(filters.table_rows(samples_events))
    assert any("Avdiivka" in md.value and "<mark>" in md.value for md in at.markdown)


def test_add_page_without_files_warns(app):
    at = app.run()
    at.switch_page("pages/add_articles.py").run()
    assert not at.exception
    at.button[0].click().run()
    assert "Choose at least one file" in at.warning[0].value
