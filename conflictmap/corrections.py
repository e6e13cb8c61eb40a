"""People's corrections: an overlay on the extracted events, applied on read, undoable.

A correction names its event by place, status and dates (not by row id), so it still applies after
`reextract` rebuilds the events from the articles.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import sqlalchemy as sa

from .dates import interval
from .schema import corrections, writing

FIELDS = ("status", "date", "place", "not_event")
FIELD_LABELS = {"status": "Status", "date": "Date", "place": "Place", "not_event": "It is not an event"}


class CorrectionError(ValueError):
    """A correction that cannot be recorded; the message says why."""


def add(engine: sa.Engine, event: dict, field: str, new: str, reason: str) -> int:
    """Record that `field` of `event` should read `new`, and why."""
    if field not in FIELDS:
        raise CorrectionError(f"cannot correct {field!r}: choose one of {', '.join(FIELDS)}")
    if not reason.strip():
        raise CorrectionError("say why: a correction needs a reason")
    if field == "date":
        try:
            interval(new)
        except (ValueError, TypeError):
            raise CorrectionError(f"{new!r} is not a date such as 2025-02-07, 2025-02, 2024 or 2024-06/2025-02") from None
    key = event["key"]
    old = (json.dumps(_place_of(event)) if field == "place" else
           f'{event["place"]} · {event["status"]} · {event["date"]}' if field == "not_event" else
           str(event.get(field, "")))
    with writing(engine) as conn:
        return conn.execute(corrections.insert().values(
            place_id=key["place_id"], status=key["status"], date_start=key["date_start"], date_end=key["date_end"],
            field=field, old=old, new=new, reason=reason.strip(),
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))).inserted_primary_key[0]


def undo(engine: sa.Engine, correction_id: int) -> bool:
    with writing(engine) as conn:
        done = conn.execute(corrections.update().where(corrections.c.id == correction_id,
                                                       corrections.c.undone_at.is_(None))
                            .values(undone_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
        return done.rowcount == 1


def list_all(engine: sa.Engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(corrections).order_by(corrections.c.id))]


def recent(engine: sa.Engine, limit: int = 20) -> list[dict]:
    """The corrections in force, newest first: each can be undone, whatever it hid or changed."""
    query = (sa.select(corrections).where(corrections.c.undone_at.is_(None))
             .order_by(corrections.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def describe(c: dict, names: dict[str, str]) -> str:
    """One line for a correction: "Enerhodar (claimed, 2024-02-07): Status claimed → contested — why"."""
    if c["field"] == "not_event":
        change = f'{c["old"] or c["place_id"]}: not an event'
    else:
        old, new = c["old"], c["new"]
        if c["field"] == "place":
            old, new = _name(old), _name(new)
        where = f'{names.get(c["place_id"], c["place_id"])} ({c["status"]}, {c["date_start"]})'
        change = f'{where}: {FIELD_LABELS[c["field"]]} {old} → {new}'
    return f'{c["created_at"][:16].replace("T", " ")} · {change} — {c["reason"]}'


def _name(value: str) -> str:
    try:
        return json.loads(value)["place"]
    except (ValueError, KeyError, TypeError):
        return value


def active(conn) -> list[dict]:
    query = sa.select(corrections).where(corrections.c.undone_at.is_(None)).order_by(corrections.c.id)
    return [dict(r._mapping) for r in conn.execute(query)]


def apply(events: list[dict], overlay: list[dict]) -> list[dict]:
    """The events as people corrected them; those marked "not an event" are left out."""
    if not overlay:
        return events
    out = []
    for event in events:
        key = event["key"]
        mine = [c for c in overlay if c["place_id"] == key["place_id"] and c["status"] == key["status"]
                and c["date_start"] <= key["date_end"] and c["date_end"] >= key["date_start"]]
        for c in mine:
            _set(event, c)
        event["corrections"] = [{k: c[k] for k in ("id", "field", "old", "new", "reason", "created_at")} for c in mine]
        if not event.get("not_event"):
            out.append(event)
    return out


def _set(event: dict, c: dict) -> None:
    if c["field"] == "date":
        first, last = interval(c["new"])
        event.update(date=c["new"], date_start=first.isoformat(), date_end=last.isoformat())
    elif c["field"] == "place":
        event.update(json.loads(c["new"]))
    elif c["field"] == "not_event":
        event["not_event"] = c["new"].lower() in ("1", "true", "yes")
    else:
        event[c["field"]] = c["new"]


def _place_of(event: dict) -> dict:
    return {k: event[k] for k in ("place", "place_id", "kind", "region", "lat", "lon")}


def place_value(place) -> str:
    """The `new` value of a place correction, from a gazetteer Place."""
    return json.dumps({"place": place.name, "place_id": place.id, "kind": place.kind, "region": place.region,
                       "lat": place.lat, "lon": place.lon})
