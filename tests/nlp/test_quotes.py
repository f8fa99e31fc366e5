"""Quotations and speakers on invented French sentences, one pattern per case.

Each case names the words that must be quoted (a substring of the quote span)
and the speaker's name as the document should give it (None: no speaker).
"""

from __future__ import annotations

import pytest

from chronique.nlp.quote_marks import find_marked


def _quote_with(analysis, words: str):
    hits = [q for q in analysis.quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    return min(hits, key=lambda q: q.end - q.start)


def _speaker(q) -> str | None:
    return q.speaker.name if q.speaker else None


# --- marks -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, inner",
    [
        ("Il a dit : « Nous partirons demain matin. »", "Nous partirons demain matin."),
        ("Il a dit : «Nous partirons demain matin.»", "Nous partirons demain matin."),
        ("Il a dit : “Nous partirons demain matin.”", "Nous partirons demain matin."),
        ('Il a dit : "Nous partirons demain matin."', "Nous partirons demain matin."),
        ("Il a dit : ‹ Nous partirons demain matin. ›", "Nous partirons demain matin."),
        ("Il a dit : ‘Nous partirons demain matin.’", "Nous partirons demain matin."),
    ],
)
def test_quote_marks_every_style_gives_the_inner_words(text, inner):
    spans = find_marked(text)
    assert [text[q.start : q.end] for q in spans] == [inner]


def test_quote_marks_nested_quote_is_one_level_deeper():
    text = "« Elle m’a répondu : ‘Je ne viendrai pas.’ Puis elle est partie. »"
    spans = find_marked(text)
    assert [(text[q.start : q.end], q.depth) for q in spans] == [
        ("Elle m’a répondu : ‘Je ne viendrai pas.’ Puis elle est partie.", 0),
        ("Je ne viendrai pas.", 1),
    ]


def test_quote_marks_unclosed_quote_stops_at_its_paragraph():
    text = "Elle a lancé : « Nous ne céderons rien.\n\nLe conseil municipal se réunira jeudi pour voter le budget."
    spans = find_marked(text)
    assert len(spans) == 1
    assert "conseil municipal" not in text[spans[0].start : spans[0].end]


def test_quote_marks_quote_continued_over_paragraphs():
    text = "« Nous avons tout essayé.\n\n« Maintenant, il faut attendre la décision du tribunal », a conclu l’avocate."
    spans = find_marked(text)
    assert [text[q.start : q.end] for q in spans] == [
        "Nous avons tout essayé.",
        "Maintenant, il faut attendre la décision du tribunal",
    ]
    assert spans[1].continued


