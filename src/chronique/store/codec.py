"""Dataclasses to plain data and back, so a store can keep an analysis as one JSON value.

``asdict`` covers the way out; the way back is spelled out per type because the
nested dataclasses (speaker, cue, evidence, dateline) must be rebuilt, and unknown
keys (written by a newer chronique) are dropped instead of failing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any, TypeVar

from chronique.model import (
    DocAnalysis,
    Document,
    Entity,
    Event,
    Evidence,
    LocalEntity,
    Mention,
    Quote,
    Span,
    Speaker,
    Story,
    Timex,
    TimelineItem,
)

T = TypeVar("T")
_FIELDS: dict[type, frozenset[str]] = {}


def _known(cls: type[T], data: dict[str, Any]) -> dict[str, Any]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(cls))
    return {k: v for k, v in data.items() if k in names}


def _span(data: dict[str, Any] | None) -> Span | None:
    return None if data is None else Span(**_known(Span, data))


def document(data: dict[str, Any]) -> Document:
    d = _known(Document, data)
    d["dateline"] = _span(d.get("dateline"))
    return Document(**d)


def quote(data: dict[str, Any]) -> Quote:
    d = _known(Quote, data)
    sp = d.get("speaker")
    d["speaker"] = None if sp is None else Speaker(**_known(Speaker, sp))
    d["cue"] = _span(d.get("cue"))
    return Quote(**d)


def event(data: dict[str, Any]) -> Event:
    d = _known(Event, data)
    d["sentence"] = _span(d.get("sentence"))
    return Event(**d)


def analysis(data: dict[str, Any], doc: Document | None = None) -> DocAnalysis:
    """An analysis from its JSON; ``doc`` stands in when the document is kept apart."""
    return DocAnalysis(
        document=doc if doc is not None else document(data["document"]),
        mentions=[Mention(**_known(Mention, m)) for m in data.get("mentions", [])],
        entities=[LocalEntity(**_known(LocalEntity, e)) for e in data.get("entities", [])],
        quotes=[quote(q) for q in data.get("quotes", [])],
        timexes=[Timex(**_known(Timex, t)) for t in data.get("timexes", [])],
        events=[event(e) for e in data.get("events", [])],
    )


def entity(data: dict[str, Any]) -> Entity:
    return Entity(**_known(Entity, data))


def story(data: dict[str, Any]) -> Story:
    return Story(**_known(Story, data))


def timeline_item(data: dict[str, Any]) -> TimelineItem:
    d = _known(TimelineItem, data)
    d["evidence"] = [Evidence(**_known(Evidence, e)) for e in d.get("evidence", [])]
    return TimelineItem(**d)


def dumps(obj: Any) -> str:
    """Compact JSON of a dataclass (or a list of them), accents kept as they are."""
    data = [asdict(o) for o in obj] if isinstance(obj, list) else asdict(obj)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def analysis_without_document(a: DocAnalysis) -> str:
    """An analysis as JSON, leaving out the document (stored in its own row)."""
    data = asdict(a)
    del data["document"]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
