"""Exact copies collapse; near copies (MinHash LSH) point to the earliest original."""

from __future__ import annotations

import random
import re
import shutil

import pytest
from datasketch import LeanMinHash

from chronique.ingest import read_paths
from chronique.ingest.dedup import (
    THRESHOLD,
    NearDuplicateIndex,
    mark_duplicates,
    minhash,
    shingles,
    signature,
    similarity,
)
from chronique.model import Document

SEEDS = range(5)
NEW_SENTENCE = "Une phrase entièrement différente a été écrite ici par un autre rédacteur."
_SENTENCE = re.compile(r"[^.!?»\n]+[.!?»]")


def seed(seeds_dir, index: int):
    return sorted(seeds_dir.glob("*.txt"))[index]


def sentences(text: str) -> list[re.Match]:
    return [m for m in _SENTENCE.finditer(text) if len(m[0].split()) >= 4]


def replace(text: str, m: re.Match, new: str = NEW_SENTENCE) -> str:
    return text[: m.start()] + " " + new + text[m.end() :]


def exact_jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def docs(items) -> list[Document]:
    out = list(items)
    assert all(isinstance(d, Document) for d in out), out
    return out


@pytest.mark.parametrize("index", SEEDS)
def test_dedup_seed_copy_with_a_sentence_changed_is_near_duplicate(tmp_path, seeds_dir, index):
    original = seed(seeds_dir, index)
    text = original.read_text(encoding="utf-8")
    middle = sentences(text)[len(sentences(text)) // 2]
    shutil.copy(original, tmp_path / "a-original.txt")
    (tmp_path / "b-copie.txt").write_text(replace(text, middle), encoding="utf-8")
    first, copy = docs(mark_duplicates(read_paths([tmp_path])))
    assert first.id != copy.id
    assert first.duplicate_of is None
    assert copy.duplicate_of == first.id


@pytest.mark.parametrize("index", SEEDS)
def test_dedup_every_single_sentence_edit_is_found(seeds_dir, index):
    """Whichever sentence is rewritten, the copy is still found through LSH (worst case, not a chosen one)."""
    text = seed(seeds_dir, index).read_text(encoding="utf-8")
    index_ = NearDuplicateIndex()
    index_.add("original", text)
    missed = []
    for i, m in enumerate(sentences(text)):
        edited = replace(text, m)
        if index_.find(minhash(edited)) != "original":
            missed.append((i, round(similarity(text, edited), 3), round(exact_jaccard(text, edited), 3)))
    assert not missed, f"edits not found (sentence, estimated, exact Jaccard): {missed}"


@pytest.mark.parametrize(
    "edit",
    [
        lambda t, s: t[: s[0].start()] + t[s[0].end() :],  # a sentence dropped
        lambda t, s: "Par la rédaction, avec agences\n\n" + t + "\n\n© Tous droits réservés. Reproduction interdite.",
        lambda t, s: t + "\n\nMise à jour : " + NEW_SENTENCE,  # a paragraph appended
        lambda t, s: replace(replace(t, s[-1], "Fin modifiée de l’article."), s[1], NEW_SENTENCE),  # two sentences
        lambda t, s: t.replace("’", "'").replace("« ", "\"").replace(" »", "\""),  # other typography
    ],
    ids=["sentence-dropped", "header-footer", "paragraph-added", "two-sentences", "typography"],
)
@pytest.mark.parametrize("index", SEEDS)
def test_dedup_light_edits_are_near_duplicates(seeds_dir, index, edit):
    text = seed(seeds_dir, index).read_text(encoding="utf-8")
    edited = edit(text, sentences(text))
    assert edited != text
    index_ = NearDuplicateIndex()
    assert index_.add("original", text) is None
    assert index_.add("copie", edited) == "original", round(similarity(text, edited), 3)


def test_dedup_different_seeds_are_not_duplicates(seeds_dir):
    found = docs(mark_duplicates(read_paths([seeds_dir])))
    assert len(found) == 5
    assert [d.duplicate_of for d in found] == [None] * 5
    texts = [d.text for d in found]
    assert max(similarity(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]) < THRESHOLD / 2


def test_dedup_same_file_twice_is_one_document(tmp_path, seeds_dir):
    original = seed(seeds_dir, 1)
    shutil.copy(original, tmp_path / "autre-nom.txt")
    read = docs(read_paths([original, original, tmp_path / "autre-nom.txt"]))
    assert len({d.id for d in read}) == 1  # same content, same id, wherever it lies
    kept = docs(mark_duplicates(read_paths([original, original, tmp_path / "autre-nom.txt"])))
    assert len(kept) == 1 and kept[0].duplicate_of is None


def test_dedup_earliest_original_wins(seeds_dir):
    text = seed(seeds_dir, 2).read_text(encoding="utf-8")
    s = sentences(text)
    index = NearDuplicateIndex()
    assert index.add("a", text) is None
    assert index.add("b", replace(text, s[3])) == "a"
    assert index.add("c", replace(replace(text, s[3]), s[5])) == "a"  # closer to b, but a came first
    assert index.add("a", text) is None and len(index) == 3  # the same id again is no copy


@pytest.mark.parametrize("rebuild", ["signatures", "texts"])
def test_dedup_index_rebuilt_from_stored_documents(seeds_dir, rebuild):
    """Incremental ingest: the index of what the store holds finds copies among new files."""
    stored = [(f"d{i}", seed(seeds_dir, i).read_text(encoding="utf-8")) for i in SEEDS]
    if rebuild == "signatures":
        index = NearDuplicateIndex.from_signatures((i, signature(t)) for i, t in stored)
    else:
        index = NearDuplicateIndex.from_texts(stored)
    text = stored[3][1]
    assert index.add("new", replace(text, sentences(text)[0])) == "d3"
    assert index.add("other", "Un article sans rapport sur la saison de rugby et ses surprises en poule.") is None


def test_dedup_lsh_does_not_compare_all_pairs(monkeypatch):
    rng = random.Random(7)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzéè") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(300)) for _ in range(400)]
    index = NearDuplicateIndex()
    for i, t in enumerate(texts):
        index.add(f"d{i}", t)
    calls = []
    real = LeanMinHash.jaccard
    monkeypatch.setattr(LeanMinHash, "jaccard", lambda self, other: calls.append(1) or real(self, other))
    assert index.add("fresh", " ".join(rng.choice(vocabulary) for _ in range(300))) is None
    assert len(calls) < len(texts) // 20  # LSH candidates only, not 400 comparisons
    calls.clear()
    words = texts[123].split()
    words[150:160] = ["remplacé"] * 10
    assert index.add("copy", " ".join(words)) == "d123"
    assert len(calls) < len(texts) // 20


@pytest.mark.parametrize("texts", [("— — —", "… !"), ("", "?")])
def test_dedup_texts_without_words_are_no_copies(texts):
    """Empty MinHashes agree on everything (estimated Jaccard 1.0): they must not make copies."""
    index = NearDuplicateIndex()
    assert [index.add(f"d{i}", t) for i, t in enumerate(texts)] == [None, None]
