"""Typed events read from one article: trigger, participants, place, date.

Triggers are nouns and verbs of ``langdata/fr/event_types.yaml`` matched on their
lemma (:mod:`event_triggers`); words inside direct quotations are the speaker's,
not the writer's account, and trigger nothing. Each quotation with a cue and a
known speaker is also a ``declaration`` by that speaker (a speech trigger in the
cue adds nothing, unless the quotation gives no date and the trigger's lead does).

* Participants: the PER/ORG/LOC entities named in the trigger's clause
  (:mod:`event_clause`); a subject named only by a pronoun or a title, or cut off
  by a title line, and the speaker of the cue the trigger stands in, resolved by
  :mod:`event_people`. When the clause names fewer than two, the rest of its
  sentence, and the people introduced with the word of a group subject (« les
  délégations »), give ``context_participants`` (shown, never used to merge); a
  sentence naming nobody takes the person last named as a subject just before it;
  the main clause of the lead's first sentence, the news of the day, takes the
  names of the title line. A
  name after « selon » is a source, a place after « à / en / dans » the event's
  place; a dateline names no one.
* Date, in order: a timex in the trigger's own phrase (« l'appel d'octobre »,
  « le feu qui brûle depuis samedi … ») unless a trigger nested in it owns
  it; for a noun nested in another's phrase (« une enquête sur le rachat ») only
  that; a start (« à partir de jeudi ») for the innermost event noun of the clause;
  the date said of the clause's verb, the nearest in its clause, in the clause an
  infinitive completes (« a déclaré mercredi avoir passé … »). Failing that, a
  realised past event told in the article's lead takes the day named in its own
  sentence, else the last day named before it in the lead, else a day named later
  in its paragraph (each within a week before publication), else the publication
  date: the day itself for the lead's first sentence (the news of the day), the
  week for the rest of the lead. A year or month after « depuis » bounds an event
  and never dates it, nor does « jusqu'à »; a day after « depuis » (« depuis
  lundi ») says when it began.

Also, for articles never seen: coordinated subjects and « l'une de ses N » bring the
people introduced with N's word (a « vice-N » is an N); an organisation that took part
brings the people whose role names it (« la porte-parole de Y, X », « X (Y) »), and a
quotation's speaker the organisation named in their role; a clause still short of two
names takes those of the sentences beside it in its paragraph; the places of a
sentence about a disaster's centre (« l'épicentre ») are the disaster's. A date inside
a source phrase (« selon le bilan publié jeudi ») is the source's; a clause opened by
« lorsque / quand » takes its main clause's date; a day named beats a bare clock time
in the same clause; bylines and date lines are no part of the lead. An undated happening
of the title or of the lead's first sentence is the article's news, told on its news day
(:mod:`event_news`), with, for a meeting or a visit, who was quoted at it or met there.

Events carry in-document entity indexes (``local_participants``); corpus ids are
filled in by the timeline once entities are linked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from chronique.ids import event_id
from chronique.model import Event, LocalEntity, Mention, Quote, Span, Timex
from chronique.nlp import event_clause as clause
from chronique.nlp.doc_text import text_of
from chronique.nlp.event_dates import normalise, week_of
from chronique.nlp.entity_types import is_org_head
from chronique.nlp.event_news import Facts, attendance, date_news
from chronique.nlp.event_people import People
from chronique.nlp.event_triggers import DISASTER, SPOKEN, Trigger, family_of, grammar, nouns_with_lemma, triggers

# a time of day alone, with its zone at most (« 6 h 10 », « à 18:30 », « 23 h, heure de Paris », « 9 h GMT »)
_CLOCK = re.compile(r"^(?:à\s+)?\d{1,2}\s*(?:h|heures?|:)\s*(?:\d{2})?(?:[\s,]+(?:heure\s+\S+(?:\s+\S+)?|GMT|UTC)\S*)?$", re.IGNORECASE)
_ENDED = re.compile(r"[.!?…][\s»”\"’)]*$")  # a complete sentence's last characters
LEAD_PARAGRAPHS = 2  # paragraphs of the body that make the lead
REFERENCE_DAYS = 7  # how far before publication the lead's reference date may lie
MIN_LEAD_WORDS = 12  # a shorter first line is a title, not the lead
MIN_ENTRIES = 2  # headings led by a time of day that make a page a live blog


@dataclass(slots=True)
class _Date:
    start: int  # token index of the timex head
    end: int
    value: str  # normalised
    precision: str
    char: int
    start_of: bool = False  # « à partir de jeudi », « dès lundi »: when something durative begins
    clock: bool = False  # a time of day alone (« à 6 h 10 »): its day is inferred, a day named beside it says more


class _Reader:
    """Per-document lookups: token -> mention, token -> timex, quoted spans, lead."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[LocalEntity], timexes: list[Timex], quotes: list[Quote]):
        self.doc = doc
        self.text = text_of(doc)
        sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in sents]
        self.sent_ends = [s.end_char for s in sents]
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
        g = grammar()
        since, until, from_ = g.get("since", frozenset()), g.get("until", frozenset()), g.get("from", frozenset())
        sources = g.get("source", frozenset())
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
            if words & until or (words & since and got[1] != "day"):
                continue  # « jusqu'à vendredi », « depuis 2020 » bound; « depuis lundi » says when it began
            if _in_source(span.root, sources):
                continue  # « d'après le rapport diffusé jeudi »: when the source spoke, not when it happened
            k = len(self.dates)
            night = got[1] == "day" and tx.value.strip().upper().endswith("TNI")  # kept: which day it dates is the timeline's call
            value = got[0] + ("TNI" if night else "")
            self.dates.append(_Date(span.start, span.end, value, got[1], tx.start, bool(words & from_), bool(_CLOCK.match(tx.text.strip()))))
            for t in span:
                self.token_date[t.i] = k
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "partial"))
        self._quoted_starts = [s for s, _ in self.quoted]
        self.speaker_at = {q.speaker.start: q.speaker.local for q in quotes if q.speaker and q.speaker.start is not None and q.speaker.local is not None}
        self.body_start = 0
        self.people = People(doc, mentions, entities, quotes, self.token_mention, self.in_quote, self.text)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def dates_in(self, tokens: set[int]) -> list[int]:
        return sorted({self.token_date[i] for i in tokens if i in self.token_date})


