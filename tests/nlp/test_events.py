"""Events read from one article: type from trigger lemmas, participants, place, date, offsets.

Dates are checked against timexes built here, so these tests do not depend on the
timex reader; names are invented.
"""

from __future__ import annotations

import pytest

from chronique.model import Timex
from chronique.nlp import events

pytestmark = pytest.mark.slow


def _run(nlp, text: str, published: str | None = None, dates: dict[str, str] | None = None):
    doc = nlp.make_doc(text)
    doc._.chronique_published = published
    doc._.chronique_body_start = 0
    doc = nlp(doc)
    timexes = doc._.chronique_timexes
    if dates is not None:
        timexes = []
        for words, value in dates.items():
            start = text.index(words)
            timexes.append(Timex(start, start + len(words), words, "DATE", value))
    found = events.extract(doc, doc._.chronique_mentions, doc._.chronique_entities, timexes, doc._.chronique_quotes)
    names = {i: e.name for i, e in enumerate(doc._.chronique_entities)}
    return found, names


def _of_type(found, etype):
    return [e for e in found if e.type == etype]


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Le ministre Paul Durand s'est entretenu au téléphone avec son homologue Marc Lefort.", "phone_call"),
        ("Le conseiller a eu un entretien téléphonique avec la présidente.", "phone_call"),
        ("Les deux dirigeants se sont réunis à Genève pour un sommet.", "meeting"),
        ("Les négociations entre les deux pays ont repris à Bruxelles.", "negotiation"),
        ("L'armée a mené une attaque de drones contre la ville portuaire.", "attack"),
        ("Bruxelles a adopté de nouvelles sanctions contre le régime.", "sanction"),
        ("Les deux pays ont procédé à un échange de prisonniers.", "prisoner_exchange"),
        ("Les deux entreprises ont signé un accord de fusion.", "agreement"),
        ("Le gouvernement a annoncé la fermeture de trois usines.", "announcement"),
        ("Les cheminots ont entamé une grève illimitée.", "strike"),
        ("Les électeurs sont appelés aux urnes pour l'élection municipale.", "election"),
        ("Le club a limogé son entraîneur après la défaite.", "dismissal"),
        ("Un violent incendie a ravagé la forêt.", "fire"),
        ("Le parquet a ouvert une enquête pour homicide.", "investigation"),
        ("Le suspect a été mis en examen pour vol.", "charge"),
        ("Les deux groupes laitiers ont annoncé leur projet de fusion.", "merger"),
        ("Le parquet a requis deux ans de prison avec sursis contre l'ancien directeur.", "requisition"),
        ("Le club a remporté la finale face à son rival.", "result"),
        ("Le groupe a publié des résultats semestriels en forte hausse.", "result"),
        # issue 4's list, in invented sentences
        ("La sélectionneuse a vivement critiqué la gestion du club.", "declaration"),
        ("Le syndicat a dénoncé une provocation de la direction.", "declaration"),
        ("Les deux délégations se sont retrouvées à Oslo.", "meeting"),
        ("Une nouvelle série de discussions a commencé à Oslo.", "negotiation"),
        ("La direction et le syndicat ont signé un protocole de fin de conflit.", "agreement"),
        ("Les otages ont été libérés par leurs ravisseurs.", "release"),
        ("Le groupe a dévoilé sa nouvelle stratégie.", "announcement"),
        ("Le syndicat a déposé un préavis de grève.", "strike_notice"),
        ("Les députés ont adopté le projet de loi sur l'eau.", "vote"),
        ("Le Sénat a rejeté la motion de censure.", "vote"),
        ("La directrice a quitté ses fonctions à la fin du mois.", "resignation"),
        ("Son adjoint lui succède à la tête du service.", "appointment"),
        ("Le suspect a été arrêté par la police à son domicile.", "arrest"),
        ("L'homme a été placé en garde à vue.", "arrest"),
        ("Un train a déraillé près de la gare.", "accident"),
        ("Le pont s'est effondré sous le poids du camion.", "accident"),
        ("Une violente tempête a frappé la côte.", "storm"),
        ("La crue a emporté deux ponts.", "flood"),
        ("Un homme de soixante ans est mort dans l'accident.", "death"),
        ("La rivière a atteint la cote de six mètres.", "record"),
        ("L'ancien maire a été jugé par le tribunal correctionnel.", "trial"),
        ("Le prévenu a écopé de deux ans de prison.", "sentence"),
        ("Le club a gagné la finale aux tirs au but.", "result"),
        ("Les enquêteurs ont mené une perquisition au siège.", "investigation"),
    ],
)
def test_events_typed_from_trigger_lemmas(nlp, text, etype):
    found, _ = _run(nlp, text, dates={})
    assert etype in {e.type for e in found}, [(e.type, e.trigger) for e in found]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Le syndicat a lancé un appel à la grève.", "phone_call"),  # a call for something, not a call
        ("Le ministre a salué l'échange entre les étudiants.", "prisoner_exchange"),  # no prisoners
        ("« Nous avons signé un accord historique », a déclaré la directrice Léa Garnier.", "agreement"),  # her words
        ("Les deux ministres ne se sont pas rencontrés.", "meeting"),  # negated
        ("La directrice a jugé ces revendications irréalistes.", "trial"),  # an opinion, not a court
        ("Le maire a quitté la salle en colère.", "resignation"),  # not his post
        ("Le match a atteint une intensité rare.", "record"),  # no level reached
        ("La voiture s'est arrêtée au feu rouge.", "arrest"),  # no police
    ],
)
def test_events_not_read_where_the_words_say_otherwise(nlp, text, absent):
    found, _ = _run(nlp, text, dates={})
    assert absent not in {e.type for e in found}, [(e.type, e.trigger) for e in found]


