"""Score chronique against hand annotations (``chronique eval GOLD.json``).

    report = evaluate("tests/gold/seeds.json")      # analyses the gold's articles
    print(format_report(report)); report.to_dict()   # table, or JSON for --json

Pass ``analysis=`` to score an analysis you already have. The gold format is
``shared/spec/gold-format.md``; :mod:`chronique.eval.gold` checks it and
:mod:`chronique.eval.scoring` holds the rules.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from chronique.eval.gold import Gold, load_gold
from chronique.eval.report import EvalReport, format_report
from chronique.eval.scoring import score_all
from chronique.model import CorpusAnalysis

__all__ = ["evaluate", "format_report", "load_gold", "analyse_gold", "EvalReport", "Gold"]

DEFAULT_MODEL = "fr_core_news_md"


def gold_counts(gold: Gold) -> dict[str, int]:
    docs = gold.docs.values()
    return {
        "documents": len(gold.docs),
        "quotes": sum(len(d.quotes) for d in docs),
        "optional_quotes": sum(len(d.optional_quotes) for d in docs),
        "indirect_quotes": sum(len(d.indirect_quotes) for d in docs),
        "timexes": sum(len(d.timex) for d in docs),
        "entities": len(gold.entities),
        "must_merge": len(gold.must_merge),
        "stay_apart": len(gold.stay_apart),
        "stories": len(gold.stories),
        "timeline": len(gold.timeline),
    }


def analyse_gold(gold: Gold, model: str = DEFAULT_MODEL) -> CorpusAnalysis:
    """Analyse the gold's articles as one corpus, with the gold's publication dates.

    The articles' own ``metadata.csv`` is used when it exists (titles, sources);
    otherwise a temporary one carries the dates written in the gold.
    """
    from chronique.service import analyze_paths

    paths = gold.article_paths()
    metadata = gold.articles / "metadata.csv"
    if metadata.is_file():
        return analyze_paths(paths, metadata=metadata, model=model).analysis
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.csv"
        with metadata.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["file", "published"])
            for p in paths:
                doc = gold.docs.get(p.stem)
                w.writerow([p.name, doc.published if doc and doc.published else ""])
        return analyze_paths(paths, metadata=metadata, model=model).analysis


def evaluate(gold_path: str | Path, model: str = DEFAULT_MODEL, analysis: CorpusAnalysis | None = None) -> EvalReport:
    """Score ``analysis`` (by default: a fresh analysis of the gold's articles) against the gold file."""
    gold = load_gold(gold_path)
    used_model = model if analysis is None else None
    if analysis is None:
        analysis = analyse_gold(gold, model=model)
    return EvalReport(gold=str(gold_path), model=used_model, scores=score_all(gold, analysis), counts=gold_counts(gold))
