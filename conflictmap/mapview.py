"""The map: an offline basemap drawn from geodata/, and the events drawn in the browser.

The events reach the page as compact rows (no HTML), deflated; mapview.js draws the markers and
writes a popup only when one is opened, which keeps a map of 10,000 events small and fast. All
text in the rows has been through `escape`.
"""
from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from urllib.parse import quote

import folium
from branca.element import Element, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from . import escape, filters, frontline, labels
from .basemap import BASEMAP_JS, load_basemap, outline_styles
from .dates import precision
from .models import STATUSES

# The shape says what happened, the colour whose claim it is (Okabe-Ito: safe for colour-blind readers).
STYLE = {
    "claimed": {"shape": "square", "label": "Claimed taken"},
    "contested": {"shape": "diamond", "label": "Contested"},
    "struck": {"shape": "triangle", "label": "Struck"},
}
SIDES = {"russian": {"colour": "#D55E00", "label": "Russian claim"},
         "ukrainian": {"colour": "#0072B2", "label": "Ukrainian claim"},
         "other": {"colour": "#6E6E6E", "label": "Other or unknown claimant"}}
DENIAL_LABEL = "Contested: denies the other side's claim"
SHADED_LABEL = "Whole region claimed (shaded)"
SHAPES = {
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "triangle": '<polygon points="10,2 19,18 1,18"/>',
}
DENIAL_MARK = '<path d="M6.5,6.5 13.5,13.5 M13.5,6.5 6.5,13.5" stroke-width="2.2" stroke-dasharray="none" fill="none"/>'
# every kind of marker: (status, side, exact date, denial)
ICONS = tuple((status, side, exact, denial) for status in STYLE for side in SIDES for exact in (True, False)
              for denial in ((False, True) if status == "contested" else (False,)))
UKRAINE_BOUNDS = [[44.0, 22.0], [52.5, 40.5]]
TILES = {"none": None, "osm": "OpenStreetMap"}  # tiles need the internet; the basemap below does not
ATTRIBUTION = "Basemap: Natural Earth (public domain); places: GeoNames (CC BY 4.0)"
MAX_SOURCES_IN_POPUP = 8
PRECISIONS = ("day", "month", "year", "period")  # as dates.precision says
# How exactly a place is put on the map, when not at its own point (the gazetteer's `precision`).
LOCATED = {"hromada": "Placed at its hromada's centre: the village itself may be 15-30 km away.",
           "raion": "Placed at its district's centre: the village itself may be 30 km or more away.",
           "postcode": "Placed by the GeoNames point of its postcode: usually within 1-2 km.",
           "postarea": "Placed amid the post offices of its district: the village itself is usually 10-30 km away.",
           "centroid": "Somewhere in the region: the marker is at its middle."}
EVENT_COLUMNS = ("lat", "lon", "status", "side", "icon", "precision", "date", "place", "claimant", "sources",
                 "outlets", "region", "first")
CLUSTER = {"disableClusteringAtZoom": 10, "maxClusterRadius": 35, "chunkedLoading": True}
EVENTS_JS = Path(__file__).with_name("mapview.js").read_text(encoding="utf-8")  # draws the events
FOCUS_JS = Path(__file__).with_name("focus.js").read_text(encoding="utf-8")  # the map focused without scrolling
HELD_KEY_JS = Path(__file__).with_name("held_key.js").read_text(encoding="utf-8")  # the held-by layer's key
SAME_VIEW_JS = Path(__file__).with_name("sameview.js").read_text(encoding="utf-8")  # no report of the URL's view

HELD_COLOURS = {"russian": SIDES["russian"]["colour"], "ukrainian": SIDES["ukrainian"]["colour"],
                "contested": "#E69F00"}
HELD_DOT = JsCode("""function(feature, latlng) {
    return L.circleMarker(latlng, {radius: 5, weight: 1, color: '#222', fillColor: feature.properties.colour,
        fillOpacity: 0.9}).bindTooltip(feature.properties.label);
}""")


SIDE_AT = {side: i for i, side in enumerate(SIDES)}
ICON_AT = {kind: i for i, kind in enumerate(ICONS)}


