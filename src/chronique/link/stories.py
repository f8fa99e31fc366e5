"""Stories: articles grouped by what they are about, incrementally.

A :class:`StoryIndex` takes articles as they arrive, one (:meth:`StoryIndex.add`) or
a batch (:meth:`StoryIndex.add_many`) at a time. Articles are compared only when
they share one of their salient features (an inverted index on folded terms and
entity keys: blocking, no all-pairs pass), by the cosine similarity of TF-IDF
vectors whose document frequencies grow with the corpus, each feature further weighed
down by how common its words are in French at large (a few hundred headlines cannot tell
that « nouveau » or « jeudi » prove nothing; the language can). A country is one feature
however it is named (« Russie », « Moscou », « russes »). A feature no other article
has (yet) counts for less: it cannot link anything, and at full weight it would only
dilute the similarity of articles rich in one-off words. New articles and the
stories already known are then grouped by average linkage: the groups whose average
similarity clears its bar by most merge first, while one does. The bar is ``threshold``
raised by the similarity that one shared word gives the groups' articles (``chance``):
a headline of eight words shares one with many others, a whole article does not. An article
joins a story, opens one, or brings two stories together (the older keeps its
id); stories out of the new articles' reach are not recomputed. Near-duplicates
join their original's story. Publication dates far apart lower the similarity,
but only softly: one story can run for months when the same people keep appearing
in it. The index state is plain JSON-ready data (:meth:`StoryIndex.to_dict`) so a
store can keep it between ingests.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from chronique.ids import story_id
from chronique.link.story_features import PLACE_PREFIX, features, has_title, language_frequency, title
from chronique.model import DocAnalysis, Story

STATE_VERSION = 2  # 2: entity keys by name word, lone features damped


@dataclass(slots=True)
class StoryParams:
    """Knobs of the grouping, kept with the state so a reloaded index behaves the same."""

    threshold: float = 0.12  # least average similarity for an article to join a story, plus ...
    chance: float = 0.4  # ... this times the similarity one shared word gives (high for headlines only)
    blocking_terms: int = 12  # most salient features of an article used to find candidates
    max_df: float = 0.1  # features in more than this share of articles are not used to block ...
    max_postings: int = 200  # ... nor those held by more articles than this; but those held by
    min_postings: int = 20  # at most this many always are (in a small corpus a story's own words pass the share)
    max_candidates: int = 50  # an article is compared with at most this many others, those sharing most keys
    window_days: int = 7  # no date penalty within this gap
    decay_days: float = 120.0  # then similarity fades with this time constant ...
    floor: float = 0.75  # ... down to this factor at most
    members: int = 30  # a story's title is chosen among its latest N members
    entity_weight: float = 2.0  # weight of an entity mention against a title word (2.0) or lead word (1.0)
    place_weight: float = 1.0  # weight of a country named, any way (« Moscou », « russes »: place:RU)
    idf_power: float = 1.0  # above 1, rare shared words count for more than common ones
    lone_weight: float = 0.5  # factor on a feature held by one article only, once the corpus is ...
    lone_corpus: int = 100  # ... well past this many articles (a small corpus says little about what repeats)
    rare_zipf: float = 4.0  # a feature's factor for its frequency in French at large is 1 up to this
    common_zipf: float = 6.5  # (Zipf scale: 4 = 10 uses in a million words) and falls linearly to 0 at this
    common_weight: float = 0.3  # (~3 in a thousand), never below this; 1.0 turns the language prior off

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class _Doc:
    id: str
    story: str
    title: str
    terms: dict[str, float]
    day: int | None = None
    titled: bool = True  # the title is the article's own, not its first sentence


@dataclass(slots=True)
class _Story:
    id: str
    order: int  # when it was opened: a merged story keeps the older id
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
        self._opened = 0
        self._seen: set[str] = set()  # articles counted in the frequencies before being placed
        self._cache: dict[str, tuple[int, dict[str, float], float]] = {}  # (n then, vector, chance)
        self._common: dict[str, float] = {}  # term -> factor of its frequency in the language at large

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self._docs

    def story_of(self, document_id: str) -> str | None:
        d = self._docs.get(document_id)
        return d.story if d else None

    # -- placing articles ----------------------------------------------------------------

    def add(self, analysis: DocAnalysis) -> str:
        """Place one article (a batch of one); returns the id of the story it is in."""
        return self.add_many([analysis])[analysis.document.id]

    def observe(self, analyses: list[DocAnalysis]) -> None:
        """Count articles in the document frequencies ahead of placing them (a batch knows its corpus)."""
        for a in analyses:
            if a.document.id in self._docs or a.document.id in self._seen:
                continue
            self._seen.add(a.document.id)
            self._count(features(a, entity_weight=self.params.entity_weight, place_weight=self.params.place_weight).terms)

    def _count(self, terms: dict[str, float]) -> None:
        """One more article in the frequencies; the articles whose lone feature it now shares
        have their vectors computed again (the feature is no longer damped)."""
        self._n += 1
        self._df.update(terms.keys())
        for t in terms:
            if self._df[t] == 2:
                for o in self._postings.get(t, ()):
                    self._cache.pop(o, None)

    def _idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        idf = (math.log((self._n + 1) / (df + 1)) + 1.0) ** self.params.idf_power * self._commonness(term)
        if df > 1:
            return idf
        trust = self._n / (self._n + self.params.lone_corpus)
        return idf * (1.0 - (1.0 - self.params.lone_weight) * trust)

    def _commonness(self, term: str) -> float:
        """Factor of a feature for how common it is in French at large: a few hundred headlines
        cannot tell that « nouveau » or « jeudi » link anything, the language can."""
        factor = self._common.get(term)
        if factor is None:
            p = self.params
            if p.common_weight >= 1.0:
                factor = 1.0
            else:
                span = max(p.common_zipf - p.rare_zipf, 1e-9)
                factor = min(1.0, max(p.common_weight, (p.common_zipf - language_frequency(term)) / span))
            self._common[term] = factor
        return factor

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

    def _salient(self, terms: dict[str, float]) -> list[str]:
        """The article's blocking keys: its most distinctive features that other placed articles share
        (the article itself is already in the postings) and that are not too common."""
        limit = min(max(self.params.min_postings, self.params.max_df * self._n), self.params.max_postings)
        return sorted(
            (t for t in terms if self._df[t] - 1 <= limit and len(self._postings.get(t, ())) > 1),
            key=lambda t: -terms[t] * self._idf(t),
        )[: self.params.blocking_terms]

    def _neighbours(self, doc_id: str) -> list[str]:
        """The articles sharing most blocking keys with this one (at most ``max_candidates``)."""
        hits = Counter(o for t in self._salient(self._docs[doc_id].terms) for o in self._postings[t])
        hits.pop(doc_id, None)
        return [o for o, _ in hits.most_common(self.params.max_candidates)]

    def _chance(self, doc_id: str) -> float:
        """How similar this article is to another by one shared word, roughly: 1 / the L1 norm of
        its unit vector (1/sqrt(k) for k equal weights). Short articles reach a high cosine by
        chance, so the bar to join them rises with this. A country's key restates a word already
        counted (« Moscou » is also ``place:RU``): it does not lower the bar."""
        return self._cached(doc_id)[2]

    def _vec(self, doc_id: str) -> dict[str, float]:
        return self._cached(doc_id)[1]

    def _cached(self, doc_id: str) -> tuple[int, dict[str, float], float]:
        """An article's TF-IDF vector and chance, computed again once the corpus has grown by a tenth since."""
        cached = self._cache.get(doc_id)
        if cached is None or self._n > cached[0] * 1.1 + 1:
            vec = self._vector(self._docs[doc_id].terms)
            total = sum(w for t, w in vec.items() if not t.startswith(PLACE_PREFIX))
            cached = self._cache[doc_id] = (self._n, vec, 1.0 / total if total > 0 else 1.0)
        return cached

    def add_many(self, analyses: list[DocAnalysis]) -> dict[str, str]:
        """Place a batch of new articles together; returns {document id: story id}.

        The batch is grouped by average linkage over the pairs that blocking proposes
        (a pair no key brings together counts as dissimilar), the stories already in the
        index taking part as fixed groups: new articles join them, open stories, or
        bring two of them together. Nothing outside the batch's reach is recomputed.
        Closest groups merge first, so the result does not depend on the order within
        the batch the way one-at-a-time placement does.
        """
        batch: dict[str, DocAnalysis] = {}
        for a in arrival_order(analyses):
            if a.document.id not in self._docs:
                batch.setdefault(a.document.id, a)
        if not batch:
            return {d: self._docs[d].story for d in (a.document.id for a in analyses)}
        for doc_id, a in batch.items():
            feats = features(a, entity_weight=self.params.entity_weight, place_weight=self.params.place_weight)
            if doc_id not in self._seen:
                self._count(feats.terms)
            self._seen.discard(doc_id)
            self._docs[doc_id] = _Doc(
                id=doc_id, story="", title=title(a), terms=feats.terms, day=feats.day, titled=has_title(a)
            )
            for t in feats.terms:
                self._postings[t].append(doc_id)
        groups = self._average_linkage(list(batch), {d: a.document.duplicate_of for d, a in batch.items()})
        for members in groups:
            old = sorted({self._docs[d].story for d in members if d not in batch}, key=lambda s: self._stories[s].order)
            if old:
                sid = old[0]
                for gone in old[1:]:
                    self._stories[sid].documents.extend(self._stories.pop(gone).documents)
            else:
                sid = story_id(next(d for d in batch if d in members))
                self._opened += 1
                self._stories[sid] = _Story(id=sid, order=self._opened)
            self._stories[sid].documents.extend(d for d in batch if d in members)
            for d in self._stories[sid].documents:
                self._docs[d].story = sid
        return {d: self._docs[d].story for d in (a.document.id for a in analyses)}

    def _average_linkage(self, new: list[str], duplicate_of: dict[str, str | None]) -> list[set[str]]:
        """Groups (as sets of document ids) of the new articles, each with the old stories it joins."""
        cluster_of: dict[str, int] = {}
        members: dict[int, set[str]] = {}
        neighbours = {d: self._neighbours(d) for d in new}
        near = {o for d in new for o in neighbours[d]}
        near |= {o for o in duplicate_of.values() if o in self._docs}
        for sid in sorted({self._docs[o].story for o in near} - {""}):
            c = len(members)
            members[c] = set(self._stories[sid].documents)
            cluster_of.update(dict.fromkeys(members[c], c))
        for d in new:
            members[len(members)] = {d}
            cluster_of[d] = len(members) - 1
        sums: defaultdict[int, dict[int, float]] = defaultdict(dict)
        done: set[tuple[str, str]] = set()
        vectors = _Vectors(self._vec)
        for d in new:
            if duplicate_of.get(d) in cluster_of:
                continue  # a copy is placed by its original and adds no evidence of its own
            others = []
            for o in neighbours[d]:
                if (o, d) in done or o not in cluster_of or duplicate_of.get(o) in cluster_of:
                    continue
                done.add((d, o))
                if cluster_of[o] != cluster_of[d]:
                    others.append(o)
            day = self._docs[d].day
            for o, cos in zip(others, vectors.similarities(d, others)):
                a, b = cluster_of[d], cluster_of[o]
                sim = float(cos) * self._date_factor(day, self._docs[o].day)
                sums[a][b] = sums[b][a] = sums[a].get(b, 0.0) + sim
        parent = {c: c for c in members}

        def find(c: int) -> int:
            while parent[c] != c:
                parent[c] = parent[parent[c]]
                c = parent[c]
            return c

        def merge(a: int, b: int) -> int:
            """Join b into a; the sums of the union are the sums of its parts."""
            parent[b] = a
            members[a] |= members.pop(b)
            size[a] += size.pop(b)
            chance[a] += chance.pop(b)
            for x, v in sums.pop(b, {}).items():
                if x == a:
                    continue
                sums[x].pop(b, None)
                sums[a][x] = sums[x][a] = sums[a].get(x, 0.0) + v
            sums[a].pop(b, None)
            return a

        # the linkage averages over the articles that bring evidence: a copy placed by its original does not
        size = {c: len(m) for c, m in members.items()}
        chance = {c: sum(self._chance(d) for d in m) for c, m in members.items()}
        for d in new:  # a near-duplicate belongs with its original before anything else
            orig = duplicate_of.get(d)
            if orig in cluster_of:
                size[find(cluster_of[d])] -= 1
                chance[find(cluster_of[d])] -= self._chance(d)
                if find(cluster_of[orig]) != find(cluster_of[d]):
                    merge(find(cluster_of[orig]), find(cluster_of[d]))

        def margin(a: int, b: int) -> float:
            """Average similarity of two groups above the bar they must clear."""
            pairs = size[a] * size[b]
            bar = self.params.threshold + self.params.chance * chance[a] * chance[b] / pairs
            return sums[a].get(b, 0.0) / pairs - bar

        heap = [(-margin(a, b), a, b) for a in sums for b in sums[a] if a < b]
        heapq.heapify(heap)
        while heap:
            score, a, b = heapq.heappop(heap)
            if a not in members or b not in members or a == b:
                continue
            current = margin(a, b)
            if abs(current + score) > 1e-12:
                continue  # stale entry: the pair's linkage changed since
            if current < 0:
                break
            c = merge(a, b)
            for x in sums[c]:
                heapq.heappush(heap, (-margin(c, x), min(c, x), max(c, x)))
        fresh = set(new)
        return [m for m in members.values() if m & fresh]

    # -- reading the groups --------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story, in the order they were opened, titled after their most central article."""
        return [
            Story(id=s.id, title=self._title(s), documents=list(s.documents)) for s in self._stories.values()
        ]

    def _title(self, story: _Story) -> str:
        """The headline of the member closest to all the others (articles with a title of their own first)."""
        members = story.documents[-self.params.members :]
        titled = [d for d in members if self._docs[d].titled] or members
        if len(members) <= 2:
            return self._docs[titled[0]].title

        def centrality(d: str) -> float:
            v = self._vec(d)
            return sum(_dot(v, self._vec(o)) for o in members if o != d)

        return self._docs[max(titled, key=centrality)].title

    # -- state -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state: parameters, document frequencies, each article's features and story."""
        return {
            "version": STATE_VERSION,
            "params": self.params.to_dict(),
            "n": self._n,
            "df": dict(self._df),
            "documents": [
                {"id": d.id, "story": d.story, "title": d.title, "terms": d.terms, "day": d.day, "titled": d.titled}
                for d in self._docs.values()
            ],
            "stories": [{"id": s.id, "documents": list(s.documents)} for s in self._stories.values()],
            "observed": sorted(self._seen),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        """Rebuild an index saved by :meth:`to_dict` (the inverted index is derived again)."""
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unknown story index state version {data.get('version')!r}")
        index = cls(StoryParams(**data.get("params", {})))
        index._n = int(data["n"])
        index._df = Counter(data["df"])
        for order, s in enumerate(data["stories"], 1):
            index._stories[s["id"]] = _Story(id=s["id"], order=order, documents=list(s["documents"]))
        index._opened = len(index._stories)
        index._seen = set(data.get("observed", []))
        for d in data["documents"]:
            doc = _Doc(
                id=d["id"], story=d["story"], title=d["title"], terms=dict(d["terms"]), day=d.get("day"),
                titled=d.get("titled", True),
            )
            index._docs[doc.id] = doc
            for t in doc.terms:
                index._postings[t].append(doc.id)
        return index


class _Vectors:
    """Sparse vectors as numpy index/weight arrays, so one article meets its candidates in one pass."""

    def __init__(self, vec: Callable[[str], dict[str, float]]) -> None:
        self._vec = vec
        self._col: dict[str, int] = {}
        self._rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._dense = np.zeros(1024)

    def _row(self, doc_id: str) -> tuple[np.ndarray, np.ndarray]:
        row = self._rows.get(doc_id)
        if row is None:
            v = self._vec(doc_id)
            idx = np.fromiter((self._col.setdefault(t, len(self._col)) for t in v), dtype=np.int64, count=len(v))
            row = self._rows[doc_id] = (idx, np.fromiter(v.values(), dtype=np.float64, count=len(v)))
        return row

    def similarities(self, doc_id: str, others: list[str]) -> np.ndarray:
        """Cosines (the vectors are unit length) between one article and each of ``others``."""
        if not others:
            return np.zeros(0)
        idx, w = self._row(doc_id)
        rows = [self._row(o) for o in others]
        if len(self._col) > len(self._dense):
            self._dense = np.zeros(2 * len(self._col))
        self._dense[idx] = w
        lengths = np.fromiter((len(r[0]) for r in rows), dtype=np.int64, count=len(rows))
        cat_idx = np.concatenate([r[0] for r in rows])
        cat_w = np.concatenate([r[1] for r in rows])
        products = cat_w * self._dense[cat_idx]
        self._dense[idx] = 0.0
        out = np.zeros(len(rows))
        nonempty = lengths > 0
        if nonempty.any():
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            out[nonempty] = np.add.reduceat(products, starts[nonempty]) if len(products) else 0.0
        return out


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def arrival_order(analyses: list[DocAnalysis]) -> list[DocAnalysis]:
    """By publication date (undated last), then id: the order a stream would have seen them."""
    return sorted(analyses, key=lambda a: (a.document.published is None, a.document.published or "", a.document.id))


def group_stories(analyses: list[DocAnalysis], params: StoryParams | None = None) -> list[Story]:
    """Group a whole corpus as one batch of a fresh :class:`StoryIndex` (see :meth:`StoryIndex.add_many`)."""
    index = StoryIndex(params)
    index.add_many(analyses)
    return index.stories()
