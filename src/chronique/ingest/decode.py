"""Bytes to clean text: reject binary, find the encoding, repair mojibake.

Order matters: BOMs first (UTF-16 is full of NUL bytes), then the binary test,
then strict UTF-8, then charset-normalizer limited to the Western single-byte
encodings news files really come in (an open search happily calls French cp1252
"cp1250" and turns « à » into « ŕ »), then, for UTF-8 text with a few stray
cp1252 bytes, ftfy's repair judged by charset-normalizer's mess ratio.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from chronique.errors import BinaryInput, DecodeError, EmptyInput

# Typographic apostrophes and quotes (’ « » “ ”) are part of the text: keep them.
FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    unescape_html=False,
    normalization="NFC",
    explain=False,
)
_WESTERN = ["cp1252", "iso8859_15", "latin_1"]
_MAX_MESS = 0.2
_SNIFF = 8192
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def decode(raw: bytes, path: str, clean: bool = True) -> str:
    """Decode a file's bytes to normalised text, or raise the InputError that says why not.

    ``clean=False`` skips :func:`normalise` (the costly part) for readers that clean
    what they extract instead: JSON fields, HTML main text, or a text first checked
    against the size limit.
    """
    finish = normalise if clean else _unchanged
    if not raw.strip():
        raise EmptyInput(path, "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"invalid {encoding} after its byte-order mark ({exc.reason})") from None
            return _checked(finish(text), path)
    if looks_binary(raw):
        raise BinaryInput(path, "binary file (not text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess(raw, path)
    return _checked(finish(text), path)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB: an image, an archive, not text."""
    head = raw[:_SNIFF]
    return b"\x00" in head or len(_CONTROL.findall(head)) > 0.05 * len(head)


def _guess(raw: bytes, path: str) -> str:
    best = from_bytes(raw, cp_isolation=_WESTERN).best()
    if best is not None:
        return str(best)
    repaired = ftfy.fix_text(raw.decode("sloppy-windows-1252"), FTFY_CONFIG)
    if mess_ratio(repaired, 1.0) < _MAX_MESS:
        return repaired
    raise DecodeError(path, "not valid UTF-8 and no plausible encoding found")


def _unchanged(text: str) -> str:
    return text


def _checked(text: str, path: str) -> str:
    if not text.strip():
        raise EmptyInput(path, "empty file")
    return text


def _suspect_pattern() -> re.Pattern[str]:
    """What ftfy could change in text that has no line-break oddities left.

    UTF-8 read as cp1252/latin-1 always shows a lead byte's character (Â…ô) right
    before a continuation byte's (€…¿); the rest is control, replacement, BOM and
    surrogate characters. Clean French text matches none of it, and checking it is
    a hundred times cheaper than running ftfy (about 3 ms a kilobyte).
    """
    lead = bytes(range(0xC2, 0xF5)).decode("latin-1")
    follow = bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252") + bytes(range(0x80, 0xC0)).decode("latin-1")
    odd = "".join(chr(c) for c in ftfy.chardata.CONTROL_CHARS) + "\ufffd\x1b"
    return re.compile(f"[{re.escape(lead)}][{re.escape(follow)}]|[{re.escape(odd)}\ud800-\udfff\x80-\x9f]")


_SUSPECT = _suspect_pattern()


def normalise(text: str) -> str:
    """Repair mojibake, NFC, ``\\n`` line endings, no trailing spaces at the ends.

    This defines the stored text that every offset refers to; it runs once, at ingest.
    ftfy runs only when something in the text could be mojibake or junk (``_SUSPECT``).
    """
    text = _LINE_BREAKS.sub("\n", text)
    if _SUSPECT.search(text):
        text = ftfy.fix_text(text, FTFY_CONFIG)
    text = unicodedata.normalize("NFC", text)
    return text.strip()
