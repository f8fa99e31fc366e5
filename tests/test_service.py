"""The service layer: incremental ingest, interrupted ingest, duplicates, the Store protocol.

The analyser is replaced by a counting stand-in (``analysed``): these tests are about
what gets read, analysed and written, not about the French NLP.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from chronique import service
from chronique.model import DocAnalysis
from chronique.store import MemoryStore, SQLiteStore, Store
from chronique.store.base import Store as StoreProtocol


def _txt_examples(examples_dir: Path) -> list[Path]:
    files = sorted(examples_dir.glob("*.txt"))
    if len(files) < 8:
        pytest.skip("examples/ needs at least eight .txt articles")
    return files


class Counter:
    """Stands in for the spaCy pipeline; remembers every document it was asked to analyse."""

    def __init__(self, fail_after: int | None = None, exc: type[BaseException] = RuntimeError):
        self.seen: list[str] = []
        self.fail_after = fail_after
        self.exc = exc

    def __call__(self, documents, model=None, **kwargs):
        for d in documents:
            if self.fail_after is not None and len(self.seen) >= self.fail_after:
                raise self.exc("interrupted")
            self.seen.append(d.id)
            yield DocAnalysis(document=d)


@pytest.fixture
def analysed(monkeypatch):
    counter = Counter()
    monkeypatch.setattr(service, "analyze_documents", counter)
    return counter


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = SQLiteStore(tmp_path / "chronique.db") if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def _complete(store) -> None:
    """Nothing half-written: every stored document has its analysis, and only those."""
    ids = [d.id for d in store.documents()]
    assert [a.document.id for a in store.analyses()] == ids
    if isinstance(store, SQLiteStore):
        db = sqlite3.connect(store.path)
        for table, column in (("analyses", "document"), ("mentions", "document"), ("quotes", "document")):
            orphans = db.execute(f"SELECT count(*) FROM {table} WHERE {column} NOT IN (SELECT id FROM documents)")
            assert orphans.fetchone()[0] == 0, table
        assert db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == len(ids)
        db.close()


def test_service_reingest_same_folder_adds_nothing(store, analysed, examples_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in _txt_examples(examples_dir)[:4]:
        shutil.copy(f, folder)
    first = service.ingest_paths(store, [folder])
    assert len(first.added) == 4 and len(store) == 4
    before = list(analysed.seen)
    again = service.ingest_paths(store, [folder])
    assert again.added == [] and sorted(again.skipped) == sorted(first.added)
    assert analysed.seen == before  # nothing analysed a second time
    assert len(store) == 4
    _complete(store)


def test_service_ingest_analyses_only_new_files(store, analysed, examples_dir, tmp_path):
    files = _txt_examples(examples_dir)
    folder = tmp_path / "in"
    folder.mkdir()
    for f in files[:3]:
        shutil.copy(f, folder)
    service.ingest_paths(store, [folder])
    analysed.seen.clear()
    for f in files[3:8]:
        shutil.copy(f, folder)
    result = service.ingest_paths(store, [folder])
    assert len(analysed.seen) == 5
    assert sorted(analysed.seen) == sorted(result.added)
    assert len(result.skipped) == 3 and len(store) == 8
    assert {d.path for d in store.documents()} == {str(folder / f.name) for f in files[:8]}
    _complete(store)


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_service_interrupted_analysis_keeps_only_whole_documents(store, monkeypatch, examples_dir, tmp_path, exc):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in _txt_examples(examples_dir)[:5]:
        shutil.copy(f, folder)
    monkeypatch.setattr(service, "analyze_documents", Counter(fail_after=2, exc=exc))
    with pytest.raises(exc):
        service.ingest_paths(store, [folder])
    assert len(store) == 2
    _complete(store)
    resumed = Counter()
    monkeypatch.setattr(service, "analyze_documents", resumed)
    result = service.ingest_paths(store, [folder])
    assert len(resumed.seen) == 3 and len(result.skipped) == 2 and len(store) == 5
    _complete(store)


@pytest.mark.parametrize("step", ["_insert_document", "_insert_mentions", "_write_analysis"])
def test_service_write_failing_mid_batch_leaves_no_half_document(tmp_path, analysed, monkeypatch, examples_dir, step):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in _txt_examples(examples_dir)[:4]:
        shutil.copy(f, folder)
    store = SQLiteStore(tmp_path / "c.db")
    real = getattr(SQLiteStore, step)
    calls = {"n": 0}

    def flaky(self, db, item):
        calls["n"] += 1
        if calls["n"] == 3:  # the third document's write breaks half-way
            raise OSError("disk full")
        return real(self, db, item)

    monkeypatch.setattr(SQLiteStore, step, flaky)
    with pytest.raises(OSError):
        service.ingest_paths(store, [folder])
    monkeypatch.undo()
    assert len(store) == 2
    _complete(store)
    store.close()


def test_service_same_file_twice_is_stored_once(store, analysed, examples_dir, tmp_path):
    original = _txt_examples(examples_dir)[0]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(original, folder / "a.txt")
    shutil.copy(original, folder / "copy-of-a.txt")
    result = service.ingest_paths(store, [folder, folder / "a.txt"])
    assert len(result.added) == 1 and len(store) == 1
    assert len(result.skipped) == 2
    assert analysed.seen == result.added


def test_service_near_copy_is_flagged(store, analysed, examples_dir, tmp_path):
    original = _txt_examples(examples_dir)[0]
    text = original.read_text(encoding="utf-8")
    sentences = text.split(". ")
    assert len(sentences) > 3
    sentences[2] = "Une phrase entièrement nouvelle remplace celle-ci dans la copie reprise par un autre site"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(". ".join(sentences), encoding="utf-8")
    result = service.ingest_paths(store, [folder])
    assert len(result.added) == 2
    a, b = store.documents()
    assert a.duplicate_of is None and b.duplicate_of == a.id
    assert [d.id for d in result.duplicates] == [b.id]


def test_service_near_copy_found_against_stored_documents(store, analysed, examples_dir, tmp_path):
    text = _txt_examples(examples_dir)[1].read_text(encoding="utf-8")
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir(), second.mkdir()
    (first / "a.txt").write_text(text, encoding="utf-8")
    service.ingest_paths(store, [first])
    (second / "b.txt").write_text(text.replace(". ", ". Ajout d'une phrase de la rédaction. ", 1), encoding="utf-8")
    service.ingest_paths(store, [second])
    docs = list(store.documents())
    assert len(docs) == 2 and docs[1].duplicate_of == docs[0].id


@pytest.mark.parametrize("impl", [SQLiteStore, MemoryStore])
def test_service_stores_follow_the_store_protocol(tmp_path, impl):
    s = impl(tmp_path / "c.db") if impl is SQLiteStore else impl()
    assert isinstance(s, Store) and Store is StoreProtocol
    members = [n for n in vars(StoreProtocol) if not n.startswith("_") or n in ("__len__", "__enter__", "__exit__")]
    for name in members:
        if callable(getattr(StoreProtocol, name)):
            assert callable(getattr(s, name, None)), name
    s.close()


def test_service_open_store_default_and_memory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with service.open_store(service.DEFAULT_PATH) as s:
        assert isinstance(s, SQLiteStore)
    assert (tmp_path / "chronique.db").exists()
    assert isinstance(service.open_store(None), MemoryStore)


def test_service_unchanged_corpus_is_not_relinked(store, analysed, examples_dir, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in _txt_examples(examples_dir)[:3]:
        shutil.copy(f, folder)
    service.ingest_paths(store, [folder])
    stories = store.stories()
    calls = []
    monkeypatch.setattr(service, "link", lambda *a, **k: calls.append(1))
    result = service.ingest_paths(store, [folder])
    assert calls == [] and store.stories() == stories
    assert [a.document.id for a in result.analysis.documents] == [d.id for d in store.documents()]


def test_service_default_model_is_the_pipeline_default():
    from chronique.nlp.pipeline import DEFAULT_MODEL

    assert service.DEFAULT_MODEL == DEFAULT_MODEL


def test_service_reads_without_spacy(tmp_path):
    """search / show / export and a re-ingest with nothing new never import spaCy (they start fast)."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Le conseil municipal a voté le budget des écoles.", encoding="utf-8")
    code = """
import sys
from chronique import cli, service
from chronique.model import CorpusAnalysis, DocAnalysis, Story
from chronique.ingest import read_paths

s = service.open_store("c.db")
doc = next(read_paths(["a.txt"]))
s.add_analysis(DocAnalysis(document=doc))
s.save_corpus(CorpusAnalysis(documents=list(s.analyses()), stories=[Story("s-1", "Budget", [doc.id])]))
result = service.ingest_paths(s, ["a.txt"])
assert result.added == [] and result.skipped == [doc.id]
assert service.search(s, "ecoles")[0].document == doc.id
assert service.find_document(s, doc.id[:6]).document.id == doc.id
service.export(s.load_corpus(), "csv", "out.csv", table="documents")
assert "spacy" not in sys.modules, "spacy imported"
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def test_service_ingest_hashes_only_new_documents(store, analysed, examples_dir, tmp_path, monkeypatch):
    """Near-duplicate signatures are kept in the store: a later ingest hashes its new documents only."""
    from chronique.ingest import dedup

    files = _txt_examples(examples_dir)
    folder = tmp_path / "in"
    folder.mkdir()
    for f in files[:4]:
        shutil.copy(f, folder)
    service.ingest_paths(store, [folder])
    assert [i for i, _ in store.signatures()] == [d.id for d in store.documents()]
    hashed: list[str] = []
    real = dedup.signature
    monkeypatch.setattr(dedup, "signature", lambda text: hashed.append(text) or real(text))
    for f in files[4:6]:
        shutil.copy(f, folder)
    service.ingest_paths(store, [folder])
    assert len(hashed) == 2 and len(store.signatures()) == 6


def test_service_near_copy_found_when_signatures_are_missing(tmp_path, analysed, examples_dir):
    """A database whose documents lack signatures (older chronique, interrupted run) still finds copies."""
    text = _txt_examples(examples_dir)[2].read_text(encoding="utf-8")
    store = SQLiteStore(tmp_path / "c.db")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    service.ingest_paths(store, [tmp_path / "a.txt"])
    db = sqlite3.connect(tmp_path / "c.db")
    db.execute("DELETE FROM signatures")
    db.commit()
    db.close()
    (tmp_path / "b.txt").write_text(text.replace(". ", ". Une phrase ajoutée par le site. ", 1), encoding="utf-8")
    service.ingest_paths(store, [tmp_path / "b.txt"])
    first, second = store.documents()
    assert second.duplicate_of == first.id
    assert [i for i, _ in store.signatures()] == [first.id, second.id]
    store.close()


def test_service_signatures_only_for_stored_documents(store):
    store.save_signatures([("d-unknown", b"x")])
    assert store.signatures() == []
