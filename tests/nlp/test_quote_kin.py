"""Kinship nouns as speakers (« son mari », « sa fille »): the other member of the family named (invented texts)."""

from __future__ import annotations

import pytest


def _speaker_of(a, words):
    q = next(q for q in a.quotes if words in q.text)
    return q.speaker.name if q.speaker else None


COUPLE = (
    "Anne et Paul Vernet, éleveurs depuis vingt ans, ont compté leurs bêtes. "
    "« Il ne reste que dix brebis », souffle Anne Vernet. "
)


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (COUPLE + "Son mari, lui, ne décolère pas contre les assureurs : « On paie trop cher pour rien. »", "trop cher", "Paul Vernet"),
        (COUPLE + "Son mari a ajouté que les aides arriveraient trop tard.", "aides arriveraient", "Paul Vernet"),
        ("Julie et Marc Ferrand tiennent la boulangerie. « Tout est à refaire », soupire Marc Ferrand. "
         "Sa femme a confirmé que le four était détruit.", "four était détruit", "Julie Ferrand"),
    ],
)
def test_quote_kin_is_the_other_member_of_the_family(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_quote_kin_without_a_family_member_named_is_nobody_named(analyze):
    a = analyze("« Il ne reste que dix brebis », souffle Anne Vernet. Son mari a ajouté que les aides arriveraient trop tard.")
    assert _speaker_of(a, "aides arriveraient") != "Anne Vernet"


def test_quote_kin_speaker_span_is_the_kinship_phrase(analyze):
    text = COUPLE + "Son mari, lui, ne décolère pas contre les assureurs : « On paie trop cher pour rien. »"
    q = next(q for q in analyze(text).quotes if "trop cher" in q.text)
    assert q.speaker is not None and text[q.speaker.start : q.speaker.end] == "Son mari"
