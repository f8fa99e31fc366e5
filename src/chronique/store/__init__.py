"""Where analyses are kept: a ``Store`` protocol, SQLite by default, in-memory for tests.

    with open_store("chronique.db") as store:
        store.search("négociations cessez-le-feu")
"""

from __future__ import annotations

from pathlib import Path

from chronique.errors import StoreError
from chronique.store.base import SearchHit, Store
from chronique.store.memory import MemoryStore
from chronique.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["Store", "SearchHit", "SQLiteStore", "MemoryStore", "open_store", "DEFAULT_PATH"]


def open_store(path: str | Path | None = DEFAULT_PATH) -> Store:
    """The SQLite store at ``path``; ``None`` gives a throwaway in-memory store.

    A ``postgresql://`` URL is recognised and refused for now (rather than becoming a
    file of that name): a PostgreSQL store plugs in here once it implements ``Store``.
    """
    if path is None:
        return MemoryStore()
    if str(path).startswith(("postgres:/", "postgresql:/")):  # (a Path keeps one slash of "//")
        raise StoreError(f"{path}: no PostgreSQL store in this version (see chronique.store.base.Store)")
    return SQLiteStore(path)
