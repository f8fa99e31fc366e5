"""Quotations and their speakers: direct, partial and indirect speech.

Works on character spans of ``doc.text``, not on spaCy sentences (which cut
« … », a indiqué X away from its quote). One pass, left to right, over quoted
spans and verbs of saying; the work is split by task:

- :mod:`quote_marks` — quotation marks paired into spans (« », “ ”, " ", ‹ ›, ‘ ’,
  nesting, paragraph continuations, repaired swapped marks);
- :mod:`quote_doc` — per-document state: sentences, quoted intervals, cues, running speaker;
- :mod:`quote_direct` — spans to direct/partial quotes (work titles dropped, incises split, nesting);
- :mod:`quote_attribution` — the speaker of a quote in marks, from its cue or its context;
- :mod:`quote_subjects` — the subject of a verb of saying, before it or inverted after it;
- :mod:`quote_sources` — « selon X », « d'après X », « pour X, »;
- :mod:`quote_indirect` — reported speech after verbs of saying outside quotes;
- :mod:`quote_interview` — answers of a Q&A interview;
- :mod:`quote_echo` — headline quotes take the speaker of the body quote they echo;
- :mod:`quote_speakers` — speaker expressions (names, pronouns, titles, groups) resolved.

« Selon X, … » is read twice: first so that X is a referent for later pronouns,
last so that « selon elle » finds every speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.model import LocalEntity, Mention, Quote
from chronique.nlp import quote_echo
from chronique.nlp.doc_text import text_of
from chronique.nlp.quote_marks import Marked, find_marked
from chronique.nlp.quote_speakers import Who
from chronique.nlp.quote_doc import QuoteDoc
from chronique.nlp.quote_sources import selon_quotes
from chronique.nlp.quote_direct import quotes_of
from chronique.nlp.quote_indirect import indirect_quote, register_subject
from chronique.nlp.quote_interview import interview_answers

_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity]) -> list[Quote]:
    """Direct, partial and indirect quotes of ``doc`` with their speakers, in text order."""
    text = text_of(doc)
    marked = find_marked(text)
    d = QuoteDoc(doc, text, mentions, entities, marked)
    for q in selon_quotes(d, 0, len(text)):  # « Selon X, … » makes X a subject later pronouns may refer to
        sp = q.speaker
        if sp is not None and sp.start is not None and sp.end is not None and text[sp.start : sp.end].lower() not in _PRONOUNS:
            org = sp.local is not None and sp.local < len(entities) and entities[sp.local].label != "PER"
            d.resolver.add_speaker(sp.start, Who(sp.name, sp.local, group=org))  # « selon l'OMS »: a group, never « il » the doctor
    body_cues = d.cues
    events: list[tuple[int, int, object]] = [(q.open, 1, q) for q in marked] + [(c.start, 0, c) for c in body_cues]
    events.sort(key=lambda x: (x[0], x[1]))
    out: list[Quote] = []
    outer: Quote | None = None
    for _, kind, item in events:
        if kind == 1:
            q: Marked = item  # type: ignore[assignment]
            got = quotes_of(d, q, outer)
            if q.depth == 0:
                outer = got[0] if got else None
                if outer is not None and len(got) > 1:
                    outer = Quote(got[0].start, got[-1].end, "", got[0].kind, got[0].speaker)
            out.extend(got)
        else:
            qi = indirect_quote(d, item)  # type: ignore[arg-type]
            if qi is not None:
                out.append(qi)
            else:
                register_subject(d, item)  # type: ignore[arg-type]
    out.extend(selon_quotes(d, 0, len(text)))  # again, now that every speaker is known to « selon elle »
    out.extend(interview_answers(d))
    out.sort(key=lambda x: (x.start, x.end))
    out = [q for i, q in enumerate(out) if i == 0 or (q.start, q.end, q.kind) != (out[i - 1].start, out[i - 1].end, out[i - 1].kind)]
    quote_echo.link_titles(text, out)  # one reported clause read twice (a cue and « selon X ») is one quote
    return out
