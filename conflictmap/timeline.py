"""Stepping through time for the play button: by day, week or month."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

STEPS = ("day", "week", "month")


def step(day: date, unit: str) -> date:
    """The next day, week or month (the same day of the next month, or its last day)."""
    if unit == "day":
        return day + timedelta(days=1)
    if unit == "week":
        return day + timedelta(days=7)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
