"""Readers end to end through read_paths: text, JSON, JSON Lines, feeds; language and ids."""

from __future__ import annotations

import codecs
import json

import pytest

from chronique.ingest import read_paths
from chronique.model import Document

BODY = (
    "Le ministre de l’Économie a présenté jeudi un plan de soutien aux entreprises, "
    "jugé « insuffisant » par les syndicats, qui appellent à manifester la semaine prochaine."
)
SECOND = "Les députés de l’opposition ont demandé un débat au Parlement avant la fin du mois."


def read_one(path) -> Document:
    (doc,) = read_paths([path])
    assert isinstance(doc, Document), doc
    return doc


# --- plain text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title", "dateline"),
    [
        ("Un plan de soutien jugé insuffisant\n\n", "Un plan de soutien jugé insuffisant", None),
        ("Un plan de soutien jugé insuffisant\n\nLONDRES — ", "Un plan de soutien jugé insuffisant", "LONDRES —"),
        ("PARIS (AFP) - ", None, "PARIS (AFP) -"),
        ("Économie : le plan contesté\nLYON, 3 mars (Reuters) — ", "Économie : le plan contesté", "LYON, 3 mars (Reuters) —"),
        ("", None, None),
    ],
    ids=["title", "title-dateline", "agency-dateline", "dated-dateline", "body-only"],
)
def test_readers_txt_title_dateline_and_body_start(tmp_path, head, title, dateline):
    path = tmp_path / "article.txt"
    path.write_text(f"{head}{BODY}\n\n{SECOND}\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.format == "txt"
    assert doc.title == title
    assert doc.text[doc.body_start :].startswith(BODY)
    if dateline is None:
        assert doc.dateline is None
    else:
        assert doc.dateline.text == dateline
        assert doc.text[doc.dateline.start : doc.dateline.end] == dateline
        assert doc.dateline.end <= doc.body_start  # NLP reads from body_start: the place is no name


def test_readers_txt_text_is_kept_whole(tmp_path):
    """Title and dateline are located, never cut out: offsets refer to the whole text."""
    raw = f"Un plan contesté\n\nLONDRES — {BODY}"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    assert read_one(path).text == raw


# --- JSON and JSON Lines --------------------------------------------------------------

ITEM = {
    "text": BODY,
    "title": "Un plan de soutien jugé insuffisant",
    "published": "2025-03-14T23:30:00+02:00",
    "url": "https://journal.example/plan",
    "source": "Le Journal",
    "author": "Marie Dupont",
}


@pytest.mark.parametrize(
    ("item", "published"),
    [
        (ITEM, "2025-03-14"),  # the writer's own day, even late in the evening
        ({**ITEM, "published": "2025-03-14"}, "2025-03-14"),
        ({k: v for k, v in ITEM.items() if k != "published"} | {"date": "Fri, 14 Mar 2025 08:00:00 +0100"}, "2025-03-14"),
        ({k: v for k, v in ITEM.items() if k != "published"}, None),
    ],
    ids=["iso-datetime", "iso-date", "rfc822-date-field", "no-date"],
)
def test_readers_json_fields(tmp_path, item, published):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    doc = read_one(path)
    assert (doc.format, doc.text, doc.title) == ("json", BODY, ITEM["title"])
    assert (doc.url, doc.source, doc.author) == (ITEM["url"], ITEM["source"], ITEM["author"])
    assert doc.published == published
    assert doc.published_source == ("content" if published else None)


@pytest.mark.parametrize("field", ["content", "body"])
def test_readers_json_text_field_synonyms(tmp_path, field):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({field: BODY}, ensure_ascii=False), encoding="utf-8")
    assert read_one(path).text == BODY


def test_readers_json_markup_in_text_becomes_lines(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": f"<p>{BODY}</p><p>{SECOND}</p><script>x()</script>"}), encoding="utf-8")
    assert read_one(path).text == f"{BODY}\n{SECOND}"


def test_readers_json_list_gives_one_document_per_object(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": BODY, "title": "Un"}, {"text": SECOND, "title": "Deux"}]), encoding="utf-8")
    docs = list(read_paths([path]))
    assert [(d.text, d.title, d.path) for d in docs] == [(BODY, "Un", f"{path}#1"), (SECOND, "Deux", f"{path}#2")]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ""])
