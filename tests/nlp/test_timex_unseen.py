"""Dates written the way unseen articles write them (nlp/timex_days.py, timex_night.py, timex_tense.py).

Invented sentences, one per general rule: an abbreviated month in a dateline, a day number alone, a yearly
period, a future inside past reporting, a past conditional, a quarter without year, the small hours of a night
already named, an intensifier inside a known expression.
"""

from __future__ import annotations

import pytest

# 2026-09-18 is a Friday, 2026-06-08 a Monday, 2026-02-05 a Thursday, 2026-10-01 a Thursday.
FRIDAY, MONDAY, THURSDAY, OCTOBER = "2026-09-18", "2026-06-08", "2026-02-05", "2026-10-01"


def _value(analysis, expression: str) -> str | None:
    """The value of the timex covering ``expression`` (None when none does)."""
    text = analysis.document.text if hasattr(analysis, "document") else None
    for t in analysis.timexes:
        if expression in t.text or (t.text in expression and len(t.text) * 2 >= len(expression)):
            return t.value
    assert text is None or expression in text
    return None


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("BORVILLE (Drôme), 12 sept 2026 (AFP) - Un incendie a détruit un entrepôt.", FRIDAY, "12 sept 2026", "2026-09-12"),
        ("TARNAC, 3 janv 2026 - La neige a coupé les routes.", FRIDAY, "3 janv 2026", "2026-01-03"),
        ("LORMONT, 21 déc 2025 (AFP) - Le port est fermé.", FRIDAY, "21 déc 2025", "2025-12-21"),
        ("Publié le 2 févr. 2026, l'arrêté entre en vigueur.", FRIDAY, "2 févr. 2026", "2026-02-02"),
    ],
)
def test_abbreviated_month_in_a_full_date(analyze, text, published, expression, value):
    assert _value(analyze(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression",
    [
        ("Ils étaient sept 2026 fois plus nombreux.", FRIDAY, "sept"),  # « sept » is seven without day and year
        ("Les sept membres du bureau ont voté.", FRIDAY, "sept"),
    ],
)
def test_bare_abbreviation_is_no_month(analyze, text, published, expression):
    assert all("sept" not in t.text for t in analyze(text, published).timexes)


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Le conseil syndical votera le 27 pour trancher.", FRIDAY, "le 27", "2026-09-27"),
        ("La piscine devrait rouvrir le 16, si les travaux sont achevés.", THURSDAY, "le 16", "2026-02-16"),
        ("La piscine pourrait rouvrir le 2, si les travaux sont achevés.", FRIDAY, "le 2", "2026-10-02"),
        ("Le maire avait démissionné le 12, à la surprise générale.", FRIDAY, "le 12", "2026-09-12"),
        ("Il avait démissionné le 20 dernier.", FRIDAY, "le 20", "2026-08-20"),
        ("Le comité s'est réuni le 3 mars. Le 5, il a rendu son avis.", FRIDAY, "Le 5", "2026-03-05"),
        # a day named earlier in the paragraph gives its month, unless the tense points the other way
        ("Mardi, le bureau a débattu. Il votera le 2 pour trancher.", FRIDAY, "le 2", "2026-10-02"),
    ],
)
def test_day_number_alone(analyze, text, published, expression, value):
    assert _value(analyze(text, published), expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "En cas d'urgence, appelez le 17.",
        "Les pompiers sont intervenus devant le 10, rue des Lilas.",
        "Elle a terminé le 14 de la course.",
        "Il a regardé le 20 heures à la télévision.",
        "La part a atteint le 28 % de la production.",
    ],
)
def test_number_that_is_no_day(analyze, text):
    assert not any(t.text.lower().startswith("le ") and t.text[3:].isdigit() for t in analyze(text, FRIDAY).timexes)


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Le procès pourrait s'ouvrir à la rentrée.", "2026-04-28", "la rentrée", "2026-09"),
        ("Nous ferons le point à la rentrée, a-t-elle dit.", MONDAY, "la rentrée", "2026-09"),
        ("Les effectifs avaient fondu à la rentrée.", "2026-11-20", "la rentrée", "2026-09"),
    ],
)
def test_yearly_period(analyze, text, published, expression, value):
    assert _value(analyze(text, published), expression) == value


