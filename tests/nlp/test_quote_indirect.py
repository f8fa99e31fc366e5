"""Indirect speech on invented French sentences: what a verb of saying reports, and what it does not.

Each case names words that must (or must not) lie in an indirect quote, and the speaker's
name as the document should give it (None: nobody).
"""

from __future__ import annotations

import pytest


def _indirect_with(analysis, words: str):
    hits = [q for q in analysis.quotes if q.kind == "indirect" and words in q.text]
    return min(hits, key=lambda q: q.end - q.start) if hits else None


def _speaker(q) -> str | None:
    return q.speaker.name if q.speaker else None


REPORTED = [
    # the noun object of a verb whose object is what was said
    ("Le ministre Paul Ardent a annoncé la fermeture du site de Brassac.", "la fermeture du site", "Paul Ardent"),
    ("Anne Colbert a annoncé dans un communiqué le lancement d'une campagne de vaccination.", "le lancement", "Anne Colbert"),
    ("Le procureur Marc Tessier a requis deux ans de prison contre le maire.", "deux ans de prison", "Marc Tessier"),
    ("Les ouvriers sont en grève depuis lundi. La direction parle, elle, de 40 % de grévistes.", "40 % de grévistes", "direction"),
    ("Le mois dernier, plusieurs associations locales dénonçaient encore des familles sans logement.",
     "des familles sans logement", "associations locales"),
    ("La société Varnel a démenti mardi toute négligence dans l'entretien des cuves.", "toute négligence", "Varnel"),
    ("Un collectif de locataires réclame désormais la tenue d'un référendum local.", "la tenue d'un référendum", "collectif de locataires"),
    ("La maire Anne Colbert a demandé lundi la réouverture rapide de la gare.", "la réouverture rapide", "Anne Colbert"),
    # a subject with a relative clause naming other things, after a complement naming another organisation
    ("Le groupe Varnel a fermé son usine. Dans un communiqué transmis à Reuters, le groupe, dont le siège est à Merval, "
     "affirme avoir prévenu les salariés.", "avoir prévenu les salariés", "Varnel"),
    # a descriptive subject stops at its auxiliary and adverbs
    ("Le pays voisin a d'ailleurs annoncé le mois dernier un audit de ses mines.", "un audit de ses mines", "pays voisin"),
    # « on » speaking for the place that opens the sentence
    ("Le ministère de la Culture a reçu les libraires. Au ministère, on assure que le dossier reste ouvert.",
     "le dossier reste ouvert", "ministère de la Culture"),
    ("Chez les pompiers de Merval, on indique que trois véhicules ont été engagés.", "trois véhicules", "pompiers de Merval"),
    # an infinitive past commas, time words or a negation
    ("Anne Colbert a annoncé, lundi soir, être candidate à la mairie de Merval.", "être candidate", "Anne Colbert"),
    ("Marc Tessier a assuré ne jamais avoir reçu ce courrier.", "avoir reçu ce courrier", "Marc Tessier"),
    # a second « que » clause after a quoted first one
    ("Anne Colbert a assuré que « rien n'était décidé » et que le conseil voterait en mai.", "le conseil voterait", "Anne Colbert"),
    # a sentence closed by the verb, with a name in guillemets inside
    ("Dans la nuit, un cargo, le « Nordan Star », a été arraisonné au large de Brest, a annoncé mardi le préfet Paul Ardent.",
     "un cargo", "Paul Ardent"),
    # the inverted subject followed by a complement, a relative clause or a participle
    ("Le feu a pris vers minuit dans un entrepôt, a indiqué le porte-parole des pompiers, Luc Varnier, lors d'un point presse.",
     "Le feu a pris", "Luc Varnier"),
    ("Les enquêteurs se sont rendus sur place dès l'aube, a précisé Anne Colbert, qui n'exclut aucune piste.",
     "Les enquêteurs", "Anne Colbert"),
    ("Le convoi a quitté la ville dans la nuit, a affirmé Marc Tessier, ajoutant que personne n'avait été blessé.",
     "Le convoi a quitté", "Marc Tessier"),
    # a judging verb with its object and the adjective that judges it, or the adjective first in guillemets
    ("À la sortie, Hugo Delmare et Inès Caradec ont jugé les propositions de la direction insuffisantes.",
     "propositions de la direction insuffisantes", "Hugo Delmare"),
    ("Le président de la fédération, Hugo Delmare, juge pour sa part « urgent » un plan de soutien aux pêcheurs.",
     "un plan de soutien", "Hugo Delmare"),
    ("La députée Inès Caradec estime les dégâts considérables dans toute la vallée.", "les dégâts considérables", "Inès Caradec"),
    # a reflexive verb of saying with an adjective or participle complement
    ("Le maire, Hugo Delmare, s'est dit favorable à une expertise indépendante.", "favorable à une expertise", "Hugo Delmare"),
    ("L'ancienne directrice, Inès Caradec, se dit prête à reprendre la tête de l'établissement.", "prête à reprendre", "Inès Caradec"),
    ("Le sénateur Hugo Delmare s'est déclaré opposé à la fermeture de la maternité.", "opposé à la fermeture", "Hugo Delmare"),
    # « accuser X d'avoir … », « reprocher à X de … »
    ("La ministre Inès Caradec a accusé l'exploitant d'avoir dissimulé la pollution pendant des mois.",
     "d'avoir dissimulé la pollution", "Inès Caradec"),
    ("Le maire Hugo Delmare reproche à la société Norvalis de ne pas avoir prévenu les riverains.",
     "de ne pas avoir prévenu", "Hugo Delmare"),
    # a second verb of saying sharing the subject, with or without its auxiliary
    ("Le collectif des riverains a dénoncé la lenteur des secours et réclamé une enquête indépendante.",
     "une enquête indépendante", "collectif des riverains"),
    ("Le syndicat des pêcheurs a chiffré les pertes à 3 millions d'euros, et demande un prêt garanti sur dix ans.",
     "un prêt garanti", "syndicat des pêcheurs"),
    # an infinitive with its reflexive pronoun, or after a complement of the verb
    ("La procureure Inès Caradec a annoncé mercredi s'être dessaisie au profit du parquet de Brenne.",
     "s'être dessaisie", "Inès Caradec"),
    ("Des habitants du hameau ont rapporté à des journalistes locaux avoir vu des poissons morts.", "avoir vu des poissons", "habitants du hameau"),
    # a relative clause between the subject and its verb
    ("L'action a chuté, et un fonds d'investissement, qui détient 5 % du capital, réclame désormais la tenue d'une assemblée.",
     "la tenue d'une assemblée", "fonds d'investissement"),
    # what « on » learnt from a source
    ("Le navigateur Hugo Delmare a quitté l'hôpital jeudi soir, a-t-on appris vendredi auprès de son entourage.",
     "a quitté l'hôpital", "entourage de Hugo Delmare"),
]


