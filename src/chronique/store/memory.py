"""An in-memory store: for tests and for one-shot ``analyze`` runs that keep nothing.

Search folds case and accents like the SQLite store and honours phrases, prefixes
and AND / OR / NOT read left to right (FTS5 gives NOT and AND precedence over OR;
close enough for the small corpora this store holds).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

from chronique.model import CorpusAnalysis, DocAnalysis, Document, Entity, Story, TimelineItem
from chronique.store import query
from chronique.store.base import SearchHit

_WORD = re.compile(r"\w+")


def _find(tokens: list[str], phrase: query.Phrase) -> int:
    """Index of the first token where ``phrase`` matches, or -1."""
    words = [query.fold(w) for w in phrase.words]
    n = len(words)
    for i in range(len(tokens) - n + 1):
        window = tokens[i : i + n]
        if window[:-1] == words[:-1] and (
            window[-1].startswith(words[-1]) if phrase.prefix else window[-1] == words[-1]
        ):
            return i
    return -1


class MemoryStore:
    """Same behaviour as :class:`~chronique.store.sqlite.SQLiteStore`, kept in dicts."""

    def __init__(self) -> None:
        self._documents: dict[str, Document] = {}
        self._analyses: dict[str, DocAnalysis] = {}
        self._corpus = CorpusAnalysis()
        self._signatures: dict[str, bytes] = {}
        self._state: dict[str, str] = {}  # kept as JSON text: what SQLite keeps, and no shared objects

    def has(self, doc_id: str) -> bool:
        return doc_id in self._documents

    def __len__(self) -> int:
        return len(self._documents)

    def add_document(self, document: Document) -> bool:
        if document.id in self._documents:
            return False
        self._documents[document.id] = copy.deepcopy(document)
        return True

    def get(self, doc_id: str) -> Document | None:
        d = self._documents.get(doc_id)
        return None if d is None else copy.deepcopy(d)

    def documents(self) -> Iterator[Document]:
        for d in list(self._documents.values()):
            yield copy.deepcopy(d)

    def add_analysis(self, analysis: DocAnalysis) -> bool:
        if analysis.document.id in self._documents:
            return False
        stored = copy.deepcopy(analysis)  # built fully before anything is kept: all or nothing
        self._documents[stored.document.id] = stored.document
        self._analyses[stored.document.id] = stored
        return True

    def get_analysis(self, doc_id: str) -> DocAnalysis | None:
        a = self._analyses.get(doc_id)
        return None if a is None else copy.deepcopy(a)

    def analyses(self) -> Iterator[DocAnalysis]:
        for doc_id in list(self._documents):
            a = self._analyses.get(doc_id)
            if a is not None:
                yield copy.deepcopy(a)

    def signatures(self) -> list[tuple[str, bytes]]:
        return [(i, self._signatures[i]) for i in self._documents if i in self._signatures]

    def save_signatures(self, items: list[tuple[str, bytes]]) -> None:
        self._signatures.update((i, data) for i, data in items if i in self._documents)

    def save_corpus(self, corpus: CorpusAnalysis, state: dict[str, dict[str, Any]] | None = None) -> None:
        corpus = copy.deepcopy(corpus)  # everything built before anything is kept: all or nothing
        encoded = {name: json.dumps(data, ensure_ascii=False) for name, data in (state or {}).items()}
        self._state.update(encoded)
        for a in corpus.documents:
            self._documents[a.document.id] = a.document
            self._analyses[a.document.id] = a
        self._corpus = CorpusAnalysis(entities=corpus.entities, stories=corpus.stories, timeline=corpus.timeline)

    def load_state(self, name: str) -> dict[str, Any] | None:
        data = self._state.get(name)
        return None if data is None else json.loads(data)

    def save_state(self, name: str, data: dict[str, Any]) -> None:
        self._state[name] = json.dumps(data, ensure_ascii=False)

    def entities(self) -> list[Entity]:
        return copy.deepcopy(self._corpus.entities)

    def stories(self) -> list[Story]:
        return copy.deepcopy(self._corpus.stories)

    def timeline(self) -> list[TimelineItem]:
        return copy.deepcopy(self._corpus.timeline)

    def load_corpus(self) -> CorpusAnalysis:
        return CorpusAnalysis(
            documents=list(self.analyses()), entities=self.entities(), stories=self.stories(), timeline=self.timeline()
        )

    def search(self, text: str, limit: int = 10) -> list[SearchHit]:
        clauses = query.parse(text)
        if not clauses or limit <= 0:
            return []
        hits = []
        for d in self._documents.values():
            matches = list(_WORD.finditer(f"{d.title or ''}\n{d.text}"))
            tokens = [query.fold(m.group()) for m in matches]
            ok, op, first = False, "AND", -1
            for c in clauses:
                if isinstance(c, str):
                    op = c
                    continue
                at = _find(tokens, c)
                if at >= 0 and first < 0 and op != "NOT":
                    first = at
                found = at >= 0
                if c is clauses[0]:
                    ok = found
                elif op == "AND":
                    ok = ok and found
                elif op == "OR":
                    ok = ok or found
                else:
                    ok = ok and not found
                op = "AND"
            if ok:
                hits.append(SearchHit(d.id, d.path, d.title, d.published, self._snippet(d, matches, first), 1.0))
        return hits[:limit]

    @staticmethod
    def _snippet(d: Document, matches: list[re.Match[str]], at: int) -> str:
        offset = len(d.title or "") + 1
        if at < 0 or matches[at].start() < offset:
            return d.text[:120]
        s, e = matches[at].start() - offset, matches[at].end() - offset
        return ("…" if s > 60 else "") + d.text[max(0, s - 60) : s] + "[" + d.text[s:e] + "]" + d.text[e : e + 60] + "…"

    def close(self) -> None:
        pass

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
