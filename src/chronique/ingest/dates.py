"""Publication dates: check what users give, read only explicit full dates from content.

A date is never completed or guessed: « 5 mai » without a year gives nothing.
Month words are read by dateparser (its language data), not by a list here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}|1er)\s+([^\W\d_]{3,12}\.?)\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]{3,12}\.?)\s+(\d{1,2}),?\s+(\d{4})\b")
_REQUIRE = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}


def iso_published(value: str) -> str:
    """An ISO date or datetime as given (normalised spelling); ValueError otherwise."""
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()


def day_of(value: object) -> str | None:
    """The calendar day (YYYY-MM-DD) of a date found in a document's own markup.

    Feeds write RFC 822 dates, HTML and JSON ISO ones; the day is taken in the
    writer's own time zone, so « 23:30 +02:00 » stays on its day.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return full_date(value)


def full_date(text: str, language: str | None = None) -> str | None:
    """The first explicit day-month-year date in a short piece of text, as YYYY-MM-DD."""
    m = _ISO.search(text)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        return f"{m[1]}-{m[2]}-{m[3]}"
    m = _NUMERIC.search(text)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (b, a) if language == "en" and a <= 12 < b else (a, b)
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            found = _parse(m[0], language)
            if found:
                return found
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1800 <= year <= 2200


def _parse(candidate: str, language: str | None) -> str | None:
    import dateparser  # slow to import; only when a candidate is there

    parsed = None
    for languages in ([language] if language else [], ["fr", "en"]):
        if not languages:
            continue
        try:
            parsed = dateparser.parse(candidate, languages=languages, settings=_REQUIRE)
        except Exception:  # unknown language code or odd input: not ours to report
            continue
        if parsed:
            break
    return parsed.date().isoformat() if parsed else None
