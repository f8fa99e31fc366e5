"""Title-only speakers named through the story (invented names, analyses built by hand, no spaCy)."""

from __future__ import annotations

import pytest

from chronique.link.entities import link_entities
from chronique.link.speaker_titles import complete_group_speakers, resolve_title_speakers, title_readings
from chronique.model import DocAnalysis, Document, LocalEntity, Mention, Quote, Speaker, Story


def _doc(n: int, text: str, people: list[tuple[str, list[str]]], speakers: list[tuple[str, str | None]]) -> DocAnalysis:
    """A document: ``people`` (name, roles) named in ``text``; one quote per speaker
    (phrase standing in the text, name of the in-document person the NLP chose or None)."""
    mentions, locals_ = [], []
    for k, (name, roles) in enumerate(people):
        s = text.index(name)
        mentions.append(Mention(s, s + len(name), name, "PER", key=name, local=k))
        locals_.append(LocalEntity(index=k, name=name, label="PER", mentions=[k], roles=roles))
    quotes = []
    for phrase, chosen in speakers:
        s = text.index(phrase)
        local = next((k for k, (name, _) in enumerate(people) if name == chosen), None)
        sp = Speaker(name=chosen or phrase.split(" ", 1)[1], start=s, end=s + len(phrase), local=local)
        quotes.append(Quote(0, 5, text[:5], "indirect", speaker=sp))
    return DocAnalysis(document=Document(id=f"d{n}", path=f"d{n}.txt", text=text), mentions=mentions, entities=locals_, quotes=quotes)


def _run(analyses: list[DocAnalysis], stories: list[list[int]]) -> None:
    entities = link_entities(analyses)
    story_list = [Story(id=f"s{k}", title="", documents=[analyses[i].document.id for i in docs]) for k, docs in enumerate(stories)]
    resolve_title_speakers(analyses, entities, story_list)


@pytest.mark.parametrize(
    "phrase, head, words",
    [
        ("le porte-parole de la préfecture", "porte", {"porte", "parole", "prefecture"}),
        ("Le président du syndicat", "president", {"president", "syndicat"}),
        ("le premier magistrat", "maire", {"maire"}),
        ("la première magistrate de la commune", "maire", {"maire"}),
        ("le préfet vous", "prefet", {"prefet"}),
        ("l'édile", "maire", {"maire"}),
    ],
)
def test_title_readings_of_a_description(phrase, head, words):
    readings = title_readings(phrase)
    assert readings and readings[0].head == head and readings[0].words == words


@pytest.mark.parametrize("phrase", ["Paul Ferrand", "il", "les habitants", "le quartier"])
def test_title_readings_of_no_title(phrase):
    assert title_readings(phrase) == []


def test_title_named_in_an_earlier_article_of_the_story():
    first = _doc(0, "Le porte-parole de la mairie, Paul Ferrand, a parlé.", [("Paul Ferrand", ["porte-parole de la mairie"])], [])
    second = _doc(1, "Le porte-parole de la mairie a confirmé la date.", [], [("Le porte-parole de la mairie", None)])
    _run([first, second], [[0, 1]])
    sp = second.quotes[0].speaker
    assert sp.name == "Paul Ferrand" and sp.entity == first.entities[0].entity


def test_title_not_resolved_outside_the_story():
    first = _doc(0, "Le porte-parole de la mairie, Paul Ferrand, a parlé.", [("Paul Ferrand", ["porte-parole de la mairie"])], [])
    second = _doc(1, "Le porte-parole de la mairie a confirmé la date.", [], [("Le porte-parole de la mairie", None)])
    _run([first, second], [[0], [1]])
    assert second.quotes[0].speaker.name == "porte-parole de la mairie"


def test_two_holders_of_the_title_leave_it_alone():
    first = _doc(
        0, "Le maire de Brévan, Paul Ferrand, et le maire d'Ossel, Louis Tardieu, ont parlé.",
        [("Paul Ferrand", ["maire de Brévan"]), ("Louis Tardieu", ["maire d'Ossel"])], [],
    )
    second = _doc(1, "Le maire a confirmé la date.", [], [("Le maire", None)])
    _run([first, second], [[0, 1]])
    assert second.quotes[0].speaker.name == "maire"


def test_periphrasis_stands_for_the_title():
    first = _doc(0, "Le maire, Paul Ferrand, a parlé.", [("Paul Ferrand", ["maire"])], [])
    second = _doc(1, "Ici, a promis le premier magistrat.", [], [("le premier magistrat", None)])
    _run([first, second], [[0, 1]])
    assert second.quotes[0].speaker.name == "Paul Ferrand"


def test_person_holding_another_title_gives_way_to_the_holder():
    first = _doc(0, "Le président du syndicat des éleveurs, Paul Ferrand, a parlé.", [("Paul Ferrand", ["président du syndicat des éleveurs"])], [])
    second = _doc(
        1, "Anne Brassac, présidente de la chambre, et Paul Ferrand ont salué l'accord, a rapporté le président du syndicat.",
        [("Anne Brassac", ["présidente de la chambre"]), ("Paul Ferrand", [])], [("le président du syndicat", "Anne Brassac")],
    )
    _run([first, second], [[0, 1]])
    sp = second.quotes[0].speaker
    assert sp.name == "Paul Ferrand" and sp.local == 1


def test_person_holding_the_title_keeps_it():
    first = _doc(0, "Le président du syndicat, Paul Ferrand, a parlé.", [("Paul Ferrand", ["président du syndicat"])], [])
    second = _doc(
        1, "Louis Tardieu, président du syndicat, a ajouté, a rapporté le président du syndicat.",
        [("Louis Tardieu", ["président du syndicat"])], [("le président du syndicat", "Louis Tardieu")],
    )
    _run([first, second], [[0, 1]])
    assert second.quotes[0].speaker.name == "Louis Tardieu"


def _group_doc(n: int, text: str, speaker: str) -> DocAnalysis:
    q = Quote(0, 5, text[:5], "indirect", speaker=Speaker(name=speaker))
    return DocAnalysis(document=Document(id=f"d{n}", path=f"d{n}.txt", text=text), quotes=[q])


@pytest.mark.parametrize(
    "others, expected",
    [
        (["syndicat des éleveurs de la Brenne"], "syndicat des éleveurs de la Brenne"),
        (["syndicat des éleveurs de la Brenne", "syndicat des meuniers"], "syndicat"),  # two fuller names: unknown
        (["collectif des riverains"], "syndicat"),
    ],
)
def test_bare_group_noun_takes_the_fuller_name_of_its_story(others, expected):
    docs = [_group_doc(k, "Texte.", name) for k, name in enumerate(others)]
    docs.append(_group_doc(len(docs), "Le syndicat a fait savoir qu'il viendrait.", "syndicat"))
    complete_group_speakers(docs, [Story(id="s0", title="", documents=[d.document.id for d in docs])])
    assert docs[-1].quotes[0].speaker.name == expected
