"""Stable identifiers: the same content gives the same id on every run."""

from __future__ import annotations

import hashlib


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:size]


def document_id(text: str) -> str:
    return "d-" + _digest(text)


def entity_id(label: str, name: str) -> str:
    return "e-" + _digest(label, name, size=12)


def story_id(first_document: str) -> str:
    return "s-" + _digest(first_document, size=12)


def event_id(*parts: str) -> str:
    return "v-" + _digest(*parts, size=12)
