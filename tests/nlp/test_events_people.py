"""Who an event's clause names without a name in it (issue 4): pronouns, titles that refer
back, the speaker of the quotation whose cue the trigger is, a name the parse cut off at a
title line, and the people introduced with the word of a group subject. Names are invented."""

from __future__ import annotations

import pytest

from chronique.model import Timex
from chronique.nlp import events

pytestmark = pytest.mark.slow


def _run(nlp, text: str, published: str | None = None, dates: dict[str, str] | None = None, body_start: int = 0):
    doc = nlp.make_doc(text)
    doc._.chronique_published = published
    doc._.chronique_body_start = body_start
    doc = nlp(doc)
    timexes = []
    for words, value in (dates or {}).items():
        start = text.index(words)
        timexes.append(Timex(start, start + len(words), words, "DATE", value))
    found = events.extract(doc, doc._.chronique_mentions, doc._.chronique_entities, timexes, doc._.chronique_quotes)
    names = {i: e.name for i, e in enumerate(doc._.chronique_entities)}
    return found, names


def _who(event, names, context: bool = False) -> set[str]:
    out = {names[i] for i in event.local_participants}
    if context:
        out |= {names[i] for i in event.context_participants}
    return out


@pytest.mark.parametrize(
    "text, trigger, person",
    [
        # a pronoun subject: the person named as subject before
        ("La directrice Odile Marchetti a rencontré les syndicats.\n\nElle a démissionné mardi après-midi.", "démissionné", "Odile Marchetti"),
        ("Le maire Basile Fontenoy a présidé le conseil.\n\nIl a démissionné mardi dans la soirée.", "démissionné", "Basile Fontenoy"),
        # a title that refers back to the person introduced with it
        ("La ministre de la Culture, Aurore Vasquez, était attendue.\n\nLa ministre a démissionné mardi.", "démissionné", "Aurore Vasquez"),
        ("Le procureur Gaspard Lemoine a pris la parole.\n\nLe procureur a requis mardi trois ans de prison.", "requis", "Gaspard Lemoine"),
    ],
)
def test_events_people_subject_by_pronoun_or_title(nlp, text, trigger, person):
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"})
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert person in _who(event, names)


@pytest.mark.parametrize(
    "text, trigger, person",
    [
        ("« Ce dossier est accablant », a requis le procureur Gaspard Lemoine devant la cour.", "requis", "Gaspard Lemoine"),
        ("« Nous partons », a démissionné avec fracas la députée Lucile Armand, lundi.", "démissionné", "Lucile Armand"),
    ],
)
def test_events_people_speaker_of_the_cue_took_part(nlp, text, trigger, person):
    found, names = _run(nlp, text)
    hits = [e for e in found if e.trigger.startswith(trigger)]
    assert hits and all(person in _who(e, names) for e in hits)


@pytest.mark.parametrize(
    "cue, absent",
    [
        ("a annoncé lundi le maire Basile Fontenoy.", "announcement"),  # the cue is a declaration, not a second item
        ("a déclaré lundi le maire Basile Fontenoy.", None),
    ],
)
def test_events_people_spoken_trigger_in_a_cue_is_the_quotation_declaration(nlp, cue, absent):
    found, names = _run(nlp, f"« La route restera fermée tout l'hiver », {cue}", dates={"lundi": "2025-03-10"})
    types = [e.type for e in found]
    assert types.count("declaration") == 1, types
    (decl,) = [e for e in found if e.type == "declaration"]
    assert _who(decl, names) == {"Basile Fontenoy"}
    assert absent not in types


@pytest.mark.parametrize(
    "title",
    [
        "Volley : Vernon écrase Lisieux et s'offre le Challenge",  # parsed as running on into the next line
        "Rugby : Vernon domine Lisieux et s'offre sa première Coupe",
    ],
)
def test_events_people_name_cut_off_by_a_title_line_is_the_subject(nlp, title):
    text = f"{title}\n\nL'US Vernon a remporté samedi la coupe régionale en battant le SC Lisieux 24-19 devant son public."
    found, names = _run(nlp, text, dates={"samedi": "2025-03-08"})
    (won,) = [e for e in found if e.trigger == "remporté"]
    assert "US Vernon" in _who(won, names)
    assert won.sentence.text.startswith("L'US Vernon")  # the summary begins with the line


@pytest.mark.parametrize(
    "group, introductions, expected",
    [
        (
            "Des délégations ouzbèke et kazakhe se sont retrouvées lundi à Oslo.",
            "Le chef de la délégation ouzbèke, Rustam Abdullaev, a parlé d'un pas en avant. "
            "Le vice-ministre kazakh Nourlan Seitkali, qui dirige la délégation d'Astana, s'est montré prudent.",
            {"Rustam Abdullaev", "Nourlan Seitkali"},
        ),
        (
            "Les syndicats se sont réunis lundi à la préfecture.",
            "Mireille Cavard, secrétaire générale du syndicat des cheminots, a salué un dialogue franc.",
            {"Mireille Cavard"},
        ),
    ],
)
def test_events_people_group_subject_takes_the_people_introduced_with_its_word(nlp, group, introductions, expected):
    text = f"{group}\n\n{introductions}"
    found, names = _run(nlp, text, dates={"lundi": "2025-03-10"})
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert expected <= _who(meeting, names, context=True)
    assert not expected & _who(meeting, names)  # shown beside the clause's own names, never used to merge


