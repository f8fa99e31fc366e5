"""Quality gates of issues 3 (French NLP core) and 4 (cross-document), measured by chronique.eval.

Each gold file is analysed once per module (the session's spaCy pipeline is shared) and
scored exactly as ``chronique eval tests/gold/<name>.json`` scores it. The seeds are the
articles the rules were developed on; the examples stand for articles never seen, held to
the lower bar the issues set for them. A failing gate prints the misses that caused it.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from chronique.eval import EvalReport, evaluate, format_report, load_gold
from chronique.eval.scoring import bcubed, doc_stem

# gold file -> bar for quote F1, speaker accuracy and timex value accuracy (issue 3, "Must show")
NLP_GATE = {"seeds": 0.95, "examples": 0.90}
# bar for alias merging, timeline recall and stories (issue 4: seeds exact, unseen articles held to 0.90)
LINK_GATE = {"seeds": 1.0, "examples": 0.90}
STORIES_GATE = {"seeds": 1.0, "examples": 0.92}  # seeds are one story; 0.92 is the news-clusters bar


class Scored(NamedTuple):
    name: str  # which gold: "seeds" or "examples"
    report: EvalReport


@pytest.fixture(scope="module", params=["seeds", "examples"])
def report(request, nlp, gold_dir):
    """The evaluation report of one bundled gold file (one analysis pass per file and module)."""
    if request.param == "seeds":
        request.getfixturevalue("seeds_dir")  # skips without shared/corpus/seeds
    return Scored(request.param, evaluate(gold_dir / f"{request.param}.json"))


def _explain(scored: Scored, key: str, max_misses: int = 12) -> str:
    rep = scored.report
    s = rep.scores[key]
    lines = [f"{scored.name}: {key} = {s.value} ({s.num}/{s.den}) {s.extra or ''}"]
    lines += [f"  {m}" for m in s.misses[:max_misses]]
    if len(s.misses) > max_misses:
        lines.append(f"  … {len(s.misses) - max_misses} more: run `chronique eval {rep.gold}`")
    return "\n".join(lines)


# Gates measured below their bar, kept visible instead of hidden: the test reports them as
# xfail with the measured figure, and fails as soon as the gate is met so that the entry is removed.
KNOWN_SHORTFALL: dict[tuple[str, str], str] = {}


def _at_least(scored: Scored, key: str, bar: float) -> None:
    value = scored.report.value(key)
    known = KNOWN_SHORTFALL.get((scored.name, key))
    if known is not None:
        assert value is None or value < bar, f"{scored.name}: {key} = {value} now meets {bar}: remove it from KNOWN_SHORTFALL"
        pytest.xfail(f"{known}; now {value}\n" + _explain(scored, key))
    assert value is not None and value >= bar, _explain(scored, key)


def test_quality_every_gold_document_is_analysed(report):
    _at_least(report, "documents", 1.0)


def test_quality_quote_f1(report):
    _at_least(report, "quotes", NLP_GATE[report.name])


def test_quality_speaker_accuracy(report):
    _at_least(report, "speaker_accuracy", NLP_GATE[report.name])


def test_quality_timex_value_accuracy(report):
    _at_least(report, "timex_value_accuracy", NLP_GATE[report.name])


def test_quality_alias_pairs_merge(report):
    _at_least(report, "alias_merge", LINK_GATE[report.name])


def test_quality_different_people_stay_apart(report):
    assert report.report.value("stay_apart_merged") == 0, _explain(report, "stay_apart_merged")


def test_quality_stories_bcubed(report):
    _at_least(report, "stories_bcubed_f1", STORIES_GATE[report.name])


def test_quality_timeline_recall(report):
    _at_least(report, "timeline_recall", LINK_GATE[report.name])


def test_quality_report_table_shows_every_headline(report):
    table = format_report(report.report)
    for label in ("Quotes F1", "Speaker accuracy", "Timex value accuracy", "Stories B-cubed F1", "Timeline recall"):
        assert label in table


@pytest.fixture(scope="module")
def mixed(nlp, gold_dir, seeds_dir, examples_dir):
    """Seeds and examples analysed as one corpus: (gold stories by stem, predicted stories by stem)."""
    from chronique.ingest import read_metadata
    from chronique.service import analyze_paths

    metadata = {**read_metadata(seeds_dir / "metadata.csv"), **read_metadata(examples_dir / "metadata.csv")}
    analysis = analyze_paths([seeds_dir, examples_dir], metadata=metadata).analysis
    gold = [story for name in ("seeds", "examples") for story in load_gold(gold_dir / f"{name}.json").stories]
    stem_of = {a.document.id: doc_stem(a.document.path) for a in analysis.documents}
    predicted = [[stem_of[d] for d in s.documents if d in stem_of] for s in analysis.stories]
    return gold, predicted


def test_quality_stories_come_apart_when_subjects_are_mixed(mixed):
    gold, predicted = mixed
    p, r, f = bcubed(gold, predicted)
    assert f >= STORIES_GATE["examples"], f"B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}; predicted stories: {predicted}"