_SOURCE_CLIMB = frozenset({"nmod", "acl", "obj", "obl", "obl:mod", "obl:arg", "appos", "xcomp"})


def _case_phrase(token: Token) -> str | None:
    """The preposition introducing a nominal with its fixed parts (« d'après »)."""
    for c in token.children:
        if c.dep_ == "case" and c.i < token.i:
            return clause.norm(c.text) + "".join(clause.norm(f.text) for f in c.children if f.dep_ == "fixed")
    return None


def _in_source(token: Token, sources: frozenset[str]) -> bool:
    """A word inside a phrase introduced by « selon » / « d'après » (climbing complements only)."""
    t = token
    for _ in range(8):
        if clause.case_word(t) in sources or _case_phrase(t) in sources:
            return True
        if t.dep_ not in _SOURCE_CLIMB or t.head == t:
            return False
        t = t.head
    return False


def _prose(text: str, start: int, end: int) -> bool:
    """A line of the article's prose: a short line that ends no sentence is a title, a byline
    or a date line (« Mis à jour le … »), never part of the lead nor its reference date."""
    line = text[start:end]
    return len(line.split()) >= MIN_LEAD_WORDS or line.rstrip().endswith((".", "»", "”", '"'))


def _after_source(doc: Doc, start: int, sources: frozenset[str]) -> bool:
    """« selon X », « selon le X » right before a name: who reports, not who took part."""
    k = start - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and clause.norm(doc[k].text) in sources


