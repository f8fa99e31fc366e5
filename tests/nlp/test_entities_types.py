"""Entity types and boundaries fixed from language data (nlp/entity_types.py).

All names are invented; each case is one of the general error kinds spaCy's
French model makes: datelines read as persons, organisations typed as places,
truncated organisation names, portfolio words taken for entities, demonyms
taken for places.
"""

from __future__ import annotations

import pytest

from chronique import langdata
from chronique.nlp.entity_types import dateline_place


def _labels(a, text: str) -> list[str]:
    return [m.label for m in a.mentions if m.text == text]


@pytest.mark.parametrize("name", ["org_heads", "role_complements", "demonym_suffixes", "place_heads"])
def test_entity_types_langdata_validates(name):
    assert langdata.load(name)


@pytest.mark.parametrize(
    ("text", "body_start", "place"),
    [
        ("VALENCE-SUR-LOIRE — Le maire a parlé.", 0, "VALENCE-SUR-LOIRE"),
        ("Un titre court\nBRESSAC (AFP) — La réunion a eu lieu.", 15, "BRESSAC"),
        ("Titre\nSAINT-JEAN-DE-LUZ —\nLe texte commence ici.", 26, "SAINT-JEAN-DE-LUZ"),
        ("Le maire a parlé. ROUEN — rien.", 0, None),
        ("Le Maire — portrait", 0, None),
    ],
)
def test_entity_types_dateline_place(text, body_start, place):
    span = dateline_place(text, body_start)
    assert (text[span[0] : span[1]] if span else None) == place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("VALENCE-SUR-LOIRE — Le maire Paul Girard a inauguré lundi le nouveau centre.", "VALENCE-SUR-LOIRE"),
        ("BRESSAC — Une réunion s'est tenue mardi à la mairie avec Julie Morand.", "BRESSAC"),
    ],
)
def test_entity_types_dateline_is_a_place(analyze, text, name):
    assert _labels(analyze(text), name) == ["LOC"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'AS Montferrand a battu l'US Orvalle 29-27 samedi soir.", "US Orvalle"),
        ("L'AS Montferrand a battu l'US Orvalle 29-27 samedi soir.", "AS Montferrand"),
        ("Le Stade Lorvinois et le FC Rivebelle ont fait match nul.", "Stade Lorvinois"),
        ("L'association Transparence Vallée-Noire a saisi la justice.", "Transparence Vallée-Noire"),
        ("La plainte vise la société Bâti-Rénov Atlantique depuis mars.", "Bâti-Rénov Atlantique"),
        ("Les élèves du Collège Victor-Hugo de Nantes ont défilé.", "Collège Victor-Hugo de Nantes"),
        ("Le Conseil des ministres a adopté mercredi le texte.", "Conseil des ministres"),
        ("L'Office public de l'habitat de la Vallée-Noire a annoncé des travaux.", "Office public de l'habitat de la Vallée-Noire"),
    ],
)
def test_entity_types_organisations_whole_and_typed(analyze, text, name):
    a = analyze(text)
    assert _labels(a, name) == ["ORG"], [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Le vice-ministre russe des Affaires étrangères Sergueï Volkine est arrivé.", "Affaires"),
        ("Il a rencontré son homologue qatari des Affaires étrangères à Doha.", "Affaires"),
        ("Le ministre d'État Luc Barrel a répondu aux députés.", "État"),
        ("La ministre des Sports a salué les athlètes mardi.", "Sports"),
        ("Le ministre de l'Agriculture a reçu les éleveurs.", "Agriculture"),
        ("Le président de la République a parlé longuement.", "République"),
        ("Le ministre de l'Économie et des Finances, Jean Parmentier, a présenté le budget.", "Finances"),
        ("La secrétaire d'État chargée du Numérique a visité l'usine.", "Numérique"),
    ],
)
def test_entity_types_role_words_are_not_entities(analyze, text, word):
    a = analyze(text)
    assert not any(word in m.text for m in a.mentions), [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Les Ukrainiens et les Ligériennes ont manifesté samedi.", "Ukrainiens"),
        ("Les Ukrainiens et les Ligériennes ont manifesté samedi.", "Ligériennes"),
        ("Beaucoup disent que les Marseillais soutiennent le projet.", "Marseillais"),
        ("Les Espagnols et les Suisses ont voté dimanche.", "Suisses"),
        ("Le maire a présenté ses vœux aux Allemands réunis à Lorvain.", "Allemands"),
        ("Le camping accueille des expatriés, Allemands, Américains, Irlandais qui travaillent ici.", "Américains"),
        ("Le conseil représente les cinq millions de Portugais installés dans le pays.", "Portugais"),
        ("Un Égyptien avait décidé de partir seul vers Lorvain.", "Égyptien"),
    ],
)
def test_entity_types_demonyms_are_not_places(analyze, text, word):
    a = analyze(text)
    assert "LOC" not in _labels(a, word), [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Accident de la route à Brévilliers. Les pompiers sont intervenus.", "Brévilliers"),
        ("Anne Morel, née à Valcourtois le 3 mars, a ouvert une boutique.", "Valcourtois"),
    ],
)
def test_entity_types_one_word_only_after_a_is_a_place(analyze, text, place):
    a = analyze(text)
    labels = _labels(a, place)
    assert labels and "PER" not in labels, [(m.text, m.label) for m in a.mentions]


