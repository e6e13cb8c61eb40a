"""The store on a real SQLite file: idempotent, merging, every source kept, nothing lost on bad input."""
import sqlite3
from dataclasses import replace

import pytest
from conftest import SAMPLES, write_article

from conflictmap import pipeline, store
from conflictmap.config import settings

HEAD = "0005"


@pytest.fixture
def conf(store_conf):
    """Here every test that takes a store runs on a SQLite file and on a PostgreSQL database."""
    return store_conf


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


def test_wire_copies_are_grouped(conf, gaz, tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    story = (SAMPLES / "021_russia-claims-kurakhove.txt").read_text(encoding="utf-8")
    write_article(folder, "a.txt", story, "2025-01-06", outlet="Wire A")
    write_article(folder, "b.txt", "Advertisement\n\n" + story.replace("Demo Wire", "Other Paper")
                  + "\n\nOriginally published as a wire story. Comment below.", "2025-01-07", outlet="Paper B")
    write_article(folder, "c.txt", (SAMPLES / "026_sumy-palm-sunday-missile-strike.txt").read_text(), "2025-01-07")
    report = pipeline.ingest_paths([folder], None, conf, gaz)
    assert report.stored == 3
    assert any(line.startswith("b.txt") and "the same story as article 1" in line for line in report.lines)
    assert not any(line.startswith("c.txt") and "same story" in line for line in report.lines)
    kurakhove = [e for e in store.merged_events(store.connect(conf.db)) if e["place"] == "Kurakhove"]
    assert {s["outlet"] for e in kurakhove for s in e["sources"]} == {"Wire A", "Paper B"}


def test_claim_and_denial_stay_linked(conf, gaz, tmp_path):
    folder = tmp_path / "conflict"
    folder.mkdir()
    write_article(folder, "claim.txt", "Russia's Defence Ministry said on Friday its forces captured Toretsk.")
    write_article(folder, "denial.txt", "Ukraine's army denied on Friday that Toretsk had been captured.",
                  outlet="Other")
    pipeline.ingest_paths([folder], None, conf, gaz)
    toretsk = {e["status"]: e for e in store.merged_events(store.connect(conf.db)) if e["place"] == "Toretsk"}
    assert toretsk["claimed"]["conflicts_with"] == [toretsk["contested"]["id"]]
    assert toretsk["contested"]["conflicts_with"] == [toretsk["claimed"]["id"]]


def test_corrections_survive_reextraction_and_undo(conf, gaz):
    from conflictmap import corrections

    engine = store.connect(conf.db, create=True)
    pipeline.ingest_paths([SAMPLES], None, conf, gaz, engine)
    target = next(e for e in store.merged_events(engine) if e["place"] == "Enerhodar")
    fix = corrections.add(engine, target, "status", "contested", "occupied since 2022; not a new claim")
    hidden = next(e for e in store.merged_events(engine) if e["place"] == "Sloviansk")
    hide = corrections.add(engine, hidden, "not_event", "true", "background sentence")
    store.reextract(engine, lambda arts: pipeline.extract_many(arts, gaz))
    same = lambda e: e["place"] == "Enerhodar" and e["key"]["date_start"] == target["key"]["date_start"]  # noqa: E731
    after = next(e for e in store.merged_events(engine) if same(e))
    assert after["status"] == "contested"
    assert after["corrections"][0]["reason"] == "occupied since 2022; not a new claim"
    assert hidden["key"] not in [e["key"] for e in store.merged_events(engine)]
    assert corrections.undo(engine, fix) and corrections.undo(engine, hide)
    restored = next(e for e in store.merged_events(engine) if same(e))
    assert restored["status"] == "claimed"
    assert hidden["key"] in [e["key"] for e in store.merged_events(engine)]
    assert [c["undone_at"] is not None for c in corrections.list_all(engine)] == [True, True]


def test_a_window_read_in_sql_sees_the_events_as_corrected(conf, gaz):
    """merged_events filters dates and places in SQL, on what is stored; an event whose date or place people
    corrected is in a window, or not, as corrected."""
    import json

    from conflictmap import corrections

    engine = store.connect(conf.db, create=True)
    pipeline.ingest_paths([SAMPLES], None, conf, gaz, engine)
    ids = lambda **window: {e["id"] for e in store.merged_events(engine, **window)}  # noqa: E731
    dated, placed = store.merged_events(engine)[:2]
    corrections.add(engine, dated, "date", "1999-06-15", "misdated")
    assert dated["id"] in ids(start="1999-06-01", end="1999-06-30") and dated["id"] in ids(as_of="1999-06-20")
    assert dated["id"] not in ids(start=dated["date_start"], end=dated["date_end"]) | ids(as_of="1999-06-10")
    moved = {"place": "Elsewhere", "place_id": "test:1", "kind": "settlement", "region": "", "lat": 10.0, "lon": 10.0}
    corrections.add(engine, placed, "place", json.dumps(moved), "wrong place")
    assert placed["id"] in ids(bbox=(9.5, 9.5, 10.5, 10.5))
    assert placed["id"] not in ids(bbox=(placed["lon"] - 0.1, placed["lat"] - 0.1, placed["lon"] + 0.1,
                                         placed["lat"] + 0.1))


def test_correction_needs_a_reason_and_a_valid_date(conf, gaz, samples_events):
    import pytest
    from conflictmap import corrections

    engine = store.connect(conf.db, create=True)
    with pytest.raises(corrections.CorrectionError, match="reason"):
        corrections.add(engine, samples_events[0], "status", "struck", " ")
    with pytest.raises(corrections.CorrectionError, match="not a date"):
        corrections.add(engine, samples_events[0], "date", "last Tuesday", "wrong date")


V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id INTEGER PRIMARY KEY, sha256 VARCHAR(64) NOT NULL UNIQUE, file TEXT NOT NULL,
  outlet TEXT NOT NULL, url TEXT NOT NULL, published VARCHAR(10) NOT NULL, published_source VARCHAR(16) NOT NULL,
  language VARCHAR(8) NOT NULL, text TEXT NOT NULL, ingested_at VARCHAR(32) NOT NULL);
