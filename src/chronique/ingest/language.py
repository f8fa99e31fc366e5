"""Language of a text, offline (py3langid), from its first few thousand characters."""

from __future__ import annotations

_SAMPLE = 4000
_MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (« fr », « en »…), or None when the text is too short to tell."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    import py3langid  # loads its model on first use

    code, _score = py3langid.classify(sample)
    return code
