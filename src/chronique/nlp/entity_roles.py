"""Titles and roles attached to the name they describe.

Two French constructions are read, both from the titles of ``titles.yaml``:

* a title before the name, with its complement: « le président russe X »,
  « la porte-parole de l’Élysée Y », « le porte-parole du gouvernement, Z »;
* an apposition after the name: « X, conseiller diplomatique du Premier ministre, ».

The complement may hold adjectives, nouns, prepositions and other names
(organisations, places), but no verb, and the words just before the name may not
be a preposition or an article (« un conseiller de X » does not make X a
counsellor). A role is strong evidence that the name is a person's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.symbols import PROPN
from spacy.tokens import Doc

from chronique.nlp.entity_spans import Candidate
from chronique.nlp.entity_titles import TitleHit

_COMPLEMENT_POS = {"ADJ", "ADP", "DET", "NOUN", "PROPN"}
_NOT_LAST_POS = {"ADP", "DET", "CCONJ"}
_DEFINITE = {"le", "la", "l’", "l'"}
_COORDINATED = {"de", "des", "du", "d’", "d'"}
MAX_ROLE_TOKENS = 9
MAX_GAP_CHARS = 90


class _Doc:
    """The doc with its text and token offsets read once (``Doc.text`` is rebuilt on every access)."""

    __slots__ = ("doc", "text", "starts")

    def __init__(self, doc: Doc, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)


def _complement_ok(doc: Doc, first: int, stop: int, inside: set[int]) -> bool:
    """Tokens ``first..stop-1`` can be a title's complement just before a name."""
    toks = [doc[k] for k in range(first, stop) if not doc[k].is_space]
    if toks and toks[-1].text == ",":
        toks = toks[:-1]
    if len(toks) > MAX_ROLE_TOKENS:
        return False
    for t in toks:
        if t.i in inside:
            continue
        if t.text in "’'-" or (t.pos_ in _COMPLEMENT_POS and t.text != ","):
            continue
        if t.lower_ == "et" and t.i + 1 < stop and doc[t.i + 1].lower_ in _COORDINATED:
            continue  # « ministre de l’Économie et des Finances »
        return False
    if toks:
        last = toks[-1]
        if last.i not in inside and (last.pos_ in _NOT_LAST_POS or last.text.endswith(("’", "'"))):
            return False
    return True


def _role_before(d: _Doc, c: Candidate, titles: list[TitleHit], starts: list[int], inside: set[int]) -> TitleHit | None:
    doc = d.doc
    k = bisect_right(starts, c.start) - 1
    while k >= 0:
        h = titles[k]
        if h.end <= c.start:
            break
        k -= 1
    if k < 0:
        return None
    h = titles[k]
    if h.kind != "title" or c.start - h.end > MAX_GAP_CHARS:
        return None
    first = d.token_at(h.end)
    stop = c.first if c.honorific is None else d.token_at(c.start)
    if not _complement_ok(doc, first, stop, inside):
        return None
    if "," in d.text[h.end : c.start]:
        # « le porte-parole de l’agence, Anne N., a dit » — not « avec le dirigeant, M. N. a dit »
        nxt = c.last + 1
        if nxt < len(doc) and not doc[nxt].is_punct:
            return None
    return h


def _role_text(doc: Doc, start: int, stop_token: int) -> tuple[int, int]:
    """Character span of a role from ``start`` to the end of token ``stop_token - 1``, commas trimmed."""
    k = stop_token - 1
    while k >= 0 and (doc[k].is_space or doc[k].text == ","):
        k -= 1
    return start, doc[k].idx + len(doc[k].text)


_FEMININE_DET = {"la", "une", "cette"}
_MASCULINE_DET = {"le", "un", "ce", "cet"}


