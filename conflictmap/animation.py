"""The front line over time: a GIF with one frame per week or month, each showing every place's latest
control event by the end of that step and the strikes of that step (filters.latest_status), with the
date stamped large.

Memory stays bounded whatever the number of frames: the basemap is drawn once and only the events are
redrawn per frame, and frames are written to the file as they are made (Pillow's own multi-frame GIF
writer would keep them all). Each frame after the first stores only the rectangle that changed.
"""
from __future__ import annotations

import io

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from PIL import GifImagePlugin, Image, ImageChops

from .frontline import denials
from .snapshot import SIZES, Snapshot, latest_status, long_date

MAX_FRAMES = 600
STRIKE_DAYS = {"week": 7, "month": 31}  # a frame shows the strikes of its own step
FRAME_MS = 700
LAST_FRAME_MS = 2500


def frame_days(start: date, end: date, step: str) -> list[date]:
    """The last day of each week (Sunday) or month from start to end; the final frame is `end` itself."""
    if step not in ("week", "month"):
        raise ValueError(f"step must be 'week' or 'month', not {step!r}")
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    days, day = [], start
    while True:
        if step == "week":
            day = day + timedelta(days=(6 - day.weekday()) % 7)
        else:
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if day >= end:
            return days + [end]
        days.append(day)
        day = day + timedelta(days=1)


def period_of(events: list[dict], start: date | None, end: date | None) -> tuple[date, date]:
    """The animation's period: as given, else from the first to the last event's start."""
    if (start is None or end is None) and not events:
        raise ValueError("no events to animate: give start and end to animate an empty map")
    first = start or date.fromisoformat(min(e["date_start"] for e in events))
    last = end or date.fromisoformat(max(e["date_start"] for e in events))
    return first, last


def iter_frames(events: list[dict], geodata: Path, *, step: str = "week", start: date | None = None,
                end: date | None = None, size: str = "social", title: str = "conflictmap",
                subtitle: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                ) -> Iterator[tuple[date, str, Image.Image]]:
    """(day, stamp, RGB image) per frame, made one at a time on one figure.

    The view is fitted once, to everything shown in the last frame, so the map does not jump."""
    first, last = period_of(events, start, end)
    days = frame_days(first, last, step)
    if len(days) > MAX_FRAMES:
        raise ValueError(f"{len(days)} frames is too many (at most {MAX_FRAMES}): use step='month' or a shorter period")
    shown_last, denied = latest_status(events, last), denials(events)
    snap = Snapshot(geodata, size=size, title=title, subtitle=subtitle, bbox=bbox, fit=shown_last, large_date=True)
    for day in days:
        stamp = long_date(day)
        snap.show(latest_status(events, day, strike_days=STRIKE_DAYS[step]), stamp, denied)
        yield day, stamp, snap.image()


def render_gif(events: list[dict], geodata: Path, out: Path, *, step: str = "week", start: date | None = None,
               end: date | None = None, size: str = "social", title: str = "conflictmap",
               subtitle: str | None = None, bbox: tuple[float, float, float, float] | None = None) -> Path:
    """A looping GIF of the front line by week or month, SIZES[size] pixels; the last frame is held."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    first, last = period_of(events, start, end)
    count = len(frame_days(first, last, step))
    frames = iter_frames(events, geodata, step=step, start=first, end=last, size=size, title=title,
                         subtitle=subtitle, bbox=bbox)
    durations = [FRAME_MS] * (count - 1) + [LAST_FRAME_MS]
    write_gif(((image, ms) for (_, _, image), ms in zip(frames, durations)), Path(out))
    return Path(out)


def write_gif(frames, out: Path) -> None:
    """Write (RGB image, milliseconds) frames as they come: only the previous frame is kept in memory."""
    previous = None
    with out.open("wb") as fh:
        for image, ms in frames:
            box = (0, 0, *image.size) if previous is None else ImageChops.difference(image, previous).getbbox()
            box = box or (0, 0, 1, 1)  # nothing changed: a one-pixel frame keeps the timing
            part = image.crop(box).quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            if previous is None:
                header, _ = GifImagePlugin.getheader(part, info={"loop": 0, "duration": ms})
                fh.write(b"".join(header))
            fh.write(b"".join(GifImagePlugin.getdata(part, offset=box[:2], duration=ms, disposal=1,
                                                     include_color_table=True)))
            previous = image
        fh.write(b";")


def frame_png(events: list[dict], geodata: Path, day: date, *, title: str = "conflictmap", size: str = "slides",
              bbox: tuple[float, float, float, float] | None = None) -> bytes:
    """One presentation frame: the front line on `day`, the date large, the view fitted to all events
    so that stepping through time does not move the map."""
    snap = Snapshot(geodata, size=size, title=title, bbox=bbox, fit=events, large_date=True)
    snap.show(latest_status(events, day), long_date(day), denials(events))
    buffer = io.BytesIO()
    snap.image().save(buffer, format="PNG")
    return buffer.getvalue()
