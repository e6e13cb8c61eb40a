"""The index page names the map page's widget modules for preloading (conflictmap/preload.py)."""
from __future__ import annotations

import asyncio

from conflictmap import preload


def _build(folder):
    (folder / "Slider.aaa.js").write_text('import{o as e}from"./runtime.bbb.js";import"./side.ccc.js";'
                                          'const later=()=>import("./Lazy.ddd.js");')
    (folder / "runtime.bbb.js").write_text('import{x}from"./side.ccc.js";')
    (folder / "side.ccc.js").write_text("export const x=1;")
    (folder / "Lazy.ddd.js").write_text("export default 1;")
    (folder / "Unused.eee.js").write_text("export default 1;")
    return folder


def test_a_widgets_module_comes_with_what_it_imports_not_what_it_loads_later(tmp_path):
    assert preload.modules(_build(tmp_path), ("Slider", "Gone")) == ["Slider.aaa.js", "runtime.bbb.js",
                                                                     "side.ccc.js"]


def test_streamlits_own_build_has_the_map_pages_widgets():
    names = preload.modules(preload.streamlit_js())
    for widget in preload.WIDGETS:
        assert any(n.startswith(widget + ".") for n in names), widget


def _answer(middleware, content_type: bytes, body: bytes) -> tuple[dict, bytes]:
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent = []

    async def send(message):
        sent.append(message)

    asyncio.run(middleware(app)({"type": "http", "method": "GET", "path": "/"}, None, send))
    return dict(sent[0]["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


def test_only_streamlits_index_page_gains_the_links(tmp_path):
    folder = _build(tmp_path)
    make = lambda app: preload.PreloadWidgets(app, folder)  # noqa: E731
    index = (b'<html><head><link rel="modulepreload" crossorigin href="./static/js/side.ccc.js">'
             b'<script type="module" src="./static/js/index.fff.js"></script></head><body></body></html>')
    headers, body = _answer(make, b"text/html; charset=utf-8", index)
    assert body.count(b"./static/js/side.ccc.js") == 1  # already named: not twice
    assert b'<link rel="modulepreload" crossorigin href="./static/js/Slider.aaa.js">' in body
    assert b'href="./static/js/runtime.bbb.js"></head>' in body
    assert int(headers[b"content-length"]) == len(body)
    other = b"<html><head><title>a component's frame</title></head></html>"
    assert _answer(make, b"text/html", other)[1] == other
    assert _answer(make, b"application/javascript", index)[1] == index
