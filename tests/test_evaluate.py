"""`evaluate`: the reference scorer's figures, and every error grouped by its cause."""
import json
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import SHARED

from conflictmap.config import ROOT
from conflictmap.evaluate import evaluate, load_gold, load_predictions, report_text

GOLD = """
places:  # the project's gazetteer coordinates
  Toretsk:        {lat: 48.395, lon: 37.848, kind: settlement, aliases: [Dzerzhynsk]}
  Kurakhove:      {lat: 47.985, lon: 37.281, kind: settlement}
  Avdiivka:       {lat: 48.140, lon: 37.750, kind: settlement}
  Pokrovsk:       {lat: 48.280, lon: 37.177, kind: settlement}
  Vuhledar:       {lat: 47.780, lon: 37.250, kind: settlement}
  Donetsk Oblast: {lat: 48.000, lon: 37.800, kind: region}
  Kyiv:           {lat: 50.455, lon: 30.524, kind: settlement}
articles:
  a.txt:
    events:
      - {place: Toretsk, status: claimed, date: 2025-02-07, side: russian, claimant: the defence ministry}
      - {place: Kurakhove, status: claimed, date: 2025-01}
      - {place: Avdiivka, status: claimed, date: 2024}
      - {place: Pokrovsk, status: contested, date: 2025-02-07}
      - {place: Vuhledar, status: claimed, date: 2024}
      - {place: Donetsk Oblast, status: contested, date: 2025-02-07, required: false}
    not_events: [Kyiv, Brussels]
  b.txt:
    events:
      - {place: Toretsk, status: contested, date: 2025-02-07, claimant: a brigade officer}
    not_events: []
"""


def feature(article, place, status, date, lat, lon, side="", claimant=""):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"place": place, "status": status, "date": date, "article": f"corpus/{article}",
                           "quote": f"{place} quote", "side": side, "claimant": claimant}}


FEATURES = [
    feature("a.txt", "Toretsk", "claimed", "2025-02-06", 48.40, 37.85, side="ukrainian"),  # side wrong; day +-1
    feature("a.txt", "Kurakhove", "claimed", "2025-02-07", 47.99, 37.28),  # date wrong
    feature("a.txt", "Avdiivka", "struck", "2024", 48.14, 37.75),  # status wrong
    feature("a.txt", "Pokrovsk", "contested", "2025-02-07", 47.98, 34.00),  # a far homonym
    feature("a.txt", "Donetsk Oblast", "contested", "2025-02-07", 48.0, 37.8),  # matches an optional event
    feature("a.txt", "Kyiv", "struck", "2025-02-07", 50.45, 30.52),  # listed in not_events
    feature("a.txt", "Brussels", "struck", "2025-02-07", 50.85, 4.35),  # named in not_events, not under places
    feature("a.txt", "Lviv", "struck", "2025-02-07", 49.84, 24.03),  # near no gold place
    feature("b.txt", "DZERZHYNSK", "contested", "2025-02-07", 48.40, 39.50, claimant="an officer"),  # alias, far
    feature("c.txt", "Kharkiv", "struck", "2025-02-07", 49.99, 36.23),  # article not annotated
]


@pytest.fixture
def files(tmp_path):
    gold, events = tmp_path / "gold.yaml", tmp_path / "events.geojson"
    gold.write_text(GOLD, encoding="utf-8")
    events.write_text(json.dumps({"type": "FeatureCollection", "features": FEATURES}), encoding="utf-8")
    return gold, events


@pytest.fixture
def result(files):
    return evaluate(load_gold(files[0]), load_predictions(files[1]))


def places(rows):
    return [(r["article"], r["place"], r["status"]) for r in rows]


def test_metrics(result):
    m = result["metrics"]
    assert (m["required"], m["found"], m["predicted"], m["matched"]) == (6, 2, 10, 3)
    assert (m["recall"], m["precision"], m["f1"], m["date_accuracy"]) == (0.333, 0.3, 0.316, 0.5)


