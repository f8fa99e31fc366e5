"""Event dates as ISO-TimeML values at an honest precision, and the days they cover.

An event is dated at the precision its source gives: ``2025-05-19`` (day),
``2025-W20`` (week), ``2025-05`` (month), ``2025`` (year). A time of day
(``2025-05-19T10:00``) dates the day; a season, quarter or half only its year.
Durations, sets and unresolved values (``XXXX-05-19``, ``PRESENT_REF``) date nothing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

PRECISIONS = ("day", "week", "month", "year")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_PART = re.compile(r"^(\d{4})(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?$")


def normalise(value: str | None) -> tuple[str, str] | None:
    """``(date, precision)`` for a timex value that names a calendar period, else None."""
    if not value:
        return None
    value = value.strip().upper()
    m = _DAY.match(value)
    if m:
        try:
            date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return value[:10], "day"
    m = _WEEK.match(value)
    if m and 1 <= int(m[2]) <= 53:
        return value, "week"
    m = _MONTH.match(value)
    if m and 1 <= int(m[2]) <= 12:
        return value, "month"
    m = _YEAR_PART.match(value)
    if m:
        return m[1], "year"
    return None


def event_day(value: str | None) -> tuple[str, str] | None:
    """Like :func:`normalise`, but a night (``2025-05-19TNI``, « la nuit de lundi à mardi », « la nuit
    dernière ») dates what happened in it on the day after: what the press tells of a night
    (a leak, a break-in, an agreement) happens mostly after midnight; a report that gives the
    clock time before midnight says otherwise (see :mod:`chronique.link.event_merge`)."""
    got = normalise(value)
    if got is None or got[1] != "day" or not value or not value.strip().upper().endswith("TNI"):
        return got
    return (date.fromisoformat(got[0]) + timedelta(days=1)).isoformat(), "day"


def precision_of(value: str) -> str | None:
    got = normalise(value)
    return got[1] if got else None


def rank(precision: str | None) -> int:
    """0 for a day … 3 for a year (lower is more precise); unknown sorts last."""
    return _RANK.get(precision or "", len(PRECISIONS))


def interval(value: str) -> tuple[date, date] | None:
    """First and last day a normalised value covers."""
    got = normalise(value)
    if got is None:
        return None
    v, precision = got
    if precision == "day":
        d = date.fromisoformat(v)
        return d, d
    if precision == "week":
        year, week = int(v[:4]), int(v[6:8])
        try:
            first = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return first, first + timedelta(days=6)
    if precision == "month":
        year, month = int(v[:4]), int(v[5:7])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    year = int(v[:4])
    return date(year, 1, 1), date(year, 12, 31)


def week_of(day: str) -> str:
    """ISO week value of a day (``2025-05-12`` -> ``2025-W20``)."""
    y, w, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{y}-W{w:02d}"


def compatible(a: str, b: str) -> bool:
    """One value's period lies within the other's (a day inside its week, month or year)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def sort_key(value: str) -> tuple[date, int]:
    """Chronological order: by first day, the more precise first."""
    iv = interval(value)
    return (iv[0] if iv else date.max, rank(precision_of(value)))
