"""The app: from starting it as `conflictmap serve` does (`streamlit run server.py`, which runs the map
page once before it answers) to the first event markers painted in headless Chromium, over a store of
~10,000 events; the same app over a store of 100 events is the peer."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from . import CACHE, ROOT, Row, shared_gazetteer, log

AREA = "app"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]
STORE_VERSION = 1
NO_CLUSTER = "?cluster=0"  # the map page's URL state: markers not grouped
SERVER = os.environ.get("CONFLICTMAP_BENCH_SERVER", "server.py")  # what `conflictmap serve` runs


def build_store(path: Path, n_events: int, per_article: int = 8) -> tuple[Path, int]:
    """A store of about `n_events` merged events, written through store.ingest (so it follows the
    product's schema): the synthetic merged events of bench.corpus, each source told by one
    article carrying `per_article` such tellings; kept in the cache for the next run."""
    from conflictmap import store
    from conflictmap.models import Article, Event

    from . import corpus as corpus_mod

    if path.exists():
        return path, store.counts(store.connect(path))["events"]
    tmp = path.with_suffix(".tmp.sqlite")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    gaz = shared_gazetteer()
    engine = store.connect(tmp, create=True)
    tellings = []
    for e in corpus_mod.merged_events(n_events, gaz=gaz):
        place = gaz.places.get(e["place_id"])
        for s in e["sources"]:
            tellings.append((place, e, s))
    # spread each event's sources over different articles
    tellings.sort(key=lambda t: (t[2]["article"].split("-")[1], t[1]["id"]))
    for i in range(0, len(tellings), per_article):
        batch = tellings[i:i + per_article]
        published = max(s["published"] for _, _, s in batch)
        text, found = "", []
        for place, e, s in batch:
            start = len(text) + s["quote"].find(s["surface"]) if s["surface"] in s["quote"] else len(text)
            found.append(Event(place=place, status=e["status"], date=e["date"], date_source=s["date_source"],
                               claimant=s["claimant"], side=s["side"], quote=s["quote"], article=f"{i:06d}.txt",
                               outlet=s["outlet"], url=s["url"], published=published, start=start,
                               end=start + len(s["surface"]), confidence=s["confidence"],
                               cues={"status": "", "date": "", "place": "primary", "surface": s["surface"]}))
            text += s["quote"] + "\n\n"
        article = Article(file=f"{i:06d}.txt", text=text + f"(synthetic article {i})\n", published=published,
                          outlet=batch[0][2]["outlet"], url=f"https://example.org/app-bench/{i}")
        store.ingest(engine, article, found)
    merged = store.counts(engine)["events"]
    engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    return path, merged


APPTEST = """
import json, os, sys, time
from streamlit.testing.v1 import AppTest
os.environ["CONFLICTMAP_DB"] = sys.argv[1] if len(sys.argv) > 1 else {db!r}
AppTest.from_file({app!r}, default_timeout=300).run()  # imports, Leaflet published
at = AppTest.from_file({app!r}, default_timeout=300)
t = time.perf_counter(); at.run(); seconds = time.perf_counter() - t
(component,) = [el for el in at.main if getattr(el, "type", "") == "component_instance"]
print(json.dumps({{"seconds": seconds, "payload": len(component.proto.json_args.encode()), "error": bool(at.exception)}}))
"""


def script_run(db: Path) -> dict:
    """The map page's script run on the server (AppTest, no browser): the cached store of the
    running app is cold, as after a start; the imports are warm."""
    from . import run_script

    return run_script(APPTEST.format(db=str(db), app=str(ROOT / "app.py")))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoPaint(RuntimeError):
    """The page never showed a marker; the message says what the browser reported."""


def first_paint(browser, db: Path, query: str = "", timeout: float = 90) -> dict:
    """Seconds from starting streamlit to the server answering (once the map page has run, see
    server.py), and to the first .cm-marker in the st_folium iframe; the browser is already running.
    A page error with no marker 10 s later ends the wait early (NoPaint)."""
    port = _free_port()
    env = {**os.environ, "CONFLICTMAP_DB": str(db)}
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / SERVER), "--server.port",
                             str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                if time.perf_counter() - t0 > timeout or proc.poll() is not None:
                    raise RuntimeError("streamlit did not start")
                time.sleep(0.05)
        t_health = time.perf_counter() - t0
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc).splitlines()[0][:200]))
        page.goto(f"{url}/{query}")
        # the map's iframe, or the app's own error box (a broken page is reported, not waited out)
        page.wait_for_selector("iframe[title*='st_folium'], [data-testid='stException']", state="attached",
                               timeout=timeout * 1000)
        if page.locator("[data-testid='stException']").count():
            raise RuntimeError("the app showed an error: " + page.locator("[data-testid='stException']").first
                               .inner_text()[:500])
        t_frame = time.perf_counter() - t0
        frame = page.frame_locator("iframe[title*='st_folium']")
        first_error = None
        while True:
            try:
                frame.locator(".cm-marker").first.wait_for(state="attached", timeout=250)
                break
            except Exception:  # playwright's TimeoutError: not yet
                now = time.perf_counter() - t0
                if errors and first_error is None:
                    first_error = now
                if now > timeout or (first_error is not None and now - first_error > 10):
                    raise NoPaint(f"no .cm-marker after {now:.0f} s; page errors: {'; '.join(errors) or 'none'}")
        t_paint = time.perf_counter() - t0
        markers = frame.locator(".cm-marker").count()
        redraw = filter_change(page, frame)
        page.close()
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"health": t_health, "frame": t_frame, "paint": t_paint, "markers": markers, "redraw": redraw}


def filter_change(page, frame, settle: float = 0.5, timeout: float = 30) -> float:
    """Seconds from setting "Minimum sources" to 2 until the markers and clusters on the map have
    changed and then stayed the same for `settle` seconds (the redraw is complete)."""
    shown = frame.locator(".cm-marker, .marker-cluster")
    page.wait_for_timeout(1500)  # let the first draw finish
    before = shown.count()
    box = page.locator("[data-testid='stSidebar'] input[aria-label='Minimum sources']")
    box.fill("2")
    t0 = time.perf_counter()
    box.press("Enter")
    last, changed_at = before, None
    while time.perf_counter() - t0 < timeout:
        now = shown.count()
        if now != last:
            last, changed_at = now, time.perf_counter()
        elif changed_at and time.perf_counter() - changed_at >= settle:
            return changed_at - t0
        page.wait_for_timeout(20)
    raise NoPaint(f"the map did not change within {timeout:.0f} s of a filter change")


def run(quick: bool) -> list[Row]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    n = 10_000
    if not chromium:
        return [Row(AREA, "streamlit start to first map painted (skipped: chromium not installed)", None,
                    goal="< 3 s")]
    log(f"app: stores of {n:,} and 100 events")
    from .corpus import gazetteer_digest

    key = f"v{STORE_VERSION}-{gazetteer_digest()[:10]}"
    big, merged = build_store(CACHE / f"app-{n}-{key}.sqlite", n)
    small, _ = build_store(CACHE / f"app-100-{key}.sqlite", 100)
    from playwright.sync_api import sync_playwright

    rows = []
    measure = f"streamlit run to first marker painted, {n:,} events, s"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            log("app: warm-up run, 100 events (imports into the page cache)")
            try:
                first_paint(browser, small, NO_CLUSTER, timeout=30 if quick else 60)
            except NoPaint as exc:
                log(f"app: warm-up: {exc}")
            for query, label in (("", "default view"), (NO_CLUSTER, "markers not grouped, ?cluster=0")):
                log(f"app: {n:,} events, {label}")
                try:
                    ours = first_paint(browser, big, query)
                    log(f"app: 100 events, {label} (peer)")
                    peer = first_paint(browser, small, query)
                except NoPaint as exc:
                    log(f"app: {exc}")
                    rows.append(Row(AREA, f"{measure} ({label})", None, "s", None, "same app, 100 events", "< 3 s",
                                    failed=True, note=f"{merged:,} events in the store; {exc}"))
                    continue
                rows.append(Row(AREA, f"{measure} ({label})", ours["paint"], "s", peer["paint"],
                                "same app, 100 events", "< 3 s",
                                note=f"{merged:,} events in the store; server up {ours['health']:.1f} s, iframe "
                                     f"{ours['frame']:.1f} s, {ours['markers']:,} markers in the DOM"))
                rows.append(Row(AREA, "  of which: page load to first marker, s", ours["paint"] - ours["health"],
                                "s", peer["paint"] - peer["health"], "same app, 100 events"))
                rows.append(Row(AREA, f"filter change (Minimum sources 1 -> 2) to the map redrawn, {n:,} events, s "
                                      f"({label})", ours["redraw"], "s", peer["redraw"], "same app, 100 events",
                                "< 1 s"))
        finally:
            browser.close()
    log("app: the map page's script run without a browser (AppTest)")
    ours_s, peer_s = script_run(big), script_run(small)
    rows.append(Row(AREA, f"  map page script run on the server (AppTest), {n:,} events, s", ours_s["seconds"], "s",
                    peer_s["seconds"], "same app, 100 events"))
    rows.append(Row(AREA, f"  st_folium payload sent to the browser, {n:,} events", ours_s["payload"], "B",
                    peer_s["payload"], "same app, 100 events"))
    return rows
