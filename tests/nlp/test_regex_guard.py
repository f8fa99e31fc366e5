"""chronique.nlp.regex_guard: a first-character lookahead that never changes what a pattern finds."""

from __future__ import annotations

import re

import pytest

from chronique.nlp.regex_guard import case_folded, guarded, required_literal
from chronique.nlp.timex_rules import B, rules

TEXT = (
    "Le 3 mars 2026, à 14 h 30, la Fête de la Musique ; FÊTE de rien. Mi-avril, l'après-midi du 12/04/25. "
    "Ils partent lundi soir, reviendront dans deux semaines. Ǆ ǅ ǆ ſ S s K k K. (voir) 2026-03-31 — fin."
)

PATTERNS = [
    (rf"{B}(?:le\s+)?(?:mars|avril|mai)(?:\s+\d{{4}})?", re.IGNORECASE),
    (rf"{B}(?:(?P<bnd>début|fin|mi)[-\s]*)?(?:avril|mai)", re.IGNORECASE),
    (r"(?<![\d/.,-])(?P<d>[0-3]?\d)([/.-])(?P<m>[01]?\d)\2(?P<y>\d\d)", 0),  # back-reference after the start
    (rf"{B}(?-i:Fête|FÊTE)\s+de", re.IGNORECASE),  # case-sensitive inside a case-blind pattern
    (rf"{B}(?i:fête)\s+de", 0),  # case-blind inside a case-sensitive pattern
    (r"(?:\s*,)?\s*\d+", 0),  # may open on spaces
    (r"[^\W\d_]+-\w+", re.IGNORECASE),  # a negated class: left alone
    (r"(?:le)?", 0),  # can match nothing: left alone
    (r"[sk]\b", re.IGNORECASE),  # letters whose case folding reaches other characters (ſ, K)
    (r"(?(1)a|b)?(x)?ǆ", re.IGNORECASE),
]


def _found(rx: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_same_matches(pattern, flags):
    assert _found(guarded(pattern, flags, after=B), TEXT) == _found(re.compile(pattern, flags), TEXT)


@pytest.mark.parametrize("pattern,flags,expected", [
    (rf"{B}(?:mars|avril)", re.IGNORECASE, True),
    (r"(?:le)?", 0, False),
    (r"[^\W\d_]+", 0, False),
    (r".x", 0, False),
])
def test_guard_added_only_when_first_characters_are_known(pattern, flags, expected):
    assert (guarded(pattern, flags).pattern != pattern) is expected


@pytest.mark.parametrize("lo,hi", [(0, len(TEXT)), (10, 60), (55, 140)])
def test_timex_rules_same_matches_in_windows(lo, hi):
    """Every temporal rule finds what its unguarded pattern finds, in a window as over the whole text."""
    for rule in rules():
        plain = re.compile(re.sub(r"\(\?=\(\?i:\[[^\]]*\]\)\)", "", rule.regex.pattern, count=1), rule.regex.flags)
        assert _found(rule.regex, TEXT[lo:hi]) == _found(plain, TEXT[lo:hi]), rule.name


@pytest.mark.parametrize("pattern,flags,expected", [
    (rf"{B}(?:la\s+)?semaine\s+du\s+\d+", re.IGNORECASE, "semaine"),
    (rf"{B}(?P<x>SIÈCLE)", re.IGNORECASE, "siècle"),  # inside a group that is always there, lowered
    (rf"{B}(?:semaine)?\s+du", re.IGNORECASE, None),  # optional: not required
    (rf"{B}(?-i:Semaine)\s+du", re.IGNORECASE, None),  # its own flags: left out
    (r"semaine", 0, None),  # case-sensitive pattern: not used
    (r"(?:mars|avril)", re.IGNORECASE, None),
    (r"ſous", re.IGNORECASE, None),  # a character with extra case variants
])
def test_required_literal(pattern, flags, expected):
    assert required_literal(re.compile(pattern, flags)) == expected


@pytest.mark.parametrize("text,usable", [
    ("Été à Noël", True), ("İstanbul", False), ("ſemaine", False), ("ΣΟΦΙΑ", False), ("", True),
])
def test_case_folded(text, usable):
    low = case_folded(text)
    assert (low is not None) is usable
    if usable:
        assert low == text.lower() and len(low) == len(text)


@pytest.mark.parametrize("lo,hi", [(0, len(TEXT)), (10, 60), (55, 140)])
def test_required_literal_absent_means_no_match(lo, hi):
    """Where a rule's required text does not occur (case-folded), the rule finds nothing there."""
    text = TEXT.replace("ſ", "") + " Il y a trois siècles, dans la semaine du 4 mai, à dix heures ; tout le mois."
    low = case_folded(text)
    assert low is not None
    for rule in rules():
        if rule.literal is not None and low.find(rule.literal, lo, hi) < 0:
            assert list(rule.regex.finditer(text, lo, hi)) == [], rule.name
