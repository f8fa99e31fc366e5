"""HTML fragments (feed entries, JSON fields) to plain text, one line per block."""

from __future__ import annotations

import re

_TAG = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|blockquote|img|figure|table)\b[^>]*>", re.I)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figure", "ul", "ol", "table"}
_SPACES = re.compile(r"[ \t\u00a0]+")
_LINES = re.compile(r"\s*\n\s*")


def has_markup(text: str) -> bool:
    return _TAG.search(text) is not None


def fragment_text(html: str) -> str:
    """Visible text of an HTML fragment; blocks become lines, scripts and styles vanish."""
    if not has_markup(html):
        return html
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError or ValueError on junk
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    text = _SPACES.sub(" ", root.text_content())
    return _LINES.sub("\n", text).strip()
