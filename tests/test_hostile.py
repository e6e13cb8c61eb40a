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


def _zip_bytes(members: dict[str, bytes], method: int = 8) -> bytes:  # 8: deflate
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _patch_member(raw: bytes, name: str, *, flags=None, method=None, crc=None, size=None, data=None) -> bytes:
    """The zip with one member's headers (local and central, as a tool that lies would write both) changed."""
    import struct

    out = bytearray(raw)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        name_len, = struct.unpack_from("<H", out, central + 28)
        if out[central + 46:central + 46 + name_len] == name.encode():
            break
        central = out.find(b"PK\x01\x02", central + 4)
    local, = struct.unpack_from("<I", out, central + 42)
    for head, flag_at in ((local, 6), (central, 8)):  # the same fields sit 2 bytes further in the central entry
        shift = flag_at - 6
        if flags is not None:
            struct.pack_into("<H", out, head + 6 + shift, flags)
        if method is not None:
            struct.pack_into("<H", out, head + 8 + shift, method)
        if crc is not None:
            struct.pack_into("<I", out, head + 14 + shift, crc)
        if size is not None:
            struct.pack_into("<I", out, head + 22 + shift, size)
    if data is not None:
        name_len, extra_len = struct.unpack_from("<HH", out, local + 26)
        start = local + 30 + name_len + extra_len
        out[start:start + len(data)] = data
    return bytes(out)


def _dated(n: int, place: str = "Kurakhove") -> bytes:
    return f"date 2025-01-06\nRussian forces captured {place} on Monday, report {n} says.".encode()


def test_bad_zip_members_are_refused_one_by_one(conf, gaz):
    names = ["first.txt", "encrypted.txt", "bad-crc.txt", "method.txt", "corrupt.txt", "lying.txt", "last.txt"]
    raw = _zip_bytes({name: _dated(n) * 20 for n, name in enumerate(names)})
    raw = _patch_member(raw, "encrypted.txt", flags=0x1)
    raw = _patch_member(raw, "bad-crc.txt", crc=0x12345678)
    raw = _patch_member(raw, "method.txt", method=99)
    raw = _patch_member(raw, "corrupt.txt", data=b"\xff\xff\xff\xff")
    raw = _patch_member(raw, "lying.txt", size=20)
    report = pipeline.ingest_uploads([("batch.zip", raw)], {}, conf, gaz, store.connect(conf.db, create=True))
    lines = dict(line.split(": ", 1) for line in report.lines)
    assert report.stored == 2 and lines["first.txt"].startswith("stored") and lines["last.txt"].startswith("stored")
    assert lines["batch.zip:encrypted.txt"] == "refused: it is encrypted (password-protected)"
    assert lines["batch.zip:bad-crc.txt"].startswith("refused: damaged: its checksum does not match")
    assert lines["batch.zip:method.txt"] == "refused: compressed by a method this tool cannot read (99)"
    assert lines["batch.zip:corrupt.txt"].startswith("refused: damaged: its compressed data is corrupt")
    assert lines["batch.zip:lying.txt"].startswith("refused: damaged: its checksum does not match")


def test_the_upload_page_stores_every_good_file_and_names_every_bad_one(conf, gaz):
    """What Add articles does with a mixed upload (it shows these lines as text): each bad file refused
    with its reason, every good one stored, the zip's good members too."""
    raw = _patch_member(_zip_bytes({"in-zip.txt": _dated(3) * 20, "crc.txt": _dated(4) * 20}), "crc.txt", crc=1)
    uploads = [("good.txt", _dated(1, "Toretsk")), ("utf16.txt", UKRAINIAN.encode("utf-16-le")),
               ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20), ("empty.txt", b"  \n"),
               ("bundle.zip", raw)]
    report = pipeline.ingest_uploads(uploads, {"published": "2025-02-07"}, conf, gaz,
                                     store.connect(conf.db, create=True))
    lines = dict(line.split(": ", 1) for line in report.lines)
    assert all(lines[name].startswith("stored") for name in ("good.txt", "utf16.txt", "in-zip.txt")), lines
    assert lines["image.txt"] == "refused: binary or unreadable encoding, not text"
    assert lines["empty.txt"] == "refused: the file is empty"
    assert lines["bundle.zip:crc.txt"].startswith("refused: damaged")
    assert (report.stored, report.refused) == (3, 3)


