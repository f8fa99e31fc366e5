"""A title whose name comes in the next sentence: « …, a annoncé la procureure … . …, a précisé Claire D. » (invented texts)."""

from __future__ import annotations

import pytest

TEXT = (
    "Paul Vernet, maire de Lussac, a reçu la presse.\n\n"
    "Une enquête pour « homicide involontaire » a été ouverte, a annoncé la procureure de la République de Lyon. "
    "Les gendarmes se sont rendus sur place dès 6 heures, {verb} Claire Dumoulin, qui n'exclut rien.\n"
)


@pytest.mark.parametrize("verb, speaker", [("a précisé", "Claire Dumoulin"), ("précise", "Claire Dumoulin"), ("selon", None)])
def test_quote_speakers_title_named_by_the_next_incise(analyze, verb, speaker):
    a = analyze(TEXT.format(verb=verb))
    q = next(q for q in a.quotes if "homicide involontaire" in q.text)
    got = q.speaker.name if q.speaker else None
    assert got == speaker if speaker else got != "Claire Dumoulin"
