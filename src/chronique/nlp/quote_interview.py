"""Q&A interviews: paragraphs answering a question paragraph are the interviewee's direct quotes."""

from __future__ import annotations

import re

from chronique.model import Quote
from chronique.nlp.quote_doc import byline_regex, make_quote, QuoteDoc

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
# « Anne Roy : », « A. Roy : », « Question : » opening a paragraph: the turn's speaker label
_LABEL = re.compile(r"(?P<label>[A-ZÀ-ÖØ-Þ][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.\-]*){0,3})\s*:\s+(?=\S)")
# a first-person word: an unlabelled paragraph after a labelled answer goes on with it only when it says « je »
_FIRST_PERSON = re.compile(r"(?i)(?<![\w’'])(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos|on)(?![\w’'])")
MIN_QUESTIONS = 2  # question paragraphs that make a text a Q&A interview
QUESTION_LENGTH = 300  # characters: longer paragraphs ending in « ? » are prose, not a question
ANSWER_PARAGRAPHS = 3  # paragraphs an answer may run over


def interview_answers(d: QuoteDoc) -> list[Quote]:
    """A Q&A interview: paragraphs answering a question paragraph are the interviewee's direct quotes.

    Only when the text holds at least two paragraphs that are nothing but a
    question; an answer runs until the next question, a byline or
    ``ANSWER_PARAGRAPHS`` paragraphs. Answers already in quotation marks are
    left to the quote rules.
    """
    text = d.text
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    labels = [_label(text, s, e) for s, e in paras]
    is_question = [
        text[s:e].rstrip().endswith("?") and e - s <= QUESTION_LENGTH and d.outside_quotes(s, e) == [(s, e)] for s, e in paras
    ]
    # the interviewer's turns carry the label of its questions, whatever they end with (« … lundi... »)
    asking = {labels[k][0] for k, q in enumerate(is_question) if q and labels[k]}
    is_question = [q or bool(lab and lab[0] in asking) for q, lab in zip(is_question, labels)]
    labelled = any(lab and lab[0] not in asking for lab, q in zip(labels, is_question) if not q)
    if sum(is_question) < MIN_QUESTIONS:
        return []
    first_q = paras[is_question.index(True)][0]
    r = d.resolver
    people = [i for i in r.mentions_in(0, first_q) if r.m[i].label == "PER" and r.local_of.get(i) not in d.journalists]
    who = None
    if people:
        locals_ = {r.local_of.get(i, -1 - i) for i in people}
        who = r.who_of_mention(people[0]) if len(locals_) == 1 or text.find("\n") > r.m[people[0]].start else None
    out: list[Quote] = []
    for k, question in enumerate(is_question):
        if not question:
            continue
        for j in range(k + 1, min(len(paras), k + 1 + ANSWER_PARAGRAPHS)):
            s, e = paras[j]
            if is_question[j] or byline_regex().match(text, s) or d.outside_quotes(s, e) != [(s, e)]:
                break  # a byline, or a paragraph of the writer's quoting someone: not an answer
            if labels[j]:
                s = labels[j][1]  # the answer without its « Name : » label
            elif labelled and not _FIRST_PERSON.search(text, s, e):
                break  # the writer's prose after the last labelled answer
            q = make_quote(d, s, e, "direct", who, None, None)
            if q is not None:
                out.append(q)
    return out


def _label(text: str, s: int, e: int) -> tuple[str, int] | None:
    """The « Name : » label opening a paragraph (folded name, where the turn's words start), or None."""
    m = _LABEL.match(text, s, e)
    return (m.group("label").lower().replace(" ", ""), m.end()) if m else None
