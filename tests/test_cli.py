"""The CLI as a user runs it: extract, ingest, export."""
import csv
import json
import subprocess
import sys

import pytest
from conftest import SAMPLES

from conflictmap.config import ROOT

REQUIRED = {"place", "kind", "status", "date", "claimant", "quote", "article", "outlet", "url", "published"}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "conflictmap", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, check=True, env=env)


def test_extract_writes_the_contract(tmp_path):
    out = tmp_path / "e.geojson"
    result = run("extract", SAMPLES, "--out", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) > 50
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 22 < lon < 50 and 43 < lat < 57
        assert REQUIRED <= feature["properties"].keys()
        assert feature["properties"]["status"] in ("claimed", "contested", "struck")
    assert "manifest.csv: used as the manifest" in result.stderr


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    """The demo corpus ingested once through the CLI, for the export tests (which only read it)."""
    db = tmp_path_factory.mktemp("cli") / "s.sqlite"
    run("ingest", SAMPLES, "--db", db)
    return db


def test_ingest_then_export(tmp_path):
    db = tmp_path / "s.sqlite"
    first = run("ingest", SAMPLES, "--db", db)
    again = run("ingest", SAMPLES, "--db", db)
    assert "0 articles stored" in again.stderr and "already stored" in again.stderr
    assert first.stderr.splitlines()[-1].split("holds")[1] == again.stderr.splitlines()[-1].split("holds")[1]

    geo = tmp_path / "events.geojson"
    run("export", "--format", "geojson", "--db", db, "--out", geo)
    features = json.loads(geo.read_text(encoding="utf-8"))["features"]
    merged = max(features, key=lambda f: len(f["properties"]["sources"]))
    assert len(merged["properties"]["sources"]) >= 5
    assert {"article", "outlet", "url", "published", "quote"} <= merged["properties"]["sources"][0].keys()
    assert {"first_reported", "last_reported"} <= merged["properties"].keys()

    table = tmp_path / "events.csv"
    run("export", "--format", "csv", "--db", db, "--from", "2025-01-01", "--to", "2025-12-31", "--out", table)
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert rows and all(r["date"][:4] == "2025" or "/" in r["date"] for r in rows)


def test_export_html_is_self_contained(tmp_path, cli_db):
    page = tmp_path / "map.html"
    run("export", "--format", "html", "--db", cli_db, "--out", page)
    html = page.read_text(encoding="utf-8")
    assert "L.map(" in html and "cm-marker" in html
    assert "<script src=" not in html and '<link rel="stylesheet" href=' not in html
    assert "https://cdn" not in html


@pytest.mark.parametrize("text, message, dates", [
    ("Russian forces captured Kurakhove.", "a.txt: refused: no publication date", []),
    (" date 2025-02-07 Russian forces captured Kurakhove on Monday.", "publication date taken from the text",
     ["2025-02-03"]),
])
def test_publication_date_without_manifest(tmp_path, text, message, dates):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    result = run("extract", folder, "--out", tmp_path / "e.geojson")
    assert message in result.stderr
    features = json.loads((tmp_path / "e.geojson").read_text())["features"]
    assert [f["properties"]["date"] for f in features] == dates


def test_gazetteer_lookup_and_check():
    lines = run("gazetteer", "lookup", "Dzerzhinsk").stdout.splitlines()
    assert json.loads(lines[0])["name"] == "Toretsk"
    assert "ok" in run("gazetteer", "check").stdout


def test_broken_gazetteer_is_reported(tmp_path):
    bad = tmp_path / "g.yaml"
    bad.write_text("places: [oops\n", encoding="utf-8")
    env = {**__import__("os").environ, "CONFLICTMAP_GAZETTEER": str(bad)}
    result = subprocess.run([sys.executable, "-m", "conflictmap", "gazetteer", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "g.yaml:2" in result.stderr


@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("gif", b"GIF8"), ("kml", b"<?xml")])
def test_export_images_and_kml(tmp_path, cli_db, fmt, magic):
    out = tmp_path / f"map.{fmt}"
    run("export", "--format", fmt, "--db", cli_db, "--as-of", "2025-02-07", "--size", "social", "--step", "month",
        "--status", "claimed,contested", "--out", out)
    assert out.read_bytes().startswith(magic)
    if fmt == "png":
        from PIL import Image
        assert Image.open(out).size == (1200, 675)


def test_export_rejects_a_bad_box(tmp_path):
    result = subprocess.run([sys.executable, "-m", "conflictmap", "export", "--format", "png", "--bbox", "40,50,30,45",
                             "--out", str(tmp_path / "x.png")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "the box is empty" in result.stderr


def test_a_read_only_store_can_be_read(tmp_path, read_only_store):
    db, prefix = read_only_store
    out = tmp_path / "events.csv"
    for args in (["export", "--format", "csv", "--out", out], ["corrections", "list"]):
        result = subprocess.run([*prefix, sys.executable, "-m", "conflictmap", *map(str, args), "--db", str(db)],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) > 30
    result = subprocess.run([*prefix, sys.executable, "-m", "conflictmap", "corrections", "undo", "1", "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr


def test_a_mistyped_store_path_is_refused(tmp_path):
    def fails(*args):
        result = subprocess.run([sys.executable, "-m", "conflictmap", *map(str, args)], cwd=ROOT, capture_output=True,
                                text=True)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        return result.stderr.strip().splitlines()[-1]

    typo = tmp_path / "no-such-folder" / "store.sqlite"
    assert fails("ingest", SAMPLES, "--db", typo) == f"error: --db {typo}: the folder {typo.parent} does not exist"
    assert not typo.parent.exists()
    missing = tmp_path / "missing.sqlite"
    message = f"error: {missing}: no such store (check the path, or ingest articles into it first)"
    assert fails("export", "--format", "csv", "--db", missing, "--out", tmp_path / "e.csv") == message
    assert fails("corrections", "list", "--db", missing) == message
    assert not missing.exists() and not (tmp_path / "e.csv").exists()