def _lead(reader: "_Reader", body_start: int) -> tuple[int, int, int]:
    """(start, end of the lead's first sentence, end of the lead) as character offsets."""
    text = reader.text
    paragraphs = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        if line.strip():
            paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    paragraphs = [(s, e) for s, e in paragraphs if _prose(text, s, e)]
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
    """The sentence holding ``token``, cut to its line; a parse that ended it without a full stop
    (at an opening quotation mark) runs on to the next one that has it, and one the parse began
    after words without a full stop begins with them."""
    text = reader.text
    k = max(0, bisect.bisect_right(reader.sent_starts, token.idx) - 1)
    lo, hi = _paragraph(text, token.idx)
    last = k
    while last + 1 < len(reader.sent_ends) and reader.sent_ends[last] < hi and not _ENDED.search(text, reader.sent_starts[last], reader.sent_ends[last]):
        last += 1
    s, e = max(lo, reader.sent_starts[k]), min(hi, reader.sent_ends[last])
    if s > lo and not _ENDED.search(text, lo, s):
        s = lo  # the parse began it inside the line (the line before had no full stop): the line begins it
    if s < reader.body_start <= token.idx:
        s = reader.body_start  # a dateline is not part of the lead's first sentence
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, text[s:e])


def _neighbours(reader: "_Reader", sentence: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences just before and just after ``sentence`` inside its paragraph ``lo:hi``."""
    k = bisect.bisect_right(reader.sent_starts, sentence.start) - 1
    out = []
    if k >= 1 and reader.sent_ends[k - 1] > lo:  # (a parse that ran over the line break starts it at the line)
        out.append((max(lo, reader.sent_starts[k - 1]), min(reader.sent_ends[k - 1], sentence.start)))
    j = bisect.bisect_left(reader.sent_starts, sentence.end)
    if j < len(reader.sent_starts) and reader.sent_starts[j] < hi:
        out.append((reader.sent_starts[j], min(reader.sent_ends[j], hi)))
    return out


class _Dater:
    """The date of one trigger (see the module docstring for the order)."""

    def __init__(self, reader: _Reader, published: str | None, body_start: int):
        self.r = reader
        self.published = published[:10] if published and normalise(published[:10]) else None
        self.lead = _lead(reader, body_start)
        self.owned: dict[int, int] = {}  # date index -> token index of the noun trigger whose phrase holds it
        self._owner_size: dict[int, int] = {}
        self._phrases: dict[int, set[int]] = {}
        self.nouns: list[int] = []  # noun triggers, by token index
        self._entry_list: list[tuple[int, str]] | None = None

    def phrase(self, token: Token) -> set[int]:
        got = self._phrases.get(token.i)
        if got is None:
            got = self._phrases[token.i] = clause.own_phrase(token)
        return got

    def own(self, trigger: Token) -> None:
        """The innermost trigger phrase holding a date owns it: a noun's (« l'enquête sur le rachat
        de mars »: mars is the takeover's, not the investigation's) or a verb's that describes
        a noun (« l'enquête sur le projet annoncé en mars »: the announcement's)."""
        noun = trigger.pos_ in ("NOUN", "PROPN")
        if noun:
            self.nouns.append(trigger.i)
        if noun or trigger.dep_ in ("acl", "acl:relcl"):
            phrase = self.phrase(trigger)
            for k in self.r.dates_in(phrase):
                if len(phrase) < self._owner_size.get(k, len(self.r.doc) + 1):
                    self.owned[k] = trigger.i
                    self._owner_size[k] = len(phrase)

    def _topic(self, trigger: Token) -> bool:
        """A noun trigger inside another trigger noun's phrase (« l'enquête sur le rachat »)."""
        doc = self.r.doc
        return any(i != trigger.i and trigger.i in self.phrase(doc[i]) for i in self.nouns)

    def _leaves(self, tokens: set[int]) -> list[int]:
        """Noun triggers among ``tokens`` that hold no other trigger noun (« grève » in « préavis de grève »)."""
        inside = [i for i in self.nouns if i in tokens]
        doc = self.r.doc
        return [i for i in inside if not any(j != i and j in self.phrase(doc[i]) for j in inside)]

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
            if owner is not None and owner != trigger.i and trigger.i not in self.phrase(self.r.doc[owner]):
                continue
            ok.append(self.r.dates[k])
        if not ok:
            return None
        if not all(d.clock for d in ok):
            ok = [d for d in ok if not d.clock]  # « a eu lieu à 6 h 10, vendredi matin »: the day named
        return min(ok, key=lambda d: min(abs(d.start - trigger.i), abs(d.end - 1 - trigger.i)))

    def date(self, trigger: Token, scope: set[int], verb: Token | None, lead: bool = True) -> tuple[str, str] | None:
        r = self.r
        noun = trigger.pos_ in ("NOUN", "PROPN")
        if noun:
            own = r.dates_in(self.phrase(trigger))
            if trigger.i not in self._leaves(self.phrase(trigger)):  # « un préavis de grève dès vendredi »
                own = [k for k in own if not r.dates[k].start_of]
            d = self._nearest(trigger, own)
            if d:
                return d.value, d.precision
        if verb is None and noun:
            verb = clause.subject_of(trigger)
        own_clause = clause.subtree(verb) if verb is not None else clause.subtree(trigger)
        in_clause = r.dates_in(own_clause)
        starts = [k for k in in_clause if r.dates[k].start_of]
        if starts:  # a start (« à partir de jeudi ») dates the innermost happening of the clause, and only it
            leaves = self._leaves(own_clause)
            if noun and trigger.i in leaves:
                d = self._nearest(trigger, starts)
                if d:
                    return d.value, d.precision
            if leaves and trigger.i not in leaves:
                in_clause = [k for k in in_clause if not r.dates[k].start_of]
        if noun and self._topic(trigger):
            return None  # « une enquête sur le projet de rachat »: what the other happening is about, not dated by it
        if verb is not None:  # a date said of the verb itself (« a déclaré mercredi »)
            d = self._nearest(trigger, [k for k in in_clause if self._head_of(k).head == verb])
            if d:
                return d.value, d.precision
        d = self._nearest(trigger, in_clause)
        if d:
            return d.value, d.precision
        if verb is not None:
            for head in clause.xcomp_heads(verb):
                d = self._nearest(trigger, r.dates_in(clause.subtree(head)))
                if d:
                    return d.value, d.precision
            when = clause.when_head(verb)
            if when is not None:  # « il était midi, jeudi, quand X a proclamé … »: the main clause's time
                d = self._nearest(trigger, r.dates_in(clause.subtree(when)))
                if d:
                    return d.value, d.precision
        if not lead:
            return None
        return self._entry_date(trigger, verb) or self._lead_date(trigger, verb)  # a live blog's entries first

    def _entries(self) -> list[tuple[int, str]]:
        """A live blog's entries: (start, day) of each heading line led by a time of day
        (« 16 h 15 – Les annonces de la ministre »), when the page has at least two."""
        if self._entry_list is None:
            text, found = self.r.text, []
            for d in self.r.dates:
                lo, hi = _paragraph(text, d.char)
                if d.clock and d.precision == "day" and not text[lo : d.char].strip() and not _prose(text, lo, hi):
                    found.append((lo, d.value))
            self._entry_list = found if len(found) >= MIN_ENTRIES else []
        return self._entry_list

    def news_day(self) -> str | None:
        """The day the article reports: the one day a live blog's entries share, else the first
        recent day its lead names that no event noun owns (« Mardi, les adhérents ont rempli le gymnase »)."""
        days = {d for _, d in self._entries()}
        if days:
            return days.pop() if len(days) == 1 else None
        start, _, lead_end = self.lead
        if self.published is None:
            return None
        pub = date.fromisoformat(self.published)
        for k, d in enumerate(self.r.dates):
            if not start <= d.char < lead_end:
                continue
            if d.precision != "day" or k in self.owned or d.start_of or not _prose(self.r.text, *_paragraph(self.r.text, d.char)):
                continue  # (a byline's « Publié le … » is when it was written)
            if pub - timedelta(days=REFERENCE_DAYS) <= date.fromisoformat(d.value[:10]) <= pub:
                return d.value
        return None

    def _entry_date(self, trigger: Token, verb: Token | None) -> tuple[str, str] | None:
        """A realised happening told under a live blog's entry heading took place on its day."""
        entries = self._entries()
        k = bisect.bisect_right(entries, (trigger.idx, "~")) - 1
        if k < 0 or not clause.is_past(verb) or clause.is_planned(verb) or clause.is_pluperfect(verb):
            return None
        if clause.in_relative(verb if verb is not None else trigger):
            return None
        return entries[k][1], "day"

    def _lead_date(self, trigger: Token, verb: Token | None) -> tuple[str, str] | None:
        start, first_end, lead_end = self.lead
        pos = trigger.idx
        if self.published is None or not (start <= pos < lead_end):
            return None
        if not clause.is_past(verb) or clause.is_planned(verb) or clause.is_pluperfect(verb):
            return None
        if clause.in_relative(verb if verb is not None else trigger):
            return None  # « X, qu'elles accusent d'avoir dissimulé une fuite, … »: background, not the day's news
        if trigger.pos_ in ("NOUN", "PROPN") and _determiner(trigger) and clause.case_word(trigger) is not None:
            return None  # « est revenu sur la fuite »: a happening already told, what the day's news is about
        pub = date.fromisoformat(self.published)

        def recent(d: _Date) -> bool:
            return d.precision == "day" and pub - timedelta(days=REFERENCE_DAYS) <= date.fromisoformat(d.value[:10]) <= pub

        # a day named in its own sentence, on either side (« X et Y ont signé un accord, a annoncé lundi Z »)
        sentence = _sentence(self.r, trigger)
        d = self._nearest(trigger, [k for k, d in enumerate(self.r.dates) if sentence.start <= d.char < sentence.end and recent(d)])
        if d:
            return d.value, "day"
        for d in reversed(self.r.dates):
            if d.char >= pos or d.char < start or d.precision != "day" or not _prose(self.r.text, *_paragraph(self.r.text, d.char)):
                continue
            if recent(d):
                return d.value, "day"
            break
        # else a day named later in its paragraph (« … ont conclu un accord. La signature a eu lieu lundi. »)
        d = self._nearest(trigger, [k for k, d in enumerate(self.r.dates) if d.char > pos and recent(d)])
        if d:
            return d.value, "day"
        if pos < first_end:
            return self.published, "day"
        return week_of(self.published), "week"


