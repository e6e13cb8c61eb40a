"""The app: from starting it as `conflictmap serve` does (`streamlit run server.py`, which runs the map
page once before it answers) to the first event markers painted in headless Chromium, over a store of
~10,000 events; the same app over a store of 100 events is the peer. Then the embed page of the same server
(conflictmap/embed.py): from asking for it to its first marker, with the page's own timings of where the time
went."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
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


@contextmanager
def serving(db: Path, timeout: float = 90):
    """The app started as `conflictmap serve` starts it, on the store `db`: (url, seconds from the start to
    the server answering, once the map page has run: server.py); stopped on leaving."""
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
        yield url, time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def first_paint(browser, db: Path, query: str = "", timeout: float = 90) -> dict:
    """Seconds from starting streamlit to the server answering (once the map page has run, see
    server.py), and to the first .cm-marker in the st_folium iframe; the browser is already running.
    A page error with no marker 10 s later ends the wait early (NoPaint)."""
    t0 = time.perf_counter()
    with serving(db, timeout) as (url, t_health):
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
    return {"health": t_health, "frame": t_frame, "paint": t_paint, "markers": markers, "redraw": redraw}


# Written into the embed page before its own scripts: when the first marker is added and then painted (the
# frame after the one it was added in), and when each Response.json() (the basemap's fetch, and the events
# inflated by mapview.js) starts and ends; ms from navigation. Timed in the page: Playwright's own polling
# waits for a main thread busy adding thousands of markers (in one run it saw, 6.2 s after navigation, a
# marker that the page had added at 1.1 s).
TIMING_JS = """(() => {
  window.cmTimes = {json: []};
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    const start = performance.now(), url = this.url;
    return json.call(this).then((v) => { cmTimes.json.push({url, start, end: performance.now()}); return v; });
  };
  new MutationObserver((changes, observer) => {
    if (!document.querySelector(".cm-marker")) return;
    observer.disconnect();
    cmTimes.marker = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { cmTimes.painted = performance.now(); }));
  }).observe(document, {childList: true, subtree: true});
})();"""
TIMES_JS = """() => {
  const nav = performance.getEntriesByType("navigation")[0], res = performance.getEntriesByType("resource");
  const end = (part) => Math.max(0, ...res.filter((r) => r.name.includes(part)).map((r) => r.responseEnd));
  const events = cmTimes.json.find((j) => !j.url);
  return {html_first_byte: nav.responseStart, html_end: nav.responseEnd, html_bytes: nav.transferSize,
          leaflet_end: end("leaflet.js"), styles_end: end(".css"), dom_ready: nav.domContentLoadedEventEnd,
          basemap_end: end("basemap-"), inflate_start: events.start, inflate_end: events.end,
          marker: cmTimes.marker, painted: cmTimes.painted};
}"""


def embed_paint(browser, db: Path, query: str = "", timeout: float = 90) -> dict:
    """Seconds from asking for the embed page (`/embed` + query) to its first marker painted, as the page
    times it, the server started as for the map page; the page's other timings (ms from navigation:
    TIMES_JS), and the seconds until Playwright saw the marker (`seen`)."""
    with serving(db, timeout) as (url, _):
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        page.add_init_script(TIMING_JS)
        t0 = time.perf_counter()
        page.goto(f"{url}/embed{query}", wait_until="commit")
        try:
            page.wait_for_function("() => cmTimes.painted && cmTimes.json.length >= 2", polling=50,
                                   timeout=timeout * 1000)
        except Exception as exc:  # playwright's TimeoutError
            raise NoPaint(f"no marker painted on the embed page within {timeout:.0f} s") from exc
        seen = time.perf_counter() - t0
        times = page.evaluate(TIMES_JS)
        markers = page.locator(".cm-marker").count()
        page.close()
    return {"paint": times["painted"] / 1000, "seen": seen, "markers": markers, **times}


def where(times: dict) -> str:
    """The embed page's timings in words, ms from navigation."""
    return (f"HTML first byte {times['html_first_byte']:.0f} ms, received {times['html_end']:.0f} ms "
            f"({times['html_bytes'] / 1e6:.2f} MB), leaflet.js {times['leaflet_end']:.0f}, styles "
            f"{times['styles_end']:.0f}, page scripts run {times['dom_ready']:.0f}, events inflated and parsed "
            f"{times['inflate_start']:.0f}-{times['inflate_end']:.0f}, basemap {times['basemap_end']:.0f}, first "
            f"marker added {times['marker']:.0f}, painted {times['painted']:.0f}; seen by Playwright {times['seen']:.1f} s")


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
    embed_measure = f"  embed page (/embed, conflictmap/embed.py): page load to first marker, {n:,} events, s"
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
                log(f"app: the embed page, {n:,} and 100 events, {label}")
                try:
                    ours, peer = embed_paint(browser, big, query), embed_paint(browser, small, query)
                except NoPaint as exc:
                    log(f"app: embed: {exc}")
                    rows.append(Row(AREA, f"{embed_measure} ({label})", None, "s", None, "same app, 100 events", "< 2 s",
                                    failed=True, note=str(exc)))
                    continue
                rows.append(Row(AREA, f"{embed_measure} ({label})", ours["paint"], "s", peer["paint"], "same app, 100 events",
                                "< 2 s", note=f"{ours['markers']:,} markers in the DOM; {where(ours)}"))
        finally:
            browser.close()
    log("app: the map page's script run without a browser (AppTest)")
    ours_s, peer_s = script_run(big), script_run(small)
    rows.append(Row(AREA, f"  map page script run on the server (AppTest), {n:,} events, s", ours_s["seconds"], "s",
                    peer_s["seconds"], "same app, 100 events"))
    rows.append(Row(AREA, f"  st_folium payload sent to the browser, {n:,} events", ours_s["payload"], "B",
                    peer_s["payload"], "same app, 100 events"))
    return rows
