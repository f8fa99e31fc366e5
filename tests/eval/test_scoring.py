"""The scoring rules of the gold spec, on small synthetic corpora that can fail."""

from __future__ import annotations

import json

import pytest

from chronique.eval.gold import load_gold
from chronique.eval.scoring import (
    bcubed,
    coverage,
    doc_stem,
    normalise,
    score_aliases,
    score_quotes,
    score_stories,
    score_timeline,
    score_timexes,
    timeline_value,
)
from chronique.model import CorpusAnalysis, DocAnalysis, Document, Entity, Quote, Speaker, Story, Timex, TimelineItem

TEXT = (
    "Mardi, la maire Odile Ferrand a déclaré : « Le barrage ne sera pas vendu. » "
    "Elle a parlé d'une « trahison » et a ajouté que le conseil voterait. "
    "« Nous attendons la décision de lundi », a indiqué Paul Rivière. Lundi soir, rien."
)


def _gold(tmp_path, doc=None, **top):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {
        "entities": [
            {"name": "Odile Ferrand", "type": "PER", "aliases": ["Ferrand", "Mme Ferrand"]},
            {"name": "Paul Rivière", "type": "PER", "aliases": ["Rivière"]},
        ],
        "docs": {"a": {"published": "2031-03-12", **(doc or {})}},
        **top,
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_gold(path)


def _span(needle: str, nth: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = TEXT.index(needle, i + 1)
    return i, i + len(needle)


def _quote(start: int, end: int, speaker: str | None = None, kind: str = "direct", entity: str | None = None) -> Quote:
    return Quote(start, end, TEXT[start:end], kind, Speaker(speaker, entity=entity) if speaker else None)


def _corpus(quotes=(), timexes=(), entities=(), stories=(), timeline=(), path="corpus/a.txt") -> CorpusAnalysis:
    doc = Document(id="d-a", path=path, text=TEXT, published="2031-03-12")
    return CorpusAnalysis(
        documents=[DocAnalysis(document=doc, quotes=list(quotes), timexes=list(timexes))],
        entities=list(entities),
        stories=list(stories),
        timeline=list(timeline),
    )


BARRAGE = "Le barrage ne sera pas vendu"  # 28 characters


@pytest.mark.parametrize(
    "covered, matches",
    [(len(BARRAGE), True), (len(BARRAGE) // 2, True), (len(BARRAGE) // 2 - 1, False), (0, False)],
)
def test_scoring_quote_matches_at_half_the_anchor(tmp_path, covered, matches):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    start, end = _span(BARRAGE)
    predicted = [_quote(end - covered, end + 2, "Odile Ferrand")] if covered else []
    scores = score_quotes(gold, _corpus(predicted))
    assert scores["quote_recall"].value == (1.0 if matches else 0.0)
    if covered:
        assert scores["quote_precision"].value == (1.0 if matches else 0.0)


def test_scoring_quote_indirect_predictions_do_not_match_direct_gold(tmp_path):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    scores = score_quotes(gold, _corpus([_quote(*_span(BARRAGE), "Odile Ferrand", kind="indirect")]))
    assert scores["quote_recall"].value == 0.0
    assert scores["quote_precision"].value is None


@pytest.mark.parametrize("predict_optional", [True, False])
def test_scoring_optional_quotes_never_count_against(tmp_path, predict_optional):
    gold = _gold(
        tmp_path,
        {
            "quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}],
            "optional_quotes": [{"anchor": "trahison", "speaker": "Odile Ferrand"}],
        },
    )
    predicted = [_quote(*_span(BARRAGE), "Odile Ferrand")]
    if predict_optional:
        predicted.append(_quote(*_span("trahison"), None))
    scores = score_quotes(gold, _corpus(predicted))
    assert scores["quote_precision"].value == 1.0
    assert scores["quote_recall"].value == 1.0
    assert scores["quotes"].value == 1.0


def test_scoring_quote_false_positive_lowers_precision(tmp_path):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    predicted = [_quote(*_span(BARRAGE), "Odile Ferrand"), _quote(*_span("rien"), None)]
    scores = score_quotes(gold, _corpus(predicted))
    assert scores["quote_precision"].value == 0.5
    assert scores["quotes"].value == pytest.approx(2 / 3)
    assert any(m.get("why") == "no gold quote here" for m in scores["quotes"].misses)


@pytest.mark.parametrize(
    "predicted, correct",
    [
        ("Odile Ferrand", True),
        ("odile ferrand", True),
        ("ODILE  FERRAND", True),
        ("Ferrand", True),
        ("Mme Ferrand", True),
        ("Odile Férrand", True),  # accents do not matter
        ("Paul Rivière", False),
        ("Odile", False),
        (None, False),
    ],
)
def test_scoring_speaker_accepts_any_gold_alias(tmp_path, predicted, correct):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    scores = score_quotes(gold, _corpus([_quote(*_span(BARRAGE), predicted)]))
    assert scores["speaker_accuracy"].value == (1.0 if correct else 0.0)
    assert len(scores["speaker_accuracy"].misses) == (0 if correct else 1)


def test_scoring_speaker_read_from_the_linked_entity(tmp_path):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    entity = Entity(id="e-1", name="Odile Ferrand", type="PER", aliases=["la maire"])
    scores = score_quotes(gold, _corpus([_quote(*_span(BARRAGE), "la maire", entity="e-1")], entities=[entity]))
    assert scores["speaker_accuracy"].value == 1.0


def test_scoring_speaker_of_nested_quote_comes_from_the_innermost_prediction(tmp_path):
    gold = _gold(
        tmp_path,
        {
            "quotes": [
                {"anchor": "Mardi, la maire", "speaker": "Paul Rivière"},
                {"anchor": BARRAGE, "speaker": "Odile Ferrand"},
            ]
        },
    )
    outer = _quote(0, _span("vendu")[1], "Paul Rivière")
    inner = _quote(*_span(BARRAGE), "Odile Ferrand")
    assert score_quotes(gold, _corpus([outer, inner]))["speaker_accuracy"].value == 1.0
    assert score_quotes(gold, _corpus([outer]))["speaker_accuracy"].value == 0.5


def test_scoring_indirect_recall_counts_any_kind(tmp_path):
    anchor = "le conseil voterait"
    gold = _gold(tmp_path, {"indirect_quotes": [{"anchor": anchor, "speaker": "Odile Ferrand"}]})
    hit = score_quotes(gold, _corpus([_quote(*_span(anchor), "Ferrand", kind="indirect")]))
    assert hit["indirect_recall"].value == 1.0
    assert hit["indirect_speaker_accuracy"].value == 1.0
    assert score_quotes(gold, _corpus([]))["indirect_recall"].value == 0.0


@pytest.mark.parametrize(
    "span_text, nth, value, correct",
    [
        ("Mardi", 1, "2031-03-11", True),
        ("Mardi", 1, "2031-03-18", False),
        ("lundi", 1, "2031-03-10", True),
        ("lundi", 1, "2031-03-17", True),  # an accepted alternative
        ("Lundi soir", 1, "2031-03-10TEV", False),  # the gold is the other occurrence
    ],
)
def test_scoring_timex_value_with_accept(tmp_path, span_text, nth, value, correct):
    gold = _gold(tmp_path, {"timex": [
        {"text": "Mardi", "nth": 1, "value": "2031-03-11"},
        {"text": "lundi", "nth": 1, "value": "2031-03-10", "accept": ["2031-03-17"]},
    ]})  # fmt: skip
    start, end = _span(span_text, nth)
    score = score_timexes(gold, _corpus(timexes=[Timex(start, end, TEXT[start:end], "DATE", value)]))
    assert score.num == (1 if correct else 0)
    assert score.den == 2


def test_scoring_timex_nth_occurrence_is_case_sensitive(tmp_path):
    gold = _gold(tmp_path, {"timex": [{"text": "Lundi soir", "nth": 1, "value": "2031-03-10TEV"}]})
    start, end = _span("Lundi soir")
    ok = score_timexes(gold, _corpus(timexes=[Timex(start, end, "Lundi soir", "TIME", "2031-03-10TEV")]))
    other = _span("lundi")
    wrong = score_timexes(gold, _corpus(timexes=[Timex(*other, "lundi", "DATE", "2031-03-10TEV")]))
    assert (ok.value, wrong.value) == (1.0, 0.0)


def test_scoring_timex_wider_prediction_still_covers(tmp_path):
    gold = _gold(tmp_path, {"timex": [{"text": "Lundi", "nth": 1, "value": "2031-03-10"}]})
    start, end = _span("Lundi soir")
    score = score_timexes(gold, _corpus(timexes=[Timex(start, end, "Lundi soir", "TIME", "2031-03-10")]))
    assert score.value == 1.0


@pytest.mark.parametrize(
    "gold_stories, predicted, expected",
    [
        ([["a", "b", "c", "d"]], [["a", "b", "c", "d"]], (1.0, 1.0)),
        ([["a", "b", "c", "d"]], [["a"], ["b"], ["c"], ["d"]], (1.0, 0.25)),
        ([["a"], ["b"], ["c"], ["d"]], [["a", "b", "c", "d"]], (0.25, 1.0)),
        ([["a", "b"], ["c", "d"]], [["a", "b", "c"], ["d"]], ((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4)),
        ([["a", "b"], ["c"]], [["a", "x", "b"]], (1.0, 1.0)),  # unknown items are ignored, missing ones are singletons
    ],
)
def test_scoring_bcubed_on_known_partitions(gold_stories, predicted, expected):
    p, r, f = bcubed(gold_stories, predicted)
    assert (p, r) == pytest.approx(expected)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_scoring_stories_maps_document_ids_to_stems(tmp_path):
    gold = _gold(tmp_path, stories=[["a"]])
    score = score_stories(gold, _corpus(stories=[Story(id="s-1", title="t", documents=["d-a"])]))
    assert score.value == 1.0


def _entities(*groups: tuple[str, ...]) -> list[Entity]:
    return [Entity(id=f"e-{i}", name=g[0], type="PER", aliases=list(g)) for i, g in enumerate(groups)]


@pytest.mark.parametrize(
    "groups, merged, wrongly_merged",
    [
        ((("Odile Ferrand", "Ferrand", "O. Ferrand"), ("Paul Rivière",)), 1.0, 0),
        ((("Odile Ferrand", "Ferrand"), ("O. Ferrand",), ("Paul Rivière",)), 0.0, 0),
        ((("Odile Ferrand", "O. Ferrand", "Paul Rivière"),), 1.0, 1),
        ((("Paul Rivière",),), 0.0, 0),  # a name nobody found is not merged
    ],
)
def test_scoring_aliases_merge_and_stay_apart(tmp_path, groups, merged, wrongly_merged):
    gold = _gold(
        tmp_path,
        alias_pairs_that_must_merge=[["Odile Ferrand", "O. Ferrand"]],
        names_that_must_stay_apart=[["Odile Ferrand", "Paul Rivière"]],
    )
    merge, apart = score_aliases(gold, _corpus(entities=_entities(*groups)))
    assert merge.value == merged
    assert apart.value == wrongly_merged


def test_scoring_aliases_fall_back_to_normalised_names(tmp_path):
    gold = _gold(tmp_path, alias_pairs_that_must_merge=[["Odile Ferrand", "ODILE FERRAND"]])
    merge, _ = score_aliases(gold, _corpus(entities=_entities(("Odile Ferrand",))))
    assert merge.value == 1.0


@pytest.mark.parametrize(
    "date, precision, participants, found",
    [
        ("2031-W11", "week", ["e-0", "e-1"], True),
        ("2031-03-10", "week", ["e-0", "e-1"], True),  # a week given by its first day
        ("2031-03-12", "day", ["e-0", "e-1"], False),  # a day inside the gold week is not the week
        ("2031-03", "month", ["e-0", "e-1"], False),
        ("2031-W11", "week", ["e-0"], False),  # two participants needed
    ],
)
def test_scoring_timeline_is_precision_aware(tmp_path, date, precision, participants, found):
    gold = _gold(tmp_path, timeline=[{"date": "2031-W11", "precision": "week",
                                      "participants": ["Odile Ferrand", "Paul Rivière"], "what": "vote", "docs": ["a"]}])  # fmt: skip
    item = TimelineItem(date=date, story=None, summary="", participants=participants, precision=precision)
    ents = _entities(("Odile Ferrand", "Ferrand"), ("Paul Rivière",))
    score = score_timeline(gold, _corpus(entities=ents, timeline=[item]))
    assert score.value == (1.0 if found else 0.0)


def test_scoring_timeline_single_participant_event(tmp_path):
    gold = _gold(tmp_path, timeline=[{"date": "2031-03-10", "precision": "day", "participants": ["Paul Rivière"]}])
    item = TimelineItem(date="2031-03-10", story=None, summary="", participants=["e-1"])
    score = score_timeline(gold, _corpus(entities=_entities(("Odile Ferrand",), ("Rivière",)), timeline=[item]))
    assert score.value == 1.0


@pytest.mark.parametrize(
    "path, stem",
    [("a/b/000_x.txt", "000_x"), ("page.html", "page"), ("feed.jsonl#2", "feed"), ("x.y.txt", "x.y"), ("noext", "noext"),
     ("examples/news.jsonl:3", "news"), ("examples/flux.rss#1", "flux"), ("a/atom.xml#12", "atom")],
)
def test_scoring_doc_stem(path, stem):
    assert doc_stem(path) == stem


@pytest.mark.parametrize(
    "a, b, same",
    [("J.D. Vance", "JD Vance", True), ("Maison-Blanche", "Maison Blanche", True), ("Élise", "elise", True),
     ("l’Ukraine", "l'Ukraine", True), ("Paul", "Pauline", False)],
)  # fmt: skip
def test_scoring_normalise(a, b, same):
    assert (normalise(a) == normalise(b)) == same


@pytest.mark.parametrize(
    "pred, gold, share",
    [((0, 10), (0, 10), 1.0), ((0, 5), (0, 10), 0.5), ((8, 20), (0, 10), 0.2), ((10, 20), (0, 10), 0.0)],
)
def test_scoring_coverage(pred, gold, share):
    assert coverage(*pred, *gold) == share


@pytest.mark.parametrize(
    "date, precision, value",
    [("2025-05-16", "week", "2025-W20"), ("2025-10-01", "month", "2025-10"), ("2025-05-19", None, "2025-05-19"),
     ("2025-w20", "week", "2025-W20")],
)  # fmt: skip
def test_scoring_timeline_value(date, precision, value):
    assert timeline_value(date, precision) == value


def test_scoring_quote_f1_is_zero_when_nothing_is_predicted(tmp_path):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand"}]})
    scores = score_quotes(gold, _corpus([]))
    assert scores["quote_precision"].value is None
    assert scores["quotes"].value == 0.0


@pytest.mark.parametrize("predicted_kind, accuracy", [("partial", 1.0), ("direct", 0.0)])
def test_scoring_quote_kind_is_reported_when_the_gold_gives_it(tmp_path, predicted_kind, accuracy):
    gold = _gold(tmp_path, {"quotes": [{"anchor": BARRAGE, "speaker": "Odile Ferrand", "kind": "partial"},
                                       {"anchor": "Nous attendons la décision", "speaker": "Paul Rivière"}]})
    predicted = [_quote(*_span(BARRAGE), "Odile Ferrand", kind=predicted_kind),
                 _quote(*_span("Nous attendons la décision de lundi"), "Paul Rivière")]
    scores = score_quotes(gold, _corpus(predicted))
    assert scores["quote_kind_accuracy"].value == accuracy
    assert scores["quote_kind_accuracy"].den == 1  # the quote without a gold kind is not counted
    assert scores["quote_recall"].value == 1.0  # the kind never decides a match
