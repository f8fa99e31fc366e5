"""Plain text files: the text is the article; title and dateline are found later (layout)."""

from __future__ import annotations

from collections.abc import Iterator

from chronique.ingest import limits
from chronique.ingest.decode import decode, normalise
from chronique.ingest.record import Record


def read_text(path: str, raw: bytes) -> Iterator[Record]:
    text = decode(raw, path, clean=False)
    limits.check_text(path, text)  # before the clean-up, which costs about 0.5 s a megabyte
    yield Record(path=path, text=normalise(text), format="txt")
