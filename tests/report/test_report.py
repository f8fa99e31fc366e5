"""Story reports: self-contained HTML (nothing fetched), Markdown twin, quotes and timeline shown."""

from __future__ import annotations

import re

import pytest

from chronique import report
from chronique.errors import ChroniqueError
from chronique.model import (
    CorpusAnalysis, DocAnalysis, Document, Entity, Evidence, LocalEntity, Mention, Quote, Speaker, Story, TimelineItem,
)  # fmt: skip

TEXT_A = "La ministre Claire Vasseur a rencontré mardi les syndicats. « Nous avancerons ensemble », a-t-elle déclaré."
TEXT_B = "Les syndicats ont salué la rencontre. « Rien n'est réglé <script>alert(1)</script> », a estimé Hugo Berthier."
TEXT_C = "Un article d'un autre récit sur la météo."


def _quote(text: str, words: str, name: str, entity: str, local: int) -> Quote:
    start = text.index(words)
    return Quote(start, start + len(words), words, "direct", Speaker(name=name, entity=entity, local=local))


@pytest.fixture()
def corpus() -> CorpusAnalysis:
    a = DocAnalysis(
        Document(id="d-aaa", path="a.txt", text=TEXT_A, title="Rencontre au ministère", published="2025-03-11",
                 url="https://example.org/article-a"),
        mentions=[Mention(12, 26, "Claire Vasseur", "PER", entity="e-vasseur", local=0)],
        entities=[LocalEntity(0, "Claire Vasseur", "PER", [0], entity="e-vasseur")],
        quotes=[_quote(TEXT_A, "Nous avancerons ensemble", "Claire Vasseur", "e-vasseur", 0)],
    )  # fmt: skip
    b_start = TEXT_B.index("Hugo Berthier")
    b = DocAnalysis(
        Document(id="d-bbb", path="b.txt", text=TEXT_B, title="Les syndicats prudents", published="2025-03-12"),
        mentions=[Mention(b_start, b_start + 13, "Hugo Berthier", "PER", entity="e-berthier", local=0)],
        entities=[LocalEntity(0, "Hugo Berthier", "PER", [0], entity="e-berthier")],
        quotes=[_quote(TEXT_B, "Rien n'est réglé <script>alert(1)</script>", "Hugo Berthier", "e-berthier", 0)],
    )
    c = DocAnalysis(Document(id="d-ccc", path="c.txt", text=TEXT_C, title="Météo", published="2025-03-12"))
    sentence_end = TEXT_A.index(".") + 1
    return CorpusAnalysis(
        documents=[a, b, c],
        entities=[
            Entity("e-vasseur", "Claire Vasseur", "PER", aliases=["Vasseur"], documents=1, mentions=1),
            Entity("e-berthier", "Hugo Berthier", "PER", documents=1, mentions=1),
        ],
        stories=[Story("s-one", "Ministère et syndicats", ["d-aaa", "d-bbb"]), Story("s-two", "Météo", ["d-ccc"])],
        timeline=[
            TimelineItem("2025-03-11", "s-one", "La ministre Claire Vasseur a rencontré mardi les syndicats.", ["e-vasseur"],
                         [Evidence("d-aaa", 0, sentence_end), Evidence("d-bbb", 0, TEXT_B.index(".") + 1)],
                         type="meeting", precision="day"),
            TimelineItem("2025-W11", "s-one", "Semaine de discussions.", [], [Evidence("d-bbb", 0, 10)], type="negotiation", precision="week"),
        ],
    )  # fmt: skip


_RESOURCE = re.compile(r"""(?:\bsrc|\bhref|\bxlink:href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(|<script|<link\b|<iframe""", re.I)


def test_report_html_loads_nothing_from_the_network(corpus):
    html = report.render(corpus, "s-one", "html")
    assert not _RESOURCE.search(html), _RESOURCE.search(html).group(0)
    assert "https://example.org" not in re.findall(r"""(?:src|href)=["']([^"']*)""", html)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_shows_quotes_speakers_and_timeline(corpus, fmt):
    out = report.render(corpus, "s-one", fmt)
    assert "Nous avancerons ensemble" in out
    assert "Claire Vasseur" in out and "Hugo Berthier" in out
    assert "2025-03-11" in out and "2025-W11" in out
    assert "a rencontré mardi les syndicats" in out
    assert "Rencontre au ministère" in out and "Les syndicats prudents" in out


def test_report_html_has_inline_svg_chart_with_one_mark_per_item(corpus):
    html = report.render(corpus, "s-one", "html")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<circle") == 1  # the day
    assert svg.count("<rect") == 1  # the week, drawn as a bar
    assert "<style>" in html


def test_report_html_escapes_quoted_markup(corpus):
    html = report.render(corpus, "s-one", "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("story, present, absent", [("s-one", "Les syndicats prudents", "Météo"), ("s-two", "Météo", "Nous avancerons")])
def test_report_keeps_to_its_story(corpus, story, present, absent):
    out = report.render(corpus, story, "md")
    assert present in out
    assert absent not in out


def test_report_default_story_is_the_largest(corpus):
    assert "Ministère et syndicats" in report.render(corpus, None, "md").splitlines()[0]


def test_report_rejects_unknown_format(corpus):
    with pytest.raises(ValueError):
        report.render(corpus, "s-one", "pdf")


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_service_writes_file(corpus, tmp_path, fmt):
    from chronique import service

    out = service.write_report(corpus, "s-one", fmt, tmp_path / f"story.{fmt}")
    text = out.read_text(encoding="utf-8")
    assert "Nous avancerons ensemble" in text
    with pytest.raises(ChroniqueError):
        service.write_report(corpus, "s-missing", fmt, tmp_path / "x")


def test_report_markdown_escapes_table_breakers(corpus):
    corpus.entities[0].name = "Claire | Vasseur"
    md = report.render(corpus, "s-one", "md")
    assert "Claire \\| Vasseur" in md
