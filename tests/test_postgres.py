"""PostgreSQL + PostGIS as a person would use it: the commands with --db URL or CONFLICTMAP_DB, a killed ingest
resumed, two ingests at once; each gives exactly the events of one ingest into SQLite."""
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest
import sqlalchemy as sa
from conftest import SAMPLES, variant_corpus

from conflictmap import pipeline, store
from conflictmap.config import ROOT, settings

COPIES = 6  # each sample article in 6 variants: about 230 articles, four batches


def fingerprint(events: list[dict]) -> list[tuple]:
    """What a reader sees of each event, without the database's row ids."""
    return sorted((e["place_id"], e["status"], e["date"], e["date_start"], e["date_end"], e["source_count"],
                   tuple(e["outlets"]), len(e["conflicts_with"]), e["claimant"], e["quote"]) for e in events)


def cli(*args, db=None, env=None):
    extra = {"CONFLICTMAP_DB": db} if db else {}
    return subprocess.Popen([sys.executable, "-m", "conflictmap", *map(str, args)], cwd=ROOT, text=True,
                            env={**os.environ, **extra, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0 and "Traceback" not in err, err
    return out + err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, variant_corpus(folder, COPIES)


@pytest.fixture(scope="module")
def corpus_in_sqlite(corpus, gaz, tmp_path_factory):
    db = tmp_path_factory.mktemp("sqlite") / "one.sqlite"
    pipeline.ingest_paths([corpus[0]], None, replace(settings(), db=db), gaz)
    return fingerprint(store.merged_events(store.connect(db)))


def test_every_command_on_postgresql(postgres, samples_events, samples_db, tmp_path):
    url = postgres.fresh()
    assert "articles stored" in finish(cli("ingest", SAMPLES, "--db", url))
    assert fingerprint(store.merged_events(store.connect(url))) == fingerprint(samples_events)
    geojson = tmp_path / "events.geojson"
    finish(cli("export", "--format", "geojson", "--out", geojson, db=url))  # CONFLICTMAP_DB
    features = json.loads(geojson.read_text())["features"]
    assert len(features) == len([e for e in samples_events if e["confidence"] >= 0.5])
    fronts = []  # the as-of front line, filtered in SQL then by the view, is the same on both backends
    for db in (url, str(samples_db)):
        front = tmp_path / "front.geojson"
        finish(cli("export", "--format", "geojson", "--as-of", "2024-06-01", "--out", front, db=db))
        fronts.append(sorted(f["properties"]["place"] for f in json.loads(front.read_text())["features"]))
    assert fronts[0] and fronts[0] == fronts[1]
    assert "events rebuilt" in finish(cli("reextract", "--db", url))
    assert fingerprint(store.merged_events(store.connect(url))) == fingerprint(samples_events)
    assert finish(cli("corrections", "list", "--db", url)).strip() == ""


def test_events_are_postgis_points_filtered_in_sql(postgres, gaz, samples_db):
    url = postgres.fresh()
    pipeline.ingest_paths([SAMPLES], None, replace(settings(), db=url), gaz)
    engine = store.connect(url)
    with engine.connect() as conn:
        kind = conn.execute(sa.text("SELECT type FROM geometry_columns WHERE f_table_name = 'events'")).scalar()
        index = conn.execute(sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_geom'")).scalar()
        plan = "\n".join(conn.execute(sa.text(
            "EXPLAIN SELECT id FROM events WHERE geom && ST_MakeEnvelope(36, 47, 39, 49, 4326)")).scalars())
    assert kind == "POINT" and "USING gist (geom)" in index and "events" in plan
    donbas = (36.0, 47.0, 39.0, 49.0)
    ours = store.merged_events(engine, bbox=donbas, as_of="2024-12-31")
    sqlite = store.merged_events(store.connect(samples_db), bbox=donbas, as_of="2024-12-31")
    assert ours and fingerprint(ours) == fingerprint(sqlite)
    assert all(36 <= e["lon"] <= 39 and 47 <= e["lat"] <= 49 and e["date_start"] <= "2024-12-31" for e in ours)
    assert len(ours) < len(store.merged_events(engine))


def test_two_ingests_at_once_give_the_events_of_one(postgres, corpus, corpus_in_sqlite):
    folder, total = corpus
    url = postgres.fresh()
    first, second = cli("ingest", folder, "--db", url), cli("ingest", folder, "--db", url)
    for proc in (first, second):
        finish(proc)
    engine = store.connect(url)
    assert store.counts(engine)["articles"] == total
    assert fingerprint(store.merged_events(engine)) == corpus_in_sqlite


def test_a_killed_ingest_resumes_to_the_events_of_one(postgres, corpus, corpus_in_sqlite):
    folder, total = corpus
    url = postgres.fresh()
    proc = cli("ingest", folder, "--db", url)
    engine = None
    while proc.poll() is None:
        try:
            engine = engine or store.connect(url)
            if store.counts(engine)["articles"]:
                break
        except Exception:  # the first ingest is still creating the tables
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = store.counts(store.connect(url))["articles"]
    assert 0 < before < total
    assert f"{total - before} articles stored" in finish(cli("ingest", folder, "--db", url))
    assert fingerprint(store.merged_events(store.connect(url))) == corpus_in_sqlite


def test_the_app_reads_postgresql_while_an_ingest_writes(postgres, gaz, samples_events, monkeypatch, tmp_path):
    """The pages read the store through the same layer; a reader's open transaction does not hold up a writer."""
    from conftest import write_article
    from streamlit.testing.v1 import AppTest

    from conflictmap import filters

    url = postgres.fresh()
    pipeline.ingest_paths([SAMPLES], None, replace(settings(), db=url), gaz)
    monkeypatch.setenv("CONFLICTMAP_DB", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith(filters.summary(filters.apply(samples_events, filters.View())))
    for page in ("views/events.py", "views/articles.py"):
        at.switch_page(page).run()
        assert not at.exception and not at.error, page
    engine = store.connect(url)
    articles = store.counts(engine)["articles"]
    with engine.connect() as reader:
        reader.execute(sa.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        before = reader.execute(sa.text("SELECT count(*) FROM events")).scalar()
        write_article(tmp_path, "new.txt", "Russian forces captured Kurakhove on Monday, the ministry said.",
                      "2025-01-06")
        assert pipeline.ingest_paths([tmp_path], None, replace(settings(), db=url), gaz).stored == 1  # not held up
        assert reader.execute(sa.text("SELECT count(*) FROM events")).scalar() == before  # its own snapshot
    assert store.counts(engine)["articles"] == articles + 1


def test_a_postgresql_store_opened_read_only(postgres, gaz):
    from conflictmap import corrections
    from conflictmap.config import StoreError

    url = postgres.fresh()
    with pytest.raises(StoreError, match="an empty database, not yet a store; it is read-only here"):
        store.connect(url, readonly=True)
    pipeline.ingest_paths([SAMPLES], None, replace(settings(), db=url), gaz)
    engine = store.connect(url, readonly=True)
    events = store.merged_events(engine)
    assert events and store.read_only(engine)
    with pytest.raises(StoreError, match=r"postgresql://postgres@127\.0\.0\.1:\d+/test_\d+: the store is read-only"):
        corrections.add(engine, events[0], "status", "struck", "a test")
    with pytest.raises(sa.exc.InternalError, match="read-only transaction"):  # the server refuses too
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM sources"))
    assert store.counts(store.connect(url))["sources"] == sum(e["source_count"] for e in events)
