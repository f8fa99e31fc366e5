"""HTML pages: main text only, metadata from the markup, broken pages reported."""

from __future__ import annotations

import pytest

from chronique.errors import ParseError
from chronique.ingest import read_paths

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="{charset}">
<title>Titre de page | Le Journal</title>
<meta property="og:title" content="Le gouvernement annonce une réforme des retraites">
{date_meta}
<meta name="author" content="Marie Dupont">
<meta property="og:site_name" content="Le Journal">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="advertisement">Publicité : abonnez-vous maintenant à prix réduit !</div>
<article><h1>Le gouvernement annonce une réforme des retraites</h1>
<p>PARIS (AFP) — Le Premier ministre a présenté jeudi un projet de réforme des retraites devant l’Assemblée nationale, suscitant de vives réactions dans l’opposition.</p>
<p>« Nous devons agir maintenant », a déclaré le chef du gouvernement lors d’une conférence de presse à Matignon, ajoutant que le texte serait débattu au printemps.</p>
<p>Les syndicats ont immédiatement appelé à une journée de mobilisation nationale la semaine prochaine, dénonçant un recul social inacceptable pour les salariés.</p>
</article>
<section id="comments" class="comments"><h3>Commentaires</h3><div class="comment"><p>Jean : Encore une réforme inutile, honteux !</p></div></section>
<footer>© 2025 Le Journal — Mentions légales — Contact</footer>
</body></html>"""
DATE_META = '<meta property="article:published_time" content="2025-03-14T08:30:00+01:00">'


def page(date_meta: str = DATE_META, charset: str = "utf-8") -> str:
    return PAGE.format(date_meta=date_meta, charset=charset)


@pytest.fixture
def html_doc(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(page(), encoding="utf-8")
    (doc,) = read_paths([path])
    return doc


def test_html_main_text_without_boilerplate(html_doc):
    assert "Premier ministre a présenté jeudi" in html_doc.text
    assert "Les syndicats ont immédiatement appelé" in html_doc.text
    for junk in ("Accueil", "Publicité", "Encore une réforme inutile", "Mentions légales"):
        assert junk not in html_doc.text


def test_html_metadata_from_markup(html_doc):
    assert html_doc.format == "html"
    assert html_doc.title == "Le gouvernement annonce une réforme des retraites"
    assert html_doc.author == "Marie Dupont"
    assert html_doc.source == "Le Journal"
    assert html_doc.language == "fr"
    assert (html_doc.published, html_doc.published_source) == ("2025-03-14", "content")


def test_html_heading_and_dateline_before_body(html_doc):
    assert html_doc.dateline is not None and html_doc.dateline.text == "PARIS (AFP) —"
    assert html_doc.text[html_doc.body_start :].startswith("Le Premier ministre")


def test_html_without_date_meta_has_no_date(tmp_path):
    path = tmp_path / "a.htm"
    path.write_text(page(date_meta=""), encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.published is None and doc.published_source is None


def test_html_cp1252_page(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(page(charset="windows-1252").encode("cp1252"))
    (doc,) = read_paths([path])
    assert "l’Assemblée nationale" in doc.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Vide</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
        "<html><body><div><<<>>></div></body",
        "<<<<>>>> </p></p></div>",
    ],
    ids=["menu-only", "broken-tags", "tag-soup"],
)
def test_html_without_article_text_is_parse_error(tmp_path, markup):
    path = tmp_path / "bad.html"
    path.write_text(markup, encoding="utf-8")
    (item,) = read_paths([path])
    assert isinstance(item, ParseError)
    assert str(item) == f"{path}: no article text found in the HTML"


def test_html_sniffed_without_extension(tmp_path):
    path = tmp_path / "page"
    path.write_text(page(), encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.format == "html" and "Accueil" not in doc.text


ARTICLE = (
    "<html><head><title>Réforme</title></head><body class='{body}'><article class='article-body'>"
    "<h1>Le gouvernement annonce une réforme des retraites</h1>"
    "<p>Le Premier ministre a présenté jeudi un projet de réforme des retraites devant l’Assemblée nationale.</p>"
    "{block}"
    "<p>Les syndicats ont immédiatement appelé à une journée de mobilisation nationale la semaine prochaine.</p>"
    "</article></body></html>"
)
AD_TEXT = "Publicité : abonnez-vous maintenant à prix réduit !"


@pytest.mark.parametrize(
    "block",
    [
        f'<div class="ad">{AD_TEXT}</div>',
        f'<div class="Advertisement"><p>{AD_TEXT}</p></div>',
        f'<div class="bloc ad-container"><p>{AD_TEXT}</p></div>',
        f'<div id="pub_inread"><p>{AD_TEXT}</p></div>',
        f'<ins class="adsbygoogle"><p>{AD_TEXT}</p></ins>',
        f'<aside class="sponsored-links"><p>{AD_TEXT}</p></aside>',
    ],
    ids=["ad", "advertisement", "ad-prefix", "id-pub", "adsbygoogle", "sponsored"],
)
def test_html_in_article_ads_dropped(tmp_path, block):
    path = tmp_path / "a.html"
    path.write_text(ARTICLE.format(block=block, body="page"), encoding="utf-8")
    (doc,) = read_paths([path])
    assert "abonnez-vous" not in doc.text
    assert "Premier ministre" in doc.text and "Les syndicats" in doc.text


@pytest.mark.parametrize(
    ("block", "body"),
    [
        ('<div class="header-read"><p>Abonnez-vous : un paragraphe de l’article.</p></div>', "page"),
        ('<div class="lead"><p>Abonnez-vous : un paragraphe de l’article.</p></div>', "ad-free"),  # the page itself is kept
    ],
    ids=["ad-inside-a-word", "body-class"],
)
def test_html_ad_pruning_keeps_article_blocks(tmp_path, block, body):
    path = tmp_path / "a.html"
    path.write_text(ARTICLE.format(block=block, body=body), encoding="utf-8")
    (doc,) = read_paths([path])
    assert "Abonnez-vous : un paragraphe" in doc.text and "Les syndicats" in doc.text
