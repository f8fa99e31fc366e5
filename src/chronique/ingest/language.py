"""Language of a text, offline (py3langid), from its first characters.

A naive-Bayes guess on a headline-sized text is often wrong (« Incendie : 1 200
hectares brûlés » scores Spanish), and a wrong « not French » keeps an article
from being analysed. So the guess is kept only when its normalised probability
is clear; otherwise the language is unknown (None), which readers treat as French.
"""

from __future__ import annotations

from functools import lru_cache

_SAMPLE = 1500  # enough for a clear guess; the classifier costs ~4 ms a thousand characters
_MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads its model: only on first use

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (« fr », « en »…), or None when the text is too short or too ambiguous to tell."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None
