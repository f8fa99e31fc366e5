"""Quoted spans become direct or partial quotes.

Titles of works in guillemets (« le film « … » », « au « Monde » ») are dropped;
an incise inside the marks (« …, a-t-il ajouté, … ») splits one span into two
quotes; a quote nested in another is attributed inside the outer one. Quotes of
one to three words are ``partial``, never ``direct``, and get a speaker only from
a cue in their sentence.
"""

from __future__ import annotations

import re

from chronique.model import Quote
from chronique.nlp import speech_cues
from chronique.nlp.quote_marks import Marked
from chronique.nlp.quote_speakers import Who
from chronique.nlp.speech_cues import Cue
from chronique.nlp.quote_doc import cue_words, make_quote, PRONOUN_BEFORE, QuoteDoc, SENTENCE_PUNCT, SPACES, TIME_SKIP, WORDS
from chronique.nlp.quote_subjects import resolve_slot, slot_after
from chronique.nlp.quote_attribution import after_question, attribute, beat, first_person_topic, keeps_floor, named_after

_ELIDED = re.compile(r"^\w['’]")
# « la célèbre « … » », « son dernier « … » »: a determiner and one word (adjective or noun) name what follows
_DET_WORD_BEFORE = re.compile(r"(?i)(?:^|\s)(?:la|le|les|l['’]|sa|son|ses|leur|leurs|du|des|au|aux)\s*[^\W\d_][\w\-]*\s*$")
SHORT_TITLE = 6  # words: a capitalised short phrase after « la célèbre » is a title, not an utterance
_PUBLICATION_BEFORE = re.compile(r"\b(?:au|du|dans\s+l[ea]|à\s+l[a']|par\s+l[ea]|sur)\s*$")
_SENTENCE_END = re.compile(r"[.!?…»”]\s+")
# « …, a-t-il ajouté en souriant. … », « …, a dit X devant la presse. … »: a gerund or a short adjunct may close the incise
_ADJUNCT = r"(?:\s+(?:en\s+[\w’'-]+ant\b|(?:devant|lors|dans|depuis|auprès|face|sur)\b)[^,.;:!?«»“”\n]{0,50})?"
_INCISE_END = re.compile(_ADJUNCT + r"\s*[,.]")
_INCISE_NAME_END = re.compile(r"\s+(?:(?:[A-ZÀ-ÖØ-Þ][\w’'.\-]*\s*){1,3}|l[ea]\s+[\w’'\- ]{3,60}?)" + _ADJUNCT + r"\s*[,.]")
_INCISE_APPOS = re.compile(r"\s*(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?\s*){1,4}(?<!\s)[,.]")
MAX_SHORT = 3  # a quote of up to three words is a fragment: partial at most


def _is_work_title(d: QuoteDoc, q: Marked) -> bool:
    """« le film « … » », « intitulé « … » », « au « Monde » »: a title, not words someone said."""
    text = d.text
    works = cue_words()[0]
    before = _SENTENCE_END.split(text[max(0, q.open - 40) : q.open])[-1]  # a work noun ending the previous sentence names nothing here
    words = [_ELIDED.sub("", w.lower()) for w in WORDS.findall(before)][-3:]
    if words and (words[-1] in works or (len(words) >= 2 and " ".join(words[-2:]) in works)):
        return True
    lex = speech_cues.lexicon()
    if words and lex.types.get(lex.forms.get(words[-1], ""), "") == "name":
        return True
    inner = WORDS.findall(text[q.start : q.end])
    if 2 <= len(inner) <= MAX_SHORT and all(w[0].isupper() for w in inner) and not SENTENCE_PUNCT.search(text, q.start, q.end):
        return True  # « le pétrolier « Nordan Star » »: a proper name (ship, operation, slogan), not an utterance
    if (
        1 <= len(inner) <= SHORT_TITLE and inner[0][0].isupper() and _DET_WORD_BEFORE.search(before)
        and not SENTENCE_PUNCT.search(text, q.start, q.end) and lex.forms.get(words[-1]) is None
    ):
        return True  # « la célèbre « Moisson d'été » »
    if 1 <= len(inner) <= 4 and inner[0][0].isupper() and _PUBLICATION_BEFORE.search(before):
        return all(w[0].isupper() or len(w) <= 3 for w in inner)
    return False


def _opens_sentence(d: QuoteDoc, q: Marked) -> bool:
    """Nothing of the writer's sentence stands before the opening mark (or only « X a dit : »)."""
    text = d.text
    i = q.open - 1
    while i >= 0 and (text[i] in SPACES or text[i] == " "):
        i -= 1
    return i < 0 or text[i] in ".!?:\n»”\"—–…"


