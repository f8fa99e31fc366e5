"""Typed events read from one article: trigger, participants, place, date."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.model import Event, LocalEntity, Mention, Quote, Timex


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity], timexes: list[Timex], quotes: list[Quote]) -> list[Event]:
    """Placeholder until the event component lands."""
    return []