def test_misses_by_cause(result):
    missed = result["errors"]["missed"]
    assert places(missed["place not found"]) == [("a.txt", "Vuhledar", "claimed")]
    assert places(missed["wrong status"]) == [("a.txt", "Avdiivka", "claimed")]
    assert missed["wrong status"][0]["predictions"][0]["status"] == "struck"
    far = {r["place"]: r["predictions"][0] for r in missed["homonym far"]}
    assert far.keys() == {"Pokrovsk", "Toretsk"}  # Toretsk by its alias, folded
    assert far["Pokrovsk"]["distance_km"] == pytest.approx(238.1, abs=0.1)
    assert far["Toretsk"]["place"] == "DZERZHYNSK" and far["Toretsk"]["distance_km"] > 15


def test_false_positives_by_cause(result):
    fps = result["errors"]["false_positive"]
    assert places(fps["wrong status"]) == [("a.txt", "Avdiivka", "struck")]
    assert fps["wrong status"][0]["quote"] == "Avdiivka quote"
    assert places(fps["homonym far"]) == [("a.txt", "Pokrovsk", "contested"), ("b.txt", "DZERZHYNSK", "contested")]
    assert fps["homonym far"][0]["distance_km"] > 15
    notes = {r["place"]: r["note"] for r in fps["not an event"]}
    assert notes == {"Kyiv": "listed in not_events as Kyiv", "Brussels": "listed in not_events as Brussels",
                     "Lviv": "near no gold place of the article", "Kharkiv": "the article is not in the gold file"}


def test_dates_and_sides(result):
    errors = result["errors"]
    assert [(r["place"], r["date"], r["got"]) for r in errors["date"]] == [("Kurakhove", "2025-01", ["2025-02-07"])]
    assert [(r["place"], r["gold_side"], r["side"]) for r in errors["side"]] == [("Toretsk", "russian", "ukrainian")]
    assert result["claimants"] == []  # b's claimant pair belongs to a miss; a's Toretsk is a side error


def test_claimants_are_information(tmp_path, files):
    gold = files[0]
    gold.write_text(GOLD.replace("side: russian, ", ""), encoding="utf-8")
    result = evaluate(load_gold(gold), load_predictions(files[1]))
    assert result["errors"]["side"] == []
    assert [(r["gold_claimant"], r["side"]) for r in result["claimants"]] == [("the defence ministry", "ukrainian")]


@pytest.mark.parametrize("got, right", [("2025-02-06", True), ("2025-02-08", True), ("2025-02-09", False),
                                        ("2025-02", False), ("not a date", False)])
def test_a_gold_day_is_widened_by_one_day(files, got, right):
    gold = load_gold(files[0])
    preds = load_predictions(files[1])[:1]
    preds[0] = replace(preds[0], date=got)
    assert evaluate(gold, preds)["metrics"]["date_accuracy"] == (1.0 if right else 0.0)


def test_points_are_read_as_the_scorer_reads_them(tmp_path, files):
    shape = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
             "properties": {"place": "Vuhledar", "status": "claimed", "date": "2024", "article": "a.txt",
                            "label_point": [37.249, 47.780]}}
    bare = {"type": "Feature", "geometry": None,
            "properties": {"place": "Vuhledar", "status": "claimed", "date": "2024", "article": "a.txt",
                           "lat": 47.78, "lon": 37.25}}
    events = tmp_path / "shapes.geojson"
    events.write_text(json.dumps({"type": "FeatureCollection", "features": [shape, bare]}), encoding="utf-8")
    assert evaluate(load_gold(files[0]), load_predictions(events))["metrics"]["matched"] == 2


