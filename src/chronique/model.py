"""The data model: plain dataclasses, every extracted fact with offsets.

Offsets are Python string indices (code points) into ``Document.text``, end
exclusive, so ``document.text[x.start:x.end] == x.text`` holds for every span
below. This module imports nothing of ours: everything else imports it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Label = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedSource = Literal["metadata", "argument", "content"]


@dataclass(slots=True)
class Span:
    """A piece of a document's text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """An article as stored: ``text`` is what every offset refers to."""

    id: str
    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (or datetime) string
    published_source: PublishedSource | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    duplicate_of: str | None = None  # id of the original when a near-copy
    format: str | None = None  # txt | html | json | jsonl | feed
    # Where the article body starts (after a title line / dateline), so NLP can
    # keep headings and datelines apart from the first sentence.
    body_start: int = 0
    dateline: Span | None = None


@dataclass(slots=True)
class Mention:
    """A named mention of a person, organisation, place or other entity."""

    start: int
    end: int
    text: str
    label: Label
    entity: str | None = None  # corpus-wide entity id once linked
    key: str | None = None  # the name without honorific, for linking ("Anne Martin")
    local: int | None = None  # index of the in-document entity
    role: str | None = None  # title/role attached here ("président russe")


@dataclass(slots=True)
class LocalEntity:
    """Mentions of one referent inside one document (Martin / Anne Martin / Mme Martin)."""

    index: int
    name: str  # the longest full form seen in the document
    label: Label
    mentions: list[int] = field(default_factory=list)  # indices into DocAnalysis.mentions
    roles: list[str] = field(default_factory=list)
    entity: str | None = None  # corpus-wide id once linked


@dataclass(slots=True)
class Speaker:
    name: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    local: int | None = None  # in-document entity index


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None  # ISO-TimeML mod: APPROX (« vers 15 h »), START/MID/END (« fin mai »), MORE_THAN…


@dataclass(slots=True)
class Event:
    """Something that happened, typed, dated from the article's timexes."""

    id: str
    type: str
    start: int  # trigger span
    end: int
    trigger: str
    date: str | None = None
    participants: list[str] = field(default_factory=list)  # corpus-wide entity ids
    place: str | None = None
    document: str | None = None
    sentence: Span | None = None  # the sentence it was read from (timeline summaries)
    local_participants: list[int] = field(default_factory=list)
    # named elsewhere in the sentence only (shown, not used to tell two events apart)
    context_participants: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    """One real-world referent across the corpus."""

    id: str
    name: str
    type: Label
    aliases: list[str] = field(default_factory=list)
    documents: int = 0
    mentions: int = 0
    titles: list[dict[str, Any]] = field(default_factory=list)  # {"title", "date", "document"}


@dataclass(slots=True)
class Story:
    id: str
    title: str
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Evidence:
    document: str
    start: int
    end: int


@dataclass(slots=True)
class TimelineItem:
    date: str
    story: str | None
    summary: str
    participants: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    type: str | None = None
    precision: str | None = None  # day | week | month | year
    event: str | None = None


@dataclass(slots=True)
class DocAnalysis:
    """Everything read from one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class CorpusAnalysis:
    """A corpus joined up: the object behind ``chronique analyze --json``."""

    documents: list[DocAnalysis] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    timeline: list[TimelineItem] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """Dataclass (or list of them) to plain JSON-ready data."""
    if isinstance(obj, list):
        return [to_dict(o) for o in obj]
    return asdict(obj)
