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


@pytest.mark.parametrize("mention, definite, joins", [("L'appel", "definite", True), ("Cet appel", "pointer", True), ("Un appel", None, False)])
def test_timeline_undated_definite_mention_joins_its_documents_event(mention, definite, joins):
    text = f"Anne a téléphoné à Bruno lundi. {mention} a duré une heure selon Bruno."
    a = _doc("d-01", text, "téléphoné", "phone_call", "2025-05-19", "AB")
    start = text.index(mention) + len(mention) - len("appel")
    second = Span(text.index(mention), len(text), text[text.index(mention) :])
    a.events.append(Event("v-second", "phone_call", start, start + 5, "appel", None, sentence=second, local_participants=[1], definite=definite))
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


def _anaphor(a: DocAnalysis, text_before: str, mention: str, etype: str, who: list[int], definite: str = "pointer") -> None:
    """Append an undated « son réquisitoire »-like event to document ``a``."""
    text = a.document.text
    start = text.index(mention) + len(mention.split()[0]) + 1
    word = mention.split()[-1]
    sentence = Span(text.index(text_before), len(text), text[text.index(text_before) :])
    a.events.append(Event(f"v-{start}", etype, start, start + len(word), word, None, sentence=sentence, local_participants=who, definite=definite))


@pytest.mark.parametrize(
    "etype, second, definite, joins",
    [
        ("requisition", None, "pointer", True),  # « son réquisitoire »: the one the article told, whoever spoke of it
        ("requisition", None, "definite", False),  # « le réquisitoire de Bruno »: may be another, must share someone
        ("requisition", "requisition", "pointer", False),  # two told: the anaphor must share someone to choose
        ("declaration", None, "pointer", False),  # statements are many: a re-mention cannot pick one
    ],
)
def test_timeline_anaphor_with_one_antecedent_joins_it_whoever_it_names(etype, second, definite, joins):
    text = "Le parquet a requis mardi la prison contre Anne. Il a requis mercredi une amende contre Denis. Bruno a ironisé dans son réquisitoire."
    a = _doc("d-01", text, "requis", etype, "2025-05-20", "A")
    a.entities += [LocalEntity(1, PEOPLE["B"], "PER", entity=PEOPLE["B"]), LocalEntity(2, PEOPLE["D"], "PER", entity=PEOPLE["D"])]
    if second:
        start = text.index("requis mercredi")
        a.events.append(Event("v-2", second, start, start + 6, "requis", "2025-05-21", sentence=Span(0, len(text), text), local_participants=[2]))
    _anaphor(a, "Bruno a ironisé", "son réquisitoire", etype, [1], definite)  # names Bruno only
    items = build_timeline([a], _story(a))
    first = next(t for t in items if t.date == "2025-05-20")
    assert (len(first.evidence) == 2) is joins


@pytest.mark.parametrize(
    "place_a, place_b, merged",
    [
        ("Lyon", None, True),  # only one report says where: no disagreement
        ("Lyon", "Lyon", True),
        ("Lyon", "Nantes", False),
    ],
)
def test_timeline_place_counts_only_when_both_reports_say_where(place_a, place_b, merged):
    a = _doc("d-01", "Anne et Bruno sont en grève depuis jeudi à Lyon.", "grève", "strike", "2025-05-22", "AB", place_b)
    b = _doc("d-02", "La grève lancée par Anne a commencé jeudi.", "grève", "strike", "2025-05-22", "A", place_a)
    items = build_timeline([a, b], _story(a, b))
    assert len(items) == (1 if merged else 2)
    if merged:
        assert set(items[0].participants) >= {"e-anne", "e-bruno"}


def test_timeline_anaphor_goes_to_the_happening_its_sentence_names():
    text = "Anne a téléphoné à Bruno lundi. Anne a parlé avec Carla lundi. Selon Denis, la conversation entre Anne et Bruno a duré."
    a = _doc("d-01", text, "téléphoné", "phone_call", "2025-05-19", "AB")
    a.entities += [LocalEntity(2, PEOPLE["C"], "PER", entity=PEOPLE["C"]), LocalEntity(3, PEOPLE["D"], "PER", entity=PEOPLE["D"])]
    start = text.index("parlé")
    a.events.append(Event("v-2", "conversation", start, start + 5, "parlé", "2025-05-19", sentence=Span(0, len(text), text), local_participants=[0, 2]))
    start = text.index("conversation")
    sentence = Span(text.index("Selon"), len(text), text[text.index("Selon") :])
    a.events.append(Event("v-3", "conversation", start, start + 12, "conversation", None, sentence=sentence,
                          local_participants=[0], context_participants=[1], definite="definite"))  # fmt: skip
    items = build_timeline([a], _story(a))
    call = next(t for t in items if t.type == "phone_call")
    assert len(call.evidence) == 2  # Bruno, named beside the clause, picks the call over the talk with Carla


# --- unseen-article rules (issue 4) ---


