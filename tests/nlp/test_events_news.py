"""The article's own news: the title's or lead's happening dated by the news day, and who attended it.

Invented articles; dates come from timexes built here (the timex reader is not under test).
"""

from __future__ import annotations

import pytest

from chronique.model import Timex
from chronique.nlp import events

pytestmark = pytest.mark.slow


def _run(nlp, text: str, published: str, dates: dict[str, str], body: bool = True):
    """Events of ``text`` whose first line is a title (``body``: the body starts after it)."""
    doc = nlp.make_doc(text)
    doc._.chronique_published = published
    doc._.chronique_body_start = text.index("\n\n") + 2 if body else 0
    doc = nlp(doc)
    timexes = []
    for words, value in dates.items():
        start = text.index(words)
        timexes.append(Timex(start, start + len(words), words, "DATE" if "T" not in value[10:] else "TIME", value))
    found = events.extract(doc, doc._.chronique_mentions, doc._.chronique_entities, timexes, doc._.chronique_quotes)
    names = {i: e.name for i, e in enumerate(doc._.chronique_entities)}
    return found, names


def _first(found, etype):
    return next(e for e in found if e.type == etype)


MEETING = (
    "Brivelles. Débat houleux à la réunion publique sur la carrière\n\n"
    "Le gymnase de Brivelles avait rarement vu autant de monde. Jeudi soir, près de 300 adhérents ont rempli les gradins{later}.\n\n"
    "« Nous voulons des réponses, pas des promesses », a lancé Mathilde Orsenne, présidente de l'association des riverains.\n\n"
    "Au micro, l'exploitant de la carrière, Paul Ardanville, a admis une erreur. « Nous avons failli », a-t-il expliqué.\n\n"
    "La préfète, Odile Carvanel, a annoncé mercredi une inspection. « Le site restera fermé », a-t-elle précisé.\n"
)


@pytest.mark.parametrize(
    "later, expected",
    [
        ("", "2027-03-04"),  # the body tells it with a verb no trigger names: the lead's day
        (". La réunion s'était tenue mardi soir", None),  # the body dates it itself: the title re-tells that one
    ],
)
def test_events_undated_title_happening_dated_by_the_news_day(nlp, later, expected):
    text = MEETING.format(later=later)
    dates = {"Jeudi soir": "2027-03-04TEV", "mercredi": "2027-03-03"}
    if later:
        dates["mardi soir"] = "2027-03-02TEV"
    found, names = _run(nlp, text, "2027-03-05", dates)
    title = next(e for e in found if e.type == "meeting" and e.start < text.index("\n"))
    if expected:
        assert title.date is not None and title.date[:10] == expected
    else:
        assert title.date is None


def test_events_meeting_reported_takes_the_people_quoted_at_it(nlp):
    text = MEETING.format(later="")
    found, names = _run(nlp, text, "2027-03-05", {"Jeudi soir": "2027-03-04TEV", "mercredi": "2027-03-03"})
    meeting = next(e for e in found if e.type == "meeting" and e.start < text.index("\n"))
    who = {names[p] for p in meeting.local_participants + meeting.context_participants}
    assert {"Mathilde Orsenne", "Paul Ardanville"} <= who
    assert "Odile Carvanel" not in who  # her words there are of Wednesday, not of the meeting


@pytest.mark.parametrize(
    "title, dated",
    [
        ("Brivelles. Débat houleux à la réunion publique sur la carrière", True),
        ("Brivelles. Débat houleux après la réunion publique sur la carrière", False),  # another happening's time
        ("Brivelles. Débat houleux avant une réunion publique sur la carrière", False),
        ("Brivelles. Débat houleux pour l'issue de la réunion publique sur la carrière", False),  # the end's news, not the meeting's
    ],
)
def test_events_title_happening_under_a_time_preposition_keeps_no_date(nlp, title, dated):
    text = MEETING.format(later="").replace("Brivelles. Débat houleux à la réunion publique sur la carrière", title)
    found, _ = _run(nlp, text, "2027-03-05", {"Jeudi soir": "2027-03-04TEV", "mercredi": "2027-03-03"})
    title_events = [e for e in found if e.type == "meeting" and e.start < text.index("\n")]
    assert title_events
    assert (title_events[0].date is not None) == dated


LIVE = (
    "EN DIRECT. Le ministre de l'Industrie à Vernolles, après l'incendie de la verrerie\n\n"
    "Retrouvez minute par minute la visite d'Hugo Desplanches dans les ateliers de Vernolles.\n\n"
    "16 h 10 – « Nous reviendrons »\n\n"
    "Dans l'atelier de Lucien Ferrandou, le ministre a longuement échangé avec les souffleurs de verre. "
    "« Nous reviendrons avec des réponses », a promis Hugo Desplanches.\n\n"
    "14 h 05 – Le ministre à la mairie\n\n"
    "Hugo Desplanches a été reçu à la mairie par le maire de Vernolles, Gérard Pouzols.\n\n"
    "9 h 00 – Le programme\n\n"
    "Le ministre doit visiter deux ateliers puis s'exprimer devant la presse.\n"
)


def test_events_live_blog_lead_happening_dated_by_its_entries_with_the_people_met(nlp):
    dates = {"16 h 10": "2027-05-12T16:10", "14 h 05": "2027-05-12T14:05", "9 h 00": "2027-05-12T09:00"}
    found, names = _run(nlp, LIVE, "2027-05-12", dates)
    visit = next(e for e in found if e.type == "visit" and e.trigger == "visite")
    assert visit.date == "2027-05-12"
    who = {names[p] for p in visit.local_participants + visit.context_participants}
    assert {"Hugo Desplanches", "Lucien Ferrandou", "Gérard Pouzols"} <= who
    planned = next(e for e in found if e.type == "visit" and e.trigger == "visiter")
    assert planned.date is None  # « doit visiter »: the programme, not a happening


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Lors de son déplacement à Quimperlé, la ministre Claire Ombrelle a salué les pompiers.", "déplacement"),
        ("Le président Théo Valbonne a effectué un voyage officiel en Argentine.", "voyage"),
        ("La ministre Claire Ombrelle s'est déplacée à Quimperlé mardi.", "déplacée"),
    ],
)
def test_events_trips_without_the_word_visit(nlp, text, trigger):
    found, _ = _run(nlp, "Titre\n\n" + text, "2027-05-12", {}, body=False)
    assert any(e.type == "visit" and e.trigger.startswith(trigger) for e in found)


@pytest.mark.parametrize("text", ["Le déplacement de populations inquiète les ONG.", "Leur voyage de noces a été annulé."])
def test_events_other_senses_of_trip_words_are_no_visit(nlp, text):
    found, _ = _run(nlp, "Titre\n\n" + text, "2027-05-12", {}, body=False)
    assert not any(e.type == "visit" for e in found)
