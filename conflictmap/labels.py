"""Place names on the map at local zoom, offline: towns from the gazetteer's base (geodata/) by
population, drawn by our own script (labels.js) into one layer, not one marker per label.

The places of the events shown are labelled too, before any town (mapview.js hands them over);
labels that would overlap one already drawn are left out, so a larger town wins a crowded spot.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from . import escape

LABELS_JS = Path(__file__).with_name("labels.js").read_text(encoding="utf-8")
# (smallest population, zoom from which it is labelled): larger towns appear first
ZOOMS = ((100_000, 7), (20_000, 8), (5_000, 9), (1_000, 10), (1, 11))
EVENT_PLACE_ZOOM = 8  # the places of the events shown, whatever their size
BASE = "gazetteer_base.tsv"


def min_zoom(population: int) -> int | None:
    """The zoom from which a town of this population is labelled; None: never (unknown population)."""
    return next((zoom for floor, zoom in ZOOMS if population >= floor), None)


@lru_cache(maxsize=2)
def towns(geodata: Path) -> str:
    """The places to label, largest first, as JSON columns {lat, lon, name, zoom}, names escaped: the
    basemap's cities (cities.geojson) at every zoom (0), then the gazetteer's towns by population."""
    path, cities = Path(geodata) / BASE, Path(geodata) / "cities.geojson"
    rows, drawn = [], set()
    for city in json.loads(cities.read_text(encoding="utf-8"))["features"] if cities.exists() else []:
        lon, lat = city["geometry"]["coordinates"]
        rows.append((-10**9 - city["properties"].get("population", 0), city["properties"]["name"], lat, lon, 0))
        drawn.add(city["properties"]["name"])
    if path.exists():  # split by hand: csv.DictReader takes three times as long over 30,000 rows
        with path.open(encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            at = {name: header.index(name) for name in ("name", "lat", "lon", "population", "precision")}
            for line in fh:
                row = line.rstrip("\n").split("\t")
                zoom = min_zoom(int(row[at["population"]] or 0))
                if zoom is not None and row[at["name"]] not in drawn and row[at["precision"]] in ("point", ""):
                    rows.append((-int(row[at["population"]]), row[at["name"]], float(row[at["lat"]]),
                                 float(row[at["lon"]]), zoom))
    rows.sort()
    return json.dumps({"lat": [round(r[2], 4) for r in rows], "lon": [round(r[3], 4) for r in rows],
                       "name": [escape.text(r[1]) for r in rows], "zoom": [r[4] for r in rows]},
                      ensure_ascii=False, separators=(",", ":"))
