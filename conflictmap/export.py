"""Exports: GeoJSON of the events with every source, CSV with a row per source, and the map as one offline
HTML page headed by its title and date."""
from __future__ import annotations

import csv
import io
import json
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import folium

from . import assets, escape
from .mapview import ATTRIBUTION, build_map
from .models import Event

CSV_COLUMNS = ("id", "place", "kind", "region", "lat", "lon", "located", "status", "date", "claimant", "side", "confidence",
               "source_count", "first_reported", "last_reported", "outlets", "source", "source_outlet",
               "source_published", "source_claimant", "quote", "url")
KML_NS = "http://www.opengis.net/kml/2.2"
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
    """One row per source of each event, "source" saying which ("2 of 8"), the event's columns repeated;
    cells a spreadsheet could run as formulas are neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        sources = ev.get("sources") or [{}]
        for n, s in enumerate(sources, 1):
            row = {**ev, "outlets": "; ".join(ev["outlets"]), "source": f"{n} of {len(sources)}",
                   "source_outlet": s.get("outlet", ""), "source_published": s.get("published", ""),
                   "source_claimant": s.get("claimant", ""), "quote": s.get("quote", ev.get("quote", "")),
                   "url": s.get("url", ev.get("url", ""))}
            writer.writerow([escape.spreadsheet_cell(row.get(c, "")) for c in CSV_COLUMNS])
    return out.getvalue()


def events_html(events: list[dict], geodata: Path, title: str = "conflictmap", when: str = "") -> str:
    """The map as one self-contained page: Leaflet inline, basemap from geodata/, no network needed;
    its title and date (`when`) head the page."""
    m = assets.inline(build_map(events, geodata))
    m.get_root().title = escape.text(" · ".join(x for x in (title, when) if x))  # the template does not escape
    m.get_root().html.add_child(folium.Element(
        f'<div class="cm-heading" style="position:fixed;top:8px;left:60px;z-index:1000;background:#fffe;'
        f'padding:4px 12px;border-radius:4px;font:600 18px sans-serif;box-shadow:0 1px 4px #0004">'
        f'{escape.text(title)}<span style="font-weight:400;margin-left:12px">{escape.text(when)}</span></div>'))
    return m.get_root().render()


KML_COLOURS = {"claimed": "ff005ed5", "contested": "ffb27200", "struck": "ffa779cc"}  # aabbggrr


def events_kml(events: list[dict]) -> str:
    """KML for Google Earth and GIS: one placemark per event, its sources in the description, its dates
    as a TimeSpan. ElementTree escapes all text."""
    ET.register_namespace("", KML_NS)
    kml = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = "conflictmap events"
    ET.SubElement(doc, "description").text = ATTRIBUTION
    for status, colour in KML_COLOURS.items():
        style = ET.SubElement(ET.SubElement(doc, "Style", id=status), "IconStyle")
        ET.SubElement(style, "color").text = colour
    for ev in events:
        mark = ET.SubElement(doc, "Placemark")
        ET.SubElement(mark, "name").text = f'{ev["place"]}: {ev["status"]} ({ev["date"]})'
        ET.SubElement(mark, "styleUrl").text = f'#{ev["status"]}'
        ET.SubElement(mark, "description").text = "\n\n".join(
            f'"{s["quote"]}" — {s["outlet"] or s["article"]}, {s["published"]} {s["url"]}' for s in ev["sources"])
        span = ET.SubElement(mark, "TimeSpan")
        ET.SubElement(span, "begin").text = ev["date_start"]
        ET.SubElement(span, "end").text = ev["date_end"]
        ET.SubElement(ET.SubElement(mark, "Point"), "coordinates").text = f'{ev["lon"]},{ev["lat"]}'
    return ET.tostring(kml, encoding="unicode", xml_declaration=True)


def write(fmt: str, events: list[dict], out: Path, geodata: Path, *, as_of: date | None = None,
          size: str | None = None, title: str = "conflictmap", bbox=None, step: str = "week",
          period: tuple[date, date] | None = None) -> None:
    """Write `events` as `fmt`: geojson, csv, kml, html, or the images png, pdf and gif."""
    from . import animation, snapshot  # matplotlib, loaded only for images

    texts = {"geojson": lambda: json.dumps(events_geojson(events), ensure_ascii=False, indent=1),
             "csv": lambda: events_csv(events), "kml": lambda: events_kml(events),
             "html": lambda: events_html(events, geodata, title, _when(events, as_of, period))}
    if fmt in texts:
        out.write_text(texts[fmt](), encoding="utf-8", newline="")
    elif fmt in ("png", "pdf"):
        render = snapshot.render_png if fmt == "png" else snapshot.render_pdf
        render(events, geodata, out, size=size or ("print" if fmt == "pdf" else "slides"), title=title,
               bbox=bbox, as_of=as_of, period=None if as_of else period)
    elif fmt == "gif":
        start, end = period or (None, None)
        animation.render_gif(events, geodata, out, step=step, start=start, end=end, size=size or "social",
                             title=title, bbox=bbox)
    else:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")


def _when(events: list[dict], as_of: date | None, period: tuple[date, date] | None) -> str:
    """The view's date as the images say it: "as of 31 October 2024", "1 Jan – 31 Mar 2025"."""
    from .snapshot import date_label

    return date_label(events, as_of, period)


FORMATS = ("geojson", "csv", "kml", "html", "png", "pdf", "gif")


def to_bytes(fmt: str, events: list[dict], geodata: Path, **options) -> bytes:
    """Any export in memory, for a download button."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"export.{fmt}"
        write(fmt, events, out, geodata, **options)
        return out.read_bytes()
