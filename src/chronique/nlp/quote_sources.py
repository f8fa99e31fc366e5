"""Sources named by a preposition: « selon X », « d'après X », « pour X, ».

They attribute a quotation in the same sentence, and outside quotes the rest of
the sentence is X's reported speech. The prepositions and where they may stand
come from ``langdata/fr/quote_cues.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronique.model import Quote
from chronique.nlp.quote_speakers import Who
from chronique.nlp.quote_doc import cue_words, make_quote, not_speech, QUE, QuoteDoc, SPACES, trim, WORDS
from chronique.nlp.quote_subjects import resolve_slot

_APPOS_CLOSE = re.compile(r"\s*,")
_ELIDED = re.compile(r"^\w['’]")
# the keeper of a record, its article kept for the group reader: « du ministère », « de la mairie », « par l'Insee »
_OF = re.compile(r"\s(?:de\s+(?=la\s|l['’])|(?=du\s|des\s)|de\s+|d['’]|par\s+)", re.I)
HEAD_WORDS = 3  # words of « selon X » where its head noun stands (« le dernier décompte »)
_SELON = re.compile(r"(?<![\w-])(?:[Ss]elon|[Dd]['’]après|Pour)\s")


@lru_cache(maxsize=1)
def _source_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    _, sources, ordered = cue_words()
    alt = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+") for s in ordered)
    after = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+") for s in ordered if sources[s] == "any")
    # « selon X, » / « pour X, » before the statement; « , selon X » after it. X may hold an
    # abbreviation or initials (« M. », « Mme », « J.-P. »), whose dot ends nothing.
    x = r"(?:(?-i:\b[A-ZÀ-Þ][a-zà-ÿ]{0,2}\.(?:-[A-ZÀ-Þ]\.)?)[ \u00a0\u202f]*|[^,.;:!?«»“”\"\n])"
    return re.compile(rf"(?<![\w-])(?:{alt})\s+(?P<x>{x}{{2,80}}?)\s*,", re.I), re.compile(
        rf"[ \t\u00a0\u202f]*,?[ \t\u00a0\u202f]*(?:{after})\s+(?P<x>{x}{{2,80}})", re.I
    )


def _agent_slot(d: QuoteDoc, s: int, e: int) -> tuple[int, int] | None:
    """The source inside « selon X »: X itself, or, when X is a record (« la tradition », « les chiffres
    de l'Insee », « le dernier bilan du ministère »), the one who keeps it; None when no one does."""
    words = list(WORDS.finditer(d.text, s, e))[:HEAD_WORDS]
    records = not_speech()[2]
    head = next((w for w in words if _ELIDED.sub("", w.group().lower()) in records), None)
    if head is None or any(w.group()[:1].isupper() for w in words if w.start() < head.start() and w.start() > s):
        return (s, e)
    of = _OF.search(d.text, head.end(), e)
    if of is None:
        return None  # « selon la tradition », « selon un sondage »: no one speaks
    return trim(d.text, of.end(), e)


def source_after(d: QuoteDoc, close: int) -> tuple[Who | None, tuple[int, int] | None]:
    m = _source_regexes()[1].match(d.text, close, min(len(d.text), close + 100))
    if not m:
        return None, None
    slot = _agent_slot(d, *trim(d.text, m.start("x"), m.end("x")))
    return resolve_slot(d, *slot, None, close) if slot else (None, None)


def source_before(d: QuoteDoc, win_start: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    best = None
    for s, e in d.outside_quotes(win_start, open_):
        for m in _source_regexes()[0].finditer(d.text, s, e):
            best = m
    if best is None:
        return None, None
    s, e = trim(d.text, best.start("x"), best.end("x"))
    loose = best.group(0)[:4].lower() == "pour"  # « pour X, » is a source only when X names someone
    if loose:
        found = _pour_person(d, best)
        if found is not None and not d.text[win_start : best.start()].strip(SPACES + " «“\""):
            return found[0], found[1]
    if loose and len(WORDS.findall(d.text, s, e)) > 5:
        return None, None
    lead = d.text[win_start : best.start()].rstrip(SPACES + " «“\"")
    if loose and lead and not lead.endswith((",", ":", ";", "\n")):
        return None, None  # « qui a milité pour la ligue, se dit … »: a complement, not « Pour X, … »
    slot = _agent_slot(d, s, e)
    return resolve_slot(d, *slot, None, best.start(), describe=not loose) if slot else (None, None)


def _pour_person(d: QuoteDoc, mb: re.Match[str]) -> tuple[Who, tuple[int, int], int] | None:
    """« Pour Anne Roy, … », « Pour la ministre de la Mer, Anne Roy, … »: the person whose view follows.

    Returns the person, the span naming them and where their statement starts; None when
    « pour » introduces no named person (« Pour la première fois, … »).
    """
    r, text = d.resolver, d.text
    s, e = trim(text, mb.start("x"), mb.end("x"))
    named = [i for i in r.mentions_in(s, e) if r.m[i].label == "PER"]
    if named and len(WORDS.findall(text, s, e)) <= 5 and not r.titles_in(s, r.m[named[0]].start):
        i = named[0]
        return r.titled(i, e), (r.m[i].start, r.m[i].end), mb.end()
    if not r.titles_in(s, e):
        return None
    after = [i for i in r.mentions_in(mb.end(), mb.end() + 80) if r.m[i].start - mb.end() <= 2 and r.m[i].label == "PER"]
    if not after:
        return None
    i = after[0]
    comma = _APPOS_CLOSE.match(text, r.m[i].end)
    if comma is None:
        return None
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end), comma.end()


def _mostly_outside(d: QuoteDoc, start: int, end: int) -> bool:
    """« Pour X, ce séisme n'est « pas une réplique », mais … » is X's view in the writer's words;
    « Pour X, « … » » is a quotation, left to the quote rules."""
    quoted = sum(min(qe, end) - max(qs, start) for qs, qe in d.quoted if qs < end and qe > start)
    return not d.resolver.in_quote(trim(d.text, start, end)[0]) and quoted * 2 < end - start


def selon_quotes(d: QuoteDoc, start: int, end: int) -> list[Quote]:
    """« Selon X, … » / « …, selon X. » outside quotes: the rest of the sentence is X's reported speech."""
    text = d.text
    before_re, after_re = _source_regexes()
    out: list[Quote] = []
    for m in _SELON.finditer(text[start:end]):
        pos = start + m.start()
        win, stop = d.sentence_start(pos), d.sentence_end(pos)
        if d.resolver.in_quote(pos) or any(QUE.match(text, c.end, min(stop, c.end + 80)) for c in d.cues_in(win, stop)):
            continue  # the sentence has its own reported speech (« X a dit que … »): that verb attributes it
        if m.group().lower().startswith("pour"):
            mb = before_re.match(text, pos, stop) if pos == win else None
            found = _pour_person(d, mb) if mb else None
            if found is not None and _mostly_outside(d, found[2], stop):
                q = make_quote(d, found[2], stop, "indirect", found[0], found[1], None)
                if q is not None:
                    out.append(q)
            continue
        if pos == win or text[win:pos].strip() in ("", ","):
            mb = before_re.match(text, pos, stop)
            if not mb:
                continue
            s, e = trim(text, mb.start("x"), mb.end("x"))
            body = (mb.end(), stop)
        else:
            ma = after_re.match(text, pos - 2 if text[pos - 2 : pos].strip() == "," else pos, stop)
            if not ma or "," not in text[max(win, pos - 3) : pos]:
                continue
            s, e = trim(text, ma.start("x"), ma.end("x"))
            body = (win, text.rindex(",", win, pos))
        slot = _agent_slot(d, s, e)
        who, span = resolve_slot(d, *slot, None, pos) if slot else (None, None)
        if who is None:
            continue
        q = make_quote(d, body[0], body[1], "indirect", who, span, None)
        if q is not None and not any(qs <= q.start < qe for qs, qe in d.quoted):
            out.append(q)
    return out