def test_events_people_group_without_introduced_members_stays_empty(nlp):
    text = "Les délégations se sont retrouvées lundi à Oslo.\n\nLa ministre Aurore Vasquez a salué la rencontre."
    found, names = _run(nlp, text, dates={"lundi": "2025-03-10"})
    (meeting,) = [e for e in found if e.trigger.startswith("retrouvées")]
    assert "Aurore Vasquez" not in _who(meeting, names, context=True)


@pytest.mark.parametrize(
    "text, dates, announced",
    [
        # the quotation's declaration is dated: it says it, no second item
        ("« Le pont rouvrira en mai », a annoncé mardi la maire Lucie Brohan.", {"mardi": "2025-06-03"}, None),
        # reported without a date in the lead: the announcement keeps the lead's date
        ("La maire Lucie Brohan a annoncé que le pont rouvrirait en mai après deux ans de travaux.", {}, "2025-06-04"),
    ],
)
def test_events_people_announcement_in_a_cue_only_when_the_quotation_gives_no_date(nlp, text, dates, announced):
    found, names = _run(nlp, text, published="2025-06-04", dates=dates)
    hits = [e for e in found if e.type == "announcement"]
    if announced is None:
        assert not hits
    else:
        assert hits and hits[0].date == announced and "Lucie Brohan" in _who(hits[0], names)


def test_events_people_dateline_is_no_participant(nlp):
    text = "Grève au port de Kerlouan\n\nSAINT-BRIAC — Les dockers de la société Armor Fret se sont réunis lundi avec la direction."
    body = text.index("Les dockers")
    found, names = _run(nlp, text, dates={"lundi": "2025-03-10"}, body_start=body)
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert not any("BRIAC" in n.upper() for n in _who(meeting, names, context=True))
    assert meeting.sentence.start == body


# --- unseen-article rules (issue 4): invented sentences, none from a gold article ---


def test_events_people_coordinated_descriptions_bring_the_people_introduced_with_them(nlp):
    text = (
        "La société Brocalm, l'une de ses architectes et un ancien conseiller municipal comparaissent depuis lundi.\n\n"
        "Sur le banc : son architecte principale, Hélène Varday, et Jordan Pelissac, ancien conseiller municipal."
    )
    found, names = _run(nlp, text, dates={"depuis lundi": "2026-03-02"})
    (trial,) = [e for e in found if e.type == "trial"]
    assert {"Hélène Varday", "Jordan Pelissac"} <= _who(trial, names, context=True)


def test_events_people_group_word_holds_prefixed_titles(nlp):
    text = (
        "Les recteurs se sont réunis lundi à Valmont.\n\n"
        "« Le calendrier est intenable », a dit le vice-recteur de l'académie nord, Bastien Orlan."
    )
    found, names = _run(nlp, text, dates={"lundi": "2026-03-02"})
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert "Bastien Orlan" in _who(meeting, names, context=True)


def test_events_people_speaker_speaks_for_the_organisation_in_their_role(nlp):
    text = "« Les réserves sont vides », a averti mardi Irène Solvik, porte-parole de la fondation Arbelia, devant la presse."
    found, names = _run(nlp, text, dates={"mardi": "2026-03-03"})
    said = [e for e in found if e.type == "declaration" and "Irène Solvik" in _who(e, names)]
    assert said and any("Arbelia" in n for e in said for n in _who(e, names, context=True))


@pytest.mark.parametrize(
    "introduction",
    [
        "La porte-parole du SNPX, Odile Ferrand, craint le pire.",
        "« Nous tiendrons », prévient Odile Ferrand (SNPX).",
    ],
)
def test_events_people_organisation_takes_part_with_its_representative(nlp, introduction):
    text = f"Le SNPX appelle à une grève jeudi dans les ateliers de Corvel.\n\n{introduction}"
    found, names = _run(nlp, text, dates={"jeudi": "2026-03-05"})
    (strike,) = [e for e in found if e.type == "strike"]
    assert "Odile Ferrand" in _who(strike, names, context=True)


def test_events_people_source_is_no_participant(nlp):
    text = "La crue, d'une hauteur de 6 mètres selon le Bureau hydrologique de Narcy (BHN), a touché samedi la ville de Ponthelin."
    found, names = _run(nlp, text, dates={"samedi": "2026-03-07"})
    (flood,) = [e for e in found if e.type == "flood"]
    assert not any("Bureau" in n or "BHN" in n for n in _who(flood, names))
