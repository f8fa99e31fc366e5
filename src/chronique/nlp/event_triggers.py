"""Event trigger words: which tokens of a parsed sentence name a typed happening.

The vocabulary lives in ``langdata/fr/event_types.yaml`` (a head lemma, its part of
speech, the type and family it signals, and optional ``with`` / ``without`` /
``reflexive`` conditions); the function words that shape a clause in
``event_grammar.yaml``. Lookup is one dictionary access per token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LEMMA, ORTH, POS
from spacy.symbols import IDS as _SYMBOLS
from spacy.tokens import Doc, Token

from chronique import langdata

# families of what is said rather than done: a quotation's cue gives them as a declaration
# by its speaker, and an article tells so many that a re-mention cannot pick one
SPOKEN = frozenset({"declaration", "announcement"})
# a disaster's centre (« épicentre ») says where it struck; deaths on its day are its own
DISASTER, DEATH = "disaster", "death"
_REFLEXIVE = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    family: str
    pos: str  # VERB | NOUN
    with_: frozenset[str]
    without: frozenset[str]
    reflexive: bool


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[Trigger, ...]]:
    """Triggers by head lemma, conditional ones first (they are more specific)."""
    table: dict[str, list[Trigger]] = defaultdict(list)
    for e in langdata.load("event_types"):
        t = Trigger(
            type=e["type"],
            family=e["family"],
            pos=e["pos"],
            with_=frozenset(_norm(w) for w in e.get("with") or ()),
            without=frozenset(_norm(w) for w in e.get("without") or ()),
            reflexive=bool(e.get("reflexive")),
        )
        table[_norm(e["lemma"])].append(t)
    return {k: tuple(sorted(v, key=lambda t: (not t.with_, not t.reflexive))) for k, v in table.items()}


@lru_cache(maxsize=1)
def grammar() -> dict[str, frozenset[str]]:
    """Function words of ``event_grammar.yaml`` by role (modal, purpose, place, …)."""
    roles: dict[str, set[str]] = defaultdict(set)
    for e in langdata.load("event_grammar"):
        roles[e["role"]].add(_norm(e["word"]))
    return {k: frozenset(v) for k, v in roles.items()}


@lru_cache(maxsize=None)
def family_of(event_type: str) -> str:
    """The family of a type (types absent from the lexicon are their own family)."""
    for triggers in lexicon().values():
        for t in triggers:
            if t.type == event_type:
                return t.family
    return event_type


def _near_words(token: Token) -> set[str]:
    """Lemmas and forms of the token's head, children and grandchildren; a source's words
    (« selon la présidence de la clinique ») say who reports it, not what happened."""
    out: set[str] = {_norm(token.head.lemma_), _norm(token.head.text)}
    sources = grammar().get("source", frozenset())
    for c in token.children:
        if any(g.dep_ == "case" and _norm(g.text) in sources for g in c.children):
            continue
        out.add(_norm(c.lemma_))
        out.add(_norm(c.text))
        for g in c.children:
            out.add(_norm(g.lemma_))
            out.add(_norm(g.text))
    return out


def _vetoed(token: Token, without: frozenset[str]) -> bool:
    """A veto preposition opens one of the next words' complements (« appel à … »,
    « appel de X à … »), unless it introduces a time (« appel prévu à 10h »)."""
    doc = token.doc
    for j in range(token.i + 1, min(len(doc), token.i + 5)):
        t = doc[j]
        if t.is_punct or (t.pos_ in ("VERB", "AUX") and t.dep_ != "acl"):
            return False
        if t.pos_ == "ADP" and _norm(t.text) in without:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            return not (nxt is not None and (nxt.pos_ == "NUM" or any(ch.isdigit() for ch in nxt.text)))
    return False


def _has_reflexive(token: Token) -> bool:
    return any(c.dep_.startswith("expl") or (c.pos_ == "PRON" and _norm(c.text) in _REFLEXIVE and c.i < token.i) for c in token.children)


def _swapped(token: Token) -> bool:
    """A noun the tagger read as the adjective of the adjective before it (« un puissant
    tremblement de terre »: « puissant » NOUN, « tremblement » ADJ + amod)."""
    head = token.head
    return token.pos_ == "ADJ" and token.dep_ == "amod" and head.i == token.i - 1 and head.pos_ in _NOUN_POS


def match(token: Token) -> Trigger | None:
    """The trigger this token heads, or None."""
    pos = token.pos_
    swapped = pos == "ADJ" and _swapped(token)  # (only an adjective can be a swapped noun: no head read for others)
    if swapped:
        pos = "NOUN"
    elif pos not in _NOUN_POS and pos not in _VERB_POS:
        return None
    candidates = lexicon().get(_norm(token.lemma_)) or lexicon().get(_norm(token.text))
    if not candidates:
        return None
    near: set[str] | None = None
    for t in candidates:
        if (t.pos == "VERB") != (pos in _VERB_POS):
            continue
        if t.pos == "VERB" and any(c.dep_ == "det" and c.i < token.i for c in token.children):
            continue  # a participle used as a noun (« une élue », « le tué ») names someone, not a happening
        if t.reflexive and not _has_reflexive(token):
            continue
        if t.with_:
            near = near if near is not None else _near_words(token) | (_near_words(token.head) if swapped else set())
            if not (t.with_ & near):
                continue
        if t.without and _vetoed(token, t.without):
            continue
        return t
    return None


_MATCHABLE_POS = frozenset(_SYMBOLS[p] for p in ("NOUN", "PROPN", "VERB", "AUX", "ADJ"))  # (ADJ: a swapped noun)
_NOUN = _SYMBOLS["NOUN"]
_NORMED: dict[int, str] = {}  # string hash -> the string normalised (_norm)
_MAX_NORMED = 500_000  # forgotten past this many strings (a long-running service)


def _normed(strings, key: int) -> str:
    got = _NORMED.get(key)
    if got is None:
        if len(_NORMED) >= _MAX_NORMED:
            _NORMED.clear()
        got = _NORMED[key] = _norm(strings[key])
    return got


def triggers(doc: Doc) -> list[tuple[Token, Trigger]]:
    """``match`` over every token of ``doc``, in order: (token, trigger) where one is found.

    Part of speech, lemma and form are read for all tokens at once (``Doc.to_array``), and a
    Token is built only where ``match`` can find something (a noun, verb or adjective whose lemma
    or form heads a trigger): most words of a text are neither, and building each is costly."""
    strings, heads = doc.vocab.strings, lexicon()
    out = []
    for i, (pos, lemma, orth) in enumerate(doc.to_array([POS, LEMMA, ORTH]).tolist()):
        if pos in _MATCHABLE_POS and (_normed(strings, lemma) in heads or _normed(strings, orth) in heads):
            token = doc[i]
            t = match(token)
            if t is not None:
                out.append((token, t))
    return out


def nouns_with_lemma(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens of ``doc`` tagged NOUN whose lemma, normalised, is one of ``words``, in order
    (read as in :func:`triggers`: a Token built only for those)."""
    strings = doc.vocab.strings
    return [doc[i] for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist())
            if pos == _NOUN and _normed(strings, lemma) in words]