def test_zip_limits_are_reported(tmp_path):
    import zipfile

    from conflictmap.articles import read_zip
    from conflictmap.config import ZIP_MAX_MEMBERS

    many = _zip_bytes({f"p{n}.jpg": b"x" for n in range(ZIP_MAX_MEMBERS + 3)}, zipfile.ZIP_STORED)
    results = read_zip("many.zip", many, {}, 5_000_000, 10**9)
    assert results[-1].file == "many.zip" and not results[-1].ok
    assert results[-1].message == f"refused: 3 members not read: more than {ZIP_MAX_MEMBERS:,} in one zip"
    big = _zip_bytes({f"a{n}.txt": _dated(n) + b" " * 1_000_000 for n in range(4)}, zipfile.ZIP_STORED)
    results = read_zip("big.zip", big, {}, 5 * 2**20, int(2.5 * 2**20))
    assert [r.ok for r in results] == [True, True, False]
    assert results[-1].message == "refused: 2 members not read: the zip would inflate past its limit of 2.5 MB in all"


def test_manifest_with_an_unclosed_quote(tmp_path):
    path = tmp_path / "manifest.csv"
    lines = ["file,published,outlet,url,language"]
    lines += [f"a{n}.txt,2025-02-07,Wire {n},https://example.org/{n},en" for n in range(3000)]
    lines[3] = 'a2.txt,2025-02-07,"Kyiv Independent,https://example.org/2,en'  # the quote is never closed
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, problems = read_manifest(path)
    assert len(rows) == 2999 and "a2.txt" not in rows and rows["a3.txt"]["outlet"] == "Wire 3"
    assert problems == ["manifest.csv:4: a quote is opened and not closed on its line; row skipped"]
    path.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")  # small: the quote used to swallow the rows after it
    rows, problems = read_manifest(path)
    assert sorted(rows) == ["a0.txt", "a1.txt", "a3.txt", "a4.txt"] and len(problems) == 1


