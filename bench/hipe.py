"""Entities: chronique's mentions against bare spaCy NER on CLEF-HIPE-2020 French.

    .venv/bin/python bench/hipe.py [--part dev|test|both] [--model fr_core_news_md]

Data: shared/benchmarks/hipe2020-fr (historical newspapers, OCR noise; dev for
development, test for the report). The text of each document is rebuilt from its
tokens (``NoSpaceAfter`` joins, ``EndOfLine`` becomes a newline) so that gold
entities get character offsets. Coarse literal types pers/loc/org are scored
(HIPE's prod and time have no counterpart in chronique). Strict = same span and
type; fuzzy = overlapping span and same type (HIPE's own two regimes).
HIPE's person spans include titles and appositions (« M. X, le célèbre … »), so
strict scores are low for every system that marks names only; compare the two
columns, not the absolute figure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

from chronique.model import Document
from chronique.nlp.pipeline import analyze_documents

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "hipe2020-fr"
TYPES = {"pers": "PER", "loc": "LOC", "org": "ORG"}


def read(path: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Documents as (id, text, gold spans)."""
    docs, doc_id, parts, spans, open_span = [], None, [], [], None
    pos = 0

    def close():
        nonlocal open_span
        if open_span is not None:
            spans.append(tuple(open_span))
            open_span = None

    def flush():
        close()
        if doc_id is not None:
            docs.append((doc_id, "".join(parts), list(spans)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# document_id"):
            flush()
            doc_id, parts, spans, pos = line.split("=", 1)[1].strip(), [], [], 0
            continue
        if not line or line.startswith("#") or line.startswith("TOKEN"):
            continue
        cols = line.split("\t")
        token, tag, misc = cols[0], cols[1], cols[-1]
        start = pos
        parts.append(token)
        pos += len(token)
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and open_span is None):
            close()
        kind = tag[2:] if tag != "O" else None
        if kind in TYPES:
            if tag.startswith("B-") or open_span is None:
                open_span = [start, pos, TYPES[kind]]
            else:
                open_span[1] = pos
        if "NoSpaceAfter" not in misc:
            sep = "\n" if "EndOfLine" in misc else " "
            parts.append(sep)
            pos += 1
    flush()
    return docs


def score(gold: list[set], pred: list[set]) -> dict[str, float]:
    out = {}
    for regime in ("strict", "fuzzy"):
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            if regime == "strict":
                hit = len(g & p)
                tp, fp, fn = tp + hit, fp + len(p) - hit, fn + len(g) - hit
            else:
                matched_g = {x for x in g if any(y[2] == x[2] and y[0] < x[1] and x[0] < y[1] for y in p)}
                matched_p = {y for y in p if any(y[2] == x[2] and y[0] < x[1] and x[0] < y[1] for x in g)}
                tp, fp, fn = tp + len(matched_g), fp + len(p) - len(matched_p), fn + len(g) - len(matched_g)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[regime] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    parts = ["dev", "test"] if args.part == "both" else [args.part]
    bare = spacy.load(args.model)
    print(f"HIPE-2020 French, coarse literal pers/loc/org, model {args.model}")
    print(f"{'part':5} {'docs':>5} {'gold':>5} | {'spaCy strict':>12} {'fuzzy':>6} | {'chronique strict':>16} {'fuzzy':>6}")
    for part in parts:
        docs = read(DATA / f"HIPE-data-v1.4-{part}-fr.tsv")
        gold = [set(spans) for _, _, spans in docs]
        texts = [text for _, text, _ in docs]
        spacy_pred = [
            {(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in TYPES.values()} for d in bare.pipe(texts)
        ]
        documents = [Document(id=i, path=i, text=t) for i, t, _ in docs]
        ours = [
            {(m.start, m.end, m.label) for m in a.mentions if m.label in TYPES.values()}
            for a in analyze_documents(documents, model=args.model)
        ]
        s, c = score(gold, spacy_pred), score(gold, ours)
        n_gold = sum(len(g) for g in gold)
        print(f"{part:5} {len(docs):5} {n_gold:5} | {s['strict']:12.3f} {s['fuzzy']:6.3f} | {c['strict']:16.3f} {c['fuzzy']:6.3f}")


if __name__ == "__main__":
    main()
