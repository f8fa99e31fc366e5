"""The seeds analysed together: the gold timeline, each gold event with its sources, one item per happening."""

from __future__ import annotations

import pytest

from chronique.eval.gold import load_gold
from chronique.eval.scoring import doc_stem, normalise, score_timeline, timeline_value

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_corpus(seeds_dir, nlp):
    from chronique.service import analyze_paths

    return analyze_paths([seeds_dir], metadata=seeds_dir / "metadata.csv").analysis


@pytest.fixture(scope="module")
def gold(gold_dir):
    return load_gold(gold_dir / "seeds.json", check_articles=False)


def _items_for(gold, corpus, event):
    """Predicted items on the gold event's date naming two of its participants."""
    names = {e.id: {normalise(x) for x in (e.name, *e.aliases)} for e in corpus.entities}
    want = timeline_value(event.date, event.precision)
    needed = min(2, len(event.participants))
    out = []
    for t in corpus.timeline:
        if timeline_value(t.date, t.precision) != want:
            continue
        have = set().union(*(names.get(p, set()) for p in t.participants)) if t.participants else set()
        found = [p for p in event.participants if any(normalise(n) in have for n in gold.names_of(p))]
        if len(found) >= needed:
            out.append(t)
    return out


def test_timeline_seeds_recall(gold, seeds_corpus):
    score = score_timeline(gold, seeds_corpus)
    assert score.value >= 0.8, score.misses


def test_timeline_seeds_call_reported_twice_is_one_item_with_both_sources(gold, seeds_corpus):
    stems = {a.document.id: doc_stem(a.document.path) for a in seeds_corpus.documents}
    for event in gold.timeline:
        if len(event.docs) < 2:
            continue
        items = _items_for(gold, seeds_corpus, event)
        if not items:
            continue  # a recall miss, counted above
        assert len(items) == 1, [t.summary for t in items]
        assert {stems[e.document] for e in items[0].evidence} >= set(event.docs)


def test_timeline_seeds_items_ordered_with_exact_evidence(seeds_corpus):
    from chronique.nlp.event_dates import sort_key

    texts = {a.document.id: a.document.text for a in seeds_corpus.documents}
    keys = [sort_key(t.date) for t in seeds_corpus.timeline]
    assert keys == sorted(keys)
    story_ids = {s.id for s in seeds_corpus.stories}
    for t in seeds_corpus.timeline:
        assert t.precision in ("day", "week", "month", "year")
        assert t.story in story_ids and t.evidence and t.summary
        for ev in t.evidence:
            assert 0 <= ev.start < ev.end <= len(texts[ev.document])