CREATE TABLE events (id INTEGER PRIMARY KEY, place_id VARCHAR(64) NOT NULL, place TEXT NOT NULL,
  kind VARCHAR(16) NOT NULL, region TEXT NOT NULL, other_names TEXT NOT NULL, lat FLOAT NOT NULL, lon FLOAT NOT NULL,
  status VARCHAR(16) NOT NULL, date VARCHAR(32) NOT NULL, date_start VARCHAR(10) NOT NULL, date_end VARCHAR(10) NOT NULL);
CREATE TABLE sources (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events (id),
  article_id INTEGER NOT NULL REFERENCES articles (id), claimant TEXT NOT NULL, side VARCHAR(16) NOT NULL,
  quote TEXT NOT NULL, date VARCHAR(32) NOT NULL, date_source VARCHAR(16) NOT NULL, span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL, confidence FLOAT NOT NULL, cues TEXT NOT NULL, UNIQUE (event_id, article_id, span_start));
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO articles VALUES (1, 'abc', 'old.txt', 'Old Wire', '', '2024-02-17', 'manifest', 'en',
  'Russia captured Avdiivka.', '2024-02-18T00:00:00+00:00');
INSERT INTO events VALUES (1, 'gn:713122', 'Avdiivka', 'settlement', 'Donetsk Oblast', '', 48.14, 37.75,
  'claimed', '2024-02-17', '2024-02-17', '2024-02-17');
INSERT INTO sources VALUES (1, 1, 1, '', '', 'Russia captured Avdiivka.', '2024-02-17', 'publication', 15, 23,
  0.9, '{}');
"""


V2_SCHEMA = V1_SCHEMA.replace("'schema_version', '1'", "'schema_version', '2'") + """
ALTER TABLE articles ADD COLUMN minhash BLOB;
ALTER TABLE articles ADD COLUMN group_id INTEGER;
CREATE TABLE event_links (event_id INTEGER NOT NULL REFERENCES events (id), other_id INTEGER NOT NULL
  REFERENCES events (id), kind VARCHAR(16) NOT NULL, PRIMARY KEY (event_id, other_id));
