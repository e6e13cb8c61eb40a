"""`serve` for others: only the hosts served on are accepted, and pages that write are for signed-in editors
(or absent on a read-only server). The app is started as a user starts it, `python -m conflictmap serve`."""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import answering, free_port

from conflictmap import access
from conflictmap.config import ROOT

PASSWORD = "correct horse battery"


def serve(*args: str, console=subprocess.DEVNULL):
    """`python -m conflictmap serve ARGS` in its own process group; (process, url) once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "conflictmap", "serve", "--port", str(port), *args], cwd=ROOT,
                            stdout=console, stderr=subprocess.STDOUT, start_new_session=True)
    url = answering(port)
    if url is None:
        stop(proc)
        raise RuntimeError("the app did not start")
    return proc, url


def stop(proc) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # the serve process and the streamlit it started
    proc.wait(10)


@pytest.fixture
def store_copy(samples_db, tmp_path):
    db = tmp_path / "store.sqlite"
    with sqlite3.connect(samples_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    return db


@pytest.mark.parametrize("args, says", [
    (["--host", "192.0.2.10"], "--read-only"),
    (["--host", "0.0.0.0", "--read-only"], "--name"),
    (["--host", "192.0.2.10", "--editors", "missing.yaml"], "cannot read the editor accounts"),
])
def test_serving_beyond_loopback_needs_protection(args, says):
    done = subprocess.run([sys.executable, "-m", "conflictmap", "serve", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr


def _websocket_status(url: str, host: str) -> str:
    """The status line the app answers a WebSocket opening with, for a Host (and same Origin) of our choosing."""
    port = int(url.rsplit(":", 1)[1])
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: http://{host}:{port}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode())
        return s.recv(4096).decode("latin-1").split("\r\n")[0]


def test_a_foreign_host_is_refused(store_copy):
    """DNS rebinding: a page at attacker.example resolving to 127.0.0.1 gets no session."""
    proc, url = serve("--db", str(store_copy))
    try:
        assert " 101 " in _websocket_status(url, "127.0.0.1")
        assert " 101 " in _websocket_status(url, "localhost")
        assert " 101 " not in _websocket_status(url, "attacker.example")
    finally:
        stop(proc)


def test_the_map_page_is_prepared_before_the_server_answers(store_copy, tmp_path):
    """The first visit does not wait for imports, the store and the default view: serve runs the map page
    once while it starts, and answers only after that run (which went without error)."""
    console = tmp_path / "console.txt"
    with console.open("w") as out:
        proc, url = serve("--db", str(store_copy), console=out)
    try:
        said = console.read_text()
        assert "map page prepared before the first visit (ok, " in said, said
        assert "Traceback" not in said
    finally:
        stop(proc)


def _reader_cannot_write(page, url: str, says: str) -> None:
    page.goto(f"{url}/add_articles")  # a first visit straight to a write page's address
    page.locator("[data-testid='stSidebarNav']").get_by_text("Events", exact=True).wait_for(timeout=30000)
    page.wait_for_timeout(1500)
    assert page.get_by_text("Add to the map").count() == 0 and page.locator("input[type='file']").count() == 0
    assert page.locator("[data-testid='stSidebarNav']").get_by_text("Add articles", exact=True).count() == 0
    page.goto(f"{url}/events")
    page.get_by_text(says).first.wait_for(timeout=30000)
    assert page.get_by_text("Save correction").count() == 0
    page.goto(f"{url}/gazetteer")
    page.get_by_text(says).first.wait_for(timeout=30000)
    assert page.get_by_text("Add a missing place").count() == 0


@pytest.mark.browser
def test_a_read_only_server_has_no_page_that_writes(browser, store_copy):
    proc, url = serve("--db", str(store_copy), "--read-only")
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        _reader_cannot_write(page, url, "This server is read-only")
        page.close()
    finally:
        stop(proc)


@pytest.mark.browser
def test_an_editor_signs_in_corrects_and_signs_out(browser, store_copy, tmp_path):
    editors = tmp_path / "editors.yaml"
    access.add_editor(editors, "anna", PASSWORD)
    assert oct(editors.stat().st_mode & 0o777) == "0o600" and PASSWORD not in editors.read_text(encoding="utf-8")
    proc, url = serve("--db", str(store_copy), "--editors", str(editors))
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        _reader_cannot_write(page, url, "Editors sign in")
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_label("Editor").fill("anna")
        sidebar.get_by_label("Password", exact=True).fill("wrong password!")
        sidebar.get_by_role("button", name="Sign in").click()
        page.get_by_text("Wrong name or password").wait_for(timeout=30000)
        sidebar.get_by_label("Editor").fill("anna")
        sidebar.get_by_label("Password", exact=True).fill(PASSWORD)
        sidebar.get_by_role("button", name="Sign in").click()
        sidebar.get_by_text("Signed in as anna").wait_for(timeout=30000)
        sidebar.locator("[data-testid='stSidebarNav']").get_by_text("Add articles", exact=True).wait_for(timeout=30000)
        sidebar.locator("[data-testid='stSidebarNav']").get_by_text("Events", exact=True).click()
        page.get_by_text("Save correction").wait_for(timeout=30000)
        page.get_by_label("Why (kept with the correction)").fill("held by neither side")
        page.get_by_role("button", name="Save correction").click()
        page.get_by_text("Correction saved").wait_for(timeout=30000)
        sidebar.get_by_role("button", name="Sign out").click()
        sidebar.get_by_role("button", name="Sign in").wait_for(timeout=30000)
        page.get_by_text("Editors sign in").first.wait_for(timeout=30000)
        # the rerun that signs out replaces the page's elements a moment after the sidebar's
        page.get_by_text("Save correction").wait_for(state="detached", timeout=30000)
        assert page.get_by_text("Save correction").count() == 0
        assert sidebar.locator("[data-testid='stSidebarNav']").get_by_text("Add articles", exact=True).count() == 0
        page.close()
    finally:
        stop(proc)
    log = [json.loads(line) for line in (tmp_path / "changes.log").read_text(encoding="utf-8").splitlines()]
    assert [(e["who"], e["action"]) for e in log] == [("anna", "sign in"), ("anna", "correction")]
    assert log[1]["field"] == "status" and log[1]["new"] in ("claimed", "contested", "struck")
    assert log[1]["reason"] == "held by neither side"


def test_passwords_are_kept_as_salted_hashes(tmp_path):
    path = tmp_path / "editors.yaml"
    access.add_editor(path, "anna", PASSWORD)
    access.add_editor(path, "boris", PASSWORD)
    editors = access.load_editors(path)
    assert editors.accounts["anna"] != editors.accounts["boris"]  # salted
    assert access.verify(editors, "anna", PASSWORD) and not access.verify(editors, "anna", PASSWORD + "!")
    assert not access.verify(editors, "nobody", PASSWORD)
    with pytest.raises(access.AccessError, match="at least 10"):
        access.add_editor(path, "carla", "short")


def test_an_editors_session_expires(store_copy, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    editors = tmp_path / "editors.yaml"
    access.add_editor(editors, "anna", PASSWORD)
    monkeypatch.setenv("CONFLICTMAP_DB", str(store_copy))
    monkeypatch.setenv("CONFLICTMAP_EDITORS", str(editors))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["editor"] = ("anna", time.time() + 60)
    at.run()
    at.switch_page("views/events.py").run()
    assert any(b.label == "Save correction" for b in at.button)
    at.session_state["editor"] = ("anna", time.time() - 1)  # the session's time is up
    at.run()
    assert not any(b.label == "Save correction" for b in at.button)
    assert any("Editors sign in" in c.value for c in at.caption)


@pytest.mark.parametrize("host, names, allowed", [
    ("127.0.0.1", [], ["localhost", "127.0.0.1", "::1"]),
    ("127.0.0.2", ["laptop.local"], ["localhost", "127.0.0.1", "::1", "127.0.0.2", "laptop.local"]),
    ("10.1.2.3", ["newsroom.example"], ["10.1.2.3", "newsroom.example"]),
    ("0.0.0.0", ["newsroom.example"], ["newsroom.example"]),
])
def test_only_the_hosts_served_on_are_allowed(host, names, allowed):
    assert access.allowed_hosts(host, names) == allowed


@pytest.mark.browser
def test_a_first_visit_fetches_the_widgets_code_before_the_page_runs(browser, store_copy):
    """The served index page preloads the code of the map page's widgets and of the map's frame
    (conflictmap/preload.py): the browser asks for it before it opens the page's websocket, and the map draws."""
    proc, url = serve("--db", str(store_copy))
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        seen, errors = [], []
        page.on("request", lambda request: seen.append(request.url.rsplit("/", 1)[-1]))
        page.on("websocket", lambda ws: seen.append("(websocket)"))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        page.frame_locator("iframe[title*='st_folium']").locator(".cm-marker, .marker-cluster").first.wait_for(
            timeout=60000)
        opened = seen.index("(websocket)")
        for widget in ("ComponentInstance.", "Slider.", "Multiselect."):
            assert any(name.startswith(widget) for name in seen[:opened]), (widget, seen)
        assert not errors
        page.close()
    finally:
        stop(proc)
