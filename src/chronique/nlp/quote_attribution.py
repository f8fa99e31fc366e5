"""The speaker of a quotation in marks, from its speech cue or, failing one, its context.

Cues, in order: a verb right after it (« … », a déclaré X), a verb earlier in its
sentence (X a déclaré : « … »), « selon X » / « pour X, », a possessive noun of
saying, a name before a colon, a verb closing the sentence, a headline's « … » : X.
A quote with none that opens a sentence belongs to the person the previous
sentence is about, to the interviewee after a question, else continues the
running speaker, else goes to the one person of the text or of the next sentence.
"""

from __future__ import annotations

import re

from chronique.nlp.quote_kin import kin_phrase, kin_speaker
from chronique.nlp import speech_cues
from chronique.nlp.quote_marks import Marked
from chronique.nlp.quote_speakers import Who, is_intertitle
from chronique.nlp.speech_cues import Cue
from chronique.nlp.quote_doc import DET, PASSIVE, PLACE_AFTER, QuoteDoc, trim
from chronique.nlp.quote_subjects import resolve_slot, same_speaker, sentence_lead, slot_after, subject_before
from chronique.nlp.quote_sources import source_after, source_before

_POSSESSIVE = re.compile(r"\b(?P<p>[Ss]on|[Ss]a|[Ss]es)\s+(?P<n>[\w’'-]+)")
_CLAUSE_BREAK = re.compile(r"[,;:«»“”\"]")
_CLOSE_SEP = re.compile(r"[ \t\u00a0\u202f]*(?P<sep>[,–—-]?)[ \t\u00a0\u202f]*")
_COLON_END = re.compile(r":[\s\u00a0\u202f]*$")
_COLON_AFTER = re.compile(r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*")
HEADLINE_TAIL = 90  # characters after « … » : where a headline names its speaker
NEXT_REACH = 120  # characters of the next sentence where the person a quote announces is named
CONTINUE_WINDOW = 700  # characters over which a speaker keeps the floor
TOPIC_WINDOW = 1200  # characters before a first-person quote where its speaker must be the only person named
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:je|j['’]|me|m['’]|moi|mon|ma|mes)(?![\w-])", re.I)


def _after_cue(d: QuoteDoc, close: int) -> Cue | None:
    """A verb of saying right after a closing mark: « … », a déclaré X / « … », a-t-il ajouté."""
    text = d.text
    m = _CLOSE_SEP.match(text[close : close + 6])
    start = close + m.end()
    ws = speech_cues.words(text, start, min(len(text), start + 60, text.find("\n", start) % (len(text) + 1)))
    if not ws or (not m.group("sep") and not ws[0][2][0].islower()):
        return None  # « … ». Interrogé sur … : a new sentence, not an incise
    return speech_cues.match_cue(text, ws, 0)


