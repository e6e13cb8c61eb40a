"""What leaves the app: the CSV with a row per source, exports headed by the view's title and date, the
CLI's count of what an image draws, when the store last changed, and the view in a link's URL."""
import csv
import subprocess
import sys
from datetime import date

from conflictmap import export, filters, freshness, store, urlstate
from conflictmap.config import ROOT, settings


def test_csv_has_a_row_per_source_and_says_which(samples_events):
    event = max(samples_events, key=lambda e: len(e["sources"]))
    rows = list(csv.DictReader(export.events_csv([event]).splitlines()))
    n = len(event["sources"])
    assert n > 2 and len(rows) == n
    assert [r["source"] for r in rows] == [f"{i} of {n}" for i in range(1, n + 1)]
    assert [r["url"] for r in rows] == [s["url"] for s in event["sources"]]
    assert [r["quote"] for r in rows] == [s["quote"] for s in event["sources"]]
    assert {r["place"] for r in rows} == {event["place"]}


def test_html_export_is_headed_by_title_and_date(samples_events, tmp_path):
    out = tmp_path / "map.html"
    shown = filters.apply(samples_events, filters.View(as_of=date(2024, 10, 31)))
    export.write("html", shown, out, settings().geodata, as_of=date(2024, 10, 31), title="Donbas <b>in</b> 2024")
    html = out.read_text(encoding="utf-8")
    assert "<title>Donbas &lt;b&gt;in&lt;/b&gt; 2024 · as of 31 October 2024</title>" in html
    heading = html[html.index('class="cm-heading"'):]
    assert "Donbas &lt;b&gt;in&lt;/b&gt; 2024" in heading[:600] and "as of 31 October 2024" in heading[:600]


def test_cli_counts_what_an_as_of_image_draws(samples_db, tmp_path):
    out = tmp_path / "front.png"
    result = subprocess.run([sys.executable, "-m", "conflictmap", "export", "--format", "png", "--as-of", "2024-10-31",
                             "--db", str(samples_db), "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    events = store.merged_events(store.connect(samples_db))
    drawn = filters.apply(events, filters.View(as_of=date(2024, 10, 31), min_confidence=settings().min_confidence))
    assert f"{len(drawn)} events -> " in result.stderr
    assert len(drawn) < len(filters.apply(events, filters.View(min_confidence=settings().min_confidence)))


def test_the_store_says_when_it_changed(samples_db, tmp_path):
    updated = freshness.last_updated(store.connect(samples_db))
    assert updated[0] == "2025-10-28" and updated[1][:4] >= "2025"
    assert freshness.sentence(updated).startswith("Newest article 28 Oct 2025 · last ingest ")
    assert freshness.last_updated(store.connect(tmp_path / "empty.sqlite", create=True)) is None
    assert freshness.sentence(None) == "The store holds no articles yet."


def test_url_keeps_the_strike_window_and_the_held_by_layer():
    view = filters.View(as_of=date(2024, 10, 31), strike_days=30)
    state = urlstate.MapState(held=True)
    params = urlstate.to_params(view, state)
    assert params == {"asof": "2024-10-31", "strikes": "30", "held": "1"}
    assert urlstate.from_params(params) == (view, state)


def test_url_leaves_out_the_default_window_and_layer_and_reads_bad_ones_as_default():
    assert urlstate.to_params(filters.View(as_of=date(2024, 10, 31)), urlstate.MapState()) == {"asof": "2024-10-31"}
    # a date range has no strike window: the parameter would say nothing about what is shown
    assert "strikes" not in urlstate.to_params(filters.View(strike_days=30), urlstate.MapState())
    for bad in ("0", "-3", "366", "a week", "7.5", ""):
        view, _ = urlstate.from_params({"asof": "2024-10-31", "strikes": bad})
        assert view == filters.View(as_of=date(2024, 10, 31)), bad
    for off in ("0", "no", "", "held"):
        assert urlstate.from_params({"held": off})[1].held is False
    assert urlstate.from_params({"held": "true"})[1].held is True
