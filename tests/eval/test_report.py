"""The evaluation report: a readable table, a JSON twin, and the misses that explain a number."""

from __future__ import annotations

import json

import pytest

from chronique.eval.report import HEADLINES, EvalReport, format_report
from chronique.eval.scoring import Score


def _report(**overrides) -> EvalReport:
    scores = {key: Score(0.5, 1, 2) for key, _ in HEADLINES}
    scores["quotes"] = Score(0.8, extra={"precision": 1.0, "recall": 2 / 3})
    scores["stay_apart_merged"] = Score(1.0, 1, 4, misses=[{"pair": ["Odile Ferrand", "Paul Ferrand"], "why": "merged into one entity"}])
    scores.update(overrides)
    return EvalReport(gold="gold.json", model="fr_core_news_md", scores=scores, counts={"documents": 2})


def test_report_table_has_one_row_per_headline():
    table = format_report(_report())
    for _, label in HEADLINES:
        assert label.strip() in table
    assert "P 1.000  R 0.667" in table  # an F1 shows its precision and recall
    assert "1/2" in table


def test_report_lists_misses_under_their_metric():
    table = format_report(_report())
    assert "Stay-apart pairs merged (count) — 1 miss(es):" in table
    assert "Odile Ferrand / Paul Ferrand — merged into one entity" in table


@pytest.mark.parametrize("shown, total", [(3, 20), (15, 15)])
def test_report_caps_the_misses_it_prints(shown, total):
    misses = [{"doc": "a", "text": f"t{i}", "nth": 1, "expected": "2031", "predicted": None, "why": "not found"} for i in range(total)]
    table = format_report(_report(timex_value_accuracy=Score(0.0, 0, total, misses=misses)), max_misses=shown)
    assert table.count("'#1 — expected 2031") == shown
    assert ("more (see --json)" in table) == (total > shown)


def test_report_undefined_values_read_n_a():
    table = format_report(_report(speaker_accuracy=Score(None)))
    assert any(line.startswith("Speaker accuracy") and "n/a" in line for line in table.splitlines())


def test_report_json_twin_is_serialisable():
    data = json.loads(json.dumps(_report().to_dict()))
    assert data["metrics"]["quotes"] == 0.8
    assert data["details"]["quotes"]["precision"] == 1.0
    assert data["misses"]["stay_apart_merged"][0]["pair"] == ["Odile Ferrand", "Paul Ferrand"]
