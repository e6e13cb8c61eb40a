"""The app's page asks for the scripts of the map page's widgets as it loads, not once the page has run.

Streamlit's frontend fetches the code of each kind of widget (slider, multiselect, the component frame...)
only when the page's run sends the first such widget. Those requests then wait for the server, busy with the
run itself: at 10,000 events they took 0.5-0.8 s, and the map's frame was made only after them
(bench/RESULTS.md, 2026-11-29). `PreloadWidgets` puts `<link rel="modulepreload">` for those modules, with
the modules they import, into Streamlit's index page, so the browser fetches them while Streamlit's own
scripts load and the server is idle. Modules a later Streamlit no longer has are left out.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

# the kinds of widget on the map page, as Streamlit names their modules
WIDGETS = ("Radio", "Slider", "Selectbox", "Multiselect", "NumberInput", "Checkbox", "TextInput", "Button",
           "ComponentInstance")
IMPORT = re.compile(r'(?:from|import)\s*"\./([\w.\-]+\.js)"')  # static imports only, not import("...")


def streamlit_js() -> Path:
    spec = importlib.util.find_spec("streamlit")
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "static" / "js"


def modules(folder: Path, widgets=WIDGETS) -> list[str]:
    """The files of `widgets`' modules in Streamlit's build folder, and all they import, sorted."""
    by_name = {f.name.split(".")[0]: f.name for f in folder.glob("*.js")}
    todo, seen = [by_name[w] for w in widgets if w in by_name], set()
    while todo:
        name = todo.pop()
        if name in seen or not (folder / name).is_file():
            continue
        seen.add(name)
        todo += IMPORT.findall((folder / name).read_text(encoding="utf-8", errors="replace"))
    return sorted(seen)


def links(names: list[str], page: bytes) -> bytes:
    """The preload links of the modules `page` does not name yet."""
    return "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{n}">' for n in names
                   if f"./static/js/{n}".encode() not in page).encode()


class PreloadWidgets:
    """ASGI middleware: Streamlit's index page (an HTML answer that loads ./static/js/index.*) gains the
    preload links before its `</head>`; every other answer passes unchanged."""

    def __init__(self, app, folder: Path | None = None):
        self.app = app
        self.names = modules(folder or streamlit_js())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or not self.names:
            return await self.app(scope, receive, send)
        start, body = None, []

        async def edit(message):
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if (headers.get(b"content-type", b"").startswith(b"text/html")
                        and b"content-encoding" not in headers):
                    start = message
                    return
            elif start is not None and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = b"".join(body)
                if b"./static/js/index." in page and b"</head>" in page:
                    page = page.replace(b"</head>", links(self.names, page) + b"</head>", 1)
                headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
                await send({**start, "headers": headers + [(b"content-length", str(len(page)).encode())]})
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, edit)