@pytest.mark.parametrize("text, words, speaker", REPORTED)
def test_quote_indirect_reported_speech_found(analyze, text, words, speaker):
    q = _indirect_with(analyze(text), words)
    assert q is not None, [(x.kind, x.text) for x in analyze(text).quotes]
    assert _speaker(q) == speaker


NOT_REPORTED = [
    # « que » of a conjunction, not of reported speech
    ("« Nous avons tout perdu », soupirait-elle alors que les pompiers engageaient leurs lances.", "les pompiers engageaient"),
    ("Le directeur Paul Ardent a démissionné parce que le budget était épuisé.", "le budget était épuisé"),
    ("La maire Anne Colbert a rappelé la règle tandis que les agents quittaient la salle.", "les agents quittaient"),
    ("Le maire Paul Ardent a expliqué la réforme de sorte que chacun la comprenne.", "chacun la comprenne"),
    # a fixed phrase and a relative « que » with an inverted subject
    ("Autant dire que les 400 soldats que commande le colonel Varnier se trouvent en terrain connu.", "les 400 soldats"),
    ("Le préfet a évoqué les difficultés que rencontrent les familles.", "rencontrent les familles"),
    # verbs of wishing or believing in a participle clause: a motive, not words
    ("Les parents n'ont pas demandé de dommages, souhaitant que justice soit faite.", "justice soit faite"),
    ("Considérant que les faits étaient établis, le tribunal a condamné Marc Tessier à une amende.", "les faits étaient établis"),
    # noun objects that report nothing: a future announcement, a relative clause, an inverted subject
    ("Le ministre Paul Ardent va annoncer la fermeture du site.", "la fermeture du site"),
    ("La fermeture qu'a annoncée le ministre Paul Ardent inquiète les salariés.", "inquiète les salariés"),
    ("Le ministre Paul Ardent a proposé à Anne Colbert de conclure un accord.", "conclure un accord"),
    ("Le ministre Paul Ardent a dénoncé un « scandale d'État ».", "scandale"),
    # a judging verb without an attribute, a participle in apposition, someone who learnt something
    ("Le tribunal de Brenne a jugé l'affaire en trois heures.", "l'affaire"),
    ("Le directeur, accusé d'avoir falsifié les comptes, a démissionné mardi.", "falsifié les comptes"),
    ("Hugo Delmare a appris que son usine fermerait en juin.", "son usine fermerait"),
    ("Le ministre Hugo Delmare ne s'est pas dit favorable à la réforme.", "favorable à la réforme"),
]


@pytest.mark.parametrize("text, words", NOT_REPORTED)
def test_quote_indirect_not_reported_speech(analyze, text, words):
    q = _indirect_with(analyze(text), words)
    assert q is None, (q.text, _speaker(q))


def test_quote_indirect_stops_at_its_paragraph(analyze):
    text = "Le syndicat affirme que la grève continuera demain.\n\n10 h 15 – Les grévistes se rassemblent"
    q = _indirect_with(analyze(text), "la grève continuera")
    assert q is not None and "\n" not in q.text


def test_quote_indirect_not_emitted_twice(analyze):
    text = "Selon Anne Colbert, la réforme sera votée en mai. Pour Paul Ardent, la réforme est trop lente."
    spans = [(q.start, q.end, q.kind) for q in analyze(text).quotes]
    assert len(spans) == len(set(spans))


def test_quote_indirect_coordinated_verbs_report_two_things(analyze):
    text = "Le collectif des riverains a dénoncé la lenteur des secours et réclamé une enquête indépendante."
    first = _indirect_with(analyze(text), "la lenteur des secours")
    assert first is not None and "réclamé" not in first.text