def icon_svg(status: str, side: str = "other", exact: bool = True, denial: bool = False) -> str:
    """The marker: its shape the status, its colour the claimant's side; filled for a day, hollow and
    dashed for a month, year or period; a cross for a denial."""
    colour = SIDES[side]["colour"]
    paint = (f'fill="{colour}" stroke="#222" stroke-width="1.2"' if exact else
             f'fill="#fff" fill-opacity="0.85" stroke="{colour}" stroke-width="2.5" stroke-dasharray="3,2"')
    mark = DENIAL_MARK.replace("/>", f' stroke="{"#fff" if exact else colour}"/>') if denial else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20" {paint}>'
            f'{SHAPES[STYLE[status]["shape"]]}{mark}</svg>')


def icon_class(status: str, side: str, exact: bool, denial: bool) -> str:
    return f"cm-{status}-{side}{'' if exact else '-vague'}{'-denial' if denial else ''}"


def icon_css() -> str:
    """The markers as CSS backgrounds: the browser draws each kind once, not an SVG per marker."""
    return "".join(f'.cm-marker.{icon_class(*kind)} {{ background: url("data:image/svg+xml,'
                   f'{quote(icon_svg(*kind))}"); }}\n' for kind in ICONS)


def _ref(table: dict, key) -> int:
    """The position of `key` in a table of values sent once and referred to by position."""
    return table.setdefault(key, len(table))


def _add_event(columns: dict[str, list], tables: dict[str, dict], event: dict, regions: dict[str, dict],
               denied: set[int]) -> None:
    sources, place, side = event["sources"], event["place"], frontline.side_class(event.get("side", ""))
    how = precision(event["date"])
    values = (round(event["lat"], 5), round(event["lon"], 5), STATUSES.index(event["status"]), SIDE_AT[side],
              ICON_AT[(event["status"], side, how == "day", event.get("id") in denied)], PRECISIONS.index(how),
              _ref(tables["dates"], event["date"]),
              _ref(tables["places"], (place, ", ".join(event.get("other_names", [])[:4]),
                                      LOCATED.get(event.get("located", "point"), ""))),
              _ref(tables["claimants"], event["claimant"]) if event.get("claimant") else -1,
              len(sources), len({s["outlet"] for s in sources if s["outlet"]}),
              _ref(tables["regions"], place) if frontline.shaded_region(event) and place in regions else -1,
              len(columns["quote"]))
    for name, value in zip(EVENT_COLUMNS, values):
        columns[name].append(value)
    for s in sources[:MAX_SOURCES_IN_POPUP]:
        columns["quote"].append(escape.highlight(s["quote"], s.get("surface") or place))
        columns["article"].append(_ref(tables["articles"], (s["outlet"] or s["article"], s["url"], s["published"])))


def events_data(events: list[dict], regions: dict[str, dict], context: list[dict] | None = None) -> dict:
    """What the browser needs to draw the events and write their popups (mapview.js), as columns: per
    event EVENT_COLUMNS, where `icon` is its kind of marker (ICONS) and `first` is the position of its
    first source in `quote` and `article` (the first MAX_SOURCES_IN_POPUP sources); text that repeats
    (dates, places and their other names, claimants, the outlet, link and date of an article) and the
    shapes of regions claimed as a whole are sent once and referred to by position (-1: none). A
    contested event denies a claim of the other side when linked to one among `context` (all the
    events; by default those shown). Every string has been through `escape`."""
    tables: dict[str, dict] = {"dates": {}, "places": {}, "claimants": {}, "articles": {}, "regions": {}}
    columns: dict[str, list] = {name: [] for name in EVENT_COLUMNS + ("quote", "article")}
    denied = frontline.denials(events if context is None else context)
    for event in events:
        _add_event(columns, tables, event, regions, denied)
    columns["first"].append(len(columns["quote"]))
    places, articles = list(tables["places"]), list(tables["articles"])
    return {**columns, "places": [escape.text(name) for name, _, _ in places],
            "names": [escape.text(others) for _, others, _ in places],
            "located": [escape.text(note) for _, _, note in places],
            "dates": [escape.text(d) for d in tables["dates"]],
            "claimants": [escape.text(c) for c in tables["claimants"]],
            "labels": [escape.text(label) for label, _, _ in articles],
            "urls": [escape.text(escape.safe_url(url) or "") for _, url, _ in articles],
            "published": [escape.text(published) for _, _, published in articles],
            "regions": [regions[name]["geometry"] for name in tables["regions"]],
            "styles": [[escape.text(s), escape.text(STYLE[s]["label"])] for s in STATUSES],
            "sides": [[style["colour"], escape.text(style["label"])] for style in SIDES.values()],
            "denial": escape.text(DENIAL_LABEL),
            "icons": [icon_class(*kind) for kind in ICONS], "precisions": PRECISIONS}


