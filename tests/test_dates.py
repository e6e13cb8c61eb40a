from datetime import date

import pytest

from conflictmap.dates import find_dates, interval, precision
from conflictmap.dates_cyrillic import date_finder

PUB = date(2025, 2, 7)  # a Friday


@pytest.mark.parametrize("text, expected", [
    ("claimed on Friday that", "2025-02-07"),
    ("said on Tuesday", "2025-02-04"),
    ("last Friday", "2025-01-31"),
    ("yesterday", "2025-02-06"),
    ("overnight", "2025-02-07"),
    ("last month", "2025-01"),
    ("late last month", "2025-01"),
    ("last year", "2024"),
    ("last July", "2024-07"),
    ("last August", "2024-08"),
    ("in late February 2024", "2024-02"),
    ("six months ago", "2024-08"),
    ("two days ago", "2025-02-05"),
    ("so far this year", "2025-01-01/2025-02-07"),
    ("killed three civilians earlier this week", "2025-02-03/2025-02-07"),  # by publication, not the week's end
    ("so far this month", "2025-02-01/2025-02-07"),
    ("this week", "2025-02-03/2025-02-09"),
    ("eight months of systematic shelling", "2024-06/2025-02"),
    ("a three-month siege", "2024-11/2025-02"),
    ("since last summer", "2024-06/2025-02-07"),
    ("on 17 February 2024", "2024-02-17"),
    ("on the night of 5-6 February", "2025-02-05/2025-02-06"),  # day ranges: regional press, Telegram
    ("overnight on February 5–6", "2025-02-05/2025-02-06"),  # wire copy
    ("between 1 and 3 February 2025", "2025-02-01/2025-02-03"),  # think-tank update
    ("from 28 to 30 January", "2025-01-28/2025-01-30"),
    ("on January 30 and 31", "2025-01-30/2025-01-31"),
    ("on February 17, 2024", "2024-02-17"),
    ("Feb. 17, 2024", "2024-02-17"),
    ("on 3 October", "2024-10-03"),
    ("2024-10-02", "2024-10-02"),
    ("17.02.2024", "2024-02-17"),
    ("in early October", "2024-10"),
    ("by July last year", "2024-07"),
    ("in 2023", "2023"),
    ("in February-March 2022", "2022-02/2022-03"),  # a month range with its year: wire copy
    ("from December to January", "2024-12/2025-01"),  # across the new year
])
def test_date_expression_resolves_against_publication(text, expected):
    found = find_dates(text, PUB)
    assert [c.edtf for c in found] == [expected]


@pytest.mark.parametrize("text", [
    "3,000-pound (1,300-kilo) glide bombs", "forces may advance", "the fall of Toretsk", "28th Brigade",
    "a population of 30,000", "",
])
def test_no_date_where_there_is_none(text):
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize("edtf, first, last, kind", [
    ("2024", "2024-01-01", "2024-12-31", "year"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2025-02-07", "2025-02-07", "2025-02-07", "day"),
    ("2024-06/2025-02", "2024-06-01", "2025-02-28", "period"),
])
def test_interval_and_precision(edtf, first, last, kind):
    lo, hi = interval(edtf)
    assert (lo.isoformat(), hi.isoformat(), precision(edtf)) == (first, last, kind)


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "в феврале – марте 2022 года", "2022-02/2022-03"),  # Russian-language press
    ("uk", "у лютому–березні 2022 року", "2022-02/2022-03"),  # Ukrainian regional press
])
def test_a_month_range_in_cyrillic(language, text, expected):
    assert [c.edtf for c in date_finder(language)(text, PUB)] == [expected]