def test_events_participants_are_the_clause_entities_and_place_apart(nlp):
    text = "Le président Jean Morel s'est entretenu mardi avec la chancelière Anna Berg à Vienne, selon Paul Vidal."
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"})
    (talk,) = [e for e in found if e.type in ("conversation", "phone_call")]
    who = {names[i] for i in talk.local_participants}
    assert {"Jean Morel", "Anna Berg"} <= who
    assert "Paul Vidal" not in who  # a source, not a participant
    assert talk.place == "Vienne" and "Vienne" not in who


def test_events_subject_event_takes_its_place_and_start_from_the_verb(nlp):
    text = "Un violent incendie a parcouru mille hectares depuis lundi dans la forêt de Fontainebleau."
    found, _ = _run(nlp, text, dates={"lundi": "2025-07-21"})
    (fire,) = _of_type(found, "fire")
    assert fire.date == "2025-07-21"  # « depuis lundi »: when it began
    assert fire.place is not None and "Fontainebleau" in fire.place


@pytest.mark.parametrize("dates, expected", [({"lundi": "2025-03-10"}, "2025-03-10"), ({}, None)])
def test_events_quotation_gives_a_declaration_by_its_speaker(nlp, dates, expected):
    text = "« Nous ne céderons pas », a déclaré la ministre Hélène Roussel lundi."
    found, names = _run(nlp, text, published="2025-03-10", dates=dates)
    decl = [e for e in _of_type(found, "declaration") if any(names[i] == "Hélène Roussel" for i in e.local_participants)]
    assert decl
    assert decl[0].date == expected  # a statement is dated by its own words, never by the publication


@pytest.mark.parametrize(
    "text, dates, trigger, expected",
    [
        ("Le ministre Paul Durand a rencontré mardi son homologue.", {"mardi": "2025-03-11"}, "rencontré", "2025-03-11"),
        ("L'appel téléphonique de mars entre les deux dirigeants a surpris les observateurs.", {"mars": "2025-03"}, "appel", "2025-03"),
        ("Les délégations se sont réunies la semaine dernière à Genève.", {"la semaine dernière": "2025-W10"}, "réunies", "2025-W10"),
        ("Les négociations sont bloquées depuis 2020.", {"2020": "2020"}, "négociations", None),  # a bound, not a date
        ("Le dernier sommet a eu lieu en juin à Rome.", {"juin": "2024-06"}, "sommet", "2024-06"),
    ],
)
def test_events_dated_from_the_timex_of_their_clause(nlp, text, dates, trigger, expected):
    found, _ = _run(nlp, text, dates=dates)
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert event.date == expected