def pack(data: dict) -> str:
    """JSON, deflated and base64-encoded: a third of the size in the page; the browser inflates it."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 1)).decode("ascii")


class _Text(Element):
    """Text put in the page as it is (branca would read it as a template, lexing all of it)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class TextScript(MacroElement):
    """A script put into the page as it is (its text is not read as a template), after the map is made;
    st_folium reads it through its `script` macro."""
    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str):
        super().__init__()
        self._name, self.code = "TextScript", code

    def render(self, **kwargs) -> None:
        self.get_root().script.add_child(_Text(self._template.module.script(self)), name=self.get_name())


class EventsLayer(MacroElement):
    """Draws the packed events into its parent layer, in the browser (mapview.js)."""
    _template = Template("""{% macro script(this, kwargs) %}
({{ this.code }})({{ this._parent.get_name() }}, "{{ this.packed }}", {{ this.cluster }});
{% endmacro %}""")

    def __init__(self, packed: str, cluster: bool):
        super().__init__()
        self._name, self.code, self.packed = "EventsLayer", EVENTS_JS, packed
        self.cluster = json.dumps(CLUSTER if cluster else False)

    def render(self, **kwargs) -> None:
        self.get_root().script.add_child(_Text(self._template.module.script(self)), name=self.get_name())


def events_layer(packed: str, cluster: bool = False) -> folium.FeatureGroup:
    """The packed events (`pack(events_data(...))`): points as shaped markers, regions shaded, each
    with its popup and tooltip; with `cluster`, crowded markers are grouped until the reader zooms in."""
    group = folium.FeatureGroup(name="Events")
    EventsLayer(packed, cluster).add_to(group)
    return group


def held_layer(front: list[dict], show: bool = True) -> folium.FeatureGroup:
    """Each place of a front line (filters.latest_status) as a dot in the colour of the side that
    holds it as last reported, over the inferred control cells (frontline.inferred_control)."""
    held = frontline.holdings(front)
    group = folium.FeatureGroup(name=f"Held by, as reported ({frontline.INFERRED_LABEL.lower()})", show=show)
    folium.GeoJson(frontline.inferred_control(held), interactive=False, style_function=lambda f: {
        "color": HELD_COLOURS[f["properties"]["holder"]], "weight": 1, "opacity": 0.6,
        "fillColor": HELD_COLOURS[f["properties"]["holder"]], "fillOpacity": 0.22}).add_to(group)
    dots = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [h.lon, h.lat]},
         "properties": {"colour": HELD_COLOURS[h.holder], "label": escape.text(
             f"{h.place}: {frontline.HOLDER_LABELS[h.holder].lower()} as last reported ({h.date}); inferred")}}
        for h in held if not h.region]}
    folium.GeoJson(dots, pointToLayer=HELD_DOT).add_to(group)
    TextScript(f"({HELD_KEY_JS})({group.get_name()}, {json.dumps(held_legend_html())});").add_to(group)
    return group


def region_shapes(basemap: dict[str, dict]) -> dict[str, dict]:
    return {f["properties"]["name"]: f for f in basemap["oblasts"]["features"]}


