"""Stories: B-cubed precision/recall/F1 of chronique's story grouping on French news headlines.

    .venv/bin/python bench/clusters.py [--part dev|report|both] [--sweep] [--cache FILE]

Data: shared/benchmarks/news-clusters-fr/categories.csv (Google News clusters, June 2019),
``section<TAB>cluster<TAB>headline``. Gold: union-find over (section, cluster) groups and
identical headlines; one document per distinct headline. A gold story belongs to the dev part
when one of its headlines is in a dev section (france, international, economie), else to the
report part; each part is grouped on its own. Tuning uses dev only.

The product path is used: each headline becomes a title-only ``Document``, goes through
``chronique.nlp.pipeline.analyze_documents`` (spaCy + chronique's components) and then
into ``chronique.link.stories.StoryIndex`` in arrival order (no dates here: by id).
The baseline is TF-IDF (folded words) + cosine + average-linkage agglomerative clustering,
its cut tuned on dev.
"""

from __future__ import annotations

import argparse
import pickle
import platform
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from chronique.ids import document_id
from chronique.link.stories import StoryIndex, StoryParams, arrival_order
from chronique.link.story_features import fold, stop_words
from chronique.model import DocAnalysis, Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "news-clusters-fr" / "categories.csv"
DEV_SECTIONS = {"france", "international", "economie"}


def load_gold(path: Path = DATA) -> dict[str, list[list[str]]]:
    """{"dev": [[headline, ...], ...], "report": [...]}: gold stories of each part."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sections: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        section, cluster, headline = line.split("\t", 2)
        headline = headline.strip()
        sections[headline].add(section)
        parent[find(("h", headline))] = find(("c", section, cluster))
    groups: dict[object, list[str]] = defaultdict(list)
    for h in sections:
        groups[find(("h", h))].append(h)
    parts: dict[str, list[list[str]]] = {"dev": [], "report": []}
    for members in groups.values():
        dev = any(sections[h] & DEV_SECTIONS for h in members)
        parts["dev" if dev else "report"].append(sorted(members))
    return parts


def documents(headlines: list[str]) -> list[Document]:
    return [
        Document(id=document_id(h), path=f"headline:{i}", text=h, title=h, language="fr", format="txt")
        for i, h in enumerate(headlines)
    ]


def analyse(docs: list[Document], cache: Path | None) -> list[DocAnalysis]:
    from chronique.nlp.pipeline import analyze_documents

    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if [a.document.id for a in stored] == [d.id for d in docs]:
            return stored
    out = list(analyze_documents(docs))
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def bcubed(predicted: list[list[str]], gold: list[list[str]]) -> tuple[float, float, float]:
    pred_of = {d: i for i, c in enumerate(predicted) for d in c}
    gold_of = {d: i for i, c in enumerate(gold) for d in c}
    size_p = Counter(pred_of.values())
    size_g = Counter(gold_of.values())
    both = Counter((pred_of[d], gold_of[d]) for d in gold_of)
    p = sum(both[pred_of[d], gold_of[d]] / size_p[pred_of[d]] for d in gold_of) / len(gold_of)
    r = sum(both[pred_of[d], gold_of[d]] / size_g[gold_of[d]] for d in gold_of) / len(gold_of)
    return p, r, 2 * p * r / (p + r)


def chronique_stories(analyses: list[DocAnalysis], params: StoryParams) -> list[list[str]]:
    index = StoryIndex(params)
    for a in arrival_order(analyses):
        index.add(a)
    return [s.documents for s in index.stories()]


def baseline_stories(docs: list[Document], cut: float) -> list[list[str]]:
    """TF-IDF over folded words, cosine distance, average linkage cut at ``cut``."""
    stops = stop_words()
    toks = [[w for w in fold(d.text).replace("'", " ").split() if w.isalnum() and w not in stops] for d in docs]
    vocab = {w: i for i, w in enumerate(sorted({w for t in toks for w in t}))}
    df = Counter(w for t in toks for w in set(t))
    n = len(docs)
    x = np.zeros((n, len(vocab)))
    for i, t in enumerate(toks):
        for w, c in Counter(t).items():
            x[i, vocab[w]] = c * (np.log((1 + n) / (1 + df[w])) + 1)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms == 0, 1, norms)
    dist = np.clip(pdist(x, "cosine"), 0, 2)
    dist = np.nan_to_num(dist, nan=1.0)
    labels = fcluster(linkage(dist, "average"), t=cut, criterion="distance")
    groups: dict[int, list[str]] = defaultdict(list)
    for d, label in zip(docs, labels):
        groups[label].append(d.id)
    return list(groups.values())


def cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "report", "both"], default="both")
    ap.add_argument("--sweep", action="store_true", help="threshold sweep (dev only)")
    ap.add_argument("--cache", type=Path, help="pickle of the analyses, to iterate without spaCy")
    ap.add_argument("--baseline-cut", type=float, default=None, help="default: best on dev")
    args = ap.parse_args()

    gold = load_gold()
    parts = ["dev", "report"] if args.part == "both" else [args.part]
    if args.sweep:
        parts = ["dev"]
    print(f"machine: {platform.node()} nproc={__import__('os').cpu_count()} cpu={cpu_name()}")
    cuts = [round(0.5 + 0.025 * i, 3) for i in range(19)]
    best_cut = args.baseline_cut
    if best_cut is None:
        dev_docs = documents([h for c in gold["dev"] for h in c])
        dev_gold = [[document_id(h) for h in c] for c in gold["dev"]]
        best_cut = max(cuts, key=lambda c: bcubed(baseline_stories(dev_docs, c), dev_gold)[2])
    for part in parts:
        stories = gold[part]
        headlines = [h for c in stories for h in c]
        docs = documents(headlines)
        gold_ids = [[document_id(h) for h in c] for c in stories]
        cache = args.cache.with_suffix(f".{part}.pkl") if args.cache else None
        t0 = time.perf_counter()
        analyses = analyse(docs, cache)
        t1 = time.perf_counter()
        print(f"[{part}] {len(docs)} headlines, {len(stories)} gold stories; analysis {t1 - t0:.1f}s")
        if args.sweep:
            base = StoryParams()
            for th in [0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.32, 0.35]:
                p, r, f = bcubed(chronique_stories(analyses, replace(base, threshold=th)), gold_ids)
                print(f"  threshold {th:.2f}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
            continue
        t1 = time.perf_counter()
        found = chronique_stories(analyses, StoryParams())
        t2 = time.perf_counter()
        p, r, f = bcubed(found, gold_ids)
        print(f"  chronique StoryIndex: P {p:.4f} R {r:.4f} F1 {f:.4f}  ({len(found)} stories, {t2 - t1:.2f}s)")
        p, r, f = bcubed(baseline_stories(docs, best_cut), gold_ids)
        print(f"  baseline TF-IDF average-linkage (cut {best_cut}): P {p:.4f} R {r:.4f} F1 {f:.4f}")


if __name__ == "__main__":
    main()
