"""Kinship nouns as speakers: « son mari », « sa fille » is the other member of the family named.

« Anne et Paul Roy … « … », souffle Anne Roy. Son mari, lui, … : « … » »: the
possessive points at the last person named (Anne Roy) and the kinship noun at
the one other person of that surname in the document (Paul Roy). With no such
person, or several, nothing is said. Nouns: ``langdata/fr/kinship.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from chronique import langdata

if TYPE_CHECKING:
    from chronique.nlp.quote_speakers import Resolver, Who

KIN_REACH = 600  # characters back where the possessive's antecedent is named


@lru_cache(maxsize=1)
def _kin() -> tuple[re.Pattern[str], dict[str, str]]:
    gender: dict[str, str] = {}
    for e in langdata.load("kinship"):
        for f in [e["noun"], *(e.get("forms") or [])]:
            gender[f.lower()] = e["gender"]
    forms = sorted(gender, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\-", r"[\s\-]").replace(r"\ ", r"[\s\-]") for f in forms)
    return re.compile(r"(?i)\s*(?:son|sa|leur)\s+(?P<noun>" + alt + r")(?![\w\-])"), gender


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def kin_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a kinship phrase opening ``text[start:end]`` stands (« Son mari »), or None."""
    m = _kin()[0].match(text, start, end)
    return (m.end() - len(m.group(0).lstrip()), m.end()) if m else None


def kin_speaker(r: Resolver, start: int, end: int) -> Who | None:
    """The person meant by a kinship phrase opening ``text[start:end]`` (« Son mari, … »), or None.

    The family member is another person of the antecedent's surname, or a given
    name coordinated with it (« Lise et Timéo Roy »)."""
    pattern, genders = _kin()
    m = pattern.match(r.text, start, end)
    if m is None:
        return None
    gender = genders.get(re.sub(r"[\s\-]+", "-", m.group("noun").lower()), genders.get(m.group("noun").lower()))
    people = [i for i in r.mentions_in(max(0, start - KIN_REACH), start) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)]
    ante = r.local_of.get(people[-1]) if people else None
    if ante is None or ante >= len(r.entities):
        return None
    name = r.entities[ante].name
    if len(name.split()) < 2:
        return None
    family = [
        e.index for e in r.entities
        if e.index != ante and e.label == "PER" and len(e.name.split()) >= 2 and _surname(e.name) == _surname(name)
        and r.gender.get(e.index, gender) == gender
    ]
    if not family:
        family = _coordinated_given_names(r, ante, name.split()[-1])
        if len(family) == 1:  # « Lise et Timéo Roy »: Lise Roy
            who = r.who_of_local(family[0])
            who.name = f"{who.name} {name.split()[-1]}"
            return who
    return r.who_of_local(family[0]) if len(family) == 1 else None


def _coordinated_given_names(r: Resolver, ante: int, surname: str) -> list[int]:
    """People named by a given name alone right before « et <given name> <surname> »."""
    tail = re.compile(r"\s+et\s+[A-ZÀ-ÖØ-Þ][\w\-]*\s+" + re.escape(surname) + r"\b")
    out = []
    for e in r.entities:
        if e.index == ante or e.label != "PER" or len(e.name.split()) != 1:
            continue
        if any(i < len(r.m) and tail.match(r.text, r.m[i].end) for i in e.mentions):
            out.append(e.index)
    return out
