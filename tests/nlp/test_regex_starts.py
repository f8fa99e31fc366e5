"""chronique.nlp.regex_starts: trying patterns only where one quick scan hit finds what finditer finds."""

from __future__ import annotations

import re

import pytest

from chronique.nlp.regex_guard import case_folded, guarded
from chronique.nlp.regex_starts import Starts, matches, start_text, starts
from chronique.nlp.timex_rules import B, rule_starts, rules

TEXT = (
    "Le 3 mars 2026, à 14 h 30, la Fête de la Musique ; FÊTE de rien. Mi-avril, l'après-midi du 12/04/25. "
    "Ils partent lundi soir,\u00a0reviendront dans deux semaines.\nǄ ǅ ǆ S s K k K. (voir) 2026-03-31 — fin. "
    "Vers 9\u2009h, le 1er JUIN ; à vingt heures ; 0١٢ ; le  mois   de\tmai."
)

PATTERNS = [
    (rf"{B}(?:le\s+)?(?:mars|avril|mai)(?:\s+\d{{4}})?", re.IGNORECASE),
    (rf"{B}(?:(?P<bnd>début|fin|mi)[-\s]*)?(?:avril|mai)", re.IGNORECASE),
    (r"(?<![\d/.,-])(?P<d>[0-3]?\d)([/.-])(?P<m>[01]?\d)\2(?P<y>\d\d)", 0),  # back-reference after the start
    (rf"{B}(?-i:Fête|FÊTE)\s+de", re.IGNORECASE),  # case-sensitive inside a case-blind pattern
    (rf"{B}(?i:fête)\s+de", 0),  # case-blind inside a case-sensitive pattern
    (r"(?:\s*,)?\s*\d+", 0),  # may open on spaces
    (r"\d{1,2}\s*[hH](?:\s*\d\d)?", 0),  # digits of any script, any space
    (r"[^\W\d_]+-\w+", re.IGNORECASE),  # a negated class: run as it is
    (r"(?:le)?", 0),  # can match nothing: run as it is
    (r"[sk]\b", re.IGNORECASE),  # letters whose case folding reaches other characters (K)
    (r"(?(1)a|b)?(x)?ǆ", re.IGNORECASE),
    (r"(?:le|la)\s+(?:\w+\s+)?mois", re.IGNORECASE),  # a wide class ends the spelled-out beginning
    (r"(?:à\s+)*(?:vingt|dix)\s+heures?", re.IGNORECASE),  # a repeat with no upper bound
    (r"(?=\w)(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z)(?<=[lm])e", re.IGNORECASE),  # lookarounds
]


def _found(matches) -> list[tuple]:
    return [(m.span(), m.groups(), m.groupdict()) for m in matches]


def _texts() -> list[str]:
    return [TEXT, TEXT.upper(), TEXT.title(), TEXT.swapcase(), ""]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
@pytest.mark.parametrize("guard", [False, True])
def test_same_matches(pattern, flags, guard):
    rx = guarded(pattern, flags, after=B) if guard else re.compile(pattern, flags)
    index = Starts([rx])
    for text in _texts():
        low = case_folded(text)
        assert low is not None
        where = index.positions(start_text(low))[0]
        for lo, hi in [(0, len(text)), (10, 60), (55, 140), (3, 3)]:
            expected = _found(rx.finditer(text, lo, hi))
            assert _found(matches(rx, where, text, lo, hi)) == expected


def test_patterns_scanned_together_keep_their_own_positions():
    patterns = [guarded(p, f, after=B) for p, f in PATTERNS]
    index = Starts(patterns)
    for text in _texts():
        for rx, where in zip(patterns, index.positions(start_text(case_folded(text)))):
            assert _found(matches(rx, where, text, 0, len(text))) == _found(rx.finditer(text))


@pytest.mark.parametrize("pattern,flags,usable", [
    (rf"{B}(?:mars|avril)", re.IGNORECASE, True),
    (r"(?:le)?", 0, False),  # the empty match
    (r"[^\W\d_]+", 0, False),  # first character unknown
    (r".x", 0, False),
    (r"\w+\s+mois", 0, False),
])
def test_positions_only_when_beginnings_are_known(pattern, flags, usable):
    index = Starts([re.compile(pattern, flags)])
    assert (index.strings[0] is not None) is usable
    assert (index.positions(start_text(TEXT.lower()))[0] is not None) is usable
    assert index.positions(None) == [None]


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"(?:le\s+)?mai", re.IGNORECASE, {"mai", "le  ", "le m"}),
    (r"(?:MARS|mai)\b", 0, {"mars", "mai"}),
    (r"\d\d?\s*h", 0, {"0h", "00h", "0 h", "0  h", "0   ", "00 h", "00  "}),
    (r"(?:janv|janvier|jan)\.?", re.IGNORECASE, {"jan"}),  # shortest kept
])
def test_starts_spelled_out(pattern, flags, expected):
    """Lower case, any space « », any digit « 0 », at most four characters, shortest kept."""
    got = starts(re.compile(pattern, flags), size=4)
    assert got is not None and {s for s in got if s == s.lower()} == expected


def test_start_text_keeps_positions():
    low = case_folded(TEXT)
    out = start_text(low)
    assert len(out) == len(TEXT)
    assert not re.search(r"[^\S ]|\d(?<!0)", out)


@pytest.mark.parametrize("which", ["seeds", "examples"])
def test_timex_rules_same_matches_on_articles(which, seeds_dir, examples_dir):
    """Every temporal rule finds, through its positions, what it finds over a whole article and its halves."""
    folder = seeds_dir if which == "seeds" else examples_dir
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        low = case_folded(text)
        if low is None:
            continue
        where = rule_starts().positions(start_text(low))
        half = len(text) // 2
        for rule, positions in zip(rules(), where):
            for lo, hi in [(0, len(text)), (0, half), (half, len(text))]:
                expected = _found(rule.regex.finditer(text, lo, hi))
                assert _found(matches(rule.regex, positions, text, lo, hi)) == expected, (path.name, rule.name)
