"""Turn the user's paths (files, folders, glob patterns) into files, in a stable order.

Folders are walked recursively in sorted order; hidden entries, CSV files (the
metadata), files of other kinds (images, archives…) and anything that is not a
regular file (pipes, devices: a read could block) are left out. A file named
explicitly is always read, whatever its extension.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from chronique.errors import InputError, Unreadable

ARTICLE_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_GLOB_CHARS = set("*?[")


def expand(paths: Iterable[str | os.PathLike], skip: set[str] = frozenset()) -> Iterator[str | InputError]:
    """File paths to read (as given, joined under their folder), or an error per bad path.

    ``skip`` holds resolved paths never to yield (the metadata CSV).
    """
    for given in paths:
        given = os.fspath(given)
        if os.path.isdir(given):
            yield from _walk(given, skip)
        elif os.path.isfile(given):
            if os.path.realpath(given) not in skip:
                yield given
        elif os.path.exists(given):  # a pipe or a device: reading it could block for ever
            yield Unreadable(given, "not a regular file")
        elif _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield InputError(given, "no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match, skip)
                elif os.path.isfile(match) and _is_article(os.path.basename(match)) and os.path.realpath(match) not in skip:
                    yield match
        else:
            yield InputError(given, "no such file or directory")


def _walk(folder: str, skip: set[str], seen: set[str] | None = None) -> Iterator[str | InputError]:
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop, or the same folder reached twice
        return
    seen.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Unreadable(folder, f"cannot read directory ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir, is_file = False, True  # let the read report what is wrong with it
        if is_dir:
            yield from _walk(path, skip, seen)
        elif is_file and _is_article(entry.name) and os.path.realpath(path) not in skip:
            yield path


def _is_article(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return suffix in ARTICLE_SUFFIXES or suffix == ""
