"""The Events page's search: its words in a place's names, a region, a claimant, a quote or an outlet, or
a place the gazetteer knows by that spelling (Artemivsk finds Bakhmut, as the map's place search does)."""
from __future__ import annotations

from collections.abc import Callable

from .filters import View, apply


def find(events: list[dict], query: str, lookup: Callable[[str], list] | None = None) -> list[dict]:
    """The events that match `query`, in their order; `lookup(name)` gives the places a name may mean."""
    if not query.strip():
        return events
    texts = {id(e) for e in apply(events, View(min_confidence=0.0, search=query))}
    places = {p.id for p in lookup(query.strip())} if lookup else set()
    return [e for e in events if id(e) in texts or e.get("place_id") in places]
