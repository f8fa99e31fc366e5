"""Candidate mentions from spaCy's entities, cleaned before anything trusts them.

spaCy's French models make a few kinds of span errors that this module repairs
with general rules (never lists of names):

* spans that run over a line break or the end of a heading/dateline are split;
* elided function words (« n’ », « qu’ », « l’ ») and punctuation at the edges are
  trimmed, and a span made only of function words is dropped;
* a person or place span stops at its last name word (« Lviv de travailler
  ensemble » -> « Lviv ») and is split at « à » / « de la » (« Olenko de
  la Serbie »);
* a span that is a title (« Premier ministre ») is dropped, and a title leading a
  span is cut off (« ministre … étrangères Anna Orlova » -> « Anna Orlova »);
* a lone capitalised word at the start of a sentence that the tagger does not
  read as a proper noun (« Dimanche », « Travailler ») is dropped unless the doc
  uses it elsewhere as a name;
* an honorific just before a name joins the span (« M. Durand ») and is kept
  apart from the name used for linking;
* two names glued together (« Élysée Claire Fabre ») are split when
  the document uses each part on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from chronique import langdata
from chronique.nlp.entity_lexicon import EMPTY, Lexicon
from chronique.nlp.entity_names import fold, is_name_particle, is_trailing_designator, strip_trailing_designator
from chronique.nlp.entity_titles import TitleHit

LABELS = ("PER", "ORG", "LOC", "MISC")
_FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART"}
_TRAILING_POS = _FUNCTION_POS | {"VERB", "ADV"}
_ELIDED = re.compile(r"^[^\W\d_]{1,7}['’ʼ]$")
_EDGE_PUNCT = "\"'‘’“”«»„‹›()[]{}<>–—-,;:.!?…/\\|*•·"
_SPLIT_WORDS = {"à", "au", "aux"}
_OPENERS = set("\"'‘“«„‹([—–-•")
_QUOTE_OPENERS = set("\"'‘“«„‹([")


@dataclass(slots=True)
class Candidate:
    """A mention being built: offsets into the doc, spaCy's label and the cues seen."""

    start: int  # span start (an honorific included)
    end: int
    key_start: int  # where the name proper starts
    label: str
    first: int  # first token of the name
    last: int  # last token of the name (inclusive)
    weight: float = 1.0  # weight of spaCy's label in the vote
    honorific: TitleHit | None = None
    weak: bool = False  # a lone sentence-initial word the tagger does not call a proper noun
    role: str | None = None
    role_gender: str | None = None
    forced: str | None = None  # a label fixed by a language rule (:mod:`entity_types`)
    after_place: bool = False  # right after « à » (« né à X »)


_HYPHENS = frozenset("-‐‑")


def _elided(t: Token) -> bool:
    return bool(_ELIDED.match(t.text))


def _cap(t: Token) -> bool:
    c = t.text.lstrip(_EDGE_PUNCT)[:1]
    return c.isupper() or c.isdigit()


def _edge_junk(t: Token) -> bool:
    return t.is_space or t.is_punct or _elided(t) or not t.text.strip(_EDGE_PUNCT)


def _line_is_heading(text: str, start: int, end: int) -> bool:
    """An all-capitals line of two words or more, without dateline marks."""
    if any(c.islower() for c in text[start:end]):
        return False
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)].strip()
    letters = [c for c in line if c.isalpha()]
    return (
        len(line.split()) >= 2
        and bool(letters)
        and all(c.isupper() for c in letters)
        and not any(c in line for c in "()—–0123456789")
    )


def _segments(doc: Doc, i: int, j: int, label: str, body_start: int) -> list[tuple[int, int]]:
    """Token ranges of one spaCy entity after splitting at line breaks, the body start and joins."""
    out: list[tuple[int, int]] = []
    s = i
    for k in range(i, j):
        t = doc[k]
        cut_before = k > s and (doc[k - 1].idx < body_start <= t.idx)
        if cut_before:
            out.append((s, k))
            s = k
        if t.is_space or "\n" in t.text:
            out.append((s, k))
            s = k + 1
            continue
        if label in ("PER", "LOC") and k > s:
            low = t.text
            if low in _SPLIT_WORDS or low == ",":
                out.append((s, k))
                s = k + 1
            elif label == "PER" and low in ("de", "d’", "d'") and k + 1 < j and doc[k + 1].lower_ in ("la", "l’", "l'", "les"):
                out.append((s, k))
                s = k + 1
        elif k == s + 1 and t.text in _SPLIT_WORDS and _cap(doc[s]) and _next_name(doc, k + 1, j):
            out.append((s, k))  # « Lviv à l’Union »: one name, a preposition, another name
            s = k + 1
        if "\n" in t.whitespace_:
            out.append((s, k + 1))
            s = k + 1
    out.append((s, j))
    return [(a, b) for a, b in out if b > a]


