"""ingest -> analyse -> link -> store -> query: the one layer every front end calls.

The command line, the demo and the Python API all go through these functions;
none of them reads files, runs spaCy or touches SQL on its own.

* :func:`analyze_paths` reads articles and analyses them as one corpus, keeping nothing.
* :func:`ingest_paths` adds only the documents a store does not have yet, each with
  its analysis in one transaction, then re-links: entities and timeline over the
  corpus, stories incrementally (the store keeps the story index between ingests and
  only the new documents are placed in it, so existing stories keep their ids).
* ``search``, ``find_document``, ``export``, ``evaluate``, ``write_report`` serve the
  other commands.

Long steps report through ``progress(stage, done, total)`` with stage one of
``read``, ``analyse``, ``link`` (``total`` may be None while unknown).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronique import contract
from chronique.errors import ChroniqueError, InputError
from chronique.model import CorpusAnalysis, DocAnalysis, Document
from chronique.store import DEFAULT_PATH, SearchHit, Store, open_store

if TYPE_CHECKING:
    from chronique.link.stories import StoryIndex

Progress = Callable[[str, int, int | None], None]
STORY_STATE = "stories"  # name of the story index state in the store
DEFAULT_MODEL = "fr_core_news_md"  # = chronique.nlp.pipeline.DEFAULT_MODEL, without importing spaCy here

__all__ = [
    "AnalyzeResult", "IngestResult", "analyze_paths", "ingest_paths", "link", "open_store", "search",
    "find_document", "export", "evaluate", "write_report", "load_aliases", "check_langdata", "DEFAULT_PATH",
]  # fmt: skip


@dataclass
class AnalyzeResult:
    """A corpus analysis and the inputs that could not be read."""

    analysis: CorpusAnalysis
    errors: list[InputError] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids analysed in this run
    skipped: list[str] = field(default_factory=list)  # ids seen before (same content)
    not_french: list[Document] = field(default_factory=list)  # kept, not analysed as French
    duplicates: list[Document] = field(default_factory=list)  # near-copies (duplicate_of set)


IngestResult = AnalyzeResult


def _noop(stage: str, done: int, total: int | None) -> None:
    pass


def is_french(document: Document) -> bool:
    """Unknown language counts as French (the reader could not tell; analysing is the useful guess)."""
    return document.language in (None, "fr")


class _NearCopies:
    """Near-duplicate detection against the store and the batch, built on the first new document.

    Stored documents come from their cached MinHash signatures (computed from the text, and
    cached, only for documents that lack one), so an ingest does not re-hash the corpus.
    """

    def __init__(self, store: Store | None):
        self.store = store
        self.index: Any = None
        self.new: list[tuple[str, bytes]] = []  # signatures of this batch, saved once stored

    def _build(self) -> None:
        from chronique.ingest.dedup import NearDuplicateIndex, from_signature, signature

        self.index = NearDuplicateIndex()
        if self.store is None:
            return
        hashes: dict[str, Any] = {}
        for doc_id, data in self.store.signatures():
            try:
                hashes[doc_id] = from_signature(data)
            except Exception:  # written by another chronique version: computed again below
                continue
        if len(hashes) < len(self.store):
            missing = [(d.id, signature(d.text)) for d in self.store.documents() if d.id not in hashes]
            self.store.save_signatures(missing)
            hashes.update((doc_id, from_signature(data)) for doc_id, data in missing)
        for d in self._order():
            if d in hashes:
                self.index.add_minhash(d, hashes[d])

    def _order(self) -> list[str]:
        """Stored ids in ingest order (the earliest copy is the original)."""
        return [doc_id for doc_id, _ in self.store.signatures()]

    def original_of(self, document: Document) -> str | None:
        """The id of the earlier document ``document`` nearly copies, else None (and index it)."""
        from chronique.ingest.dedup import from_signature, signature

        if self.index is None:
            self._build()
        data = signature(document.text)
        self.new.append((document.id, data))
        original = self.index.add_minhash(document.id, from_signature(data))
        return None if original == document.id else original

    def save(self) -> None:
        if self.store is not None and self.new:
            self.store.save_signatures(self.new)


def _read(
    paths: Iterable[str | Path],
    metadata: str | Path | None,
    published: str | None,
    known: Callable[[str], bool],
    copies: _NearCopies,
    result: AnalyzeResult,
    progress: Progress,
) -> list[Document]:
    """New documents, in input order: exact copies collapse, near-copies get ``duplicate_of``."""
    from chronique.ingest import read_paths

    seen: set[str] = set()
    new: list[Document] = []
    done = 0
    for item in read_paths([str(p) for p in paths], metadata=metadata, published=published):
        done += 1
        progress("read", done, None)
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        if item.id in seen or known(item.id):
            result.skipped.append(item.id)
            continue
        seen.add(item.id)
        original = copies.original_of(item)
        if original is not None:
            item.duplicate_of = original
            result.duplicates.append(item)
        if not is_french(item):
            result.not_french.append(item)
        new.append(item)
    return new


def analyze_documents(documents: Iterable[Document], model: str = DEFAULT_MODEL) -> Iterator[DocAnalysis]:
    """The French pipeline over documents; spaCy is imported only when there is something to analyse,
    so ``search``, ``show``, ``export`` and a re-ingest with nothing new start fast."""
    from chronique.nlp.pipeline import analyze_documents as run

    yield from run(documents, model=model)


def _analyse(documents: list[Document], model: str, progress: Progress) -> Iterator[DocAnalysis]:
    """Analyses in input order; documents not in French come back with nothing extracted."""
    french = analyze_documents((d for d in documents if is_french(d)), model=model)
    total = len(documents)
    progress("analyse", 0, total)
    for i, d in enumerate(documents, 1):
        yield next(french) if is_french(d) else DocAnalysis(document=d)
        progress("analyse", i, total)


def link(
    analyses: list[DocAnalysis],
    aliases: dict[str, str] | None = None,
    progress: Progress = _noop,
    index: StoryIndex | None = None,
) -> CorpusAnalysis:
    """Join analysed documents into a corpus: entities, stories, timeline (sets entity ids in place).

    With a :class:`~chronique.link.stories.StoryIndex`, only the analyses it lacks are
    placed in it (and it is updated); without one, the stories are grouped afresh.
    """
    from chronique.link.entities import link_entities
    from chronique.link.speaker_titles import complete_group_speakers, resolve_title_speakers
    from chronique.link.stories import group_stories
    from chronique.link.timeline import build_timeline

    progress("link", 0, 3)
    entities = link_entities(analyses, aliases=aliases)
    progress("link", 1, 3)
    if index is None:
        stories = group_stories(analyses)
    else:
        new = [a for a in analyses if a.document.id not in index]
        if new:
            index.add_many(new)
        stories = index.stories()
    resolve_title_speakers(analyses, entities, stories)
    complete_group_speakers(analyses, stories)
    progress("link", 2, 3)
    timeline = build_timeline(analyses, stories)
    progress("link", 3, 3)
    return CorpusAnalysis(documents=analyses, entities=entities, stories=stories, timeline=timeline)


def analyze_paths(
    paths: Iterable[str | Path],
    metadata: str | Path | None = None,
    published: str | None = None,
    model: str = DEFAULT_MODEL,
    aliases: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> AnalyzeResult:
    """Read articles (files, folders, URLs as the readers allow) and analyse them as one corpus."""
    progress = progress or _noop
    result = AnalyzeResult(analysis=CorpusAnalysis())
    documents = _read(paths, metadata, published, lambda _id: False, _NearCopies(None), result, progress)
    analyses = list(_analyse(documents, model, progress))
    result.added = [a.document.id for a in analyses]
    result.analysis = link(analyses, aliases, progress)
    return result


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    metadata: str | Path | None = None,
    published: str | None = None,
    model: str = DEFAULT_MODEL,
    aliases: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Add the documents ``store`` lacks (each with its analysis, one transaction each), then re-link.

    Documents already stored (same content, same id) are neither analysed nor written
    again; when nothing is new, the corpus is left as it is. Stories come from the
    story index kept in the store: the documents it lacks (the new ones, and any an
    interrupted ingest stored before it could re-link) are placed in it, and the
    index is saved in the same transaction as the corpus it produced.
    """
    progress = progress or _noop
    result = IngestResult(analysis=CorpusAnalysis())
    copies = _NearCopies(store)
    documents = _read(paths, metadata, published, store.has, copies, result, progress)
    for a in _analyse(documents, model, progress):
        if store.add_analysis(a):
            result.added.append(a.document.id)
    copies.save()
    state = store.load_state(STORY_STATE)
    behind = state is not None and len(state.get("documents", ())) != len(store)  # an ingest was interrupted
    if not result.added and not behind and store.stories():
        result.analysis = store.load_corpus()
        return result
    index = _story_index(state)
    result.analysis = link(list(store.analyses()), aliases, progress, index=index)
    store.save_corpus(result.analysis, state={STORY_STATE: index.to_dict()})
    return result


