"""Static maps for slides, social posts and print: PNG and PDF drawn offline from geodata/ (read and
projected with geopandas) with matplotlib.

The figure is built without pyplot (a `Figure` on an Agg canvas), so it keeps no global state and is safe
to use from Streamlit's threads. The map is drawn in a Lambert conformal conic projection centred on
Ukraine, so the scale bar holds across the map. All text that may come from articles is drawn with
mathtext and LaTeX off: `$x$` stays `$x$`.

`Snapshot` draws the basemap once and the events with `show()`, which the GIF renderer (animation.py)
calls once per frame.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from PIL import Image
from pyproj import Transformer
from shapely.geometry.polygon import orient

from . import filters, frontline
from .filters import latest_status
from .dates import precision
from .mapview import ATTRIBUTION, DENIAL_LABEL, SHADED_LABEL, SIDES, STYLE, load_basemap
from .models import STATUSES

SIZES = {"slides": (1920, 1080, 100), "social": (1200, 675, 100), "print": (3508, 2480, 300)}  # px, px, dpi
A4_LANDSCAPE_IN = (297 / 25.4, 210 / 25.4)
LCC = "+proj=lcc +lat_1=45 +lat_2=51 +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m +no_defs"
UKRAINE_BBOX = (22.0, 44.0, 40.5, 52.5)
MAP_RECT = (0.012, 0.075, 0.728, 0.785)  # left, bottom, width, height as fractions of the figure
PANEL_X = 0.758  # left edge of the side panel: legend, counts, scale bar, north arrow
FONT = "DejaVu Sans"  # ships with matplotlib: same glyphs (Latin and Cyrillic) everywhere
LAND, UKRAINE, WATER, INK = "#e9e7e1", "#fdfbf6", "#dce8f1", "#222222"  # land and Ukraine as in mapview
MARKERS = {"square": ("s", 1.0), "diamond": ("D", 0.85), "triangle": ("^", 1.2)}  # shape -> marker, size factor
HOLLOW_LABEL = "dated to a month, year or period"
DATA_ATTRIBUTION = "Events: conflictmap, from the news reports cited; claims as reported, not verified"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MIN_SPAN_M = 150_000  # a single event still shows its surroundings
MAX_CITY_LABELS = 24


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def range_label(start: date, end: date) -> str:
    """"7 February 2025", "1 Jan – 31 Mar 2025", "15 Dec 2024 – 31 Jan 2025"."""
    if start == end:
        return long_date(start)
    short = lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}"  # noqa: E731
    if start.year == end.year:
        return f"{short(start)} – {short(end)} {end.year}"
    return f"{short(start)} {start.year} – {short(end)} {end.year}"


def date_label(events: list[dict], as_of: date | None = None, period: tuple[date, date] | None = None) -> str:
    if as_of:
        return f"as of {long_date(as_of)}"
    span = period or filters.date_range(events)
    return range_label(*span) if span else ""


def plain(value: object) -> str:
    """One line of untrusted text: line breaks, control and bidi-override characters become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(value)).split())


@lru_cache(maxsize=4)
def _basemap(geodata: Path) -> dict[str, gpd.GeoDataFrame]:
    """The four basemap layers, projected once per geodata folder (read-only afterwards)."""
    return {name: gpd.GeoDataFrame.from_features(layer["features"], crs="EPSG:4326").to_crs(LCC)
            for name, layer in load_basemap(geodata).items() if layer["features"]}


def _polygon_path(geom) -> MplPath:
    """A (multi)polygon with holes as one matplotlib path; rings oriented so holes stay empty."""
    polys = [orient(p) for p in getattr(geom, "geoms", [geom])]
    rings = [ring for p in polys for ring in (p.exterior, *p.interiors)]
    return MplPath.make_compound_path(*[MplPath(np.asarray(r.coords)[:, :2], closed=True) for r in rings])


