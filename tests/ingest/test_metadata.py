"""The metadata CSV and the order in which a publication date is taken; dates never invented."""

from __future__ import annotations

import codecs
import json
import os

import pytest

from chronique.errors import InputError, ParseError, Unreadable
from chronique.ingest import read_metadata, read_paths
from chronique.model import Document

BODY = "Le conseil municipal a voté mardi le budget de la ville, malgré l’opposition de trois élus."
DATED = f"LYON, 5 mai 2025 (AFP) — {BODY}"  # the document itself gives 2025-05-05


def write(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("in_metadata", "argument", "in_content", "expected"),
    [
        (True, True, True, ("2024-01-31", "metadata")),
        (True, False, False, ("2024-01-31", "metadata")),
        (False, True, True, ("2023-06-15", "argument")),
        (False, True, False, ("2023-06-15", "argument")),
        (False, False, True, ("2025-05-05", "content")),
        (False, False, False, (None, None)),
    ],
)
def test_metadata_published_precedence(tmp_path, in_metadata, argument, in_content, expected):
    write(tmp_path / "a.txt", DATED if in_content else BODY)
    csv = write(tmp_path / "meta.csv", "file,published\n" + ("a.txt,2024-01-31\n" if in_metadata else "autre.txt,2024-01-31\n"))
    (doc,) = read_paths([tmp_path], metadata=csv, published="2023-06-15" if argument else None)
    assert (doc.published, doc.published_source) == expected


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        f"Kyiv, 5 mai — {BODY}",  # a day without its year is never completed
        f"Un budget voté\n\n{BODY} La prochaine séance aura lieu le 12 juin 2025.",  # a date in the body is an event
        f"Le 3 février 2024, le maire avait déjà présenté ce budget. {BODY}",
    ],
    ids=["none", "no-year", "date-in-body", "date-in-first-sentence"],
)
def test_metadata_no_date_is_invented(tmp_path, text):
    (doc,) = read_paths([write(tmp_path / "a.txt", text)])
    assert doc.published is None and doc.published_source is None


def test_metadata_fields_override_the_document_and_fill_gaps(tmp_path):
    item = {"text": BODY, "title": "Titre du fichier", "source": "Source du fichier", "url": "https://a.example/x"}
    write(tmp_path / "a.json", json.dumps(item, ensure_ascii=False))
    write(tmp_path / "b.txt", BODY)
    csv = write(
        tmp_path / "meta.csv",
        "file,published,title,source,url\n"
        "a.json,2025-02-03,Titre des métadonnées,,\n"
        "b.txt,,,La Gazette,https://gazette.example/b\n",
    )
    a, b = read_paths([tmp_path], metadata=csv)
    assert (a.title, a.source, a.url, a.published) == ("Titre des métadonnées", "Source du fichier", "https://a.example/x", "2025-02-03")
    assert (b.title, b.source, b.url, b.published) == (None, "La Gazette", "https://gazette.example/b", None)


def test_metadata_does_not_change_the_id(tmp_path):
    path = write(tmp_path / "a.txt", BODY)
    (plain,) = read_paths([path])
    (described,) = read_paths([path], metadata={"a.txt": {"path": None, "title": "Autre", "published": "2025-01-01"}})
    assert plain.id == described.id and described.title == "Autre"


@pytest.mark.parametrize(
    ("file_column", "matches"),
    [("sub/a.txt", {"sub/a.txt"}), ("a.txt", {"sub/a.txt", "other/a.txt"}), ("other/a.txt", {"other/a.txt"}), ("b.txt", set())],
    ids=["relative-path", "basename-anywhere", "other-path", "no-such-file"],
)
def test_metadata_file_column_relative_path_or_basename(tmp_path, file_column, matches):
    write(tmp_path / "sub" / "a.txt", BODY)
    write(tmp_path / "other" / "a.txt", BODY.replace("mardi", "mercredi"))
    csv = write(tmp_path / "meta.csv", f"file,published\n{file_column},2025-04-01\n")
    dated = {os.path.relpath(d.path, tmp_path) for d in read_paths([tmp_path], metadata=csv) if d.published}
    assert dated == matches