def _next_name(doc: Doc, k: int, j: int) -> bool:
    """A capitalised word at ``k`` (after an article if any), before ``j``."""
    if k < j and doc[k].lower_ in ("la", "le", "les", "l’", "l'"):
        k += 1
    return k < j and _cap(doc[k])


def _leading_function_word(t: Token) -> bool:
    """« Un », « Une », « A », « En » opening a sentence: an indefinite article or a preposition
    (not a name particle: « De X », « Le X », « La X » may be names)."""
    if t.pos_ == "DET":
        return "Ind" in t.morph.get("Definite")
    # a capital « À » often loses its accent, and the tagger then reads « A » as the verb
    return (t.pos_ == "ADP" and not is_name_particle(t.text)) or t.text in ("A", "À")


def _trim(doc: Doc, i: int, j: int, label: str) -> tuple[int, int]:
    while i < j and (_edge_junk(doc[i]) or (not _cap(doc[i]) and doc[i].pos_ in ("DET", "ADP", "CCONJ"))):
        i += 1
    if i + 1 < j and _cap(doc[i]) and _leading_function_word(doc[i]):
        i += 1  # « Un Vénitien », « A Lorvain »
        while i < j and not _cap(doc[i]):
            i += 1  # « Un cyclone en Bessarie »: the common noun phrase is not the name
    while j > i and (_edge_junk(doc[j - 1]) or (not _cap(doc[j - 1]) and doc[j - 1].pos_ in _TRAILING_POS)):
        j -= 1
    if label in ("PER", "LOC") and j > i:
        # stop at the last name word; lower-case adjectives may follow a name (Arabie saoudite)
        last = i
        chain = False
        for k in range(i, j):
            t = doc[k]
            if _cap(t):
                last, chain = k, True
            elif chain and t.pos_ == "ADJ" and t.is_alpha:
                last = k
            else:
                chain = False
        j = last + 1
    return i, j


def _char_trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT + " \t":
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT.replace(".", "") + " \t":
        end -= 1
    # a final dot belongs to an initial or an abbreviation only ("J.D.", "Inc.")
    if end > start and text[end - 1] == "." and not (end - start >= 2 and text[end - 2].isupper()):
        end -= 1
    return start, end


def _sentence_initial(doc: Doc, k: int) -> bool:
    if k == 0 or doc[k].is_sent_start:
        return True
    p = doc[k - 1]
    return p.is_space or "\n" in p.whitespace_ or p.text in _OPENERS or p.text in ".!?…:"


class _Index:
    """Title and honorific hits by position, for cheap lookups around a span."""

    def __init__(self, titles: list[TitleHit], honorifics: list[TitleHit]):
        self.titles = titles
        self.title_starts = [h.start for h in titles]
        self.title_at = {h.start: h for h in titles}
        self.honorific_end = {h.end: h for h in honorifics}
        self.honorific_at = {h.start: h for h in honorifics}
        self.long_titles = [h for h in titles if " " in h.title or "'" in h.title or "’" in h.title]

    def covering(self, char: int) -> TitleHit | None:
        """The title hit that holds character ``char``, if any."""
        k = bisect_left(self.title_starts, char + 1) - 1
        if k >= 0 and self.titles[k].start <= char < self.titles[k].end:
            return self.titles[k]
        return None

    def inside_title(self, start: int, end: int) -> bool:
        k = bisect_left(self.title_starts, end) - 1
        while k >= 0 and self.titles[k].start > start - 80:
            h = self.titles[k]
            if h.start <= start and end <= h.end:
                return True
            k -= 1
        return False


def _strip_title(doc: Doc, i: int, j: int, index: _Index) -> int:
    """First token after the titles that lead the span (and their lower-case complement), or i."""
    while i < j:
        hit = index.covering(doc[i].idx)
        if hit is None and doc[i].pos_ == "DET" and i + 1 < j and index.covering(doc[i + 1].idx) is not None:
            i += 1  # « Le Premier ministre de X »: the article goes with the title
            continue
        if hit is None:
            return i
        k = i
        while k < j and doc[k].idx < hit.end:
            k += 1
        last_lower = max((m for m in range(k, j) if not _cap(doc[m]) or _elided(doc[m])), default=k - 1)
        i = max(k, last_lower + 1)
    return i