def _noun_cue_before(d: QuoteDoc, win_start: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« son insistance sur … « … » »: a possessive noun of saying stands for its owner."""
    nouns = speech_cues.lexicon().nouns
    found = None
    for s, e in d.outside_quotes(win_start, open_):
        for m in _POSSESSIVE.finditer(d.text, s, e):
            if m.group("n").lower() in nouns:
                found = m
    if found is None:
        return None, None
    ps = found.start("p")
    return d.resolver.pronoun(ps, "il"), (ps, found.end("p"))


def attribute(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None, Cue | None, str]:
    """Speaker, its span, the cue and how it was found ('after', 'before', 'source', 'continue' or '')."""
    text = d.text
    close = q.close + 1 if q.close is not None else q.end
    cue = _after_cue(d, close)
    if cue is not None and cue.type != "name":
        s, e = slot_after(d, cue.end)
        who, span = resolve_slot(d, s, e, cue, cue.start)
        if who is not None or (cue.pronoun is not None and text[cue.pronoun[0] : cue.pronoun[1]].lower() in ("ils", "elles")):
            return who, span, cue, "after"  # « …, assurent-ils » with no plural antecedent: nobody, not the last person
    who, span = source_after(d, close)
    if who is not None:
        return who, span, None, "source"
    win = d.sentence_start(q.open)
    cues = [c for c in d.cues_in(win, q.open) if c.type != "name"]
    if cues:
        c = cues[-1]
        if same_speaker(d, c, win):
            return d.running[1], None, c, "before"  # type: ignore[index]
        who, span = subject_before(d, c, win)
        if who is not None:
            return who, span, c, "before"
        if len(cues) > 1 and (PASSIVE.search(text, max(win, c.start - 7), c.start) or not _CLAUSE_BREAK.search(text, cues[-2].end, c.start)):
            # « X estimait que l'accord pourrait être conclu « … » »: a passive verb has no speaker;
            # « X a affirmé avoir alerté sa hiérarchie « … » »: the verb inside the reported words has X's
            c = cues[-2]
            who, span = subject_before(d, c, win)
            if who is not None:
                return who, span, c, "before"
    who, span = source_before(d, win, q.open)
    if who is not None:
        return who, span, None, "source"
    who, span = _noun_cue_before(d, win, q.open)
    if who is not None:
        return who, span, None, "before"
    who, span = _colon_before(d, win, q.open)
    if who is not None:
        return who, span, None, "before"
    who, span, cue = _closing_cue(d, q)
    if who is not None:
        return who, span, cue, "after"
    who, span = _headline_after(d, close)
    if who is not None:
        return who, span, None, "after"
    return None, None, None, ""


def _headline_after(d: QuoteDoc, close: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« « Nous ne lâcherons rien » : le cri d'Anne Roy »: a headline names its speaker after the colon."""
    m = _COLON_AFTER.match(d.text, close)
    if m is None:
        return None, None
    line_end = d.text.find("\n", m.end())
    line_end = len(d.text) if line_end < 0 else line_end
    if line_end - m.end() > HEADLINE_TAIL or d.text[m.end() : line_end].rstrip().endswith("."):
        return None, None  # a sentence of the body goes on after the colon: not a headline
    r = d.resolver
    named = [i for i in r.mentions_in(m.end(), line_end) if not r.in_quote(r.m[i].start)]
    people = [i for i in named if r.m[i].label == "PER"] or [i for i in named if r.m[i].label == "ORG"]
    if not people:
        return None, None
    i = people[0]
    return (r.who_of_mention(i) if r.m[i].label == "PER" else r.of_mention(i)), (r.m[i].start, r.m[i].end)


def _colon_before(d: QuoteDoc, win: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« Réaction du préfet Anne Martin : « … » »: a person named just before the colon, no verb needed."""
    text, r = d.text, d.resolver
    m = _COLON_END.search(text[max(win, open_ - 6) : open_])
    if not m:
        return None, None
    colon = max(win, open_ - 6) + m.start()
    people = [i for i in r.mentions_in(win, colon) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)]
    if people and colon - r.m[people[-1]].end <= 3:
        i = people[-1]
        return r.titled(i, colon), (r.m[i].start, r.m[i].end)
    kin = kin_speaker(r, win, colon)  # « Son mari, lui, ne décolère pas : « … » »
    if kin is not None:
        return kin, kin_phrase(text, win, colon)
    # « Mme Roy, elle, n'en démord pas : « … » »: the subject that opens the sentence
    return sentence_lead(d, people, win, colon)


def beat(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """« L'ancien gérant a haussé les épaules. « … » »: a quote after a sentence about someone is theirs.

    Only when that sentence has no quote: the subject of its verb of saying
    (« X a répondu sèchement. « … » »), else its subject when it opens the
    sentence (a name, a pronoun, a description), else the one person it names.
    """
    text, r = d.text, d.resolver
    pe = d.sentence_start(q.open)
    if pe == 0:
        return None, None
    ps = d.sentence_start(pe - 1)
    if d.outside_quotes(ps, pe) != [(ps, pe)]:
        return None, None
    cues = [c for c in d.cues_in(ps, pe) if c.type != "name"]
    if cues:  # « X a répondu sèchement. « … » »
        return subject_before(d, cues[-1], ps)
    people = [i for i in r.mentions_in(ps, pe) if r.m[i].label == "PER"]
    who, span = sentence_lead(d, people, ps, pe)
    if span is not None:
        return who, span
    verb = next((t for t in d.doc.char_span(ps, pe, alignment_mode="expand") or () if t.pos_ in ("AUX", "VERB")), None)
    if verb is not None and verb.idx - ps <= 60:
        s, e = trim(text, ps, verb.idx)
        who = r.role(pe, s, e) if DET.match(text[s:e]) else None
        if who is not None:
            return who, (s, e)
    if len({r.local_of.get(i, -1 - i) for i in people}) == 1:
        return r.who_of_mention(people[0]), (r.m[people[0]].start, r.m[people[0]].end)
    return None, None


def first_person_topic(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """An unattributed quote in the first person (« Je … ») belongs to the one person the text is about.

    Portraits and interviews let the subject speak without a verb of saying;
    the rule holds only when a single person is named, outside quotes, in the
    stretch of text before the quote.
    """
    r = d.resolver
    if not _FIRST_PERSON.search(d.text, q.start, q.end):
        return None, None
    people = [
        i for i in r.mentions_in(max(0, q.open - TOPIC_WINDOW), q.open)
        if r.m[i].label == "PER" and not r.in_quote(r.m[i].start) and r.local_of.get(i) not in d.journalists
    ]
    if not people or len({r.local_of.get(i, -1 - i) for i in people}) != 1:
        return None, None
    i = people[-1]
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end)


def named_after(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """« « Il faut agir vite. » Ces mots sont ceux d'Anne Roy, … »: the one person the next sentence names.

    Only when nothing before attributed the quote and that sentence quotes no
    one itself (else its person speaks there, not here).
    """
    r = d.resolver
    close = q.close + 1 if q.close is not None else q.end
    ns = d.sentence_end(close)
    if ns >= len(d.text) or d.text[close:ns].count("\n") > 1:
        return None, None
    ne = d.sentence_end(ns)
    if d.outside_quotes(ns, ne) != [(ns, ne)]:
        return None, None
    people = [i for i in r.mentions_in(ns, min(ne, ns + NEXT_REACH)) if r.m[i].label == "PER" and r.local_of.get(i) not in d.journalists]
    if len({r.local_of.get(i, -1 - i) for i in people}) != 1:
        return None, None
    i = people[0]
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end)


def after_question(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """Interviews: a quote opening the paragraph after a question is the interviewee's answer.

    The interviewee is the one person (journalists aside) named before it, else
    the last speaker; the question itself is nobody's quote.
    """
    text, r = d.text, d.resolver
    para = text.rfind("\n", 0, q.open)
    if para < 0 or text[para:q.open].strip():
        return None, None
    prev_end = len(text[:para].rstrip())
    prev_start = text.rfind("\n", 0, prev_end) + 1
    question = text[prev_start:prev_end]
    if not question.endswith("?") or d.outside_quotes(prev_start, prev_end) != [(prev_start, prev_end)]:
        return None, None
    people = [i for i in r.mentions_in(0, q.open) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)
              and r.local_of.get(i) not in d.journalists]
    if len({r.local_of.get(i, -1 - i) for i in people}) == 1:
        i = people[0]
        return r.who_of_mention(i), (r.m[i].start, r.m[i].end)
    if d.running is not None and d.running[1].local not in d.journalists:
        return d.running[1], None
    return None, None


def keeps_floor(d: QuoteDoc, q: Marked) -> bool:
    """A quote with no cue continues the last speaker when that speaker spoke in the previous sentence."""
    if d.running is None or q.open - d.running[0] > CONTINUE_WINDOW:
        return False
    here = d.sentence_start(q.open)
    prev = d.sentence_start(max(0, here - 1))
    if prev and is_intertitle(d.text, prev, here):  # a heading between two paragraphs of the same speech
        prev = d.sentence_start(prev - 1)
    return d.running[0] >= prev


def _closing_cue(d: QuoteDoc, q: Marked) -> tuple[Who | None, tuple[int, int] | None, Cue | None]:
    """« L'échange aura lieu « dans dix jours » à la frontière, a précisé X. »: the verb closing the sentence."""
    close = q.close + 1 if q.close is not None else q.end
    end = d.sentence_end(close)
    for c in d.cues_in(close, end):
        if c.type == "name" or "," not in d.text[max(close, c.start - 3) : c.start]:
            continue
        s, e = slot_after(d, c.end)
        tail = d.text[e:end].strip()
        if tail and tail[0] not in ".!?" and not PLACE_AFTER.match(tail):
            continue
        who, span = resolve_slot(d, s, e, c, c.start)
        if who is not None:
            return who, span, c
    return None, None, None