def _acts(root: Token, verb: Token | None, trigger: Token) -> bool:
    """A name the tagger left untyped that stands as an actor: the subject of the event's verb
    (« X a annoncé un plan ») or the name of an organisation word (« l'usine du groupe chimique X »)."""
    if root.dep_.startswith("nsubj") and root.head in (verb, trigger):
        return True
    return root.dep_ in ("nmod", "appos", "flat:name") and is_org_head(root.head.lemma_)


def _away(doc: Doc, tokens: set[int], distance: frozenset[str]) -> set[int]:
    """Tokens of the distance phrases among ``tokens`` (« à une quarantaine de kilomètres au sud de X »)."""
    return {t.i for i in tokens if clause.norm(doc[i].lemma_) in distance for t in doc[i].head.subtree}


_LABEL = re.compile(r"[ \t]*:")


def _label(text: str, m: Mention) -> bool:
    """A person's name that opens its line before a colon (« Mme X : Bonjour. ») labels who speaks
    in an interview: the happenings the line tells are not theirs (a place there is a rubric)."""
    return m.label == "PER" and _LABEL.match(text, m.end) is not None and not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()


def _participants(reader: _Reader, scope: set[int], verb: Token | None, trigger: Token) -> tuple[list[int], str | None, list[int]]:
    """In-document entity indexes named in the clause, the place (by name), and the people
    introduced with the word of a group subject (« les délégations »), apart."""
    g = grammar()
    places, sources = g.get("place", frozenset()), g.get("source", frozenset())
    doc = reader.doc
    found: list[int] = []
    place: str | None = None
    seen: set[int] = set()
    sourced: list[int] = []  # where the names of a source end (« selon X »)
    away = _away(doc, scope, g.get("distance", frozenset()))
    for i in sorted(scope):
        if i in away:
            continue  # « à 40 kilomètres de X »: X is a landmark, neither where nor who
        mi = reader.token_mention.get(i)
        if mi is None:
            local = reader.people.company(doc[i])
            if local is not None and local not in found and not doc[i].idx < reader.body_start <= trigger.idx:
                found.append(local)  # « l'exploitant », « au musée »: the organisation the article named
            continue
        if mi in seen:
            continue
        seen.add(mi)
        m = reader.mentions[mi]
        if m.local is None or reader.in_quote(m.start) or m.start < reader.body_start <= trigger.idx or _label(reader.text, m):
            continue  # (a dateline or title names where it was written, not who took part; « X : » who speaks)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else doc[i]
        cw = clause.case_word(root)
        if cw in sources or (span is not None and _after_source(doc, span.start, sources)) or (sourced and reader.text[sourced[-1] : m.start].strip() == "("):
            sourced.append(m.end)  # (and its acronym in brackets after it)
            continue
        if m.label == "LOC" and cw in places and place is None and (root.head in (verb, trigger) or root.head.head in (verb, trigger)):
            place = m.text
            continue
        if m.label == "MISC" and not _acts(root, verb, trigger):
            continue
        if m.local not in found:
            found.append(m.local)
    if place is None and verb is not None and trigger.dep_.startswith("nsubj"):
        # « l'incendie a parcouru … dans le massif de X »: the verb's clause says where
        away = _away(doc, clause.subtree(verb), g.get("distance", frozenset()))
        nominals = [doc[i] for i in clause.subtree(verb) if doc[i].pos_ in ("NOUN", "PROPN") and clause.case_word(doc[i]) in places
                    and i not in away]  # « à 40 kilomètres au sud de X »: not there
        for n in sorted(nominals, key=lambda x: abs(x.i - verb.i)):
            hit = next((reader.token_mention[t.i] for t in n.subtree if t.i in reader.token_mention and reader.mentions[reader.token_mention[t.i]].label == "LOC"), None)
            if hit is not None:
                place = reader.mentions[hit].text
                break
    # a pronoun subject resolved by the quotation reader (« il a déclaré avoir eu une conversation »)
    heads = [verb, *clause.xcomp_heads(verb)] if verb is not None and not trigger.dep_.startswith("nsubj") else []
    named: list[int] = []
    for h in heads:
        for s in clause.subjects(h):
            if s.pos_ == "PRON":
                local = reader.speaker_at.get(s.idx)
                if local is not None and local not in named:
                    named.append(local)
    members: list[int] = []
    if heads and not named:  # else by the antecedent of a pronoun, the person a title refers to, a name cut off
        named, members = reader.people.subjects(verb, trigger, _paragraph(reader.text, trigger.idx)[0])
    found[:0] = [p for p in named if p not in found]
    return found, place, [p for p in members if p not in found]


