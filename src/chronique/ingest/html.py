"""HTML pages: trafilatura keeps the article and drops menus, ads and comments.

trafilatura also reads the title, author, site name and date from the page's
markup (meta tags, ``<time>``, JSON-LD, via htmldate without text guessing).
"""

from __future__ import annotations

from collections.abc import Iterator

from chronique.errors import ParseError
from chronique.ingest.dates import day_of
from chronique.ingest.decode import decode, normalise
from chronique.ingest.record import Record


def read_html(path: str, raw: bytes) -> Iterator[Record]:
    import trafilatura  # heavy import, only when there is HTML to read

    markup = decode(raw, path)
    try:
        found = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as exc:  # trafilatura/lxml raise a variety of errors on broken markup
        raise ParseError(path, f"cannot parse HTML ({type(exc).__name__})") from None
    text = normalise(found.text) if found is not None and found.text else ""
    if not text:
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