def _gender(d: _Doc, h: TitleHit) -> str:
    """The title's gender, or for an epicene title the article's (« la ministre »)."""
    if h.gender != "any":
        return h.gender
    k = d.token_at(h.start) - 1
    if k >= 0:
        w = d.doc[k].lower_
        if w in _FEMININE_DET:
            return "f"
        if w in _MASCULINE_DET:
            return "m"
    return "any"


def attach(doc: Doc, cands: list[Candidate], titles: list[TitleHit], text: str | None = None) -> None:
    """Set ``role`` (and ``role_gender``) on candidates introduced or followed by a title."""
    if not titles or not cands:
        return
    d = _Doc(doc, text)
    text = d.text
    titles = [h for h in titles if h.kind == "title"]
    starts = [h.start for h in titles]
    inside: set[int] = set()
    for c in cands:
        inside.update(range(c.first, c.last + 1))
    person_starts = {c.first for c in cands if c.label == "PER" or c.honorific is not None}
    if len(doc):
        arr = doc.to_array(["POS", "IS_TITLE"])
        person_starts |= {i for i in range(len(doc)) if arr[i, 0] == PROPN and arr[i, 1] and i not in inside}
    for c in cands:
        h = _role_before(d, c, titles, starts, inside)
        if h is not None:
            k = c.first if c.honorific is None else d.token_at(c.start)
            s, e = _role_text(doc, h.start, k)
            if e > s:
                c.role, c.role_gender = text[s:e].strip(), _gender(d, h)
                continue
        after = _role_after(d, c, titles, starts, person_starts)
        if after is not None:
            c.role, c.role_gender = after


def _participle(t) -> bool:
    """« sortant », « chargé des transports »: a participle qualifying the title."""
    return t.is_lower and "Part" in t.morph.get("VerbForm")


def _title_at(titles: list[TitleHit], starts: list[int], char: int) -> bool:
    j = bisect_right(starts, char) - 1
    return j >= 0 and titles[j].start == char


def _role_after(
    d: _Doc, c: Candidate, titles: list[TitleHit], starts: list[int], person_starts: set[int]
) -> tuple[str, str] | None:
    """« X, conseiller du ministre, … »: the apposition after a comma."""
    doc, text = d.doc, d.text
    after = c.last + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    k = after + 1
    if k < len(doc) and doc[k].pos_ == "DET":
        if doc[k].lower_ not in _DEFINITE:
            return None  # « X, des délégués … » is a list, not an apposition
        k += 1
    if k >= len(doc):
        return None
    start = doc[k].idx
    if k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k].is_lower and _title_at(titles, starts, doc[k + 1].idx):
        k += 1  # « X, ancienne ministre », « X, actuel maire »: the adjective belongs to the role
    j = bisect_right(starts, doc[k].idx) - 1
    if j < 0 or titles[j].start != doc[k].idx:
        return None
    h = titles[j]
    m = k
    while m < len(doc) and doc[m].idx < h.end:
        m += 1
    while m < len(doc) and m - k < MAX_ROLE_TOKENS and not doc[m].is_space and doc[m].text != "," and (
        doc[m].pos_ in _COMPLEMENT_POS or doc[m].text in "’'-" or _participle(doc[m])
    ):
        if m in person_starts:
            return None  # « X, la porte-parole de l’agence Anne N. »: the title is Anne N.'s
        m += 1
    if m < len(doc) and not (doc[m].is_punct or doc[m].is_space):
        return None  # « selon X, le dirigeant a dit »: a subject, not an apposition
    n = m + 1 if m < len(doc) and doc[m].text == "," else m
    if n < len(doc) and n in person_starts:
        return None  # « X, le directeur de l’agence, Anne N. »: the title introduces the next name
    while m > k and (doc[m - 1].pos_ in _NOT_LAST_POS or doc[m - 1].text.endswith(("’", "'"))):
        m -= 1
    end = doc[m - 1].idx + len(doc[m - 1].text)
    if end <= h.start:
        return None
    return text[start:end], _gender(d, h)
