"""Candidate spans cleaned before anything trusts them (nlp/entity_spans.py, nlp/entity_lexicon.py).

Invented sentences for the general errors spaCy's French model makes on real news:
headline and rubric words taken for names, sentence-initial articles and
prepositions kept in a span, lone letters (units, road numbers) taken for names.
"""

from __future__ import annotations

import pytest

from chronique.nlp.entity_lexicon import EMPTY, Lexicon, from_pipeline


def _mentions(a) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(("word", "noun"), [("Naufrage", True), ("SONDAGES", True), ("Valcourtois", False)])
def test_entity_lexicon_knows_common_nouns(nlp, word, noun):
    assert from_pipeline(nlp).common_noun(word) == noun


@pytest.mark.parametrize(("word", "adjective"), [("Allemandes", True), ("Egyptiens", True), ("Valcourtois", False)])
def test_entity_lexicon_knows_adjectives_in_any_form(nlp, word, adjective):
    assert from_pipeline(nlp).adjective(word) == adjective


def test_entity_lexicon_empty_knows_nothing():
    assert not EMPTY.common_noun("naufrage") and not Lexicon().adjective("allemand")


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Naufrage au large de Port-Lorvain\nUn chalutier a coulé hier près de Port-Lorvain.", "Naufrage"),
        ("Coups de feu sur la ligne\nTrois trains ont été visés près de Valcourt.", "Coups de feu"),
        ("Déchetterie fermée. La déchetterie de Valcourt ferme lundi.", "Déchetterie fermée"),
        ("Le maire de Valcourt a parlé. SONDAGE. Les habitants de Valcourt sont inquiets.", "SONDAGE"),
        ("Le club de Valcourt a gagné. Hier soir, les supporters ont fêté la victoire à Valcourt.", "Hier soir"),
        ("Démission du Premier ministre\nLe Premier ministre de Valcourt, Anne Morel, a démissionné.", "Démission du Premier"),
    ],
)
def test_entity_spans_headline_words_are_not_names(analyze, text, junk):
    a = analyze(text)
    assert junk not in [m.text for m in a.mentions], _mentions(a)
    assert any(m.text.startswith(("Port-Lorvain", "Valcourt")) for m in a.mentions), _mentions(a)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le maire a parlé.\n(Union des producteurs de lait) Le texte a été signé.", None),
        ("Anne Morel préside l'association. Secours populaire et Croix-Rouge ont aidé Valcourt.", "Croix-Rouge"),
        ("Ariane Lemoine a été élue. Lemoine a remercié ses électeurs.", "Lemoine"),
        ("Julie et Marc Dalbret tiennent la boulangerie depuis dix ans, sur la place du village.", "Julie"),
    ],
)
def test_entity_spans_names_at_sentence_start_kept(analyze, text, name):
    a = analyze(text)
    if name is not None:
        assert name in [m.text for m in a.mentions], _mentions(a)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Un Vénitien de 30 ans a été arrêté hier à Valcourt.", "Vénitien"),
        ("A Valcourt, le marché a rouvert ses portes samedi.", "Valcourt"),
        ("En Bessarie, le gouvernement a démissionné.", "Bessarie"),
        ("A Valcourt-sur-Mer, où le régiment achève sa mission, le calme revient.", "Valcourt-sur-Mer"),
    ],
)
def test_entity_spans_leading_article_or_preposition_cut(analyze, text, name):
    a = analyze(text)
    texts = [m.text for m in a.mentions]
    assert name in texts and not any(t.endswith(" " + name) for t in texts), _mentions(a)


def test_entity_spans_common_noun_phrase_after_article_dropped(analyze):
    a = analyze("Un mufti de la République de Bessarie a été nommé hier.")
    assert not any(m.text.lower().startswith(("un ", "mufti")) for m in a.mentions), _mentions(a)


@pytest.mark.parametrize(
    "text",
    [
        "Le tribunal a condamné Paul Vernier à 5 000 F d'amende.",
        "L'accident a eu lieu sur l'A 7 près de Valcourt.",
    ],
)
def test_entity_spans_lone_letters_are_not_names(analyze, text):
    a = analyze(text)
    assert not any(len(m.text) == 1 for m in a.mentions), _mentions(a)


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("Le propos a été tenu par le secrétaire national des Verts Gilles Lemarchand.", "Verts", "Gilles Lemarchand"),
        ("Le patron de Lorvex Industries Anne Morel a démissionné hier.", "Lorvex Industries", "Anne Morel"),
    ],
)
def test_entity_spans_title_complement_and_person_split(analyze, text, org, person):
    a = analyze(text)
    labels = dict(_mentions(a))
    assert labels.get(person) == "PER", _mentions(a)
    assert org in labels and labels[org] != "PER", _mentions(a)