def test_money_coming_in_is_no_period(analyze):
    assert not analyze("Cette rentrée d'argent soulage la commune.", MONDAY).timexes


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        # a conditional inside past reporting is a future in the past
        ("La préfète a annoncé qu'un centre d'accueil serait ouvert dès jeudi.", MONDAY, "jeudi", "2026-06-11"),
        ("Il a indiqué que le comité de suivi se réunirait dès mercredi.", MONDAY, "mercredi", "2026-06-10"),
        ("Le ministre a précisé que la route serait rouverte mercredi.", MONDAY, "mercredi", "2026-06-10"),
        # the weekday's own verb (a future) governs it, not the reporting verb after it
        ("Il recevra les élus vendredi, a-t-il fait savoir mercredi soir.", "2026-05-07", "vendredi", "2026-05-08"),
        ("Il viendrait mardi, selon son entourage.", MONDAY, "mardi", "2026-06-09"),
        # a planned event that a past speech verb announces lies ahead
        ("La maire a annoncé la tenue d'un débat public mardi soir au gymnase.", "2026-09-17", "mardi soir",
         "2026-09-22TEV"),
        # a past conditional, or « être » + a verb that takes it, tells of the past
        ("La digue aurait dû être renforcée au printemps.", FRIDAY, "printemps", "2026-SP"),
        ("Selon la police, le suspect serait arrivé mardi à Lyon.", MONDAY, "mardi", "2026-06-02"),
        ("Le conseil se serait réuni mardi en secret.", MONDAY, "mardi", "2026-06-02"),
        # a tagger's imperfect stays past
        ("Il réunissait ses amis mardi.", MONDAY, "mardi", "2026-06-02"),
    ],
)
def test_tense_direction(analyze, text, published, expression, value):
    assert _value(analyze(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("La direction estime que le site pourrait rouvrir au premier trimestre.", OCTOBER, "premier trimestre",
         "2027-Q1"),
        ("Les ventes ont reculé au troisième trimestre.", OCTOBER, "troisième trimestre", "2026-Q3"),
        ("Le chantier reprendra au second semestre.", "2026-03-02", "second semestre", "2026-H2"),
        ("Le chiffre d'affaires avait bondi au quatrième trimestre.", "2026-02-10", "quatrième trimestre", "2025-Q4"),
    ],
)
def test_part_of_year_without_year_follows_the_tense(analyze, text, published, expression, value):
    assert _value(analyze(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Les voleurs ont agi dans la nuit de lundi à mardi.\n\nPar Jeanne Morvan\nPublié le mercredi 4 février 2026 "
         "à 08 h 10\n\nIl était 2 h 40 lorsque l'alarme a retenti. La police est arrivée à 3 h 05.",
         "2026-02-04", "2 h 40", "2026-02-03T02:40"),
        ("Les voleurs ont agi dans la nuit de lundi à mardi.\n\nPar Jeanne Morvan\nPublié le mercredi 4 février 2026 "
         "à 08 h 10\n\nIl était 2 h 40 lorsque l'alarme a retenti. La police est arrivée à 3 h 05.",
         "2026-02-04", "3 h 05", "2026-02-03T03:05"),
        ("Une tempête a frappé la côte la nuit dernière. « Le vent a soufflé jusqu'à quatre heures du matin », dit-il.",
         "2026-07-02", "quatre heures du matin", "2026-07-02T04:00"),
        # a clock time with its own day in its sentence keeps that day
        ("Dans la nuit de samedi à dimanche, la police est intervenue. Lundi, vers 3 h, un autre feu a pris.",
         "2026-02-04", "3 h", "2026-02-02T03:00"),
        # an evening hour is no small hour
        ("Dans la nuit de samedi à dimanche, la police est intervenue. Elle était repartie à 23 h.",
         "2026-02-04", "23 h", None),
    ],
)
def test_small_hours_of_a_named_night(analyze, text, published, expression, value):
    found = _value(analyze(text, published), expression)
    if value is None:
        assert found is not None and not found.startswith("2026-02-01")
    else:
        assert found == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le décret sera signé « dans les tout prochains jours ».", "prochains jours", "FUTURE_REF"),
        ("Le décret sera publié dans les toutes prochaines semaines.", "prochaines semaines", "PXW"),
        ("Les prix ont flambé ces toutes dernières semaines.", "dernières semaines", "PXW"),
    ],
)
def test_intensifier_inside_a_known_expression(analyze, text, expression, value):
    assert _value(analyze(text, MONDAY), expression) == value
