"""Presentation mode's logic: the front line on a day, what changed since the previous step (listed large
and ringed on the map, with the place's name), and the step and view as URL parameters."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .filters import latest_status
from .timeline import STEPS

SIDE_WORDS = {"russian": "the Russian side", "ukrainian": "the Ukrainian side", "third-party": "a third party"}
STATUS_WORDS = {"claimed": "claimed taken", "contested": "contested", "struck": "struck"}
DEFAULT_TITLE = "The front line as the articles tell it"
RING = (255, 200, 0)


@dataclass(frozen=True)
class Slide:
    day: date
    step: str = "month"
    title: str = DEFAULT_TITLE


def changes(events: list[dict], day: date, previous: date | None) -> list[dict]:
    """The events shown on `day` that were not shown on `previous` (all of them without one)."""
    before = {e["id"] for e in latest_status(events, previous)} if previous else set()
    return [e for e in latest_status(events, day) if e["id"] not in before]


def change_line(event: dict) -> str:
    """"Avdiivka: claimed taken by the Russian side (17 Feb 2024)"."""
    side = SIDE_WORDS.get(event.get("side", ""))
    by = f" by {side}" if side else ""
    return f'{event["place"]}: {STATUS_WORDS.get(event["status"], event["status"])}{by} ({event["date"]})'


def frame_png(events: list[dict], geodata: Path, day: date, changed: list[dict], *, title: str = DEFAULT_TITLE,
              size: str = "slides") -> bytes:
    """The front line on `day` fitted to all events (the map does not move between steps), without a date
    (the page says it once), the changed places ringed and named."""
    from PIL import ImageDraw, ImageFont
    from matplotlib import font_manager

    from .frontline import denials
    from .snapshot import FONT, Snapshot, plain

    snap = Snapshot(geodata, size=size, title=title, fit=events)
    snap.show(latest_status(events, day), "", denials(events))
    image = snap.image()
    draw = ImageDraw.Draw(image)
    scale = image.height / 1080
    font = ImageFont.truetype(font_manager.findfont(FONT), round(26 * scale))
    for e in changed:
        if e.get("lat") is None or e.get("lon") is None:
            continue
        x, y = snap.pixel(e["lon"], e["lat"])
        r = 20 * scale
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(0, 0, 0), width=round(7 * scale))
        draw.ellipse((x - r, y - r, x + r, y + r), outline=RING, width=round(4 * scale))
        draw.text((x + r + 4 * scale, y), plain(e["place"]), font=font, fill=(0, 0, 0), anchor="lm",
                  stroke_width=round(4 * scale), stroke_fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def to_params(slide: Slide) -> dict[str, str]:
    params = {"day": slide.day.isoformat(), "step": slide.step if slide.step != "month" else None,
              "title": slide.title if slide.title != DEFAULT_TITLE else None}
    return {k: v for k, v in params.items() if v is not None}


def from_params(params: dict[str, str], span: tuple[date, date]) -> Slide:
    """The slide a link names, within the events' span; what does not parse keeps its default."""
    try:
        day = min(max(date.fromisoformat(params.get("day", "")), span[0]), span[1])
    except ValueError:
        day = span[0]
    step = params.get("step") if params.get("step") in STEPS else "month"
    return Slide(day, step, params.get("title") or DEFAULT_TITLE)

