"""Read articles from files, folders and patterns into :class:`~chronique.model.Document`.

    read_paths(paths, metadata=None, published=None)  -> Document | InputError, one by one
    read_metadata(csv_path)                            -> rows of the metadata CSV
    dedup.NearDuplicateIndex / dedup.mark_duplicates   -> near-copies (MinHash LSH)

A file that cannot be read is *yielded* as an :class:`~chronique.errors.InputError`
(its message names the file), never raised, so one bad file does not stop a batch.
The publication date comes from the metadata CSV, else the ``published`` argument,
else the document itself (HTML meta, feed/JSON field, an explicit full date in a
dateline or date line) — and stays ``None`` otherwise.

Limits (:mod:`chronique.ingest.limits`): a file over 10 MB is refused from its size
without being read, JSON Lines excepted (streamed, 10 MB a line), and an article's
text over 1,000,000 characters is refused before it is cleaned up.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator

from chronique.errors import InputError, TooLarge, Unreadable
from chronique.ids import document_id
from chronique.ingest.dates import iso_published
from chronique.ingest.feeds import read_feed
from chronique.ingest.html import read_html
from chronique.ingest.language import detect_language
from chronique.ingest import limits
from chronique.ingest.layout import read_layout
from chronique.ingest.limits import MAX_BYTES, MAX_CHARS
from chronique.ingest.metadata import MetadataIndex, read_metadata
from chronique.ingest.paths import ARTICLE_SUFFIXES, expand
from chronique.ingest.record import Record
from chronique.ingest.records import read_json, read_jsonl, read_jsonl_stream
from chronique.ingest.text import read_text
from chronique.model import Document

__all__ = ["read_paths", "read_metadata", "build_document", "MAX_BYTES", "MAX_CHARS"]

_HEAD = 65_536  # bytes looked at to tell the format of a file without a known extension
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # (UTF-32 BOMs start like UTF-16 LE's)
Reader = Callable[[str, bytes], Iterator["Record | InputError"]]
READERS: dict[str, Reader] = {
    "txt": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
}


def read_paths(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    metadata: str | os.PathLike | dict[str, dict] | None = None,
    published: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive, sorted) and glob patterns, in order.

    ``metadata`` is the CSV path (or :func:`read_metadata`'s result); a CSV that
    cannot be read and a ``published`` that is not an ISO date raise at once:
    they are the caller's settings, not one input among others.

    Files over ``max_bytes`` are refused (:class:`~chronique.errors.TooLarge`), except
    JSON Lines, which are streamed: only each line is held to ``max_bytes``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    skip: set[str] = set()
    if metadata is None:
        rows: dict[str, dict] = {}
    elif isinstance(metadata, dict):
        rows = metadata
    else:
        rows = read_metadata(metadata)
        skip.add(os.path.realpath(metadata))
    index = MetadataIndex(rows)
    if published is not None:
        try:
            published = iso_published(published)
        except ValueError:
            raise InputError(str(published), "published is not an ISO date or datetime") from None
    for item in expand(paths, skip):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_file(item, index, published, max_bytes)


def _read_file(path: str, index: MetadataIndex, published: str | None, max_bytes: int) -> Iterator[Document | InputError]:
    """Every document of one file, or the errors that stopped it; never raises."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(_HEAD)
            fmt = _format(path, head)
            if fmt == "jsonl" and not head.startswith(_WIDE_BOMS):
                handle.seek(0)
                records = read_jsonl_stream(path, handle, max_bytes)
            else:
                if size > max_bytes:
                    raise TooLarge(path, f"file too large ({size:,} bytes; limit {max_bytes:,})")
                raw = head + handle.read(max_bytes + 1 - len(head))
                if len(raw) > max_bytes:  # grew since stat, or a device reporting size 0
                    raise TooLarge(path, f"file too large (over {max_bytes:,} bytes)")
                records = READERS[fmt](path, raw)
            row = index.find(path)
            for record in records:
                yield record if isinstance(record, InputError) else _document(record, row, published)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield Unreadable(path, f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # a library failing on odd input must not stop the batch
        detail = " ".join(str(exc).split())[:200]
        yield InputError(path, f"unexpected error while reading ({type(exc).__name__}: {detail})")


def _document(record: Record, row: dict | None, published: str | None) -> Document | InputError:
    try:
        limits.check_text(record.path, record.text)
    except TooLarge as exc:
        return exc
    return build_document(record, row, published)


def _format(path: str, head: bytes) -> str:
    """By extension; otherwise by a look at the first bytes."""
    known = ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower())
    if known:
        return known
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"<?xml"):
        return "feed"
    if start.startswith(b"{"):
        lines = [line for line in head.split(b"\n")[:3] if line.strip()]
        return "jsonl" if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines) else "json"
    if start.startswith(b"["):
        return "json"
    return "txt"


def build_document(record: Record, row: dict | None = None, published: str | None = None) -> Document:
    """Finish a reader's record: language, layout, date by precedence, stable id."""
    row = row or {}
    text = record.text
    language = detect_language(text)
    title = row.get("title") or record.title
    layout = read_layout(text, title, language)
    if row.get("published"):
        date, source = row["published"], "metadata"
    elif published:
        date, source = published, "argument"
    elif record.published or layout.published:
        date, source = record.published or layout.published, "content"
    else:
        date, source = None, None
    return Document(
        id=document_id(text),
        path=record.path,
        text=text,
        title=title or layout.title,
        published=date,
        published_source=source,
        language=language,
        source=row.get("source") or record.source,
        url=row.get("url") or record.url,
        author=record.author,
        format=record.format,
        body_start=layout.body_start,
        dateline=layout.dateline,
    )
