"""An article's part of the store made ready where it was extracted: the hash of its text, its near-duplicate
sketch and its events as the rows the store writes, in plain tuples (cheap to send back from a worker process).
A pure function of the article and its events, so the one writer is left only the merge and the inserts.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .dates import interval as _interval
from .models import Article, Event
from .neardup import signature

MERGE_SLACK = timedelta(days=1)  # an event tells again a stored one whose dates overlap its own give or take this

PLACE_COLUMNS = ("place", "kind", "region", "other_names", "lat", "lon")
SOURCE_COLUMNS = ("claimant", "side", "quote", "date", "date_source", "span_start", "span_end", "confidence", "cues")


@dataclass(frozen=True)
class Ready:
    """An article ready for the store. Each event is a tuple (place_id, status, date, start, end, low, high,
    place, source): its first and last day (ISO), the days it merges within (low..high), the PLACE_COLUMNS of
    a new event and the SOURCE_COLUMNS of its source."""

    digest: str
    minhash: bytes
    events: list[tuple]


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def prepare(article: Article, found: list[Event]) -> Ready:
    return Ready(content_hash(article.text), signature(article.text), [event_row(e) for e in found])


def event_row(event: Event) -> tuple:
    first, last = interval(event.date)
    place = event.place
    return (place.id, event.status, event.date, first.isoformat(), last.isoformat(),
            (first - MERGE_SLACK).isoformat(), (last + MERGE_SLACK).isoformat(),
            (place.name, place.kind, place.region, "|".join(place.other_names), place.lat, place.lon),
            (event.claimant, event.side, event.quote, event.date, event.date_source, event.start, event.end,
             event.confidence, json.dumps(event.cues, ensure_ascii=False)))


@lru_cache(maxsize=65536)
def interval(edtf: str) -> tuple[date, date]:
    return _interval(edtf)