@pytest.mark.parametrize(
    "content",
    [
        "file,published,title\na.txt,2025-04-01,Un titre, avec virgule\n".replace("Un titre, avec virgule", '"Un titre, avec virgule"'),
        "file;published;title\na.txt;2025-04-01;Un titre, avec virgule\n",
        "file\tpublished\ttitle\na.txt\t2025-04-01\tUn titre, avec virgule\n",
        "\ufeffFile,Published,Title\r\na.txt,2025-04-01T00:00:00,\"Un titre, avec virgule\"\r\n",
    ],
    ids=["comma", "semicolon", "tab", "bom-crlf-capitalised"],
)
def test_metadata_csv_dialects(tmp_path, content):
    csv = tmp_path / "meta.csv"
    csv.write_bytes(content.encode("utf-8"))
    write(tmp_path / "a.txt", BODY)
    (doc,) = read_paths([tmp_path], metadata=csv)
    assert doc.title == "Un titre, avec virgule"
    assert doc.published.startswith("2025-04-01") and doc.published_source == "metadata"


def test_metadata_csv_cp1252(tmp_path):
    csv = tmp_path / "meta.csv"
    csv.write_bytes("file,title\na.txt,Élections à Noël\n".encode("cp1252"))
    assert read_metadata(csv)["a.txt"]["title"] == "Élections à Noël"


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("name,published\na.txt,2025-01-01\n", ParseError, "needs a 'file' column"),
        ("file,published\na.txt,2025-01-01\nb.txt,5 mai 2025\n", ParseError, ":3: published '5 mai 2025' is not an ISO date"),
        ("", InputError, "empty file"),
    ],
    ids=["no-file-column", "date-not-iso", "empty"],
)
def test_metadata_bad_csv_raises_naming_the_file(tmp_path, content, error, message):
    csv = tmp_path / "meta.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=message) as info:
        read_metadata(csv)
    assert str(info.value).startswith(str(csv))


def test_metadata_missing_csv_raises_unreadable(tmp_path):
    with pytest.raises(Unreadable, match="cannot read metadata file"):
        list(read_paths([tmp_path], metadata=tmp_path / "absent.csv"))


@pytest.mark.parametrize("published", ["2025-13-01", "hier", "05/05/2025"])
def test_metadata_bad_published_argument_raises(tmp_path, published):
    with pytest.raises(InputError, match="not an ISO date"):
        list(read_paths([write(tmp_path / "a.txt", BODY)], published=published))


@pytest.mark.parametrize(("published", "stored"), [("2025-05-19", "2025-05-19"), ("2025-05-19T10:30:00Z", "2025-05-19T10:30:00+00:00")])
def test_metadata_published_argument_kept_as_iso(tmp_path, published, stored):
    (doc,) = read_paths([write(tmp_path / "a.txt", BODY)], published=published)
    assert (doc.published, doc.published_source) == (stored, "argument")


def test_metadata_csv_inside_the_folder_is_not_an_article(tmp_path):
    write(tmp_path / "a.txt", BODY)
    csv = write(tmp_path / "notes.txt", "file,published\na.txt,2025-01-01\n")  # a metadata file with any name
    docs = list(read_paths([tmp_path], metadata=csv))
    assert [os.path.basename(d.path) for d in docs] == ["a.txt"]


def test_metadata_seeds_dated_from_their_csv(seeds_dir):
    rows = read_metadata(seeds_dir / "metadata.csv")
    docs = list(read_paths([seeds_dir], metadata=seeds_dir / "metadata.csv"))
    assert len(docs) == len(rows) == 5 and all(isinstance(d, Document) for d in docs)
    for d in docs:
        assert d.published == rows[os.path.basename(d.path)]["published"]
        assert d.published_source == "metadata"