def test_readers_jsonl_one_document_per_line(tmp_path, suffix):
    path = tmp_path / f"articles{suffix}"
    lines = [{"text": BODY, "title": "Un"}, {"text": SECOND, "title": "Deux", "published": "2025-01-02"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    docs = list(read_paths([path]))
    assert [d.format for d in docs] == ["jsonl", "jsonl"]
    assert [(d.text, d.title, d.published) for d in docs] == [(BODY, "Un", None), (SECOND, "Deux", "2025-01-02")]
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:2"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_readers_jsonl_with_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "a.jsonl"
    path.write_text(f'{json.dumps({"text": BODY})}\n{json.dumps({"text": SECOND})}\n', encoding=encoding)
    assert [d.text for d in read_paths([path])] == [BODY, SECOND]


# --- RSS and Atom ---------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Le Journal</title><link>https://journal.example/</link><description>Actualités</description>
<item><title>Un plan contesté</title><link>https://journal.example/plan</link>
  <pubDate>Fri, 14 Mar 2025 08:30:00 +0100</pubDate><description>Résumé court du plan.</description>
  <content:encoded><![CDATA[<p>{BODY}</p><p>{SECOND}</p>]]></content:encoded></item>
<item><title>Les députés demandent un débat</title><link>https://journal.example/debat</link>
  <description><![CDATA[<p>{SECOND}</p>]]></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Journal</title><id>urn:journal</id><updated>2025-03-14T09:00:00Z</updated>
<entry><title>Un plan contesté</title><id>urn:1</id><link href="https://journal.example/plan"/>
  <published>2025-03-14T08:30:00+01:00</published><updated>2025-03-15T10:00:00+01:00</updated>
  <author><name>Marie Dupont</name></author>
  <summary>Résumé court du plan.</summary><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
<entry><title>Les députés demandent un débat</title><id>urn:2</id><updated>2025-03-16T10:00:00Z</updated>
  <summary>{SECOND}</summary></entry>
</feed>"""


@pytest.mark.parametrize(
    ("name", "feed", "first_text"),
    [("journal.rss", RSS, f"{BODY}\n{SECOND}"), ("journal.atom", ATOM, BODY), ("journal.xml", RSS, f"{BODY}\n{SECOND}")],
)
def test_readers_feed_one_document_per_entry_content_before_summary(tmp_path, name, feed, first_text):
    path = tmp_path / name
    path.write_text(feed, encoding="utf-8")
    first, second = read_paths([path])
    assert (first.format, first.text, first.title) == ("feed", first_text, "Un plan contesté")
    assert second.text == SECOND  # no content: the summary
    assert (first.source, first.url) == ("Le Journal", "https://journal.example/plan")
    assert (first.published, first.published_source) == ("2025-03-14", "content")  # published, not updated
    assert [first.path, second.path] == [f"{path}#1", f"{path}#2"]


def test_readers_feed_sniffed_without_extension(tmp_path):
    path = tmp_path / "flux"
    path.write_text(ATOM, encoding="utf-8")
    docs = list(read_paths([path]))
    assert [d.format for d in docs] == ["feed", "feed"]
    assert docs[0].author == "Marie Dupont"
    assert docs[1].published == "2025-03-16"  # only an update date: that one


# --- folders and patterns -------------------------------------------------------------


def test_readers_folder_recursive_sorted_and_glob(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "1.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".cache.txt").write_text("caché", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "metadata.csv").write_text("file,published\n1.txt,2025-01-01\n", encoding="utf-8")
    assert [d.text for d in read_paths([tmp_path])] == [BODY, SECOND]
    assert [d.text for d in read_paths([str(tmp_path / "**" / "*.txt")])] == [BODY, SECOND]


def test_readers_examples_all_read(examples_dir):
    items = list(read_paths([examples_dir], metadata=examples_dir / "metadata.csv"))
    assert items and all(isinstance(d, Document) for d in items), [str(e) for e in items if not isinstance(e, Document)]
    assert {d.format for d in items} >= {"txt", "html", "jsonl", "feed"}
    assert all(d.language == "fr" for d in items)


# --- encodings, language, ids ---------------------------------------------------------

ACCENTED = f"Noël à l’Élysée : « c’est l’été », a lancé l’élève.\n\n{BODY}"
STRAIGHT = ACCENTED.replace("’", "'")  # latin-1 has no typographic apostrophe


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (ACCENTED.encode("utf-8"), ACCENTED),
        (codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), ACCENTED),
        (ACCENTED.encode("cp1252"), ACCENTED),
        (STRAIGHT.encode("latin-1"), STRAIGHT),
        (ACCENTED.encode("utf-8").decode("cp1252").encode("utf-8"), ACCENTED),  # UTF-8 read as cp1252, saved again
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1", "mojibake"],
)
def test_readers_encodings_give_the_stored_text(tmp_path, raw, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    doc = read_one(path)
    assert doc.text == expected  # apostrophes and « » kept as written, NFC
    assert doc.language == "fr"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (f"{BODY} {SECOND}", "fr"),
        ("The minister presented a support plan on Thursday, which unions called insufficient and vowed to fight.", "en"),
        ("Der Minister stellte am Donnerstag einen Hilfsplan vor, den die Gewerkschaften als unzureichend kritisierten.", "de"),
        ("El ministro presentó el jueves un plan de apoyo a las empresas, que los sindicatos critican.", "es"),
        ("12 345 — 678", None),  # too little text to tell
        ("Incendie : 1 200 hectares brûlés", None),  # a headline alone: no clear guess, so not « not French »
    ],
    ids=["fr", "en", "de", "es", "too-short", "ambiguous-headline"],
)
def test_readers_language_is_identified(tmp_path, text, language):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert read_one(path).language == language


def test_readers_ids_depend_on_text_only(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "copie.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"text": BODY, "title": "Autre titre", "source": "Autre"}), encoding="utf-8")
    (tmp_path / "d.txt").write_text(BODY + " ", encoding="utf-8")  # trailing space: same stored text
    (tmp_path / "e.txt").write_text(BODY.replace("jeudi", "vendredi"), encoding="utf-8")
    first = {d.path.rsplit("/", 1)[-1]: d.id for d in read_paths([tmp_path])}
    again = {d.path.rsplit("/", 1)[-1]: d.id for d in read_paths([tmp_path])}
    assert first == again
    assert first["a.txt"] == first["copie.txt"] == first["c.json"] == first["d.txt"]
    assert first["e.txt"] != first["a.txt"]


def test_readers_jsonl_crlf_and_line_separator_inside_strings(tmp_path):
    path = tmp_path / "a.jsonl"
    first = json.dumps({"text": f"{BODY}\u2028{SECOND}"}, ensure_ascii=False)  # U+2028 is legal inside a JSON string
    path.write_bytes(f"{first}\r\n{json.dumps({'text': SECOND})}\r\n".encode("utf-8"))
    docs = list(read_paths([path]))
    assert [d.text for d in docs] == [f"{BODY}\n{SECOND}", SECOND]  # stored with a plain line break
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:2"]
