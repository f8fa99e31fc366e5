"""Indirect speech: verbs of saying outside quotes with what they report.

« X a affirmé que … », « X a affirmé ignorer … » (an infinitive), « …, a indiqué X. »
(a verb closing the sentence) and passives (« il a été annoncé par X que … »).
A verb that reports nothing still makes its group or titled subject a referent
for a later « il » / « elle ».
"""

from __future__ import annotations

import re

from chronique.model import Quote
from chronique.nlp.speech_cues import Cue
from chronique.nlp.quote_doc import DET, make_quote, PASSIVE, PLACE_AFTER, QUE, QuoteDoc, SENTENCE_PUNCT, TIME_SKIP, trim
from chronique.nlp.quote_subjects import clause_subject, main_subject, passive_agent, resolve_slot, same_speaker, slot_after, subject_before

_INFINITIVE = re.compile(r"\s*(?:ne\s+pas\s+|n['’]?\s*)?(?P<inf>[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir))\b")
_CONJUNCTION_QUE = re.compile(r"\b(?:alors|tandis|bien|parce|afin|avant|sans|pendant|dès|depuis|après|encore|pour|ainsi)\s+$", re.I)
_NOT_INFINITIVE = frozenset({"pour", "leur", "sur"})
_NEGATED = re.compile(r"(?:n['’]|ne\s)", re.I)  # « n'a pas souhaité commenter »: no statement
_QUI_WORD = re.compile(r"\bqui\b", re.I)


def _is_infinitive(d: QuoteDoc, pos: int) -> bool:
    """The word at ``pos``, shaped like an infinitive, is not a numeral or a function word
    (« a affirmé ignorer … », not « a requis quatre ans », « pour », « leur »).

    The parser's tag is only trusted to say no: it often misreads a bare infinitive.
    """
    span = d.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if not span:
        return False
    tok = span[0]
    return tok.lower_ not in _NOT_INFINITIVE and tok.pos_ not in ("NUM", "DET", "PRON", "CCONJ", "SCONJ")


def indirect_quote(d: QuoteDoc, cue: Cue) -> Quote | None:
    """Reported speech after a verb of saying outside quotes: « X a affirmé que … »."""
    text = d.text
    if cue.type == "name" or d.resolver.in_quote(cue.start):
        return None
    end = d.sentence_end(cue.end)
    win = d.sentence_start(cue.start)
    m = QUE.match(text, cue.end, min(end, cue.end + 80))
    body_start = None
    if m and _CONJUNCTION_QUE.search(text, max(cue.end, m.start("que") - 12), m.start("que")):
        m = None  # « soupirait-elle alors que les pompiers … »: a subordinate clause, not what was said
    if m and not SENTENCE_PUNCT.search(text[cue.end : m.start("que")]) and m.group("que").lower() != "si" and not (
        _QUI_WORD.search(text, cue.end, m.start("que")) or d.cues_in(cue.end, m.start("que"))
    ):  # « a insisté le chef, qui note que … »: that « que » belongs to the relative clause's verb
        body_start = m.end()
    else:
        skip = TIME_SKIP.match(text, cue.end)
        mi = _INFINITIVE.match(text, skip.end() if skip else cue.end, min(end, cue.end + 60))
        if mi and cue.type in ("say", "assert", "add") and _is_infinitive(d, mi.start("inf")) and not _NEGATED.match(text, cue.start):
            body_start = mi.start("inf")
    if body_start is not None:
        qs = [s for s, _ in d.quoted if body_start <= s < end]
        body_end = _body_end(d, body_start, end)
        if qs and qs[0] == body_start:
            return None
        who, span = main_subject(d, win, cue.start) if cue.participle_clause else (None, None)
        if PASSIVE.search(text, cue.start, cue.end):  # « Il a été annoncé par le ministère que … »
            who, span = passive_agent(d, cue.end, body_start)
            if who is None:
                return make_quote(d, body_start, body_end, "indirect", None, None, cue)
        if who is not None:
            pass  # « X s'est jointe à …, en promettant que … »: the subject of the main clause
        elif same_speaker(d, cue, win):
            who, span = d.running[1], None  # type: ignore[index]
        else:
            who, span = subject_before(d, cue, win)
        q = make_quote(d, body_start, body_end, "indirect", who, span, cue)
        if q is not None and who is not None:
            d.running = (cue.start, who)
            if span is not None:
                d.resolver.add_speaker(span[0], who)
        return q
    # « Des dommages ont été signalés, a déclaré X. »: a sentence closed by an inverted verb of saying
    before = text[max(win, cue.start - 3) : cue.start]
    if PASSIVE.search(text, cue.start, cue.end):
        return None
    if "," in before and cue.start - win > 20:
        s, e = slot_after(d, cue.end)
        tail = text[e : end].strip()
        if not tail or tail[0] in ".!?" or PLACE_AFTER.match(tail):
            comma = cue.start - (len(before) - before.rindex(","))
            named = d.resolver.mentions_in(max(win, comma - 60), comma)
            clause = d.doc.char_span(win, comma, alignment_mode="expand") or ()
            if named and d.resolver.m[named[-1]].end >= comma - 1 and not any(t.pos_ in ("VERB", "AUX") for t in clause):
                return None  # « L'avocat, Me Anne Roy, a plaidé la relaxe »: the name before the comma is the subject
            who, span = resolve_slot(d, s, e, cue, cue.start)
            if who is not None:
                body = d.outside_quotes(win, comma)
                if body and body[0][0] == win and body[0][1] == comma:
                    return make_quote(d, win, comma, "indirect", who, span, cue)
    return None


def _body_end(d: QuoteDoc, start: int, end: int) -> int:
    """Reported speech stops where the sentence goes on with another verb of saying (« …, a ajouté X »)."""
    for c in d.cues_in(start, end):
        k = d.text.rfind(",", start, c.start)
        if k >= 0 and not d.text[k + 1 : c.start].strip():
            return k
    return end


def register_subject(d: QuoteDoc, cue: Cue) -> None:
    """« Le syndicat a dénoncé la réforme. » with no quote: its group or titled subject may be « il » later."""
    if cue.type == "name" or cue.pronoun is not None or d.resolver.in_quote(cue.start):
        return
    win = d.sentence_start(cue.start)
    who, span = clause_subject(d, win, cue.start)
    if who is None:
        parts = d.outside_quotes(win, cue.start)
        if parts and parts[-1][1] == cue.start:
            s, e = trim(d.text, parts[-1][0], cue.start)
            who = d.resolver.group(s, e) or (d.resolver.role(cue.start, s, e) if DET.match(d.text[s:e]) else None)
            span = (s, e)
    if who is not None and span is not None and (who.group or who.local is not None):
        d.resolver.add_speaker(span[0], who)
