"""Tense of the verb that governs a temporal expression: past, present or future.

« a déclaré lundi » is past, « se réunira jeudi » future, « doit signer jeudi »
future (a prospective verb from langdata ``temporal_tense_verbs``). Read from
spaCy's morphology and dependency tree, a few steps up from the expression.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from chronique import langdata

_VERBAL = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    return {e["lemma"]: e["direction"] for e in langdata.load("temporal_tense_verbs")}


def _governor(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (itself included), or the root of its sentence."""
    t = tok
    for _ in range(5):
        if t.pos_ in _VERBAL:
            return t
        cop = next((c for c in t.children if c.dep_ == "cop"), None)
        if cop is not None:  # « le trafic serait normal dès mercredi »
            return cop
        if t.head is t:
            break
        t = t.head
    root = tok.sent.root
    return root if root.pos_ in _VERBAL else None


def _aux(verb: Token, deps: tuple[str, ...] = ("aux:tense", "aux")) -> Token | None:
    for c in verb.children:
        if c.dep_ in deps and c.lemma_ in ("avoir", "être"):
            return c
    return None


def _finite(tok: Token) -> str | None:
    """Tense of a finite verb or auxiliary by its own morphology."""
    if tok.morph.get("Mood") == ["Cnd"]:
        return "future"
    tense = tok.morph.get("Tense")
    if not tense:
        return None
    return {"Past": "past", "Imp": "past", "Fut": "future"}.get(tense[0], "present")


_ER_PARTICIPLE = re.compile(r"é(?:e|s|es)?$")
_FUTURE_END = re.compile(r"r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")
_IMPERFECT_END = re.compile(r"(?:ais|ait|ions|iez|aient)$")


def _surface_tense(verb: Token) -> str | None:
    """The tense of a first-group verb that spaCy took for a participle (« le marché déménage », « votera »):
    its participle can only end in -é(e)(s), so any other ending is a finite form, read from that ending."""
    text = verb.text.lower()
    if not verb.lemma_.lower().endswith("er") or _ER_PARTICIPLE.search(text) or _aux(verb) is not None:
        return None
    if _FUTURE_END.search(text):
        return "future"
    return "past" if _IMPERFECT_END.search(text) else "present"


def verb_tense(verb: Token) -> str | None:
    """past / present / future of one verb, its auxiliary and prospective or recent-past governors."""
    morph = verb.morph
    form = morph.get("VerbForm")
    lemma = verb.lemma_.lower()
    if form == ["Part"] and (surface := _surface_tense(verb)):
        return surface
    passive = next((c for c in verb.children if c.dep_ == "aux:pass"), None)
    if passive is not None and passive.morph.get("VerbForm") == ["Inf"]:
        form = ["Inf"]  # « doit être signé »: an infinitive under « doit »
    if form and form[0] == "Inf":
        head = verb.head
        if head is not verb and head.pos_ in _VERBAL:
            d = _directions().get(head.lemma_.lower())
            if d == "future" and verb_tense(head) == "past":
                return "past"  # « prévoyait de tirer dimanche »: a plan already due
            if d:
                return d
            return verb_tense(head) if head.morph.get("VerbForm") != ["Inf"] else None
        return None
    aux = _aux(verb)
    if passive is not None and aux is None and form and form[0] == "Part":
        if _directions().get(lemma) == "future":
            return "future"  # « était prévue mercredi »: planned, still ahead
        tense = _finite(passive)
        if tense == "present" and passive.lemma_ == "être" and not any(c.dep_ == "obl:agent" for c in verb.children):
            return "past"  # « le feu est reparti mardi »: passé composé of an être verb, not a passive
        return tense  # « serait assuré », « sera fermé », « est prévu »
    if aux is not None and form and form[0] == "Part":
        t = aux.morph.get("Tense")
        if t and t[0] == "Fut":
            return "future"
        if _directions().get(lemma) == "future":
            return "future"
        return "past"
    if form and form[0] == "Part":
        if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ in _VERBAL:
            return verb_tense(verb.head)  # « resteront fermées jusqu'à mercredi »: the tense of « rester »
        return _directions().get(lemma, "past")
    if morph.get("Mood") == ["Cnd"]:
        return "future"
    tense = morph.get("Tense")
    if not tense:
        return None
    t = tense[0]
    if t in ("Past", "Imp"):
        return "past"
    if t == "Fut":
        return "future"
    if _directions().get(lemma) == "future":
        return "future"
    return "present"


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense governing the characters ``start:end`` of ``doc`` (None when no verb is in reach)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governor(span.root)
    tense = verb_tense(verb) if verb is not None else None
    if tense != "future" and _clause_ahead(doc, span.start):
        return "future"
    return tense


_CLAUSE_STOP = {",", ";", ":", "«", "»", "(", ")", "—", "–", '"', "“", "”"}


def _clause_ahead(doc: Doc, i: int) -> bool:
    """« 40 % des vols pourraient être supprimés jeudi »: whatever the parse, the nearest finite verb before the
    expression in its clause is a conditional or future (or a prospective verb such as « devoir », « aller » before
    an infinitive), through infinitives and passive participles only."""
    sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
    for j in range(i - 1, max(sent_start, i - 12) - 1, -1):
        t = doc[j]
        if t.text in _CLAUSE_STOP:
            return False
        if t.pos_ not in _VERBAL:
            continue
        form = t.morph.get("VerbForm")
        if form == ["Inf"] or t.dep_ in ("aux:pass", "aux:tense", "aux"):
            continue
        if form == ["Part"] and (t.dep_ == "xcomp" or any(c.dep_ == "aux:pass" for c in t.children)):
            continue
        if form != ["Fin"]:
            return False
        if t.morph.get("Mood") == ["Cnd"] or t.morph.get("Tense") == ["Fut"]:
            return True
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return (_directions().get(t.lemma_.lower()) == "future" and nxt is not None
                and nxt.morph.get("VerbForm") == ["Inf"] and t.morph.get("Tense") == ["Pres"])
    return False