class Snapshot:
    """One figure: basemap, title, legend, scale and attribution drawn once; events drawn by `show()`."""

    def __init__(self, geodata: Path, *, size: str = "social", title: str = "", subtitle: str | None = None,
                 bbox: tuple[float, float, float, float] | None = None, fit: Sequence[dict] = (),
                 paper: bool = False, large_date: bool = False):
        width, height, self.dpi = SIZES[size]
        inches = A4_LANDSCAPE_IN if paper and size == "print" else (width / self.dpi, height / self.dpi)
        self.fig = Figure(figsize=inches, dpi=self.dpi, facecolor="white")
        FigureCanvasAgg(self.fig)
        self.u = inches[1] / 6.75  # text and line scale: the social card is the unit
        self.to_xy = Transformer.from_crs("EPSG:4326", LCC, always_xy=True)
        self.layers = _basemap(Path(geodata))
        self.regions = dict(zip(self.layers["oblasts"]["name"], self.layers["oblasts"].geometry)) \
            if "oblasts" in self.layers else {}
        self.ax = self.fig.add_axes(MAP_RECT)
        self._set_view(bbox, list(fit))
        self._draw_basemap()
        self._draw_furniture(title, subtitle, large_date)
        self._event_artists: list = []

    # ---- text ---------------------------------------------------------------------------------------
    def _text(self, x, y, s, size, where=None, **kw):
        """Text drawn literally: no mathtext for `$...$`, no LaTeX."""
        target = where or self.fig
        return target.text(x, y, s, fontsize=size * self.u, fontfamily=FONT, parse_math=False, usetex=False, **kw)

    def _fit(self, text, max_px: float) -> None:
        """Shrink `text` (down to 70 %), then cut it with an ellipsis, until it is at most max_px wide."""
        renderer = self.fig.canvas.get_renderer()
        full, floor = text.get_text(), text.get_fontsize() * 0.7
        while text.get_window_extent(renderer).width > max_px and text.get_fontsize() > floor:
            text.set_fontsize(text.get_fontsize() * 0.92)
        keep = len(full)
        while text.get_window_extent(renderer).width > max_px and keep > 1:
            keep -= max(1, keep // 12)
            text.set_text(full[:keep].rstrip() + "…")

    # ---- view ---------------------------------------------------------------------------------------
    def xy(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        return self.to_xy.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """Where lon/lat lands in the saved PNG, in pixels from the top-left corner."""
        x, y = self.ax.transData.transform(self.xy(lon, lat))
        return float(x), self.fig.bbox.height - float(y)

    def _set_view(self, bbox, fit: list[dict]) -> None:
        """Limits in metres: the bbox, else the events with a margin, else Ukraine; widened to the axes' shape."""
        if bbox is None and fit:
            x0, y0, x1, y1 = self._extent(fit)
            pad = max(x1 - x0, y1 - y0, MIN_SPAN_M) * 0.12
            x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        else:
            x0, y0, x1, y1 = self._extent_of_bbox(bbox or UKRAINE_BBOX)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        w, h = max(x1 - x0, MIN_SPAN_M), max(y1 - y0, MIN_SPAN_M)
        box = self.ax.get_position()
        aspect = (box.width * self.fig.bbox.width) / (box.height * self.fig.bbox.height)
        w, h = max(w, h * aspect), max(h, w / aspect)
        self.ax.set_xlim(cx - w / 2, cx + w / 2)
        self.ax.set_ylim(cy - h / 2, cy + h / 2)
        self.ax.set_autoscale_on(False)
        self.metres_per_px = w / (box.width * self.fig.bbox.width)

    def _extent(self, events: list[dict]) -> tuple[float, float, float, float]:
        bounds = [self.regions[e["place"]].bounds for e in events
                  if e.get("kind") == "region" and e["place"] in self.regions]
        points = [(e["lon"], e["lat"]) for e in events if e.get("lon") is not None and e.get("lat") is not None]
        if points:
            xs, ys = self.xy(*zip(*points))
            bounds.append((xs.min(), ys.min(), xs.max(), ys.max()))
        if not bounds:
            return self._extent_of_bbox(UKRAINE_BBOX)
        b = np.array(bounds)
        return b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()

    def _extent_of_bbox(self, bbox) -> tuple[float, float, float, float]:
        """The projected envelope of a lon/lat box (its edges curve in the conic projection, so sample them)."""
        lon0, lat0, lon1, lat1 = bbox
        along_lon, along_lat = np.linspace(lon0, lon1, 25), np.linspace(lat0, lat1, 25)
        lons = np.concatenate([along_lon, np.full(25, lon1), along_lon, np.full(25, lon0)])
        lats = np.concatenate([np.full(25, lat0), along_lat, np.full(25, lat1), along_lat])
        xs, ys = self.xy(lons, lats)
        return xs.min(), ys.min(), xs.max(), ys.max()

    # ---- basemap ------------------------------------------------------------------------------------
    def _draw_basemap(self) -> None:
        """Land, Ukraine, oblast outlines, rivers and cities as a few collections.

        (GeoDataFrame.plot would redraw the whole canvas after each layer: 0.4 s per map.)"""
        ax, u, layers = self.ax, self.u, self.layers
        ax.set_facecolor(WATER)
        ax.set(xticks=[], yticks=[])
        for spine in ax.spines.values():
            spine.set(color="#999999", linewidth=0.6 * u)
        if "countries" in layers:
            countries = layers["countries"]
            ukraine = countries["iso_a3"] == "UKR"
            self._polygons(countries[~ukraine].geometry, facecolors=LAND, edgecolors="#8a8a8a",
                           linewidths=0.6 * u, zorder=1)
            self._polygons(countries[ukraine].geometry, facecolors=UKRAINE, edgecolors="#555555",
                           linewidths=1.1 * u, zorder=1.1)
        if "oblasts" in layers:
            oblasts = layers["oblasts"]
            self._polygons(oblasts[oblasts["kind"] != "macro-region"].geometry, facecolors="none",
                           edgecolors="#9a9a9a", linewidths=0.5 * u, linestyles=(0, (2, 2)), zorder=2)
        if "rivers" in layers:
            lines = [np.asarray(part.coords)[:, :2] for geom in layers["rivers"].geometry
                     for part in getattr(geom, "geoms", [geom])]
            ax.add_collection(LineCollection(lines, colors="#7fb0d8", linewidths=0.9 * u, zorder=3), autolim=False)
        if "cities" in layers:
            self._draw_cities(layers["cities"])

    def _polygons(self, geometries, **style) -> PathCollection:
        collection = PathCollection([_polygon_path(g) for g in geometries], **style)
        self.ax.add_collection(collection, autolim=False)
        return collection

    def _draw_cities(self, cities: gpd.GeoDataFrame) -> None:
        """Dots and names for the largest cities in view, skipping any too close to a bigger one."""
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        min_gap = 40 * self.u * self.dpi / 72 * 1.6  # px
        placed: list[tuple[float, float]] = []
        for _, city in cities.sort_values(["population", "name"], ascending=[False, True]).iterrows():
            x, y = city.geometry.x, city.geometry.y
            if not (x0 < x < x1 and y0 < y < y1) or len(placed) >= MAX_CITY_LABELS:
                continue
            px, py = self.ax.transData.transform((x, y))
            if any(np.hypot(px - qx, py - qy) < min_gap for qx, qy in placed):
                continue
            placed.append((px, py))
            left = x > x1 - (x1 - x0) * 0.12
            self.ax.plot([x], [y], "o", markersize=3.2 * self.u, color="#444444", zorder=5)
            self._text(x, y, f" {plain(city['name'])} " if left else f"  {plain(city['name'])}", 7.5, where=self.ax,
                       ha="right" if left else "left", va="center", color="#333333", zorder=6, clip_on=True,
                       path_effects=[withStroke(linewidth=2.2 * self.u, foreground="white")])

    # ---- title, legend, scale, north, attribution ---------------------------------------------------
    def _draw_furniture(self, title: str, subtitle: str | None, large_date: bool) -> None:
        u = self.u
        self.title = self._text(0.012, 0.962, plain(title), 18, ha="left", va="top", weight="bold", color=INK)
        self.full_title = self.title.get_text()
        if subtitle:
            self.subtitle = self._text(0.012, 0.900, plain(subtitle), 10.5, ha="left", va="top", color="#444444")
            self._fit(self.subtitle, 0.976 * self.fig.bbox.width)
        self.date_text = self._text(0.988, 0.962, "", 24 if large_date else 14, ha="right", va="top",
                                    weight="bold", color=INK)
        legend = self.fig.legend(*self._legend_entries(), loc="upper left", bbox_to_anchor=(PANEL_X, 0.872),
                                 frameon=False, title="Whose claim, what", alignment="left", borderaxespad=0,
                                 prop={"family": FONT, "size": 8.5 * u},
                                 title_fontproperties={"family": FONT, "size": 10 * u, "weight": "bold"},
                                 handletextpad=0.6, labelspacing=0.45, borderpad=0)
        for text in [*legend.get_texts(), legend.get_title()]:
            text.set_usetex(False)
        self.counts = self._text(PANEL_X, 0.44, "", 9, ha="left", va="top", color=INK, linespacing=1.5)
        self._draw_scale_bar(0.24)
        self._draw_north_arrow(0.08)
        self._text(0.012, 0.052, f"{ATTRIBUTION}\n{DATA_ATTRIBUTION}", 7, ha="left", va="top",
                   color="#666666", linespacing=1.4)

    def _legend_entries(self) -> tuple[list, list[str]]:
        """Colour: whose claim; shape: what happened; a cross: a denial; hollow: a vaguer date; shading:
        a region claimed as a whole (as mapview.legend_html)."""
        handles = [Patch(facecolor=v["colour"], edgecolor=INK, linewidth=0.7 * self.u) for v in SIDES.values()]
        labels = [v["label"] for v in SIDES.values()]
        handles += [self._marker_handle(s, "other", exact=True) for s in STATUSES]
        labels += [STYLE[s]["label"] for s in STATUSES]
        handles += [(self._marker_handle("contested", "other", True), self._denial_handle()),
                    self._marker_handle("claimed", "other", False),
                    Patch(facecolor=(0.43, 0.43, 0.43, 0.16), edgecolor="#6E6E6E", linewidth=1.2 * self.u)]
        labels += [DENIAL_LABEL.replace(": ", ":\n"), HOLLOW_LABEL.replace(", year", ",\nyear"),
                   SHADED_LABEL.replace(" (", "\n(")]
        return handles, labels

    def _marker_handle(self, status: str, side: str, exact: bool):
        if exact:
            marker, factor = MARKERS[STYLE[status]["shape"]]
            return Line2D([], [], linestyle="none", marker=marker, markersize=8 * self.u * factor,
                          markerfacecolor=SIDES[side]["colour"], markeredgecolor=INK, markeredgewidth=0.7 * self.u)
        proxy = self.ax.scatter([], [], s=(8 * self.u) ** 2, marker="s", **self._paint(side, False))
        proxy.remove()  # the legend copies its look; the map does not need it
        return proxy

    def _denial_handle(self):
        return Line2D([], [], linestyle="none", marker="x", markersize=4.5 * self.u, markeredgecolor="white",
                      markeredgewidth=1.4 * self.u)

    def _draw_scale_bar(self, y: float) -> None:
        """A two-part bar in km, its length a round number near 70 % of the panel's width."""
        fig_w = self.fig.bbox.width
        room_m = (0.99 - PANEL_X) * 0.7 * fig_w * self.metres_per_px
        km = max([k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000) if k * 1000 <= room_m] or [1])
        length = km * 1000 / self.metres_per_px / fig_w  # figure fraction
        height = 5 * self.u * self.dpi / 72 / self.fig.bbox.height
        for i, colour in enumerate((INK, "white")):
            self.fig.add_artist(Rectangle((PANEL_X + i * length / 2, y), length / 2, height, facecolor=colour,
                                          edgecolor=INK, linewidth=0.8 * self.u, transform=self.fig.transFigure))
        for frac, label in ((0, "0"), (0.5, f"{km / 2:g}"), (1, f"{km} km")):
            self._text(PANEL_X + frac * length, y - 0.008, label, 7.5, ha="left" if frac == 0 else "center",
                       va="top", color=INK)

    def _draw_north_arrow(self, y: float) -> None:
        x, tall = PANEL_X + 0.012, 0.075
        self.fig.add_artist(FancyArrowPatch((x, y), (x, y + tall), transform=self.fig.transFigure,
                                            arrowstyle="-|>", mutation_scale=16 * self.u, linewidth=1.4 * self.u,
                                            color=INK))
        self._text(x, y + tall + 0.008, "N", 10, ha="center", va="bottom", weight="bold", color=INK)

    # ---- events -------------------------------------------------------------------------------------
    def _paint(self, side: str, exact: bool) -> dict:
        """The marker paint of mapview.icon_svg: filled for a day, hollow and dashed for anything vaguer."""
        colour = SIDES[side]["colour"]
        if exact:
            return {"facecolors": colour, "edgecolors": INK, "linewidths": 0.7 * self.u}
        return {"facecolors": (1, 1, 1, 0.85), "edgecolors": colour, "linewidths": 1.7 * self.u,
                "linestyles": (0, (2.2, 1.4))}

    def show(self, events: list[dict], label: str = "", denied: set[int] = frozenset()) -> Snapshot:
        """Draw these events (replacing any drawn before), their counts and the date label; `denied`:
        the ids of contested events that deny the other side's claim (frontline.denials)."""
        for artist in self._event_artists:
            artist.remove()
        self._event_artists = []
        regions = [e for e in events if frontline.shaded_region(e) and e["place"] in self.regions]
        points = [e for e in events if not (frontline.shaded_region(e) and e["place"] in self.regions)
                  and e.get("lon") is not None and e.get("lat") is not None]
        for side in SIDES:
            ours = [e for e in regions if frontline.side_class(e.get("side", "")) == side]
            for exact in (False, True):
                self._draw_regions([e for e in ours if _exact(e) == exact], side, exact)
        for status in STATUSES:
            for side in SIDES:
                for exact in (False, True):  # hollow under filled
                    self._draw_points([e for e in points if e["status"] == status and _exact(e) == exact
                                       and frontline.side_class(e.get("side", "")) == side], status, side, exact)
        self._draw_denials([e for e in points if e.get("id") in denied])
        self.counts.set_text("Shown\n" + "\n".join(filters.summary(events).split(", ")))
        self.date_text.set_text(plain(label))
        self.title.set_text(self.full_title)
        self.title.set_fontsize(18 * self.u)
        renderer = self.fig.canvas.get_renderer()
        room = self.date_text.get_window_extent(renderer).x0 - 0.024 * self.fig.bbox.width
        self._fit(self.title, room if label else 0.976 * self.fig.bbox.width)
        return self

    def _draw_points(self, events: list[dict], status: str, side: str, exact: bool) -> None:
        if not events:
            return
        marker, factor = MARKERS[STYLE[status]["shape"]]
        x, y = self.xy([e["lon"] for e in events], [e["lat"] for e in events])
        self._event_artists.append(self.ax.scatter(x, y, s=(8 * self.u * factor) ** 2, marker=marker,
                                                   zorder=8 if exact else 7, **self._paint(side, exact)))

    def _draw_denials(self, events: list[dict]) -> None:
        if not events:
            return
        x, y = self.xy([e["lon"] for e in events], [e["lat"] for e in events])
        colours = ["white" if _exact(e) else SIDES[frontline.side_class(e.get("side", ""))]["colour"] for e in events]
        self._event_artists.append(self.ax.scatter(x, y, s=(4.5 * self.u) ** 2, marker="x", c=colours,
                                                   linewidths=1.4 * self.u, zorder=9))

    def _draw_regions(self, events: list[dict], side: str, exact: bool) -> None:
        if not events:
            return
        colour = SIDES[side]["colour"]
        shapes = [self.regions[name] for name in sorted({e["place"] for e in events})]
        self._event_artists.append(self._polygons(
            shapes, facecolors=(*_rgb(colour), 0.16), edgecolors=colour, linewidths=1.4 * self.u,
            linestyles="-" if exact else (0, (5, 3)), zorder=4))

    # ---- output -------------------------------------------------------------------------------------
    def save(self, out: Path, fmt: str = "png") -> Path:
        meta = {"CreationDate": None} if fmt == "pdf" else {}
        self.fig.savefig(out, format=fmt, dpi=self.dpi, metadata={"Creator": "conflictmap", **meta})
        return Path(out)

    def image(self) -> Image.Image:
        """The rendered figure as an RGB image (what save() writes as PNG)."""
        self.fig.canvas.draw()
        return Image.fromarray(np.asarray(self.fig.canvas.buffer_rgba())).convert("RGB")


def _exact(event: dict) -> bool:
    return precision(event["date"]) == "day"


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def build(events: list[dict], geodata: Path, *, size: str = "social", title: str = "conflictmap",
          subtitle: str | None = None, bbox: tuple[float, float, float, float] | None = None,
          as_of: date | None = None, period: tuple[date, date] | None = None, paper: bool = False) -> Snapshot:
    """The figure for render_png/render_pdf; with `as_of`, only each place's latest event by that day.

    `period` labels the map with the range the reader asked for instead of the events' own span."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    shown = latest_status(events, as_of) if as_of else events
    snap = Snapshot(geodata, size=size, title=title, subtitle=subtitle, bbox=bbox, fit=shown, paper=paper)
    return snap.show(shown, date_label(shown, as_of, period), frontline.denials(events))


def render_png(events: list[dict], geodata: Path, out: Path, *, size: str = "slides", title: str = "conflictmap",
               subtitle: str | None = None, bbox: tuple[float, float, float, float] | None = None,
               as_of: date | None = None, period: tuple[date, date] | None = None) -> Path:
    """A PNG of exactly SIZES[size] pixels (slides 1920x1080, social 1200x675, print A4 at 300 dpi)."""
    snap = build(events, geodata, size=size, title=title, subtitle=subtitle, bbox=bbox, as_of=as_of, period=period)
    return snap.save(out, "png")


def render_pdf(events: list[dict], geodata: Path, out: Path, *, size: str = "print", title: str = "conflictmap",
               subtitle: str | None = None, bbox: tuple[float, float, float, float] | None = None,
               as_of: date | None = None, period: tuple[date, date] | None = None) -> Path:
    """A vector PDF; size "print" is an A4 landscape page, the others the PNG's size at its dpi."""
    snap = build(events, geodata, size=size, title=title, subtitle=subtitle, bbox=bbox, as_of=as_of, period=period,
                 paper=True)
    return snap.save(out, "pdf")

