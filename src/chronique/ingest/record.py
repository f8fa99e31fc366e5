"""What a reader hands back before the document is finished (dates checked, ids given)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Record:
    """One article as a reader found it: text plus what the file itself says about it."""

    path: str
    text: str
    format: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD from the file's own markup or fields
    url: str | None = None
    source: str | None = None
    author: str | None = None
