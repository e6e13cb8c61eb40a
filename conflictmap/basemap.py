"""The offline basemap (countries, oblasts, rivers from geodata/): read once, styled in one place, and
written as one file the app serves, which the map in the browser fetches (basemap.js) rather than
finding it in each run's page."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from . import labels

BASEMAP_JS = Path(__file__).with_name("basemap.js").read_text(encoding="utf-8")  # draws the fetched file


@lru_cache(maxsize=4)
def load_basemap(geodata: Path) -> dict[str, dict]:
    layers = {}
    for name in ("countries", "oblasts", "rivers", "cities"):
        path = geodata / f"{name}.geojson"
        layers[name] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "type": "FeatureCollection", "features": []}
    return layers


def outline_styles(tiles: str | None) -> dict:
    """How each layer of the basemap is drawn: name -> function of a feature."""
    return {"countries": lambda f: {"color": "#888", "weight": 1, "fillOpacity": 0.55 if tiles is None else 0,
                                    "fillColor": "#fdfbf6" if f["properties"].get("iso_a3") == "UKR" else "#e9e7e1"},
            "oblasts": lambda f: {"color": "#9a9a9a", "weight": 0.8, "fill": False, "dashArray": "2,3"},
            "rivers": lambda f: {"color": "#7fb0d8", "weight": 1.4}}


def basemap_json(geodata: Path, tiles: str | None = None) -> str:
    """The basemap as base_map(fetch_from=...) fetches it: each layer's features with only their shape and
    style, and the towns to label (labels.towns)."""
    basemap = load_basemap(Path(geodata))
    layers = {name: {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": f["geometry"], "properties": {"style": style(f)}}
        for f in basemap[name]["features"]]} for name, style in outline_styles(tiles).items()}
    body = json.dumps(layers, separators=(",", ":"))
    return body[:-1] + f',"towns":{labels.towns(Path(geodata))}}}'
