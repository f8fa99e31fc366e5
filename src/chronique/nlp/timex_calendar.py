"""Calendar arithmetic behind ISO-TimeML values: pure functions over ``datetime.date``.

Direction words used here: ``past`` = at or before the anchor, ``future`` = at or
after it, ``before`` / ``after`` = strictly, ``near`` = whichever is closest.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_VALUE_DATE = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?")


def parse_anchor(value: str | None) -> date | None:
    """The date of an ISO date/datetime string (``2025-05-19``, ``2025-05-19T10:00:00Z``), or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def value_date(value: str) -> tuple[date | None, str | None]:
    """(date, precision) read back from a TIMEX value: day precision gives the date, month the 1st."""
    m = _VALUE_DATE.match(value)
    if not m:
        return None, None
    try:
        if m[3]:
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        return date(int(m[1]), int(m[2]), 1), "month"
    except ValueError:
        return None, None


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def weekday(anchor: date, iso_wd: int, direction: str) -> date:
    """The given ISO weekday near ``anchor``, in ``direction`` (past/future/before/after/near)."""
    delta = iso_wd - anchor.isoweekday()
    if direction in ("past", "before"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return anchor - timedelta(days=back)
    if direction in ("future", "after"):
        fwd = delta % 7
        if fwd == 0 and direction == "after":
            fwd = 7
        return anchor + timedelta(days=fwd)
    return anchor + timedelta(days=delta)  # near: same ISO week


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for_day(anchor: date, month: int, day: int, tense: str | None, direction: str | None = None) -> int:
    """Year of a « 4 novembre » without year: the publication year unless it lands too far the wrong way."""
    cand = safe_date(anchor.year, month, day) or safe_date(anchor.year, month, 28)
    return _nearest_year(anchor.year, (cand - anchor).days, tense, direction, (182, 90, 300))


def year_for_month(anchor: date, month: int, tense: str | None, direction: str | None = None) -> int:
    """Year of « en octobre » without year, by the same rule as :func:`year_for_day` at month grain."""
    return _nearest_year(anchor.year, month - anchor.month, tense, direction, (6, 3, 10))


def _nearest_year(y: int, diff: int, tense: str | None, direction: str | None, reach: tuple[int, int, int]) -> int:
    """The anchor's year, or the one before/after when ``diff`` (in days or months) goes too far.

    ``direction`` (« avant », « depuis ») decides alone; otherwise the tense skews the
    window: ``reach`` = (either way without tense, against the tense, along it: a past verb reaches far back).
    """
    if direction == "before":
        return y if diff < 0 else y - 1
    if direction == "after":
        return y if diff > 0 else y + 1
    even, near, far = reach
    ahead, behind = even, even
    if tense == "past":
        ahead, behind = near, far
    elif tense == "future":
        ahead, behind = far, near
    if diff > ahead:
        return y - 1
    if diff < -behind:
        return y + 1
    return y


def full_year(two_digits: int, anchor: date | None) -> int:
    """« octobre 98 » -> 1998: the century that keeps the year at most a few years past the anchor."""
    ref = anchor.year if anchor else date.today().year
    y = (ref // 100) * 100 + two_digits
    return y - 100 if y > ref + 5 else y


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def shift_grain(anchor: date, grain: str, k: int) -> str:
    """The calendar period of ``grain`` (Y, M, W, WE, Q, H, D, DE, CE) ``k`` steps from the anchor's, as a value."""
    if grain == "Y":
        return f"{anchor.year + k:04d}"
    if grain == "M":
        y, m = add_months(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if grain in ("W", "WE"):
        week = iso_week(anchor + timedelta(weeks=k))
        return f"{week}-WE" if grain == "WE" else week
    if grain == "Q":
        n = anchor.year * 4 + (anchor.month - 1) // 3 + k
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    if grain == "H":
        n = anchor.year * 2 + (anchor.month - 1) // 6 + k
        return f"{n // 2:04d}-H{n % 2 + 1}"
    if grain == "DE":
        return f"{anchor.year // 10 + k:03d}"  # « la décennie écoulée » in 2025: 201 (the 2010s)
    if grain == "CE":
        return f"{anchor.year // 100 + k:02d}"  # « le siècle dernier » in 2025: 19 (the 1900s)
    return iso_day(anchor + timedelta(days=k))


def unknown_grain(grain: str) -> str:
    """The best partial value of a relative period when there is no anchor date."""
    return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}.get(
        grain, "XXXX-XX-XX"
    )


def _last_sunday(year: int, month: int) -> date:
    d = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return d - timedelta(days=d.isoweekday() % 7)


def central_european_offset(d: date) -> str:
    """``+02`` on a day of European summer time (from the last Sunday of March to the last Sunday of October;
    September before 1996), else ``+01``."""
    if d.year < 1980:
        return "+01"
    end = _last_sunday(d.year, 10 if d.year >= 1996 else 9)
    return "+02" if _last_sunday(d.year, 3) <= d < end else "+01"