def test_manifest_with_duplicates_and_shifted_rows(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("file,published,outlet,url,language\n"
                    "a.txt,2025-02-07,Wire,https://example.org/a,en\n"
                    "b.txt,2025-02-08,Reuters, London,https://example.org/b,en\n"
                    "\n"
                    "a.txt,2025-02-09,Other,https://example.org/a2,en\n"
                    "c.txt,2025-02-10\n", encoding="utf-8")
    rows, problems = read_manifest(path)
    assert sorted(rows) == ["a.txt", "c.txt"] and rows["a.txt"]["published"] == "2025-02-07"
    assert problems == ["manifest.csv:3: 6 fields where the header has 5 (a comma not in quotes?); row skipped",
                        "manifest.csv:5: a.txt is listed again (first on line 2); this row is ignored"]


UKRAINIAN = "Російські війська захопили Покровськ у понеділок, повідомив Генштаб ЗСУ. " * 4


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_cyrillic_without_a_bom_is_read(order, gaz):
    from conflictmap.events import extract

    result = read_bytes("no-bom.txt", UKRAINIAN.encode(order), {"published": "2025-02-07"}, 5_000_000)
    assert result.ok and result.article.text == UKRAINIAN and result.article.language == "uk"
    assert [e.place.name for e in extract(result.article, gaz)][:1] == ["Pokrovsk"]


def test_a_file_of_mixed_encodings_is_read_line_by_line_with_a_warning():
    raw = ("date 2025-02-07\nRussian forces captured Pokrovsk, the ministry said.\n".encode()
           + "Війська захопили Покровськ.\n".encode("cp1251") + "Ще один рядок про Київ.\n".encode())
    result = read_bytes("mixed.txt", raw, None, 5_000_000)
    assert result.ok and "Війська захопили Покровськ." in result.article.text and "Київ" in result.article.text
    assert "warning: mixed encodings: 1 of 4 lines are not UTF-8 and were read as cp1251" in result.message


def test_text_hidden_from_readers_in_html_is_not_read():
    hidden = ["<p hidden>Russian forces captured Kupiansk.</p>", "<template><p>Russian forces captured Izium.</p></template>",
              "<noscript><p>Russian forces captured Kherson.</p></noscript>",
              "<div style='display: none'>Russian forces captured Sumy.</div>",
              "<span style='visibility:hidden'>Russian forces captured Lyman.</span>",
              "<div aria-hidden='true'>Russian forces captured Bakhmut.</div>"]
    page = ("<html><body><article><p>date 2025-01-06 Ukrainian forces shelled Avdiivka on Monday, the ministry said in "
            "a long statement about the fighting.</p>" + "".join(hidden)
            + "<p>More fighting was reported near the town during the night, officials said.</p></article></body></html>")
    text = read_bytes("page.html", page.encode(), None, 5_000_000).article.text
    assert "Avdiivka" in text and "officials said" in text
    assert not any(place in text for place in ("Kupiansk", "Izium", "Kherson", "Sumy", "Lyman", "Bakhmut"))


def test_a_name_that_starts_like_a_month_dates_nothing(gaz):
    from conflictmap.events import extract
    from conflictmap.models import Article

    for name in ("Mar'yinka", "Mar’yinka"):
        found = extract(Article("m.txt", f"Russian forces captured {name} on Monday, the ministry said.", "2023-12-28"), gaz)
        assert [(e.place.name, e.date) for e in found] == [("Marinka", "2023-12-25")]


def test_a_file_name_cannot_forge_a_line_of_the_cli_report(tmp_path):
    import subprocess
    import sys

    from conflictmap.config import ROOT

    (tmp_path / "a\nb.txt: 1 articles stored, 0 refused.txt").write_text("no date here", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "conflictmap", "extract", str(tmp_path), "--out",
                           str(tmp_path / "out.geojson")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = done.stderr.splitlines()
    assert any(line.startswith("a\\nb.txt: 1 articles stored, 0 refused.txt: refused") for line in lines), lines
    assert not any(line.startswith("b.txt") for line in lines)


def test_a_hostile_batch_stores_every_good_article_and_names_every_bad_one(tmp_path):
    """One CLI batch: good files beside every kind of bad file, zip member and manifest row."""
    import subprocess
    import sys

    from conflictmap.config import ROOT

    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_bytes(_dated(1, "Toretsk"))
    (folder / "utf16.txt").write_bytes(UKRAINIAN.encode("utf-16-le"))
    (folder / "mixed.txt").write_bytes(_dated(2) + " — Київ\n".encode() + "Війська захопили Покровськ.\n".encode("cp1251"))
    (folder / "hidden.html").write_bytes(b"<html><body><article><p>date 2025-01-06 Ukrainian forces shelled Avdiivka "
                                         b"on Monday, the ministry said in a long statement.</p><p hidden>Russian "
                                         b"forces captured Kupiansk.</p></article></body></html>")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "undated.txt").write_bytes(b"Russian forces captured Kurakhove.")
    raw = _patch_member(_zip_bytes({"in-zip.txt": _dated(3) * 20, "crc.txt": _dated(4) * 20}), "crc.txt", crc=1)
    (folder / "bundle.zip").write_bytes(raw)
    (folder / "manifest.csv").write_text("file,published,outlet,url,language\n"
                                         "utf16.txt,2025-02-07,Wire,https://example.org/u,uk\n"
                                         'good.txt,2025-02-07,"Open quote,https://example.org/g,en\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "conflictmap", "ingest", str(folder), "--db", str(tmp_path / "s.sqlite"),
                           "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = {line.split(": ", 1)[0].rsplit("/", 1)[-1]: line.split(": ", 1)[1] for line in done.stderr.splitlines()
             if ": " in line}
    for good in ("good.txt", "utf16.txt", "hidden.html", "in-zip.txt"):
        assert lines[good].startswith("stored"), (good, lines.get(good))
    assert lines["mixed.txt"].startswith("stored") and "warning: mixed encodings" in lines["mixed.txt"]
    assert lines["image.txt"] == "refused: binary or unreadable encoding, not text"
    assert lines["empty.txt"] == "refused: the file is empty"
    assert lines["undated.txt"].startswith("refused: no publication date")
    assert lines["bundle.zip:crc.txt"].startswith("refused: damaged")
    assert lines["manifest.csv:3"].startswith("a quote is opened and not closed")
    assert "5 articles stored, 4 refused" in done.stderr
