"""Speakers on invented sentences shaped like unseen news prose: incises with time words and
appositions, pronouns continuing the person who opens a paragraph, relative clauses that name
no topic, headlines echoing a body quote.

Each case names words inside the quote and the speaker's name as the document should give it
(None: nobody).
"""

from __future__ import annotations

import pytest


def _speaker_of(analysis, words: str) -> str | None:
    hits = [q for q in analysis.quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    return q.speaker.name if q.speaker else None


INCISES = [
    # time words, then a title and the name in apposition, inside one pair of marks
    ("Le négociateur Paulo Ferreira est reparti tôt.\n\n« Nous avons tenu bon, mais rien n'est réglé, s'est félicité "
     "jeudi soir le ministre portugais de l'Agriculture, Tiago Mendonça. Les éleveurs attendent des actes concrets. »",
     "Les éleveurs attendent", "Tiago Mendonça"),
    ("Le négociateur Paulo Ferreira est reparti tôt.\n\n« Nous avons tenu bon, mais rien n'est réglé, s'est félicité "
     "jeudi soir le ministre portugais de l'Agriculture, Tiago Mendonça. Les éleveurs attendent des actes concrets. »",
     "Nous avons tenu bon", "Tiago Mendonça"),
]


@pytest.mark.parametrize("text, words, speaker", INCISES)
def test_quote_unseen_incise_with_time_words_and_apposition(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


PRONOUNS = [
    # the person opening the paragraph, through a verbless apposition, is what « il » continues
    ("Le préfet Paul Dorval a salué les secours.\n\nYanis Belkacem, secouriste de la Croix-Blanche, est arrivé "
     "au village dimanche. « On dégage les blessés à la main depuis l'aube », raconte-t-il.", "On dégage", "Yanis Belkacem"),
    # a person opening a verbless sentence is the topic « elle » continues
    ("Le maire, Paul Dorval, a pris la parole devant la foule.\n\nParmi les manifestants, Lucie Fabre, 52 ans, opératrice "
     "à la chaîne. « Je travaille ici depuis trente ans sans interruption », confie-t-elle.", "Je travaille", "Lucie Fabre"),
    # « dont le fils X avait … »: X, subject of a relative clause, is not the antecedent
    ("« Nous attendons la vérité depuis des années », a lancé Odile Marchand, dont le fils Kevin avait 19 ans. "
     "« Je veux savoir qui a signé », a-t-elle ajouté.", "Je veux savoir", "Odile Marchand"),
]


@pytest.mark.parametrize("text, words, speaker", PRONOUNS)
def test_quote_unseen_pronoun_continues_the_paragraph_topic(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker
