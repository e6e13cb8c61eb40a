"""Shared fixtures: the real gazetteer, a store filled from samples/, the development corpus, a throwaway
PostgreSQL server and a store on each backend."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from conflictmap import pipeline, store
from conflictmap.config import ROOT, settings

SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]  # quiet on a closed network


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (browsers cannot be downloaded here)."""
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answering(port: int, tries: int = 160) -> str | None:
    """http://127.0.0.1:PORT once the app there answers its health check, None if it never does."""
    url = f"http://127.0.0.1:{port}"
    for _ in range(tries):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return url
        except OSError:
            time.sleep(0.25)
    return None


def start_app(db: Path):
    """`streamlit run app.py` on the store `db`: (process, url) once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                             str(port), "--server.headless", "true"], cwd=ROOT,
                            env={**os.environ, "CONFLICTMAP_DB": str(db)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = answering(port)
    if url is None:
        proc.kill()
        raise RuntimeError("streamlit did not start")
    return proc, url


@pytest.fixture(scope="session")
def gaz():
    return pipeline.load_gazetteer(settings())


@pytest.fixture
def conf(tmp_path):
    return replace(settings(), db=tmp_path / "store.sqlite")


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL + PostGIS server for the session (tests/pgserver.py). Where PostgreSQL is not installed the
    tests that need it skip, except under `make test`, which installs it and requires them to run."""
    import pgserver

    bin_dir = pgserver.binaries()
    if bin_dir is None:
        if os.environ.get("CONFLICTMAP_TEST_POSTGRES") == "required":
            pytest.fail("PostgreSQL and PostGIS are required here (make test installs them) but are not installed")
        pytest.skip("PostgreSQL and PostGIS are not installed (make test installs them from Debian)")
    server = pgserver.Server(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_conf(request, tmp_path):
    """Settings whose store is a new SQLite file, or a new PostgreSQL database: the same test on both."""
    if request.param == "sqlite":
        return replace(settings(), db=tmp_path / "store.sqlite")
    return replace(settings(), db=request.getfixturevalue("postgres").fresh())


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory, gaz) -> Path:
    """A store holding the demo corpus, built once for the session (tests must not change it)."""
    db = tmp_path_factory.mktemp("samples") / "samples.sqlite"
    conf = replace(settings(), db=db)
    report = pipeline.ingest_paths([SAMPLES], None, conf, gaz)
    assert report.refused == 0, report.lines
    return db


@pytest.fixture(scope="session")
def samples_events(samples_db):
    return store.merged_events(store.connect(samples_db))


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not (corpus / "manifest.csv").exists():
        pytest.skip("../shared/corpus is not here")
    return corpus


def write_article(folder: Path, name: str, text: str, published: str = "2025-02-07",
                  outlet: str = "Test Wire", url: str = "https://example.org/a") -> Path:
    """An article file plus its manifest row, for tests that need their own text."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        manifest.write_text("file,published,outlet,url,language\n", encoding="utf-8")
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write(f'{name},{published},"{outlet}","{url}",en\n')
    return path


def variant_corpus(folder: Path, copies: int) -> int:
    """Each sample article in `copies` distinct variants (another outlet, a closing line of its own), with a
    manifest; how many articles that makes."""
    from conflictmap.articles import read_manifest

    rows, _ = read_manifest(SAMPLES / "manifest.csv")
    lines = ["file,published,outlet,url,language"]
    for name, row in rows.items():
        text = (SAMPLES / name).read_text(encoding="utf-8")
        for n in range(copies):
            (folder / f"v{n}_{name}").write_text(f"{text}\n\nFiled by desk {n} of v{n}_{name}.", encoding="utf-8")
            lines.append(f"v{n}_{name},{row['published']},Outlet {n},https://example.org/{n}/{name},en")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


@pytest.fixture
def read_only_store(samples_db, tmp_path):
    """A copy of the demo store, mode 0444 in a folder of mode 0555, and the command prefix under which the
    tests' processes obey those modes (root ignores them unless it gives up CAP_DAC_OVERRIDE: setpriv)."""
    import os
    import shutil
    import sqlite3

    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root ignores file modes, and setpriv (util-linux) is not here to drop that power")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    folder = tmp_path / "read-only"
    folder.mkdir()
    db = folder / "store.sqlite"
    with sqlite3.connect(samples_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    source.close()
    target.close()
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db, prefix
    folder.chmod(0o755)
