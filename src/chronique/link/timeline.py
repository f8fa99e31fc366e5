"""Cross-document events and the dated, sourced timeline.

Runs after entity linking (``LocalEntity.entity`` / ``Mention.entity`` set) and story
grouping. Each document's events get their corpus participants; events that
report one happening are merged (:mod:`event_merge`); every cluster with a date
becomes one :class:`TimelineItem`: the most precise date its sources give, at that
precision (``2025-05-19``, ``2025-W20``, ``2025-10``, ``2025``), a one-line summary
cut from a source sentence (a report written once it happened rather than a preview), the participants by how many reports name them (then
the place, when it is a known entity), and
every source sentence as evidence. Dated statements are events too: one speaker's
statements of one day make one item. An undated event of the title line is the one of its
family the article's body tells, when it tells only one.
"""

from __future__ import annotations

from chronique.ids import event_id
from chronique.link.event_merge import Cluster, Member, cluster, member
from chronique.model import DocAnalysis, Evidence, Story, TimelineItem
from chronique.nlp.event_dates import interval, rank, sort_key

NOT_IN_TIMELINE: frozenset[str] = frozenset()
SUMMARY_CHARS = 200


def _corpus_participants(a: DocAnalysis, context: dict[int, list[str]]) -> None:
    """Event participants as corpus entity ids (in place), from their in-document entities."""
    for e in a.events:
        e.document = a.document.id
        ids: list[str] = []
        for local in e.local_participants:
            if 0 <= local < len(a.entities):
                ent = a.entities[local].entity
                if ent and ent not in ids:
                    ids.append(ent)
        if ids or not e.participants:
            e.participants = ids
        context[id(e)] = [
            a.entities[k].entity for k in e.context_participants
            if 0 <= k < len(a.entities) and a.entities[k].entity and a.entities[k].entity not in ids
        ]  # fmt: skip


def _place_id(a: DocAnalysis, name: str | None) -> str | None:
    if not name:
        return None
    for m in a.mentions:
        if m.text == name and m.entity:
            return m.entity
    return name.casefold()


def trim(text: str, start: int, end: int, limit: int = SUMMARY_CHARS) -> str:
    """One line around ``text[start:end]``: whitespace collapsed, cut at word ends with « … »."""
    flat = " ".join(text.split()).lstrip(",;:–—-» ")
    if len(flat) <= limit:
        return flat
    # map the trigger into the flattened text approximately by counting words before it
    words_before = len(text[:start].split())
    words = flat.split(" ")
    lo = max(0, words_before - 12)
    out: list[str] = []
    for w in words[lo:]:
        if sum(len(x) + 1 for x in out) + len(w) > limit - 2:
            break
        out.append(w)
    line = " ".join(out)
    return ("… " if lo else "") + line.rstrip(",;:") + " …"


def _representative(c: Cluster, analyses: list[DocAnalysis]) -> Member:
    """The report whose sentence sums the item up: the most precise; a report written once it
    happened before a preview (« une réunion publique aura lieu jeudi » told the day before);
    then the one naming most participants, the first source, the first mention."""
    dated = [m for m in c.members if m.value]
    pool = dated or c.members
    span = interval(c.value)
    first = span[0].isoformat() if span else ""

    def preview(m: Member) -> bool:
        published = analyses[m.doc].document.published
        return bool(published and first and published[:10] < first)

    return min(pool, key=lambda m: (rank(m.precision), preview(m), -len(m.event.participants), m.doc, m.event.start))


def _type(c: Cluster, rep: Member) -> str:
    counts: dict[str, int] = {}
    for m in c.members:
        counts[m.event.type] = counts.get(m.event.type, 0) + 1
    best = max(counts.values())
    return rep.event.type if counts[rep.event.type] == best else max(counts, key=lambda t: counts[t])


def _item(c: Cluster, analyses: list[DocAnalysis], context: dict[int, list[str]]) -> TimelineItem:
    rep = _representative(c, analyses)
    sentence = rep.event.sentence
    if sentence is not None:
        summary = trim(sentence.text, rep.event.start - sentence.start, rep.event.end - sentence.start)
    else:
        summary = rep.event.trigger
    first: dict[str, int] = {}
    for k, m in enumerate(c.members):
        for p in m.event.participants:
            first.setdefault(p, k)
    participants = sorted(c.participants, key=lambda p: (-c.participants[p], first.get(p, 0)))
    # where it happened is part of who was involved (« le massif », « Genève »): places that are entities come last
    participants += sorted(p for p in c.places if p.startswith("e-") and p not in c.participants)
    # then the names the sentences gave around clauses that named too few, by how many reports give them
    around: dict[str, int] = {}
    for m in c.members:
        for p in context.get(id(m.event), ()):
            if p not in participants:
                around[p] = around.get(p, 0) + 1
    participants += sorted(around, key=lambda p: -around[p])
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for m in sorted(c.members, key=lambda m: (m.doc, m.event.start)):
        doc_id = analyses[m.doc].document.id
        s = m.event.sentence
        start, end = (s.start, s.end) if s is not None else (m.event.start, m.event.end)
        if (doc_id, start, end) not in seen:
            seen.add((doc_id, start, end))
            evidence.append(Evidence(doc_id, start, end))
    return TimelineItem(
        date=c.value,
        story=c.story,
        summary=summary,
        participants=participants,
        evidence=evidence,
        type=_type(c, rep),
        precision=c.precision,
        event=event_id(*sorted(m.event.id for m in c.members)),
    )


def build_timeline(analyses: list[DocAnalysis], stories: list[Story]) -> list[TimelineItem]:
    """Corpus-wide timeline, in date order; ``item.story`` gives each story's own."""
    story_of_doc = {d: s.id for s in stories for d in s.documents}
    story_of: dict[int, str | None] = {}
    members: list[Member] = []
    context: dict[int, list[str]] = {}  # event (by id()) -> corpus ids named elsewhere in its sentence
    for k, a in enumerate(analyses):
        _corpus_participants(a, context)
        story_of[k] = story_of_doc.get(a.document.id)
        for e in a.events:
            if e.type in NOT_IN_TIMELINE:
                continue
            paragraph = a.document.text.rfind("\n", 0, e.start) + 1
            m = member(k, e, _place_id(a, e.place), context[id(e)], paragraph)
            if m.value is None and 0 < e.end <= a.document.text.find("\n"):
                m.definite = "pointer"  # the title line tells the article's news: the one its body tells
            members.append(m)
    items = [_item(c, analyses, context) for c in cluster(members, story_of)]
    items.sort(key=lambda t: (sort_key(t.date), t.story or "", t.summary))
    return items


def story_timeline(items: list[TimelineItem], story_id: str) -> list[TimelineItem]:
    """The items of one story, in order."""
    return [t for t in items if t.story == story_id]
