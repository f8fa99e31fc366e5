"""Event date values: precision, periods, compatibility, order."""

from __future__ import annotations

import pytest

from chronique.nlp.event_dates import compatible, event_day, normalise, sort_key, week_of


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-05-19", ("2025-05-19", "day")),
        ("2025-05-19T10:00", ("2025-05-19", "day")),
        ("2025-05-18TEV", ("2025-05-18", "day")),
        ("2025-W20", ("2025-W20", "week")),
        ("2025-10", ("2025-10", "month")),
        ("2025", ("2025", "year")),
        ("2022-SP", ("2022", "year")),
        ("P30D", None),
        ("PRESENT_REF", None),
        ("XXXX-05-19", None),
        ("2025-02-30", None),
        ("2025-13", None),
        (None, None),
    ],
)
def test_events_dates_normalise(value, expected):
    assert normalise(value) == expected


@pytest.mark.parametrize(
    "a, b, ok",
    [
        ("2025-05-14", "2025-W20", True),
        ("2025-05-19", "2025-W20", False),  # a Monday: week 21
        ("2025-05-19", "2025-05", True),
        ("2025-W20", "2025-05", True),
        ("2025-05-31", "2025-W22", True),
        ("2025-06", "2025-05", False),
        ("2025-10", "2025", True),
        ("2025-05-19", "2025-05-20", False),
    ],
)
def test_events_dates_compatible(a, b, ok):
    assert compatible(a, b) is ok and compatible(b, a) is ok


def test_events_dates_week_and_order():
    assert week_of("2025-05-12") == "2025-W20"
    assert week_of("2025-01-01") == "2025-W01"
    values = ["2025-10", "2025-05-19", "2025-W20", "2024", "2025-05"]
    assert sorted(values, key=sort_key) == ["2024", "2025-05", "2025-W20", "2025-05-19", "2025-10"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-02-03TNI", ("2026-02-04", "day")),  # what a night tells happens after midnight
        ("2026-12-31TNI", ("2027-01-01", "day")),
        ("2026-02-03TEV", ("2026-02-03", "day")),  # an evening stays on its day
        ("2026-02-03", ("2026-02-03", "day")),
        ("2026-W06", ("2026-W06", "week")),
        ("P1D", None),
    ],
)
def test_events_dates_a_night_dates_the_morning_after(value, expected):
    assert event_day(value) == expected
