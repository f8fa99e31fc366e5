"""« Selon X », « pour X, » on invented French sentences: who the source is, when there is one.

A record (« la tradition », « un sondage », « les chiffres de X ») is nobody's voice: its
keeper, when the sentence names one, is the source; else there is no reported speech.
"""

from __future__ import annotations

import pytest


def _indirect(analysis, words: str):
    hits = [q for q in analysis.quotes if q.kind == "indirect" and words in q.text]
    return min(hits, key=lambda q: q.end - q.start) if hits else None


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ("Selon Anne Colbert, la réforme sera votée en mai.", "la réforme sera votée", "Anne Colbert"),
        ("Selon les chiffres de la mairie, le chômage a baissé de 2 %.", "le chômage a baissé", "mairie"),
        ("Le chômage a baissé de 2 %, selon les chiffres publiés par la préfecture.", "Le chômage a baissé", "préfecture"),
        ("Le bilan s'alourdit. Selon le dernier décompte du ministère de l'Intérieur, publié lundi, l'incendie a fait trois morts.",
         "a fait trois morts", "ministère de l'Intérieur"),
        ("Pour le sismologue Paul Ardent, ce séisme n'est « pas une réplique », mais il s'inscrit dans la même faille.",
         "il s'inscrit dans la même faille", "Paul Ardent"),
    ],
)
def test_quote_sources_speaker_of_selon(analyze, text, words, speaker):
    q = _indirect(analyze(text), words)
    assert q is not None, [(x.kind, x.text) for x in analyze(text).quotes]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    "text, words",
    [
        ("Selon la tradition, le doyen ouvre la séance.", "le doyen ouvre"),
        ("Selon un sondage publié lundi, 63 % des habitants sont inquiets.", "des habitants sont inquiets"),
        ("Selon les prévisions, la pluie cessera mardi.", "la pluie cessera"),
        ("Selon la loi, le maire doit consulter le conseil.", "le maire doit consulter"),
    ],
)
def test_quote_sources_record_without_keeper_is_no_speaker(analyze, text, words):
    q = _indirect(analyze(text), words)
    assert q is None or q.speaker is None, (q.text, q.speaker)


def test_quote_sources_pour_with_a_whole_quotation_is_left_to_the_quote(analyze):
    text = "Pour Julien Merval, analyste chez Dutheil Finance, « la visibilité est bonne jusqu'à la fin de l'année »."
    assert _indirect(analyze(text), "la visibilité est bonne") is None
