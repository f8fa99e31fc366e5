"""Name keys shared by in-document clustering and cross-document linking (no spaCy needed)."""

from __future__ import annotations

import pytest

from chronique.nlp.entity_names import (
    fold,
    given_names_compatible,
    phonetic,
    split_name,
    strip_common_head,
    unit_key,
    units,
)
from chronique.nlp.entity_titles import honorific_prefix, title_gender


@pytest.mark.parametrize(
    "a, b",
    [
        ("Maison-Rouge", "Maison Rouge"),
        ("J.D. Marlow", "JD Marlow"),
        ("J. D. Marlow", "J.D. Marlow"),
        ("Émile Zéro", "Emile Zero"),
        ("l’Union", "l'Union"),
    ],
)
def test_entities_fold_same_name(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("olenskyy", "olenski"),
        ("dmitri", "dmitry"),
        ("sergueï", "sergey"),
        ("iouri", "yuri"),
        ("ouchenko", "ushenko"),
        ("boutine", "butin"),
        ("lviev", "lviv"),
        ("vitkoff", "witkof"),
    ],
)
def test_entities_phonetic_transliterations_meet(a, b):
    assert phonetic(fold(a)) == phonetic(fold(b))


@pytest.mark.parametrize("a, b", [("paris", "perse"), ("marin", "martin"), ("iran", "irak"), ("lena", "lino")])
def test_entities_phonetic_keeps_different_names_apart(a, b):
    assert phonetic(a) != phonetic(b)


@pytest.mark.parametrize(
    "name, given, surname",
    [
        ("Anne Le Gall", ("anne",), "le-gall"),
        ("Le Gall", (), "le-gall"),
        ("J.-B. Orsoni", ("j-b",), "orsoni"),
        ("Jean-Baptiste Orsoni", ("jean-baptiste",), "orsoni"),
        ("Karim Ben Salah", ("karim",), "ben-salah"),
        ("Ludwig van Delft", ("ludwig",), "van-delft"),
        ("Claire Martin-Roux", ("claire",), "martin-roux"),
        ("Paul A. Gris", ("paul", "a"), "gris"),
        ("D. Vernier", ("d",), "vernier"),  # a dotted initial, not the particle « d' »
        ("Louis d'Orgeval", ("louis",), "d-orgeval"),
    ],
)
def test_entities_split_name_keeps_particles_with_the_surname(name, given, surname):
    assert split_name(name) == (given, surname)


def test_entities_units_join_spaced_initials():
    assert units("J. D. Marlow") == units("J.D. Marlow") == ("jd", "marlow")


@pytest.mark.parametrize(
    "a, b, how",
    [
        (("tom",), ("tomas",), "prefix"),
        (("dmitri",), ("dmitry",), "same"),
        (("j",), ("jules",), "initial"),
        (("j-b",), ("jean-baptiste",), "initial"),
        (("jd",), ("james", "david"), "initial"),
    ],
)
def test_entities_given_names_compatible(a, b, how):
    assert given_names_compatible(a, b) == how
    assert given_names_compatible(b, a) == how


@pytest.mark.parametrize(
    "a, b",
    [
        (("jean",), ("jean-pierre",)),  # half of a hyphenated given name is another name
        (("marie",), ("martine",)),
        (("j",), ("paul",)),
        (("anne",), ()),
        (("louis",), ("louise",)),
        (("simon",), ("simone",)),
        (("paul",), ("pauline",)),
    ],
)
def test_entities_given_names_incompatible(a, b):
    assert given_names_compatible(a, b) is None


def test_entities_surname_key_ignores_hyphens_and_spaces():
    assert unit_key("costa-ribeiro") == unit_key("costaribeiro")
    assert unit_key(split_name("Nadia Ben Amar")[1]) == unit_key(split_name("Nadia Benamar")[1])


@pytest.mark.parametrize(
    "name, head",
    [("groupe Durand", "Durand"), ("hôpital Saint-Roch", "Saint-Roch"), ("tour de France", None), ("Durand", None)],
)
def test_entities_strip_common_head(name, head):
    assert strip_common_head(name) == head


@pytest.mark.parametrize(
    "phrase, gender",
    [("Mme", "f"), ("M.", "m"), ("présidente du directoire", "f"), ("président de la fédération", "m"), ("ministre", "any")],
)
def test_entities_title_gender(phrase, gender):
    assert title_gender(phrase) == gender


@pytest.mark.parametrize("name, parts", [("M. Durand", ("M.", "Durand")), ("Mme Anne Roy", ("Mme", "Anne Roy")), ("Durand", ("", "Durand"))])
def test_entities_honorific_prefix(name, parts):
    assert honorific_prefix(name) == parts
