"""Cost of chronique's own components alone, and a dump of their output to check a speed change.

    .venv/bin/python bench/components.py [--repeat 5] [--profile out.prof]
    .venv/bin/python bench/components.py --dump out.json   # full analysis of bench + gold texts

spaCy runs once over bench/speed.py's texts (our components switched off) and the Docs are
kept; then only our components (entities, timex, quotes, events, in pipeline order) run on
them, batch by batch as ``nlp.pipe`` runs them, round after round, and each one's best CPU time (``time.process_time``) is printed, so
the figure does not move with the model's cost or with other jobs' load as much as
bench/speed.py's wall time does. ``--profile`` writes a cProfile dump of one round.

``--dump`` writes the complete analysis (every mention, entity, quote, timex and event with
offsets and values) of the bench texts and of the gold sets' documents (tests/gold/*/,
examples/, the seeds), one JSON line per document: a change meant to save time only must
leave it byte for byte the same.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import cProfile  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import ROOT, SHARED, corpus  # noqa: E402

from chronique.model import Document  # noqa: E402
from chronique.nlp import components, doc_text  # noqa: E402
from chronique.nlp.pipeline import DEFAULT_BATCH_SIZE, _prepare, analyze_documents, load  # noqa: E402

PUBLISHED = "2025-05-19"  # as bench/speed.py


def bench_documents() -> list[Document]:
    return [Document(id=str(i), path=str(i), text=t, published=PUBLISHED) for i, t in enumerate(corpus())]


def gold_documents() -> list[Document]:
    from chronique.ingest import read_paths

    folders = sorted(p for p in (ROOT / "tests" / "gold").iterdir() if p.is_dir())
    folders += [ROOT / "examples", SHARED / "corpus" / "seeds"]
    out = []
    for folder in folders:
        meta = folder / "metadata.csv"
        for item in read_paths(folder, metadata=meta if meta.exists() else None):
            if isinstance(item, Document):
                out.append(item)
    return out


def dump(path: str) -> None:
    docs = bench_documents() + gold_documents()
    with open(path, "w", encoding="utf-8") as fh:
        for a in analyze_documents(docs):
            record = asdict(a)
            record["document"] = {"id": a.document.id, "path": a.document.path}
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(docs)} documents written to {path}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", help="write a cProfile dump of one round here")
    ap.add_argument("--sample", type=int, default=0, metavar="ROUNDS",
                    help="then sample the stack every CPU millisecond over this many rounds and print where time goes")
    ap.add_argument("--dump", help="write the full analysis of bench + gold documents here, and stop")
    args = ap.parse_args()
    if args.dump:
        dump(args.dump)
        return

    nlp = load()
    documents = bench_documents()
    with nlp.select_pipes(disable=components.ORDER):
        docs = list(nlp.pipe([_prepare(nlp, d) for d in documents], batch_size=DEFAULT_BATCH_SIZE))
    steps = [(name, nlp.get_pipe(name)) for name in components.ORDER]

    batches = [docs[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(docs), DEFAULT_BATCH_SIZE)]

    def one_round(times: dict[str, float]) -> None:
        """Component after component over each batch, as ``nlp.pipe`` runs them (so that what one
        component leaves in a cache for the next is found, or not, as in production)."""
        doc_text._TEXTS.clear()  # as in a fresh pipeline run: Doc.text not yet built
        for name, _ in steps:
            times[name] = 0.0
        for batch in batches:
            for name, comp in steps:
                c0 = time.process_time()
                for doc in batch:
                    comp(doc)
                times[name] += time.process_time() - c0

    best: dict[str, float] = {}
    totals = []
    for _ in range(args.repeat):
        times: dict[str, float] = {}
        one_round(times)
        totals.append(sum(times.values()))
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)
    print(f"{len(docs)} docs, best of {args.repeat} rounds (CPU s):")
    for name, _ in steps:
        print(f"  {name:22s} {best[name]:6.3f}")
    print(f"  {'sum of bests':22s} {sum(best.values()):6.3f}   best round {min(totals):6.3f}   "
          f"rounds {' '.join(f'{t:.3f}' for t in totals)}")
    if args.profile:
        pr = cProfile.Profile()
        pr.enable()
        one_round({})
        pr.disable()
        pr.dump_stats(args.profile)
        print(f"profile written to {args.profile}")
    if args.sample:
        sample(lambda: [one_round({}) for _ in range(args.sample)])


def sample(run, interval: float = 0.001, top: int = 40) -> None:
    """A statistical profile (CPU-time timer, stack read at each tick): unlike cProfile it adds almost
    nothing per call, so the share of many small functions is not inflated. Inclusive and own samples
    per function of ours or spaCy's."""
    import signal
    from collections import Counter

    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    ticks = [0]

    def name(f) -> str:
        code = f.f_code
        path = code.co_filename
        short = path.rsplit("/src/", 1)[-1] if "/src/" in path else path.rsplit("/", 1)[-1]
        return f"{short}:{code.co_firstlineno}({code.co_name})"

    def tick(_sig, frame) -> None:
        ticks[0] += 1
        seen = set()
        own[name(frame)] += 1
        while frame is not None:
            n = name(frame)
            if n not in seen:
                seen.add(n)
                inclusive[n] += 1
            frame = frame.f_back

    signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        run()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = ticks[0] or 1
    for title, counter in (("inclusive", inclusive), ("own", own)):
        print(f"-- {title} share of {total} samples")
        for n, c in counter.most_common(top):
            print(f"  {100 * c / total:5.1f} %  {n}")


if __name__ == "__main__":
    main()
