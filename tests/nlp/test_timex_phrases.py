"""Set phrases of news French (nlp/timex_phrases.py) and the general shapes added beside them in timex_rules.

Invented sentences, published on 2026-05-14 (a Thursday, ISO week 20): a week or weekday of a month, the same
period of another year, habits (SET), decades in words, centuries in figures, adjectives inside a duration.
"""

from __future__ import annotations

import pytest

THURSDAY = "2026-05-14"


def _found(analysis, expression: str):
    """The timex whose text is ``expression`` (or holds it with at most a short word around it), or None."""
    return next((t for t in analysis.timexes if t.text == expression), None) or next(
        (t for t in analysis.timexes if expression in t.text and len(t.text) <= len(expression) + 4), None)


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("Le festival se tiendra la première semaine de juillet.", "la première semaine de juillet", "DATE", "2026-W27"),
        ("Les négociations ont échoué la dernière semaine d'avril.", "la dernière semaine d'avril", "DATE", "2026-W18"),
        ("Le festival aura lieu la dernière semaine d'août 2027.", "la dernière semaine d'août 2027", "DATE", "2027-W34"),
        ("Les soldes dureront la première quinzaine de juillet.", "la première quinzaine de juillet", "DATE", "2026-07"),
        ("Le scrutin aura lieu le premier dimanche de juin.", "le premier dimanche de juin", "DATE", "2026-06-07"),
        ("L'heure change le dernier dimanche d'octobre.", "le dernier dimanche d'octobre", "DATE", "2026-10-25"),
        ("Le bénéfice du dernier trimestre 2025 a progressé.", "dernier trimestre 2025", "DATE", "2025-Q4"),
    ],
)
def test_week_or_weekday_of_a_month(analyze, text, expression, ttype, value):
    t = _found(analyze(text, THURSDAY), expression)
    assert t is not None and (t.type, t.value) == (ttype, value)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Les ventes ont chuté par rapport à la même époque l'an dernier.", "la même époque", "2025-05"),
        ("Les ventes ont chuté par rapport à l'an dernier à la même période.", "la même période", "2025-05"),
        ("Les ventes avaient doublé en 2019 à la même époque.", "la même époque", "2019-05"),
        ("Il a été réélu à la même date en 2022.", "la même date", "2022-05-14"),
    ],
)
def test_same_period_of_another_year(analyze, text, expression, value):
    t = _found(analyze(text, THURSDAY), expression)
    assert t is not None and t.value == value


def test_same_period_with_no_year_is_left_out(analyze):
    found = analyze("À la même époque, les ventes avaient chuté.", THURSDAY).timexes
    assert all("même" not in t.text for t in found)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le club se réunit tous les premiers mardis du mois.", "tous les premiers mardis", "XXXX-WXX-2"),
        ("Les permanences ont lieu les deuxième et quatrième jeudis.", "les deuxième et quatrième jeudis", "XXXX-WXX-4"),
        ("Le conseil se réunit le premier lundi de chaque mois.", "le premier lundi", "XXXX-WXX-1"),
        ("Les salaires sont versés chaque fin de mois.", "chaque fin de mois", "P1M"),
        ("Le conseil se réunit deux fois l'an.", "deux fois l'an", "P1Y"),
        ("Le magasin est ouvert sept jours sur sept.", "sept jours sur sept", "P1D"),
        ("La ligne d'écoute répond 24h/24.", "24h/24", "P1D"),
        ("Le service fonctionne 24 heures sur 24.", "24 heures sur 24", "P1D"),
        ("Le bureau ouvre un jour sur deux.", "un jour sur deux", "P2D"),
        ("La garde est assurée une semaine sur trois.", "une semaine sur trois", "P3W"),
        ("Le bureau est ouvert les week-ends.", "les week-ends", "XXXX-WXX-WE"),
        ("Le bureau sera ouvert les lundis et jeudis.", "les lundis et jeudis", "XXXX-WXX-1"),
    ],
)
def test_habits_are_sets(analyze, text, expression, value):
    t = _found(analyze(text, THURSDAY), expression)
    assert t is not None and (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "Le club s'est réuni le premier lundi.",  # one day, no habit
        "Il a marqué trois buts sur sept tirs.",
        "Le magasin est ouvert six jours sur sept.",  # not every day: left to the duration rule
    ],
)
def test_no_set_without_a_habit(analyze, text):
    assert all(t.type != "SET" for t in analyze(text, THURSDAY).timexes)


def test_lone_month_abbreviation_at_sentence_end_is_the_number(analyze):
    assert all(t.type != "DATE" for t in analyze("Il a obtenu cinq voix sur sept.", THURSDAY).timexes)


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("La musique des années quatre-vingt revient.", "des années quatre-vingt", "DATE", "198"),
        ("Dans les années soixante-dix, la ville a grandi.", "les années soixante-dix", "DATE", "197"),
        ("Le château a été construit au 18e siècle.", "18e siècle", "DATE", "17"),
        ("Le château a été construit au début du XIXe siècle.", "début du XIXe siècle", "DATE", "18"),
        ("Il y a un an jour pour jour, la digue cédait.", "Il y a un an jour pour jour", "DATE", "2025-05-14"),
        ("La cérémonie a duré une bonne heure.", "une bonne heure", "DURATION", "PT1H"),
        ("Il a passé trois longues années en prison.", "trois longues années", "DURATION", "P3Y"),
        ("La cérémonie durera trois quarts d'heure.", "trois quarts d'heure", "DURATION", "PT45M"),
        ("Le chantier reprendra la semaine qui vient.", "la semaine qui vient", "DATE", "2026-W21"),
        ("Le budget 2027 sera présenté à l'automne.", "2027", "DATE", "2027"),
        ("La fusée décollera à 18 heures (heure locale).", "18 heures (heure locale)", "TIME", "2026-05-14T18:00"),
    ],
)
def test_general_shapes(analyze, text, expression, ttype, value):
    t = _found(analyze(text, THURSDAY), expression)
    assert t is not None and (t.type, t.value) == (ttype, value)


def test_the_month_that_just_went_is_no_next_month(analyze):
    found = analyze("Le mois qui vient de s'écouler a été le plus chaud.", THURSDAY).timexes
    assert all(t.value != "2026-06" for t in found)


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("La décision sera rendue dans la journée.", "la journée", "TIME", "2026-05-14TDT"),
        ("À ce jour, aucun suspect n'a été arrêté.", "ce jour", "TIME", "PRESENT_REF"),
        ("Sur la période 2020-2025, les ventes ont doublé.", "2020", "DATE", "2020"),
        ("Le musée sera inauguré courant 2027.", "2027", "DATE", "2027"),
        ("Les Mondiaux 2027 auront lieu à Tokyo.", "2027", "DATE", "2027"),
    ],
)
def test_phrases_with_their_preposition_or_noun(analyze, text, expression, ttype, value):
    t = _found(analyze(text, THURSDAY), expression)
    assert t is not None and (t.type, t.value) == (ttype, value)


@pytest.mark.parametrize("text", ["D'une année sur l'autre, les ventes ont doublé.",
                                  "Les prix changent d'une semaine à l'autre."])
def test_from_one_unit_to_the_next_is_no_duration(analyze, text):
    assert analyze(text, THURSDAY).timexes == []