# --- speakers -----------------------------------------------------------------------------------------------
CASES = [
    # verb after, inverted subject
    ("« Les travaux commenceront en septembre », a déclaré Claire Dumontel, adjointe au maire.",
     "Les travaux commenceront", "Claire Dumontel"),
    ("« Nous ne lâcherons rien sur les salaires », affirme Bruno Caradec devant le dépôt.",
     "Nous ne lâcherons rien", "Bruno Caradec"),
    # verb before, colon
    ("Le préfet Arnaud Vellard a déclaré : « La situation est désormais sous contrôle. »",
     "La situation est désormais", "Arnaud Vellard"),
    ("Sophie Lamarque a répondu: «Nous verrons bien lors du prochain conseil.»",
     "Nous verrons bien", "Sophie Lamarque"),
    # pronoun inverted in the incise, resolved to the last person named as subject
    ("Paul Garnier a quitté la salle vers midi. « Je reviendrai avec un meilleur dossier », a-t-il lancé.",
     "Je reviendrai avec", "Paul Garnier"),
    ("Hélène Roussel dirige l’hôpital depuis 2019. « Les urgences tiennent grâce aux équipes », a-t-elle assuré.",
     "Les urgences tiennent", "Hélène Roussel"),
    # pronoun subject before the verb
    ("Marc Delorme a visité l’usine mardi. Il a estimé que « la reprise sera longue et difficile ».",
     "la reprise sera longue", "Marc Delorme"),
    # selon X
    ("Selon Agnès Berthier, « le projet ne verra pas le jour avant 2030 ».",
     "le projet ne verra pas", "Agnès Berthier"),
    ("« Le projet ne verra pas le jour avant 2030 », selon Agnès Berthier.",
     "Le projet ne verra pas", "Agnès Berthier"),
    # pour X, « … »
    ("Pour Julien Maréchal, « cette réforme arrive beaucoup trop tard ».",
     "cette réforme arrive", "Julien Maréchal"),
    # apposition with title after the verb
    ("« Les résultats sont encourageants », a précisé la directrice de l’agence, Anne Norval.",
     "Les résultats sont", "Anne Norval"),
    # title resolved to the person introduced with it
    ("Le porte-parole du ministère, Luc Ferrandi, a confirmé la rencontre. « Les discussions ont été franches », "
     "a ajouté le porte-parole du ministère.", "Les discussions ont été franches", "Luc Ferrandi"),
    ("La ministre de la Santé, Odile Marchetti, était à Lyon. « Nous allons ouvrir trois centres », a annoncé la ministre.",
     "Nous allons ouvrir", "Odile Marchetti"),
    # continuation without a verb
    ("« Le chantier a pris du retard », a reconnu Denis Aubert. « Mais la livraison reste prévue pour l’été. »",
     "Mais la livraison reste", "Denis Aubert"),
    # partial quote inside reported speech
    ("Nathalie Girard a dit que tout accord devrait « respecter les engagements pris en mars ».",
     "respecter les engagements", "Nathalie Girard"),
    # incise inside the marks
    ("« Nous avons fait notre part, a déclaré Yves Perrault, et nous attendons un geste de la direction. »",
     "Nous avons fait notre part", "Yves Perrault"),
    ("« Nous avons fait notre part, a-t-elle ajouté. Le reste dépend du conseil. »",
     "Le reste dépend du conseil", None),
    # a name just before a colon, no verb
    ("Réaction du préfet Olivier Santoni : « L’État prendra ses responsabilités. »",
     "L’État prendra", "Olivier Santoni"),
    # demonstrative description after the verb
    ("Sur le piquet de grève, Mélanie Corbin ne décolère pas. « On nous promet des hausses depuis trois ans », "
     "confie cette opératrice.", "On nous promet", "Mélanie Corbin"),
    # straight quotes, pronoun inverted, and a continuation
    ('Ingrid Halvorsen a défendu l’accord. "Cet accord protège nos agriculteurs", a-t-elle assuré. '
     '"Les clauses de sauvegarde sont inédites."', "Les clauses de sauvegarde", "Ingrid Halvorsen"),
    # colon after a clause whose subject opens the sentence, no verb of saying
    ("Nadia Ferhat a refusé l’alliance. Thomas Guérin a protesté. Mme Ferhat, elle, n’en démord pas : "
     "« Nos électeurs ne comprendraient pas. »", "Nos électeurs", "Nadia Ferhat"),
    # a quote after a sentence about someone, no verb of saying
    ("La présidente Claire Monnier a posé une question. Bernard Vial a haussé les épaules. "
     "« Je ne me souviens d’aucune lettre. »", "Je ne me souviens", "Bernard Vial"),
    # a person noun standing for the person named just before
    ("Bernard Vial, 61 ans, comparaissait mardi. « Je n’ai jamais reçu la moindre alerte », a assuré le prévenu.",
     "Je n’ai jamais reçu", "Bernard Vial"),
    # interview: the person introduced, then paragraphs of speech
    ("Nous avons rencontré Aïcha Benameur à la sortie de l’audience.\n\n« Nous attendions des excuses.\n\n"
     "« Nous irons jusqu’au bout, quoi qu’il en coûte. »", "Nous irons jusqu’au bout", "Aïcha Benameur"),
    # relative clause after an attributed quote keeps its speaker
    ("« Vous signez un chèque en blanc », a lancé le député Paul Lambrecht, qui réclame « un vote séparé sur ce volet ».",
     "un vote séparé", "Paul Lambrecht"),
    # a work noun ending the previous sentence (« le dispositif. ») does not make the next quote a title
    ("La porte-parole, Marie Quéré, a présenté le dispositif. « Aucun formulaire ne sera exigé », a assuré la porte-parole.",
     "Aucun formulaire", "Marie Quéré"),
    # « selon » followed by an honorific or initials: their dot does not end the source
    ("Le directeur financier, Karim Hadj, a présenté les comptes. La concurrence est « de plus en plus rude », "
     "selon M. Hadj, qui prévoit un second semestre difficile.", "de plus en plus rude", "Karim Hadj"),
    ("« Le calendrier sera tenu », selon J.-P. Lormier.", "Le calendrier sera tenu", "J.-P. Lormier"),
    # « le N » refers to the person the article introduced with that noun, title or not
    ("Le boulanger du village, Henri Caradec, a vu les flammes. Sa voisine, Anne Piel, dormait. "
     "« J'ai tout de suite appelé les pompiers », raconte le boulanger.", "appelé les pompiers", "Henri Caradec"),
    ("La voisine, Anne Piel, dormait. Le boulanger, Henri Caradec, a vu les flammes. "
     "« Je n'ai rien entendu », assure la voisine.", "rien entendu", "Anne Piel"),
    # portrait: a first-person quote with no verb belongs to the one person the text is about
    ("La romancière Sarah Benhamou publie son deuxième livre.\n\nLe succès l'a surprise. "
     "« Je pensais écrire pour mes enfants, rien de plus. »", "Je pensais écrire", "Sarah Benhamou"),
    # ... but not when two people are named
    ("Sarah Benhamou et Paul Roche publient un livre.\n\nLe succès les a surpris. "
     "« Je pensais écrire pour mes enfants, rien de plus. »", "Je pensais écrire", None),
]