def base_map(geodata: Path, tiles: str | None = None, location=None, zoom: int | None = None,
             fetch_from: str | None = None) -> folium.Map:
    """A map that reads without tiles: countries, oblasts, rivers and place names from geodata/ (cities
    always, towns as the zoom allows: labels.py). With `fetch_from`, the URL of basemap.basemap_json() served
    by the app, the browser fetches them from there instead of finding them in the page."""
    m = folium.Map(location=location or [48.5, 34.5], zoom_start=zoom or 6, tiles=tiles, maxZoom=18, minZoom=4,
                   attr=ATTRIBUTION if tiles is None else None, control_scale=True, prefer_canvas=False)
    if fetch_from:
        TextScript(f"({BASEMAP_JS})({m.get_name()}, {json.dumps(fetch_from)}, {labels.LABELS_JS}, "
                   f"{labels.EVENT_PLACE_ZOOM});").add_to(m)
    else:
        basemap = load_basemap(Path(geodata))
        for name, style in outline_styles(tiles).items():
            folium.GeoJson(basemap[name], name=name.capitalize(), control=False, interactive=False,
                           style_function=style).add_to(m)
        TextScript(f"({labels.LABELS_JS})({m.get_name()}, {labels.towns(Path(geodata))}, "
                   f"{labels.EVENT_PLACE_ZOOM});").add_to(m)
    if location is None:  # at once, not animated: the map is at its view when the page first asks where it is
        TextScript(f"{m.get_name()}.fitBounds({json.dumps(UKRAINE_BOUNDS)}, {{animate: false}});").add_to(m)
    m.get_root().header.add_child(_Text(CSS + f"<style>{icon_css()}</style>"))
    m.get_root().html.add_child(folium.Element(legend_html()))
    TextScript(f"({FOCUS_JS})({m.get_name()}.keyboard);").add_to(m)
    return m


def quiet_when_unmoved(m: folium.Map, fitted: bool) -> folium.Map:
    """In the app: a map made at the view its page's URL holds (`fitted`: base_map fitted it to Ukraine, and
    the URL has no position) does not report that view back to the page (st_folium's first report, which
    would run the page again for nothing); see sameview.js. Added after base_map's own scripts, so the map
    is at its starting view when this runs."""
    TextScript(f"({SAME_VIEW_JS})({m.get_name()}, {json.dumps(fitted)});").add_to(m)
    return m


def legend_html() -> str:
    """The key to the markers: colour for whose claim, shape for what happened."""
    swatch = '<span class="cm-swatch" style="background:{}"></span>'
    sides = "".join(f'<div>{swatch.format(v["colour"])} {v["label"]}</div>' for v in SIDES.values())
    shapes = "".join(f'<div>{icon_svg(s)} {STYLE[s]["label"]}</div>' for s in STATUSES)
    rows = (f'<div>{icon_svg("contested", denial=True)} {DENIAL_LABEL}</div>'
            f'<div>{icon_svg("claimed", exact=False)} dated to a month, year or period</div>'
            f'<div><span class="cm-swatch cm-shade"></span> {SHADED_LABEL}</div>')
    return (f'<div class="cm-legend"><div class="cm-cols"><div><b>Whose claim</b>{sides}</div>'
            f'<div><b>What</b>{shapes}{rows}</div></div><div class="cm-attr">{escape.text(ATTRIBUTION)}</div></div>')


def held_legend_html() -> str:
    """The key to the held-by layer, which says that it is inferred."""
    rows = "".join(f'<div><span class="cm-swatch" style="background:{HELD_COLOURS[h]};opacity:.5"></span> '
                   f'{frontline.HOLDER_LABELS[h]}</div>' for h in frontline.HOLDERS)
    return f'<b>Held by, as reported</b>{rows}<div class="cm-attr cm-inferred">{frontline.INFERRED_LABEL}</div>'


CSS = "<style>" + Path(__file__).with_name("mapview.css").read_text(encoding="utf-8") + "</style>"


def build_map(events: list[dict], geodata: Path, tiles: str | None = None) -> folium.Map:
    """The whole map in one object (for export): basemap, town labels and events, fitted to the events;
    the held-by layer of the events' last day can be switched on."""
    m = base_map(geodata, tiles)
    events_layer(pack(events_data(events, region_shapes(load_basemap(geodata))))).add_to(m)
    dated = [e for e in events if "date_start" in e]  # merged events are; a bare event has no held-by layer
    if dated:
        held_layer(filters.latest_status(dated, filters.date_range(dated)[1]), show=False).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    points = [[e["lat"], e["lon"]] for e in events]
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        m.fit_bounds([[min(lats) - 0.3, min(lons) - 0.3], [max(lats) + 0.3, max(lons) + 0.3]], max_zoom=9)
    return m