def _story_index(data: dict[str, Any] | None) -> StoryIndex:
    """The story index saved in a store; a fresh one when there is none yet (a database from
    before the index was kept) or it was saved by an incompatible version: every stored
    document is then placed again, as one batch."""
    from chronique.link.stories import StoryIndex

    if data is not None:
        try:
            return StoryIndex.from_dict(data)
        except (ValueError, KeyError, TypeError):
            pass
    return StoryIndex()


# --- the other commands -----------------------------------------------------------------


def search(store: Store, query: str, limit: int = 10) -> list[SearchHit]:
    return store.search(query, limit=limit)


def find_document(store: Store, key: str) -> DocAnalysis | None:
    """A stored analysis by id, by a unique id prefix, or by the path it was read from."""
    found = store.get_analysis(key)
    if found is not None:
        return found
    matches = [d.id for d in store.documents() if d.path == key or Path(d.path).name == key or d.id.startswith(key)]
    return store.get_analysis(matches[0]) if len(set(matches)) == 1 else None


EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def export(corpus: CorpusAnalysis, fmt: str, out: str | Path | None, table: str = "documents") -> int:
    """Write one table of the analysis as JSONL, CSV or Parquet; returns the number of rows.

    JSONL of ``documents`` holds each document whole, as in the JSON contract.
    ``out`` None or ``-`` writes text formats to stdout (Parquet needs a file).
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
    to_stdout = out is None or str(out) == "-"
    if fmt == "parquet":
        if to_stdout:
            raise ValueError("parquet export needs an output file (-o FILE)")
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = contract.rows(corpus, table)
        pq.write_table(pa.Table.from_pylist(data), str(out))
        return len(data)
    buffer = io.StringIO()
    if fmt == "jsonl":
        data = [contract.document(a) for a in corpus.documents] if table == "documents" else contract.rows(corpus, table)
        for row in data:
            buffer.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        data = contract.rows(corpus, table, flat=True)
        if data:
            writer = csv.DictWriter(buffer, fieldnames=list(data[0]))
            writer.writeheader()
            writer.writerows(data)
    if to_stdout:
        sys.stdout.write(buffer.getvalue())
    else:
        Path(out).write_text(buffer.getvalue(), encoding="utf-8")
    return len(data)


def load_aliases(path: str | Path) -> dict[str, str]:
    """``alias<TAB>canonical name`` per line, or a JRC-Names ``entities`` file (see :mod:`chronique.link.aliases`)."""
    from chronique.link.aliases import load_aliases as read

    return read(path)


def evaluate(gold: str | Path, model: str = DEFAULT_MODEL) -> tuple[Any, str]:
    """Score chronique against a gold file; returns (report, its text rendering)."""
    from chronique import eval as chronique_eval

    report = chronique_eval.evaluate(gold, model=model)
    return report, chronique_eval.format_report(report)


def report_dict(report: Any) -> Any:
    """A scoring report as plain JSON data, whatever shape the scorer returns."""
    from dataclasses import asdict, is_dataclass

    if hasattr(report, "to_dict"):
        return report.to_dict()
    if is_dataclass(report):
        return asdict(report)
    return report if isinstance(report, (dict, list)) else vars(report)


def write_report(corpus: CorpusAnalysis, story_id: str | None, fmt: str, out: str | Path) -> Path:
    """Render a story (or the largest one when ``story_id`` is None) as HTML or Markdown."""
    from chronique.report import write_report as _write_report

    if story_id is not None and not any(s.id == story_id for s in corpus.stories):
        raise ChroniqueError(f"no story {story_id} (known: {', '.join(s.id for s in corpus.stories) or 'none'})")
    out = Path(out)
    _write_report(corpus, story_id, fmt, out)
    return out


def check_langdata(lang: str = "fr") -> dict[str, int]:
    """Validate every language data file; raises LangDataError naming the first bad one."""
    from chronique.langdata import validate_all

    return validate_all(lang)
