"""Indirect speech: verbs of saying outside quotes with what they report.

« X a affirmé que … », « X a affirmé ignorer … » (an infinitive), « …, a indiqué X. »
(a verb closing the sentence) and passives (« il a été annoncé par X que … »).
A verb that reports nothing still makes its group or titled subject a referent
for a later « il » / « elle ».
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from chronique.model import Quote
from chronique.nlp import speech_cues
from chronique.nlp.speech_cues import Cue
from chronique.nlp.quote_doc import DET, make_quote, not_speech, PASSIVE, PLACE_AFTER, QUE, QuoteDoc, SENTENCE_PUNCT, TIME_SKIP, trim, WORDS
from chronique.nlp.quote_subjects import (
    clause_subject, LEAD_PP, main_subject, passive_agent, resolve_slot, same_speaker, slot_after, subject_before,
)

_INFINITIVE = re.compile(
    r"\s*(?P<pre>(?:ne\s+(?:pas|jamais|plus|rien|guère)\s+|n['’]?\s*)?(?:s['’]\s*|se\s+)?)(?P<inf>[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir))\b"
)  # « ignorer », « ne pas avoir », « s'être dessaisie »
# « accuse X d'avoir caché … », « reproche à X de ne pas … »: a « de + infinitive » complement within the clause
_CHARGE = re.compile(
    r"[^.;:!?«»“”\"\n]{0,90}?\bd(?:e\s+|['’]\s*)(?:ne\s+(?:pas|plus|jamais)\s+|n['’]\s*)?(?:s['’]\s*|se\s+|l['’]\s*|les?\s+|la\s+)?"
    r"(?:avoir|être|[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir))\b",
    re.I,
)
_REFLEXIVE = re.compile(r"(?:s['’]|se\s)", re.I)  # « s'est dit », « se dit »
_COORDINATED = re.compile(r"\b(?:et|mais)\s+(?:(?:a|ont|avait|avaient|s['’]est|se\s+sont)\s+)?$", re.I)
_LEAD_COMMAS = re.compile(r"[\s,]*")
_FOR_PART = re.compile(r"\s*(?:pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)\s+côté)\b", re.I)  # « juge pour sa part … »
_ASIDE = re.compile(r",\s*(?:elle|lui|elles|eux|pour\s+sa\s+part|de\s+son\s+côté|quant\s+à\s+(?:elle|lui))\s*,\s*", re.I)  # « parle, elle, de … »
_OBJECT = re.compile(
    r"(?:(?:les?|la|une?|des|du|de\s+la|de|son|sa|ses|leurs?|ce|cet|cette|ces|plusieurs|tout|toute|tous|toutes)\s+|(?:l|d|de\s+l)['’]\s*|\d[\d  .,]*(?=[\s\w%]))",
    re.I,
)
_ET_QUE = re.compile(r"\s*,?\s*et\s+qu(?:e\b|['’])\s*", re.I)
_RELATIVE_BEFORE = re.compile(r"\bqu(?:e|['’])\s*$", re.I)
_RELATIVE_CUE = re.compile(r"qu['’]", re.I)  # « qu'a annoncée le ministre »
_NOT_INFINITIVE = frozenset({"pour", "leur", "sur", "contre", "entre", "outre"})
_NP_STOP = frozenset({"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"})  # where a noun phrase and its attribute end
NP_TOKENS = 12  # tokens of an object noun phrase where its attribute adjective may stand
_NEGATED = re.compile(r"(?:n['’]|ne\s)", re.I)  # « n'a pas souhaité commenter »: no statement
_NEGATED_BEFORE = re.compile(r"(?:\bne\s+|\bn['’])$", re.I)  # « ne s'est pas dit favorable »
_QUI_WORD = re.compile(r"\bqui\b", re.I)
_QUI_LEAD = re.compile(r"\s*qui\b", re.I)
_FROM_SOURCE = re.compile(r"auprès\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*", re.I)
_QUE_END = re.compile(r"\bqu(?:e\s*|['’]\s*)$", re.I)
_AUX_BEFORE = re.compile(  # « a d'ailleurs annoncé », « a, de son côté, assuré »
    rf"\b(?:{'|'.join(sorted(speech_cues.AUX_AVOIR))})\s*(?:,[^,.;:]{{1,40}},\s*|\s(?:[^\s,.;:]+\s+){{0,3}})$", re.I
)
# endings only a past participle has (« publié », « diffusée », « promise »), unlike « dit » or « écrit » (il dit, il écrit)
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "ie", "ies", "ue", "ues", "ite", "ites", "ise", "ises")
_RELATIVE_LEAD = re.compile(r"\s*(?:qui|dont)\b", re.I)
# what may follow the inverted subject of « …, a indiqué X » after a comma: a relative clause, a place or
# time complement, a participle (« , qui n'exclut pas … », « , lors d'un point presse », « , précisant que … »)
_SLOT_TAIL = re.compile(r",\s*(?:qui|dont|lors|dans|devant|selon|sur|à|au|aux|en|[a-zàâçéèêëîïôûùüÿœ]{3,}ant)\b", re.I)
OBJECT_REACH = 60  # characters after a verb of saying where its noun object starts
SCARE_WORDS = 3  # words of a quotation that is a name or a scare quote inside a reported sentence
MARK_REACH = 25  # characters into a noun object where a quotation mark makes it a partial quote's lead-in


def _token_at(d: QuoteDoc, pos: int) -> Token | None:
    span = d.doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span else None


def _is_infinitive(d: QuoteDoc, pos: int) -> bool:
    """The word at ``pos``, shaped like an infinitive, is not a numeral or a function word
    (« a affirmé ignorer … », not « a requis quatre ans », « pour », « leur », « requis contre X »).

    The parser's tag is only trusted to say no: it often misreads a bare infinitive.
    """
    tok = _token_at(d, pos)
    return tok is not None and tok.lower_ not in _NOT_INFINITIVE and tok.pos_ not in ("NUM", "DET", "PRON", "CCONJ", "SCONJ")


def _is_number(d: QuoteDoc, pos: int) -> bool:
    tok = _token_at(d, pos)
    return tok is not None and tok.pos_ == "NUM"


def _finite_verb_at(d: QuoteDoc, pos: int) -> bool:
    """« les soldats que commande le général »: a « que » followed by a finite verb opens a relative clause
    with an inverted subject; the « que » of reported speech is followed by its subject."""
    tok = _token_at(d, pos)
    return tok is not None and tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")


def _after_verb(d: QuoteDoc, pos: int) -> int:
    """Past commas and time words after a verb of saying (« a annoncé, vendredi soir, être … »)."""
    pos = _LEAD_COMMAS.match(d.text, pos).end()
    skip = TIME_SKIP.match(d.text, pos)
    return skip.end() if skip else pos


def _complement_start(d: QuoteDoc, cue: Cue, end: int) -> int | None:
    """Where the reported words start: after « que », or an infinitive (« a affirmé ignorer … »)."""
    text = d.text
    m = QUE.match(text, _LEAD_COMMAS.match(text, cue.end).end(), min(end, cue.end + 80))  # « a fait savoir, dans un communiqué, que »
    conjunction = not_speech()[0]
    if m and conjunction.search(text, max(cue.end, m.start("que") - 12), m.start("que")):
        m = None  # « soupirait-elle alors que les pompiers … »: a subordinate clause, not what was said
    if m and not SENTENCE_PUNCT.search(text[cue.end : m.start("que")]) and m.group("que").lower() != "si" and not (
        _QUI_WORD.search(text, cue.end, m.start("que"))
        or any(not _adjective(text, c) for c in d.cues_in(cue.end, m.start("que")))  # « dans un communiqué publié hier, que »
    ):  # « a insisté le chef, qui note que … »: that « que » belongs to the relative clause's verb
        return None if _finite_verb_at(d, m.end()) else m.end()
    pos = _after_verb(d, cue.end)
    if speech_cues.lexicon().attributes.get(cue.lemma) in ("reflexive", "both") and _REFLEXIVE.match(text, cue.start):
        tok = _token_at(d, pos)  # « s'est dit favorable à … », « se dit prête à reprendre … »
        if tok is not None and tok.idx == pos and (tok.pos_ == "ADJ" or tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm")):
            return None if _NEGATED.match(text, cue.start) or _NEGATED_BEFORE.search(text, max(0, cue.start - 4), cue.start) else pos
    mi = _INFINITIVE.match(text, pos, min(end, cue.end + 60)) or _infinitive_after_pp(d, pos, end)
    if mi and cue.type in ("say", "assert", "add") and _is_infinitive(d, mi.start("inf")) and not _NEGATED.match(text, cue.start):
        pre = mi.group("pre")
        return mi.start("pre") + len(pre) - len(pre.lstrip()) if _REFLEXIVE.search(pre) else mi.start("inf")
    return None


def _adjective(text: str, cue: Cue) -> bool:
    """« un communiqué publié mardi », « le ministre, accusé de … »: a past participle with no auxiliary of its own
    nor one shared with a coordinated verb (« a démenti … et affirmé ») is an adjective, not a verb of saying."""
    low = text[cue.start : cue.end].lower()
    return (
        " " not in low and low.endswith(_PARTICIPLE_ENDINGS) and low in speech_cues.lexicon().participles
        and not _AUX_BEFORE.search(text, max(0, cue.start - 50), cue.start)
        and not _COORDINATED.search(text, max(0, cue.start - 20), cue.start)
    )


def _infinitive_after_pp(d: QuoteDoc, pos: int, end: int) -> re.Match[str] | None:
    """« ont rapporté à des médias locaux avoir vu … »: an infinitive after a complement of the verb of saying."""
    if LEAD_PP.match(d.text, pos) is None:
        return None
    for tok in d.doc.char_span(pos, min(end, pos + OBJECT_REACH), alignment_mode="contract") or ():
        if tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm"):
            return _INFINITIVE.match(d.text, tok.idx, end)
        if tok.pos_ not in ("ADP", "DET", "NOUN", "ADJ", "PROPN", "NUM") and tok.text != ",":
            return None
    return None


def _object_start(d: QuoteDoc, cue: Cue, win: int, end: int) -> int | None:
    """« X a annoncé dans un communiqué la fermeture du site »: the noun object of a verb whose object is what was said.

    Not after an inverted verb (« …, a annoncé le ministre »), a relative « que »
    (« la fermeture qu'a annoncée le ministre ») or a passive, nor when a quotation
    follows at once (« a dénoncé un « … » » is a partial quote).
    """
    text = d.text
    lex = speech_cues.lexicon()
    if text[cue.start : cue.end].lower() == cue.lemma:
        return None  # « va annoncer la fermeture », « aime parler de tout »: nothing said yet
    attribute = lex.attributes.get(cue.lemma) in ("object", "both")
    if not (cue.lemma in lex.objects or attribute or cue.lemma in lex.charges):
        return None
    if _NEGATED.match(text, cue.start) or PASSIVE.search(text, cue.start, cue.end):
        return None
    if _RELATIVE_BEFORE.search(text, max(win, cue.start - 6), cue.start) or _RELATIVE_CUE.match(text, cue.start):
        return None
    comma = text.rfind(",", win, cue.start)
    if _QUI_LEAD.match(text, comma + 1 if comma >= 0 else win, cue.start) and "," in text[cue.end : end]:
        return None  # « Le parquet, qui avait requis deux ans, dispose … »: background in a relative clause
    if comma >= 0 and not text[comma + 1 : cue.start].strip():
        before = text.rfind(",", win, comma)
        relative = before >= 0 and _RELATIVE_LEAD.match(text, before + 1, comma)  # « un fonds, qui détient 4 %, réclame … »
        clause = d.doc.char_span(win, comma, alignment_mode="expand") or ()
        if not relative and any(t.pos_ in ("VERB", "AUX") for t in clause):
            return None  # « Le site fermera, a annoncé le ministre »: what follows is the subject
    pos = _after_verb(d, cue.end)
    aside = _ASIDE.match(text, cue.end)
    pos = _after_verb(d, aside.end()) if aside else pos
    part = _FOR_PART.match(text, pos)
    pos = _after_verb(d, part.end()) if part else pos
    if cue.lemma in lex.charges and _CHARGE.match(text, pos, end):
        return pos  # « accuse l'exploitant d'avoir caché … », « lui reproche de ne pas … »
    for _ in range(2):
        pp = LEAD_PP.match(text, pos)
        if pp is None or pp.end() - cue.end > OBJECT_REACH:
            break
        pos = _after_verb(d, pp.end())
    if attribute and cue.lemma not in lex.objects:
        return _attribute_start(d, pos, end)
    m = _OBJECT.match(text, pos, end)
    if m is None and not _is_number(d, pos):  # « a requis deux ans de prison »: a number word opens it too
        return None
    inf = _INFINITIVE.match(text, m.end(), end) if m is not None and m.group().strip().lower() in ("de", "d'", "d’") else None
    if inf is not None and _is_infinitive(d, inf.start("inf")):
        return None  # « a proposé à X de conclure … »: an infinitive, not a noun object
    if d.resolver.in_quote(pos) or any(pos <= qs < min(end, pos + MARK_REACH) for qs, _ in d.quoted):
        return None
    return pos


def _attribute_start(d: QuoteDoc, pos: int, end: int) -> int | None:
    """« ont jugé les montants insuffisants », « juge « indispensable » un prêt »: an object with its attribute.

    A judging verb reports a statement only with the adjective that judges; its
    bare object is what is judged (« le tribunal a jugé l'affaire »).
    """
    text = d.text
    for qs, qe in d.quoted:
        if qs == pos and len(WORDS.findall(text, qs, qe)) <= SCARE_WORDS:
            return pos if _OBJECT.match(text, _LEAD_COMMAS.match(text, qe).end(), end) else None
        if qs > pos:
            break
    if _OBJECT.match(text, pos, end) is None:
        return None
    seen_noun = False
    for k, tok in enumerate(d.doc.char_span(pos, end, alignment_mode="contract") or ()):
        if k >= NP_TOKENS or tok.pos_ in _NP_STOP and not (tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and seen_noun):
            return None
        if seen_noun and (tok.pos_ == "ADJ" or tok.pos_ == "VERB"):
            return pos
        seen_noun = seen_noun or tok.pos_ in ("NOUN", "PROPN")
    return None


def indirect_quote(d: QuoteDoc, cue: Cue) -> Quote | None:
    """Reported speech after a verb of saying outside quotes: « X a affirmé que … »."""
    text = d.text
    if cue.type == "name" or d.resolver.in_quote(cue.start):
        return None
    if cue.type == "hear" and (cue.pronoun is None or text[cue.pronoun[0] : cue.pronoun[1]].lower() != "on"):
        return None  # « il a appris que … »: he learnt it; only « a-t-on appris (auprès de X) » reports someone's words
    if _adjective(text, cue):
        return None  # « un communiqué publié mardi », « le ministre, accusé de … »: an adjective, no statement
    if not_speech()[1].search(text, max(0, cue.end - 30), cue.end):
        return None  # « Autant dire que … »: a fixed phrase, nobody's words
    if cue.participle_clause and cue.lemma in speech_cues.lexicon().thoughts and text[cue.start : cue.end].lower().endswith("ant"):
        return None  # « …, souhaitant que justice soit faite », « Considérant que … »: a motive, not words
    end = d.sentence_end(cue.end)
    para = text.find("\n", cue.end, end)
    end = para if para >= 0 else end  # reported speech ends with its paragraph (« …\n\n7 h 15 – » is a new entry)
    win = d.sentence_start(cue.start)
    body_start = _complement_start(d, cue, end)
    if body_start is not None:
        inner = [(s, e) for s, e in d.quoted if body_start <= s < end]
        if inner and inner[0][0] == body_start:
            more = _ET_QUE.match(text, inner[0][1])
            if more is None:
                return None
            body_start = more.end()  # « a assuré que « … » et que le repreneur … »: the second clause is reported
    by_object = body_start is None
    if by_object:
        body_start = _object_start(d, cue, win, end)
    if body_start is not None:
        body_end = _body_end(d, body_start, end, coordinated=by_object or not _QUE_END.search(text, max(cue.end, body_start - 4), body_start))
        who, span = None, None
        if cue.participle_clause and d.running is not None and d.running[0] >= win and d.cues_in(win, cue.start):
            who = d.running[1]  # « « … », a indiqué la porte-parole, Anne Roy, précisant que … »: the speaker named before
        elif cue.participle_clause:
            who, span = main_subject(d, win, cue.start)
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
        if by_object and who is None:
            return None  # a noun object with no one saying it is no reported speech
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
        hear = _hearsay_source(d, cue)
        if hear is not None:  # « …, a-t-on appris vendredi auprès de son avocat »
            s, e = hear
        tail = text[e : end].strip()
        if not tail or tail[0] in ".!?" or PLACE_AFTER.match(tail) or _SLOT_TAIL.match(tail):
            comma = cue.start - (len(before) - before.rindex(","))
            named = d.resolver.mentions_in(max(win, comma - 60), comma)
            clause = d.doc.char_span(win, comma, alignment_mode="expand") or ()
            if named and d.resolver.m[named[-1]].end >= comma - 1 and not any(t.pos_ in ("VERB", "AUX") for t in clause):
                return None  # « L'avocat, Me Anne Roy, a plaidé la relaxe »: the name before the comma is the subject
            who, span = resolve_slot(d, s, e, None if hear else cue, cue.start)
            if who is not None or cue.type == "hear":
                if who is not None and span is not None:  # « …, rappelle l'historien X. « …, souligne-t-il » »: X is « il » next
                    d.resolver.add_speaker(span[0], who)
                if not d.resolver.in_quote(win) and _names_only(d, win, comma):
                    return make_quote(d, win, comma, "indirect", who, span, cue)
    return None


def _hearsay_source(d: QuoteDoc, cue: Cue) -> tuple[int, int] | None:
    """« a-t-on appris auprès de X »: the slot naming X, the source of what « on » learnt."""
    if cue.type != "hear":
        return None
    m = _FROM_SOURCE.match(d.text, TIME_SKIP.match(d.text, cue.end).end())
    return slot_after(d, m.end()) if m else (cue.end, cue.end)


def _names_only(d: QuoteDoc, start: int, end: int) -> bool:
    """The quotations inside ``text[start:end]`` are names or scare quotes (« le pétrolier « Nordan Star » »), not speech."""
    return all(len(WORDS.findall(d.text, qs, qe)) <= SCARE_WORDS for qs, qe in d.quoted if start <= qs < end)


def _body_end(d: QuoteDoc, start: int, end: int, coordinated: bool = False) -> int:
    """Reported speech stops where the sentence goes on with another verb of saying (« …, a ajouté X »).

    With ``coordinated`` (a noun object or an infinitive, no « que » clause), a
    verb of saying sharing the subject closes it too: « a dénoncé la lenteur des
    secours et réclamé une enquête » reports two things.
    """
    for c in d.cues_in(start, end):
        k = d.text.rfind(",", start, c.start)
        if k >= 0 and not d.text[k + 1 : c.start].strip():
            return k
        if coordinated:
            m = _COORDINATED.search(d.text, max(start, c.start - 20), c.start)
            if m is not None:
                return m.start()
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