@lru_cache(maxsize=1)
def _calendar_words() -> tuple[frozenset[str], frozenset[str]]:
    """Weekday and month names: a span led by one is a date, not a name (« Mardi 12 »)."""
    days = frozenset(e["name"] for e in langdata.load("temporal_weekdays"))
    months = frozenset(f for e in langdata.load("temporal_months") for f in [e["name"], *(e.get("forms") or [])])
    return days, months


def _not_a_name(doc: Doc, a: int, b: int) -> bool:
    """Dates (« Mardi 12 », « Mars 2024 ») and article-led phrases with no capital after the article."""
    days, months = _calendar_words()
    first = doc[a].lower_
    if first in days or (first in months and any(t.like_num for t in doc[a:b])):
        return True
    if doc[a].pos_ == "DET" and b - a > 1 and not any(_cap(t) for t in doc[a + 1 : b]):
        return True
    return False


def candidates(
    doc: Doc,
    body_start: int,
    titles: list[TitleHit],
    honorifics: list[TitleHit],
    text: str | None = None,
    lexicon: Lexicon = EMPTY,
) -> list[Candidate]:
    """Cleaned mention candidates in text order (labels still spaCy's, cues recorded).

    ``text`` is ``doc.text`` when the caller has it already (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    index = _Index(titles, honorifics)
    heading = _Heading(text, body_start, lexicon)
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in LABELS else "MISC"
        for a, b in _segments(doc, ent.start, ent.end, label, body_start):
            a, b = _trim(doc, a, b, label)
            if a >= b:
                continue
            hon = index.honorific_at.get(doc[a].idx)
            if hon is not None:  # spaCy included the honorific
                while a < b and doc[a].idx < hon.end:
                    a += 1
            a = _strip_title(doc, a, b, index)
            if a >= b or _not_a_name(doc, a, b):
                continue
            c = _make(doc, text, a, b, label, index, hon, heading)
            if c is not None:
                out.append(c)
    out.extend(_honorific_names(doc, text, out, index))
    out.sort(key=lambda c: c.start)
    out = _join_adjacent(doc, text, out)
    _extend_right(doc, out)
    out = _split_glued(doc, text, out)
    out = _split_after_title_complement(doc, out, index)
    out.extend(_missed_surnames(doc, text, out))
    out.sort(key=lambda c: c.start)
    return _drop_weak(doc, text, out)


MAX_HEADLINE_WORDS = 15  # a longer first line is the article's first paragraph, not its title


class _Heading:
    """Where the headline ends, and the common nouns that open headlines and rubrics."""

    def __init__(self, text: str, body_start: int, lexicon: Lexicon):
        first = len(text) - len(text.lstrip())
        line_end = text.find("\n", first)
        short = line_end >= 0 and len(text[first:line_end].split()) <= MAX_HEADLINE_WORDS
        self.end = max(body_start, line_end if short else 0)
        self.lexicon = lexicon
        from chronique.nlp.entity_types import is_org_head  # entity_types builds on this module

        self.org_head = is_org_head

    def rubric_word(self, doc: Doc, a: int) -> bool:
        """A common noun opening the headline or standing as a sentence of its own (« SONDAGE. »,
        « Naufrage : »): the tagger calls these proper nouns, the lexicon knows them."""
        t = doc[a]
        nxt = doc[a + 1].text if a + 1 < len(doc) else "."
        return (t.idx < self.end or nxt in (".", ":")) and self.lexicon.common_noun(t.text)


def _after_sentence_end(doc: Doc, k: int) -> bool:
    """Token ``k`` opens a sentence for sure: nothing before it, or a full stop, a colon, a dash,
    or the end of a line that does not stop on a function word (« de la⏎Suisse » runs on)."""
    p = k - 1
    line_break = False
    while p >= 0 and doc[p].is_space:
        line_break = line_break or "\n" in doc[p].text
        p -= 1
    if p < 0:
        return True
    prev = doc[p]
    if prev.is_punct:
        return prev.text not in ",;(«\"'‘“„‹"
    return (line_break or "\n" in prev.whitespace_) and prev.pos_ not in _FUNCTION_POS


def _weak(doc: Doc, a: int, b: int, heading: _Heading, index: _Index) -> bool:
    """A sentence-initial span that is no name unless the document uses it elsewhere: one word
    the tagger does not call a proper noun, a rubric word, or a capitalised common noun and the
    lower-case words after it (« Naufrage tragique », « Coups de feu », « Hier soir »)."""
    if not _sentence_initial(doc, a):
        return False
    first = doc[a]
    if b - a == 1:
        return first.pos_ != "PROPN" or (_after_sentence_end(doc, a) and heading.rubric_word(doc, a))
    if not _after_sentence_end(doc, a):
        return False
    if a > 0 and doc[a - 1].text in _QUOTE_OPENERS:
        return False  # « (Union des … ) », « « Amis de la terre » »: a name spelt out or quoted
    # a capital that opens a title is no name's (« Démission du Premier ministre »)
    if any(_cap(t) and index.covering(t.idx) is None for t in doc[a + 1 : b] if not t.is_punct) or heading.org_head(first.text):
        return False
    return first.pos_ != "PROPN" or heading.lexicon.common_noun(first.text)


def _make(
    doc: Doc, text: str, a: int, b: int, label: str, index: _Index, hon: TitleHit | None, heading: _Heading
) -> Candidate | None:
    start, end = _char_trim(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
    if end - start <= 1:
        return None  # a lone letter is a unit (« 5 000 F »), not a name
    words = [t for t in doc[a:b] if not _edge_junk(t)]
    if not words or not any(_cap(t) for t in words):
        return None
    if index.inside_title(start, end) or _line_is_heading(text, start, end):
        return None
    if hon is None:
        prev = index.honorific_end.get(start - 1) or index.honorific_end.get(start - 2)
        if prev is not None and text[prev.end : start].isspace():
            hon = prev
    span_start = hon.start if hon is not None and hon.end <= start else start
    weak = hon is None and _weak(doc, a, b, heading, index)
    return Candidate(span_start, end, start, label, a, b - 1, honorific=hon, weak=weak)


def _honorific_names(doc: Doc, text: str, found: list[Candidate], index: _Index) -> list[Candidate]:
    """Names after an honorific that spaCy missed (« Mme Dupont », « MM. Untel »)."""
    covered = {c.key_start for c in found}
    out = []
    for end, hon in index.honorific_end.items():
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is None:
            continue
        k = span.end
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k >= len(doc) or doc[k].idx in covered or not _cap(doc[k]) or any(c.first <= k <= c.last for c in found):
            continue
        m = k
        while m + 1 < len(doc) and m - k < 3 and _cap(doc[m + 1]) and doc[m + 1].pos_ == "PROPN":
            m += 1
        start, stop = _char_trim(text, doc[k].idx, doc[m].idx + len(doc[m].text))
        if start < stop:
            out.append(Candidate(hon.start, stop, start, "PER", k, m, weight=0.0, honorific=hon))
    return out


def _extend_right(doc: Doc, cands: list[Candidate]) -> None:
    """A name goes on over capitalised proper nouns right after it that no mention holds."""
    taken = set()
    for c in cands:
        taken.update(range(c.first, c.last + 1))
    for c in cands:
        k = c.last + 1
        while (
            k < len(doc)
            and k not in taken
            and ((doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].is_alpha) or (c.label != "PER" and is_trailing_designator(doc[k].text)))
            and doc[k - 1].whitespace_ == " "
            and doc[k - 1].is_alpha  # spaCy may start a sentence there; a name word may not
        ):
            taken.add(k)
            c.last = k
            c.end = doc[k].idx + len(doc[k].text)
            k += 1
        # « Aubert-Kervella »: the tokenizer splits an unknown hyphenated surname; the name holds both halves
        while (
            k + 1 < len(doc)
            and k not in taken
            and k + 1 not in taken
            and doc[k].text in _HYPHENS
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
            and doc[k + 1].is_title
            and doc[k + 1].is_alpha
        ):
            taken.update((k, k + 1))
            c.last = k + 1
            c.end = doc[k + 1].idx + len(doc[k + 1].text)
            k += 2


def _join_adjacent(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a lone word and the name right after it that spaCy cut in two (« Anna/ORG Orlova/LOC »)."""
    out: list[Candidate] = []
    for c in cands:
        p = out[-1] if out else None
        if (
            p is not None
            and p.first == p.last
            and p.last + 1 == c.first
            and text[p.end : c.start] == " "
            and c.honorific is None
            and not p.weak
            and not c.weak
            and doc[p.first].is_alpha
            and doc[p.first].is_title
            and doc[c.first].is_title
        ):
            label = "PER" if "PER" in (p.label, c.label) else c.label
            out[-1] = Candidate(p.start, c.end, p.key_start, label, p.first, c.last, weight=min(p.weight, c.weight), honorific=p.honorific)
        else:
            out.append(c)
    return out