def test_entity_types_surname_after_a_stays_a_person(analyze):
    a = analyze("Paul Vernier a parlé hier. Le maire a répondu à Vernier dans la soirée.")
    assert _labels(a, "Vernier") == ["PER"], [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Le train arrive à Calais ce soir, a indiqué Anne Morel.", "Calais", "LOC"),
        ("Le maire de Lyon, Paul Girard, a parlé à Lyon.", "Lyon", "LOC"),
        ("Le directeur de la Banque de France a parlé.", "Banque de France", "ORG"),
        ("Bâti-Rénov Atlantique a licencié. Le directeur de Bâti-Rénov Atlantique, Paul Mercier, a parlé.", "Bâti-Rénov Atlantique", "ORG"),
    ],
)
def test_entity_types_places_and_institutions_kept(analyze, text, name, label):
    a = analyze(text)
    assert label in _labels(a, name), [(m.text, m.label) for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Le ministre de l'Économie et des Finances, Jean Parmentier, a présenté le budget.", "Jean Parmentier", "ministre de l'Économie et des Finances"),
        ("Le président et Anne Morel sont arrivés ensemble.", "Anne Morel", None),
    ],
)
def test_entity_types_coordinated_portfolio_is_one_role(analyze, text, name, role):
    a = analyze(text)
    assert [m.role for m in a.mentions if m.text == name] == [role]


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("Kestralis Mining a démenti mardi. L'action de Kestralis a chuté de 9 % à Londres.", "Kestralis Mining", "Kestralis"),
        ("Le rachat par Dornavelle Holding est bouclé. Dornavelle versera 40 millions d'euros.", "Dornavelle Holding", "Dornavelle"),
        ("Brivanne SA a publié ses comptes. Brivanne prévoit une perte.", "Brivanne SA", "Brivanne"),
    ],
)
def test_entity_types_trade_name_without_its_designator_is_the_same_company(analyze, text, full, short):
    """« X Mining » then « X »: one organisation, even where spaCy reads the bare word as a place."""
    a = analyze(text)
    by_text = {m.text: m for m in a.mentions}
    assert full in by_text and short in by_text, [(m.text, m.label) for m in a.mentions]
    assert by_text[full].local == by_text[short].local
    assert by_text[full].label == by_text[short].label == "ORG"


@pytest.mark.parametrize(
    ("name", "stripped"),
    [("Kestralis Mining", "Kestralis"), ("Dornavelle Holding SA", "Dornavelle"), ("École des Mines", None), ("Nantes FC", None), ("Mining", None)],
)
def test_entity_names_strip_trailing_designator(name, stripped):
    from chronique.nlp.entity_names import strip_trailing_designator

    assert strip_trailing_designator(name) == stripped


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le feu a pris au 10, rue Anne-Morel à Valcourt. Le côté Anne-Morel a brûlé.", "rue Anne-Morel"),
        ("Le départ est fixé à 9 h place de la Gare à Valcourt.", "place de la Gare"),
        ("Paul Vernier habite avenue Victor-Lebrun depuis dix ans.", "avenue Victor-Lebrun"),
        ("Le bateau a chaviré sur le lac Morvani samedi.", "lac Morvani"),
    ],
)
def test_entity_types_place_head_makes_a_place(analyze, text, name):
    a = analyze(text)
    assert _labels(a, name) and set(_labels(a, name)) == {"LOC"}, [(m.text, m.label) for m in a.mentions]
    assert not any(m.label == "PER" and m.text in name for m in a.mentions), [(m.text, m.label) for m in a.mentions]


def test_entity_types_place_of_a_person_is_not_a_street(analyze):
    a = analyze("Paul Vernier a été nommé à la place de Claire Dubreuil, a annoncé le club.")
    assert "PER" in _labels(a, "Claire Dubreuil"), [(m.text, m.label) for m in a.mentions]
