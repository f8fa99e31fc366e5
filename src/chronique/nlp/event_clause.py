"""The clause around an event trigger: which tokens say who, where, and when.

A verb trigger's clause is its subtree without subordinate clauses (« que … »,
« après que … », relatives); an infinitive complement (« devait s'entretenir »)
also takes the subject of the verb it completes. A noun trigger that is the
object or a complement of a verb (« ont trouvé un accord », « a passé une heure
au téléphone ») shares that verb's clause; one introduced by a temporal
preposition (« avant l'appel », « après les pourparlers ») or standing as a
subject keeps to its own phrase, since the clause around it tells of something else.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.event_triggers import grammar

_VERB = frozenset({"VERB", "AUX"})
_SUBORDINATE = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "advcl:cleft"})
_ATTACHED = frozenset({"obj", "obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "xcomp"})


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


def anchor(token: Token) -> Token:
    """The word a trigger stands for in the parse: a noun the parser hung as a modifier of
    its own adjective (« un violent incendie » read as « violent » + amod) takes its head's place."""
    if token.dep_ in ("amod", "compound", "flat", "fixed") and token.head != token and token.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return token.head
    return token


def case_word(token: Token) -> str | None:
    """The preposition introducing a nominal (« à » in « à Istanbul »), if any."""
    for c in token.children:
        if c.dep_ in ("case", "mark") and c.i < token.i:
            return norm(c.text)
    return None


def is_purpose(verb: Token) -> bool:
    """An infinitive clause of purpose (« pour organiser … »)."""
    purpose = grammar().get("purpose", frozenset())
    return verb.dep_.startswith("advcl") and any(c.dep_ in ("mark", "case") and norm(c.text) in purpose for c in verb.children)


def _walk(head: Token, out: set[int]) -> None:
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            dep = c.dep_
            if dep in _SUBORDINATE and not (dep.startswith("advcl") and is_purpose(c)):
                continue
            if dep == "conj" and c.pos_ in _VERB:
                continue
            stack.append(c)


def subtree(head: Token) -> set[int]:
    """Token indexes of ``head``'s phrase without subordinate clauses."""
    out: set[int] = set()
    _walk(head, out)
    return out


def own_phrase(noun: Token) -> set[int]:
    """A noun's phrase with the relative clauses that describe it (« le feu qui brûle depuis
    samedi … », « la réunion, qui s'est tenue mardi »): what they say of it dates it."""
    out = subtree(noun)
    for c in noun.children:
        if c.dep_ == "acl:relcl":
            _walk(c, out)
    return out


def attached_to_verb(token: Token) -> Token | None:
    """The verb a noun trigger completes (object / oblique), or None if it stands on its own.

    Climbs ``nmod`` chains (« une partie du contenu de son entretien »); a temporal
    preposition or a subject role stops it.
    """
    g = grammar()
    temporal = g.get("temporal", frozenset()) | g.get("since", frozenset()) | g.get("until", frozenset())
    t = token
    while True:
        cw = case_word(t)
        if cw in temporal:
            return None
        if t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t.head != t:
            t = t.head
            continue
        if t.dep_ in _ATTACHED and t.head.pos_ in _VERB:
            return t.head
        return None


def subject_of(token: Token) -> Token | None:
    """The verb a noun trigger is the subject of (« l'appel a eu lieu en février »): it dates it."""
    if token.dep_.startswith("nsubj") and token.head.pos_ in _VERB and token.head != token:
        return token.head
    return None


def xcomp_heads(verb: Token) -> list[Token]:
    """Verbs an infinitive complement depends on (« devait » for « devait s'entretenir »)."""
    out = []
    t = verb
    while t.dep_ == "xcomp" and t.head != t and t.head.pos_ in _VERB:
        t = t.head
        out.append(t)
    return out


def subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_.startswith("nsubj")]


def clause_of(trigger: Token) -> tuple[set[int], Token | None]:
    """Tokens whose names may be the event's participants, and the clause's verb."""
    if trigger.pos_ in _VERB:
        verb = trigger
        scope = subtree(trigger)
    else:
        verb = attached_to_verb(trigger)
        scope = subtree(verb) if verb is not None else subtree(trigger)
    if verb is not None:
        for head in xcomp_heads(verb):
            for s in subjects(head):
                scope |= subtree(s)
    return scope, verb


def when_head(verb: Token) -> Token | None:
    """The main clause a « lorsque / quand » clause is the time of (« il était midi quand … »)."""
    if not verb.dep_.startswith("advcl") or verb.head == verb:
        return None
    when = grammar().get("when", frozenset())
    if any(c.dep_ == "mark" and norm(c.text) in when for c in verb.children):
        return verb.head
    return None


def is_negated(verb: Token | None) -> bool:
    if verb is None:
        return False
    neg = grammar().get("negation", frozenset())
    heads = [verb, *xcomp_heads(verb)]
    return any(norm(c.text) in neg or norm(c.lemma_) in neg for h in heads for c in h.children if c.dep_ == "advmod")


def is_planned(verb: Token | None) -> bool:
    """Not (yet) happened: under a modal, in a purpose clause, conditional or future."""
    if verb is None:
        return False
    modal = grammar().get("modal", frozenset())
    for v in [verb, *xcomp_heads(verb)]:
        if is_purpose(v):
            return True
        morph = v.morph
        if "Cnd" in morph.get("Mood") or "Fut" in morph.get("Tense"):
            return True
        if v != verb and norm(v.lemma_) in modal:
            return True
        for c in v.children:
            if c.dep_.startswith("aux") and ("Cnd" in c.morph.get("Mood") or "Fut" in c.morph.get("Tense")):
                return True
    return False


def in_relative(token: Token) -> bool:
    """Inside a relative clause (« X, qu'elles accusent d'avoir dissimulé une fuite »): what
    it tells is background, not the sentence's news."""
    t = token
    for _ in range(12):
        if t.head == t:
            return False
        if t.dep_ == "acl:relcl" or any(c.pos_ == "PRON" and "Rel" in c.morph.get("PronType") and c.i < t.i for c in t.children):
            return True  # (the parser may hang the relative as a complement clause, with its pronoun)
        t = t.head
    return False


def is_pluperfect(verb: Token | None) -> bool:
    """Plus-que-parfait (« s'était produite », « avait été publié »): before the time the
    sentence speaks of, so the news of the day never dates it."""
    if verb is None:
        return False
    aux = grammar().get("auxiliary", frozenset())
    return any(c.dep_.startswith("aux") and norm(c.lemma_) in aux and "Imp" in c.morph.get("Tense") for c in verb.children)


def is_past(verb: Token | None) -> bool:
    """Passé composé, plus-que-parfait, infinitif passé (auxiliary + participle) or passé simple,
    on the verb or on the verb its infinitive completes (« a déclaré avoir passé »)."""
    if verb is None:
        return False
    aux = grammar().get("auxiliary", frozenset())
    for v in [verb, *xcomp_heads(verb)]:
        if "Part" in v.morph.get("VerbForm") and any(c.dep_.startswith("aux") and norm(c.lemma_) in aux for c in v.children):
            return True
        if "Past" in v.morph.get("Tense") and "Fin" in v.morph.get("VerbForm"):
            return True
    return False
