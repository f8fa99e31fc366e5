"""Dates whose tense the parse gets wrong and the surface tells (nlp/timex_tense.py, timex_values.py).

Invented sentences, one per general rule: a date in the incise after a quotation (the parser hangs it on a
verb inside the quotation), a hyphenated name splitting the sentence, a season tagged as « été » (être), a
scheduled event followed by its place, a half year in a duration.
"""

from __future__ import annotations

import pytest

THURSDAY = "2026-10-22"  # a Thursday


def _value(analysis, expression: str) -> str | None:
    for t in analysis.timexes:
        if expression in t.text or (t.text in expression and len(t.text) * 2 >= len(expression)):
            return t.value
    return None


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # the incise's inverted passé composé, not the present inside the quotation
        ("« Sans garantie, il n'y a pas de crédit », a-t-il martelé lundi à Varsovie.", "lundi", "2026-10-19"),
        ("« Le port n'est pas sûr », a-t-elle répété mardi devant la presse.", "mardi", "2026-10-20"),
        # a hyphenated name the parser reads as a new sentence: the present of schedule still governs
        ("L'USB, quatrième de National, reçoit Saint-Brieuc-Armor samedi à 18 heures.", "samedi", "2026-10-24"),
        # « avant l'été » tagged as a form of « être »: the participle it depends on governs
        ("Les premiers essais sont prévus avant l'été, a indiqué le laboratoire.", "l'été", "2027-SU"),
        ("L'été a été sec dans tout le département.", "L'été", "2026-SU"),
        # a scheduled event then its place, announced in the past: still ahead
        ("Le syndicat a appelé à un rassemblement devant la préfecture de Tulle lundi.", "lundi", "2026-10-26"),
        ("La CGT a appelé à un débrayage vendredi à partir de 10 heures.", "vendredi", "2026-10-23"),
        # …but an event that took place keeps its past
        ("Le syndicat a tenu une réunion à Brive lundi.", "lundi", "2026-10-19"),
    ],
)
def test_timex_tense_read_on_the_surface(analyze, text, expression, value):
    assert _value(analyze(text, THURSDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Il s'est engagé pour quatre ans et demi.", "quatre ans et demi", "P4Y6M"),
        ("Les travaux ont duré un an et demi.", "un an et demi", "P1Y6M"),
    ],
)
def test_timex_half_years_in_years_and_months(analyze, text, expression, value):
    assert _value(analyze(text, THURSDAY), expression) == value
