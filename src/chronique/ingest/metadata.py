"""The metadata CSV: ``file,published,title,source,url`` (only ``file`` required).

``file`` is a path relative to the CSV, or a basename matched wherever the
file lies. Commas are the rule; a semicolon or tab separated file (what a
French spreadsheet exports) is recognised from its header line. ``published`` must be an ISO date or datetime: a wrong value stops
the run rather than silently dating articles from elsewhere.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from chronique.errors import ParseError, Unreadable
from chronique.ingest.dates import iso_published
from chronique.ingest.decode import decode

FIELDS = ("published", "title", "source", "url")


def read_metadata(csv_path: str | os.PathLike) -> dict[str, dict]:
    """Rows keyed by their ``file`` value; each row also carries ``path``, the resolved file."""
    name = str(csv_path)
    try:
        raw = Path(csv_path).read_bytes()
    except OSError as exc:
        raise Unreadable(name, f"cannot read metadata file ({exc.strerror or exc})") from None
    text = decode(raw, name)
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "file" not in header:
        raise ParseError(name, "metadata CSV needs a 'file' column")
    reader.fieldnames = header
    base = Path(csv_path).resolve().parent
    rows: dict[str, dict] = {}
    for row in reader:
        file = (row.get("file") or "").strip()
        if not file:
            continue
        entry: dict = {"path": str((base / file).resolve())}
        for key in FIELDS:
            value = (row.get(key) or "").strip()
            entry[key] = value or None
        if entry["published"]:
            try:
                entry["published"] = iso_published(entry["published"])
            except ValueError:
                raise ParseError(
                    f"{name}:{reader.line_num}", f"published {entry['published']!r} is not an ISO date or datetime"
                ) from None
        rows[file] = entry
    return rows


def _delimiter(header: str) -> str:
    """The separator of the header line: the one of ``,;\\t`` it holds most (comma on a tie)."""
    return max(",;\t", key=header.count)


class MetadataIndex:
    """Finds a file's row: by resolved path first, then by basename."""

    def __init__(self, rows: dict[str, dict]):
        self._by_path = {r["path"]: r for r in rows.values() if r.get("path")}
        self._by_name = {f: r for f, r in rows.items() if "/" not in f and os.sep not in f}
        self.csv_paths: set[str] = set()

    def find(self, path: str) -> dict | None:
        try:
            resolved = str(Path(path).resolve())
        except OSError:
            resolved = path
        return self._by_path.get(resolved) or self._by_name.get(os.path.basename(path))
