"""Who holds what, as the articles last tell it: each place's holder, claims denied by the other side,
the regions claimed as a whole, and an *inferred* control layer drawn from those places.

The layer is an illustration of the cited reports, never a fact: each place held by a side gets the
part of its Voronoi cell (among all places whose control is reported) within CELL_KM of it, and the
cells are merged by side. Where no place is reported there is no layer at all.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPoint, Point, mapping
from shapely.ops import transform, unary_union

SIDE_OF = {"russian": "russian", "ukrainian": "ukrainian"}  # any other claimant side is "other"
HOLDERS = ("russian", "ukrainian", "contested")
HOLDER_LABELS = {"russian": "Held by Russia", "ukrainian": "Held by Ukraine", "contested": "Contested"}
INFERRED_LABEL = "Inferred from the cited reports, not a verified front line"
CELL_KM = 6.0  # how far from a reported place its inferred cell reaches
KM_PER_DEG_LAT = 110.57
REFERENCE_LAT = 48.5  # the projection's parallel: a few km cells hold to a few per cent across Ukraine


def side_class(side: str) -> str:
    """The side a marker's colour shows: russian, ukrainian or other (third party, not said)."""
    return SIDE_OF.get(side or "", "other")


def denials(events: list[dict]) -> set[int]:
    """Ids of contested events that deny a claim of the other side (the store links a claim and a
    contested report of the same place at overlapping dates)."""
    side = {e.get("id"): e.get("side", "") for e in events if e["status"] == "claimed"}
    return {e.get("id") for e in events if e["status"] == "contested" and e.get("side")
            and any(side.get(other, e["side"]) not in ("", e["side"]) for other in e.get("conflicts_with", ()))}


def shaded_region(event: dict) -> bool:
    """A region is shaded only when the report is about the region as a whole: a claim to hold all of it.
    Fighting or a strike "in Donetsk region", or villages taken in it ("extent": "part"), happened
    somewhere in it, so it is a marker at its middle."""
    return event.get("kind") == "region" and event["status"] == "claimed" and event.get("extent", "whole") == "whole"


@dataclass(frozen=True)
class Holding:
    place: str
    lat: float
    lon: float
    holder: str  # russian | ukrainian | contested
    date: str
    region: bool


def holdings(front: list[dict]) -> list[Holding]:
    """Each place of a front line (filters.latest_status) with the side that holds it as last reported:
    a claim gives the place to the claimed side, a contested report makes it contested; a claim with
    no known side, and strikes, say nothing of who holds it."""
    held = []
    for e in front:
        if e["status"] == "claimed" and side_class(e.get("side", "")) != "other":
            holder = e["side"]
        elif e["status"] == "contested":
            holder = "contested"
        else:
            continue
        held.append(Holding(e["place"], e["lat"], e["lon"], holder, e["date"], e.get("kind") == "region"))
    return held


def _to_km(lon, lat, z=None):
    return lon * KM_PER_DEG_LAT * math.cos(math.radians(REFERENCE_LAT)), lat * KM_PER_DEG_LAT


def _to_degrees(x, y, z=None):
    return x / (KM_PER_DEG_LAT * math.cos(math.radians(REFERENCE_LAT))), y / KM_PER_DEG_LAT


def inferred_control(held: list[Holding], cell_km: float = CELL_KM) -> dict:
    """GeoJSON: one (multi)polygon per holder, the reported places' Voronoi cells clipped to `cell_km`
    around each and merged by holder. Regions are left out: a whole region says nothing of a line."""
    points = {}
    for h in held:
        if not h.region:
            points.setdefault(_to_km(h.lon, h.lat), h.holder)  # one holder per point: the first given
    if not points:
        return {"type": "FeatureCollection", "features": []}
    sites = MultiPoint(list(points))
    cells = shapely.voronoi_polygons(sites, extend_to=sites.buffer(cell_km * 4).envelope) if len(points) > 1 \
        else None
    pieces: dict[str, list] = {holder: [] for holder in HOLDERS}
    for xy, holder in points.items():
        disc = Point(xy).buffer(cell_km, quad_segs=8)
        cell = next((c for c in getattr(cells, "geoms", ()) if c.contains(Point(xy))), disc)
        pieces[holder].append(cell.intersection(disc))
    features = [{"type": "Feature", "geometry": mapping(transform(_to_degrees, unary_union(parts).simplify(0.2))),
                 "properties": {"holder": holder, "label": HOLDER_LABELS[holder], "note": INFERRED_LABEL}}
                for holder, parts in pieces.items() if parts]
    return {"type": "FeatureCollection", "features": features}
