"""Speed: chronique's whole per-article analysis against bare spaCy, side by side in one run.

    .venv/bin/python bench/speed.py [--model fr_core_news_md] [--repeat 3]

Texts: the seed articles, the bundled examples and the French TimeBank texts (plain text of
<TEXT>), so the figure covers news of several kinds. Both sides run ``nlp.pipe`` over the same
texts with the same batch size, single process; the best of ``--repeat`` runs is kept for each,
alternating the two so that machine noise hits both alike. Throughput is given in words split on
spaces (the figure we hold ourselves to) and in spaCy tokens (punctuation and elided articles
count: the unit of spaCy's own speed tables).
"""

from __future__ import annotations

import argparse
import platform
import re
import time
from pathlib import Path

import spacy

from chronique.model import Document
from chronique.nlp.pipeline import analyze_documents, load

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for tml in sorted((SHARED / "benchmarks" / "fr-timebank" / "Data").glob("*.tml")):
        raw = tml.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if m:
            texts.append(re.sub(r"<[^>]+>", "", m.group(1)))
    return texts


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(args.model)
    load(args.model)  # warm the full pipeline once, outside the timings
    docs = [Document(id=str(i), path=str(i), text=t, published="2025-05-19") for i, t in enumerate(texts)]

    bare_times, full_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _a in analyze_documents(docs, model=args.model, batch_size=args.batch_size):
            pass
        full_times.append(time.perf_counter() - t0)

    b, f = min(bare_times), min(full_times)
    tokens = sum(len(d) for d in bare.pipe(texts, batch_size=args.batch_size))
    print(f"machine: {cpu_name()}, {platform.python_version()}, spaCy {spacy.__version__}, model {args.model}")
    print(f"texts: {len(texts)}, words (split on spaces): {words}, spaCy tokens: {tokens}, batch {args.batch_size}")
    print(f"bare nlp.pipe:      {b:7.2f} s  {words / b:8.0f} words/s  {tokens / b:8.0f} tokens/s")
    print(f"chronique analysis: {f:7.2f} s  {words / f:8.0f} words/s  {tokens / f:8.0f} tokens/s")
    print(f"ratio full/bare:    {f / b:7.3f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
