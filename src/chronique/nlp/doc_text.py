"""The text of a spaCy ``Doc``, built once per Doc.

``Doc.text`` joins every token's text again on each access; entities, timex, quotes and events
each need it, so the first reading is kept for as long as the Doc lives (a weak reference: no
copy outlives its Doc, and nothing is written into the Doc itself).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this Doc only."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
