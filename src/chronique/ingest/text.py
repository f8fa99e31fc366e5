"""Plain text files: the text is the article; title and dateline are found later (layout)."""

from __future__ import annotations

from collections.abc import Iterator

from chronique.ingest.decode import decode
from chronique.ingest.record import Record


def read_text(path: str, raw: bytes) -> Iterator[Record]:
    yield Record(path=path, text=decode(raw, path), format="txt")
