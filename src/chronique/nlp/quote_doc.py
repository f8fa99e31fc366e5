"""Per-document state every quote rule reads: sentence starts, quoted intervals, speech cues, running speaker.

Sentences are cut on characters, not spaCy sentences (which cut « … », a indiqué X
away from its quote); the verbs of saying outside quotes are found once per
document and looked up by position. Also the few helpers and regexes that several
quote modules share (trimming a span, building a ``Quote``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc

from chronique import langdata
from chronique.model import LocalEntity, Mention, Quote, Span, Speaker
from chronique.nlp import speech_cues
from chronique.nlp.quote_marks import Marked
from chronique.nlp.quote_speakers import Resolver, Who
from chronique.nlp.speech_cues import Cue

_BOUNDARY = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"’])?[ \t\u00a0\u202f]+(?=[«“\"‘A-ZÀ-ÖØ-Þ0-9])|\n+")
ABBREV = re.compile(r"(?:\b[A-ZÀ-Þ]|\bMM?|\bMme|\bMlle|\bMgr|\bDr|\bPr|\bSt|\bav|\bapr|\bJ\.-C)$")
WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
SPACES = " \t\u00a0\u202f\u2009"
PRONOUN_BEFORE = re.compile(
    r"\b(?P<p>[Ii]ls?|[Ee]lles?)\s+(?:(?:ne|n['’]|lui|leur|l['’]|y|en|se|s['’]|pas|me|m['’]|nous|vous)\s*)*$"
)
QUE = re.compile(r"\s*(?:[\w’'-]+[\s,]+){0,10}?(?P<que>qu['’]|que\b|si\b|selon\s+(?:laquelle|lequel|lesquel(?:le)?s)\b)\s*", re.I)
WEEKDAYS = "|".join(e["name"] for e in langdata.load("temporal_weekdays"))  # « lundi|mardi|… » for the patterns here
TIME_SKIP = re.compile(
    rf"\s*(?:(?:{WEEKDAYS}|hier|aujourd['’]hui|également|aussi|encore|ensuite|enfin|alors|"
    r"toutefois|pourtant|cependant|ainsi|désormais|matin|soir|plus tard|récemment|notamment|d['’]ailleurs|[àa] son tour)\b[\s,]*)*"
)
DET = re.compile(r"^(?:(?:les?|la|des|du|un|une|ce|cet|cette|ces|plusieurs|certaine?s|quelques|de\s+nombreu(?:x|ses))\s+|l['’]\s*)", re.I)
SENTENCE_PUNCT = re.compile(r"[.;:!?«»“”\"]")
PLACE_AFTER = re.compile(r"^(?:dans|sur|lors|à|au|aux|en|par)\b")
_LEAD_NOISE = re.compile(
    r"[ \t\u00a0\u202f]*(?:(?:\d{1,2}[ \u00a0\u202f]*h[ \u00a0\u202f]*\d{0,2}|\d{1,2}[:.]\d{2})[ \u00a0\u202f]*[–—-]"
    r"|[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{1,40}?[ \u00a0\u202f]*[–—]|[–—•·])[ \t\u00a0\u202f]*"
)
PASSIVE = re.compile(r"\b(?:été|être)\s")
LEAD_REACH = 30  # characters from a sentence start where its leading subject is named


@lru_cache(maxsize=1)
def cue_words() -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    """Work nouns, source prepositions (with position), and a regex alternation of the latter."""
    works, sources = set(), {}
    for e in langdata.load("quote_cues"):
        if e["kind"] == "work":
            works.add(e["cue"].lower())
        elif e["kind"] == "source":
            sources[e["cue"].lower().replace("’", "'")] = e.get("position") or "any"
    return frozenset(works), sources, tuple(sorted(sources, key=len, reverse=True))


@lru_cache(maxsize=1)
def byline_regex() -> re.Pattern[str]:
    cues = sorted((e["cue"] for e in langdata.load("quote_cues") if e["kind"] == "byline"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")\s+", re.I)


@lru_cache(maxsize=1)
def not_speech() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """From ``quote_not_speech.yaml``: a conjunction right before « que » (« alors », « parce »), an idiom
    ending right where a verb of saying ends (« autant dire »), and the record nouns (« tradition »)."""
    entries = langdata.load("quote_not_speech")

    def alt(kind: str) -> str:
        words = sorted((e["word"] for e in entries if e["kind"] == kind), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)

    records = frozenset(e["word"].lower() for e in entries if e["kind"] == "record")
    return re.compile(rf"\b(?:{alt('conjunction')})\s+$", re.I), re.compile(rf"(?<![\w-])(?:{alt('idiom')})$", re.I), records


def _after_lead(text: str, pos: int) -> int:
    """Where a paragraph's sentence starts, past a live-blog clock time, a dateline or a bullet (« 14 h 05 – »)."""
    m = _LEAD_NOISE.match(text, pos)
    return m.end() if m else pos