@pytest.mark.parametrize(
    "text, person",
    [
        ("Le ministre Hugo Ravel a quitté la salle sans un mot.\n\nLa rupture a été consommée lundi, au terme d'une réunion tendue.", "Hugo Ravel"),
        ("La maire Lucie Brohan a reçu les commerçants. Une réunion avait déjà eu lieu lundi.", "Lucie Brohan"),
    ],
)
def test_events_people_sentence_naming_nobody_takes_the_subject_before(nlp, text, person):
    found, names = _run(nlp, text, dates={"lundi": "2025-03-10"})
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert not meeting.local_participants
    assert person in _who(meeting, names, context=True)


def test_events_people_subject_before_is_not_taken_from_far_away(nlp):
    filler = " ".join(["Le chantier a pris du retard pendant des mois."] * 20)
    text = f"La maire Lucie Brohan a reçu les commerçants.\n\n{filler}\n\nUne réunion a eu lieu lundi."
    found, names = _run(nlp, text, dates={"lundi": "2025-03-10"})
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert "Lucie Brohan" not in _who(meeting, names, context=True)


def test_events_people_news_of_the_day_takes_the_names_of_the_title_line(nlp):
    text = (
        "Le RC Vernon se sépare de son entraîneur Paul Girard\n\n"
        "Le club a limogé lundi son entraîneur après une série de cinq défaites consécutives en championnat.\n\n"
        "Une réunion a eu lieu mardi avec les joueurs."
    )
    found, names = _run(nlp, text, published="2025-03-11", dates={"lundi": "2025-03-10", "mardi": "2025-03-11"},
                        body_start=text.index("Le club"))  # fmt: skip
    (fired,) = [e for e in found if e.type == "dismissal"]
    assert {"RC Vernon", "Paul Girard"} <= _who(fired, names, context=True)
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert not {"RC Vernon", "Paul Girard"} & _who(meeting, names, context=True)  # not the news of the day


@pytest.mark.parametrize(
    "text, trigger, company",
    [
        # « le groupe » after the company was named, even with another organisation named between
        ("La société Brenvalor Mining a démenti mardi toute faute.\n\nDans un communiqué transmis à l'agence Keltis, le groupe dénonce l'arrestation de son directeur.", "arrestation", "Brenvalor Mining"),
        # « l'exploitant » before the article names the company with that noun (« l'exploitant, la société X »)
        ("Le ministre Tobias Grennard a déclaré que la fuite s'était produite le 4 mai et que l'exploitant ne l'avait signalée que plus tard.\n\n"
         "Il veut retirer sa licence à l'exploitant, la société Dorvane, qui détient le gisement.", "fuite", "Dorvane"),
    ],
)
def test_events_people_company_noun_names_the_company(nlp, text, trigger, company):
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"} if "mardi" in text else {"4 mai": "2025-05-04"})
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert company in _who(event, names, context=True)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # « le groupe de … » has its own complement; no company is named at all
        ("Le groupe de manifestants a dénoncé mardi l'arrestation de Paulin Vercors.", "arrestation"),
        # a union is no company: « le groupe » does not stand for it
        ("Le syndicat Force Brisane a protesté. Le groupe a annoncé mardi une grève.", "grève"),
    ],
)
def test_events_people_company_noun_without_a_company(nlp, text, trigger):
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"})
    (event,) = [e for e in found if e.trigger.startswith(trigger)]
    assert not ({"Force Brisane", "syndicat Force Brisane"} & _who(event, names))  # (the sentence before may give it as context)


@pytest.mark.parametrize(
    "text, trigger, body",
    [
        # « du musée », « de la fondation » stand for the one museum / foundation the article names
        ("Le musée Aubrelin-Castagne a rouvert ses portes mardi.\n\nLe maire Basile Fontenoy a salué les équipes.\n\n"
         "Les cambrioleurs ont agi mardi dans la nouvelle aile du musée.", "cambrioleurs", "Aubrelin-Castagne"),
        ("Des voleurs ont brisé mardi une vitre du musée Aubrelin-Castagne, à Pontvallon.\n\nLe maire Basile Fontenoy a salué les équipes.\n\n"
         "Le vol des tableaux a eu lieu mardi dans la nouvelle aile du musée.", "vol", "Aubrelin-Castagne"),
    ],
)
def test_events_people_head_noun_names_the_one_organisation(nlp, text, trigger, body):
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"})
    (event,) = [e for e in found if e.trigger == trigger]
    assert any(body in n for n in _who(event, names, context=True))


def test_events_people_head_noun_with_two_organisations_names_neither(nlp):
    text = ("Le musée Aubrelin-Castagne et le musée Vernolet ont prêté des toiles.\n\nLe maire Basile Fontenoy a salué les équipes.\n\n"
            "Les cambrioleurs ont agi mardi dans la nouvelle aile du musée.")
    found, names = _run(nlp, text, dates={"mardi": "2025-03-11"})
    (event,) = [e for e in found if e.trigger == "cambrioleurs"]
    assert not {n for n in _who(event, names, context=True) if "musée" in n or "Vernolet" in n or "Castagne" in n}
