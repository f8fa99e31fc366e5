"""Quotes standing alone in a headline or intertitle take the speaker of the body quote they echo.

Editors lift a few words of a quotation into a title (« « Un pas décisif » : le
traité signé », « 9 h 40 – « On ne lâchera rien » »). The title names nobody, and
the paragraph before it is often someone else's: the speaker is whoever says
those words in the body. A title quote echoed by no body quote keeps a speaker
only when the title itself names one after a colon.
"""

from __future__ import annotations

import re

from chronique.model import Quote
from chronique.nlp.entity_names import strip_accents

_CONTENT = re.compile(r"\w{3,}")
_PREFIX = re.compile(r"^(?:[\s\d hH:.]*[–—-]?|[^.!?«»“”\n]{1,40}:)\s*$")  # « 10 h 05 – », a rubric « Grève : »
_NAMING = re.compile(r"[^\W\d]{2,}")  # letters before the quote: « Anne Roy : « … » » may name its speaker
TITLE_CHARS = 160  # a line longer than this is prose, not a title
ECHO_SHARE = 0.75  # share of the title quote's content words the body quote must repeat
MIN_WORDS = 2


def _words(text: str) -> set[str]:
    return {strip_accents(w.lower()) for w in _CONTENT.findall(text)}


def _title_line(text: str, q: Quote) -> tuple[int, int] | None:
    """The line holding ``q`` when it reads as a title: short, the quote first, no full stop after it."""
    if q.text.rstrip().endswith((".", "!", "…")):
        return None  # a paragraph of speech ends its sentence; titles do not
    ls = text.rfind("\n", 0, q.start) + 1
    le = text.find("\n", q.end)
    le = len(text) if le < 0 else le
    if le - ls > TITLE_CHARS:
        return None
    head = text[ls : q.start].rstrip("«“\"‘ \u00a0\u202f")
    if not _PREFIX.match(head):
        return None
    tail = text[q.end : le].strip(" \u00a0\u202f»”\"’")
    if tail.endswith((".", "!", "?", "…")) and not tail.startswith(":"):
        return None  # a quoted sentence of the body, with its own punctuation after the marks
    if tail and not tail.startswith(":"):
        return None
    return ls, le


def link_titles(text: str, quotes: list[Quote]) -> None:
    """Give each title quote the speaker of the body quote repeating its words (in place)."""
    for q in quotes:
        if q.kind == "indirect":
            continue
        line = _title_line(text, q)
        if line is None:
            continue
        mine = _words(q.text)
        if len(mine) < MIN_WORDS:
            continue
        best = None
        for b in quotes:
            if b is q or b.kind == "indirect" or b.speaker is None or line[0] <= b.start < line[1]:
                continue
            share = len(mine & _words(b.text)) / len(mine)
            if share >= ECHO_SHARE and (best is None or share > best[0]):
                best = (share, b)
        if best is not None:
            q.speaker = best[1].speaker
        elif not _NAMING.search(text, line[0], q.start) and not text[q.end : line[1]].lstrip(" \u00a0\u202f»”\"’").startswith(":"):
            q.speaker = None  # a bare title quote: the previous paragraph's speaker is a guess
