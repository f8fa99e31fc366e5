"""Encodings, mojibake, normalisation, and the bytes that are not text."""

from __future__ import annotations

import codecs
import os
import unicodedata

import pytest

from chronique.errors import BinaryInput, DecodeError, EmptyInput
from chronique.ingest import read_paths
from chronique.ingest.decode import decode, normalise

FRENCH = "Le président a déclaré à Noël : « l’été sera chaud », c’est ça. Œuvre, élève, où, garçon."


@pytest.mark.parametrize(
    "raw",
    [
        FRENCH.encode("utf-8"),
        codecs.BOM_UTF8 + FRENCH.encode("utf-8"),
        codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"),
        FRENCH.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_decode_encodings_give_the_same_text(raw):
    assert decode(raw, "a.txt") == FRENCH


def test_decode_latin1_is_not_mistaken_for_central_european():
    text = "Le président a déclaré à Noël que l'été était là. Les élèves sont où ça."
    assert decode(text.encode("latin-1"), "a.txt") == text


def test_decode_utf8_with_stray_cp1252_bytes_is_repaired():
    raw = "Le président a déclaré « l’été ».".encode() + " Un élève.".encode("cp1252")
    assert decode(raw, "a.txt") == "Le président a déclaré « l’été ». Un élève."


def test_decode_mojibake_is_repaired():
    double = FRENCH.encode("utf-8").decode("cp1252").encode("utf-8")  # UTF-8 read as cp1252, saved again
    assert decode(double, "a.txt") == FRENCH


@pytest.mark.parametrize("char", ["’", "«", "»", "“", "”", "—", "…"])
def test_normalise_keeps_typographic_characters(char):
    text = f"Il a dit {char}oui{char} hier"
    assert normalise(text) == text


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\u2028"])
def test_normalise_line_endings_become_newlines(ending):
    assert normalise(f"Titre{ending}{ending}Corps du texte.{ending}") == "Titre\n\nCorps du texte."


def test_normalise_composes_to_nfc():
    decomposed = unicodedata.normalize("NFD", "été à Noël")
    assert decomposed != "été à Noël"
    assert normalise(decomposed) == "été à Noël"


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n", codecs.BOM_UTF8 + b"\n "])
def test_decode_empty_raises_empty_input(raw):
    with pytest.raises(EmptyInput, match="a.txt: empty"):
        decode(raw, "a.txt")


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"texte avec un octet nul \x00 au milieu",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"abc",
    ],
    ids=["png", "nul-byte", "control-chars"],
)
def test_decode_binary_raises_binary_input(raw):
    with pytest.raises(BinaryInput, match="a.bin: binary"):
        decode(raw, "a.bin")


def test_decode_random_high_bytes_raise_decode_error():
    raw = bytes(0x80 | b for b in os.urandom(4000))
    with pytest.raises(DecodeError, match="a.txt: not valid UTF-8"):
        decode(raw, "a.txt")


@pytest.mark.parametrize(
    ("raw", "error"),
    [(b"", EmptyInput), (b"\x00\x01\x02binary\x00", BinaryInput), (bytes(range(0x80, 0x100)) * 20, DecodeError)],
)
def test_decode_bad_files_are_yielded_not_raised(tmp_path, raw, error):
    (tmp_path / "bad.txt").write_bytes(raw)
    (tmp_path / "good.txt").write_text("Un article lisible sur la politique française.", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items][0] is error
    assert str(items[0]).startswith(str(tmp_path / "bad.txt"))
    assert "\n" not in str(items[0])
    assert items[1].text == "Un article lisible sur la politique française."


def _full_ftfy(text: str) -> str:
    import ftfy

    from chronique.ingest.decode import FTFY_CONFIG

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", ftfy.fix_text(text, FTFY_CONFIG)).strip()


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "Il a cité l’« Œuvre » de Noël à 10 h 30 — 1 200 € — ½ part, 3° C, « NON »…",
        FRENCH + " Un mot cassÃ© au milieu d’un long texte propre. " + FRENCH * 5,  # one mojibake word
        FRENCH + " â€œcitationâ€\x9d",  # curly quotes through cp1252
        "Texte avec un caractère de contrôle \x1b[31m et un BOM\ufeff au milieu.",
        "Texte avec une séquence perdue � dans la ligne.",
    ],
    ids=["clean", "symbols", "one-mojibake-word", "quote-mojibake", "controls", "replacement-char"],
)
def test_normalise_fast_path_equals_full_ftfy(text):
    assert normalise(text) == _full_ftfy(text)


def test_normalise_fast_path_on_real_articles(examples_dir):
    paths = sorted(p for p in examples_dir.iterdir() if p.suffix in {".txt", ".html", ".jsonl", ".rss"})
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert normalise(text) == _full_ftfy(text), path.name
