"""Hard stops and concurrency: a killed ingest loses nothing committed; two ingests at once both finish."""
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import SAMPLES

from conflictmap import store
from conflictmap.articles import read_manifest
from conflictmap.config import ROOT
from conflictmap.context import Context
from conflictmap.events import extract
from conflictmap.models import Article

COPIES = 8  # each sample article in 8 distinct variants: about 300 articles, a few seconds of work


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    rows, _ = read_manifest(SAMPLES / "manifest.csv")
    lines = ["file,published,outlet,url,language"]
    for name, row in rows.items():
        text = (SAMPLES / name).read_text(encoding="utf-8")
        for n in range(COPIES):
            copy = f"v{n}_{name}"
            (folder / copy).write_text(f"{text}\n\nFiled by desk {n} of {copy}.", encoding="utf-8")
            lines.append(f"{copy},{row['published']},Outlet {n},https://example.org/{n}/{name},en")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, len(lines) - 1


def ingest(folder, db):
    return subprocess.Popen([sys.executable, "-m", "conflictmap", "ingest", str(folder), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_whole(db, gaz, folder):
    """The store opens, is sound, and every article in it has all of its events: none half-written.
    The events are those of the article read in its batch, the folder (context.py)."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = conn.execute("SELECT id, file, text, published FROM articles").fetchall()
    batch = Context.of((p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))), gaz)
    for article_id, name, text, published in random.Random(0).sample(stored, min(25, len(stored))):
        expected = len(extract(Article(name, text, published), gaz, context=batch))
        got = conn.execute("SELECT count(*) FROM sources WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert got == expected, name
    conn.close()
    return len(stored)


def stored_count(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_and_resume(corpus, tmp_path, gaz, seed):
    folder, total = corpus
    db = tmp_path / f"kill{seed}.sqlite"
    proc = ingest(folder, db)
    target = random.Random(seed).randint(5, total - 60)  # somewhere in the batch
    while stored_count(db) < target and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = assert_whole(db, gaz, folder) if db.exists() else 0
    assert before < total
    resumed = ingest(folder, db)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert assert_whole(db, gaz, folder) == total
    assert f"{total - before} articles stored" in err
    store.connect(db)  # and it still opens as a store


@pytest.mark.parametrize("seed", range(5))
def test_killed_ingest_keeps_what_was_committed(corpus, tmp_path, gaz, seed):
    kill_and_resume(corpus, tmp_path, gaz, seed)


@pytest.mark.long
@pytest.mark.parametrize("seed", range(5, 20))
def test_killed_ingest_many_times(corpus, tmp_path, gaz, seed):
    kill_and_resume(corpus, tmp_path, gaz, seed)


def test_two_ingests_at_once(corpus, tmp_path):
    folder, total = corpus
    db = tmp_path / "both.sqlite"
    first, second = ingest(folder, db), ingest(folder, db)
    for proc in (first, second):
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0 and "Traceback" not in err, err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM articles").fetchone() == (total, total)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
