"""Speakers of direct and reported speech on invented sentences: groups, pronoun agreement,
clause subjects, passives, interviews, speakers named after their quote.

Each case names words inside the quote (or the reported speech) and the speaker's name as
the document should give it (None: nobody).
"""

from __future__ import annotations

import pytest

from chronique.nlp import speech_cues


def _speaker_of(analysis, words: str, kind: str | None = None) -> str | None:
    hits = [q for q in analysis.quotes if words in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    return q.speaker.name if q.speaker else None


# --- groups: organisations and collectives speak, and « il / elle / ils / elles » continue them ----------
GROUPS = [
    ("Le syndicat a dénoncé mardi la réforme. « Nous ne lâcherons rien sur ce point », a-t-il ajouté.", "lâcherons", "syndicat"),
    ("Le syndicat Force unie a dénoncé mardi la réforme. « Nous ne lâcherons rien sur ce point », a-t-il ajouté.", "lâcherons", "Force unie"),
    ("La préfecture a annoncé la fermeture des routes. « Restez chez vous jusqu'à nouvel ordre », a-t-elle ajouté.", "Restez", "préfecture"),
    ("Les autorités ont confirmé l'accident. « Trois personnes sont blessées dont une gravement », ont-elles précisé.", "Trois personnes", "autorités"),
    ("Les salariés de l'usine ont manifesté. « On nous a menti depuis le début », dénoncent-ils.", "menti", "salariés de l'usine"),
    ("Le gouvernement a présenté sa réforme mercredi. « Ce texte est juste et nécessaire », a-t-il fait valoir.", "Ce texte", "gouvernement"),
    ("Le parquet de Vessac a ouvert une enquête. Il a précisé que deux personnes avaient été entendues.", "deux personnes", "parquet de Vessac"),
    ("La mairie de Vernay a indiqué dans un communiqué que les travaux reprendraient lundi.", "travaux", "mairie de Vernay"),
    ("Selon l'entourage de la ministre, une médiation avait été proposée en avril.", "médiation", "entourage de la ministre"),
    ("Paul Dorval, dont l'administration a prévenu que des sanctions tomberaient, a ajouté qu'il appellerait.", "sanctions", "administration Dorval"),
    ("Cela romprait avec l'administration Dorval, qui a insisté sur le fait que Vessac participerait.", "Vessac participerait", "administration Dorval"),
    ("Les services de renseignement ont déclaré qu'ils pensaient que la capitale préparait un tir.", "préparait", "services de renseignement"),
    ("La police a interpellé trois suspects. Selon elle, ils préparaient un cambriolage.", "cambriolage", "police"),
    ("La ministre Julie Morel doit s'exprimer jeudi. Son entourage laisse entendre qu'elle pourrait démissionner.",
     "démissionner", "entourage de Julie Morel"),
    ("Paul Dorval a été mis en examen. Ses avocats ont affirmé qu'il était innocent.", "innocent", "avocats de Paul Dorval"),
]


@pytest.mark.parametrize("text, words, speaker", GROUPS)
def test_quote_speakers_groups_speak_and_pronouns_continue_them(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # « elle » skips the masculine group named last for the feminine person before it
        ("Anne Roy, la présidente de l'association, a pris la parole. Le syndicat a dénoncé la réforme. "
         "« Nous resterons mobilisés tout l'été », a-t-elle ajouté.", "mobilisés", "Anne Roy"),
        # « il » skips the feminine group for the masculine person
        ("Le maire, Paul Dorval, a reçu les familles. La préfecture a confirmé la fermeture. "
         "« Nous reconstruirons l'école avant la rentrée », a-t-il promis.", "reconstruirons", "Paul Dorval"),
        # « ils » needs a plural antecedent: a single person is none
        ("Paul Dorval a visité le chantier. « Tout sera prêt en juin sans faute », assurent-ils.", "Tout sera prêt", None),
    ],
)
def test_quote_speakers_pronoun_agrees_in_gender_and_number(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


# --- the clause before the verb, coordination, relatives, passives -----------------------------------
@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ("Selon M. Paul Dorval, le dirigeant vessacois a déclaré que la capitale voulait la paix.", "voulait la paix", "dirigeant vessacois"),
        ("Dans un communiqué, la Commission indique qu'elle rendra sa décision en août.", "rendra sa décision", "Commission"),
        ("Joint par téléphone, l'entraîneur Paul Vidal a dénoncé « une sanction injuste » et annoncé qu'il saisirait la justice.",
         "saisirait", "Paul Vidal"),
        ("« Une seule étincelle suffit quand tout est sec », a insisté le colonel Paul Verne, qui note que le département "
         "n'a reçu que 4 millimètres de pluie.", "4 millimètres", "Paul Verne"),
        ("Le maire, Didier Lorca, a fait évacuer le quartier. L'élu, qui a passé la nuit en mairie, a demandé aux habitants "
         "de « ne prendre aucun risque inutile ».", "aucun risque", "Didier Lorca"),
        ("Il a été annoncé par le ministère de l'Intérieur que les contrôles seraient renforcés.", "contrôles", "ministère de l'Intérieur"),
        ("Anne Roy est arrivée mardi. Il a été confirmé que les contrôles seraient renforcés.", "contrôles", None),
        ("Cette semaine, M. Paul Dorval a réaffirmé sa position selon laquelle il n'envisageait pas de démissionner.",
         "démissionner", "Paul Dorval"),
        ("Anne Roy a rencontré le PDG du groupe. Ce dernier a affirmé que l'usine resterait ouverte.", "usine", "PDG du groupe"),
        ("Anne Roy a rencontré Paul Dorval mardi. Ce dernier a affirmé que l'usine resterait ouverte.", "usine", "Paul Dorval"),
        ("Pour la Confédération des artisans, la mobilisation est « historique et sans précédent ».", "historique",
         "Confédération des artisans"),
        ("Le successeur de Paul Dorval a dit mardi : « Je tiendrai toutes les promesses de la campagne. »", "promesses", "successeur de Paul Dorval"),
        ("Anne Roy a ouvert l'audience. « Ce sont les plus modestes qui ont payé la facture », a requis la procureure.",
         "plus modestes", "Anne Roy"),
    ],
)
def test_quote_speakers_subject_of_the_verb(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_quote_speakers_noun_of_saying_is_not_a_second_cue(analyze):
    a = analyze("La mairie de Vernay a indiqué dans un communiqué que les travaux reprendraient lundi.")
    assert len([q for q in a.quotes if q.kind == "indirect"]) == 1


@pytest.mark.parametrize(
    "text",
    ["dans un communiqué", "selon sa déclaration", "l'annonce", "une critique", "un démenti", "par communiqué"],
)
def test_speech_cues_noun_after_a_determiner_is_no_verb(text):
    assert speech_cues.find_cues(text, 0, len(text)) == []


@pytest.mark.parametrize("text", ["il la critique", "elle le dit", "a requis", "se souvient", "grince"])
def test_speech_cues_verb_after_an_object_pronoun_or_new_verb(text):
    assert len(speech_cues.find_cues(text, 0, len(text))) == 1


# --- unseen prose: present-tense inversions, anonymous speakers, speakers named later --------------------
@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ("La ministre de la Culture, Hélène Vardon, a visité le musée. « La situation est grave », explique-t-elle.", "situation", "Hélène Vardon"),
        ("Anne Roy a pris la parole en premier. « Rien n'est encore joué à ce stade », poursuit-elle.", "Rien n'est", "Anne Roy"),
        ("Les discussions ont repris. « C'est un échec complet pour tout le monde », ironise un diplomate européen.", "échec", "diplomate européen"),
        ("« Les négociations avancent lentement mais sûrement », confie une source proche du dossier.", "négociations", "source proche du dossier"),
        ("« Nous attendons des actes et pas des mots », tranche un responsable syndical sous couvert d'anonymat.", "actes", "responsable syndical"),
        ("La ministre a rencontré le directeur de l'usine. « Nous ne laisserons pas tomber les salariés », a-t-elle promis.", "salariés", "ministre"),
        ("« Il faut agir vite avant l'hiver. » Ces mots sont ceux de Julie Morel, présidente de l'association.", "agir vite", "Julie Morel"),
        ("L'échange doit avoir lieu « dans les dix prochains jours » à la frontière, a précisé le ministre Karim Souad lors d'une conférence.",
         "dix prochains jours", "Karim Souad"),
        ("La directrice générale de la régie a annoncé qu'un service minimum serait assuré. « Nous faisons tout pour les usagers », "
         "a assuré Mme Sylvie Marand.", "service minimum", "Sylvie Marand"),
        # the source of « selon » is a subject: « elle » finds her before a person named as a complement
        ("Selon Anne Roy, hydrologue, l'eau atteindra lundi la maison de Paul Dorval. "
         "« Les sols sont saturés depuis le début du mois », a-t-elle mis en garde.", "sols", "Anne Roy"),
        ("Julie Morel : « Nous ne lâcherons rien sur les salaires »", "salaires", "Julie Morel"),
        # live blogs and datelines: the clock time or the place before the dash is not the subject
        ("14 h 30 – Les grévistes bloquent l'usine. « On ne bougera pas », lance un délégué syndical.\n\n"
         "15 h 10 – La direction réagit par communiqué : « Le site n'est pas menacé. »", "site", "direction"),
        ("VESSAC — Le préfet du département a déclaré que la vigilance rouge était maintenue.", "vigilance", "préfet du département"),
        ("« Nous ne lâcherons rien » : le coup de colère d'Anne Roy, maire de Vernay\n\nLa maire a dénoncé lundi la fermeture.",
         "lâcherons", "Anne Roy"),
        ("Un haut responsable vessacois, s'exprimant sous couvert d'anonymat, a indiqué que la capitale « surveillait la situation ».",
         "surveillait", "haut responsable vessacois"),
        ("Le groupe Dalmar a racheté l'usine. Le groupe a confirmé mardi que 200 emplois seraient maintenus.", "200 emplois", "Dalmar"),
        # a title refers back to a person, never to the organisation that spoke last
        ("Le maire, Paul Dorval, a visité la digue. L'établissement public estime que les cumuls seront forts. "
         "« Nous serons aux côtés des sinistrés », a promis le maire.", "sinistrés", "Paul Dorval"),
    ],
)
def test_quote_speakers_in_unseen_prose(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


INTERVIEW = (
    "Claire Fabre : « La croissance restera faible cette année »\n\n"
    "Propos recueillis par Marc Henry\n\n"
    "La croissance va-t-elle repartir cette année ?\n\n"
    "« Je ne le crois pas. Les ménages épargnent encore beaucoup trop. »\n\n"
    "Que doit faire le gouvernement ?\n\n"
    "« Il doit d’abord rassurer les entreprises sur la fiscalité. »\n"
)


@pytest.mark.parametrize("words", ["croissance restera", "ménages épargnent", "rassurer les entreprises"])
def test_quote_speakers_interview_answers_belong_to_the_interviewee(analyze, words):
    assert _speaker_of(analyze(INTERVIEW), words) == "Claire Fabre"


def test_quote_speakers_interview_questions_are_not_quotes(analyze):
    a = analyze(INTERVIEW)
    assert not [q for q in a.quotes if "?" in q.text]
    assert all(q.speaker is None or q.speaker.name != "Marc Henry" for q in a.quotes)


def test_quote_speakers_negated_verb_reports_nothing(analyze):
    a = analyze("Le ministère des Sports n'a pas souhaité commenter la décision du tribunal.")
    assert not [q for q in a.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Le parquet, qui avait requis quatre ans de prison, dispose de dix jours pour faire appel.", None),
        ("Paul Dorval a affirmé ignorer tout du dossier.", "ignorer tout"),
    ],
)
def test_quote_speakers_infinitive_reported_speech_needs_a_verb(analyze, text, words):
    found = [q.text for q in analyze(text).quotes if q.kind == "indirect"]
    assert (words is None and not found) or (words is not None and any(words in f for f in found))


