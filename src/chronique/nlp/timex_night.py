"""The small hours of a night already named belong to its second day.

« Les pompiers sont intervenus dans la nuit de samedi à dimanche. … Vers 4 h 20 »
and « la nuit dernière … vers une heure du matin »: a clock time before
dawn, with no day of its own in its paragraph, is on the morning after the night
the text last spoke of, even a few sentences or a byline later.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAWN = 6  # an hour before this one, written without « du soir », is still the night's
_NIGHT_CODES = {"NI", "MO"}  # « quatre heures du matin », « 1 h de la nuit »
_BREAK = re.compile(r"[.!?]\s|\n")
_LINE_END = (".", "!", "?", "»", ":")
_SHORT_LINE = 100


def small_hours_day(night: date | None, day: date | None, day_end: int, text: str, at: int, hh: int,
                    part_code: str | None) -> date | None:
    """The day after ``night`` for a clock time ``hh`` at ``at`` before dawn, unless a day of its own was named in
    its sentence (``day`` ending at ``day_end``); None when the rule does not apply."""
    if night is None or hh >= _DAWN or (part_code is not None and part_code not in _NIGHT_CODES):
        return None
    if day is not None and day != night and day_end >= 0 and not _BREAK.search(text, day_end, at):
        return None  # « Jeudi, à 3 h » : the time has its own day
    return night + timedelta(days=1)


def byline(text: str, start: int) -> bool:
    """Whether ``start`` lies on a short line with no sentence end (a byline, « Mis en ligne le … à 6 h 45 », a date
    line): it dates the page, not the story, so it leaves the night the story is telling of alone."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    line = text[lo:hi if hi >= 0 else len(text)].strip()
    return len(line) <= _SHORT_LINE and not line.endswith(_LINE_END)
