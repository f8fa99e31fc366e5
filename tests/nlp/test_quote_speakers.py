"""Speaker resolution (:mod:`chronique.nlp.quote_speakers`) on invented sentences: titles and person
nouns referring back, organisations named earlier, counted plural subjects, coordinated names,
intertitles inside a speech, gender shown by agreement.

Each case names words inside the quote (or the reported speech) and the speaker's name as the
document should give it (None: nobody).
"""

from __future__ import annotations

import pytest

from chronique.nlp.quote_speakers import is_intertitle, quantity_end


def _speaker_of(analysis, words: str) -> str | None:
    hits = [q for q in analysis.quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    return q.speaker.name if q.speaker else None


CASES = {
    # a title or person noun refers back to the person introduced with another title (passé simple too)
    "souveraine": ("La reine Mathurine a présidé hier la cérémonie. Devant les élus, la souveraine a salué ce "
                   "« moment important pour notre pays ».", "moment important", "Mathurine"),
    "adjoint-passe-simple": ("Luc Ferrand, adjoint aux sports, a reçu les clubs. L'adjoint précisa : « Les travaux "
                             "commenceront en juin prochain. »", "Les travaux", "Luc Ferrand"),
    # organisations: the one named earlier with that head, a clause after « ; », the company just named
    "tribunal-adjective": ("Le tribunal correctionnel de Vessac a rendu son jugement mardi. Le tribunal a estimé que "
                           "les fautes « constituaient une négligence grave ».", "négligence", "tribunal correctionnel de Vessac"),
    "semicolon-clause": ("La France a proposé son aide ; le ministère des Affaires étrangères a indiqué se tenir « prêt "
                         "à répondre à toute demande des autorités ».", "prêt à répondre", "ministère des Affaires étrangères"),
    "company-just-named": ("La société Vantor a racheté l'usine vendredi. Le groupe lyonnais s'engage à maintenir "
                           "l'activité « pendant au moins cinq ans ».", "cinq ans", "Vantor"),
    "company-not-a-union": ("Le syndicat Sud-Rail a appelé à la grève. Le groupe ferroviaire a répondu qu'il ne "
                            "céderait rien aux grévistes.", "céderait", "groupe ferroviaire"),
    "union-apposed": ("La Confédération Ouvrière, premier syndicat du secteur, a appelé à la grève jeudi. Le syndicat a "
                      "dénoncé « une vente organisée en secret ».", "vente organisée", "Confédération Ouvrière"),
    "group-of-people": ("La société Vantor a racheté l'usine. Le groupe de grévistes a affirmé que la grève "
                        "continuerait.", "grève continuerait", "groupe de grévistes"),
    "participle-continues": ("Le Kremlin a démenti que le président soit malade, indiquant que l'entretien n'était pas "
                             "prévu.", "entretien", "Kremlin"),
    # a counted subject is plural: « ils » continues it, even after an opening adverbial
    "counted-plural": ("Grève à l'école.\nHier à 10 h, une dizaine de délégués de la fédération Force Commune ont "
                       "appelé leurs collègues à la grève. « Cette réforme n'a aucune justification », ont-ils souligné.",
                       "aucune justification", "délégués de la fédération Force Commune"),
    "counted-indirect": ("Deux policiers ont affirmé que le suspect était armé.", "suspect", "policiers"),
    # « ils » / « elles » with no plural subject: the plural people named as objects, agreeing in gender
    "plural-object": ("Paul Dorval a reçu les représentants des salariés. « Nous ne signerons rien en l'état », "
                      "ont-ils prévenu.", "signerons", "représentants des salariés"),
    "plural-object-feminine": ("Anne Roy a rencontré les infirmières de l'hôpital. « Nous sommes épuisées depuis des "
                               "mois », confient-elles.", "épuisées", "infirmières de l'hôpital"),
    "plural-object-disagrees": ("Anne Roy a rencontré les habitants du quartier. « Nous sommes épuisés depuis des mois », "
                                "confient-elles.", "épuisés", None),
    "plural-nobody": ("Paul Dorval a visité le chantier. « Tout sera prêt en juin sans faute », assurent-ils.", "Tout sera", None),
    # coordinated names: one speaker, the first conjunct (head of the coordination)
    "coordination-indirect": ("Paul Dorval et Anne Roy ont déclaré que l'accord serait signé lundi.", "accord serait", "Paul Dorval"),
    "coordination-direct": ("Paul Dorval et Anne Roy ont déclaré : « L'accord sera signé lundi prochain. »", "accord sera", "Paul Dorval"),
    "no-coordination": ("Selon Anne Roy, Paul Dorval a déclaré que l'accord serait signé lundi.", "accord serait", "Paul Dorval"),
    # a short heading line between two paragraphs does not take the floor from the speaker
    "intertitle": ("Le maire, Paul Dorval, a présenté le budget. « Nous allons investir dans les écoles et les crèches "
                   "de la ville. »\nDes travaux en 2027\n« Le chantier de la piscine commencera au printemps prochain. »",
                   "piscine", "Paul Dorval"),
    "intertitle-full-stop": ("Le maire, Paul Dorval, a présenté le budget : « Nous allons investir dans les écoles et les "
                             "crèches de la ville ».\nProgramme d'investissements.\n« De plus, dès 2027, la commune "
                             "engagera un lourd programme de travaux. »", "lourd programme", "Paul Dorval"),
    # gender from agreement: « elle » prefers the woman the text marks to a later name of unknown gender
    "agreement-etre": ("Dominique Laval est arrivée mardi. Luc Tellier l'a reçue. « Je n'ai rien à me reprocher », "
                       "a-t-elle affirmé.", "reprocher", "Dominique Laval"),
    "agreement-passive": ("Claude Morin a été élue maire. Luc Tellier l'a félicitée. « C'est une victoire collective », "
                          "a-t-elle estimé.", "victoire", "Claude Morin"),
    "agreement-apposition": ("Dominique Laval, interrogée par les juges, a tout nié. Luc Tellier a requis deux ans. "
                             "« Je n'ai rien à me reprocher », a-t-elle affirmé.", "reprocher", "Dominique Laval"),
    "il-takes-nearest-unknown": ("Dominique Laval est arrivée mardi. Luc Tellier l'a reçue. « Nous verrons bien demain », "
                                 "a-t-il affirmé.", "verrons", "Luc Tellier"),
    "il-nearest-over-titled": ("Le maire, Paul Dorval, a parlé. Selon Samir Haddad, hydrologue, le pic arrivera lundi. "
                               "« Les sols sont saturés depuis des semaines », a-t-il averti.", "sols sont", "Samir Haddad"),
    "elle-nearest-unknown": ("Anne Roy a parlé mardi. Selon Dominique Laval, le pic arrivera lundi. « Les sols sont "
                             "saturés depuis des semaines », a-t-elle averti.", "sols sont", "Dominique Laval"),
    # a participle continuing an incise takes the speaker named in it, not the sentence's first name
    "participle-after-incise": ("Rome suit l'affaire « de très près », a indiqué la porte-parole du ministère, Lina Sarrat, "
                                "précisant que le consul avait pu voir le détenu.", "le consul avait pu", "Lina Sarrat"),
    # a new title is a new person, not the last person named with another title
    "new-title-new-person": ("La coopérative Valbrune a été fondée en 1950. Son président, Octave Garnier, a salué la récolte. "
                             "Le directeur de la cave a fait savoir que les vendanges commenceraient lundi.",
                             "les vendanges", "directeur de la cave"),
    "periphrasis-same-person": ("Le président de la République, Octave Garnier, a visité l'usine. Le chef de l'État a "
                                "indiqué qu'il reviendrait en mai.", "reviendrait en mai", "Octave Garnier"),
    # a title introduced in a clause is no apposition to the name after the verb
    "no-apposition-across-verb": ("Le maire de Valbrune, Octave Garnier, était invité. Le maire de Valbrune est revenu sur la "
                                  "fuite à l'usine Norvalis. Le maire a indiqué qu'il la transmettrait au préfet.",
                                  "transmettrait", "Octave Garnier"),
    # organisations: a company tagged as anything, the body headed by a title, an acronym before the apposition
    "company-noun": ("De son côté, Valcorex a annoncé lundi un plan d'investissement. Le groupe estime que l'usine "
                     "pourrait reprendre en mars.", "pourrait reprendre", "Valcorex"),
    "ministry-of-minister": ("La ministre de l'Agriculture, Lina Sarrat, a visité les vignes. Au ministère, on assure que "
                             "le dossier reste ouvert.", "dossier reste ouvert", "ministère de l'Agriculture"),
    "town-hall-of-mayor": ("Le maire de Valbrune, Octave Garnier, a visité le musée. La mairie a indiqué qu'il pourrait "
                           "rouvrir le mois prochain.", "pourrait rouvrir", "mairie de Valbrune"),
    "acronym-then-union": ("L'Union des pilotes de ligne (UPL), deuxième syndicat de la profession, a déposé un préavis. "
                           "Le syndicat dénonce le projet de réforme des horaires.", "projet de réforme", "Union des pilotes de ligne"),
    # « ils » after people coordinated as the subject: the first of them; a group named in the sentence before
    "coordinated-then-ils": ("Son président, Karim Belaïd, et la porte-parole de l'association, Lucie Ferrand, ont déposé "
                             "plainte mardi, ont-ils fait savoir.", "ont déposé plainte", "Karim Belaïd"),
    "group-then-ils": ("Les diplomates européens se sont réunis à Vienne. Ils redoutent une escalade, ont-ils confié.",
                       "redoutent une escalade", "diplomates européens"),
    # a possessive description is the person the article names so, not the possessor
    "possessive-named-later": ("Le navigateur Hugo Delmare a quitté l'hôpital, a-t-on appris auprès de son avocat. "
                               "« C'est une étape », a réagi son avocat, Me Luc Varnier.", "quitté l'hôpital", "Luc Varnier"),
    # conditional reported speech: the subject, not the addressee, nor the last person named with another title
    "conditional-subject": ("Le maire, Hervé Lanval, est notre invité. Selon nos informations, le préfet vous aurait dit que "
                            "l'usine pourrait redémarrer en décembre.", "pourrait redémarrer", "préfet"),
    # a share of people is no speaker
    "percentage": ("Par ailleurs, 58 % se disent sceptiques sur la baisse des impôts.", "sceptiques", None),
}


@pytest.mark.parametrize("text, words, speaker", list(CASES.values()), ids=list(CASES))
def test_quote_speakers_resolve(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_quote_speakers_narration_between_quotes_breaks_the_floor(analyze):
    text = ("Le maire, Paul Dorval, a présenté le budget. « Nous allons investir dans les écoles et les crèches de la "
            "ville. »\nLa séance a ensuite été levée vers 22 heures, après un long débat sur la fiscalité locale et les "
            "tarifs des cantines scolaires.\n« Le chantier de la piscine commencera au printemps prochain. »")
    assert _speaker_of(analyze(text), "piscine") is None


@pytest.mark.parametrize(
    "phrase, noun",
    [
        ("une dizaine de délégués", "délégués"),
        ("Plusieurs salariés", "salariés"),
        ("trois cents manifestants", "manifestants"),
        ("des centaines d'habitants", "habitants"),
        ("200 grévistes", "grévistes"),
        ("un policier", None),
        ("les délégués", None),
    ],
)
def test_quote_speakers_quantity_opens_a_counted_subject(phrase, noun):
    end = quantity_end(phrase, 0, len(phrase))
    assert (phrase[end:] if end is not None else None) == noun


@pytest.mark.parametrize(
    "text, line, heading",
    [
        ("« … »\nProgramme d'investissements.\n« … »", "Programme d'investissements.\n", True),
        ("« … »\nDes travaux en 2027\n« … »", "Des travaux en 2027\n", True),
        ("« … »\nPourquoi partir maintenant ?\n« … »", "Pourquoi partir maintenant ?\n", False),
        ("« … »\nLa séance a été levée vers 22 heures après un très long débat sur la fiscalité.\n« … »",
         "La séance a été levée vers 22 heures après un très long débat sur la fiscalité.\n", False),
        ("« … »\n« Un accord exigeant »\n« … »", "« Un accord exigeant »\n", False),
    ],
)
def test_quote_speakers_intertitle_is_a_short_line_alone(text, line, heading):
    start = text.index(line)
    assert is_intertitle(text, start, start + len(line)) is heading