@pytest.mark.parametrize("text, words, speaker", CASES)
def test_quotes_speaker_found(analyze, text, words, speaker):
    q = _quote_with(analyze(text), words)
    assert q.kind in ("direct", "partial")
    if speaker is not None:
        assert _speaker(q) == speaker


def test_quotes_incise_splits_or_keeps_one_speaker(analyze):
    text = "Martine Oger a pris la parole. « Nous avons fait notre part, a-t-elle ajouté. Le reste dépend du conseil. »"
    a = analyze(text)
    first = _quote_with(a, "Nous avons fait notre part")
    second = _quote_with(a, "Le reste dépend du conseil")
    assert "a-t-elle ajouté" not in first.text and "a-t-elle ajouté" not in second.text
    assert _speaker(first) == _speaker(second) == "Martine Oger"


def test_quotes_unclosed_quote_takes_the_cue_of_its_continuation(analyze):
    text = (
        "Anne Vasseur a jugé ces critiques « prévisibles ». Mais Paul Rey a souri. « Je respecte les inquiétudes, mais les chiffres sont têtus.\n\n"
        "« Les exportations ont progressé de 12 % l’an dernier », a poursuivi Anne Vasseur."
    )
    a = analyze(text)
    assert _speaker(_quote_with(a, "Je respecte les inquiétudes")) == "Anne Vasseur"


def test_quotes_indefinite_source_is_not_a_named_person(analyze):
    text = "Pierre Durand a quitté Bruxelles. Selon un diplomate européen, « la France ne bloquera pas seule le traité »."
    q = _quote_with(analyze(text), "la France ne bloquera pas")
    assert _speaker(q) != "Pierre Durand"


def test_quotes_pronoun_skips_people_named_as_objects(analyze):
    text = (
        "Romain Texier a rencontré Pierre Lagarde à Nantes. Il a ensuite parlé avec Jean Morvan. "
        "« Nous avons trouvé un terrain d’entente », a-t-il déclaré."
    )
    assert _speaker(_quote_with(analyze(text), "terrain d’entente")) == "Romain Texier"


