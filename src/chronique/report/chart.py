"""Geometry of the inline SVG timeline chart (no script, no network).

One row per item, a shared time axis; a day is a dot, a week, month or year a bar
as wide as the period it covers — the chart shows how precise each date is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from chronique.model import TimelineItem
from chronique.nlp.event_dates import interval

WIDTH = 960
LEFT = 16
LABEL_SPACE = 0
ROW = 26
TOP = 34
MIN_BAR = 6
LABEL_CHARS = 70
MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


@dataclass
class Mark:
    x: float
    y: float
    width: float  # 0 for a day (drawn as a dot)
    label: str
    date: str
    anchor: str  # text-anchor of the label: start | end
    label_x: float


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    axis_y: float
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)


def _ticks(first: date, last: date, x) -> list[Tick]:
    span = (last - first).days
    ticks: list[Tick] = []
    if span > 800:
        for y in range(first.year, last.year + 2):
            d = date(y, 1, 1)
            if first <= d <= last:
                ticks.append(Tick(x(d), str(y)))
        return ticks
    step = 1 if span <= 400 else 3
    d = date(first.year, first.month, 1)
    while d <= last:
        if d >= first and (d.month - 1) % step == 0:
            ticks.append(Tick(x(d), f"{MONTHS[d.month - 1]} {d.year}" if d.month == 1 or not ticks else MONTHS[d.month - 1]))
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return ticks


def chart(items: list[TimelineItem]) -> Chart:
    spans = [(t, interval(t.date)) for t in items]
    spans = [(t, iv) for t, iv in spans if iv is not None]
    height = TOP + ROW * max(1, len(spans)) + 10
    if not spans:
        return Chart(WIDTH, height, TOP - 14)
    first = min(iv[0] for _, iv in spans) - timedelta(days=3)
    last = max(iv[1] for _, iv in spans) + timedelta(days=3)
    days = max(1, (last - first).days)
    inner = WIDTH - 2 * LEFT

    def x(d: date) -> float:
        return round(LEFT + inner * (d - first).days / days, 1)

    marks = []
    for i, (t, (s, e)) in enumerate(spans):
        x0, x1 = x(s), x(e + timedelta(days=1))
        width = 0.0 if t.precision in (None, "day") else max(MIN_BAR, x1 - x0)
        y = TOP + ROW * i + ROW / 2
        label = t.summary if len(t.summary) <= LABEL_CHARS else t.summary[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + " …"
        label = f"{t.date} · {label}"
        right = x0 + width + 8
        if right > WIDTH * 0.55:
            marks.append(Mark(x0, y, width, label, t.date, "end", x0 - 8))
        else:
            marks.append(Mark(x0, y, width, label, t.date, "start", right))
    return Chart(WIDTH, height, TOP - 14, marks, _ticks(first, last, x))