@pytest.mark.parametrize(
    "text, dates, trigger, expected",
    [
        # « jusqu'à » bounds the end and never dates
        ("Les négociations, prévues jusqu'à vendredi, se déroulent à Oslo.", {"vendredi": "2025-03-14"}, "négociations", None),
        # « à partir de » dates the innermost happening of the clause: the strike, not the notice
        ("Les contrôleurs ont déposé mardi un préavis de grève à partir du lundi 17 mars.", {"mardi": "2025-03-11", "lundi 17 mars": "2025-03-17"}, "grève", "2025-03-17"),
        ("Les contrôleurs ont déposé mardi un préavis de grève à partir du lundi 17 mars.", {"mardi": "2025-03-11", "lundi 17 mars": "2025-03-17"}, "préavis", "2025-03-11"),
        ("Les cheminots seront en grève dès jeudi.", {"jeudi": "2025-03-13"}, "grève", "2025-03-13"),
        # a date in the phrase of the happening nested inside is that happening's
        ("L'autorité a ouvert mardi une enquête sur le projet de rachat annoncé en mars.", {"mardi": "2025-04-15", "mars": "2025-03"}, "enquête", "2025-04-15"),
        ("L'autorité a ouvert mardi une enquête sur la fusion de mars.", {"mardi": "2025-04-15", "mars": "2025-03"}, "fusion", "2025-03"),
        # what another happening is about is not dated by it
        ("L'autorité a ouvert mardi une enquête sur la fusion des deux banques.", {"mardi": "2025-04-15"}, "fusion", None),
    ],
)
def test_events_start_end_and_nested_dates(nlp, text, dates, trigger, expected):
    found, _ = _run(nlp, text, dates=dates)
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert event.date == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the lead's undated event takes the day its own sentence names, after it too
        ("Les deux entreprises ont signé un accord de fusion, a annoncé mardi la direction du groupe.\n\nLe texte sera soumis aux actionnaires.", "2025-06-03"),
        # else a day named later in its paragraph
        ("Les deux entreprises ont signé un accord de fusion. La cérémonie a eu lieu mardi au siège du groupe.\n\nLe texte sera soumis aux actionnaires.", "2025-06-03"),
        # a day too old for the lead's reference is no date for it
        ("Les deux entreprises ont signé un accord de fusion, a annoncé le 3 mai la direction du groupe.\n\nLe texte sera soumis aux actionnaires.", "2025-06-04"),
    ],
)
def test_events_lead_takes_the_day_named_in_its_sentence(nlp, text, expected):
    day = "mardi" if "mardi" in text else "3 mai"
    found, _ = _run(nlp, text, published="2025-06-04", dates={day: "2025-06-03" if day == "mardi" else "2025-05-03"})
    told = [e for e in found if e.type == "agreement"]
    assert told and all(e.date == expected for e in told)


@pytest.mark.parametrize(
    "text",
    [
        "Le préfet Jules Aubry a indiqué jeudi qu'il « restait attentif » et qu'il verrait les élus.",
        "« Rien n'est joué », a déclaré jeudi le préfet Jules Aubry, qui a réuni les parties.",
    ],
)
def test_events_sentence_runs_to_its_full_stop(nlp, text):
    found, _ = _run(nlp, text, dates={"jeudi": "2025-03-13"})
    assert found
    for e in found:
        assert e.sentence.text.endswith(".") and text[e.sentence.start : e.sentence.end] == e.sentence.text


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("L'appel a duré une heure.", "appel", "definite"),
        ("Le dernier sommet a eu lieu à Rome.", "sommet", "definite"),
        ("Le procureur a parlé dans son réquisitoire.", "réquisitoire", "pointer"),
        ("Cette réunion a duré dix heures.", "réunion", "pointer"),
        ("Il a parlé lors de la réunion.", "réunion", "definite"),
        ("Il est parti au terme du sommet.", "sommet", "definite"),
        ("Ils ont parlé à l'issue de leur rencontre.", "rencontre", "pointer"),
        ("Un sommet a eu lieu à Rome.", "sommet", None),
        ("La prochaine réunion aura lieu à Rome.", "réunion", None),
        ("Le tribunal a condamné le prévenu.", "condamné", None),  # a verb re-tells nothing
    ],
)
def test_events_determiner_tells_a_re_mention(nlp, text, trigger, expected):
    found, _ = _run(nlp, text, dates={})
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert event.definite == expected


def test_events_date_not_taken_from_another_clause(nlp):
    text = "La porte-parole a indiqué lundi que la réunion de Genève avait été utile."
    found, _ = _run(nlp, text, dates={"lundi": "2025-03-10"})
    (meeting,) = _of_type(found, "meeting")
    assert meeting.date is None  # « lundi » dates what she said, not the meeting


