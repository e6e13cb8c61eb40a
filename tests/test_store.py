"""The store on a real SQLite file: idempotent, merging, every source kept, nothing lost on bad input."""
import sqlite3

from conftest import SAMPLES, write_article

from conflictmap import pipeline, store


def test_reingest_changes_nothing(conf, gaz):
    first = pipeline.ingest_paths([SAMPLES], None, conf, gaz)
    before = store.counts(store.connect(conf.db))
    again = pipeline.ingest_paths([SAMPLES], None, conf, gaz)
    assert first.stored == before["articles"] > 30
    assert again.stored == 0 and store.counts(store.connect(conf.db)) == before
    assert all("already stored" in line for line in again.lines if line.endswith("(same text)"))


def test_five_outlets_one_capture(samples_events):
    """The demo corpus tells the capture of Avdiivka five times, by five outlets: one event, five sources."""
    avdiivka = [e for e in samples_events if e["place"] == "Avdiivka" and e["status"] == "claimed"
                and e["date_start"] <= "2024-02-18" and e["date_end"] >= "2024-02-17"]
    assert len(avdiivka) == 1
    event = avdiivka[0]
    assert len(event["outlets"]) >= 5 and event["source_count"] >= 5
    assert event["first_reported"] == "2024-02-17"
    assert all(s["quote"] and s["published"] for s in event["sources"])


def test_same_text_under_another_name_is_stored_once(conf, gaz, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Russian forces captured Kurakhove on Monday, the ministry said."
    write_article(folder, "a.txt", text, "2025-01-06")
    write_article(folder, "b.txt", text, "2025-01-06", outlet="Other Wire")
    report = pipeline.ingest_paths([folder], None, conf, gaz)
    assert report.stored == 1
    assert any("already stored" in line for line in report.lines)


def test_bad_files_refused_and_store_kept(conf, gaz, tmp_path):
    pipeline.ingest_paths([SAMPLES], None, conf, gaz)
    before = store.counts(store.connect(conf.db))
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "nodate.txt").write_text("Russian forces captured Kurakhove.", encoding="utf-8")
    (folder / "big.txt").write_bytes(b"a" * (conf.max_file_bytes + 1))
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    report = pipeline.ingest_paths([folder], None, conf, gaz)
    text = "\n".join(report.lines)
    assert "empty.txt: refused: the file is empty" in text
    assert "binary.txt: refused: binary" in text
    assert "nodate.txt: refused: no publication date" in text
    assert "big.txt: refused:" in text and "over the" in text
    assert "photo.png: skipped, not an article" in text
    assert report.stored == 0 and store.counts(store.connect(conf.db)) == before


def test_encodings_are_read(conf, gaz, tmp_path):
    folder = tmp_path / "enc"
    folder.mkdir()
    text = "Російські війська обстріляли Харків. Russian shelling hit Kharkiv overnight, officials said."
    for name, encoding in (("utf16.txt", "utf-16"), ("cp1251.txt", "cp1251")):
        write_article(folder, name, "x", "2025-02-07")
        (folder / name).write_bytes(text.encode(encoding))
    report = pipeline.ingest_paths([folder], None, conf, gaz)
    # both decode to the same text, so the second is recognised as the same article
    assert report.stored == 1 and any("utf16.txt: already stored" in line for line in report.lines), report.lines
    events = store.merged_events(store.connect(conf.db))
    assert {e["place"] for e in events} == {"Kharkiv"}


def test_store_is_wal_and_sound(samples_db):
    conn = sqlite3.connect(samples_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_date_filter(samples_db):
    events = store.merged_events(store.connect(samples_db), "2025-01-01", "2025-01-31")
    assert events and all(e["date_start"] <= "2025-01-31" and e["date_end"] >= "2025-01-01" for e in events)
