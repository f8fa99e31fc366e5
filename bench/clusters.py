"""Stories: B-cubed precision/recall/F1 of chronique's story grouping on French news headlines.

    .venv/bin/python bench/clusters.py [--part dev|report|both] [--sweep] [--cache FILE]

Data: shared/benchmarks/news-clusters-fr/categories.csv (Google News clusters, June 2019),
``section<TAB>cluster<TAB>headline``; one document per distinct headline. Two readings:

- per section (as Google News built them): a section's headlines grouped on their own, gold =
  its clusters joined where a headline repeats;
- per part: every headline of the dev sections (france, international, economie) grouped
  together, and those of the other sections (the report part), gold = (section, cluster)
  groups joined through identical headlines.

Tuning uses the dev sections only; the other sections are read for the report.

The product path is used: each headline becomes a title-only ``Document``, goes through
``chronique.nlp.pipeline.analyze_documents`` (spaCy + chronique's components) and then
``chronique.link.stories.group_stories`` (a ``StoryIndex`` fed in arrival order; no dates
here, so by id): one batch, grouped by average linkage over blocked pairs. The "stream"
column places the same headlines one at a time (``StoryIndex.add``), as a live feed would. Headlines come without accents; chronique folds accents on every feature.
The baseline is TF-IDF (folded words, punctuation split off) + cosine + average-linkage
agglomerative clustering over all pairs, its cut tuned on the dev sections.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import platform
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from chronique.ids import document_id
from chronique.link.stories import StoryIndex, StoryParams, arrival_order, group_stories
from chronique.link.story_features import fold, stop_words
from chronique.model import DocAnalysis, Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "news-clusters-fr" / "categories.csv"
DEV_SECTIONS = {"france", "international", "economie"}
_WORDS = re.compile(r"[^\W_]+")  # words without the punctuation glued to them (« Canicule: »)


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


def section_gold(path: Path = DATA) -> dict[str, list[list[str]]]:
    """{section: gold stories}: each section's clusters, joined where a headline repeats in it."""
    clusters: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            section, cluster, headline = line.split("\t", 2)
            clusters[section][cluster].append(headline.strip())
    out = {}
    for section, groups in clusters.items():
        parent: dict[object, object] = {}

        def find(x: object) -> object:
            parent.setdefault(x, x)
            while parent[x] != x:
                x = parent[x]
            return x

        for c, hs in groups.items():
            for h in hs:
                parent[find(("h", h))] = find(("c", c))
        joined: dict[object, set[str]] = defaultdict(set)
        for hs in groups.values():
            for h in hs:
                joined[find(("h", h))].add(h)
        out[section] = [sorted(g) for g in joined.values()]
    return out


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
    return [s.documents for s in group_stories(analyses, params)]


def streamed_stories(analyses: list[DocAnalysis], params: StoryParams) -> list[list[str]]:
    """One article at a time (``StoryIndex.add``), as a live feed would place them."""
    index = StoryIndex(params)
    for a in arrival_order(analyses):
        index.add(a)
    return [s.documents for s in index.stories()]


def baseline_stories(docs: list[Document], cut: float) -> list[list[str]]:
    """TF-IDF over folded words, cosine distance, average linkage cut at ``cut``."""
    stops = stop_words()
    toks = [[w for w in _WORDS.findall(fold(d.text)) if w not in stops] for d in docs]
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


def score(found: list[list[str]], stories: list[list[str]]) -> tuple[float, float, float]:
    return bcubed(found, [[document_id(h) for h in c] for c in stories])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "report", "both"], default="both")
    ap.add_argument("--sweep", action="store_true", help="threshold sweep (dev sections only)")
    ap.add_argument("--cache", type=Path, help="pickle of the analyses, to iterate without spaCy")
    ap.add_argument("--baseline-cut", type=float, default=None, help="default: best on the dev sections")
    args = ap.parse_args()

    by_part = load_gold()
    by_section = section_gold()
    parts = ["dev", "report"] if args.part == "both" else [args.part]
    if args.sweep:
        parts = ["dev"]
    print(f"machine: {platform.node()} nproc={os.cpu_count()} cpu={cpu_name()}")
    headlines = sorted({h for stories in by_section.values() for c in stories for h in c})
    t0 = time.perf_counter()
    analysed = {a.document.text: a for a in analyse(documents(headlines), args.cache)}
    print(f"{len(headlines)} distinct headlines analysed in {time.perf_counter() - t0:.1f}s")
    dev_sections = sorted(DEV_SECTIONS)
    report_sections = sorted(set(by_section) - DEV_SECTIONS)

    def sections_of(part: str) -> list[str]:
        return dev_sections if part == "dev" else report_sections

    def run(stories: list[list[str]], params: StoryParams) -> tuple[tuple[float, float, float], float]:
        t = time.perf_counter()
        found = chronique_stories([analysed[h] for c in stories for h in c], params)
        return score(found, stories), time.perf_counter() - t

    if args.sweep:
        for th in [0.1, 0.12, 0.14, 0.16, 0.17, 0.18, 0.19, 0.2, 0.22, 0.25]:
            params = replace(StoryParams(), threshold=th)
            f1 = [run(by_section[s], params)[0][2] for s in dev_sections]
            pooled = run(by_part["dev"], params)[0][2]
            print(f"  threshold {th:.2f}: sections {' '.join(f'{f:.4f}' for f in f1)} mean {np.mean(f1):.4f} pooled {pooled:.4f}")
        return

    cut = args.baseline_cut
    if cut is None:
        cuts = [round(0.5 + 0.025 * i, 3) for i in range(19)]

        def dev_f1(c: float) -> float:
            return float(np.mean([score(baseline_stories(documents([h for g in by_section[s] for h in g]), c), by_section[s])[2] for s in dev_sections]))

        cut = max(cuts, key=dev_f1)
    params = StoryParams()
    print(f"chronique StoryIndex {params.to_dict()}\nbaseline TF-IDF average-linkage, cut {cut} (best on dev sections)")
    print(f"{'':16} {'docs':>5} {'gold':>5} {'found':>5} | {'chronique P':>11} {'R':>6} {'F1':>6} {'time':>6} | {'stream F1':>9} | {'baseline P':>10} {'R':>6} {'F1':>6}")
    for part in parts:
        rows = [(s, by_section[s]) for s in sections_of(part)] + [(f"[{part} pooled]", by_part[part])]
        f1s = []
        for name, stories in rows:
            hs = [h for c in stories for h in c]
            t = time.perf_counter()
            found = chronique_stories([analysed[h] for h in hs], params)
            elapsed = time.perf_counter() - t
            p, r, f = score(found, stories)
            sf = score(streamed_stories([analysed[h] for h in hs], params), stories)[2]
            bp, br, bf = score(baseline_stories(documents(hs), cut), stories)
            if not name.startswith("["):
                f1s.append((f, bf, sf))
            print(f"{name:16} {len(hs):5} {len(stories):5} {len(found):5} | {p:11.4f} {r:6.4f} {f:6.4f} {elapsed:5.2f}s | {sf:9.4f} | {bp:10.4f} {br:6.4f} {bf:6.4f}")
        print(f"{'[' + part + ' mean]':16} {'':5} {'':5} {'':5} | {'':11} {'':6} {np.mean([x[0] for x in f1s]):6.4f} {'':6} | {np.mean([x[2] for x in f1s]):9.4f} | {'':10} {'':6} {np.mean([x[1] for x in f1s]):6.4f}")


if __name__ == "__main__":
    main()