@pytest.mark.parametrize(
    "text, expected",
    [
        # the news of the day: the lead's first sentence in the passé composé
        ("Les deux entreprises ont signé un accord de fusion, a annoncé la direction.\n\nLe texte sera soumis aux actionnaires.", "2025-06-04"),
        # planned, not happened: no date from the publication
        ("Les deux dirigeants doivent se rencontrer pour discuter du projet.\n\nRien n'est encore fixé.", None),
    ],
)
def test_events_lead_falls_back_on_publication_day(nlp, text, expected):
    found, _ = _run(nlp, text, published="2025-06-04", dates={})
    told = [e for e in found if e.type in ("agreement", "meeting")]  # « signé un accord »: verb and noun
    assert told and all(e.date == expected for e in told)


def test_events_lead_reference_date_carries_to_next_paragraph(nlp):
    text = (
        "Le maire Louis Perrin a annoncé mercredi la fermeture du pont.\n\n"
        "M. Perrin a déclaré avoir rencontré les commerçants du quartier.\n\n"
        "Les travaux dureront deux ans.\n\nUne réunion a eu lieu avec les riverains."
    )
    found, _ = _run(nlp, text, published="2025-06-04", dates={"mercredi": "2025-06-04"})
    meetings = sorted(_of_type(found, "meeting"), key=lambda e: e.start)
    assert meetings[0].date == "2025-06-04"  # lead: the reference date named before
    assert meetings[-1].date is None  # deep in the article: no guess


def test_events_offsets_are_exact(nlp, seeds_dir):
    path = next(iter(sorted(seeds_dir.glob("*.txt"))))
    text = path.read_text(encoding="utf-8")
    found, _ = _run(nlp, text, published="2025-05-19")
    assert found
    for e in found:
        assert text[e.start : e.end] == e.trigger
        assert e.sentence is not None and text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert e.sentence.start <= e.start < e.sentence.end
        assert e.id.startswith("v-")


# --- unseen-article rules (issue 4): invented sentences, none from a gold article ---


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Un puissant tremblement de terre a secoué samedi la région de Valdorme.", "earthquake"),  # adjective read as the noun
        ("La secousse, d'une magnitude de 5,2, a réveillé la vallée.", "earthquake"),
        ("Deux randonneurs ont trouvé la mort dans la montagne.", "death"),
        ("Les deux partis se sont entendus jeudi sur un compromis.", "agreement"),
        ("Le syndicat a annoncé la conclusion d'un accord avec la direction.", "agreement"),
        ("Le conseil a adopté le paquet de mesures fiscales.", "vote"),
        ("Un rassemblement a eu lieu devant la mairie de Brescourt.", "protest"),
        ("Son ancien associé écope de deux ans de prison.", "sentence"),  # the verb the tagger reads as the noun
    ],
)
def test_events_more_trigger_words(nlp, text, etype):
    found, _ = _run(nlp, text, dates={})
    assert _of_type(found, etype), [(e.type, e.trigger) for e in found]


def test_events_when_clause_takes_the_main_clauses_date(nlp):
    text = "Il était midi, jeudi 4 juin, quand la fédération Arvelis a proclamé la conclusion d'un accord."
    found, _ = _run(nlp, text, published="2026-06-05", dates={"jeudi 4 juin": "2026-06-04"})
    (deal,) = _of_type(found, "agreement")
    assert deal.date == "2026-06-04"


def test_events_date_of_a_source_is_not_the_events(nlp):
    text = "D'après le rapport de la préfecture diffusé jeudi, la tempête a détruit trois hangars.\n\nRien d'autre."
    found, _ = _run(nlp, text, dates={"jeudi": "2026-02-12"})
    (storm,) = _of_type(found, "storm")
    assert storm.date != "2026-02-12"


def test_events_a_day_named_beats_a_bare_clock_time(nlp):
    text = "Au nord, un séisme a eu lieu à 6 h 10, heure locale, vendredi matin, selon les sismologues."
    found, _ = _run(nlp, text, dates={"6 h 10, heure locale": "2026-03-08T06:10", "vendredi matin": "2026-03-06TMO"})
    (quake,) = _of_type(found, "earthquake")
    assert quake.date == "2026-03-06"


