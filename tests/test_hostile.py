"""Hostile input everywhere it can reach: exports, pages, odd files. Shown as text, refused with a reason."""
import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from conftest import write_article

from conflictmap import export, pipeline, store
from conflictmap.articles import read_bytes, read_manifest

FORMULA = '=HYPERLINK("http://evil.example","click")'
HOSTILE = ("Russian forces captured Kurakhove on Monday <script>window.__pwned=1</script>"
           "<img src=x onerror=\"window.__pwned=1\"> ${window.__pwned=1} `x` </script> =1+1.")


@pytest.fixture(scope="module")
def hostile_events(tmp_path_factory, gaz):
    from conflictmap.config import settings

    folder = tmp_path_factory.mktemp("hostile")
    write_article(folder, "evil.txt", HOSTILE, "2025-01-08", outlet=FORMULA.replace('"', "'"),
                  url="javascript:window.__pwned=1")
    conf = replace(settings(), db=folder / "h.sqlite")
    pipeline.ingest_paths([folder], None, conf, gaz)
    events = store.merged_events(store.connect(conf.db))
    assert events
    return events


def test_csv_neutralises_formulas(hostile_events):
    rows = list(csv.DictReader(export.events_csv(hostile_events).splitlines()))
    assert rows[0]["outlets"].startswith("'=HYPERLINK")
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_kml_is_well_formed_and_text_only(hostile_events):
    root = ET.fromstring(export.events_kml(hostile_events).encode("utf-8"))
    assert not list(root.iter("script")) and not list(root.iter("{http://www.opengis.net/kml/2.2}script"))
    description = next(root.iter("{http://www.opengis.net/kml/2.2}description")).text
    assert description and "<script>" in "".join(e.text or "" for e in root.iter())


def test_geojson_keeps_text_as_data(hostile_events):
    data = json.loads(json.dumps(export.events_geojson(hostile_events)))
    assert "<script>window.__pwned=1</script>" in data["features"][0]["properties"]["quote"]


@pytest.mark.parametrize("name, raw, expected", [
    ("truncated.txt", "date 2025-01-06 Russian forces captured Kurakhove — ".encode()[:-2], "publication date"),
    ("utf16.txt", "date 2025-01-06 Russian forces captured Kurakhove.".encode("utf-16-le"), "publication date"),
    ("cp1251.txt", "date 2025-01-06 Війська захопили Курахове.".encode("cp1251"), "publication date"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "refused: binary"),
    ("empty.txt", b"   \n\t ", "refused: the file is empty"),
    ("page.html", b"<html><script>evil()</script><body><p>date 2025-01-06 Russian forces captured Kurakhove "
                  b"on Monday, officials said in a long statement.</p></body></html>", "publication date"),
])
def test_odd_files(name, raw, expected):
    result = read_bytes(name, raw, None, 5_000_000)
    assert result.message.startswith(expected)
    if result.ok:
        assert "evil()" not in result.article.text and "\x00" not in result.article.text
        assert "Kurakhove" in result.article.text or "Курахове" in result.article.text


def test_huge_file_refused_before_reading(conf, gaz, tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    big = folder / "fifty.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    report = pipeline.ingest_paths([folder], None, conf, gaz)
    assert report.refused == 1 and "52.4 MB is over the 5 MB limit" in report.lines[-1]


def test_manifest_with_missing_columns(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("name,date\na.txt,2025-01-01\n", encoding="utf-8")
    rows, problems = read_manifest(path)
    assert rows == {} and "needs a header with at least `file`" in problems[0]
    path.write_text("file,published\na.txt,07/02/2025\nb.txt,2025-02-07\n", encoding="utf-8")
    rows, problems = read_manifest(path)
    assert list(rows) == ["b.txt"] and "manifest.csv:2: published '07/02/2025'" in problems[0]


def test_app_defaults_are_safe():
    import tomllib

    from conflictmap.config import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 50
    assert config["client"]["showErrorDetails"] == "none"


class _WritesMarker:
    """A pickle that, when loaded, creates the file `marker`: what a hostile gazetteer.cache could do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        from pathlib import Path

        return Path.touch, (Path(self.marker),)


def test_a_received_gazetteer_cache_is_never_run(tmp_path):
    import pickle

    from conflictmap.config import settings

    conf = replace(settings(), db=tmp_path / "store.sqlite")
    marker = tmp_path / "pwned"
    cache = tmp_path / "gazetteer.cache"
    cache.write_bytes(pickle.dumps((_WritesMarker(marker), _WritesMarker(marker))))
    gaz = pipeline.load_gazetteer(conf)
    assert not marker.exists()
    assert len(gaz) > 30_000 and [m.surface for m in gaz.find("Toretsk and Kupiansk")] == ["Toretsk", "Kupiansk"]
    assert not cache.read_bytes().startswith(b"\x80")  # rewritten as data, not a pickle
    again = pipeline.load_gazetteer(conf)  # and the rewritten cache is used
    assert len(again) == len(gaz) and [p.id for p in again.lookup("Toretsk")] == [p.id for p in gaz.lookup("Toretsk")]


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # cut short
    lambda raw: raw.replace(b'"lat"', b'"lag"', 1),  # a column missing
    lambda raw: raw.replace(b'"lat":[', b'"lat":["48",', 1),  # a coordinate that is not a number
    lambda raw: raw.replace(b'"how":[', b'"how":[9', 1),  # an index out of range
])
def test_a_damaged_gazetteer_cache_is_rebuilt(tmp_path, damage):
    from conflictmap.config import settings

    conf = replace(settings(), db=tmp_path / "store.sqlite")
    first = pipeline.load_gazetteer(conf)
    cache = tmp_path / "gazetteer.cache"
    cache.write_bytes(damage(cache.read_bytes()))
    again = pipeline.load_gazetteer(conf)
    assert len(again) == len(first) and again.places == first.places
