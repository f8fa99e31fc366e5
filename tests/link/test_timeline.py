"""Timeline: one item per happening across sources, honest precision, order, evidence.

Built on constructed analyses (no spaCy): each document is one sentence with one event.
"""

from __future__ import annotations

import pytest

from chronique.link.timeline import build_timeline, story_timeline, trim
from chronique.model import DocAnalysis, Document, Event, LocalEntity, Span, Story

PEOPLE = {"A": "e-anne", "B": "e-bruno", "C": "e-carla", "D": "e-denis"}


def _doc(doc_id: str, text: str, trigger: str, etype: str, date: str | None, who: str = "", place: str | None = None) -> DocAnalysis:
    start = text.index(trigger)
    locals_ = [LocalEntity(i, PEOPLE[k], "PER", entity=PEOPLE[k]) for i, k in enumerate(who)]
    event = Event(id=f"v-{doc_id[2:]}", type=etype, start=start, end=start + len(trigger), trigger=trigger, date=date,
                  place=place, sentence=Span(0, len(text), text), local_participants=list(range(len(who))))  # fmt: skip
    return DocAnalysis(Document(id=doc_id, path=f"{doc_id}.txt", text=text), entities=locals_, events=[event])


def _story(*analyses: DocAnalysis, sid: str = "s-1") -> list[Story]:
    return [Story(sid, "récit", [a.document.id for a in analyses])]


def test_timeline_merges_one_call_reported_by_two_sources():
    a = _doc("d-01", "Anne devait s'entretenir lundi avec Bruno.", "entretenir", "conversation", "2025-05-19", "AB")
    b = _doc("d-02", "L'appel téléphonique entre Anne et Bruno a eu lieu lundi.", "appel", "phone_call", "2025-05-19", "AB")
    items = build_timeline([a, b], _story(a, b))
    assert len(items) == 1
    item = items[0]
    assert item.date == "2025-05-19" and item.precision == "day"
    assert {e.document for e in item.evidence} == {"d-01", "d-02"}
    assert set(item.participants) == {"e-anne", "e-bruno"}
    assert item.story == "s-1"


@pytest.mark.parametrize(
    "second, merged",
    [
        (("phone_call", "2025-05-19", "AB"), True),  # same call
        (("phone_call", "2025-05-19", "AC"), False),  # Anne called someone else
        (("attack", "2025-05-19", "AB"), False),  # another kind of happening
        (("phone_call", "2025-05-20", "AB"), False),  # another day
        (("phone_call", "2025-W21", "AB"), True),  # the week holds the day
        (("phone_call", "2025-05", "AB"), True),  # the month holds the day
        (("phone_call", "2025-W20", "AB"), False),  # the week before
        (("phone_call", "2025-05-19", ""), True),  # nobody named: no contradiction
    ],
)
def test_timeline_merge_needs_family_date_and_participants(second, merged):
    etype, date, who = second
    a = _doc("d-01", "Anne a téléphoné à Bruno lundi.", "téléphoné", "phone_call", "2025-05-19", "AB")
    b = _doc("d-02", "Un appel a eu lieu ce jour-là.", "appel", etype, date, who)
    items = build_timeline([a, b], _story(a, b))
    assert len(items) == (1 if merged else 2)


def test_timeline_never_merges_across_stories():
    a = _doc("d-01", "Anne a téléphoné à Bruno lundi.", "téléphoné", "phone_call", "2025-05-19", "AB")
    b = _doc("d-02", "Anne a téléphoné à Bruno lundi.", "téléphoné", "phone_call", "2025-05-19", "AB")
    items = build_timeline([a, b], [Story("s-1", "un", ["d-01"]), Story("s-2", "deux", ["d-02"])])
    assert sorted(t.story for t in items) == ["s-1", "s-2"]
    assert [t.story for t in story_timeline(items, "s-2")] == ["s-2"]


def test_timeline_keeps_most_precise_date_of_its_sources():
    a = _doc("d-01", "Les pourparlers ont eu lieu en mai à Genève.", "pourparlers", "negotiation", "2025-05", "", "Genève")
    b = _doc("d-02", "Les négociations de Genève se sont tenues le 14 mai.", "négociations", "negotiation", "2025-05-14", "", "Genève")
    items = build_timeline([a, b], _story(a, b))
    assert [(t.date, t.precision) for t in items] == [("2025-05-14", "day")]


