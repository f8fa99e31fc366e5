"""Countries named in text, however French names them: « la Russie », « Moscou », « les
Russes », « le Kremlin » are one country (``RU``).

The gazetteer is language data (``langdata/fr/countries.yaml``): names, capitals,
demonyms and government seats of the world's states, folded the way headlines lose
their accents. A form also meaning something else (« Vienne », « Maurice ») is
listed as ambiguous there and never matched; abbreviations (« USA », « RDC ») are
matched as written, upper case, so a common word is not read as one. The longest
form wins: « Guinée équatoriale » is not « Guinée », « Corée du Nord » has a code
of its own. Plain token lookups, no regex alternation: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronique import langdata

FORM_FIELDS = ("name", "forms", "capitals", "demonyms", "seats")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ELISION = re.compile(r"^(?:[dlns]|qu|jusqu|lorsqu|puisqu)'")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    forms: dict[str, str]  # folded form (words joined by a space) -> code
    abbreviations: dict[str, str]  # as written -> code
    starts: frozenset[str]  # first words of the forms
    longest: int  # most words in a form


@lru_cache(maxsize=None)
def _fold(token: str) -> str:
    return langdata.fold_form(token)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    forms: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for entry in langdata.load("countries"):
        ambiguous = {langdata.fold_form(f) for f in entry.get("ambiguous") or ()}
        for field in FORM_FIELDS:
            value = entry.get(field) or ()
            for form in [value] if isinstance(value, str) else value:
                folded = langdata.fold_form(form)
                if folded not in ambiguous:
                    forms[folded] = entry["code"]
        for abbr in entry.get("abbreviations") or ():
            abbreviations[abbr] = entry["code"]
    return _Gazetteer(
        forms=forms,
        abbreviations=abbreviations,
        starts=frozenset(f.split(" ")[0] for f in forms),
        longest=max(f.count(" ") + 1 for f in forms),
    )


def is_country_or_capital(name: str) -> bool:
    """``name`` is, as a whole, a country's name or its capital's (« Bessarie », « Lorvain »)."""
    return _gazetteer().forms.get(_fold_name(name)) is not None and _fold_name(name) not in _demonym_forms()


def _fold_name(name: str) -> str:
    return " ".join(_fold(t.group()) for t in _TOKEN.finditer(name))


@lru_cache(maxsize=1)
def _demonym_forms() -> frozenset[str]:
    return frozenset(langdata.fold_form(f) for e in langdata.load("countries") for f in e.get("demonyms") or ())


def country_forms(code: str) -> list[str]:
    """The folded forms that name one country (ambiguous ones left out)."""
    return [f for f, c in _gazetteer().forms.items() if c == code]


def _longest(g: _Gazetteer, words: list[str]) -> tuple[int, str | None]:
    for n in range(len(words), 0, -1):
        code = g.forms.get(" ".join(words[:n]))
        if code:
            return n, code
    return 1, None


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """Every country named in ``text``: (ISO code, start, end), longest form first, left to right."""
    g = _gazetteer()
    tokens = list(_TOKEN.finditer(text))
    folded = [_fold(t.group()) for t in tokens]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        code = g.abbreviations.get(tokens[i].group())
        width, skip = 1, 0
        if code is None:
            first = folded[i]
            heads = (first, _ELISION.sub("", first)) if "'" in first else (first,)
            for head in heads:
                if head in g.starts:
                    width, code = _longest(g, [head, *folded[i + 1 : i + g.longest]])
                    if code:
                        skip = len(first) - len(head)  # « l'Ukraine »: the country starts after the elision
                        break
        if code:
            out.append((code, tokens[i].start() + skip, tokens[i + width - 1].end()))
            i += width
        else:
            i += 1
    return out
