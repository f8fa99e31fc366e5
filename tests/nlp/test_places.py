"""Countries named in text: every way of naming one country gives its code, ambiguous forms none."""

from __future__ import annotations

import pytest

from chronique import langdata
from chronique.nlp.places import find_countries


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Moscou dément toute implication", ["RU"]),
        ("La Russie et les Russes, selon le Kremlin", ["RU", "RU", "RU"]),
        ("Les Etats-Unis, la Maison-Blanche et les USA", ["US", "US", "US"]),
        ("Américaines et américains à Washington", ["US", "US", "US"]),
        ("Elle quitte l'Ukraine pour l’Italie", ["UA", "IT"]),
        ("La Guinée équatoriale, pas la Guinée", ["GQ", "GN"]),
        ("Des soldats nord-coréens près de Séoul", ["KP", "KR"]),
        ("La République démocratique du Congo, la RDC et le Congo", ["CD", "CD", "CG"]),
        ("Côte d’Ivoire : les Ivoiriens votent", ["CI", "CI"]),
        ("MOSCOU ET KIEV", ["RU", "UA"]),
    ],
)
def test_places_every_form_gives_the_country(text, codes):
    assert [c for c, _, _ in find_countries(text)] == codes


@pytest.mark.parametrize(
    "text",
    [
        "Maurice Vantel arrive à Vienne",  # a given name; a French town and a verb form
        "Les drapeaux en berne",  # a capital that is also a common word
        "Une grenade retrouvée dans un champ",
        "Le modèle usa ses dernières forces",  # an abbreviation is matched as written only
        "Le dernier discours de Dominique Lavrel",
    ],
)
def test_places_ambiguous_forms_name_no_country(text):
    assert find_countries(text) == []


@pytest.mark.parametrize("text", ["Visite à l'Élysée puis à Moscou", "En Corée du Sud, d’Israël au Japon"])
def test_places_spans_point_into_the_text(text):
    found = find_countries(text)
    assert found
    for _, start, end in found:
        span = text[start:end]
        assert span == span.strip() and span[0].isupper() and "'" not in span[:2] and "’" not in span[:2]


def test_places_gazetteer_entries_are_complete():
    entries = langdata.load("countries")
    assert len(entries) >= 195  # the world's states, and a few territories
    for e in entries:
        assert e["name"].strip() and len(e["code"]) == 2 and e["code"].isupper()
        named = {langdata.fold_form(f) for field in ("name", "forms", "capitals", "demonyms", "seats") for f in
                 ([e[field]] if isinstance(e.get(field), str) else e.get(field) or ())}
        ambiguous = {langdata.fold_form(f) for f in e.get("ambiguous") or ()}
        assert ambiguous <= named, f"{e['code']}: ambiguous forms must be among its forms"
        assert all(a.isupper() for a in e.get("abbreviations") or ())
