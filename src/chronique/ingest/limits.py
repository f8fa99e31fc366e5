"""Size limits, so that no input can stall a batch.

A file over ``MAX_BYTES`` is refused from its size, without being read (a 50 MB
text file costs nothing); JSON Lines are streamed instead, each line held to
``MAX_BYTES``. An article is tens of kilobytes: ``MAX_CHARS`` is spaCy's default
``nlp.max_length``, beyond which the analysis would refuse the text anyway, and it
is checked before the costly clean-up (ftfy), so a long text is refused quickly.
"""

from __future__ import annotations

from chronique.errors import TooLarge

MAX_BYTES = 10_000_000  # one file read whole: an article, a feed, a JSON list
MAX_CHARS = 1_000_000  # one article's text


def check_text(where: str, text: str) -> None:
    """Raise TooLarge when one article's text is over ``MAX_CHARS`` (read at call time: tests may lower it)."""
    if len(text) > MAX_CHARS:
        raise TooLarge(where, f"article text too long ({len(text):,} characters; limit {MAX_CHARS:,})")
