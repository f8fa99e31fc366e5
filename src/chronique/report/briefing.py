"""What a story briefing shows, as plain data: built once, rendered as HTML or Markdown.

Everything comes from the analysis (no text is written by chronique except labels):
the story's articles, its timeline items with their sources, the quotations grouped
by the actor who said them (direct, partial and indirect, each with its article),
and the entities the story's articles name most.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from chronique.model import CorpusAnalysis, DocAnalysis, Entity, Story, TimelineItem
from chronique.report.chart import Chart, chart

MAX_QUOTES_PER_ACTOR = 12
MAX_ENTITIES = 20
EXCERPT_CHARS = 320

KIND_LABELS = {"direct": "citation", "partial": "citation partielle", "indirect": "discours indirect"}
TYPE_LABELS = {
    "phone_call": "appel téléphonique",
    "conversation": "entretien",
    "meeting": "rencontre",
    "negotiation": "négociations",
    "agreement": "accord",
    "attack": "attaque",
    "sanction": "sanctions",
    "prisoner_exchange": "échange de prisonniers",
    "announcement": "annonce",
    "strike": "grève",
    "election": "élection",
    "visit": "visite",
    "invasion": "invasion",
    "ceasefire": "cessez-le-feu",
    "resignation": "démission",
    "appointment": "nomination",
    "arrest": "arrestation",
    "protest": "manifestation",
    "declaration": "déclaration",
}
PRECISION_LABELS = {"day": "jour", "week": "semaine", "month": "mois", "year": "année"}


@dataclass
class Source:
    document: str
    title: str
    published: str | None
    excerpt: str
    start: int
    end: int


@dataclass
class Item:
    date: str
    precision: str
    type: str
    summary: str
    participants: list[str]
    sources: list[Source]


@dataclass
class Said:
    text: str
    kind: str
    document: str
    title: str
    published: str | None
    start: int
    end: int


@dataclass
class Actor:
    name: str
    roles: list[str]
    quotes: list[Said] = field(default_factory=list)
    total: int = 0


@dataclass
class Article:
    id: str
    title: str
    published: str | None
    source: str | None
    path: str
    url: str | None
    quotes: int
    duplicate_of: str | None


@dataclass
class KeyEntity:
    name: str
    type: str
    aliases: list[str]
    mentions: int
    documents: int


@dataclass
class Briefing:
    story_id: str | None
    title: str
    period: str
    articles: list[Article]
    timeline: list[Item]
    actors: list[Actor]
    entities: list[KeyEntity]
    chart: Chart


def _pick_story(corpus: CorpusAnalysis, story_id: str | None) -> Story | None:
    if story_id is not None:
        for s in corpus.stories:
            if s.id == story_id:
                return s
        raise KeyError(story_id)
    if not corpus.stories:
        return None
    return max(corpus.stories, key=lambda s: (len(s.documents), s.id))


def _title(a: DocAnalysis) -> str:
    d = a.document
    return d.title or d.path.rsplit("/", 1)[-1]


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"


def _speaker_key(a: DocAnalysis, q, entities: dict[str, Entity]) -> tuple[str, str]:
    """(grouping key, display name) of a quotation's speaker."""
    sp = q.speaker
    ent = sp.entity
    if ent is None and sp.local is not None and 0 <= sp.local < len(a.entities):
        ent = a.entities[sp.local].entity
    if ent is not None and ent in entities:
        return ent, entities[ent].name
    return "name:" + sp.name.casefold(), sp.name


def build(corpus: CorpusAnalysis, story_id: str | None = None) -> Briefing:
    """The briefing of one story (the largest when ``story_id`` is None; the whole corpus when there are no stories)."""
    story = _pick_story(corpus, story_id)
    wanted = set(story.documents) if story else {a.document.id for a in corpus.documents}
    docs = [a for a in corpus.documents if a.document.id in wanted]
    docs.sort(key=lambda a: (a.document.published or "", a.document.path))
    by_id = {a.document.id: a for a in docs}
    entities = {e.id: e for e in corpus.entities}

    articles = [
        Article(a.document.id, _title(a), a.document.published, a.document.source, a.document.path, a.document.url,
                len(a.quotes), a.document.duplicate_of)
        for a in docs
    ]  # fmt: skip

    items: list[TimelineItem] = [t for t in corpus.timeline if (t.story == story.id if story else True)]
    timeline: list[Item] = []
    for t in items:
        sources = []
        for ev in t.evidence:
            a = by_id.get(ev.document)
            if a is None:
                continue
            sources.append(Source(ev.document, _title(a), a.document.published, _excerpt(a.document.text[ev.start : ev.end]), ev.start, ev.end))
        names = [entities[p].name for p in t.participants if p in entities]
        timeline.append(Item(t.date, t.precision or "day", TYPE_LABELS.get(t.type or "", t.type or "événement"), t.summary, names, sources))

    actors: dict[str, Actor] = {}
    for a in docs:
        for q in a.quotes:
            if q.speaker is None:
                continue
            key, name = _speaker_key(a, q, entities)
            actor = actors.get(key)
            if actor is None:
                roles: list[str] = []
                e = entities.get(key)
                if e is not None:
                    roles = list(dict.fromkeys(str(t.get("title")) for t in e.titles if t.get("title")))[:3]
                actor = actors[key] = Actor(name, roles)
            actor.total += 1
            if len(actor.quotes) < MAX_QUOTES_PER_ACTOR:
                actor.quotes.append(Said(_excerpt(q.text), KIND_LABELS.get(q.kind, q.kind), a.document.id, _title(a), a.document.published, q.start, q.end))
    ranked_actors = sorted(actors.values(), key=lambda x: (-x.total, x.name))

    counts: Counter[str] = Counter()
    in_docs: dict[str, set[str]] = defaultdict(set)
    for a in docs:
        for m in a.mentions:
            if m.entity:
                counts[m.entity] += 1
                in_docs[m.entity].add(a.document.id)
    key_entities = [
        KeyEntity(entities[e].name, entities[e].type, [x for x in entities[e].aliases if x != entities[e].name][:6], n, len(in_docs[e]))
        for e, n in counts.most_common()
        if e in entities
    ][:MAX_ENTITIES]

    dates = sorted(d for d in (a.document.published for a in docs) if d)
    period = f"{dates[0][:10]} – {dates[-1][:10]}" if dates else ""
    title = story.title if story else "Corpus"
    return Briefing(story.id if story else None, title, period, articles, timeline, ranked_actors, key_entities, chart(items))
