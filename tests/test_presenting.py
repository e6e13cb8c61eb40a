"""Presentation mode's logic: what changed between two steps, and the slide a link names."""
from datetime import date

from conflictmap import filters, presenting


def test_changes_are_the_events_new_since_the_previous_step(samples_events):
    before, day = date(2024, 1, 29), date(2024, 2, 29)
    changed = presenting.changes(samples_events, day, before)
    shown_before = {e["id"] for e in filters.latest_status(samples_events, before)}
    assert changed and all(e["id"] not in shown_before for e in changed)
    assert "Avdiivka: claimed taken by the Russian side (2024-02-17)" in [presenting.change_line(e) for e in changed]
    assert presenting.changes(samples_events, day, day) == []
    assert len(presenting.changes(samples_events, day, None)) == len(filters.latest_status(samples_events, day))


def test_a_link_names_the_slide():
    span = (date(2022, 6, 30), date(2025, 10, 28))
    slide = presenting.Slide(date(2024, 3, 29), "week", "Donbas, spring 2024")
    assert presenting.from_params(presenting.to_params(slide), span) == slide
    assert presenting.to_params(presenting.Slide(date(2024, 3, 29))) == {"day": "2024-03-29"}
    assert presenting.from_params({"day": "1999-01-01", "step": "century"}, span) == presenting.Slide(span[0])
    assert presenting.from_params({"day": "not a day"}, span).day == span[0]
