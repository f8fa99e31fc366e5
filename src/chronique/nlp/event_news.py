"""The article's own news: the happening its title or lead names without a date.

A title or a lead often names the happening the article reports and leaves its day
to the body (« Débat houleux à l'assemblée générale », « Retour sur le déplacement de
M. X ») — a body that may then tell it with a verb no trigger names (« Mardi, les
adhérents ont rempli le gymnase »). When the body tells no realised happening of that
family with a date, the title's or lead's one took place on the article's news day
(the day a live blog's entries share, else the first recent day its lead names).

Who attended a meeting or a visit the article reports (families of role ``attended``
in ``event_grammar.yaml``) is rarely said in its clause: they are the people the
article quotes — unless their words there are dated to another day (a statement of
the day before) — and the people named in a sentence whose subject is one of its
participants (« Chez Y, le secrétaire d'État a goûté le fromage », « M. X a déjeuné
avec le préfet, Z »). They are context participants: shown, never
used to merge.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Token

from chronique.model import Event, Mention, Quote
from chronique.nlp import event_clause as clause
from chronique.nlp.event_dates import normalise
from chronique.nlp.event_triggers import SPOKEN, family_of, grammar
from chronique.nlp.event_people import People

_VERB = frozenset({"VERB", "AUX"})


@dataclass(slots=True)
class Facts:
    """What the reader learnt of one trigger: where it stands in the parse and whether it happened."""

    anchor: Token
    verb: Token | None
    planned: bool


class _Reader(Protocol):  # the per-document lookups of :mod:`events`
    doc: Doc
    text: str
    mentions: list[Mention]
    token_mention: dict[int, int]
    people: People
    body_start: int

    def in_quote(self, pos: int) -> bool: ...


def _day(value: str | None) -> str | None:
    got = normalise(value)
    return got[0] if got and got[1] == "day" else None


def _told(e: Event, f: Facts) -> bool:
    """A happening told as past and real: a noun with a definite or pointing determiner, or a
    verb in a past tense; never under « après / avant » (another happening's time)."""
    if f.planned or clause.is_negated(f.verb) or family_of(e.type) in SPOKEN:
        return False
    if clause.case_word(f.anchor) in grammar().get("temporal", frozenset()):
        return False  # « deux jours après la tempête »: what the news is dated from, not the news
    if f.anchor.dep_ == "nmod" and f.anchor.head.pos_ in ("NOUN", "PROPN") and clause.case_word(f.anchor) not in grammar().get("place", frozenset()):
        return False  # « l'issue du blocus », « un compromis sur le rachat »: the head's news (« tumulte au sommet »: where)
    verb = f.verb if f.verb is not None else clause.subject_of(f.anchor)
    if clause.is_pluperfect(verb) or clause.in_relative(verb if verb is not None else f.anchor):
        return False  # « la fuite avait commencé à l'aube », « X, qu'ils soupçonnent d'… »: background
    if f.anchor.pos_ in _VERB:
        return clause.is_past(f.anchor)
    return e.definite is not None


def date_news(events: list[Event], facts: dict[tuple[int, int], Facts], spans: list[tuple[int, int]],
              day: str | None, published: str | None) -> list[Event]:  # fmt: skip
    """Date the undated happenings told in ``spans`` (character ranges: the title line, the lead's
    first sentence) on the news ``day``; returns the events so dated."""
    if day is None:
        return []
    pub = published[:10] if published else None
    realised: set[str] = set()  # families the body tells, dated, as already happened
    for e in events:
        f = facts.get((e.start, e.end))
        if f is None or e.date is None or f.planned:
            continue
        d = normalise(e.date)
        if d is not None and (pub is None or d[0][:10] <= pub):
            realised.add(family_of(e.type))
    out = []
    for e in events:
        f = facts.get((e.start, e.end))
        if f is None or e.date is not None or not any(lo <= e.start < hi for lo, hi in spans):
            continue
        if family_of(e.type) in realised or not _told(e, f):
            continue
        e.date = day
        out.append(e)
    return out


def _spoken_days(events: list[Event], text: str) -> dict[tuple[int, int], set[str]]:
    """(speaker, paragraph start) -> the days their statements in that paragraph are dated to."""
    out: dict[tuple[int, int], set[str]] = {}
    for e in events:
        d = _day(e.date)
        if d is None or family_of(e.type) not in SPOKEN or not e.local_participants:
            continue
        out.setdefault((e.local_participants[0], text.rfind("\n", 0, e.start) + 1), set()).add(d)
    return out


def attendance(reader: _Reader, events: list[Event], news: list[Event], quotes: list[Quote], dates: list[tuple[int, str]]) -> None:
    """Context participants of the news meetings and visits (see the module docstring);
    ``dates``: (character, day) of the days named in the document."""
    attended = grammar().get("attended", frozenset())
    news = [e for e in news if family_of(e.type) in attended]
    if not news:
        return
    text, doc, body = reader.text, reader.doc, reader.body_start
    spoken = _spoken_days(events, text)
    speakers: list[tuple[int, int]] = []  # (position, local) of who the body quotes
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.local is None or q.start < body:
            continue
        speakers.append((q.start, sp.local))
    order = sorted(range(len(reader.mentions)), key=lambda k: reader.mentions[k].start)
    starts = [reader.mentions[k].start for k in order]
    day_chars = [c for c, _ in dates]
    for e in news:
        day = _day(e.date)
        if day is None:
            continue
        found: list[int] = []
        for pos, local in speakers:
            said = spoken.get((local, text.rfind("\n", 0, pos) + 1), set())
            if said - {day}:
                continue  # their words here are of another day
            found.append(local)
        if e.local_participants:
            found += _met(reader, doc, e, day, (order, starts), day_chars, dates)
        e.context_participants += [p for p in dict.fromkeys(found) if p not in e.local_participants and p not in e.context_participants]


def _met(reader: _Reader, doc: Doc, e: Event, day: str, by_start: tuple[list[int], list[int]], day_chars: list[int],
         dates: list[tuple[int, str]]) -> list[int]:  # fmt: skip
    """People named in the body's sentences (cut to their line) whose verb, told in the past, has
    one of ``e``'s participants as its subject, when they name no other day."""
    out: list[int] = []
    order, starts = by_start
    text, mine = reader.text, set(e.local_participants)
    done: set[tuple[int, int]] = set()
    for v in doc:
        if v.pos_ not in _VERB or v.idx < reader.body_start or v.dep_ in ("aux", "aux:pass", "cop"):
            continue
        past = clause.is_past(v) or any(c.dep_ == "aux:tense" for c in v.children)  # (a participle the tagger left bare)
        if not past or reader.in_quote(v.idx) or clause.is_pluperfect(v) or clause.is_planned(v):
            continue
        lo = text.rfind("\n", 0, v.idx) + 1
        subjects = [s for s in clause.subjects(v) if s.idx >= lo]
        if subjects:
            who = set()
            for s in subjects:
                mi = reader.token_mention.get(s.i)
                local = reader.mentions[mi].local if mi is not None else reader.people.of_noun(s)
                if local is not None:
                    who.add(local)
        else:
            local = reader.people.name_before(v, lo)
            who = {local} if local is not None else set()
        if not who & mine:
            continue
        hi = text.find("\n", v.idx)
        start, end = max(lo, v.sent.start_char), min(len(text) if hi < 0 else hi, v.sent.end_char)
        if (start, end) in done:
            continue
        done.add((start, end))
        a, b = bisect.bisect_left(day_chars, start), bisect.bisect_left(day_chars, end)
        if any(d != day for _, d in dates[a:b]):
            continue  # « Lundi, le secrétaire d'État avait dîné avec … »: another day's company
        for k in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            m = reader.mentions[order[k]]
            if m.label == "PER" and m.local is not None and m.local not in who and not reader.in_quote(m.start):
                out.append(m.local)
    return out
