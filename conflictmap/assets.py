"""Leaflet and its plugins from installed packages, never from a CDN.

The files come from PyPI's XStatic packages (pinned in requirements.txt). The app serves copies
through Streamlit's static folder; an exported page carries them inline so it works offline.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import folium
from branca.element import Element

# (name, package module, file) in load order
SCRIPTS = (("leaflet", "xstatic.pkg.leaflet", "leaflet.js"),
           ("markercluster", "xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js"))
STYLES = (("leaflet_css", "xstatic.pkg.leaflet", "leaflet.css"),
          ("markercluster_css", "xstatic.pkg.leaflet_markercluster", "MarkerCluster.css"),
          ("markercluster_default_css", "xstatic.pkg.leaflet_markercluster", "MarkerCluster.Default.css"))


def _file(module: str, name: str) -> Path:
    package = __import__(module, fromlist=["BASE_DIR"])
    return Path(package.BASE_DIR) / name


def publish(static_dir: Path) -> Path:
    """Copy the files into `static_dir/vendor` (Streamlit serves them at /app/static/vendor/)."""
    target = static_dir / "vendor"
    target.mkdir(parents=True, exist_ok=True)
    for _, module, name in SCRIPTS + STYLES:
        source, dest = _file(module, name), target / name
        if not dest.exists() or dest.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, dest)
    return target


def publish_text(static_dir: Path, stem: str, text: str, suffix: str = "json") -> str:
    """`text` in `static_dir/data/` under a name made of its digest, so that a changed text is a new file and
    a browser may keep the old one; its path under static_dir. Written whole or not at all (several servers
    may share the folder)."""
    import hashlib
    import os
    import tempfile

    target = static_dir / "data"
    target.mkdir(parents=True, exist_ok=True)
    name = f"{stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.{suffix}"
    if not (target / name).exists():
        fd, partial = tempfile.mkstemp(dir=target, prefix=f".{name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(partial, 0o644)
        os.replace(partial, target / name)
    return f"data/{name}"


def _elements(root):
    yield root
    for child in getattr(root, "_children", {}).values():
        yield from _elements(child)


def use_urls(m: folium.Map, base_url: str, *layers) -> folium.Map:
    """Point the map at our copies under `base_url`; its elements, and `layers` to be added to it
    later, load nothing of their own."""
    m.default_js = [(n, f"{base_url}{f}") for n, _, f in SCRIPTS]
    m.default_css = [(n, f"{base_url}{f}") for n, _, f in STYLES]
    for root in (m, *layers):
        for element in _elements(root):
            if element is not m and hasattr(element, "default_js"):
                element.default_js, element.default_css = [], []
    return m


def inline(m: folium.Map) -> folium.Map:
    """Carry Leaflet inside the page itself (for a self-contained export)."""
    for element in _elements(m):
        if hasattr(element, "default_js"):
            element.default_js, element.default_css = [], []
    css = "".join(_file(mod, f).read_text(encoding="utf-8") for _, mod, f in STYLES)
    js = "\n".join(_file(mod, f).read_text(encoding="utf-8") for _, mod, f in SCRIPTS)
    header = m.get_root().header
    header.add_child(Element(f"<style>{css}</style>"), name="cm_inline_css", index=0)
    header.add_child(Element("<script>" + js.replace("</script", "<\\/script") + "</script>"),
                     name="cm_inline_js", index=1)
    return m