CREATE TABLE corrections (id INTEGER PRIMARY KEY, place_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL,
  date_start VARCHAR(10) NOT NULL, date_end VARCHAR(10) NOT NULL, field VARCHAR(16) NOT NULL, old TEXT NOT NULL,
  new TEXT NOT NULL, reason TEXT NOT NULL, created_at VARCHAR(32) NOT NULL, undone_at VARCHAR(32));
"""


@pytest.mark.parametrize("ddl", [V1_SCHEMA, V2_SCHEMA], ids=["v1", "v2"])
def test_older_store_is_upgraded_when_opened(tmp_path, gaz, ddl):
    """A store written before Alembic (its version in a meta table) is upgraded in place by the migrations,
    keeps its articles and events, and takes new articles."""
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(ddl)
    conn.close()
    engine = store.connect(db)
    (event,) = store.merged_events(engine)
    assert event["place"] == "Avdiivka" and event["outlets"] == ["Old Wire"] and event["conflicts_with"] == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    assert {"minhash", "group_id"} <= {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert "ix_articles_published" in {row[1] for row in conn.execute("PRAGMA index_list(articles)")}
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchall()
    conn.close()
    folder = tmp_path / "new"
    folder.mkdir()
    write_article(folder, "a.txt", "Russian forces captured Kurakhove on Monday, the ministry said.", "2025-01-06")
    assert pipeline.ingest_paths([folder], None, replace(settings(), db=db), gaz).stored == 1
    assert {e["place"] for e in store.merged_events(store.connect(db))} == {"Avdiivka", "Kurakhove"}


def test_a_store_from_before_the_keys_gets_them_when_upgraded(store_conf, gaz, tmp_path):
    """A store of 0004 (no story_keys, no event_months) upgraded in place: the keys of what it holds are written,
    so a wire copy ingested afterwards joins the story stored before, and its events merge with the stored ones."""
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    story = (SAMPLES / "021_russia-claims-kurakhove.txt").read_text(encoding="utf-8")
    write_article(before, "a.txt", story, "2025-01-06", outlet="Wire A")
    pipeline.ingest_paths([before], None, store_conf, gaz)
    engine = store.connect(store_conf.db)
    stored = {tuple(e["key"].values()) for e in store.merged_events(engine)}
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE story_keys")
        conn.exec_driver_sql("DROP TABLE event_months")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0004'")
    engine.dispose()
    write_article(after, "b.txt", "Advertisement\n\n" + story.replace("Demo Wire", "Other Paper"), "2025-01-07",
                  outlet="Paper B")
    report = pipeline.ingest_paths([after], None, store_conf, gaz)
    assert any(line.startswith("b.txt") and "the same story as article 1" in line for line in report.lines)
    events = store.merged_events(store.connect(store_conf.db))
    assert {tuple(e["key"].values()) for e in events} == stored
    assert all(e["outlets"] == ["Paper B", "Wire A"] for e in events)


def test_a_store_of_a_newer_version_is_refused(tmp_path):
    from conflictmap.config import StoreError

    db = tmp_path / "new.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
                       "INSERT INTO alembic_version VALUES ('9999');")
    conn.close()
    with pytest.raises(StoreError, match="newer version of conflictmap"):
        store.connect(db)


def test_zip_of_articles(conf, gaz, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("good.txt", "date 2025-01-06\nRussian forces captured Kurakhove on Monday.")
        z.writestr("../escape.txt", "date 2025-01-06\nRussian forces captured Selydove.")
        z.writestr("bomb.txt", "a" * (conf.max_file_bytes + 10))
        z.writestr("photo.jpg", b"\xff\xd8\xff")
    engine = store.connect(conf.db, create=True)
    report = pipeline.ingest_uploads([("batch.zip", buffer.getvalue())], {}, conf, gaz, engine)
    text = "\n".join(report.lines)
    assert report.stored == 1 and "good.txt: stored" in text
    assert "batch.zip:../escape.txt: refused: its path leads outside the zip" in text
    assert "batch.zip:bomb.txt: refused: it inflates too much" in text
    assert "batch.zip:photo.jpg: skipped" in text


def test_two_workers_give_the_same_store(gaz, tmp_path):
    one = replace(settings(), db=tmp_path / "one.sqlite")
    two = replace(settings(), db=tmp_path / "two.sqlite")
    pipeline.ingest_paths([SAMPLES], None, one, gaz, workers=1)
    pipeline.ingest_paths([SAMPLES], None, two, gaz, workers=2)
    strip = lambda events: [(e["place"], e["status"], e["date"], e["source_count"]) for e in events]  # noqa: E731
    assert strip(store.merged_events(store.connect(one.db))) == strip(store.merged_events(store.connect(two.db)))


def _copy_store(source, target):
    """A copy of a store, whole (a file copy would miss what is still in the write-ahead log), then closed."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def _fingerprint(db):
    return db.read_bytes(), db.stat().st_mtime_ns


