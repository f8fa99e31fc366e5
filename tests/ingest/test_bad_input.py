"""Bad input: each bad file is one clear error naming it, and the rest of the batch is read."""

from __future__ import annotations

import json
import os

import pytest

import chronique.ingest as ingest
from chronique.ingest import limits
from chronique.errors import BinaryInput, DecodeError, EmptyInput, InputError, ParseError, TooLarge, Unreadable
from chronique.ingest import MAX_BYTES, read_paths
from chronique.model import Document

GOOD = "Le maire a inauguré samedi la nouvelle médiathèque, en présence de nombreux habitants du quartier."
HTML_OK = f"<html><head><title>Médiathèque</title></head><body><article><p>{GOOD}</p></article></body></html>"
MB = 1_000_000
RUNNING_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write_50mb_text(path) -> None:
    line = (GOOD + "\n").encode("utf-8")
    with open(path, "wb") as f:
        for _ in range(50 * MB // (len(line) * 1000) + 1):
            f.write(line * 1000)


BAD_FILES = [
    ("empty.txt", b"", EmptyInput, "empty file"),
    ("blank.txt", b" \n\t\r\n ", EmptyInput, "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInput, "binary file"),
    ("archive.json", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, BinaryInput, "binary file"),
    ("garbage.txt", bytes(range(0x80, 0x100)) * 40, DecodeError, "not valid UTF-8"),
    ("soup.html", b"<html><body><div><<<>>></div></body", ParseError, "no article text found in the HTML"),
    ("menu.html", b"<html><body><nav><a href='/'>Accueil</a> <a href='/x'>Sport</a></nav></body></html>", ParseError, "no article text"),
    ("links.htm", "<ul><li><a href='/a'>Politique</a></li><li><a href='/b'>Économie</a></li></ul>".encode(), ParseError, "no article text"),
    ("broken.json", b'{"text": "Un article", "title": ', ParseError, "invalid JSON"),
    ("list.json", b"[1, 2, 3]", ParseError, "must be an object or a list of objects"),
    ("notext.json", b'{"title": "Un titre sans texte"}', ParseError, "no article text"),
    ("number.json", b"42", ParseError, "must be an object or a list"),
    ("empty.jsonl", b"\n \n", EmptyInput, "empty file"),
    ("archive.jsonl", b"PK\x03\x04\x14\x00\n\x00\x08\x00\n" + bytes(range(256)) * 4, BinaryInput, "binary file"),
    ("empty.rss", b"", EmptyInput, "empty file"),
    ("image.xml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInput, "binary file"),
    ("broken.rss", b"<rss><channel><title>x</title></chan", ParseError, "feed"),
]


@pytest.mark.parametrize(("name", "raw", "error", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_error_names_the_file_and_the_batch_goes_on(tmp_path, name, raw, error, message):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(raw)
    (tmp_path / "z-good.html").write_text(HTML_OK, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [Document, error, Document], items
    bad = items[1]
    assert isinstance(bad, InputError)
    assert str(bad).startswith(str(tmp_path / name))
    assert message in str(bad) and "\n" not in str(bad)
    assert items[0].text == GOOD and GOOD in items[2].text


def test_bad_input_50_mb_text_file_refused_from_its_size(tmp_path):
    big = tmp_path / "big.txt"
    write_50mb_text(big)
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    bad, good = read_paths([tmp_path])
    assert isinstance(bad, TooLarge)
    assert str(bad) == f"{big}: file too large ({big.stat().st_size:,} bytes; limit {MAX_BYTES:,})"
    assert good.text == GOOD


def test_bad_input_article_text_over_the_character_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARS", 50)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Un texte court.", encoding="utf-8")
    bad, good = read_paths([tmp_path])
    assert isinstance(bad, TooLarge) and "article text too long" in str(bad)
    assert good.text == "Un texte court."


def test_bad_input_limit_is_a_parameter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (item,) = read_paths([path], max_bytes=20)
    assert isinstance(item, TooLarge)


def test_bad_input_broken_json_line_reported_with_its_number(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"text": GOOD, "title": "Un"}, ensure_ascii=False),
        '{"text": "coupé au milieu", "title": ',
        "",
        json.dumps({"title": "sans texte"}),
        json.dumps({"text": GOOD.replace("samedi", "dimanche"), "title": "Deux"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [Document, ParseError, ParseError, Document]
    assert str(items[1]).startswith(f"{path}:2: invalid JSON line")
    assert str(items[2]).startswith(f"{path}:4: no article text")
    assert [items[0].title, items[3].title] == ["Un", "Deux"]


@pytest.mark.parametrize(
    ("bad_line", "error"),
    [(b"\x00\x01\x02\x03 binaire \x00", BinaryInput), (bytes(range(0x80, 0x100)) * 4, DecodeError)],
    ids=["binary-line", "undecodable-line"],
)
def test_bad_input_jsonl_bad_bytes_stay_on_their_line(tmp_path, bad_line, error):
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": GOOD}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + bad_line + b"\n" + good.replace("samedi".encode(), b"lundi") + b"\n")
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [Document, error, Document]
    assert str(items[1]).startswith(f"{path}:2: ")


def test_bad_input_jsonl_is_streamed_past_the_file_limit(tmp_path):
    """JSON Lines may hold a whole archive: only each line is held to the limit."""
    path = tmp_path / "archive.jsonl"
    texts = [f"{GOOD} Article numéro {i}." for i in range(30)]
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    lines[10] = json.dumps({"text": GOOD * 10})  # one line over the limit below
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    limit = max(len(line.encode()) for i, line in enumerate(lines) if i != 10) + 1
    assert path.stat().st_size > limit * 20
    items = list(read_paths([path], max_bytes=limit))
    assert len(items) == 30
    assert isinstance(items[10], TooLarge) and str(items[10]).startswith(f"{path}:11: JSON line too long")
    assert [d.text for i, d in enumerate(items) if i != 10] == [t for i, t in enumerate(texts) if i != 10]


@pytest.mark.parametrize(
    "markup",
    [
        f"<html><body><p>{GOOD}<p>Les enfants ont découvert les nouveaux espaces de lecture et de jeux.",  # never closed
        f"<div><b><i>{GOOD}</b></i></div><p>Les enfants ont découvert les nouveaux espaces.</div></span>",  # misnested
        "<p>Un &eacute;t&eacute; <b>chaud</b>",  # tiny, but words of its own
    ],
    ids=["unclosed", "misnested", "tiny"],
)
def test_bad_input_sloppy_html_with_text_is_still_read(tmp_path, markup):
    path = tmp_path / "a.html"
    path.write_text(markup, encoding="utf-8")
    (doc,) = read_paths([path])
    assert isinstance(doc, Document)
    assert GOOD in doc.text or doc.text == "Un été chaud"


def test_bad_input_unreadable_directory_simulated(tmp_path, monkeypatch):
    """Whoever runs the tests (root reads everything), a refused folder is one error."""
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    good, bad = read_paths([tmp_path])
    assert good.text == GOOD
    assert isinstance(bad, Unreadable)
    assert str(bad) == f"{tmp_path / 'locked'}: cannot read directory (Permission denied)"


def test_bad_input_unreadable_file_simulated(tmp_path, monkeypatch):
    locked = tmp_path / "a-locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(GOOD + " Encore.", encoding="utf-8")
    real = open

    def fake_open(file, *args, **kwargs):
        if os.fspath(file) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    bad, good = read_paths([tmp_path])
    assert isinstance(bad, Unreadable) and str(bad) == f"{locked}: cannot read file (Permission denied)"
    assert good.text == GOOD + " Encore."


@pytest.mark.skipif(RUNNING_AS_ROOT, reason="root reads folders whatever their mode")
def test_bad_input_unreadable_directory_for_real(tmp_path):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        good, bad = read_paths([tmp_path])
    finally:
        locked.chmod(0o755)
    assert good.text == GOOD and isinstance(bad, Unreadable) and str(bad).startswith(str(locked))


@pytest.mark.parametrize(
    ("given", "message"),
    [("absent.txt", "no such file or directory"), ("*.nothing", "no file matches this pattern")],
)
def test_bad_input_missing_paths(tmp_path, given, message):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    bad, good = read_paths([tmp_path / given, tmp_path / "a.txt"])
    assert isinstance(bad, InputError) and str(bad) == f"{tmp_path / given}: {message}"
    assert good.text == GOOD


def test_bad_input_library_failure_is_reported_not_raised(tmp_path, monkeypatch):
    def explode(path, raw):
        raise RuntimeError("boom\nsur deux lignes")
        yield  # a generator, like the real readers

    monkeypatch.setitem(ingest.READERS, "html", explode)
    (tmp_path / "a.html").write_text(HTML_OK, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    bad, good = read_paths([tmp_path])
    assert type(bad) is InputError
    assert str(bad) == f"{tmp_path / 'a.html'}: unexpected error while reading (RuntimeError: boom sur deux lignes)"
    assert good.text == GOOD


def test_bad_input_json_list_bad_item_reported_by_position(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": GOOD}, 3, {"title": "sans texte"}], ensure_ascii=False), encoding="utf-8")
    good, not_object, no_text = read_paths([path])
    assert good.text == GOOD
    assert str(not_object) == f"{path}#2: not a JSON object"
    assert str(no_text).startswith(f"{path}#3: no article text")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_bad_input_named_pipe_is_not_read(tmp_path):
    """Reading a pipe blocks until someone writes: it is skipped in a folder, refused when named."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert [d.text for d in read_paths([tmp_path])] == [GOOD]
    (bad,) = read_paths([pipe])
    assert isinstance(bad, Unreadable) and str(bad) == f"{pipe}: not a regular file"
