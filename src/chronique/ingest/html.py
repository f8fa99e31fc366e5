"""HTML pages: trafilatura keeps the article and drops menus, ads and comments.

trafilatura also reads the title, author, site name and date from the page's
markup (meta tags, ``<time>``, JSON-LD, via htmldate). htmldate's extensive search
is off: it guesses from any date-like string (a « © 2025 » footer gives 2025-01-01),
and a publication date must never be invented.

A page whose extracted text is not even a few words (a menu, tag soup) has no
article: that is a :class:`~chronique.errors.ParseError`, not an empty document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronique.errors import ParseError
from chronique.ingest.dates import day_of
from chronique.ingest.decode import decode, normalise
from chronique.ingest.record import Record

MIN_WORDS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_html(path: str, raw: bytes) -> Iterator[Record]:
    import trafilatura  # heavy import, only when there is HTML to read

    markup = decode(raw, path)
    try:
        found = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise a variety of errors on broken markup
        raise ParseError(path, f"cannot parse HTML ({type(exc).__name__})") from None
    text = normalise(found.text) if found is not None and found.text else ""
    if len(_WORD.findall(text)) < MIN_WORDS:
        raise ParseError(path, "no article text found in the HTML")
    yield Record(
        path=path,
        text=text,
        format="html",
        title=_clean(found.title),
        published=day_of(found.date),
        url=_clean(found.url),
        source=_clean(found.sitename),
        author=_clean(found.author),
    )


def _clean(value: str | None) -> str | None:
    value = normalise(value) if isinstance(value, str) else None
    return value or None
