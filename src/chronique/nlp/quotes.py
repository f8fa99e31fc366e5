"""Quotations and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.model import LocalEntity, Mention, Quote


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity]) -> list[Quote]:
    """Placeholder until the quote component lands."""
    return []
