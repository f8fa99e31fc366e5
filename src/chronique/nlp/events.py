"""Typed events read from one article: trigger, participants, place, date.

Triggers are nouns and verbs of ``langdata/fr/event_types.yaml`` matched on their
lemma (:mod:`event_triggers`); words inside direct quotations are the speaker's,
not the writer's account, and trigger nothing. Each quotation with a cue and a
known speaker is also a ``declaration`` by that speaker.

* Participants: the PER/ORG/LOC entities named in the trigger's clause
  (:mod:`event_clause`); when the clause names fewer than two, the rest of its
  sentence gives ``context_participants`` (shown, never used to merge); a name after « selon » is a source, a place after « à / en /
  dans » the event's place. Pronoun subjects take the speaker the quotation
  reader resolved for them.
* Date, in order: a timex in the trigger's own phrase (« l'appel d'octobre »),
  the nearest in its clause, in the clause an infinitive completes (« a déclaré
  mercredi avoir passé … »). Failing that, a realised past event told in the
  article's lead takes the lead's reference date (the last day named before it
  in the lead, within a week of publication), else the publication date: the day
  itself for the lead's first sentence (the news of the day), the week for the
  rest of the lead. A year or month after « depuis » / « jusqu'à » bounds an event
  and never dates it; a day after « depuis » (« depuis lundi ») says when it began.

Events carry in-document entity indexes (``local_participants``); corpus ids are
filled in by the timeline once entities are linked.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from chronique.ids import event_id
from chronique.model import Event, LocalEntity, Mention, Quote, Span, Timex
from chronique.nlp import event_clause as clause
from chronique.nlp.event_dates import normalise, week_of
from chronique.nlp.event_triggers import Trigger, grammar, match

LEAD_PARAGRAPHS = 2  # paragraphs of the body that make the lead
REFERENCE_DAYS = 7  # how far before publication the lead's reference date may lie
MIN_LEAD_WORDS = 12  # a shorter first line is a title, not the lead


@dataclass(slots=True)
class _Date:
    start: int  # token index of the timex head
    end: int
    value: str  # normalised
    precision: str
    char: int


class _Reader:
    """Per-document lookups: token -> mention, token -> timex, quoted spans, lead."""

    def __init__(self, doc: Doc, mentions: list[Mention], timexes: list[Timex], quotes: list[Quote]):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.sent_starts = [s.start_char for s in doc.sents]
        self.sent_ends = [s.end_char for s in doc.sents]
        self.mentions = mentions
        self.entity_names: dict[int, str] = {}
        for m in mentions:
            if m.local is not None:
                self.entity_names.setdefault(m.local, m.text)
        self.token_mention: dict[int, int] = {}
        for i, m in enumerate(mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.token_mention.setdefault(t.i, i)
        since = grammar().get("since", frozenset())
        self.dates: list[_Date] = []
        self.token_date: dict[int, int] = {}
        for tx in timexes:
            if tx.type not in ("DATE", "TIME"):
                continue
            got = normalise(tx.value)
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if got is None or span is None or len(span) == 0:
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            words = {clause.norm(span[0].text)}
            if before is not None:
                words.add(clause.norm(before.text))
                if span.start > 1:
                    words.add(clause.norm(doc[span.start - 2].text))
            if words & since and got[1] != "day":
                continue  # « depuis 2022 » bounds; « depuis lundi » says when it began
            k = len(self.dates)
            self.dates.append(_Date(span.start, span.end, got[0], got[1], tx.start))
            for t in span:
                self.token_date[t.i] = k
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "partial"))
        self._quoted_starts = [s for s, _ in self.quoted]
        self.speaker_at = {q.speaker.start: q.speaker.local for q in quotes if q.speaker and q.speaker.start is not None and q.speaker.local is not None}

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def dates_in(self, tokens: set[int]) -> list[int]:
        return sorted({self.token_date[i] for i in tokens if i in self.token_date})


def _lead(reader: "_Reader", body_start: int) -> tuple[int, int, int]:
    """(start, end of the lead's first sentence, end of the lead) as character offsets."""
    text = reader.text
    paragraphs = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        if line.strip():
            paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    while paragraphs and len(text[paragraphs[0][0] : paragraphs[0][1]].split()) < MIN_LEAD_WORDS and not text[paragraphs[0][0] : paragraphs[0][1]].rstrip().endswith((".", "»", "”", '"')):
        paragraphs.pop(0)
    if not paragraphs:
        return 0, 0, 0
    start = paragraphs[0][0]
    lead_end = paragraphs[min(LEAD_PARAGRAPHS, len(paragraphs)) - 1][1]
    first_end = paragraphs[0][1]
    for s_start, s_end in zip(reader.sent_starts, reader.sent_ends):
        if s_end > start and s_start < first_end:
            first_end = min(first_end, s_end)
            break
    return start, first_end, lead_end


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``: a parse that runs over a line break (captions) is cut there."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, (len(text) if hi < 0 else hi)


def _sentence(reader: "_Reader", token: Token) -> Span:
    text = reader.text
    k = max(0, bisect.bisect_right(reader.sent_starts, token.idx) - 1)
    lo, hi = _paragraph(text, token.idx)
    s, e = max(lo, reader.sent_starts[k]), min(hi, reader.sent_ends[k])
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, text[s:e])