def test_events_lead_reference_date_not_from_a_byline(nlp):
    text = (
        "Un incendie a ravagé dans la nuit de vendredi à samedi un entrepôt de Castelbrune.\n"
        "Mis à jour le 9 mars à 10 h 05\n"
        "Les pompiers ont lutté toute la nuit. L'incendie a détruit la toiture et deux camions."
    )
    dates = {"nuit de vendredi à samedi": "2026-03-06TNI", "9 mars à 10 h 05": "2026-03-09T10:05"}
    found, _ = _run(nlp, text, published="2026-03-09", dates=dates)
    fires = sorted(_of_type(found, "fire"), key=lambda e: e.start)
    assert fires[-1].date not in (None, "2026-03-09")


def test_events_disaster_centre_names_where_it_struck(nlp):
    text = "Un séisme a secoué la région samedi soir. L'épicentre se situe sous la ville de Montreval, à dix kilomètres de profondeur."
    found, names = _run(nlp, text, dates={"samedi soir": "2026-03-07TEV"})
    quake = _of_type(found, "earthquake")[0]
    assert any("Montreval" in names[i] for i in quake.context_participants + quake.local_participants)


def test_events_neighbouring_sentence_gives_context(nlp):
    text = "La société Brocalm et son architecte Hugues Marsan sont poursuivis. Deux ouvriers avaient trouvé la mort le 3 mai 2022."
    found, names = _run(nlp, text, dates={"3 mai 2022": "2022-05-03"})
    (death,) = _of_type(found, "death")
    assert {"Brocalm", "Hugues Marsan"} & {names[i] for i in death.context_participants}


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Le ministre a assisté aux pourparlers.", "pourparlers", "pointer"),  # the ones told, whoever took part
        ("Le ministre a commenté les pourparlers.", "pourparlers", "definite"),
    ],
)
def test_events_partaking_in_a_definite_happening_points_back(nlp, text, trigger, expected):
    found, _ = _run(nlp, text, dates={})
    (e,) = [e for e in found if e.trigger == trigger]
    assert e.definite == expected


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Une fuite de gaz s'est produite jeudi dans l'usine Brantex de Morvillers.", "leak"),
        ("La fuite s'est produite vers midi, selon les pompiers.", "leak"),  # « se produire »: a leak, not an escape
        ("Un orage a provoqué des coulées de boue à Castelbrun.", "storm"),
        ("La grêle a détruit les vergers de Castelbrun dimanche.", "storm"),
        ("Des bijoux ont été dérobés dans une boutique de Morvillers.", "theft"),
        ("Le vol des tableaux a eu lieu dans la nuit.", "theft"),
        ("Les parents d'élèves ont porté plainte auprès du commissariat.", "complaint"),
        ("Le journaliste Paul Varennes a quitté jeudi la prison de Morvillers.", "release"),
        ("Le décret est paru mardi au Journal officiel.", "decree"),
        ("Brantex va vendre sa filiale allemande à un fonds.", "sale"),
        ("Les autorités ont arrêté vendredi un commerçant de Morvillers, Paul Varennes.", "arrest"),
        ("Un chauffeur routier a été interpellé mardi à la frontière.", "arrest"),
        ("Le sous-préfet Marc Olivier s'est rendu sur place dans la matinée.", "visit"),
    ],
)
def test_events_typed_happenings_told_without_an_actor_or_in_a_report(nlp, text, etype):
    found, _ = _run(nlp, text, dates={})
    assert _of_type(found, etype), [(e.type, e.trigger) for e in found]


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Le suspect a pris la fuite à pied.", "leak"),  # an escape
        ("Le vol Paris-Lisbonne a été annulé.", "theft"),  # a flight
        ("Des commerçants ont interpellé le maire sur le stationnement.", "arrest"),  # to challenge
        ("L'usine a dû arrêter sa production pendant deux jours.", "arrest"),
        # the condition word belongs to the source, not to the happening
        ("L'un des blessés a pu quitter le service de réanimation, selon la direction de la clinique.", "resignation"),
        ("Questions à une élue de Pornel sur le budget.", "election"),  # a participle used as a noun
    ],
)
def test_events_trigger_words_with_another_sense_are_no_event(nlp, text, etype):
    found, _ = _run(nlp, text, dates={})
    assert not _of_type(found, etype), [(e.type, e.trigger) for e in found]