TITLED = (
    "Fonderie : « Nous ne partirons pas sans garanties »\n\n"
    "Les salariés occupent le site depuis lundi. « Nous ne partirons pas sans garanties écrites », a martelé Paul Dorval, "
    "délégué syndical.\n\n"
    "« On a tout donné à cette usine »\n\n"
    "Anne Roy y travaille depuis trente ans. « On a tout donné à cette usine, et voilà comment on nous remercie », soupire-t-elle."
)


@pytest.mark.parametrize("words, speaker", [("sans garanties", "Paul Dorval"), ("tout donné", "Anne Roy")])
def test_quote_speakers_headline_and_intertitle_repeat_a_body_quote(analyze, words, speaker):
    a = analyze(TITLED)
    titles = [q for q in a.quotes if words in q.text and "écrites" not in q.text and "remercie" not in q.text]
    assert titles and all(q.speaker is not None and q.speaker.name == speaker for q in titles)


UNMARKED_INTERVIEW = (
    "Entretien avec Elena Varga, chercheuse\n\n"
    "Les sanctions fonctionnent-elles ?\n\n"
    "Elles ont un coût, c'est indéniable. Mais le pays a appris à les contourner.\n\n"
    "Que faudrait-il faire de plus ?\n\n"
    "Viser les flux financiers, pas seulement les marchandises.\n\n"
    "Propos recueillis par Marc Henry\n"
)


