"""Near-duplicate articles: MinHash over word 5-shingles, found through LSH.

A wire story republished with a sentence changed shares most of its 5-word
shingles with the original (Jaccard well above 0.5), while two articles written
separately on the same event share almost none (below 0.1), so a threshold of
0.5 sits far from both. LSH proposes candidates without comparing all pairs;
each candidate is then checked against the threshold with its own MinHash.

Signatures are plain bytes (:func:`signature`), so a store can keep them and
rebuild the index (:meth:`NearDuplicateIndex.add_signature`) for incremental ingest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from datasketch import LeanMinHash, MinHash, MinHashLSH

from chronique.errors import InputError
from chronique.model import Document

THRESHOLD = 0.5
NUM_PERM = 128
SHINGLE = 5
SEED = 1
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams, lowercased, punctuation ignored (a short text is one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(list(shingles(text)))
    return LeanMinHash(m)


def signature(text: str) -> bytes:
    """The MinHash of ``text`` as bytes, to store beside the document.

    datasketch's own serialisation: it records the seed and the hashing scheme,
    which bare hash values do not (datasketch 2 refuses values of unknown scheme).
    """
    m = minhash(text)
    buffer = bytearray(m.bytesize())
    m.serialize(buffer)
    return bytes(buffer)


def from_signature(data: bytes) -> LeanMinHash:
    m = LeanMinHash.deserialize(data)
    if len(m.hashvalues) != NUM_PERM or m.seed != SEED:
        raise ValueError(f"signature has {len(m.hashvalues)} values (seed {m.seed}), expected {NUM_PERM} (seed {SEED})")
    return m


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets."""
    return minhash(a).jaccard(minhash(b))


class NearDuplicateIndex:
    """Documents seen so far; :meth:`add` tells whether a new one copies an earlier one."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._hashes

    def add(self, doc_id: str, text: str) -> str | None:
        """Index a document; return the id of the earlier near-duplicate it copies, else None.

        The same id added twice is the same document, not a copy: None, indexed once.
        """
        return self.add_minhash(doc_id, minhash(text))

    def add_signature(self, doc_id: str, data: bytes) -> str | None:
        return self.add_minhash(doc_id, from_signature(data))

    def add_minhash(self, doc_id: str, m: LeanMinHash) -> str | None:
        """Index ``m`` under ``doc_id``; a text without words is no one's copy (its MinHash is empty)."""
        if doc_id in self._hashes or m.is_empty():
            return None
        original = self.find(m)
        self._lsh.insert(doc_id, m)
        self._hashes[doc_id] = m
        self._order[doc_id] = len(self._order)
        return original

    def find(self, m: LeanMinHash) -> str | None:
        """The earliest indexed document at least ``threshold`` similar to ``m``."""
        matches = [c for c in self._lsh.query(m) if self._hashes[c].jaccard(m) >= self.threshold]
        return min(matches, key=self._order.__getitem__) if matches else None

    @classmethod
    def from_texts(cls, items: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> NearDuplicateIndex:
        """Rebuild from stored ``(doc_id, text)`` pairs, in their ingest order."""
        index = cls(threshold)
        for doc_id, text in items:
            index.add(doc_id, text)
        return index

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, bytes]], threshold: float = THRESHOLD) -> NearDuplicateIndex:
        """Rebuild from stored ``(doc_id, signature)`` pairs, in their ingest order."""
        index = cls(threshold)
        for doc_id, data in items:
            index.add_signature(doc_id, data)
        return index


def mark_duplicates(
    items: Iterable[Document | InputError], index: NearDuplicateIndex | None = None
) -> Iterator[Document | InputError]:
    """Pass :func:`read_paths` output through: exact copies dropped, near-copies given ``duplicate_of``.

    An exact copy has the same text, hence the same id, as a document already
    passed (or already in ``index``): it is one document, yielded once.
    """
    index = NearDuplicateIndex() if index is None else index
    for item in items:
        if isinstance(item, Document):
            if item.id in index:
                continue
            item.duplicate_of = index.add(item.id, item.text)
        yield item
