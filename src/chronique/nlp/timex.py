"""Dates and times: extraction and ISO-TimeML normalisation against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.model import Timex


def extract(doc: Doc, published: str | None) -> list[Timex]:
    """Placeholder until the timex component lands."""
    return []
