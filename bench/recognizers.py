"""Dates and times: chronique's timexes on the Microsoft Recognizers-Text French DateTime specs.

    .venv/bin/python bench/recognizers.py [--errors] [--model fr_core_news_md]

Data: shared/benchmarks/recognizers-fr (input sentence, optional reference date,
expected spans with a TIMEX value). Cases marked NotSupported / NotSupportedByDesign
upstream are skipped, as the benchmarks README says. A case counts as *found*
when every expected span is overlapped by a chronique timex, and as *correct*
when, in addition, each of those timexes carries an accepted value: the spec's
TIMEX, or one of its past/future resolutions (Recognizers leaves « mercredi »
unresolved as XXXX-WXX-3 where chronique resolves it against the reference date),
compared without seconds. Recognizers-Text covers chat-style requests (« 9am
Dimanches », « sept trente »), so this measures breadth more than news accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from chronique.nlp import timex

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "recognizers-fr"


def _strings(obj) -> list[str]:
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return [obj] if isinstance(obj, str) else []


def _norm(v: str) -> str:
    v = v.strip().upper().replace(" ", "T")
    v = re.sub(r"(T\d\d:\d\d):00(?:\.0+)?$", r"\1", v)
    return re.sub(r"(T\d\d)$", r"\1:00", v)


def accepted(result: dict) -> set[str]:
    """Every value the spec accepts for one expected span: its TIMEX and resolved dates or times."""
    vals = set()
    value = result.get("Value") or {}
    if value.get("Timex"):
        vals.add(value["Timex"])
    for res in ("FutureResolution", "PastResolution"):
        vals.update(_strings(value.get(res) or {}))
    for v in (result.get("Resolution") or {}).get("values", []):
        vals.update(x for k, x in v.items() if k in ("timex", "value") and isinstance(x, str))
    return {_norm(v) for v in vals if v}


def _ok(pred: str, want: set[str]) -> bool:
    p = _norm(pred)
    if p in want:
        return True
    for w in want:  # a time of day alone (T07:30) or a partial date the spec leaves open
        if w.startswith("T") and p.endswith(w):
            return True
        if re.fullmatch(r"[\dX:T-]+", w) and len(w) == len(p) and all(a == b or a == "X" for a, b in zip(w, p)):
            return True
    return False


def cases():
    for path in sorted(DATA.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            if case.get("NotSupported") or case.get("NotSupportedByDesign"):
                continue
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            yield path.stem, case["Input"], ref[:10] if ref else None, case.get("Results") or []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    all_cases = list(cases())
    stats: dict[str, Counter] = {}
    for (name, text, ref, results), doc in zip(all_cases, nlp.pipe(c[1] for c in all_cases)):
        pred = timex.extract(doc, ref)
        c = stats.setdefault(name, Counter())
        c["cases"] += 1
        found = correct = True
        for r in results:
            start = r.get("Start", 0)
            end = r["End"] + 1 if "End" in r else start + r.get("Length", len(r.get("Text", "")))
            hits = [p for p in pred if p.start < end and start < p.end]
            if not hits:
                found = correct = False
                continue
            want = accepted(r)
            if want and not any(_ok(p.value, want) for p in hits):  # extractor specs give spans only
                correct = False
        if not results:  # a sentence with nothing to find: any timex is a false hit
            found = correct = not pred
        c["found"] += found
        c["correct"] += correct
        if args.errors and not correct:
            want = [(r.get("Text"), sorted(accepted(r))[:3]) for r in results]
            print(f"{name}: {text!r} ref={ref} want={want} got={[(p.text, p.value) for p in pred]}")
    total = Counter()
    print(f"Recognizers-Text French DateTime specs (supported cases), model={args.model}")
    print(f"{'file':22} {'cases':>5} {'found':>6} {'correct':>8}")
    for name, c in stats.items():
        total.update(c)
        print(f"{name:22} {c['cases']:5d} {c['found'] / c['cases']:6.3f} {c['correct'] / c['cases']:8.3f}")
    print(f"{'ALL':22} {total['cases']:5d} {total['found'] / total['cases']:6.3f} {total['correct'] / total['cases']:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
