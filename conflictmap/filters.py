"""What the views show: events filtered by time, status and confidence, and a count a reader can trust."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .models import STATUSES


@dataclass(frozen=True)
class View:
    start: date | None = None
    end: date | None = None
    statuses: tuple[str, ...] = STATUSES
    min_confidence: float = 0.5
    search: str = ""


def date_range(events: list[dict]) -> tuple[date, date] | None:
    if not events:
        return None
    return (date.fromisoformat(min(e["date_start"] for e in events)),
            date.fromisoformat(max(e["date_end"] for e in events)))


def apply(events: list[dict], view: View) -> list[dict]:
    """Events whose dates overlap the view's range, of the chosen statuses, confident enough."""
    start = view.start.isoformat() if view.start else None
    end = view.end.isoformat() if view.end else None
    needle = view.search.strip().lower()
    out = []
    for e in events:
        if e["status"] not in view.statuses or e["confidence"] < view.min_confidence:
            continue
        if (start and e["date_end"] < start) or (end and e["date_start"] > end):
            continue
        if needle and not _matches(e, needle):
            continue
        out.append(e)
    return out


def _matches(event: dict, needle: str) -> bool:
    haystack = " ".join([event["place"], *event.get("other_names", []), event["region"], event["claimant"],
                         *(s["quote"] for s in event["sources"]), *(s["outlet"] for s in event["sources"])])
    return needle in haystack.lower()


def summary(events: list[dict]) -> str:
    """"42 events, 17 places, 9 sources": what the map shows, counted."""
    places = len({e["place_id"] for e in events})
    sources = len({(s["article_id"]) for e in events for s in e["sources"]})
    return f"{_n(len(events), 'event')}, {_n(places, 'place')}, {_n(sources, 'source')}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def table_rows(events: list[dict]) -> list[dict]:
    """Flat rows for the events table."""
    return [{"date": e["date"], "place": e["place"], "region": e["region"], "status": e["status"],
             "claimant": e["claimant"], "sources": e["source_count"], "outlets": ", ".join(e["outlets"]),
             "confidence": e["confidence"], "quote": e["quote"], "id": e["id"]} for e in events]
