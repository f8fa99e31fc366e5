"""Dates and times: chronique's timexes on French TimeBank 1.1 (strict / relaxed / value F1 by type).

    .venv/bin/python bench/timebank.py [--split dev|test|both] [--errors] [--model fr_core_news_md]

Data: shared/benchmarks/fr-timebank (ISO-TimeML, each document with its creation
date). As the benchmarks README says: the system gets the plain text of <TEXT>
(tags stripped, characters kept) and the DCT as publication date; strict = same
span, relaxed = any overlap, value F1 = a relaxed match with the gold value,
counted against both predicted and gold totals (TempEval-3); type F1 likewise
with the type; mod P/R over the expressions that carry a TimeML mod. Develop on ``dev`` only; ``--errors`` refuses the test split.
HeidelTime (Bittar et al.): strict 0.860, relaxed 0.910, value 0.736, type 0.827.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from chronique.nlp import timex

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "fr-timebank"
_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
TYPES = ("DATE", "TIME", "DURATION", "SET")


def read(path: Path) -> tuple[str, str, list[tuple[int, int, str, str, str | None]]]:
    """(DCT, plain text of <TEXT>, gold TIMEX3 spans as (start, end, type, value, mod))."""
    raw = path.read_text(encoding="utf-8")
    dct = _ATTR.findall(re.search(r"<DCT>(.*?)</DCT>", raw, re.S)[1])
    dct_value = dict(dct)["value"]
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)[1]
    out, spans, open_timex, pos, last = [], [], None, 0, 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[last:m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if closing:
            start, a = open_timex
            spans.append((start, pos, a["type"], a.get("value", ""), a.get("mod")))
            open_timex = None
        else:
            open_timex = (pos, dict(_ATTR.findall(attrs)))
    out.append(html.unescape(body[last:]))
    return dct_value, "".join(out), spans


def _match(gold, pred, same) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose spans satisfy ``same``, in text order."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Strict, relaxed, value and type scores, overall and per TIMEX3 type (gold type for recall, predicted for precision)."""
    counts: dict[str, Counter] = {t: Counter() for t in ("ALL", *TYPES)}
    for gold, pred in docs:
        for t in ("ALL", *TYPES):
            g = [x for x in gold if t == "ALL" or x[2] == t]
            p = [x for x in pred if t == "ALL" or x[2] == t]
            c = counts[t]
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["strict"] += len(_match(g, p, lambda a, b: a[0] == b[0] and a[1] == b[1]))
            relaxed = _match(g, p, lambda a, b: a[0] < b[1] and b[0] < a[1])
            c["relaxed"] += len(relaxed)
            c["value"] += sum(1 for gi, pi in relaxed if g[gi][3] == p[pi][3])
            c["type"] += sum(1 for gi, pi in relaxed if g[gi][2] == p[pi][2])
            c["gold_mod"] += sum(1 for x in g if x[4])
            c["pred_mod"] += sum(1 for x in p if x[4])
            c["mod"] += sum(1 for gi, pi in relaxed if g[gi][4] and g[gi][4] == p[pi][4])
    return {
        t: {k: _f1(c[k], c["pred"], c["gold"]) for k in ("strict", "relaxed", "value", "type")}
        | {"n": (c["gold"], c["pred"], 0), "mod": _f1(c["mod"], c["pred_mod"], c["gold_mod"])}
        for t, c in counts.items()
    }


def run(split: str, model: str, errors: bool) -> None:
    files = [r["file"] for r in csv.DictReader((DATA / "split.csv").open()) if split == "both" or r["split"] == split]
    nlp = spacy.load(model)
    docs, shown = [], []
    read_docs = [read(DATA / "Data" / f) for f in files]
    for (dct, text, gold), doc, name in zip(read_docs, nlp.pipe(t for _, t, _ in read_docs), files):
        pred = [(t.start, t.end, t.type, t.value, t.mod) for t in timex.extract(doc, dct)]
        docs.append((gold, pred))
        if errors:
            g_keys = {(s, e, ty, v) for s, e, ty, v, _ in gold}
            for s, e, ty, v, _ in gold:
                hit = [p for p in pred if p[0] < e and s < p[1]]
                if not hit or hit[0][3] != v or (hit[0][0], hit[0][1]) != (s, e):
                    got = [(text[p[0]:p[1]], p[2], p[3]) for p in hit]
                    shown.append(f"{name} GOLD [{text[s:e]}] {ty} {v}  GOT {got}  | {text[max(0, s - 50):s]!r}")
            for p in pred:
                if not any(p[0] < e and s < p[1] for s, e, _, _ in g_keys):
                    shown.append(f"{name} FALSE [{text[p[0]:p[1]]}] {p[2]} {p[3]} | {text[max(0, p[0] - 50):p[1] + 20]!r}")
    if errors:
        print("\n".join(shown))
    s = score(docs)
    print(f"French TimeBank 1.1, split={split}, {len(files)} documents, model={model}")
    print(f"{'type':9} {'gold':>5} {'pred':>5}  {'strict':>6} {'relaxed':>7} {'value':>6} {'type':>6}   (F1; P/R of relaxed)")
    for t, row in s.items():
        ng, np_, _ = row["n"]
        rp, rr, _ = row["relaxed"]
        print(f"{t:9} {ng:5d} {np_:5d}  {row['strict'][2]:6.3f} {row['relaxed'][2]:7.3f} {row['value'][2]:6.3f} "
              f"{row['type'][2]:6.3f}   P {rp:.3f} R {rr:.3f}")
    mp, mr, mf = s["ALL"]["mod"]
    print(f"mod (TimeML APPROX/START/END…, over expressions that carry one): P {mp:.3f} R {mr:.3f} F1 {mf:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--errors", action="store_true", help="list misses and false hits (dev only)")
    args = ap.parse_args()
    if args.errors and args.split != "dev":
        print("--errors is for the dev split only (no rule may come from test errors)", file=sys.stderr)
        return 2
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        run(split, args.model, args.errors)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