@pytest.mark.parametrize(
    "dates, who, paragraph_break, items",
    [
        (("2026-03-05", "2026-03-05"), ([0], [1]), False, 1),  # one verdict, one party per sentence
        (("2026-03-05", None), ([0], [1]), False, 1),  # the undated one tells the same day's verdict
        (("2026-03-05", "2026-03-05"), ([0], [1]), True, 2),  # another paragraph: another happening
        (("2026-03-05", "2026-03-06"), ([0], [1]), False, 2),  # another day
        (("2026-03-05", "2026-03-05"), ([0, 1], [0, 2]), False, 2),  # two parties each, sharing one: two happenings
    ],
)
def test_timeline_paragraph_facets_are_one_happening(dates, who, paragraph_break, items):
    sep = "\n" if paragraph_break else " "
    text = f"Anne a été condamnée jeudi.{sep}Bruno a été acquitté ce jour-là."
    a = _doc("d-01", text, "condamnée", "sentence", dates[0], "ABC")
    a.events[0].local_participants = who[0]
    start = text.index("acquitté")
    second = Span(text.index("Bruno"), len(text), text[text.index("Bruno") :])
    a.events.append(Event("v-2", "sentence", start, start + 8, "acquitté", dates[1], sentence=second, local_participants=who[1]))
    assert len(build_timeline([a], _story(a))) == items


@pytest.mark.parametrize("death_date, merged", [("2023-06-17", True), ("2023-06-18", False)])
def test_timeline_deaths_on_a_disasters_day_are_the_disasters(death_date, merged):
    a = _doc("d-01", "Le pont de Brivel s'est effondré samedi.", "effondré", "accident", "2023-06-17", "A")
    b = _doc("d-02", "Deux passants ont trouvé la mort.", "trouvé", "death", death_date, "")
    items = build_timeline([a, b], _story(a, b))
    assert len(items) == (1 if merged else 2)
    if merged:
        assert items[0].type == "accident"


@pytest.mark.parametrize(
    "second_date, place, merged",
    [
        ("2026-06-06", "Castelbrun", True),  # the valley in one report, the village it struck in the other
        ("2026-06-06", None, True),
        ("2026-06-07", "Castelbrun", False),  # another day: another storm
    ],
)
def test_timeline_disasters_of_one_day_merge_across_places(second_date, place, merged):
    a = _doc("d-01", "Un orage a frappé samedi la vallée de la Sauldre.", "orage", "storm", "2026-06-06", "", "Sauldre")
    b = _doc("d-02", "Samedi, l'orage a arraché des toitures.", "orage", "storm", second_date, "", place)
    items = build_timeline([a, b], _story(a, b))
    assert len(items) == (1 if merged else 2)


def test_timeline_same_day_events_of_other_families_keep_their_places():
    a = _doc("d-01", "Anne et Bruno se sont réunis samedi à Lyon.", "réunis", "meeting", "2026-06-06", "AB", "Lyon")
    b = _doc("d-02", "Anne et Bruno se sont réunis samedi à Nantes.", "réunis", "meeting", "2026-06-06", "AB", "Nantes")
    assert len(build_timeline([a, b], _story(a, b))) == 2


@pytest.mark.parametrize(
    "other, expected",
    [
        (None, ["2026-08-15"]),  # a night alone: the morning after, when what it tells mostly happens
        ("2026-08-14", ["2026-08-14"]),  # another report gives the evening (« vendredi à 23 h 05 »): that day
        ("2026-08-15", ["2026-08-15"]),
        ("2026-08-17", ["2026-08-15", "2026-08-17"]),  # another day: another one
    ],
)
def test_timeline_a_night_dates_the_morning_after_unless_a_report_gives_the_evening(other, expected):
    a = _doc("d-01", "Un séisme a touché dans la nuit de vendredi à samedi le massif de Valdorme.", "séisme", "earthquake", "2026-08-14TNI", "", "Valdorme")
    docs = [a]
    if other:
        docs.append(_doc("d-02", "La secousse a été ressentie vendredi à 23 h 05.", "secousse", "earthquake", other, "", None))
    items = build_timeline(docs, _story(*docs))
    assert sorted(t.date for t in items) == expected


@pytest.mark.parametrize("title, joins", [(True, True), (False, False)])
def test_timeline_an_undated_title_event_is_the_one_its_body_tells(title, joins):
    text = "Trois toiles de Carla volées au musée\n\nLes cambrioleurs ont agi mardi en dix minutes.\n\nUne autre toile, volée en 2019, manque."
    a = _doc("d-01", text, "cambrioleurs", "theft", "2026-02-03", "")
    start = text.index("volées") if title else text.index("volée ")
    a.entities.append(LocalEntity(0, "Carla", "PER", entity="e-carla"))
    a.events.append(Event("v-2", "theft", start, start + 6, text[start : start + 6], None, sentence=Span(0, len(text), text),
                          local_participants=[0], definite=None))  # fmt: skip
    (item,) = build_timeline([a], _story(a))
    assert ("e-carla" in item.participants) is joins


@pytest.mark.parametrize("preview_published, from_report", [("2027-02-08", True), ("2027-02-10", False)])
def test_timeline_summary_comes_from_a_report_rather_than_a_preview(preview_published, from_report):
    a = _doc("d-01", "Anne tiendra une réunion publique mercredi avec Bruno.", "réunion", "meeting", "2027-02-10", "AB")
    b = _doc("d-02", "La réunion publique d'Anne et Bruno a attiré la foule.", "réunion", "meeting", "2027-02-10", "AB")
    a.document.published, b.document.published = preview_published, "2027-02-11"
    (item,) = build_timeline([a, b], _story(a, b))
    assert item.summary.startswith("La réunion") == from_report  # the same day or later: the first source, as before