@pytest.mark.parametrize(
    "date, precision",
    [("2025-05-19", "day"), ("2025-05-19T10:00", "day"), ("2025-W20", "week"), ("2025-10", "month"), ("2024", "year"), ("2022-SP", "year")],
)
def test_timeline_precision_is_what_the_source_gives(date, precision):
    a = _doc("d-01", "Anne a rencontré Bruno.", "rencontré", "meeting", date, "AB")
    (item,) = build_timeline([a], _story(a))
    assert item.precision == precision
    assert item.date == {"day": date[:10], "year": date[:4]}.get(precision, date)


@pytest.mark.parametrize("date", [None, "PRESENT_REF", "P30D", "XXXX-05-19"])
def test_timeline_leaves_out_what_it_cannot_date(date):
    a = _doc("d-01", "Anne a rencontré Bruno.", "rencontré", "meeting", date, "AB")
    assert build_timeline([a], _story(a)) == []


def test_timeline_is_in_chronological_order():
    docs = [
        _doc("d-01", "Anne a rencontré Bruno.", "rencontré", "meeting", "2025-10", "AB"),
        _doc("d-02", "Carla a rencontré Denis.", "rencontré", "meeting", "2025-05-19", "CD"),
        _doc("d-03", "Anne a attaqué Denis.", "attaqué", "attack", "2025-W20", "AD"),
        _doc("d-04", "Bruno a rencontré Carla.", "rencontré", "meeting", "2024", "BC"),
    ]
    items = build_timeline(docs, _story(*docs))
    assert [t.date for t in items] == ["2024", "2025-W20", "2025-05-19", "2025-10"]


def test_timeline_statements_of_one_speaker_on_one_day_are_one_item():
    a = _doc("d-01", "Anne a déclaré lundi que tout allait bien.", "déclaré", "declaration", "2025-05-19", "A")
    b = _doc("d-02", "Anne a affirmé lundi que rien n'était joué.", "affirmé", "declaration", "2025-05-19", "A")
    c = _doc("d-03", "Bruno a déclaré lundi le contraire.", "déclaré", "declaration", "2025-05-19", "B")
    items = build_timeline([a, b, c], _story(a, b, c))
    assert sorted(len(t.evidence) for t in items) == [1, 2]
    assert {t.type for t in items} == {"declaration"}


@pytest.mark.parametrize("mention, joins", [("L'appel", True), ("Cet appel", True), ("Un appel", False)])
def test_timeline_undated_definite_mention_joins_its_documents_event(mention, joins):
    text = f"Anne a téléphoné à Bruno lundi. {mention} a duré une heure selon Bruno."
    a = _doc("d-01", text, "téléphoné", "phone_call", "2025-05-19", "AB")
    start = text.index(mention) + len(mention) - len("appel")
    second = Span(text.index(mention), len(text), text[text.index(mention) :])
    a.events.append(Event("v-second", "phone_call", start, start + 5, "appel", None, sentence=second, local_participants=[1]))
    (item,) = build_timeline([a], _story(a))
    assert len(item.evidence) == (2 if joins else 1)


def test_timeline_participants_are_corpus_entity_ids_and_evidence_points_into_text():
    a = _doc("d-01", "Anne a rencontré Bruno à Genève.", "rencontré", "meeting", "2025-05-19", "AB")
    (item,) = build_timeline([a], _story(a))
    assert item.participants == ["e-anne", "e-bruno"]
    assert a.events[0].participants == ["e-anne", "e-bruno"]  # filled in place for the contract
    ev = item.evidence[0]
    assert a.document.text[ev.start : ev.end] == "Anne a rencontré Bruno à Genève."
    assert item.summary == "Anne a rencontré Bruno à Genève."


def test_timeline_summary_is_one_trimmed_line_around_the_trigger():
    text = "Au terme d'une journée longue,\n" + " ".join(["très"] * 60) + " Anne a rencontré Bruno " + " ".join(["encore"] * 40)
    start = text.index("rencontré")
    line = trim(text, start, start + 9, limit=120)
    assert "\n" not in line and len(line) <= 124
    assert "rencontré" in line
