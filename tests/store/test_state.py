"""Named JSON state of incremental linkers: kept, replaced, reloaded, and written with the corpus or not at all."""

from __future__ import annotations

import sqlite3

import pytest

from chronique.model import CorpusAnalysis, DocAnalysis, Document, Story
from chronique.store import MemoryStore, SQLiteStore
from chronique.store import sqlite as sqlite_store
from chronique.store.sqlite import MIGRATIONS

STATE = {"version": 1, "n": 2, "df": {"négoci": 2, "@anne martin": 1}, "documents": [{"id": "d-1", "day": None}]}


def _analysis(doc_id: str) -> DocAnalysis:
    text = f"Le conseil municipal a voté le budget ({doc_id})."
    return DocAnalysis(document=Document(id=doc_id, path=f"{doc_id}.txt", text=text, language="fr"))


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = SQLiteStore(tmp_path / "chronique.db") if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def test_state_unknown_name_is_none(store):
    assert store.load_state("stories") is None


@pytest.mark.parametrize("data", [STATE, {}, {"nested": {"list": [1, 2.5, None, True, "« é »"]}}])
def test_state_round_trip(store, data):
    store.save_state("stories", data)
    assert store.load_state("stories") == data
    assert store.load_state("other") is None


def test_state_save_replaces_and_names_are_separate(store):
    store.save_state("a", {"n": 1})
    store.save_state("b", {"n": 2})
    store.save_state("a", {"n": 3})
    assert store.load_state("a") == {"n": 3} and store.load_state("b") == {"n": 2}


def test_state_is_a_copy(store):
    data = {"documents": ["d-1"]}
    store.save_state("stories", data)
    data["documents"].append("d-2")
    loaded = store.load_state("stories")
    loaded["documents"].append("d-3")
    assert store.load_state("stories") == {"documents": ["d-1"]}


def test_state_saved_with_the_corpus(store):
    store.add_analysis(_analysis("d-1"))
    corpus = CorpusAnalysis(documents=list(store.analyses()), stories=[Story("s-1", "Budget", ["d-1"])])
    store.save_corpus(corpus, state={"stories": STATE})
    assert store.load_state("stories") == STATE
    store.save_corpus(corpus)  # no state given: the saved one is kept
    assert store.load_state("stories") == STATE


def test_state_survives_reopening(tmp_path):
    with SQLiteStore(tmp_path / "c.db") as s:
        s.save_state("stories", STATE)
    with SQLiteStore(tmp_path / "c.db") as s:
        assert s.load_state("stories") == STATE
        assert "m006_state" in s.migrations()


def test_state_table_added_to_an_older_database(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", [m for m in MIGRATIONS if m.__name__ != "m006_state"])
    with SQLiteStore(tmp_path / "c.db") as s:
        s.add_analysis(_analysis("d-1"))
        assert "m006_state" not in s.migrations()
    monkeypatch.undo()
    with SQLiteStore(tmp_path / "c.db") as s:
        assert s.migrations()[-1] == "m006_state" and len(s) == 1
        assert s.load_state("stories") is None
        s.save_state("stories", STATE)
        assert s.load_state("stories") == STATE


def test_state_failed_corpus_write_keeps_previous_state(tmp_path, monkeypatch):
    """The state is written in save_corpus's transaction: a failure after it rolls it back too."""
    s = SQLiteStore(tmp_path / "c.db")
    s.add_analysis(_analysis("d-1"))
    first = CorpusAnalysis(documents=list(s.analyses()), stories=[Story("s-1", "Budget", ["d-1"])])
    s.save_corpus(first, state={"stories": {"n": 1}})

    def broken(value):
        raise OSError("disk full")

    monkeypatch.setattr(sqlite_store.codec, "dumps", broken)  # fails after the state row is written
    second = CorpusAnalysis(documents=list(s.analyses()), stories=[Story("s-2", "Autre", ["d-1"])])
    with pytest.raises(OSError):
        s.save_corpus(second, state={"stories": {"n": 2}})
    monkeypatch.undo()
    assert s.load_state("stories") == {"n": 1}
    assert [st.id for st in s.stories()] == ["s-1"]
    s.close()
    db = sqlite3.connect(tmp_path / "c.db")
    assert db.execute("SELECT count(*) FROM state").fetchone()[0] == 1
    db.close()