def cli(*args):
    return subprocess.run([sys.executable, "-m", "conflictmap", "evaluate", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


def test_cli_text_and_json(files, result):
    text = cli(*files)
    assert text.returncode == 0
    assert text.stdout.splitlines()[-1] == ("recall 0.333 (2/6)  precision 0.300 (3/10)  F1 0.316  "
                                            "date accuracy 0.500")
    assert "    1  missed: place not found" in text.stdout and "    4  false positive: not an event" in text.stdout
    assert '"Pokrovsk quote"' in text.stdout and text.stdout == report_text(result) + "\n"
    as_json = cli(*files, "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout) == json.loads(json.dumps(result))


@pytest.mark.parametrize("gold, events, message", [
    (None, "missing.geojson", "missing.geojson: cannot read it"),
    ("places: [unclosed", None, "not valid YAML at line"),
    ("places: {}\narticles: {a.txt: {events: [{place: Nowhere, status: claimed, date: 2024}]}}", None,
     "'Nowhere' is not under places"),
    ("places: {X: {lat: 1, lon: 2, kind: settlement}}\narticles: {a.txt: {events: [{place: X, status: won, "
     "date: 2024}]}}", None, "status must be one of"),
    ("places: {X: {lat: 1, lon: 2, kind: settlement}}\narticles: {a.txt: {events: [{place: X, status: struck, "
     "date: last week}]}}", None, "not an EDTF date"),
    ("places: {X: {lat: north, lon: 2, kind: settlement}}\narticles: {}", None, "needs numeric lat and lon"),
    ("- just a list", None, "not a gold file"),
    (None, "{not json", "not valid JSON at line 1"),
    (None, '{"type": "FeatureCollection"}', "no list of features"),
    (None, '{"features": [{"geometry": {"type": "Point", "coordinates": ["x", 1]}}]}', "feature 1 is malformed"),
])
def test_bad_files_exit_2_with_one_line(tmp_path, files, gold, events, message):
    gold_path, events_path = files
    if gold is not None:
        gold_path.write_text(gold, encoding="utf-8")
    if events == "missing.geojson":
        events_path = tmp_path / events
    elif events is not None:
        events_path.write_text(events, encoding="utf-8")
    done = cli(gold_path, events_path)
    assert done.returncode == 2 and done.stdout == ""
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name, articles, manifest, gold", [
    ("corpus", "corpus", "corpus/manifest.csv", "gold/seeds.yaml"),
    ("acled_dev", "acled_dev/articles", "acled_dev/manifest.csv", "acled_dev/gold.yaml"),
    ("news_dev", "news_dev/articles", "news_dev/articles/manifest.csv", "news_dev/gold.yaml"),
])
def test_same_figures_as_the_reference_scorer(tmp_path, name, articles, manifest, gold):
    scorer = SHARED / "tools" / "score_events.py"
    if not (scorer.exists() and (SHARED / manifest).exists() and (SHARED / gold).exists()):
        pytest.skip(f"../shared/{name} is not here")
    out = tmp_path / "events.geojson"
    subprocess.run([sys.executable, "-m", "conflictmap", "extract", str(SHARED / articles), "--manifest",
                    str(SHARED / manifest), "--out", str(out)], check=True, cwd=ROOT, capture_output=True)
    reference = json.loads(subprocess.run([sys.executable, str(scorer), str(SHARED / gold), str(out), "--json"],
                                          check=True, capture_output=True, text=True).stdout)
    ours = evaluate(load_gold(SHARED / gold), load_predictions(out))
    keys = ("required", "found", "recall", "predicted", "precision", "f1", "date_accuracy")
    assert {k: ours["metrics"][k] for k in keys} == {k: reference[k] for k in keys}
    errors = ours["errors"]
    assert sum(map(len, errors["missed"].values())) == len(reference["misses"])
    annotated = [r for rows in errors["false_positive"].values() for r in rows
                 if r.get("note") != "the article is not in the gold file"]
    assert len(annotated) == len(reference["false_positives"])
    assert len(errors["date"]) == len(reference["wrong_dates"])
