"""Where the article body starts: a title line, a date line, a dateline.

NLP reads from ``body_start`` on, so a heading is not glued to the first
sentence and « LONDRES — » is not taken for a name. The patterns are generic
(uppercase place words, a dash, an agency in brackets): no list of cities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.ingest.dates import full_date
from chronique.model import Span

TITLE_MAX = 200
_DATE_LINE_MAX = 80
_DATE_LINE_WORDS = 10
_NO_TITLE_END = ".,;:"
_LINK_MAX = 3  # longest lowercase word inside a place name (de, la, sur)
_FIRST_LINE = re.compile(r"([^\n]*)\n")
_BLANK = re.compile(r"\s*")
# PLACE[, date] [(Agency)] DASH — the place is checked in code (uppercase, or a
# capitalised name only when a date or an agency follows it).
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_'’.\- ]*(?:[ \-'’][^\W\d_][^\W\d_'’.\-]*){0,5}\.?)"
    r"(?:\s*,\s*(?P<date>[^\n—–()]{1,40}?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?P<dash>—|–|--?)(?=\s)"
)


@dataclass(slots=True)
class Layout:
    title: str | None
    body_start: int
    dateline: Span | None
    published: str | None  # an explicit full date read from the date line / dateline


def read_layout(text: str, title: str | None = None, language: str | None = None) -> Layout:
    """Find the title line, a date line and a dateline at the head of ``text``.

    ``title`` is a title known from markup (HTML, JSON, feed): when the text opens
    with it, the body starts after it.
    """
    pos = 0
    found_title = None
    published = None
    first = _FIRST_LINE.match(text)
    if first:
        line = first[1].strip()
        published = _date_line(line, language)
        if published:
            pos = _skip_blank(text, first.end())
        elif (title and line == title.strip()) or (_looks_like_title(line) and not _continues(text, first.end())):
            found_title = line
            pos = _skip_blank(text, first.end())
            second = _FIRST_LINE.match(text, pos)
            published = _date_line(second[1].strip(), language) if second else None
            if published:
                pos = _skip_blank(text, second.end())
    dateline = _dateline(text, pos)
    if dateline is not None:
        if published is None:
            m = _DATELINE.match(text, dateline.start)
            if m and m["date"]:
                published = full_date(m["date"], language)
        pos = _skip_blank(text, dateline.end)
    return Layout(title=found_title, body_start=pos, dateline=dateline, published=published)


def _date_line(line: str, language: str | None) -> str | None:
    """« 19 mai 2025 », « Publié le 19 mai 2025 à 10h32 »: a short line that is mostly a date."""
    if len(line) > _DATE_LINE_MAX or line.endswith(".") or len(line.split()) > _DATE_LINE_WORDS:
        return None
    return full_date(line, language)


def _looks_like_title(line: str) -> bool:
    return 0 < len(line) < TITLE_MAX and line[-1] not in _NO_TITLE_END and any(c.isalpha() for c in line)


def _continues(text: str, pos: int) -> bool:
    """The next line goes on with the same sentence (hard-wrapped text): it starts in lowercase."""
    return pos < len(text) and text[pos].islower()


def _skip_blank(text: str, pos: int) -> int:
    return _BLANK.match(text, pos).end()


def _dateline(text: str, pos: int) -> Span | None:
    m = _DATELINE.match(text, pos)
    if m is None:
        return None
    place = m["place"]
    letters = [c for c in place if c.isalpha()]
    uppercase = len(letters) >= 2 and all(c.isupper() for c in letters)
    agency = m["agency"] is not None and m["agency"].strip()[:1].isupper()  # (AFP), not (président)
    if not uppercase:
        if not (agency or (m["date"] and any(c.isdigit() for c in m["date"]))):
            return None
        # Capitalised words, joined by hyphens (Aix-en-Provence) or short lowercase
        # links between them (Saint-Denis de La Réunion): a name, not a sentence.
        words = place.split()
        if not (words[0][:1].isupper() and words[-1][:1].isupper()):
            return None
        if not all(w[:1].isupper() or len(w) <= _LINK_MAX for w in words):
            return None
    elif m["agency"] is not None and not agency:
        return None
    return Span(m.start(), m.end(), m[0])
