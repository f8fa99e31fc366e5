"""evaluate(): a gold file scored against an analysis, with the gold's counts (no model needed)."""

from __future__ import annotations

import json

from chronique.eval import evaluate, format_report
from chronique.model import CorpusAnalysis, DocAnalysis, Document, Entity, Quote, Speaker, Story, Timex

TEXT = "« Le pont rouvrira en juin », a déclaré mardi la maire, Odile Ferrand. Paul Rivière a promis des travaux."


def _gold(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {
        "entities": [{"name": "Odile Ferrand", "type": "PER", "aliases": ["Ferrand"]}],
        "alias_pairs_that_must_merge": [["Odile Ferrand", "Ferrand"]],
        "names_that_must_stay_apart": [["Odile Ferrand", "Paul Rivière"]],
        "stories": [["a"]],
        "docs": {"a": {"published": "2031-03-12",
                       "quotes": [{"anchor": "Le pont rouvrira", "speaker": "Odile Ferrand"}],
                       "timex": [{"text": "mardi", "value": "2031-03-11"}, {"text": "juin", "value": "2031-06"}]}},
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _analysis(speaker: str, entity: str, june: str) -> CorpusAnalysis:
    doc = Document(id="d-a", path="a.txt", text=TEXT, published="2031-03-12")
    start = TEXT.index("Le pont")
    end = TEXT.index(" »")
    quote = Quote(start, end, TEXT[start:end], "direct", Speaker(speaker, entity=entity))
    timexes = [Timex(TEXT.index(w), TEXT.index(w) + len(w), w, "DATE", v) for w, v in (("mardi", "2031-03-11"), ("juin", june))]
    entities = [Entity(id="e-1", name="Odile Ferrand", type="PER", aliases=["Ferrand"]),
                Entity(id="e-2", name="Paul Rivière", type="PER")]
    return CorpusAnalysis(documents=[DocAnalysis(document=doc, quotes=[quote], timexes=timexes)], entities=entities,
                          stories=[Story(id="s-1", title="Pont", documents=["d-a"])])


def test_evaluate_scores_a_given_analysis(tmp_path):
    report = evaluate(_gold(tmp_path), analysis=_analysis("Ferrand", "e-1", "2031-06"))
    assert report.model is None  # nothing was analysed
    assert report.counts["quotes"] == 1 and report.counts["timexes"] == 2
    for key in ("quotes", "speaker_accuracy", "timex_value_accuracy", "alias_merge", "stories_bcubed_f1"):
        assert report.value(key) == 1.0, key
    assert report.value("stay_apart_merged") == 0


def test_evaluate_reports_what_went_wrong(tmp_path):
    report = evaluate(_gold(tmp_path), analysis=_analysis("Paul Rivière", "e-2", "2030-06"))
    assert report.value("speaker_accuracy") == 0.0
    assert report.value("timex_value_accuracy") == 0.5
    table = format_report(report)
    assert "expected Odile Ferrand, predicted Paul Rivière" in table
    assert "'juin'#1 — expected 2031-06, predicted 'juin'=2030-06 (wrong value)" in table
