"""The map: an offline basemap drawn from geodata/, and the events as one GeoJSON layer per status.

Event markers and popups are built in the browser from GeoJSON properties (one layer, not one
folium Marker per event), which keeps a map of 10,000 events small and fast. All text in those
properties has been through `escape`.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import folium
from folium.plugins import MarkerCluster
from folium.utilities import JsCode

from . import escape
from .dates import precision
from .models import STATUSES

# Okabe-Ito colours (safe for colour-blind readers), one shape each.
STYLE = {
    "claimed": {"colour": "#D55E00", "shape": "square", "label": "Claimed taken"},
    "contested": {"colour": "#0072B2", "shape": "diamond", "label": "Contested / denied"},
    "struck": {"colour": "#CC79A7", "shape": "triangle", "label": "Struck"},
}
SHAPES = {
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "triangle": '<polygon points="10,2 19,18 1,18"/>',
}
UKRAINE_BOUNDS = [[44.0, 22.0], [52.5, 40.5]]
TILES = {"none": None, "osm": "OpenStreetMap"}  # tiles need the internet; the basemap below does not
ATTRIBUTION = "Basemap: Natural Earth (public domain); places: GeoNames (CC BY 4.0)"
MAX_SOURCES_IN_POPUP = 8

def _point_to_layer() -> JsCode:
    """Markers drawn in the browser from the status and date precision, so the SVG of a marker is
    sent once per kind, not once per event."""
    icons = json.dumps({f"{s}{int(exact)}": icon_svg(s, exact) for s in STATUSES for exact in (True, False)})
    return JsCode("""function(feature, latlng) {
    const icons = %s, p = feature.properties;
    return L.marker(latlng, {icon: L.divIcon({html: icons[p.status + (p.exact ? 1 : 0)], className: 'cm-marker',
        iconSize: [20, 20], iconAnchor: [10, 10]}), title: p.title});
}""" % icons)
CITY_LABEL = JsCode("""function(feature, latlng) {
    return L.marker(latlng, {interactive: false, keyboard: false, icon: L.divIcon({className: 'cm-city',
        html: '<span class="cm-dot"></span>' + feature.properties.label, iconSize: null, iconAnchor: [3, 7]})});
}""")
ON_EACH_FEATURE = JsCode("""function(feature, layer) {
    layer.bindPopup(feature.properties.popup, {maxWidth: 440, maxHeight: 360});
    layer.bindTooltip(feature.properties.tooltip);
}""")


def icon_svg(status: str, exact: bool) -> str:
    """The marker: filled for a day, hollow and dashed for a month, year or period."""
    style = STYLE[status]
    paint = (f'fill="{style["colour"]}" stroke="#222" stroke-width="1.2"' if exact else
             f'fill="#fff" fill-opacity="0.85" stroke="{style["colour"]}" stroke-width="2.5" stroke-dasharray="3,2"')
    return f'<svg width="20" height="20" viewBox="0 0 20 20" {paint}>{SHAPES[style["shape"]]}</svg>'


def popup_html(event: dict) -> str:
    """Place, its other names, status, date and precision, claimant, and every source quoted."""
    e = escape.text
    names = ", ".join(event.get("other_names", [])[:4])
    sources = event["sources"]
    outlets = len({s["outlet"] for s in sources if s["outlet"]})
    parts = [f'<div class="cm-popup"><b>{e(event["place"])}</b>',
             f' <span class="cm-names">({e(names)})</span>' if names else "",
             f'<br><span class="cm-status" style="color:{STYLE[event["status"]]["colour"]}">'
             f'{e(STYLE[event["status"]]["label"])}</span> · {e(event["date"])} ({e(precision(event["date"]))})',
             f'<br>Claimant: {e(event["claimant"])}' if event.get("claimant") else "",
             f'<br><i>Reported by {len(sources)} source{"s" if len(sources) != 1 else ""}'
             f'{f" from {outlets} outlets" if outlets > 1 else ""}</i><ol class="cm-sources">']
    for s in sources[:MAX_SOURCES_IN_POPUP]:
        label = s["outlet"] or s["article"]
        parts.append(f'<li><q>{escape.highlight(s["quote"], s.get("surface") or event["place"])}</q>'
                     f'<br>— {escape.link(s["url"], label)}, {e(s["published"])}</li>')
    if len(sources) > MAX_SOURCES_IN_POPUP:
        parts.append(f"<li>and {len(sources) - MAX_SOURCES_IN_POPUP} more</li>")
    parts.append("</ol></div>")
    return "".join(parts)


def event_feature(event: dict, regions: dict[str, dict]) -> dict:
    exact = precision(event["date"]) == "day"
    props = {
        "id": event["id"], "status": event["status"], "title": f'{event["place"]} — {event["status"]}',
        "exact": exact, "popup": popup_html(event),
        "tooltip": escape.text(f'{event["place"]}: {event["status"]}, {event["date"]} ({event["source_count"]} sources)'),
    }
    props["title"] = escape.text(props["title"])
    geometry = {"type": "Point", "coordinates": [event["lon"], event["lat"]]}
    if event["kind"] == "region" and event["place"] in regions:
        geometry = regions[event["place"]]["geometry"]
    return {"type": "Feature", "geometry": geometry, "properties": props}


def events_layer(events: list[dict], regions: dict[str, dict], cluster: bool = False) -> folium.FeatureGroup:
    """All events, one GeoJSON layer per status (points as shaped markers, regions shaded);
    with `cluster`, crowded markers are grouped until the reader zooms in."""
    group = folium.FeatureGroup(name="Events")
    parent = MarkerCluster(options={"disableClusteringAtZoom": 10, "maxClusterRadius": 35}).add_to(group) \
        if cluster else group
    for status in STATUSES:
        feats = [event_feature(ev, regions) for ev in events if ev["status"] == status]
        if not feats:
            continue
        colour = STYLE[status]["colour"]
        folium.GeoJson(
            {"type": "FeatureCollection", "features": feats}, name=STYLE[status]["label"],
            style_function=lambda _f, c=colour: {"color": c, "weight": 2, "fillColor": c, "fillOpacity": 0.10,
                                                 "dashArray": "6,4"},
            on_each_feature=ON_EACH_FEATURE, pointToLayer=_point_to_layer(),
        ).add_to(parent)
    return group


@lru_cache(maxsize=4)
def load_basemap(geodata: Path) -> dict[str, dict]:
    layers = {}
    for name in ("countries", "oblasts", "rivers", "cities"):
        path = geodata / f"{name}.geojson"
        layers[name] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "type": "FeatureCollection", "features": []}
    return layers


def region_shapes(basemap: dict[str, dict]) -> dict[str, dict]:
    return {f["properties"]["name"]: f for f in basemap["oblasts"]["features"]}


def base_map(basemap: dict[str, dict], tiles: str | None = None, location=None, zoom: int | None = None) -> folium.Map:
    """A map that reads without tiles: countries, oblasts, rivers and city labels from geodata/."""
    m = folium.Map(location=location or [48.5, 34.5], zoom_start=zoom or 6, tiles=tiles, maxZoom=18, minZoom=4,
                   attr=ATTRIBUTION if tiles is None else None, control_scale=True, prefer_canvas=False)
    folium.GeoJson(basemap["countries"], name="Countries", control=False, interactive=False,
                   style_function=lambda f: {"color": "#888", "weight": 1, "fillOpacity": 0.55 if tiles is None else 0,
                                             "fillColor": "#fdfbf6" if f["properties"].get("iso_a3") == "UKR"
                                             else "#e9e7e1"}).add_to(m)
    folium.GeoJson(basemap["oblasts"], name="Oblasts", control=False, interactive=False,
                   style_function=lambda f: {"color": "#9a9a9a", "weight": 0.8, "fill": False,
                                             "dashArray": "2,3"}).add_to(m)
    folium.GeoJson(basemap["rivers"], name="Rivers", control=False, interactive=False,
                   style_function=lambda f: {"color": "#7fb0d8", "weight": 1.4}).add_to(m)
    cities = {"type": "FeatureCollection", "features": [
        {**f, "properties": {"label": escape.text(f["properties"]["name"])}} for f in basemap["cities"]["features"]]}
    folium.GeoJson(cities, name="Cities", control=False, interactive=False, pointToLayer=CITY_LABEL).add_to(m)
    if location is None:
        m.fit_bounds(UKRAINE_BOUNDS)
    m.get_root().header.add_child(folium.Element(CSS))
    m.get_root().html.add_child(folium.Element(legend_html()))
    return m


def legend_html() -> str:
    rows = "".join(f'<div>{icon_svg(s, True)} {STYLE[s]["label"]}</div>' for s in STATUSES)
    hollow = icon_svg("claimed", False)
    return (f'<div class="cm-legend"><b>Events</b>{rows}<div>{hollow} dated to a month, year or period</div>'
            f'<div class="cm-attr">{escape.text(ATTRIBUTION)}</div></div>')


CSS = """<style>
.cm-marker { background: none; border: none; }
.cm-popup { font: 13px/1.35 system-ui, sans-serif; }
.cm-popup q { display: block; margin: 2px 0; }
.cm-popup mark { background: #ffe08a; }
.cm-sources { padding-left: 18px; margin: 4px 0; }
.cm-city { font: 11px system-ui, sans-serif; color: #444; white-space: nowrap; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.cm-dot { display: inline-block; width: 5px; height: 5px; border-radius: 50%; background: #555; margin-right: 3px; }
.cm-legend { position: fixed; bottom: 24px; right: 10px; z-index: 9999; background: rgba(255,255,255,.92);
  padding: 6px 9px; border: 1px solid #bbb; border-radius: 4px; font: 12px system-ui, sans-serif; }
.cm-legend svg { vertical-align: middle; }
.cm-attr { color: #666; font-size: 10px; margin-top: 3px; }
</style>"""


def build_map(events: list[dict], geodata: Path, tiles: str | None = None) -> folium.Map:
    """The whole map in one object (for export): basemap plus events, fitted to the events."""
    basemap = load_basemap(geodata)
    m = base_map(basemap, tiles)
    events_layer(events, region_shapes(basemap)).add_to(m)
    points = [[e["lat"], e["lon"]] for e in events]
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        m.fit_bounds([[min(lats) - 0.3, min(lons) - 0.3], [max(lats) + 0.3, max(lons) + 0.3]], max_zoom=9)
    return m
