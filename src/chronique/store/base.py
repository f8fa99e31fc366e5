"""The ``Store`` protocol: what the service layer needs from a database.

A store keeps documents, their analyses and the corpus-level results (entities,
stories, timeline). A document and its analysis are written together
(:meth:`Store.add_analysis`) so that an interrupted ingest never leaves half a
document behind. Implementations: :class:`~chronique.store.sqlite.SQLiteStore`
(default, one file) and :class:`~chronique.store.memory.MemoryStore` (tests,
one-shot ``analyze``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from chronique.model import CorpusAnalysis, DocAnalysis, Document, Entity, Story, TimelineItem


@dataclass(slots=True)
class SearchHit:
    """One document matching a full-text query; ``snippet`` marks matches with [ ]."""

    document: str
    path: str
    title: str | None
    published: str | None
    snippet: str
    score: float


@runtime_checkable
class Store(Protocol):
    # documents
    def has(self, doc_id: str) -> bool: ...
    def add_document(self, document: Document) -> bool:
        """Store a document without analysis; False when its id is already there."""
        ...

    def get(self, doc_id: str) -> Document | None: ...
    def documents(self) -> Iterator[Document]:
        """Every document, in the order they were added."""
        ...

    def __len__(self) -> int: ...

    # analyses
    def add_analysis(self, analysis: DocAnalysis) -> bool:
        """Store a document and its analysis in one transaction; False if already there."""
        ...

    def get_analysis(self, doc_id: str) -> DocAnalysis | None: ...
    def analyses(self) -> Iterator[DocAnalysis]:
        """Every analysed document, in the order they were added."""
        ...

    # near-duplicate signatures: a cache, so an ingest does not re-hash the whole corpus
    def signatures(self) -> list[tuple[str, bytes]]:
        """``(document id, MinHash signature)`` pairs in ingest order; documents may lack one."""
        ...

    def save_signatures(self, items: list[tuple[str, bytes]]) -> None:
        """Keep signatures of stored documents (pairs for unknown ids are ignored)."""
        ...

    # corpus level
    def save_corpus(self, corpus: CorpusAnalysis, state: dict[str, dict[str, Any]] | None = None) -> None:
        """Replace entities, stories and timeline, rewrite the given analyses (linking sets
        entity ids on their mentions) and save ``state`` (name -> JSON data, as
        :meth:`save_state`), all in one transaction: the corpus and the state that
        produced it never disagree."""
        ...

    # state of incremental linkers (the story index): JSON data by name
    def load_state(self, name: str) -> dict[str, Any] | None:
        """The data last saved under ``name``, or None."""
        ...

    def save_state(self, name: str, data: dict[str, Any]) -> None:
        """Keep JSON-ready ``data`` under ``name``, replacing what was there."""
        ...

    def entities(self) -> list[Entity]: ...
    def stories(self) -> list[Story]: ...
    def timeline(self) -> list[TimelineItem]: ...
    def load_corpus(self) -> CorpusAnalysis: ...

    # search
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Full-text search, accent- and case-insensitive; never raises on odd queries."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