def test_events_dated_by_their_own_day_not_the_report(nlp):
    text = "Les gendarmes ont arrêté lundi le gérant du camping, Paul Varennes, a indiqué mardi le parquet."
    found, _ = _run(nlp, text, published="2026-03-11", dates={"lundi": "2026-03-09", "mardi": "2026-03-10"})
    (arrest,) = _of_type(found, "arrest")
    assert arrest.date == "2026-03-09"


@pytest.mark.parametrize(
    "lead, kind",
    [
        # pluperfect: before the day's news, never dated by it
        ("Le préfet Paul Varennes a expliqué mardi à Morvillers que la fuite de gaz avait commencé à l'aube.", "leak"),
        # a relative clause tells background
        ("Les gendarmes ont arrêté mardi Paul Varennes, qu'ils soupçonnent d'avoir provoqué une fuite de gaz.", "leak"),
        # a definite noun after a preposition re-tells what the day's news is about
        ("Le maire Louis Perrin a longuement parlé de la fuite de gaz à la radio.", "leak"),
    ],
)
def test_events_background_in_the_lead_takes_no_lead_date(nlp, lead, kind):
    text = lead + "\n\nLes habitants restent inquiets."
    found, _ = _run(nlp, text, published="2026-03-11", dates={"mardi": "2026-03-10"} if "mardi" in lead else {})
    told = _of_type(found, kind)
    assert told and all(e.date is None for e in told), [(e.trigger, e.date) for e in told]


def test_events_a_distance_phrase_names_neither_place_nor_participant(nlp):
    text = "Une fuite de gaz dans l'entrepôt de Castelbrun, situé à douze kilomètres à l'ouest de Morvillers, a intoxiqué cinq ouvriers."
    found, names = _run(nlp, text, dates={})
    (leak,) = [e for e in _of_type(found, "leak") if e.trigger == "fuite"]
    assert leak.place != "Morvillers"
    assert "Morvillers" not in {names[p] for p in leak.local_participants}


def test_events_a_disaster_without_a_place_struck_where_its_paragraph_says(nlp):
    text = "À Castelbrun, les commerçants comptent les dégâts. Samedi, un orage a arraché les toitures de la rue principale."
    found, _ = _run(nlp, text, dates={"Samedi": "2026-06-06"})
    (storm,) = _of_type(found, "storm")
    assert storm.place == "Castelbrun" and storm.date == "2026-06-06"


@pytest.mark.parametrize("entries, expected", [(2, "2026-03-03"), (1, "2026-W10")])  # one heading: no live blog, the lead's week
def test_events_live_blog_entries_are_dated_by_their_heading(nlp, entries, expected):
    head = ("DIRECT. Le congrès des maires ruraux\n\nMardi 3 mars 2026, actualisé à 18 h 02\n\n"
            "Retrouvez ici le fil de la journée du congrès, consacrée aux services publics dans les petites communes.\n\n")
    first = "17 h 40 – Le discours de clôture\n\nÀ la tribune, le président Jean Morel a annoncé un plan pour les écoles rurales.\n\n"
    second = "10 h 05 – Une entrevue discrète\n\nLa rencontre entre le président et les élus a eu lieu dans un salon du palais.\n\n"
    text = head + first + (second if entries == 2 else "")
    dates = {"Mardi 3 mars 2026": "2026-03-03", "18 h 02": "2026-03-03T18:02", "17 h 40": "2026-03-03T17:40"}
    if entries == 2:
        dates["10 h 05"] = "2026-03-03T10:05"
    found, _ = _run(nlp, text, published="2026-03-03", dates=dates)
    told = [e for e in found if e.start > text.index("tribune") and e.trigger in ("annoncé", "rencontre")]
    assert len(told) == entries and all(e.date == expected for e in told), [(e.trigger, e.date) for e in told]


@pytest.mark.parametrize(
    "line, named",
    [
        ("Odile Varrec : Le groupe Brendix a racheté lundi la laiterie de Pornel.", False),  # who speaks in an interview
        ("Odile Varrec a racheté lundi la laiterie de Pornel.", True),
    ],
)
def test_events_an_interview_label_names_no_participant(nlp, line, named):
    text = "Questions à une conseillère.\n\n" + line
    found, names = _run(nlp, text, published="2027-01-20", dates={"lundi": "2027-01-18"})
    who = {names[p] for e in _of_type(found, "acquisition") for p in e.local_participants + e.context_participants}
    assert ("Odile Varrec" in who) == named, who
