"""What the views show: events filtered by time, status, side, outlet, sources and confidence;
the "as of" front line (each place's latest control status and only recent strikes); and a count a
reader can trust."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .models import STATUSES

SIDES = ("russian", "ukrainian", "third-party", "")
CONTROL = ("claimed", "contested")  # what says who holds a place; a strike does not
STRIKE_DAYS = 7  # as of a day, strikes of the last week are shown


@dataclass(frozen=True)
class View:
    start: date | None = None
    end: date | None = None
    as_of: date | None = None  # when set: each place's latest control event on that day, start/end ignored
    strike_days: int = STRIKE_DAYS  # as of a day: strikes that went on within this many days before it
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


def window(view: View) -> dict:
    """The part of the view the store filters in SQL (store.merged_events' arguments): as of a day, the events
    begun by then; else those of the period."""
    if view.as_of:
        return {"as_of": view.as_of.isoformat()}
    return {"start": view.start and view.start.isoformat(), "end": view.end and view.end.isoformat()}


def apply(events: list[dict], view: View) -> list[dict]:
    """The events the view shows."""
    kept = [e for e in events if _passes(e, view)]
    if view.as_of:
        return latest_status(kept, view.as_of, view.statuses, view.strike_days)
    start = view.start.isoformat() if view.start else None
    end = view.end.isoformat() if view.end else None
    return [e for e in kept if e["status"] in view.statuses
            and not (start and e["date_end"] < start) and not (end and e["date_start"] > end)]


def latest_status(events: list[dict], day: date, statuses: tuple[str, ...] = STATUSES,
                  strike_days: int = STRIKE_DAYS) -> list[dict]:
    """The front line on `day` as the articles tell it: for each place its latest *control* event
    (claimed or contested) that had begun by then, and the strikes that went on within `strike_days`
    days before it. "Latest" is the later date_start; among events of that same start, a claim denied
    by the other side gives way to the denial (the place is contested), otherwise ties go to the
    later date_end, then more sources, then the later id."""
    cutoff, recent = day.isoformat(), (day - timedelta(days=strike_days)).isoformat()
    latest: dict[str, list[dict]] = {}
    shown = []
    for e in events:
        if e["date_start"] > cutoff:
            continue
        if e["status"] not in CONTROL:
            if e["date_end"] >= recent:
                shown.append(e)
            continue
        key = e.get("place_id") or e["place"]
        if key not in latest or e["date_start"] > latest[key][0]["date_start"]:
            latest[key] = [e]
        elif e["date_start"] == latest[key][0]["date_start"]:
            latest[key].append(e)
    shown += (_control(same) for same in latest.values())
    return sorted((e for e in shown if e["status"] in statuses), key=lambda e: (e["date_start"], e.get("id", 0)))


def _control(same_start: list[dict]) -> dict:
    """One place's control event among those of the latest start."""
    claims = {e.get("side", "") for e in same_start if e["status"] == "claimed"}
    denials = [e for e in same_start if e["status"] == "contested" and e.get("side") and claims - {e["side"], ""}]
    return max(denials or same_start, key=_recency)


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


def when(view: View) -> str:
    """The view's time in words: "as of 31 Oct 2024", "01 Feb 2022 – 28 Oct 2025", or "" (all of it)."""
    if view.as_of:
        return f"as of {view.as_of:%d %b %Y}"
    return f"{view.start:%d %b %Y} – {view.end:%d %b %Y}" if view.start and view.end else ""


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def table_rows(events: list[dict]) -> list[dict]:
    """Flat rows for the events table."""
    return [{"date": e["date"], "place": e["place"], "region": e["region"], "status": e["status"],
             "claimant": e["claimant"], "side": e["side"], "sources": e["source_count"],
             "outlets": ", ".join(e["outlets"]), "confidence": e["confidence"], "quote": e["quote"], "id": e["id"]}
            for e in events]
