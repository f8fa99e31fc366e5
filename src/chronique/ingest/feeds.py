"""RSS and Atom feeds (feedparser): one article per entry, from its content or summary."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from chronique.errors import BinaryInput, EmptyInput, InputError, ParseError
from chronique.ingest.dates import day_of
from chronique.ingest.decode import looks_binary, normalise
from chronique.ingest.markup import fragment_text
from chronique.ingest.record import Record

_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_feed(path: str, raw: bytes) -> Iterator[Record | InputError]:
    import feedparser

    if not raw.strip():
        raise EmptyInput(path, "empty file")
    if not raw.startswith(_WIDE_BOMS) and looks_binary(raw):
        raise BinaryInput(path, "binary file (not text)")
    feed = feedparser.parse(raw)  # bytes: feedparser follows the XML encoding declaration
    if not feed.entries:
        reason = feed.get("bozo_exception")
        raise ParseError(path, f"not a readable RSS/Atom feed ({reason})" if reason else "feed has no entries")
    source = _plain(feed.feed.get("title"))
    for i, entry in enumerate(feed.entries, 1):
        where = f"{path}#{i}"
        contents = [c.get("value") or "" for c in entry.get("content") or []]
        body = max(contents, key=len) if any(contents) else entry.get("summary") or ""
        text = normalise(fragment_text(body))
        if not text:
            yield ParseError(where, "feed entry has no text")
            continue
        yield Record(
            path=where,
            text=text,
            format="feed",
            title=_plain(entry.get("title")),
            published=day_of(entry.get("published") or entry.get("updated")),
            url=entry.get("link") or None,
            source=source,
            author=_plain(entry.get("author")),
        )


def _plain(value: object) -> str | None:
    return (normalise(fragment_text(value)) or None) if isinstance(value, str) else None
