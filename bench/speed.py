"""Speed: chronique's whole per-article analysis against bare spaCy, side by side in one run.

    .venv/bin/python bench/speed.py [--model fr_core_news_md] [--repeat 3] [--batch-size N]
    .venv/bin/python bench/speed.py --batches 16,32,64,128,256   # bare spaCy per batch size

Texts: the seed articles, the bundled examples and the French TimeBank texts (plain text of
<TEXT>), so the figure covers news of several kinds. Every variant runs ``nlp.pipe`` over the
same texts with the same batch size (production's unless told), in one process with every BLAS
pool held to one thread, so figures are per core. Variants run in turn, round after round, and
the best round of each is kept, so that machine noise hits all alike; the first round (empty
lemmatizer cache, as in a fresh process) is reported too. Variants:

* bare spaCy as shipped (thinc's BLIS, the lemmatizer's list tables);
* bare spaCy with chronique's model settings (:mod:`chronique.nlp.model_speed`: numpy's BLAS,
  lemma tables as sets; same annotations);
* chronique's whole analysis (the settings above, plus entities, timex, quotes, events).

No spaCy component is excluded: chronique reads lemmas, morphology, POS, dependencies, sentences
and entities, so the two comparisons are against the full model. Throughput is given in words
split on spaces (the figure we hold ourselves to) and in spaCy tokens (the unit of spaCy's own
speed tables), from wall-clock time and from the process's CPU time (steadier when other jobs
share the machine).
"""

from __future__ import annotations

import os

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
for _var in _THREAD_VARS:  # before numpy/thinc load their BLAS: one core
    os.environ[_var] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from chronique.model import Document  # noqa: E402
from chronique.nlp.model_speed import index_lemma_sets, use_numpy_gemm  # noqa: E402
from chronique.nlp.pipeline import DEFAULT_BATCH_SIZE, analyze_documents, load  # noqa: E402

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


def _timed(run) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - w0, time.process_time() - c0


def _rounds(variants: dict, repeat: int) -> dict[str, dict[str, float]]:
    """Each variant once per round, in turn; first round and best round kept (wall and CPU)."""
    out: dict[str, dict[str, float]] = {}
    for r in range(repeat):
        for name, run in variants.items():
            wall, cpu = _timed(run)
            o = out.setdefault(name, {"first_wall": wall, "first_cpu": cpu, "wall": wall, "cpu": cpu})
            o["wall"], o["cpu"] = min(o["wall"], wall), min(o["cpu"], cpu)
    return out


def _bare(model: str, settings: bool):
    nlp = spacy.load(model)
    if settings:
        index_lemma_sets(nlp)
        use_numpy_gemm(nlp)
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    ap.add_argument("--batches", help="comma-separated batch sizes: bare spaCy (both settings) at each, nothing else")
    args = ap.parse_args()

    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    shipped, tuned = _bare(args.model, False), _bare(args.model, True)
    tokens = sum(len(shipped.make_doc(t)) for t in texts)
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
          f"model {args.model}")
    print(f"threads: 1 ({', '.join(_THREAD_VARS[:4])} = 1), one process; excluded components: none "
          f"(pipeline: {', '.join(shipped.pipe_names)})")
    print(f"texts: {len(texts)}, words (split on spaces): {words}, spaCy tokens: {tokens}; best of {args.repeat} rounds")

    def line(label: str, t: dict[str, float]) -> str:
        return (f"{label:34s} wall {t['wall']:6.2f} s {words / t['wall']:6.0f} w/s {tokens / t['wall']:6.0f} tok/s | "
                f"CPU {t['cpu']:6.2f} s {words / t['cpu']:6.0f} w/s | first round wall {t['first_wall']:6.2f} s")

    if args.batches:
        sizes = [int(b) for b in args.batches.split(",")]
        variants = {}
        for b in sizes:
            variants[f"bare, as shipped, batch {b}"] = lambda b=b: _drain(shipped.pipe(texts, batch_size=b))
            variants[f"bare, chronique settings, batch {b}"] = lambda b=b: _drain(tuned.pipe(texts, batch_size=b))
        for name, t in _rounds(variants, args.repeat).items():
            print(line(name, t))
        return

    load(args.model)  # load the full pipeline once, outside the timings
    docs = [Document(id=str(i), path=str(i), text=t, published="2025-05-19") for i, t in enumerate(texts)]
    b = args.batch_size
    print(f"batch size: {b} (production default {DEFAULT_BATCH_SIZE})")
    res = _rounds({
        "bare nlp.pipe, as shipped": lambda: _drain(shipped.pipe(texts, batch_size=b)),
        "bare nlp.pipe, chronique settings": lambda: _drain(tuned.pipe(texts, batch_size=b)),
        "chronique analysis": lambda: _drain(analyze_documents(docs, model=args.model, batch_size=b)),
    }, args.repeat)
    for name, t in res.items():
        print(line(name, t))
    ours, shipped_t, tuned_t = res["chronique analysis"], res["bare nlp.pipe, as shipped"], res["bare nlp.pipe, chronique settings"]
    for label, base in (("as shipped", shipped_t), ("same settings", tuned_t)):
        print(f"ratio chronique / bare {label:14s}: wall {ours['wall'] / base['wall']:5.3f}  CPU {ours['cpu'] / base['cpu']:5.3f}"
              f"  first round {ours['first_wall'] / base['first_wall']:5.3f}  (target <= 1.25)")


def _drain(it) -> None:
    for _ in it:
        pass


if __name__ == "__main__":
    main()
