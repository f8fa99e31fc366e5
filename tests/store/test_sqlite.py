"""The SQLite store: FTS5 search folding accents and case, hostile queries, migrations, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from chronique.errors import StoreError
from chronique.model import (
    CorpusAnalysis, DocAnalysis, Document, Entity, Evidence, LocalEntity, Mention, Quote, Span, Speaker, Story,
    Timex, TimelineItem,
)  # fmt: skip
from chronique.store import MemoryStore, SQLiteStore
from chronique.store.sqlite import MIGRATIONS

TEXT = (
    "Les négociations sur un cessez-le-feu ont repris lundi à Genève. "
    "« Nous voulons la paix », a déclaré la ministre Anne Martin. L'accord reste fragile."
)
OTHER = "Le Conseil municipal de Lyon a voté le budget des écoles pour l'année prochaine."


def _analysis(text: str, doc_id: str, title: str | None = None) -> DocAnalysis:
    def span(s: str) -> tuple[int, int, str]:
        i = text.index(s)
        return i, i + len(s), s

    a = DocAnalysis(document=Document(id=doc_id, path=f"{doc_id}.txt", text=text, title=title, language="fr"))
    if "Genève" in text:
        a.mentions = [Mention(*span("Genève"), label="LOC"), Mention(*span("Anne Martin"), label="PER", local=1)]
        a.entities = [LocalEntity(0, "Genève", "LOC", [0]), LocalEntity(1, "Anne Martin", "PER", [1], roles=["ministre"])]
        q = span("Nous voulons la paix")
        a.quotes = [Quote(*q, kind="direct", speaker=Speaker("Anne Martin", None, *span("Anne Martin")[:2], local=1),
                          cue=Span(*span("a déclaré")))]
        a.timexes = [Timex(*span("lundi"), type="DATE", value="2025-05-19")]
    return a


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = SQLiteStore(tmp_path / "chronique.db") if request.param == "sqlite" else MemoryStore()
    s.add_analysis(_analysis(TEXT, "d-0001", title="Reprise des discussions"))
    s.add_analysis(_analysis(OTHER, "d-0002"))
    yield s
    s.close()


@pytest.mark.parametrize("query", ["negociations", "NÉGOCIATIONS", "Négociations", "NEGOCIATIONS", "geneve", "négo*"])
def test_store_search_ignores_accents_and_case(store, query):
    hits = store.search(query)
    assert [h.document for h in hits] == ["d-0001"]
    assert "[" in hits[0].snippet and "]" in hits[0].snippet


@pytest.mark.parametrize(
    "query",
    ['"', "(", ")", "AND", "NOT", "OR OR", "négociations AND", "NOT paix", '"unbalanced', "NEAR(a b)", "*", "col:val",
     "^start", "{a b}", "-", "+", "a - b", "'", "%", "\\", "négociations)", "(paix OR", "title:paix", "paix AND NOT NOT",
     "a\x00b", "»«", "cessez-le-", "-feu", ""],
)  # fmt: skip
def test_store_search_hostile_queries_never_raise(store, query):
    hits = store.search(query)
    assert isinstance(hits, list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cessez-le-feu", ["d-0001"]),
        ("l'accord", ["d-0001"]),
        ('"la paix"', ["d-0001"]),
        ('"paix la"', []),
        ("(paix)", ["d-0001"]),
        ("paix NOT genève", []),
        ("budget NOT genève", ["d-0002"]),
        ("budget OR paix", ["d-0001", "d-0002"]),
        ("budget AND paix", []),
        ("ecoles", ["d-0002"]),
        ("discussions", ["d-0001"]),  # the title is searched too
    ],
)
def test_store_search_operators_and_phrases(store, query, expected):
    assert sorted(h.document for h in store.search(query)) == expected


def test_store_search_limit(store):
    assert len(store.search("le OR la", limit=1)) == 1
    assert store.search("le", limit=0) == []


def test_store_roundtrip_keeps_every_field(store):
    original = _analysis(TEXT, "d-0001", title="Reprise des discussions")
    assert store.get_analysis("d-0001") == original
    assert store.get("d-0001") == original.document
    assert [d.id for d in store.documents()] == ["d-0001", "d-0002"]
    assert len(store) == 2
    assert store.get("d-nope") is None and store.get_analysis("d-nope") is None


def test_store_add_existing_document_is_refused(store):
    assert store.add_analysis(_analysis(TEXT, "d-0001")) is False
    assert store.add_document(Document(id="d-0002", path="x", text=OTHER)) is False
    assert len(store) == 2


def test_store_save_corpus_replaces_links(store):
    analyses = list(store.analyses())
    analyses[0].mentions[1].entity = "e-aaaa"
    corpus = CorpusAnalysis(
        documents=analyses,
        entities=[Entity("e-aaaa", "Anne Martin", "PER", ["Anne Martin"], 1, 1)],
        stories=[Story("s-0001", "Paix", ["d-0001"]), Story("s-0002", "Budget", ["d-0002"])],
        timeline=[TimelineItem("2025-05-19", "s-0001", "reprise", ["e-aaaa"], [Evidence("d-0001", 0, 10)])],
    )
    store.save_corpus(corpus)
    assert store.load_corpus() == corpus
    corpus.stories = [Story("s-0003", "Tout", ["d-0001", "d-0002"])]
    corpus.timeline = []
    store.save_corpus(corpus)
    assert store.stories() == corpus.stories and store.timeline() == []
    assert store.get_analysis("d-0001").mentions[1].entity == "e-aaaa"


def test_sqlite_migrations_recorded_once(tmp_path):
    path = tmp_path / "c.db"
    with SQLiteStore(path) as s:
        assert s.migrations() == [m.__name__ for m in MIGRATIONS]
    with SQLiteStore(path) as s:  # reopening applies nothing twice
        assert s.migrations() == [m.__name__ for m in MIGRATIONS]


def test_sqlite_migrations_apply_only_the_missing_ones(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    monkeypatch.setattr("chronique.store.sqlite.MIGRATIONS", MIGRATIONS[:2])
    with SQLiteStore(path) as s:
        assert s.migrations() == [m.__name__ for m in MIGRATIONS[:2]]
    db = sqlite3.connect(path)  # a row written by an older chronique, before the search index existed
    db.execute("INSERT INTO documents (id, path, text) VALUES ('d-0001', 'a.txt', ?)", (TEXT,))
    db.commit()
    db.close()
    monkeypatch.setattr("chronique.store.sqlite.MIGRATIONS", MIGRATIONS)
    with SQLiteStore(path) as s:
        assert s.migrations() == [m.__name__ for m in MIGRATIONS]
        assert [h.document for h in s.search("negociations")] == ["d-0001"]  # the index covers older rows


def test_sqlite_persists_across_reopen(tmp_path):
    path = tmp_path / "c.db"
    with SQLiteStore(path) as s:
        s.add_analysis(_analysis(TEXT, "d-0001"))
    with SQLiteStore(path) as s:
        assert s.get_analysis("d-0001") == _analysis(TEXT, "d-0001")
        assert s.search("geneve")[0].document == "d-0001"


@pytest.mark.parametrize("step", ["_insert_mentions", "_insert_quotes", "_write_analysis"])
def test_sqlite_failed_write_leaves_nothing_of_the_document(tmp_path, monkeypatch, step):
    s = SQLiteStore(tmp_path / "c.db")

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(SQLiteStore, step, boom)
    with pytest.raises(RuntimeError):
        s.add_analysis(_analysis(TEXT, "d-0001"))
    monkeypatch.undo()
    assert not s.has("d-0001") and len(s) == 0
    assert s.search("negociations") == []
    db = sqlite3.connect(tmp_path / "c.db")
    for table in ("documents", "analyses", "mentions", "quotes"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    db.close()
    assert s.add_analysis(_analysis(TEXT, "d-0001")) is True  # and the store still works
    s.close()


def test_sqlite_refuses_a_foreign_database(tmp_path):
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError):
        SQLiteStore(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(junk)


@pytest.mark.parametrize("url", ["postgresql://localhost/chronique", "postgres://u@h/db"])
def test_store_open_postgres_url_refused_clearly(url, tmp_path, monkeypatch):
    from chronique.store import open_store

    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store(url)
    assert list(tmp_path.iterdir()) == []  # no file named after the URL


def test_sqlite_save_corpus_rewrites_only_changed_analyses(tmp_path):
    """Re-linking rewrites the analyses whose entity ids moved, not the whole corpus."""
    store = SQLiteStore(tmp_path / "c.db")
    for text, doc_id in ((TEXT, "d-0001"), (OTHER, "d-0002")):
        store.add_analysis(_analysis(text, doc_id))
    analyses = list(store.analyses())

    def rowids() -> list[int]:
        q = "SELECT rowid FROM analyses WHERE document = ?"
        return [store._db.execute(q, (a.document.id,)).fetchone()[0] for a in analyses]

    store.save_corpus(CorpusAnalysis(documents=analyses))
    before = rowids()
    analyses[0].mentions[1].entity = "e-bbbb"
    store.save_corpus(CorpusAnalysis(documents=analyses))
    after = rowids()
    assert after[1] == before[1]  # unchanged: left in place
    assert after[0] != before[0]  # changed: rewritten, with its mention rows
    assert store.get_analysis("d-0001").mentions[1].entity == "e-bbbb"
    q = "SELECT entity FROM mentions WHERE document = ? ORDER BY start"
    assert [r[0] for r in store._db.execute(q, ("d-0001",))] == [m.entity for m in analyses[0].mentions]
