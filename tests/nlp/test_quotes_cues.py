"""Verbs of saying (speech_cues) and quotation-mark pairing edge cases, without the spaCy pipeline."""

from __future__ import annotations

import pytest

from chronique import langdata
from chronique.nlp import speech_cues
from chronique.nlp.quote_marks import find_marked


@pytest.mark.parametrize(
    "text, lemma, pronoun",
    [
        ("a déclaré", "déclarer", None),
        ("a également ajouté", "ajouter", None),
        ("a-t-il déclaré", "déclarer", "il"),
        ("a-t-elle lancé", "lancer", "elle"),
        ("dit-elle", "dire", "elle"),
        ("explique-t-il", "expliquer", "il"),
        ("s’est félicité", "féliciter", None),
        ("s'est dit", "dire", None),
        ("a fait valoir", "faire valoir", None),
        ("martèle", "marteler", None),
        ("a regretté", "regretter", None),
        ("l’a annoncé", "annoncer", None),
        ("m’a dit", "dire", None),
    ],
)
def test_speech_cues_recognised(text, lemma, pronoun):
    cues = speech_cues.find_cues(text, 0, len(text))
    assert len(cues) == 1
    cue = cues[0]
    assert cue.lemma == lemma
    assert (text[cue.pronoun[0] : cue.pronoun[1]] if cue.pronoun else None) == pronoun
    assert cue.end == len(text)


@pytest.mark.parametrize(
    "text",
    ["a mangé une pomme", "le porte-parole du ministère", "a rencontré le maire", "une déclaration"],
)
def test_speech_cues_ignore_other_words(text):
    assert speech_cues.find_cues(text, 0, len(text)) == []


@pytest.mark.parametrize(
    "text, participle",
    [("en précisant que", True), ("avant d’ajouter", True), ("a précisé que", False)],
)
def test_speech_cues_participle_clause_keeps_main_subject(text, participle):
    (cue,) = speech_cues.find_cues(text, 0, len(text))
    assert cue.participle_clause is participle


def test_speech_cues_lexicon_is_large_and_valid():
    entries = langdata.load("speech_verbs")
    assert len(entries) >= 150
    assert {e["lemma"] for e in entries} >= {"déclarer", "affirmer", "estimer", "lancer", "marteler", "féliciter", "regretter"}


def test_quote_cues_data_has_each_kind():
    kinds = {e["kind"] for e in langdata.load("quote_cues")}
    assert kinds == {"work", "source", "person", "byline"}


@pytest.mark.parametrize(
    "text",
    [
        "Aujourd’hui, l’entreprise n’a pas répondu.",
        "C’est l’avis d’un expert qu’il a consulté.",
        "",
    ],
)
def test_quote_marks_apostrophes_are_not_quotes(text):
    assert find_marked(text) == []


def test_quote_marks_swapped_marks_do_not_swallow_the_article():
    text = "“Nous viendrons“, a dit Jean Roux. La réunion est prévue mardi. Le maire sera présent à la séance."
    for q in find_marked(text):
        assert "Le maire sera présent" not in text[q.start : q.end]
