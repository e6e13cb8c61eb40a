"""What the views show: events filtered by time, status, side, outlet, sources and confidence;
the "as of" front line; and a count a reader can trust."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .models import STATUSES

SIDES = ("russian", "ukrainian", "third-party", "")


@dataclass(frozen=True)
class View:
    start: date | None = None
    end: date | None = None
    as_of: date | None = None  # when set: each place's latest event on that day, start/end ignored
    statuses: tuple[str, ...] = STATUSES
    sides: tuple[str, ...] = SIDES
    outlets: tuple[str, ...] = ()  # empty: every outlet
    min_sources: int = 1
    min_confidence: float = 0.5
    search: str = ""


def date_range(events: list[dict]) -> tuple[date, date] | None:
    if not events:
        return None
    return (date.fromisoformat(min(e["date_start"] for e in events)),
            date.fromisoformat(max(e["date_end"] for e in events)))


def outlets_of(events: list[dict]) -> list[str]:
    return sorted({o for e in events for o in e["outlets"]})


def apply(events: list[dict], view: View) -> list[dict]:
    """The events the view shows."""
    kept = [e for e in events if _passes(e, view)]
    if view.as_of:
        return latest_status(kept, view.as_of, view.statuses)
    start = view.start.isoformat() if view.start else None
    end = view.end.isoformat() if view.end else None
    return [e for e in kept if e["status"] in view.statuses
            and not (start and e["date_end"] < start) and not (end and e["date_start"] > end)]


def latest_status(events: list[dict], day: date, statuses: tuple[str, ...] = STATUSES) -> list[dict]:
    """For each place, its latest event that had begun by `day`: the front line as the articles tell it.
    "Latest" is the later date_start; ties go to the later date_end, then more sources, then the later id."""
    cutoff = day.isoformat()
    latest: dict[str, dict] = {}
    for e in events:
        if e["date_start"] > cutoff:
            continue
        key = e.get("place_id") or e["place"]
        if key not in latest or _recency(e) > _recency(latest[key]):
            latest[key] = e
    return sorted((e for e in latest.values() if e["status"] in statuses), key=lambda e: (e["date_start"], e.get("id", 0)))


def _recency(e: dict) -> tuple:
    return e["date_start"], e["date_end"], e.get("source_count", 0), e.get("id", 0)


def _passes(e: dict, view: View) -> bool:
    if e["confidence"] < view.min_confidence or e["source_count"] < view.min_sources:
        return False
    if e["side"] not in view.sides:
        return False
    if view.outlets and not set(view.outlets) & set(e["outlets"]):
        return False
    needle = view.search.strip().lower()
    return not needle or needle in _haystack(e)


def _haystack(event: dict) -> str:
    return " ".join([event["place"], *event.get("other_names", []), event["region"], event["claimant"],
                     *(s["quote"] for s in event["sources"]), *(s["outlet"] for s in event["sources"])]).lower()


def summary(events: list[dict]) -> str:
    """"42 events, 17 places, 9 sources": what the map shows, counted."""
    places = len({e["place_id"] for e in events})
    sources = len({s["article_id"] for e in events for s in e["sources"]})
    return f"{_n(len(events), 'event')}, {_n(places, 'place')}, {_n(sources, 'source')}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def table_rows(events: list[dict]) -> list[dict]:
    """Flat rows for the events table."""
    return [{"date": e["date"], "place": e["place"], "region": e["region"], "status": e["status"],
             "claimant": e["claimant"], "side": e["side"], "sources": e["source_count"],
             "outlets": ", ".join(e["outlets"]), "confidence": e["confidence"], "quote": e["quote"], "id": e["id"]}
            for e in events]