class QuoteDoc:
    """Per-document state: text, quote intervals, sentence starts, resolver, running speaker."""

    def __init__(self, doc: Doc, text: str, mentions: list[Mention], entities: list[LocalEntity], marked: list[Marked]):
        self.text = text
        self.doc = doc
        self.marked = marked
        closes = [(q.open, (q.close + 1) if q.close is not None else q.end) for q in marked if q.depth == 0]
        self.quoted = closes
        self.resolver = Resolver(doc, mentions, entities, closes, text)
        self.starts = [_after_lead(text, 0)]
        for m in _BOUNDARY.finditer(self.text):
            pos = m.end()
            if m.group().startswith("\n") or (not self.resolver.in_quote(pos - 1) and not ABBREV.search(self.text, max(0, m.start() - 5), m.start())):
                self.starts.append(_after_lead(text, pos) if m.group().startswith("\n") else pos)
        self.running: tuple[int, Who] | None = None
        # « Propos recueillis par X »: X asked the questions, never a speaker
        self.journalists = {
            self.resolver.local_of.get(i, -1)
            for m in byline_regex().finditer(text)
            for i in self.resolver.mentions_in(m.end(), m.end() + 60)
            if mentions[i].start - m.end() <= 3
        } - {-1}
        self._topics()
        self.cues = [c for s, e in self.outside_quotes(0, len(text)) for c in speech_cues.find_cues(text, s, e)]
        self._cue_starts = [c.start for c in self.cues]

    def _topics(self) -> None:
        """A person opening a sentence (« Parmi les grévistes, Anne Roy, 47 ans, … ») is what a later « elle » continues."""
        r = self.resolver
        for st in self.starts:
            for i in r.mentions_in(st, st + LEAD_REACH + 80):
                m = r.m[i]
                lead = self.text[st : m.start].rstrip(SPACES + " «“\"—–-")
                if m.start - st <= LEAD_REACH and (not lead or lead.endswith(",")) and m.text[:1].isupper() and m.label == "PER" and not r.in_quote(m.start) and not r.is_complement(m.start) and r.local_of.get(i) not in self.journalists:
                    r.add_speaker(m.start, r.who_of_mention(i))
                break

    def sentence_start(self, pos: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) minus the quoted intervals."""
        out, cur = [], start
        for qs, qe in self.quoted:
            if qe <= cur or qs >= end:
                continue
            if qs > cur:
                out.append((cur, qs))
            cur = max(cur, qe)
        if cur < end:
            out.append((cur, end))
        return out

    def cues_in(self, start: int, end: int) -> list[Cue]:
        """Verbs of saying outside quotes within [start, end) (found once per document)."""
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        return [c for c in self.cues[lo:hi] if c.end <= end]


def _speaker(who: Who | None, span: tuple[int, int] | None) -> Speaker | None:
    if who is None:
        return None
    return Speaker(name=who.name, local=who.local, start=span[0] if span else None, end=span[1] if span else None)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in SPACES):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in SPACES or text[e - 1] in ",;"):
        e -= 1
    return s, e


def make_quote(d: QuoteDoc, s: int, e: int, kind: str, who: Who | None, span: tuple[int, int] | None, cue: Cue | None) -> Quote | None:
    s, e = trim(d.text, s, e)
    if e <= s:
        return None
    cue_span = Span(cue.start, cue.end, d.text[cue.start : cue.end]) if cue else None
    return Quote(s, e, d.text[s:e], kind, _speaker(who, span), cue_span)  # type: ignore[arg-type]