class _Dater:
    """The date of one trigger (see the module docstring for the order)."""

    def __init__(self, reader: _Reader, published: str | None, body_start: int):
        self.r = reader
        self.published = published[:10] if published and normalise(published[:10]) else None
        self.lead = _lead(reader, body_start)
        self.owned: dict[int, int] = {}  # date index -> token index of the noun trigger whose phrase holds it

    def own(self, trigger: Token) -> None:
        if trigger.pos_ in ("NOUN", "PROPN"):
            for k in self.r.dates_in(clause.subtree(trigger)):
                self.owned.setdefault(k, trigger.i)

    def _head_of(self, k: int) -> Token:
        d = self.r.dates[k]
        return self.r.doc[d.start : d.end].root

    def _nearest(self, trigger: Token, candidates: list[int]) -> _Date | None:
        ok = []
        lo, hi = _paragraph(self.r.text, trigger.idx)
        for k in candidates:
            if not lo <= self.r.dates[k].char < hi:
                continue
            owner = self.owned.get(k)
            if owner is not None and owner != trigger.i and trigger.i not in clause.subtree(self.r.doc[owner]):
                continue
            ok.append(self.r.dates[k])
        if not ok:
            return None
        return min(ok, key=lambda d: min(abs(d.start - trigger.i), abs(d.end - 1 - trigger.i)))

    def date(self, trigger: Token, scope: set[int], verb: Token | None, lead: bool = True) -> tuple[str, str] | None:
        r = self.r
        if trigger.pos_ in ("NOUN", "PROPN"):
            d = self._nearest(trigger, r.dates_in(clause.subtree(trigger)))
            if d:
                return d.value, d.precision
        if verb is None and trigger.pos_ in ("NOUN", "PROPN"):
            verb = clause.subject_of(trigger)
        own_clause = clause.subtree(verb) if verb is not None else clause.subtree(trigger)
        if verb is not None:  # a date said of the verb itself (« a déclaré mercredi »)
            d = self._nearest(trigger, [k for k in r.dates_in(own_clause) if self._head_of(k).head is verb])
            if d:
                return d.value, d.precision
        d = self._nearest(trigger, r.dates_in(own_clause))
        if d:
            return d.value, d.precision
        if verb is not None:
            for head in clause.xcomp_heads(verb):
                d = self._nearest(trigger, r.dates_in(clause.subtree(head)))
                if d:
                    return d.value, d.precision
        return self._lead_date(trigger, verb) if lead else None

    def _lead_date(self, trigger: Token, verb: Token | None) -> tuple[str, str] | None:
        start, first_end, lead_end = self.lead
        pos = trigger.idx
        if self.published is None or not (start <= pos < lead_end):
            return None
        if not clause.is_past(verb) or clause.is_planned(verb):
            return None
        pub = date.fromisoformat(self.published)
        for d in reversed(self.r.dates):
            if d.char >= pos or d.char < start or d.precision != "day":
                continue
            day = date.fromisoformat(d.value)
            if pub - timedelta(days=REFERENCE_DAYS) <= day <= pub:
                return d.value, "day"
            break
        if pos < first_end:
            return self.published, "day"
        return week_of(self.published), "week"


def _participants(reader: _Reader, scope: set[int], verb: Token | None, trigger: Token) -> tuple[list[int], str | None]:
    """In-document entity indexes named in the clause, and the place (by name)."""
    g = grammar()
    places, sources = g.get("place", frozenset()), g.get("source", frozenset())
    doc = reader.doc
    found: list[int] = []
    place: str | None = None
    seen: set[int] = set()
    for i in sorted(scope):
        mi = reader.token_mention.get(i)
        if mi is None or mi in seen:
            continue
        seen.add(mi)
        m = reader.mentions[mi]
        if m.local is None or reader.in_quote(m.start):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else doc[i]
        cw = clause.case_word(root)
        if cw in sources or clause.norm(doc[max(0, span.start - 1)].text if span is not None else "") in sources:
            continue
        if m.label == "LOC" and cw in places and place is None and (root.head in (verb, trigger) or root.head.head in (verb, trigger)):
            place = m.text
            continue
        if m.label == "MISC":
            continue
        if m.local not in found:
            found.append(m.local)
    if place is None and verb is not None and trigger.dep_.startswith("nsubj"):
        # « l'incendie a parcouru … dans le massif de X »: the verb's clause says where
        nominals = [doc[i] for i in clause.subtree(verb) if doc[i].pos_ in ("NOUN", "PROPN") and clause.case_word(doc[i]) in places]
        for n in sorted(nominals, key=lambda x: abs(x.i - verb.i)):
            hit = next((reader.token_mention[t.i] for t in n.subtree if t.i in reader.token_mention and reader.mentions[reader.token_mention[t.i]].label == "LOC"), None)
            if hit is not None:
                place = reader.mentions[hit].text
                break
    # a pronoun subject resolved by the quotation reader (« il a déclaré avoir eu une conversation »)
    heads = [verb, *clause.xcomp_heads(verb)] if verb is not None and not trigger.dep_.startswith("nsubj") else []
    for h in heads:
        for s in clause.subjects(h):
            if s.pos_ == "PRON":
                local = reader.speaker_at.get(s.idx)
                if local is not None and local not in found:
                    found.insert(0, local)
    return found, place