@pytest.mark.parametrize("words", ["un coût", "flux financiers"])
def test_quote_speakers_unmarked_interview_answers_are_direct_quotes(analyze, words):
    a = analyze(UNMARKED_INTERVIEW)
    assert _speaker_of(a, words, "direct") == "Elena Varga"


def test_quote_speakers_unmarked_interview_questions_and_byline_are_not_quotes(analyze):
    texts = [q.text for q in analyze(UNMARKED_INTERVIEW).quotes]
    assert not [t for t in texts if t.endswith("?") or "recueillis" in t]


def test_quote_speakers_one_rhetorical_question_makes_no_interview(analyze):
    a = analyze("Faut-il s'en inquiéter ?\n\nLe conseil municipal votera le budget jeudi soir.")
    assert not a.quotes


LABELLED_INTERVIEW = (
    "Anne Roy, maire de Brévan : « Nous reconstruirons l'école »\n\n"
    "Entretien réalisé par Marc Henry.\n\n"
    "Marc Henry : Anne Roy, bonjour. Où en sont les travaux ?\n\n"
    "A. Roy : Bonjour. Le chantier a repris lundi, avec deux mois de retard.\n\n"
    "Marc Henry : Les parents d'élèves s'inquiètent, pourtant...\n\n"
    "A. Roy : Je les comprends, et je les recevrai jeudi.\n\n"
    "Je leur dirai la vérité sur le calendrier.\n\n"
    "Le conseil municipal votera le budget des travaux le mois prochain.\n"
)


@pytest.mark.parametrize("words", ["Le chantier a repris", "Je les comprends", "la vérité sur le calendrier"])
def test_quote_speakers_labelled_interview_answers_without_their_label(analyze, words):
    a = analyze(LABELLED_INTERVIEW)
    q = next(q for q in a.quotes if words in q.text)
    assert q.speaker is not None and q.speaker.name == "Anne Roy"
    assert ":" not in q.text[:12]


def test_quote_speakers_labelled_interview_question_ending_in_dots_is_no_answer(analyze):
    texts = [q.text for q in analyze(LABELLED_INTERVIEW).quotes]
    assert not [t for t in texts if "parents d'élèves" in t or "conseil municipal" in t]
