"""The default store: one SQLite file, FTS5 search, migrations recorded in a table.

Layout: ``documents`` (one row per article, the exact text), ``analyses`` (the
DocAnalysis as JSON), ``mentions`` and ``quotes`` (flat copies indexed by entity,
for queries), ``entities`` / ``stories`` / ``story_documents`` / ``timeline``
(corpus level, replaced on each re-link), ``state`` (JSON state of incremental
linkers such as the story index, written with the corpus it produced) and ``documents_fts``, an external-content
FTS5 index over title and text whose tokenizer folds case and accents
(``unicode61 remove_diacritics 2``) so « negociations » finds « négociations ».

Writes go through one connection guarded by a lock (a single writer), each in an
explicit ``BEGIN IMMEDIATE … COMMIT``; a document and everything read from it are
one transaction, so an interrupted ingest leaves nothing half-written.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from chronique.errors import StoreError
from chronique.model import CorpusAnalysis, DocAnalysis, Document, Entity, Story, TimelineItem
from chronique.store import codec, query
from chronique.store.base import SearchHit

DEFAULT_PATH = "chronique.db"

_DOC_COLUMNS = (
    "id", "path", "title", "published", "published_source", "language", "source", "url",
    "author", "duplicate_of", "format", "body_start", "dateline", "text",
)  # fmt: skip


# --- migrations: small named functions, applied in order, each recorded once ------------


def m001_documents(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            title TEXT, published TEXT, published_source TEXT, language TEXT,
            source TEXT, url TEXT, author TEXT, duplicate_of TEXT, format TEXT,
            body_start INTEGER NOT NULL DEFAULT 0,
            dateline TEXT,
            text TEXT NOT NULL,
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )
    db.execute("CREATE INDEX documents_published ON documents(published)")


def m002_analyses(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE analyses (
            document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            data TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE mentions (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            label TEXT NOT NULL, entity TEXT
        )"""
    )
    db.execute("CREATE INDEX mentions_document ON mentions(document)")
    db.execute("CREATE INDEX mentions_entity ON mentions(entity)")
    db.execute(
        """CREATE TABLE quotes (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            kind TEXT NOT NULL, speaker TEXT, speaker_entity TEXT
        )"""
    )
    db.execute("CREATE INDEX quotes_document ON quotes(document)")
    db.execute("CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity)")


