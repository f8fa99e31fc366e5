"""Where analyses are kept: a ``Store`` protocol, SQLite by default, in-memory for tests.

    with open_store("chronique.db") as store:
        store.search("négociations cessez-le-feu")
"""

from __future__ import annotations

from pathlib import Path

from chronique.store.base import SearchHit, Store
from chronique.store.memory import MemoryStore
from chronique.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["Store", "SearchHit", "SQLiteStore", "MemoryStore", "open_store", "DEFAULT_PATH"]


def open_store(path: str | Path | None = DEFAULT_PATH) -> Store:
    """The SQLite store at ``path``; ``None`` gives a throwaway in-memory store."""
    return MemoryStore() if path is None else SQLiteStore(path)
