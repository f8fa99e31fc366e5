"""Title lines, date lines and datelines: where the body starts."""

from __future__ import annotations

import pytest

from chronique.ingest import read_paths
from chronique.ingest.layout import read_layout

BODY = "Le ministre a présenté son projet devant les députés, qui l’ont rejeté."


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("La réforme des retraites adoptée au Sénat\n\n", "La réforme des retraites adoptée au Sénat"),
        ("Les syndicats appellent à la grève\n", "Les syndicats appellent à la grève"),
        ("Faut-il craindre une nouvelle crise ?\n\n", "Faut-il craindre une nouvelle crise ?"),
        ("Le gouvernement a tranché.\n\n", None),  # a sentence, not a heading
        ("Voici la liste :\n", None),
        ("Un titre beaucoup trop long " * 10 + "\n\n", None),
        ("Le ministre de l’Économie a présenté jeudi un plan de soutien aux\nentreprises. ", None),  # hard-wrapped
    ],
)
def test_layout_title_line(head, title):
    layout = read_layout(head + BODY)
    assert layout.title == title
    assert (head + BODY)[layout.body_start :] == (BODY if title else head + BODY)


def test_layout_single_paragraph_has_no_title():
    assert read_layout(BODY).title is None
    assert read_layout(BODY).body_start == 0


@pytest.mark.parametrize(
    "dateline",
    [
        "LONDRES —",
        "PARIS (AFP) -",
        "Kyiv, 5 mai —",
        "NEW YORK –",
        "SAINT-PÉTERSBOURG —",
        "WASHINGTON, 4 novembre (Reuters) -",
        "Aix-en-Provence (AFP) —",
        "Saint-Denis de La Réunion (AFP) —",
        "PARIS, 5 mai (AFP) —",
        "Bruxelles, le 3 juin 2025 —",
        "L’HAY-LES-ROSES —",
    ],
)
def test_layout_dateline_is_recognised(dateline):
    text = f"Titre de l’article\n\n{dateline} {BODY}"
    layout = read_layout(text)
    assert layout.dateline is not None
    assert layout.dateline.text == dateline
    assert text[layout.dateline.start : layout.dateline.end] == dateline
    assert text[layout.body_start :] == BODY


@pytest.mark.parametrize(
    "start",
    [
        "Le président a dit - et répété - qu’il partirait.",
        "Paris — la capitale — accueille le sommet.",  # capitalised word alone: not a dateline
        "« NON — jamais », a-t-il lancé.",
        "Selon lui, 2025 — année charnière — sera décisive.",
        "Anne Martin (présidente) — a répondu aux questions.",  # a lowercase aside is no agency
        "Le maire de la ville (AFP) — a dit",  # lowercase words beyond links: a sentence
    ],
)
def test_layout_no_false_dateline(start):
    layout = read_layout(start)
    assert layout.dateline is None
    assert layout.body_start == 0


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (f"WASHINGTON, 5 mai 2025 (Reuters) — {BODY}", "2025-05-05"),
        (f"Titre de l’article\n19 mai 2025\n\n{BODY}", "2025-05-19"),
        (f"Titre de l’article\nPublié le 1er juin 2024 à 10h32\n\n{BODY}", "2024-06-01"),
        (f"Titre de l’article\n12/03/2025\n{BODY}", "2025-03-12"),
        (f"Kyiv, 5 mai — {BODY}", None),  # no year: never completed
        (f"Le 24 février 2022, les troupes sont entrées en Ukraine, a rappelé le ministre. {BODY}", None),
        (f"Titre de l’article\n\n{BODY} Le sommet aura lieu le 19 mai 2025.", None),
    ],
)
def test_layout_content_date_only_from_explicit_full_date(text, published):
    layout = read_layout(text, language="fr")
    assert layout.published == published
    if published:
        assert text[layout.body_start :] == BODY


def test_layout_markup_title_is_skipped_even_when_long():
    title = "Un titre d’article venu des métadonnées HTML " * 6
    layout = read_layout(f"{title}\n{BODY}", title=title)
    assert layout.title == title.strip()
    assert layout.body_start == len(title) + 1


def test_layout_seed_dateline_and_titles(seeds_dir):
    docs = {d.path.rsplit("/", 1)[-1][:3]: d for d in read_paths([seeds_dir])}
    assert docs["001"].dateline.text == "LONDRES —"
    assert docs["001"].text[docs["001"].body_start :].startswith("Le président")
    assert docs["002"].title and docs["002"].text.startswith(docs["002"].title + "\n")
    assert docs["004"].title and docs["004"].text[docs["004"].body_start :].startswith("Le 4 novembre")
    for key in ("000", "003"):
        assert docs[key].title is None and docs[key].body_start == 0
    assert all(d.published is None for d in docs.values())  # no metadata, no explicit full date