def _trigger_span(doc: Doc, token: Token, t: Trigger) -> tuple[int, int]:
    """The head word, with an adjacent qualifying word of the trigger (« appel téléphonique »)."""
    start, end = token.idx, token.idx + len(token)
    if t.with_ and token.i + 1 < len(doc):
        nxt = doc[token.i + 1]
        if nxt.head is token and (clause.norm(nxt.lemma_) in t.with_ or clause.norm(nxt.text) in t.with_) and nxt.pos_ == "ADJ":
            end = nxt.idx + len(nxt)
    return start, end


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity], timexes: list[Timex], quotes: list[Quote]) -> list[Event]:
    """Events of ``doc`` in text order (publication date read from ``doc._.chronique_published``)."""
    published = doc._.chronique_published if Doc.has_extension("chronique_published") else None
    body_start = (doc._.chronique_body_start if Doc.has_extension("chronique_body_start") else 0) or 0
    reader = _Reader(doc, mentions, timexes, quotes)
    text = reader.text
    dater = _Dater(reader, published, body_start)
    cues = sorted(((q.cue.start, q.cue.end, q) for q in quotes if q.cue is not None), key=lambda c: (c[0], c[1]))
    cue_starts = [c[0] for c in cues]

    def in_cue(pos: int) -> bool:
        i = bisect.bisect_right(cue_starts, pos) - 1
        return i >= 0 and cues[i][0] <= pos < cues[i][1]

    found: list[tuple[Token, Trigger]] = []
    for token in doc:
        t = match(token)
        if t is None or reader.in_quote(token.idx):
            continue
        if t.type == "declaration" and in_cue(token.idx):
            continue  # the quotation gives this declaration, with its speaker
        found.append((token, t))
    for token, _ in found:
        dater.own(token)

    events: list[Event] = []
    for token, t in found:
        anchor = clause.anchor(token)
        scope, verb = clause.clause_of(anchor)
        lo, hi = _paragraph(text, token.idx)
        scope = {i for i in scope if lo <= doc[i].idx < hi}
        if clause.is_negated(verb):
            continue
        participants, place = _participants(reader, scope, verb or clause.subject_of(anchor), anchor)
        when = dater.date(anchor, scope, verb)
        start, end = _trigger_span(doc, token, t)
        sentence = _sentence(reader, token)
        context: list[int] = []
        if len(participants) < 2:  # the clause named too few: the sentence's other names, apart
            whole = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            rest = set(range(whole.start, whole.end)) if whole is not None else set()
            more, _ = _participants(reader, rest - scope, None, anchor)
            context = [p for p in more if p not in participants and reader.entity_names.get(p) != place]
        events.append(
            Event(
                id=event_id(t.type, str(start), str(end), sentence.text),
                type=t.type,
                start=start,
                end=end,
                trigger=text[start:end],
                date=when[0] if when else None,
                place=place,
                sentence=sentence,
                local_participants=participants,
                context_participants=context,
            )
        )
    for cs, ce, q in cues:
        if q.speaker is None or q.speaker.local is None:
            continue
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        verbs = [tok for tok in span if tok.pos_ in ("VERB", "AUX")]
        head = verbs[-1] if verbs else span.root
        when = dater.date(head, clause.subtree(head), head if head.pos_ in ("VERB", "AUX") else None, lead=False)
        sentence = _sentence(reader, head)
        events.append(
            Event(
                id=event_id("declaration", str(cs), str(ce), sentence.text),
                type="declaration",
                start=cs,
                end=ce,
                trigger=text[cs:ce],
                date=when[0] if when else None,
                sentence=sentence,
                local_participants=[q.speaker.local],
            )
        )
    unique: dict[tuple[int, int], Event] = {}
    for e in events:
        unique.setdefault((e.start, e.end), e)
    return sorted(unique.values(), key=lambda e: (e.start, e.end))
