"""Exports: GeoJSON and CSV of the events with every source, and the map as one offline HTML page."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import assets, escape
from .mapview import ATTRIBUTION, build_map
from .models import Event

CSV_COLUMNS = ("id", "place", "kind", "region", "lat", "lon", "status", "date", "claimant", "side", "confidence",
               "source_count", "first_reported", "last_reported", "outlets", "quote", "url")
SOURCE_KEYS = ("article", "outlet", "url", "published", "quote", "claimant", "date", "date_source")


def extract_geojson(found: list[Event]) -> dict:
    """One Point feature per event per article: the `extract` contract."""
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                 "properties": e.properties()} for e in found]
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def events_geojson(events: list[dict]) -> dict:
    """One feature per merged event, with all its sources and when it was first and last reported."""
    features = []
    for ev in events:
        props = {k: v for k, v in ev.items() if k not in ("lat", "lon", "sources")}
        props["sources"] = [{k: s[k] for k in SOURCE_KEYS} for s in ev["sources"]]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [ev["lon"], ev["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def events_csv(events: list[dict]) -> str:
    """One row per event; cells a spreadsheet could run as formulas are neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        row = {**ev, "outlets": "; ".join(ev["outlets"])}
        writer.writerow([escape.spreadsheet_cell(row.get(c, "")) for c in CSV_COLUMNS])
    return out.getvalue()


def events_html(events: list[dict], geodata: Path, title: str = "conflictmap") -> str:
    """The map as one self-contained page: Leaflet inline, basemap from geodata/, no network needed."""
    m = assets.inline(build_map(events, geodata))
    m.get_root().title = title
    return m.get_root().render()


def write(fmt: str, events: list[dict], out: Path, geodata: Path) -> None:
    if fmt == "geojson":
        out.write_text(json.dumps(events_geojson(events), ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "csv":
        out.write_text(events_csv(events), encoding="utf-8", newline="")
    elif fmt == "html":
        out.write_text(events_html(events, geodata), encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}: use geojson, csv or html")
