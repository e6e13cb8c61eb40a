"""A view in the URL: filters, time and map position as query parameters, so a link reopens the view.

Reading is forgiving: a parameter that does not parse is ignored and its default kept. The map page and the
embed page read a URL the same way (`shown`), so one link shows the same events in both.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .filters import SIDES, STRIKE_DAYS, View
from .models import STATUSES


@dataclass(frozen=True)
class MapState:
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None
    cluster: bool = True
    tiles: str = "none"
    held: bool = False  # the inferred "who holds what" layer


MAX_STRIKE_DAYS = 365


def to_params(view: View, state: MapState) -> dict[str, str]:
    params = {
        "from": view.start.isoformat() if view.start else None,
        "to": view.end.isoformat() if view.end else None,
        "asof": view.as_of.isoformat() if view.as_of else None,
        "status": ",".join(view.statuses) if view.statuses != STATUSES else None,
        "side": ",".join(s or "unknown" for s in view.sides) if view.sides != SIDES else None,
        "outlet": "|".join(view.outlets) or None,
        "sources": str(view.min_sources) if view.min_sources != 1 else None,
        "conf": f"{view.min_confidence:g}" if view.min_confidence != View.min_confidence else None,
        "strikes": str(view.strike_days) if view.as_of and view.strike_days != STRIKE_DAYS else None,
        "lat": f"{state.lat:.4f}" if state.lat is not None else None,
        "lon": f"{state.lon:.4f}" if state.lon is not None else None,
        "zoom": str(state.zoom) if state.zoom is not None else None,
        "cluster": None if state.cluster else "0",
        "tiles": None if state.tiles == "none" else state.tiles,
        "held": "1" if state.held else None,
    }
    return {k: v for k, v in params.items() if v is not None}


def from_params(params: dict[str, str]) -> tuple[View, MapState]:
    view, state = View(), MapState()
    readers = {
        "from": lambda v: ("view", {"start": date.fromisoformat(v)}),
        "to": lambda v: ("view", {"end": date.fromisoformat(v)}),
        "asof": lambda v: ("view", {"as_of": date.fromisoformat(v)}),
        "status": lambda v: ("view", {"statuses": _subset(v.split(","), STATUSES)}),
        "side": lambda v: ("view", {"sides": _subset([s if s != "unknown" else "" for s in v.split(",")], SIDES)}),
        "outlet": lambda v: ("view", {"outlets": tuple(o for o in v.split("|") if o)}),
        "sources": lambda v: ("view", {"min_sources": max(1, int(v))}),
        "conf": lambda v: ("view", {"min_confidence": min(1.0, max(0.0, float(v)))}),
        "strikes": lambda v: ("view", {"strike_days": _bounded(int(v), 1, MAX_STRIKE_DAYS)}),
        "lat": lambda v: ("state", {"lat": _bounded(float(v), -90, 90)}),
        "lon": lambda v: ("state", {"lon": _bounded(float(v), -180, 180)}),
        "zoom": lambda v: ("state", {"zoom": int(_bounded(int(v), 1, 18))}),
        "cluster": lambda v: ("state", {"cluster": v not in ("0", "false", "no")}),
        "tiles": lambda v: ("state", {"tiles": v if v in ("none", "osm") else "none"}),
        "held": lambda v: ("state", {"held": v.lower() in ("1", "true", "yes", "on")}),
    }
    for key, read in readers.items():
        if key not in params:
            continue
        try:
            target, change = read(str(params[key]))
        except (ValueError, TypeError):
            continue
        if target == "view":
            view = replace(view, **change)
        else:
            state = replace(state, **change)
    return view, state


def shown(params: dict[str, str], span: tuple[date, date] | None, known: list[str],
          min_confidence: float) -> tuple[View, MapState]:
    """The view the map page shows for these URL parameters, on a store whose events span `span` and name the
    outlets `known`: as from_params reads them, with the server's minimum confidence when the URL gives none,
    without the outlets the store does not know, and with its days put within the span (a period the URL
    leaves open is the whole span; a store of one day has no time to choose)."""
    view, state = from_params(params)
    view = replace(view, outlets=tuple(o for o in view.outlets if o in known),
                   min_confidence=view.min_confidence if "conf" in params else min_confidence)
    if not span or span[0] >= span[1]:
        return replace(view, start=None, end=None, as_of=None, strike_days=STRIKE_DAYS), state
    if view.as_of:
        return replace(view, start=None, end=None, as_of=within(view.as_of, span)), state
    return replace(view, start=within(view.start or span[0], span), end=within(view.end or span[1], span),
                   strike_days=STRIKE_DAYS), state


def within(day: date, span: tuple[date, date]) -> date:
    return min(max(day, span[0]), span[1])


def _subset(values: list[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(v for v in allowed if v in values)
    if not chosen:
        raise ValueError("nothing known in the list")
    return chosen


def _bounded(value, low, high):
    if not low <= value <= high:
        raise ValueError("out of range")
    return value
