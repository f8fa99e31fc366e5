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
from chronique.nlp.timex_lexicon import key, lexicon

_VERBAL = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    return {e["lemma"]: e["direction"] for e in langdata.load("temporal_tense_verbs")}


def _paragraph(tok: Token) -> tuple[int, int]:
    """Token bounds of the paragraph (text between line breaks) holding ``tok`` within its sentence: spaCy often
    runs a heading or a previous paragraph into the next sentence, and a verb across a line break governs nothing."""
    doc, sent = tok.doc, tok.sent
    lo = tok.i
    while lo > sent.start and not _line_break(doc[lo - 1]):
        lo -= 1
    hi = tok.i
    while hi < sent.end - 1 and not _line_break(doc[hi]):
        hi += 1
    return lo, hi + 1


def _line_break(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def _governor(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (itself included) in its paragraph, or the main verb of that paragraph."""
    lo, hi = _paragraph(tok)
    t = tok
    for _ in range(5):
        if not lo <= t.i < hi:
            break
        if t.pos_ in _VERBAL:
            return t
        cop = next((c for c in t.children if c.dep_ == "cop"), None)
        if cop is not None:  # « le trafic serait normal dès mercredi »
            return cop
        if t.head is t:
            break
        t = t.head
    root = tok.sent.root
    if lo <= root.i < hi:
        if root.pos_ in _VERBAL:
            return root
        return _clause_after(tok) if root.i == tok.i or root.i == t.i else None
    return next((v for v in tok.doc[lo:hi] if v.pos_ == "VERB" and v.dep_ not in ("acl", "amod", "xcomp")
                 and v.morph.get("VerbForm") != ["Inf"]), None)


_SENTENCE_END = {".", "!", "?", "…"}


def _clause_after(tok: Token) -> Token | None:
    """« Samedi et dimanche, le festival accueillera … »: a fronted expression that spaCy made a verbless sentence
    of its own belongs to the clause after its comma: the first finite verb up to the sentence's end."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 25)):
        t = doc[j]
        if t.text in _SENTENCE_END or _line_break(doc[j - 1]):
            return None
        if t.pos_ in _VERBAL and t.morph.get("VerbForm") == ["Fin"]:
            return t
    return None


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
_FUTURE_ENDINGS = r"(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)"  # future and conditional, after the stem
_FUTURE_END = re.compile(rf"r{_FUTURE_ENDINGS}$")
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


_FUTURE_AFTER_STEM = re.compile(rf"{_FUTURE_ENDINGS}$")


@lru_cache(maxsize=1)
def _future_stems() -> dict[str, str]:
    return {e["ending"]: e["stem"] for e in langdata.load("temporal_future_stems")}


def _future_stem(lemma: str) -> str:
    """The stem a verb's future and conditional are built on: the infinitive (less the e of -re), or an irregular
    one from langdata (recevoir -> recevr-, venir -> viendr-), the longest listed ending deciding."""
    stems = _future_stems()
    for n in range(len(lemma), 2, -1):
        if (stem := stems.get(lemma[-n:])) is not None:
            return lemma[:-n] + stem
    return lemma[:-1] if lemma.endswith("re") else lemma


def _future_form(verb: Token) -> bool:
    """« votera », « recevront », « se tiendrait »: the future stem plus a future or conditional ending, which the
    tagger sometimes reads as a passé simple or an imperfect (« montra », « finissait », built on the stem
    alone, are not one)."""
    text, lemma = verb.text.lower(), verb.lemma_.lower()
    if not lemma.endswith(("er", "ir", "re", "oir")) or verb.morph.get("VerbForm") != ["Fin"]:
        return False
    stem = _future_stem(lemma)
    return text.startswith(stem) and bool(_FUTURE_AFTER_STEM.fullmatch(text[len(stem):]))


@lru_cache(maxsize=1)
def _etre_verbs() -> frozenset[str]:
    return frozenset(e["lemma"] for e in langdata.load("temporal_etre_verbs"))


def _etre_compound(verb: Token) -> bool:
    """« être » + this participle is a compound past (« est parti », « s'est rendu »), not a passive."""
    return verb.lemma_.lower() in _etre_verbs() or any(
        c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’") for c in verb.children)


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
            if d == "after":  # « a décidé de voter en octobre »: after the decision, wherever that puts it now
                return None if verb_tense(head) == "past" else "future"
            if d == "future" and verb_tense(head) == "past":
                return "past"  # « prévoyait de tirer dimanche »: a plan already due
            if d:
                return d
            return verb_tense(head) if head.morph.get("VerbForm") != ["Inf"] else None
        if head is not verb and head.pos_ == "ADJ":
            return _directions().get(head.lemma_.lower())  # « prête à reprendre mardi »: a readiness, ahead
        return None
    aux = _aux(verb)
    if passive is not None and aux is None and form and form[0] == "Part":
        if _directions().get(lemma) == "future":
            return "future"  # « était prévue mercredi »: planned, still ahead
        tense = _finite(passive)
        if tense == "future" and passive.morph.get("Mood") == ["Cnd"] and _etre_compound(verb):
            return "past"  # « le suspect serait arrivé mardi »: a past conditional, not a passive
        if tense == "present" and passive.lemma_ == "être" and not any(c.dep_ == "obl:agent" for c in verb.children):
            return "past"  # « le feu est reparti mardi »: passé composé of an être verb, not a passive
        return tense  # « serait assuré », « sera fermé », « est prévu »
    if aux is not None and form and form[0] == "Part":
        if aux.morph.get("Mood") == ["Cnd"]:
            return "past"  # « aurait dû être signé », « serait parti »: a past conditional tells of the past
        t = aux.morph.get("Tense")
        if t and t[0] == "Fut":
            return "future"
        if _directions().get(lemma) == "future":
            return "future"
        return "past"
    if form and form[0] == "Part":
        cop = next((c for c in verb.children if c.dep_ == "cop" and c.lemma_ == "être"), None)
        if cop is not None and (cop.morph.get("Mood") == ["Cnd"] or cop.morph.get("Tense") == ["Fut"]):
            return "past" if _etre_compound(verb) else "future"  # « serait fermé dès jeudi »: a state ahead
        if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ in _VERBAL:
            return verb_tense(verb.head)  # « resteront fermées jusqu'à mercredi »: the tense of « rester »
        d = _directions().get(lemma)
        if d in ("future", "past"):
            return d
        if verb.dep_ in ("acl", "amod"):
            return None  # « un concert organisé le 3 juin », « le texte adopté le 3 mars »: no tense of its own
        return "past"
    if morph.get("Mood") == ["Cnd"]:
        return "future"
    tense = morph.get("Tense")
    if not tense:
        return None
    t = tense[0]
    if t == "Fut" or (t in ("Past", "Imp") and _future_form(verb)):
        return "future"
    if t in ("Past", "Imp"):
        return "past"
    if _directions().get(lemma) == "future":
        return "future"
    return "present"


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense governing the characters ``start:end`` of ``doc`` (None when no verb is in reach)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governor(span.root)
    if verb is not None and span.start <= verb.i < span.end and _time_word(verb.text):
        # a weekday tagged as a participle (« Grève jeudi … » in a heading) governs nothing; « avant l'été »: its head does
        verb = _governor(verb.head) if verb.head is not verb and not span.start <= verb.head.i < span.end else None
    if verb is None or verb.i < span.start and any(t.text in ("»", "”") for t in doc[verb.i + 1 : span.start]):
        # a parse split at a hyphenated name, or a verb inside the quotation for a date in the incise after it
        # (« « … il n'y a pas … », a-t-il dit lundi »): the verb read on the surface
        verb = _finite_before(doc, span.start) or (verb if verb is not None and verb.i > span.start else None)
    tense = verb_tense(verb) if verb is not None else None
    if tense == "present" and verb.lemma_ in ("avoir", "être") and _INVERTED_PAST.match(doc.text, verb.idx + len(verb.text)):
        tense = "past"  # « a-t-il martelé lundi »: an inverted passé composé, whatever the tagger made of the participle
    if tense != "future" and _clause_ahead(doc, span.start):
        return "future"
    return tense


_INVERTED_PAST = re.compile(r"(?:-t)?-(?:il|elle|on|ils|elles)\s+[^\W\d_]+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|int)\b", re.I)
_CLAUSE_STOP = {",", ";", ":", "«", "»", "(", ")", "—", "–", '"', "“", "”"}


def _finite_before(doc: Doc, i: int) -> Token | None:
    """The nearest finite verb before token ``i`` in its clause (« X, sixième du classement, reçoit Y-Z samedi »)."""
    for j in range(i - 1, max(0, i - 12) - 1, -1):  # on the surface: the parser's sentences may be split too
        t = doc[j]
        if t.text in _CLAUSE_STOP or t.text in _SENTENCE_END or _line_break(t):
            return None
        if t.pos_ in _VERBAL and t.morph.get("VerbForm") == ["Fin"]:
            return t
    return None


def _clause_ahead(doc: Doc, i: int) -> bool:
    """« 40 % des vols pourraient être supprimés jeudi »: whatever the parse, the nearest finite verb before the
    expression in its clause is a conditional or future (or a prospective verb such as « devoir », « aller » before
    an infinitive), through infinitives and passive participles only."""
    sent_start = _paragraph(doc[i])[0] if doc.has_annotation("SENT_START") else 0
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
        if t.morph.get("Mood") == ["Cnd"] or t.morph.get("Tense") == ["Fut"] or _future_form(t):
            return True
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return (_directions().get(t.lemma_.lower()) == "future" and nxt is not None
                and nxt.morph.get("VerbForm") == ["Inf"] and t.morph.get("Tense") == ["Pres"])
    return False


@lru_cache(maxsize=1)
def _plan_nouns() -> frozenset[str]:
    return frozenset(e["word"] for e in langdata.load("temporal_plan_nouns"))


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(e["lemma"] for e in langdata.load("speech_verbs"))


def _time_word(word: str) -> bool:
    lx = lexicon()
    w = key(word)
    return w in lx.weekdays or w in lx.months or w in lx.parts or w in lx.seasons  # « l'été » tagged as « été » (AUX)


def after_plan_noun(doc: Doc, start: int) -> bool:
    """« une nouvelle assemblée générale lundi »: the expression follows a noun of a scheduled event (through up to
    two adjectives), so it dates that event rather than the clause's verb."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    j = span.start - 1
    for _ in range(3):
        if j < 0:
            return False
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN"):  # a heading's capitalised « Grève » may be tagged a proper noun
            if (t.lemma_.lower() in _plan_nouns() or t.lower_ in _plan_nouns()) and not _line_break(t):
                return True
            return _plan_noun_before_place(doc, j)
        if t.pos_ != "ADJ":
            return False
        j -= 1
    return False


PLACE_TOKENS = 8  # « un rassemblement devant la préfecture de Tours lundi »: the place between noun and day


def _plan_noun_before_place(doc: Doc, j: int) -> bool:
    """A noun of a scheduled event followed by a complement of place or object before the day: « un rassemblement
    devant la mairie lundi », « le vote de la loi jeudi » (nouns, determiners, prepositions only)."""
    for k in range(j - 1, max(-1, j - PLACE_TOKENS), -1):
        t = doc[k]
        if t.pos_ not in ("NOUN", "PROPN", "DET", "ADP", "ADJ", "NUM") or _line_break(t):
            return False
        if t.pos_ == "NOUN" and (t.lemma_.lower() in _plan_nouns() or t.lower_ in _plan_nouns()):
            return doc[k + 1].pos_ in ("ADP", "ADJ")
    return False


def reported(doc: Doc, start: int, end: int) -> bool:
    """The expression comes after the object of a verb of saying that governs it (« a annoncé le lancement, dès
    samedi, de … »), so it times what was announced; right after the verb (« a annoncé dès lundi sa démission ») it
    times the saying."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _governor(span.root)
    if verb is None or verb.lemma_.lower() not in _speech_lemmas() or verb.i >= span.start:
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in doc[verb.i + 1:span.start])
