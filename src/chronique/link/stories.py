"""Stories: articles grouped by what they are about, one article at a time.

A :class:`StoryIndex` takes articles as they arrive. Each new article is compared
only with the stories that share one of its salient features (an inverted index on
folded terms and entity keys, so no all-pairs pass), scored by average cosine
similarity of TF-IDF vectors whose document frequencies grow with the corpus, and
either joins the best story or opens a new one; nothing already placed moves.
Publication dates far apart lower the score, but only softly: one story can run
for months when the same people keep appearing in it. The index state is plain
JSON-ready data (:meth:`StoryIndex.to_dict`) so a store can keep it between ingests.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from chronique.ids import story_id
from chronique.link.story_features import Features, features, title
from chronique.model import DocAnalysis, Story

STATE_VERSION = 1


@dataclass(slots=True)
class StoryParams:
    """Knobs of the grouping, kept with the state so a reloaded index behaves the same."""

    threshold: float = 0.3  # least similarity for an article to join a story
    blocking_terms: int = 12  # most salient features of an article used to find candidates
    max_df: float = 0.05  # features in more than this share of articles are not used to block
    window_days: int = 7  # no date penalty within this gap
    decay_days: float = 120.0  # then similarity fades with this time constant ...
    floor: float = 0.75  # ... down to this factor at most
    members: int = 30  # an article is compared with at most the latest N members of a story

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class _Doc:
    id: str
    story: str
    title: str
    terms: dict[str, float]
    day: int | None = None


@dataclass(slots=True)
class _Story:
    id: str
    documents: list[str] = field(default_factory=list)


class StoryIndex:
    """Incremental story grouping: ``add`` places one article, ``stories`` lists the groups."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self._df: Counter[str] = Counter()
        self._n = 0
        self._docs: dict[str, _Doc] = {}
        self._stories: dict[str, _Story] = {}
        self._postings: defaultdict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self._docs

    def story_of(self, document_id: str) -> str | None:
        d = self._docs.get(document_id)
        return d.story if d else None

    # -- placing one article -------------------------------------------------------------

    def add(self, analysis: DocAnalysis) -> str:
        """Place one article; returns the id of the story it joined or opened."""
        doc = analysis.document
        if doc.id in self._docs:
            return self._docs[doc.id].story
        feats = features(analysis)
        original = self._docs.get(doc.duplicate_of) if doc.duplicate_of else None
        self._n += 1
        self._df.update(feats.terms.keys())
        if original is not None:
            sid = original.story
        else:
            sid = self._best_story(feats)
        if sid is None:
            sid = story_id(doc.id)
            self._stories[sid] = _Story(id=sid)
        self._stories[sid].documents.append(doc.id)
        self._docs[doc.id] = _Doc(id=doc.id, story=sid, title=title(analysis), terms=feats.terms, day=feats.day)
        for t in feats.terms:
            self._postings[t].append(doc.id)
        return sid

    def _idf(self, term: str) -> float:
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _vector(self, terms: dict[str, float]) -> dict[str, float]:
        vec = {t: math.sqrt(c) * self._idf(t) for t, c in terms.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def _date_factor(self, a: int | None, b: int | None) -> float:
        if a is None or b is None:
            return 1.0
        gap = abs(a - b) - self.params.window_days
        if gap <= 0:
            return 1.0
        return max(self.params.floor, math.exp(-gap / self.params.decay_days))

    def _candidates(self, feats: Features) -> set[str]:
        """Stories sharing one of the article's most salient, not too common, features."""
        limit = max(2.0, self.params.max_df * self._n)
        salient = sorted(
            (t for t in feats.terms if self._df[t] - 1 <= limit and self._postings.get(t)),
            key=lambda t: -feats.terms[t] * self._idf(t),
        )[: self.params.blocking_terms]
        return {self._docs[d].story for t in salient for d in self._postings[t]}

    def _best_story(self, feats: Features) -> str | None:
        vec = self._vector(feats.terms)
        best, best_score = None, self.params.threshold
        for sid in self._candidates(feats):
            members = self._stories[sid].documents[-self.params.members :]
            total = 0.0
            for mid in members:
                m = self._docs[mid]
                other = self._vector(m.terms)
                cos = sum(w * other.get(t, 0.0) for t, w in vec.items())
                total += cos * self._date_factor(feats.day, m.day)
            score = total / len(members)
            if score >= best_score and (best is None or score > best_score or sid < best):
                best, best_score = sid, score
        return best

    # -- reading the groups --------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story, in the order they were opened, titled after their most central article."""
        return [
            Story(id=s.id, title=self._title(s), documents=list(s.documents)) for s in self._stories.values()
        ]

    def _title(self, story: _Story) -> str:
        members = story.documents[:30]
        if len(members) <= 2:
            return self._docs[members[0]].title
        vecs = {d: self._vector(self._docs[d].terms) for d in members}

        def centrality(d: str) -> float:
            v = vecs[d]
            return sum(sum(w * vecs[o].get(t, 0.0) for t, w in v.items()) for o in members if o != d)

        return self._docs[max(members, key=centrality)].title

    # -- state -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state: parameters, document frequencies, each article's features and story."""
        return {
            "version": STATE_VERSION,
            "params": self.params.to_dict(),
            "n": self._n,
            "df": dict(self._df),
            "documents": [
                {"id": d.id, "story": d.story, "title": d.title, "terms": d.terms, "day": d.day}
                for d in self._docs.values()
            ],
            "stories": [{"id": s.id, "documents": list(s.documents)} for s in self._stories.values()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        """Rebuild an index saved by :meth:`to_dict` (the inverted index is derived again)."""
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unknown story index state version {data.get('version')!r}")
        index = cls(StoryParams(**data.get("params", {})))
        index._n = int(data["n"])
        index._df = Counter(data["df"])
        for s in data["stories"]:
            index._stories[s["id"]] = _Story(id=s["id"], documents=list(s["documents"]))
        for d in data["documents"]:
            doc = _Doc(id=d["id"], story=d["story"], title=d["title"], terms=dict(d["terms"]), day=d.get("day"))
            index._docs[doc.id] = doc
            for t in doc.terms:
                index._postings[t].append(doc.id)
        return index


def arrival_order(analyses: list[DocAnalysis]) -> list[DocAnalysis]:
    """By publication date (undated last), then id: the order a stream would have seen them."""
    return sorted(analyses, key=lambda a: (a.document.published is None, a.document.published or "", a.document.id))


def group_stories(analyses: list[DocAnalysis], params: StoryParams | None = None) -> list[Story]:
    """Group a whole corpus: its articles fed in arrival order into a fresh :class:`StoryIndex`."""
    index = StoryIndex(params)
    for a in arrival_order(analyses):
        index.add(a)
    return index.stories()