def m003_corpus(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            documents INTEGER NOT NULL, mentions INTEGER NOT NULL, data TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX entities_name ON entities(name)")
    db.execute(
        "CREATE TABLE stories (id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, data TEXT NOT NULL)"
    )
    db.execute(
        """CREATE TABLE story_documents (
            story TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (story, document)
        )"""
    )
    db.execute("CREATE INDEX story_documents_document ON story_documents(document)")
    db.execute(
        "CREATE TABLE timeline (position INTEGER PRIMARY KEY, date TEXT NOT NULL, story TEXT, data TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX timeline_date ON timeline(date)")


def m004_search(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")


def m005_signatures(db: sqlite3.Connection) -> None:
    """Near-duplicate MinHash signatures, so an ingest does not re-hash the whole corpus."""
    db.execute(
        """CREATE TABLE signatures (
            document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            minhash BLOB NOT NULL
        )"""
    )


def m006_state(db: sqlite3.Connection) -> None:
    """Named JSON state of incremental linkers (the story index), so an ingest resumes it."""
    db.execute(
        """CREATE TABLE state (
            name TEXT PRIMARY KEY, data TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_documents, m002_analyses, m003_corpus, m004_search, m005_signatures, m006_state,
]  # fmt: skip


class SQLiteStore:
    """A chronique database in one SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a SQLite database ({exc})") from exc
        self._lock = threading.RLock()
        self._migrate()

    # --- plumbing ------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under the single-writer lock; rolled back on any error."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        try:
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a SQLite database ({exc})") from exc
        if tables and "migrations" not in tables:
            raise StoreError(f"{self.path}: a SQLite database, but not a chronique one")
        with self._transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL"
                " DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
            )
            done = {r[0] for r in db.execute("SELECT name FROM migrations")}
            for step in MIGRATIONS:
                if step.__name__ not in done:
                    step(db)
                    db.execute("INSERT INTO migrations(name) VALUES (?)", (step.__name__,))

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return [r[0] for r in self._db.execute("SELECT name FROM migrations ORDER BY rowid")]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- documents --------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def _insert_document(self, db: sqlite3.Connection, d: Document) -> None:
        row = asdict(d)
        row["dateline"] = None if d.dateline is None else json.dumps(row["dateline"], ensure_ascii=False)
        values = [row[c] for c in _DOC_COLUMNS]
        cur = db.execute(
            f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' * len(_DOC_COLUMNS))})",
            values,
        )
        db.execute(
            "INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)", (cur.lastrowid, d.title, d.text)
        )

    def add_document(self, document: Document) -> bool:
        with self._transaction() as db:
            if self.has(document.id):
                return False
            self._insert_document(db, document)
            return True

    @staticmethod
    def _document(row: sqlite3.Row | tuple) -> Document:
        data = dict(zip(_DOC_COLUMNS, row))
        data["dateline"] = None if data["dateline"] is None else json.loads(data["dateline"])
        return codec.document(data)

    def get(self, doc_id: str) -> Document | None:
        row = self._db.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else self._document(row)

    def documents(self) -> Iterator[Document]:
        rows = self._db.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents ORDER BY rowid").fetchall()
        for row in rows:
            yield self._document(row)

    # --- analyses ---------------------------------------------------------------------

    def _insert_mentions(self, db: sqlite3.Connection, a: DocAnalysis) -> None:
        db.executemany(
            'INSERT INTO mentions (document, start, "end", text, label, entity) VALUES (?, ?, ?, ?, ?, ?)',
            [(a.document.id, m.start, m.end, m.text, m.label, m.entity) for m in a.mentions],
        )

    def _insert_quotes(self, db: sqlite3.Connection, a: DocAnalysis) -> None:
        db.executemany(
            'INSERT INTO quotes (document, start, "end", text, kind, speaker, speaker_entity)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.document.id, q.start, q.end, q.text, q.kind,
                    q.speaker.name if q.speaker else None, q.speaker.entity if q.speaker else None,
                )  # fmt: skip
                for q in a.quotes
            ],
        )

    def _write_analysis(self, db: sqlite3.Connection, a: DocAnalysis) -> bool:
        """Store one analysis and its mention and quote rows; an analysis stored unchanged is
        left alone, so re-linking a large corpus rewrites only the documents whose links moved."""
        data = codec.analysis_without_document(a)
        row = db.execute("SELECT data FROM analyses WHERE document = ?", (a.document.id,)).fetchone()
        if row is not None and row[0] == data:
            return False
        db.execute("INSERT OR REPLACE INTO analyses (document, data) VALUES (?, ?)", (a.document.id, data))
        db.execute("DELETE FROM mentions WHERE document = ?", (a.document.id,))
        db.execute("DELETE FROM quotes WHERE document = ?", (a.document.id,))
        self._insert_mentions(db, a)
        self._insert_quotes(db, a)
        return True

    def add_analysis(self, analysis: DocAnalysis) -> bool:
        with self._transaction() as db:
            if self.has(analysis.document.id):
                return False
            self._insert_document(db, analysis.document)
            self._write_analysis(db, analysis)
            return True

    def _analysis(self, row: tuple) -> DocAnalysis:
        return codec.analysis(json.loads(row[-1]), self._document(row[:-1]))

    def get_analysis(self, doc_id: str) -> DocAnalysis | None:
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
        row = self._db.execute(
            f"SELECT {cols}, a.data FROM documents d JOIN analyses a ON a.document = d.id WHERE d.id = ?", (doc_id,)
        ).fetchone()
        return None if row is None else self._analysis(row)

    def analyses(self) -> Iterator[DocAnalysis]:
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
        rows = self._db.execute(
            f"SELECT {cols}, a.data FROM documents d JOIN analyses a ON a.document = d.id ORDER BY d.rowid"
        ).fetchall()
        for row in rows:
            yield self._analysis(row)

    # --- near-duplicate signatures (a cache: documents may lack one) --------------------

    def signatures(self) -> list[tuple[str, bytes]]:
        rows = self._db.execute(
            "SELECT s.document, s.minhash FROM signatures s JOIN documents d ON d.id = s.document ORDER BY d.rowid"
        )
        return [(r[0], bytes(r[1])) for r in rows]

    def save_signatures(self, items: list[tuple[str, bytes]]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO signatures (document, minhash)"
                " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)",
                [(doc_id, data, doc_id) for doc_id, data in items],
            )

    # --- corpus level -------------------------------------------------------------------

    def save_corpus(self, corpus: CorpusAnalysis, state: dict[str, dict[str, Any]] | None = None) -> None:
        with self._transaction() as db:
            self._write_state(db, state or {})
            for a in corpus.documents:
                if not self.has(a.document.id):
                    self._insert_document(db, a.document)
                else:
                    db.execute(
                        "UPDATE documents SET duplicate_of = ? WHERE id = ?", (a.document.duplicate_of, a.document.id)
                    )
                self._write_analysis(db, a)
            for table in ("entities", "stories", "story_documents", "timeline"):
                db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
            db.executemany(
                "INSERT INTO entities (id, position, name, type, documents, mentions, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(e.id, i, e.name, e.type, e.documents, e.mentions, codec.dumps(e)) for i, e in enumerate(corpus.entities)],
            )
            db.executemany(
                "INSERT INTO stories (id, position, title, data) VALUES (?, ?, ?, ?)",
                [(s.id, i, s.title, codec.dumps(s)) for i, s in enumerate(corpus.stories)],
            )
            db.executemany(
                "INSERT OR IGNORE INTO story_documents (story, document) VALUES (?, ?)",
                [(s.id, d) for s in corpus.stories for d in s.documents],
            )
            db.executemany(
                "INSERT INTO timeline (position, date, story, data) VALUES (?, ?, ?, ?)",
                [(i, t.date, t.story, codec.dumps(t)) for i, t in enumerate(corpus.timeline)],
            )

    # --- state of incremental linkers --------------------------------------------------

    @staticmethod
    def _write_state(db: sqlite3.Connection, state: dict[str, dict[str, Any]]) -> None:
        rows = [(name, json.dumps(data, ensure_ascii=False, separators=(",", ":"))) for name, data in state.items()]
        db.executemany(
            "INSERT INTO state (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            rows,
        )

    def load_state(self, name: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def save_state(self, name: str, data: dict[str, Any]) -> None:
        with self._transaction() as db:
            self._write_state(db, {name: data})

    def entities(self) -> list[Entity]:
        return [codec.entity(json.loads(r[0])) for r in self._db.execute("SELECT data FROM entities ORDER BY position")]

    def stories(self) -> list[Story]:
        return [codec.story(json.loads(r[0])) for r in self._db.execute("SELECT data FROM stories ORDER BY position")]

    def timeline(self) -> list[TimelineItem]:
        rows = self._db.execute("SELECT data FROM timeline ORDER BY position")
        return [codec.timeline_item(json.loads(r[0])) for r in rows]

    def load_corpus(self) -> CorpusAnalysis:
        return CorpusAnalysis(
            documents=list(self.analyses()), entities=self.entities(), stories=self.stories(), timeline=self.timeline()
        )

    # --- search -----------------------------------------------------------------------

    _SEARCH = """
        SELECT d.id, d.path, d.title, d.published,
               snippet(documents_fts, -1, '[', ']', '…', 16), bm25(documents_fts, 5.0, 1.0) AS score
        FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
        WHERE documents_fts MATCH ? ORDER BY score, d.rowid LIMIT ?
    """

    def search(self, text: str, limit: int = 10) -> list[SearchHit]:
        clauses = query.parse(text)
        if not clauses or limit <= 0:
            return []
        expressions = [query.to_fts5(clauses), query.to_fts5([query.Phrase((w,)) for w in query.plain_words(clauses)])]
        for expression in expressions:
            try:
                rows = self._db.execute(self._SEARCH, (expression, limit)).fetchall()
            except sqlite3.OperationalError:
                continue  # the safe fallback below: every word, ANDed
            return [SearchHit(r[0], r[1], r[2], r[3], r[4], -r[5]) for r in rows]
        return []
