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


TITLES = [
    # an intertitle echoing a body quote takes its speaker, not the previous paragraph's
    ("Le maire Paul Dorval a salué les pompiers. « Ils ont été admirables toute la nuit », a-t-il dit.\n\n"
     "« Une enquête bâclée »\n\nÀ la sortie, Odile Marchand n'a pas caché sa colère. « C'est une enquête bâclée "
     "de bout en bout, et nous ferons appel », a-t-elle lancé.", "Une enquête bâclée", "Odile Marchand"),
    # a live-blog title with a clock time, echoing the next entry
    ("9 h 10 – Le préfet Paul Dorval arrive sur place.\n\n« Nous tiendrons jusqu'au bout », a déclaré M. Dorval.\n\n"
     "11 h 40 – « On ne partira pas d'ici »\n\nLucie Fabre, 52 ans, opératrice depuis 1990. "
     "« On ne partira pas d'ici sans garanties écrites », confie-t-elle.", "On ne partira pas d'ici", "Lucie Fabre"),
    # a title quote repeated by nobody names nobody
    ("Le maire Paul Dorval a salué les pompiers. « Ils ont été admirables toute la nuit », a-t-il dit.\n\n"
     "« Un été sous tension »\n\nLes routes resteront fermées jusqu'à dimanche.", "Un été sous tension", None),
]


@pytest.mark.parametrize("text, words, speaker", TITLES)
def test_quote_unseen_title_quotes_take_the_speaker_they_echo(analyze, text, words, speaker):
    q = min((q for q in analyze(text).quotes if words in q.text and q.kind != "indirect"), key=lambda q: q.end - q.start)
    assert (q.speaker.name if q.speaker else None) == speaker


COLONS = [
    # an acronym after a title is an organisation: the person before the colon speaks
    ("Julien Perrot, délégué UNSA, se montre plus réservé : « Nous voulons lire le plan ligne par ligne avant de signer. »",
     "Nous voulons lire", "Julien Perrot"),
    # « pour la XYZ » inside a relative clause is a complement, not « Pour X, … »
    ("Odile Marchand, qui avait mené la grève pour la CFTC, se veut prudente : « On a gagné une manche, pas le match. »",
     "On a gagné", "Odile Marchand"),
]


@pytest.mark.parametrize("text, words, speaker", COLONS)
def test_quote_unseen_colon_introduction_names_the_person(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_entities_acronym_after_title_is_an_organisation(analyze):
    a = analyze("Julien Perrot, délégué UNSA, a demandé une réunion.")
    labels = {e.name: e.label for e in a.entities}
    assert labels.get("UNSA") == "ORG" and labels.get("Julien Perrot") == "PER"


UNNAMED = [
    # « celui-ci » is the unnamed person just introduced, not the last person named
    ("Le maire Paul Dorval a présidé la séance. Le procès avait été marqué par l'audition d'un ancien technicien municipal. "
     "Celui-ci avait affirmé avoir prévenu sa hiérarchie « au moins à trois reprises ». « J'ai écrit, j'ai appelé, "
     "personne n'a bougé », avait-il raconté à la barre.", "au moins à trois", "ancien technicien municipal"),
    ("Le maire Paul Dorval a présidé la séance. Le procès avait été marqué par l'audition d'un ancien technicien municipal. "
     "Celui-ci avait affirmé avoir prévenu sa hiérarchie « au moins à trois reprises ». « J'ai écrit, j'ai appelé, "
     "personne n'a bougé », avait-il raconté à la barre.", "J'ai écrit", "ancien technicien municipal"),
    # « l'avocat de X »: the lawyer speaks, X is the client
    ("Du côté de la défense, Me Julien Perrot n'a pas caché sa déception. « Mon client paie pour tous les autres », "
     "a regretté l'avocat de Paul Dorval.", "Mon client", "Julien Perrot"),
]


@pytest.mark.parametrize("text, words, speaker", UNNAMED)
def test_quote_unseen_unnamed_and_titled_speakers(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


POUR = "Le ministre Paul Dorval a ouvert la séance. Pour la commissaire à l'énergie, Anne Roy, l'essentiel se jouera dans " \
    "l'application des règles. « Inscrire une usine sur une liste ne suffit pas », a-t-elle prévenu. " \
    "Pour la première fois, les délégués ont voté à main levée."


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (POUR, "l'essentiel se jouera", "Anne Roy"),  # « Pour TITLE, Name, … »: her view, reported
        (POUR, "Inscrire une usine", "Anne Roy"),  # and the antecedent of the next « elle »
        ("Pour la ministre de la Mer, Anne Roy, présente à Vessac, ces retards sont « un cadeau fait aux fraudeurs ».",
         "un cadeau fait", "Anne Roy"),
    ],
)
def test_quote_unseen_pour_title_name_is_a_source(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_quote_unseen_pour_without_a_person_reports_nothing(analyze):
    assert not [q for q in analyze(POUR).quotes if "délégués ont voté" in q.text]


@pytest.mark.parametrize("text, name", [
    ("Les Forges de la Vanne (FDV) ont annoncé la fermeture de l'atelier.", "Forges de la Vanne"),
    ("La direction des Aciéries du Lys a confirmé la fermeture.", "Aciéries du Lys"),
])
def test_entities_plural_industry_head_names_a_company(analyze, text, name):
    labels = {e.name: e.label for e in analyze(text).entities}
    assert labels.get(name) == "ORG", labels


@pytest.mark.parametrize("text, name", [
    ("Le pétrolier « Nordan Star » a été immobilisé dans le port de Vessac.", "Nordan Star"),
    ("Les garde-côtes ont arraisonné le « Baltic Crown » au large.", "Baltic Crown"),
])
def test_quote_unseen_capitalised_names_in_marks_are_not_quotes(analyze, text, name):
    assert not [q for q in analyze(text).quotes if name in q.text]


@pytest.mark.parametrize("words", ["l'accord pourrait", "avant la fin du mois"])
def test_quote_unseen_indefinite_described_subject_after_a_participle(analyze, words):
    text = ("Le ministre Paul Dorval a quitté la salle. Interrogé par la presse, un diplomate allemand estimait lundi "
            "que l'accord pourrait être conclu « avant la fin du mois ».")
    assert _speaker_of(analyze(text), words) == "diplomate allemand"


@pytest.mark.parametrize("conj", ["alors que", "tandis que", "parce que", "bien que"])
def test_quote_unseen_subordinating_que_is_no_reported_speech(analyze, conj):
    text = f"Anne Roy a assisté au sinistre. « Tout a brûlé en une heure », soupirait-elle {conj} les pompiers engageaient un dernier combat."
    assert not [q for q in analyze(text).quotes if q.kind == "indirect" and "pompiers" in q.text]
