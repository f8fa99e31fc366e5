"""HTML pages: trafilatura keeps the article and drops menus, ads and comments.

Blocks marked as ads by their class or id are pruned before extraction.
trafilatura also reads the title, author, site name and date from the page's
markup (meta tags, ``<time>``, JSON-LD, via htmldate). htmldate's extensive search
is off: it guesses from any date-like string (a « © 2025 » footer gives 2025-01-01),
and a publication date must never be invented.

A page with no words outside its links and menus (a navigation page, tag soup)
has no article, whatever trafilatura's fallback scrapes from it: that is a
:class:`~chronique.errors.ParseError`, not a document made of menu entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import SimpleNamespace

from chronique.errors import ParseError
from chronique.ingest import limits
from chronique.ingest.dates import day_of
from chronique.ingest.decode import decode, normalise
from chronique.ingest.markup import fragment_text
from chronique.ingest.record import Record

_PAGE = re.compile(r"<(?:html|body)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_NOT_PROSE = ".//head|.//script|.//style|.//noscript|.//template|.//nav|.//a|.//select|.//button"
_NO_METADATA = SimpleNamespace(title=None, date=None, url=None, sitename=None, author=None)
# In-article ads: trafilatura keeps a block inside <article> whatever its class, so
# blocks whose class or id names an ad slot (markup conventions, not language) are
# pruned first. Whole tokens (« ad », not « header ») or prefixes (« ad-slot »).
_AD_TOKENS = ("ad", "ads", "advert", "advertisement", "advertising", "adsbygoogle", "pub", "publicite",
              "sponsored", "banner", "dfp", "outbrain", "taboola")  # fmt: skip
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_AD_PREFIXES = ("ad-", "ads-", "advert", "pub-", "publicite", "sponsor", "dfp-", "outbrain", "taboola")


def _ad_xpath() -> str:
    tests = []
    for attribute in ("class", "id"):
        words = f"concat(' ', translate(normalize-space(@{attribute}), '{_UPPER}_', '{_UPPER.lower()}-'), ' ')"
        tests += [f"contains({words}, ' {token} ')" for token in _AD_TOKENS]
        tests += [f"contains({words}, ' {prefix}')" for prefix in _AD_PREFIXES]
    return f"//*[not(self::html or self::body or self::main or self::article)][{' or '.join(tests)}]"


_AD_XPATH = _ad_xpath()
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_html(path: str, raw: bytes) -> Iterator[Record]:
    import trafilatura  # heavy import, only when there is HTML to read

    markup = decode(raw, path, clean=False)  # the extracted text is cleaned, not the markup
    try:
        found = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
            date_extraction_params=_DATE_PARAMS, prune_xpath=_AD_XPATH,
        )
    except Exception as exc:  # trafilatura/lxml raise a variety of errors on broken markup
        raise ParseError(path, f"cannot parse HTML ({type(exc).__name__})") from None
    text = found.text if found is not None and found.text else ""
    if not text and not _PAGE.search(markup):  # a bare fragment (« <p>…</p> »): trafilatura wants a page
        text = fragment_text(markup)
    limits.check_text(path, text)
    text = normalise(text)
    if not _WORD.search(text) or not _has_prose(markup):
        raise ParseError(path, "no article text found in the HTML")
    meta = found if found is not None else _NO_METADATA
    yield Record(
        path=path,
        text=text,
        format="html",
        title=_clean(meta.title),
        published=day_of(meta.date),
        url=_clean(meta.url),
        source=_clean(meta.sitename),
        author=_clean(meta.author),
    )


def _has_prose(markup: str) -> bool:
    """Whether the page has a word of its own, outside links, menus and scripts."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(markup)
    except Exception:  # lxml: ParserError on a document with no elements
        return False
    for element in root.xpath(_NOT_PROSE):
        element.drop_tree()
    return _WORD.search(root.text_content()) is not None


def _clean(value: str | None) -> str | None:
    value = normalise(value) if isinstance(value, str) else None
    return value or None
