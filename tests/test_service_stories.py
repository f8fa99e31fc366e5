"""Incremental stories on ingest: the story index is kept in the store and only new documents are placed.

The analyser is replaced by a stand-in that extracts nothing (stories then rest on titles,
leads and bodies): these tests are about what the ingest hands to the story index and what
it keeps, not about the French NLP.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique import service
from chronique.link.stories import StoryIndex
from chronique.model import DocAnalysis
from chronique.store import MemoryStore, SQLiteStore

REAL_ANALYSIS = service.analyze_documents
UNRELATED = (
    "Le conseil municipal adopte le budget des cantines scolaires\n\n"
    "Les élus ont voté mardi soir une hausse des crédits pour la restauration des écoles primaires. "
    "Les repas bio passeront à la moitié des menus servis aux élèves dès la rentrée."
)


class StandIn:
    """Stands in for the spaCy pipeline; can break after ``fail_after`` documents."""

    def __init__(self, fail_after: int | None = None):
        self.seen: list[str] = []
        self.fail_after = fail_after

    def __call__(self, documents, model=None, **kwargs):
        for d in documents:
            if self.fail_after is not None and len(self.seen) >= self.fail_after:
                raise RuntimeError("interrupted")
            self.seen.append(d.id)
            yield DocAnalysis(document=d)


@pytest.fixture(autouse=True)
def analysed(monkeypatch):
    stand_in = StandIn()
    monkeypatch.setattr(service, "analyze_documents", stand_in)
    return stand_in


@pytest.fixture
def placed(monkeypatch):
    """Every batch handed to StoryIndex.add_many, as lists of document ids."""
    calls: list[list[str]] = []
    real = StoryIndex.add_many

    def spy(self, analyses):
        calls.append([a.document.id for a in analyses])
        return real(self, analyses)

    monkeypatch.setattr(StoryIndex, "add_many", spy)
    return calls


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = SQLiteStore(tmp_path / "chronique.db") if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def _seeds(seeds_dir: Path) -> tuple[list[Path], Path]:
    files = sorted(seeds_dir.glob("*.txt"))
    if len(files) < 5:
        pytest.skip("the five seed articles are needed")
    return files, seeds_dir / "metadata.csv"


def _partition(store) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in store.stories()}


def _stories(store) -> dict[str, list[str]]:
    return {s.id: s.documents for s in store.stories()}


@pytest.mark.parametrize("split", [1, 2, 4])
def test_service_stories_seeds_in_two_batches_form_one_story(store, seeds_dir, split):
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files[:split], metadata=metadata)
    first = _stories(store)
    assert len(first) == 1
    service.ingest_paths(store, files[split:], metadata=metadata)
    stories = _stories(store)
    assert len(stories) == 1 and len(store) == 5
    assert list(stories) == list(first)  # the story keeps its id as it grows
    assert sorted(next(iter(stories.values()))) == sorted(d.id for d in store.documents())


@pytest.mark.slow
def test_service_stories_seeds_analysed_in_two_batches_form_one_story(tmp_path, seeds_dir, monkeypatch, placed):
    """With the real pipeline (entities and dates among the features): the same story, the first batch's id."""
    files, metadata = _seeds(seeds_dir)
    monkeypatch.setattr(service, "analyze_documents", REAL_ANALYSIS)
    with SQLiteStore(tmp_path / "c.db") as s:
        service.ingest_paths(s, files[:2], metadata=metadata)
        (first,) = _stories(s)
        placed.clear()
        second = service.ingest_paths(s, files[2:], metadata=metadata)
        assert [sorted(c) for c in placed] == [sorted(second.added)]
        assert _stories(s) == {first: _stories(s)[first]} and len(_stories(s)[first]) == 5


@pytest.mark.parametrize("split", [2, 4, 6])
def test_service_stories_two_batches_group_like_one(tmp_path, examples_dir, split):
    files = sorted(examples_dir.glob("*.txt"))
    if len(files) < 8:
        pytest.skip("examples/ needs at least eight .txt articles")
    together = MemoryStore()
    service.ingest_paths(together, files)
    apart = MemoryStore()
    service.ingest_paths(apart, files[:split])
    service.ingest_paths(apart, files[split:])
    assert len(together.stories()) > 1
    assert _partition(apart) == _partition(together)


def test_service_stories_unrelated_article_opens_a_story_and_leaves_ids_alone(store, seeds_dir, tmp_path):
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files, metadata=metadata)
    before = _stories(store)
    other = tmp_path / "cantines.txt"
    other.write_text(UNRELATED, encoding="utf-8")
    result = service.ingest_paths(store, [other])
    after = _stories(store)
    (new_id,) = result.added
    assert {k: v for k, v in after.items() if k in before} == before
    assert [v for k, v in after.items() if k not in before] == [[new_id]]