def test_reading_a_store_never_writes_it(samples_db, tmp_path):
    """Opening a current store to read it writes nothing: not the schema version, not anything else."""
    import subprocess
    import sys

    from conflictmap.config import ROOT

    db = _copy_store(samples_db, tmp_path / "copy.sqlite")
    before = _fingerprint(db)
    engine = store.connect(db)
    assert store.merged_events(engine) and store.counts(engine)["articles"] > 30
    engine.dispose()
    assert _fingerprint(db) == before
    for args in (["export", "--format", "csv", "--out", tmp_path / "e.csv"], ["corrections", "list"]):
        subprocess.run([sys.executable, "-m", "conflictmap", *map(str, args), "--db", str(db)], cwd=ROOT, check=True,
                       capture_output=True)
        assert _fingerprint(db) == before, args


def test_a_store_opened_read_only(samples_db, tmp_path):
    import pytest

    from conflictmap import corrections
    from conflictmap.config import StoreError

    db = _copy_store(samples_db, tmp_path / "copy.sqlite")
    before = _fingerprint(db)
    engine = store.connect(db, readonly=True)
    events = store.merged_events(engine)
    assert store.read_only(engine) and len(events) == len(store.merged_events(store.connect(samples_db)))
    with pytest.raises(StoreError, match="read-only"):
        corrections.add(engine, events[0], "status", "struck", "a test")
    engine.dispose()
    assert _fingerprint(db) == before
    old = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript(V1_SCHEMA)
    conn.close()
    before = _fingerprint(old)
    with pytest.raises(StoreError, match="older version.*open it once for writing"):
        store.connect(old, readonly=True)
    assert _fingerprint(old) == before


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url, message", [
    ("mysql://user:secret@127.0.0.1/news", "mysql://user:***@127.0.0.1/news: a kind of database conflictmap cannot "
                                           "use ('mysql')"),
    ("postgresql:/postgres@127.0.0.1:5499/postgres", "not a database URL"),
    ("postgresql+psycopg2://postgres@127.0.0.1/news", "through psycopg 3"),
    ("postgresql://postgres:secret@127.0.0.1:{port}/news", "postgresql://postgres:***@127.0.0.1:{port}/news: the "
                                                          "database cannot be reached"),
])
def test_a_database_url_that_cannot_be_opened_is_refused(tmp_path, url, message):
    """Never taken for a file path: the command says why, in one line, and writes nothing anywhere."""
    import os
    import subprocess
    import sys

    from conflictmap.config import ROOT

    port = _free_port()
    url, message = url.format(port=port), message.format(port=port)
    env = dict(os.environ, PYTHONPATH=str(ROOT), CONFLICTMAP_DB=url)
    for args in (["ingest", str(SAMPLES), "--db", url], ["export", "--format", "csv", "--out", "e.csv"]):
        done = subprocess.run([sys.executable, "-m", "conflictmap", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "secret" not in done.stderr
        assert list(tmp_path.iterdir()) == []


def test_postgresql_without_its_driver_is_refused(monkeypatch):
    import sys

    from conflictmap.config import StoreError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(StoreError, match=r"needs the psycopg driver.*pip install 'psycopg\[binary\]'"):
        store.connect("postgresql://postgres@127.0.0.1:5432/news")