def _split_glued(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Split « A B » into two mentions when the doc uses A and B (or B's last word) apart."""
    keys: dict[str, str] = {}
    for c in cands:
        if c.last - c.first <= 3 or c.honorific is not None:
            keys.setdefault(fold(text[c.key_start : c.end]), c.label)
    person_words = {fold(text[doc[c.last].idx : c.end]) for c in cands if c.label == "PER" or c.honorific}
    out: list[Candidate] = []
    for c in cands:
        if c.last - c.first < 2:
            out.append(c)
            continue
        done = False
        for k in range(c.first + 1, c.last):
            left = fold(text[c.key_start : doc[k - 1].idx + len(doc[k - 1].text)])
            right_last = fold(doc[c.last].text)
            if left in keys and right_last in person_words and _cap(doc[k]):
                out.append(Candidate(c.start, doc[k - 1].idx + len(doc[k - 1].text), c.key_start, keys[left], c.first, k - 1, weight=0.0, honorific=c.honorific))
                out.append(Candidate(doc[k].idx, c.end, doc[k].idx, "PER", k, c.last, weight=0.5))
                done = True
                break
        if not done:
            out.append(c)
    return out


_OF = {"de", "du", "des", "d’", "d'"}


def _after_title_of(doc: Doc, k: int, index: _Index) -> bool:
    """Token ``k`` follows « title [lower-case words] de / du / des [article] » (« le patron du »)."""
    p = k - 1
    if p >= 0 and doc[p].lower_ in ("la", "l’", "l'"):
        p -= 1
    if p < 0 or doc[p].lower_ not in _OF:
        return False
    p -= 1
    for _ in range(3):
        if p < 0:
            return False
        if index.covering(doc[p].idx) is not None:
            return True
        if not (doc[p].is_lower and doc[p].is_alpha):
            return False
        p -= 1
    return False


def _split_after_title_complement(doc: Doc, cands: list[Candidate], index: _Index) -> list[Candidate]:
    """« le patron du groupe Lorvex Anne Morel », « le président de Valcourt Paul Vernier »: spaCy
    glues the title's complement to the name after it; the last two capitalised words (with a
    particle: « Anne de Morel ») are the person, the rest the organisation or place."""
    out: list[Candidate] = []
    for c in cands:
        n = c.last - c.first + 1
        if n < 3 or c.honorific is not None or not _after_title_of(doc, c.first, index):
            out.append(c)
            continue
        k = c.last - 1
        if k - 1 > c.first and is_name_particle(doc[k].text) and doc[k].is_lower:
            k -= 1
        given, sur = doc[k], doc[c.last]
        left_end = k - 1
        while left_end > c.first and doc[left_end].is_punct:
            left_end -= 1
        glued = not doc[k - 1].whitespace_ or doc[k - 1].text in _HYPHENS or not doc[k].whitespace_  # « Bâti-Rénov Atlantique »
        if glued or not (given.is_title and given.is_alpha and sur.text[:1].isupper() and left_end >= c.first and _cap(doc[left_end])):
            out.append(c)
            continue
        end_left = doc[left_end].idx + len(doc[left_end].text)
        label = "ORG" if c.label == "PER" else c.label
        out.append(Candidate(c.start, end_left, c.key_start, label, c.first, left_end, weight=0.5))
        out.append(Candidate(given.idx, c.end, given.idx, "PER", k, c.last, weight=1.0))
    return out


def _missed_surnames(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Short forms spaCy did not tag of names it tagged in full elsewhere in the doc: the last
    name of a person named in full, a company's name without its designator (« X Mining » -> « X »)."""
    short: dict[str, str] = {}
    for c in cands:
        if c.label == "PER" and c.last > c.first and _cap(doc[c.last]):
            short.setdefault(doc[c.last].text, "PER")
        elif c.label != "PER" and c.last > c.first:
            name = strip_trailing_designator(text[c.key_start : c.end])
            if name is not None and " " not in name:
                short.setdefault(name, "ORG")
    if not short:
        return []
    taken = set()
    for c in cands:
        taken.update(range(c.first, c.last + 1))
    out = []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(short, key=len, reverse=True))) + r")(?!\w)")
    for m in pattern.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        t = span[0]
        if t.i not in taken and (t.pos_ == "PROPN" or (short[t.text] == "ORG" and t.pos_ in ("NOUN", "ADJ", "VERB"))):
            out.append(Candidate(t.idx, t.idx + len(t.text), t.idx, short[t.text], t.i, t.i, weight=0.5))
    return out


def _drop_weak(doc: Doc, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Keep a weak lone word only when the doc also uses it as a name elsewhere."""
    strong = {fold(text[c.key_start : c.end]) for c in cands if not c.weak}
    strong |= {fold(n) for c in cands if not c.weak and (n := strip_trailing_designator(text[c.key_start : c.end]))}
    return [c for c in cands if not c.weak or fold(text[c.key_start : c.end]) in strong]