def _incise(d: QuoteDoc, q: Marked) -> tuple[Cue, int, int] | None:
    """« …, a-t-il ajouté, … » inside the marks: the cue and where the two halves meet."""
    text = d.text
    for cue in speech_cues.find_cues(text, q.start, q.end):
        before = text[max(q.start, cue.start - 3) : cue.start]
        if "," not in before:
            continue
        after = text[cue.end : cue.end + 80]
        if cue.pronoun is not None:
            m = _INCISE_END.match(after)
        else:  # « …, a déclaré mardi soir le ministre de la Mer, Anne Roy. … »: time words, then title and name
            t = TIME_SKIP.match(after).end()
            m = _INCISE_NAME_END.match(after, t - 1 if t and after[t - 1].isspace() else t)
            if m and m.group().endswith(","):
                m = _INCISE_APPOS.match(after, m.end()) or m
        if m:
            comma = cue.start - (len(before) - before.rindex(","))
            return cue, comma, cue.end + m.end()
    return None


def quotes_of(d: QuoteDoc, q: Marked, outer: Quote | None) -> list[Quote]:
    text = d.text
    n_words = len(WORDS.findall(text, q.start, q.end))
    short = n_words <= MAX_SHORT
    if q.depth > 0:
        return _nested(d, q, outer, short)
    if _is_work_title(d, q):
        return []
    opens = _opens_sentence(d, q)
    kind = "direct" if opens and not short else "partial"
    inc = _incise(d, q) if not short else None
    if inc is not None:
        cue, comma, resume = inc
        s, e = slot_after(d, cue.end)
        who, span = resolve_slot(d, s, e, cue, cue.start)
        if who is None:
            who, span = (d.running[1], None) if d.running else (None, None)
        d.running = (q.start, who) if who else d.running
        if who is not None:
            d.resolver.add_speaker(cue.start, who)
        out = [make_quote(d, q.start, comma, kind, who, span, cue), make_quote(d, resume, q.end, kind, who, span, cue)]
        return [x for x in out if x]
    who, span, cue, how = attribute(d, q)
    if who is None and how != "after" and q.close is None and not short:
        nxt = next((n for n in d.marked if n.open > q.open and n.depth == 0), None)
        if nxt is not None and nxt.continued:
            who, span, _, how = attribute(d, nxt)  # the speech runs on: its cue comes in the next paragraph
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = beat(d, q)
        how = "beat" if who is not None else how
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = after_question(d, q)
        how = "answer" if who is not None else how
    if who is None and how != "after" and not short and (q.continued or opens) and keeps_floor(d, q):
        who, how = d.running[1], "continue"  # type: ignore[index]
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = first_person_topic(d, q)
        how = "topic" if who is not None else how
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = named_after(d, q)
        how = "next" if who is not None else how
    if who is not None and (not short or how in ("after", "before")):
        d.running = (q.end, who)
        if span is not None:
            d.resolver.add_speaker(span[0], who)
    quote = make_quote(d, q.start, q.end, kind, who if (how or not short) else None, span, cue)
    return [quote] if quote else []


def _nested(d: QuoteDoc, q: Marked, outer: Quote | None, short: bool) -> list[Quote]:
    """A quote inside a quote: its speaker is named inside the outer quote (« il m'a dit : "…" ») or is the outer speaker."""
    text = d.text
    if outer is None:
        return []
    j = q.open - 1
    while j > outer.start and text[j] in SPACES:
        j -= 1
    lead = text[outer.start : q.open]
    k = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "), lead.rfind("… "))
    win = outer.start + k + 2 if k >= 0 else outer.start
    cues = speech_cues.find_cues(text, win, q.open)
    who = outer.speaker and Who(outer.speaker.name, outer.speaker.local)
    span = None
    if cues:
        c = cues[-1]
        if c.pronoun is not None:
            ps, pe = c.pronoun
            who, span = d.resolver.pronoun_in_quote(ps, outer.start, text[ps:pe]), (ps, pe)
        else:
            mp = PRONOUN_BEFORE.search(text, win, c.start)
            if mp and mp.group("p").lower() in ("il", "elle"):
                ps, pe = mp.start("p"), mp.end("p")
                who, span = d.resolver.pronoun_in_quote(ps, outer.start, mp.group("p")), (ps, pe)
            else:
                people = d.resolver.mentions_in(win, c.start)
                if people:
                    i = people[-1]
                    who, span = d.resolver.who_of_mention(i), (d.resolver.m[i].start, d.resolver.m[i].end)
    kind = "partial" if short else ("direct" if text[j] in ":.!?,\n" or j <= outer.start else "partial")
    quote = make_quote(d, q.start, q.end, kind, who, span, cues[-1] if cues else None)
    return [quote] if quote else []