def test_quotes_nested_quote_attributed_inside_outer(analyze):
    text = (
        "Le maire Serge Toulon a raconté la scène : « J’ai appelé le préfet Alain Brunet et il m’a dit : "
        "‘Nous enverrons des renforts dès ce soir.’ »"
    )
    a = analyze(text)
    assert _speaker(_quote_with(a, "J’ai appelé le préfet")) == "Serge Toulon"
    assert _speaker(_quote_with(a, "Nous enverrons des renforts")) == "Alain Brunet"


# --- kinds ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, words, kind",
    [
        ("Louise Perrin a déclaré : « Nous voterons contre ce texte. »", "Nous voterons contre", "direct"),
        ("Louise Perrin a jugé que le texte allait « dans le mauvais sens pour les familles ».",
         "dans le mauvais sens", "partial"),
        ("Louise Perrin a qualifié le texte d’« inacceptable ».", "inacceptable", "partial"),
    ],
)
def test_quotes_kind_direct_or_partial(analyze, text, words, kind):
    assert _quote_with(analyze(text), words).kind == kind


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ("Thomas Vidal a affirmé que la ligne rouvrirait avant la fin de l’année.", "la ligne rouvrirait", "Thomas Vidal"),
        ("La directrice Inès Carpentier a indiqué qu’aucune fermeture n’était prévue.", "aucune fermeture", "Inès Carpentier"),
        ("Trois classes resteront fermées jusqu’à lundi, a précisé Gilles Aubry.", "Trois classes resteront", "Gilles Aubry"),
    ],
)
def test_quotes_indirect_speech(analyze, text, words, speaker):
    q = _quote_with(analyze(text), words)
    assert q.kind == "indirect"
    assert _speaker(q) == speaker


# --- not utterances --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, words",
    [
        ("Le film « La Nuit des longs couteaux » sort mercredi dans les salles.", "La Nuit des longs couteaux"),
        ("Il l’a confié au quotidien « Le Courrier de l’Ouest » lundi.", "Le Courrier de l’Ouest"),
        ("L’opération « Bouclier du Nord » a mobilisé trois régiments.", "Bouclier du Nord"),
        ("Le roman, intitulé « Les Heures blanches », paraîtra en mai.", "Les Heures blanches"),
    ],
)
def test_quotes_titles_of_works_are_not_utterances(analyze, text, words):
    assert not [q for q in analyze(text).quotes if words in q.text]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Le quartier reste une « zone grise » pour les services municipaux.", "zone grise"),
        ("Le club traverse une « crise » sans précédent.", "crise"),
    ],
)
def test_quotes_scare_quotes_are_never_direct(analyze, text, words):
    for q in analyze(text).quotes:
        if words in q.text:
            assert q.kind == "partial"
            assert q.speaker is None


# --- offsets ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, words, speaker", CASES)
def test_quotes_offsets_match_text(analyze, text, words, speaker):
    for q in analyze(text).quotes:
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.start is not None:
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)


def test_quotes_do_not_cover_the_rest_of_an_article_after_a_missing_mark(analyze):
    text = (
        "« Nous irons jusqu’au bout, a martelé Karim Essaïdi.\n\n"
        "Le tribunal administratif doit se prononcer vendredi sur le recours déposé par l’association."
    )
    for q in analyze(text).quotes:
        if q.kind != "indirect":
            assert "tribunal administratif" not in q.text


@pytest.mark.parametrize(
    "text, title",
    [
        ("Les voleurs sont repartis avec trois toiles, dont la célèbre « Moisson sous la neige ».", "Moisson sous la neige"),
        ("Le cinéaste présente son dernier « Retour à Lisbonne » au festival.", "Retour à Lisbonne"),
    ],
)
def test_quotes_short_title_after_determiner_and_word_is_no_quote(analyze, text, title):
    assert not [q for q in analyze(text).quotes if title in q.text]


def test_quotes_utterance_after_colon_stays_a_quote(analyze):
    a = analyze("Le maire, Paul Dorval, a tranché : « Nous porterons plainte demain. »")
    assert [q for q in a.quotes if "porterons plainte" in q.text]
