"""JSON (one object or a list) and JSON Lines (one object a line) articles.

Fields: ``text`` (or ``content`` / ``body``), ``title``, ``published`` (or ``date``),
``url``, ``source``, ``author``. A broken line is reported as ``file:line``
and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from chronique.errors import BinaryInput, EmptyInput, InputError, ParseError, TooLarge
from chronique.ingest.dates import day_of
from chronique.ingest.decode import decode, looks_binary, normalise
from chronique.ingest.markup import fragment_text
from chronique.ingest.record import Record

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date")
_SKIP_CHUNK = 1 << 20
_SNIFF = 8192


def read_json(path: str, raw: bytes) -> Iterator[Record | InputError]:
    try:
        data = json.loads(decode(raw, path, clean=False))  # fields are cleaned one by one
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path}:{exc.lineno}", f"invalid JSON ({exc.msg})") from None
    if isinstance(data, dict):
        yield _record(path, path, data, "json")
    elif isinstance(data, list) and any(isinstance(item, dict) for item in data):
        for i, item in enumerate(data, 1):
            yield _record(path, f"{path}#{i}", item, "json")
    else:
        raise ParseError(path, "JSON must be an object or a list of objects")


def read_jsonl(path: str, raw: bytes) -> Iterator[Record | InputError]:
    """A whole JSON Lines file in memory (any encoding :func:`decode` knows)."""
    lines = decode(raw, path, clean=False).split("\n")  # not splitlines: U+2028 may sit inside a JSON string
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield _line(path, number, line)


def read_jsonl_stream(path: str, handle: BinaryIO, max_line: int) -> Iterator[Record | InputError]:
    """JSON Lines read line by line from an open file: no limit on the file, ``max_line`` bytes a line.

    Each line is decoded on its own, so one line in a stray encoding or with a
    binary byte is reported (``file:line``) and the others are still read.
    """
    if looks_binary(handle.readline(_SNIFF)):  # an archive or image: one error, not one per « line »
        raise BinaryInput(path, "binary file (not text)")
    handle.seek(0)
    empty = True
    for number, line in enumerate(_lines(handle, max_line), 1):
        where = f"{path}:{number}"
        if line is None:
            empty = False
            yield TooLarge(where, f"JSON line too long (over {max_line:,} bytes)")
        elif line.strip():
            empty = False
            try:
                text = decode(line, where, clean=False)
            except InputError as exc:
                yield exc
                continue
            yield _line(path, number, text)
    if empty:
        raise EmptyInput(path, "empty file")


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines without their newline; None for a line over ``limit`` bytes (skipped, never held whole)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(_SKIP_CHUNK)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _line(path: str, number: int, line: str) -> Record | InputError:
    where = f"{path}:{number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return ParseError(where, f"invalid JSON line ({exc.msg}, column {exc.colno})")
    return _record(path, where, item, "jsonl")


def _record(path: str, where: str, item: object, fmt: str) -> Record | InputError:
    if not isinstance(item, dict):
        return ParseError(where, "not a JSON object")
    raw_text = _first(item, TEXT_FIELDS)
    text = normalise(fragment_text(raw_text)) if raw_text else ""
    if not text:
        return ParseError(where, f"no article text (expected one of {', '.join(TEXT_FIELDS)})")
    return Record(
        path=where,
        text=text,
        format=fmt,
        title=_short(item.get("title")),
        published=day_of(_first(item, DATE_FIELDS)),
        url=_short(item.get("url")),
        source=_short(item.get("source")),
        author=_short(item.get("author")),
    )


def _first(item: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _short(value: object) -> str | None:
    return (normalise(fragment_text(value)) or None) if isinstance(value, str) else None