def test_service_stories_second_ingest_places_only_new_documents(store, seeds_dir, placed):
    files, metadata = _seeds(seeds_dir)
    first = service.ingest_paths(store, files[:3], metadata=metadata)
    assert sorted(placed[-1]) == sorted(first.added)
    placed.clear()
    second = service.ingest_paths(store, files[3:], metadata=metadata)
    assert [sorted(c) for c in placed] == [sorted(second.added)] and len(second.added) == 2
    placed.clear()
    again = service.ingest_paths(store, files, metadata=metadata)  # nothing new: nothing placed
    assert again.added == [] and placed == []


def test_service_stories_state_covers_every_stored_document(store, seeds_dir):
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files[:2], metadata=metadata)
    service.ingest_paths(store, files[2:], metadata=metadata)
    index = StoryIndex.from_dict(store.load_state(service.STORY_STATE))
    assert len(index) == len(store) == 5
    assert {s.id: s.documents for s in index.stories()} == _stories(store)


def test_service_stories_state_survives_reopening(tmp_path, seeds_dir, placed):
    files, metadata = _seeds(seeds_dir)
    path = tmp_path / "c.db"
    with SQLiteStore(path) as s:
        service.ingest_paths(s, files[:3], metadata=metadata)
        before = _stories(s)
    placed.clear()
    with SQLiteStore(path) as s:
        result = service.ingest_paths(s, files[3:], metadata=metadata)
        assert [sorted(c) for c in placed] == [sorted(result.added)]
        assert list(_stories(s)) == list(before) and len(s) == 5


def test_service_stories_interrupted_ingest_keeps_previous_state_then_catches_up(
    store, seeds_dir, monkeypatch, placed
):
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files[:1], metadata=metadata)
    state, stories = store.load_state(service.STORY_STATE), _stories(store)
    monkeypatch.setattr(service, "analyze_documents", StandIn(fail_after=2))
    with pytest.raises(RuntimeError):
        service.ingest_paths(store, files[1:], metadata=metadata)
    assert len(store) == 3  # two whole documents were stored before the break ...
    assert store.load_state(service.STORY_STATE) == state and _stories(store) == stories  # ... not linked
    stored_unlinked = {d.id for d in store.documents()} - {d for ids in stories.values() for d in ids}
    placed.clear()
    monkeypatch.setattr(service, "analyze_documents", StandIn())
    result = service.ingest_paths(store, files[1:], metadata=metadata)
    assert len(result.added) == 2 and len(store) == 5
    assert [set(c) for c in placed] == [stored_unlinked | set(result.added)]
    assert len(StoryIndex.from_dict(store.load_state(service.STORY_STATE))) == 5
    assert list(_stories(store)) == list(stories)


def test_service_stories_interrupted_before_linking_is_caught_up_by_an_empty_ingest(
    store, seeds_dir, monkeypatch
):
    """Every new document stored, then the link step breaks: the next ingest links them though nothing is new."""
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files[:2], metadata=metadata)
    real = service.link

    def broken(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(service, "link", broken)
    with pytest.raises(RuntimeError):
        service.ingest_paths(store, files, metadata=metadata)
    assert len(store) == 5 and sum(len(v) for v in _stories(store).values()) == 2
    monkeypatch.setattr(service, "link", real)
    result = service.ingest_paths(store, files, metadata=metadata)
    assert result.added == []
    assert sorted(d for v in _stories(store).values() for d in v) == sorted(d.id for d in store.documents())


def test_service_stories_database_without_state_is_indexed_once(tmp_path, seeds_dir, placed):
    """A corpus stored before the index was kept: the next ingest with something new places everything once."""
    files, metadata = _seeds(seeds_dir)
    with SQLiteStore(tmp_path / "c.db") as s:
        service.ingest_paths(s, files[:3], metadata=metadata)
        s._db.execute("DELETE FROM state")  # as left by a chronique without the story index state
        placed.clear()
        service.ingest_paths(s, files[3:], metadata=metadata)
        assert sorted(placed[0]) == sorted(d.id for d in s.documents())
        placed.clear()
        service.ingest_paths(s, files[3:] + [files[0]], metadata=metadata)
        assert placed == []


def test_service_stories_analyze_keeps_grouping_the_whole_corpus(seeds_dir, placed):
    files, metadata = _seeds(seeds_dir)
    result = service.analyze_paths(files, metadata=metadata)
    assert len(placed) == 1 and sorted(placed[0]) == sorted(result.added)
    assert len(result.analysis.stories) == 1


def test_service_stories_near_copy_joins_its_original_story_later(store, seeds_dir, tmp_path):
    files, metadata = _seeds(seeds_dir)
    service.ingest_paths(store, files[:2], metadata=metadata)
    original = tmp_path / "orig.txt"
    original.write_text(UNRELATED, encoding="utf-8")
    service.ingest_paths(store, [original])
    copy = tmp_path / "copie.txt"
    copy.write_text(UNRELATED.replace("mardi soir", "mardi"), encoding="utf-8")
    result = service.ingest_paths(store, [copy])
    (copy_id,) = result.added
    (original_id,) = [d.id for d in store.documents() if d.path == str(original)]
    assert store.get(copy_id).duplicate_of == original_id
    assert [s.documents for s in store.stories() if copy_id in s.documents] == [[original_id, copy_id]]