def _determiner(noun: Token) -> str | None:
    """« l'appel » -> definite, « son réquisitoire » / « cette réunion » -> pointer, « un sommet »
    or « la prochaine réunion » -> None: whether an event noun may re-tell one already told."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    g = grammar()
    definite, pointer, indefinite = g.get("definite", frozenset()), g.get("pointer", frozenset()), g.get("indefinite", frozenset())
    found = None
    for c in noun.children:
        if c.i > noun.i:
            break
        word = clause.norm(c.text)
        dep = c.dep_
        if dep.startswith("det") or dep == "nmod:poss" or dep == "amod":
            if word in indefinite:
                return None  # « un sommet », « la prochaine réunion »
            found = "pointer" if word in pointer else "definite" if word in definite else found
        elif dep == "case" and (word in definite or "Def" in c.morph.get("Definite")):
            found = found or "definite"  # « au terme du sommet », « aux pourparlers »: a preposition holding the article
    if found == "definite" and noun.head.pos_ in ("VERB", "AUX") and clause.norm(noun.head.lemma_) in g.get("partake", frozenset()):
        return "pointer"  # « Y a assisté aux pourparlers »: the ones told, whoever else took part
    return found


def _trigger_span(doc: Doc, token: Token, t: Trigger) -> tuple[int, int]:
    """The head word, with an adjacent qualifying word of the trigger (« appel téléphonique »)."""
    start, end = token.idx, token.idx + len(token)
    if t.with_ and token.i + 1 < len(doc):
        nxt = doc[token.i + 1]
        if nxt.head == token and (clause.norm(nxt.lemma_) in t.with_ or clause.norm(nxt.text) in t.with_) and nxt.pos_ == "ADJ":
            end = nxt.idx + len(nxt)
    return start, end


def _case_of(reader: _Reader, m: Mention) -> str | None:
    span = reader.doc.char_span(m.start, m.end, alignment_mode="expand")
    return clause.case_word(span.root) if span is not None else None


def _place_around(reader: _Reader, sentence: Span, lo: int, pos: int) -> str | None:
    """Where a disaster told without a place struck (« Samedi, un orage a traversé la vallée »):
    the first place its sentence names, else the last one named before it in its paragraph."""
    before = None
    places = grammar().get("place", frozenset())
    for m in reader.mentions:
        if m.start >= sentence.end:
            break
        if m.local is None or m.start < lo or reader.in_quote(m.start) or m.start < reader.body_start <= pos:
            continue
        if m.label != "LOC" and not (m.label == "MISC" and _case_of(reader, m) in places):
            continue  # (a name the tagger left untyped after « à » is a place: « à Saint-Machin »)
        if m.start >= sentence.start:
            return m.text
        before = m.text
    return before


def _where_it_struck(reader: _Reader, events: list[Event]) -> None:
    """« l'épicentre se situe sous la ville de X »: the places a sentence about a
    disaster's centre names belong to the disasters told before it in the paragraph (context)."""
    centre = grammar().get("locus", frozenset())
    doc, text = reader.doc, reader.text
    for token in nouns_with_lemma(doc, centre):
        sentence = _sentence(reader, token)
        places = [m.local for m in reader.mentions if sentence.start <= m.start < sentence.end and m.label == "LOC" and m.local is not None]
        if not places:
            continue
        lo, _ = _paragraph(text, token.idx)
        for e in events:
            if lo <= e.start < token.idx and family_of(e.type) == DISASTER:
                e.context_participants += [p for p in places if p not in e.local_participants and p not in e.context_participants]


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity], timexes: list[Timex], quotes: list[Quote]) -> list[Event]:
    """Events of ``doc`` in text order (publication date read from ``doc._.chronique_published``)."""
    published = doc._.chronique_published if Doc.has_extension("chronique_published") else None
    body_start = (doc._.chronique_body_start if Doc.has_extension("chronique_body_start") else 0) or 0
    reader = _Reader(doc, mentions, entities, timexes, quotes)
    reader.body_start = body_start
    text = reader.text
    dater = _Dater(reader, published, body_start)
    cues = sorted(((q.cue.start, q.cue.end, q) for q in quotes if q.cue is not None), key=lambda c: (c[0], c[1]))
    cue_starts = [c[0] for c in cues]

    def cue_at(pos: int) -> Quote | None:
        i = bisect.bisect_right(cue_starts, pos) - 1
        return cues[i][2] if i >= 0 and cues[i][0] <= pos < cues[i][1] else None

    headline: list[int] = []  # who the title line names, when the text begins with one
    title_end = text.find("\n")
    if 0 < title_end < body_start:
        headline = list(dict.fromkeys(m.local for m in mentions if m.end <= title_end and m.local is not None and m.label != "MISC"))

    found: list[tuple[Token, Trigger]] = []
    for token, t in triggers(doc):
        if reader.in_quote(token.idx):
            continue
        said = cue_at(token.idx)
        if t.type == "declaration" and said is not None and said.speaker is not None and said.speaker.local is not None:
            continue  # the quotation gives this declaration, with its speaker (below)
        found.append((token, t))
    for token, _ in found:
        dater.own(token)

    events: list[Event] = []
    facts: dict[tuple[int, int], Facts] = {}
    for token, t in found:
        anchor = clause.anchor(token)
        scope, verb = clause.clause_of(anchor)
        lo, hi = _paragraph(text, token.idx)
        scope = {i for i in scope if lo <= doc[i].idx < hi}
        if clause.is_negated(verb):
            continue
        quote = cue_at(token.idx)  # « … », a requis l'avocate générale: the speaker is the one who did it
        if quote is not None and t.family in SPOKEN and dater.date(anchor, scope, verb, lead=False) is not None:
            continue  # « … », a annoncé jeudi X: the quotation's declaration says it, dated
        participants, place, members = _participants(reader, scope, verb or clause.subject_of(anchor), anchor)
        if quote is not None and quote.speaker is not None and quote.speaker.local is not None and quote.speaker.local not in participants:
            participants.insert(0, quote.speaker.local)
        when = dater.date(anchor, scope, verb)
        start, end = _trigger_span(doc, token, t)
        sentence = _sentence(reader, token)
        if place is None and t.family == DISASTER:
            place = _place_around(reader, sentence, lo, token.idx)
        context: list[int] = list(members)
        for p in participants:  # those who speak for an organisation that took part (« X, secrétaire de la fédération Y »)
            context += [r for r in reader.people.representatives(p) if r not in participants and r not in context]
        if len(participants) < 2:  # the clause named too few: the sentence's other names, apart
            whole = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            rest = set(range(whole.start, whole.end)) if whole is not None else set()
            more, _, _ = _participants(reader, rest - scope, None, anchor)
            context += [p for p in more if p not in participants and p not in context and reader.entity_names.get(p) != place]
        lead_start, first_end, _ = dater.lead
        main = verb is not None and any(h.dep_ == "ROOT" for h in [verb, *clause.xcomp_heads(verb)])
        if len(participants) < 2 and main and lead_start <= token.idx < first_end:  # the news of the day: the headline's names
            context += [p for p in headline if p not in participants and p not in context and reader.entity_names.get(p) != place]
        if not participants and not context:  # its sentence names nobody: the subject of the sentence before
            before = reader.people.previous_subject(sentence.start, body_start)
            if before is not None:
                context.append(before)
        if len(participants) + len(context) < 2 and t.family not in SPOKEN:  # still too few: the sentences on either side
            for lo_, hi_ in _neighbours(reader, sentence, lo, hi):
                near = doc.char_span(lo_, hi_, alignment_mode="expand")
                more, _, _ = _participants(reader, set(range(near.start, near.end)), None, anchor) if near is not None else ([], None, [])
                context += [p for p in more if p not in participants and p not in context and reader.entity_names.get(p) != place]
        facts.setdefault((start, end), Facts(anchor, verb, clause.is_planned(verb)))
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
                definite=_determiner(anchor),
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
                context_participants=reader.people.affiliations(q.speaker.local),
            )
        )
    lead_start, first_end, _ = dater.lead
    news_spans = [(lead_start, first_end)] + ([(0, title_end)] if 0 < title_end < body_start else [])
    news = date_news(events, facts, news_spans, dater.news_day(), dater.published)
    days = [(d.char, d.value[:10]) for d in reader.dates if d.precision == "day"]
    attendance(reader, events, news, quotes, days)
    _where_it_struck(reader, events)
    unique: dict[tuple[int, int], Event] = {}
    for e in events:
        unique.setdefault((e.start, e.end), e)
    return sorted(unique.values(), key=lambda e: (e.start, e.end))
