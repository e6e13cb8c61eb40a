"""Stepping through time for the play and presentation buttons: by day, week or month."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

STEPS = ("day", "week", "month")


def step(day: date, unit: str, count: int = 1) -> date:
    """`count` days, weeks or months later (earlier when negative); a month step keeps the day of the
    month, or takes the month's last day."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(days=7 * count)
    year, month0 = divmod(day.year * 12 + day.month - 1 + count, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))
