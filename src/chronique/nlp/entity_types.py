"""Types and boundaries that spaCy's French models get wrong, fixed from language data.

Run on the cleaned candidates of :mod:`entity_spans`, before clustering:

* the place of a dateline (« VALENCE-SUR-LOIRE — ») is a LOC (spaCy reads
  upper-case words as a person or an organisation);
* a name led by an organisation head (``org_heads.yaml``: « Association X »,
  « Lycée Y », « AS X », « X FC ») or right after one in lower case (« la
  société X ») is an ORG; the head's « de / du / de la + Nom » complements join
  it (« Office public de l'habitat de la Vallée-Noire », « Conseil des
  ministres »); a score glued to a club (« US X 29-27 ») is cut off;
* a portfolio right after a title (« ministre de l'Agriculture », « ministre
  d'État », ``role_complements.yaml``) is part of the role, not a mention;
* an acronym right after a title (« délégué XYZ ») is the ORG the person belongs to;
* a name led by a lower-case place head (``place_heads.yaml``: « rue X »,
  « place de la Y », « lac Z ») is a LOC, even when X is a person's name;
* a one-word country or capital (``countries.yaml``) spaCy typed otherwise votes LOC;
* a capitalised plural demonym (« les Ukrainiens », ``demonym_suffixes.yaml``)
  names people, not a place: MISC.

A fixed label is recorded as ``Candidate.forced`` and wins its cluster's vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from chronique import langdata
from chronique.nlp.entity_lexicon import EMPTY, Lexicon
from chronique.nlp.entity_names import strip_accents
from chronique.nlp.entity_spans import Candidate
from chronique.nlp.entity_titles import TitleHit
from chronique.nlp.places import is_country_or_capital

_DASHES = "—–"
_UPPER_WORDS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]*(?:[ \-][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]*){0,5}"
_OPENING_DATELINE = re.compile(
    r"\s*(?P<place>" + _UPPER_WORDS + r")(?:\s*,[^\n—–()]{1,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*(?:—|–|--)(?=\s)"
)
_PLACE_PART = re.compile(_UPPER_WORDS)
_SCORE = re.compile(r"^\d{1,3}(?:[-–/]\d{1,3})?$|^[-–/]$")
_PREPS = {"de", "du", "des", "d’", "d'"}
_ARTICLES = {"la", "l’", "l'"}
_PLURAL_DETS = {"les", "des", "aux", "ces", "nos", "vos", "leurs", "plusieurs", "quelques", "certains", "certaines", "deux", "trois", "nombreux", "nombreuses"}
_PLACE_PREPS = {"à", "en", "au", "aux", "vers", "depuis"}
_PEOPLE_PLACE_PREPS = _PLACE_PREPS - {"aux"}  # « aux Lorvinois » gives to people as often as it goes somewhere
_INDEFINITE = {"un", "une"}
_LEADING_ARTICLES = {"les", "le", "la", "l’", "l'"}


@dataclass(frozen=True, slots=True)
class _Heads:
    words: dict[str, bool]  # lower-case head -> takes « de » complements
    abbreviations: frozenset[str]
    trailing: frozenset[str]  # case-sensitive words closing a trade name (« X Mining »)


@lru_cache(maxsize=1)
def _heads() -> _Heads:
    words: dict[str, bool] = {}
    abbr: set[str] = set()
    trailing: set[str] = set()
    for e in langdata.load("org_heads"):
        forms = [e["head"], *(e.get("forms") or [])]
        if e.get("trailing"):
            trailing.update(forms)
            continue
        if e.get("abbreviation"):
            abbr.update(forms)
            continue
        for f in forms:
            words[f.lower()] = e.get("complement", True) is not False
    return _Heads(words, frozenset(abbr), frozenset(trailing))


def is_org_head(word: str) -> bool:
    """« groupe », « société », « association »…: a word that heads organisation names."""
    return word.lower() in _heads().words


@lru_cache(maxsize=1)
def _complements() -> frozenset[str]:
    return frozenset(strip_accents(f).lower() for e in langdata.load("role_complements") for f in [e["word"], *(e.get("forms") or [])])


@lru_cache(maxsize=1)
def _demonym_suffixes() -> tuple[tuple[str, bool], ...]:
    return tuple(sorted(((e["suffix"], e["strong"]) for e in langdata.load("demonym_suffixes")), key=lambda s: -len(s[0])))


def dateline_place(text: str, body_start: int) -> tuple[int, int] | None:
    """Character span of the dateline's place: the upper-case words before ``body_start``
    that end with a dash, or at the head of the first paragraph (« LYON (AFP) — »)."""
    if body_start > 0:
        ls = text.rfind("\n", 0, max(body_start - 1, 0)) + 1
        seg = text[ls:body_start].rstrip()
        if seg and seg[-1] in _DASHES + "-":
            m = _PLACE_PART.match(seg.lstrip())
            if m:
                off = ls + len(seg) - len(seg.lstrip())
                return off + m.start(), off + m.end()
    m = _OPENING_DATELINE.match(text, body_start)
    if m and len(m["place"]) >= 2:
        return m.start("place"), m.end("place")
    return None


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    return frozenset(f for e in langdata.load("place_heads") for f in [e["head"], *(e.get("forms") or [])])


def _place_head(doc: Doc, c: Candidate) -> bool:
    """« rue Anne-Morel », « place de la Gare », « lac X »: a name led by a lower-case place head
    (``place_heads.yaml``), inside the span or just before it (then the span takes it in)."""
    heads = _place_heads()
    first = doc[c.first]
    person = c.label == "PER"  # « à la place de X » (instead of X), « la seconde place de X »: a person
    if c.last > c.first and first.text[:1].islower() and first.lower_ in heads:
        return not (person and doc[c.first + 1].lower_ in _PREPS)
    if c.honorific is not None:
        return False
    p = c.first - 1
    if p >= 0 and doc[p].lower_ in _ARTICLES:
        p -= 1
    if p >= 0 and doc[p].lower_ in _PREPS:
        if person:
            return False
        p -= 1
    if p < 0 or not (doc[p].text[:1].islower() and doc[p].lower_ in heads) or any("\n" in doc[k].whitespace_ for k in range(p, c.first)):
        return False
    c.first = p
    c.start = c.key_start = doc[p].idx
    return True


def _cut_scores(doc: Doc, c: Candidate) -> None:
    """« US X 29-27 » -> « US X »."""
    k = c.last
    while k > c.first and (_SCORE.match(doc[k].text) or doc[k].is_space):
        k -= 1
    if k != c.last:
        c.last = k
        c.end = doc[k].idx + len(doc[k].text)


def _org_head(doc: Doc, c: Candidate, text: str) -> bool | None:
    """True/False (takes complements or not) when the candidate is led, closed or preceded by an
    organisation head; None otherwise."""
    heads = _heads()
    if c.last > c.first and doc[c.first].lower_ in ("les", "le", "la") and doc[c.first + 1].lower_ in heads.words:
        c.first += 1  # « Les Forges de X »: the article belongs to the sentence, not to the name
        c.start = c.key_start = doc[c.first].idx
    first, last = doc[c.first], doc[c.last]
    if first.text in heads.abbreviations and c.last > c.first:
        return True
    if (last.text in heads.abbreviations or last.text in heads.trailing) and c.last > c.first:
        return False
    low = first.lower_
    if low in heads.words:
        # « Stade de France » is a venue; « Stade Lorvinois » a club
        takes = heads.words[low]
        nxt = doc[c.first + 1].lower_ if c.last > c.first else ""
        if not takes and nxt in _PREPS:
            return None
        return takes
    two = f"{low} {doc[c.first + 1].lower_}" if c.last > c.first else ""
    if two in heads.words:
        return heads.words[two]
    # the head just before, in lower case or as an abbreviation: « la société X », « l'US X »
    p = c.first - 1
    if p >= 0 and c.honorific is None:
        prev = doc[p]
        if prev.text in heads.abbreviations:
            c.first = p
            c.start = c.key_start = prev.idx
            return True
        person = c.label == "PER" and c.last > c.first  # « le conseil Anne Morel » is rare, a misparse likelier
        if prev.lower_ in heads.words and prev.text[:1].islower() and not person:
            return None if not heads.words[prev.lower_] else False
    return None


def _preceding_lower_head(doc: Doc, c: Candidate) -> bool:
    p = c.first - 1
    return p >= 0 and doc[p].text[:1].islower() and doc[p].lower_ in _heads().words


def _extend_org(doc: Doc, c: Candidate, alone: bool, taken: dict[int, int], people: frozenset[int] = frozenset()) -> set[int]:
    """Extend an organisation over « de / du / de la + Nom » complements; return absorbed candidates."""
    absorbed: set[int] = set()
    k = c.last + 1
    lower_ok = alone  # a bare head takes a common-noun complement (« Conseil des ministres »)
    for _ in range(4):
        if k >= len(doc) or "\n" in doc[k - 1].whitespace_:
            break
        m = k
        if lower_ok:
            while m < len(doc) and doc[m].pos_ == "ADJ" and doc[m].text[:1].islower() and m - k < 2:
                m += 1
        if m >= len(doc) or doc[m].lower_ not in _PREPS:
            break
        m += 1
        if m < len(doc) and doc[m].lower_ in _ARTICLES:
            m += 1
        if m >= len(doc):
            break
        t = doc[m]
        if t.text[:1].isupper() and t.is_alpha and not t.is_upper and m not in people:
            e = m
            while e + 1 < len(doc) and e + 1 not in people and "\n" not in doc[e].whitespace_ and (
                (doc[e + 1].text[:1].isupper() and doc[e + 1].is_alpha and not doc[e + 1].is_upper) or doc[e + 1].text == "-"
            ):
                e += 1
            while doc[e].text == "-":
                e -= 1
            # lower-case adjectives close the name (« Agence régionale … », « Affaires étrangères »)
            while e + 1 < len(doc) and doc[e + 1].pos_ == "ADJ" and doc[e + 1].text[:1].islower() and "\n" not in doc[e].whitespace_:
                e += 1
            for j in range(m, e + 1):
                if j in taken:
                    absorbed.add(taken[j])
            lower_ok = False
        elif lower_ok and t.pos_ == "NOUN" and t.text[:1].islower() and t.is_alpha:
            e = m
            while e + 1 < len(doc) and doc[e + 1].pos_ == "ADJ" and doc[e + 1].text[:1].islower():
                e += 1
        else:
            break
        c.last = e
        c.end = doc[e].idx + len(doc[e].text)
        k = e + 1
    return absorbed


def _after_title(doc: Doc, c: Candidate, title_ends: dict[int, TitleHit], dropped_ends: set[int]) -> tuple[TitleHit | None, int]:
    """« ministre [russe] des Affaires … », « président de la République »: the title before the
    candidate (at most two lower-case words, a preposition and an article between) and how many
    words lie between; « … de l'Économie et des Finances » follows a dropped portfolio."""
    k = c.first - 1
    if k >= 0 and doc[k].lower_ in _ARTICLES:
        k -= 1
    if k < 0 or doc[k].lower_ not in _PREPS:
        return None, 0
    k -= 1
    if k > 0 and doc[k].lower_ == "et" and (
        doc[k - 1].idx + len(doc[k - 1].text) in dropped_ends or strip_accents(doc[k - 1].text).lower() in _complements()
    ):
        return TitleHit(0, 0, "", "title", "any", False), 0
    for between in range(3):
        if k < 0:
            return None, 0
        t = doc[k]
        if t.idx + len(t.text) in title_ends:
            return title_ends[t.idx + len(t.text)], between
        if not (t.text[:1].islower() and t.is_alpha):
            return None, 0
        k -= 1
    return None, 0


def _acronym_after_title(doc: Doc, c: Candidate, title_ends: dict[int, TitleHit]) -> bool:
    """« délégué XYZ », « la militante ABC »: an acronym right after a title is the body the person belongs to."""
    if c.first != c.last or c.first == 0:
        return False
    word = doc[c.first].text
    prev = doc[c.first - 1]
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and prev.idx + len(prev.text) in title_ends


@lru_cache(maxsize=1)
def _org_titles() -> frozenset[str]:
    """Titles whose « de + Nom » complement is an organisation (« le directeur de X »)."""
    return frozenset(e["title"] for e in langdata.load("titles") if e.get("complement") == "org")


def _is_complement(doc: Doc, c: Candidate, text: str) -> bool:
    word = strip_accents(doc[c.first].text).lower()
    if word in _complements():
        return True
    return False


def _used_as_place(word: str, text: str, preps: set[str] = _PLACE_PREPS) -> bool:
    """The document writes « à X », « en X », « au X » somewhere."""
    for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
        before = text[max(0, m.start() - 6) : m.start()].split()
        if before and before[-1].lower() in preps:
            return True
    return False


@lru_cache(maxsize=4096)
def _demonym_ending(low: str) -> tuple[bool, bool] | None:
    """(matched, strong) for a plural demonym ending, or its singular (« -ien » of « -iens »)."""
    for suffix, strong in _demonym_suffixes():
        if len(low) > len(suffix) + 1 and (low.endswith(suffix) or (suffix.endswith("s") and low.endswith(suffix[:-1]))):
            return low.endswith(suffix), strong
    return None


def _demonym(doc: Doc, c: Candidate, text: str, lexicon: Lexicon = EMPTY) -> bool:
    """A capitalised nationality noun: plural (« Ukrainiens », « les Marseillais », « des
    millions de Lorvinois ») or after « un / une » (« un Lorvinien »). The language's adjectives
    (« lorvinois ») confirm a demonym without its plural article; the suffix alone needs one."""
    k = c.first
    if doc[k].lower_ in _LEADING_ARTICLES and k < c.last:
        k += 1
    if k != c.last:
        return False
    t = doc[k]
    w = t.text
    if not (w[:1].isupper() and w.isalpha()) or w.isupper():
        return False
    low = w.lower()
    ending = _demonym_ending(low)
    if ending is None:
        return False
    plural, strong = ending
    prev = doc[k - 1].lower_ if k > 0 else ""
    if lexicon.adjective(w) and (plural or prev in _INDEFINITE):
        pass  # « Lorvinois », « un Lorvinien »: the adjective is in the language's lexicon
    elif not plural or (not strong and prev not in _PLURAL_DETS):
        return False
    if _used_as_place(w, text, _PEOPLE_PLACE_PREPS):
        return False
    if k != c.first:
        c.first = k
        c.start = c.key_start = t.idx
    return True


def apply(
    doc: Doc, cands: list[Candidate], titles: list[TitleHit], text: str, body_start: int, lexicon: Lexicon = EMPTY
) -> list[Candidate]:
    """Fix labels and boundaries in place; return the candidates kept (text order)."""
    place = dateline_place(text, body_start)
    title_ends = {h.end: h for h in titles if h.kind == "title"}
    taken: dict[int, int] = {}
    for i, c in enumerate(cands):
        for k in range(c.first, c.last + 1):
            taken[k] = i
    drop: set[int] = set()
    dropped_ends: set[int] = set()
    # a person spaCy found after an organisation's complement stays a person (« … de Valcourt Anne Morel »)
    people = frozenset(k for c in cands if c.label == "PER" and c.last > c.first for k in range(c.first, c.last + 1))
    for i, c in enumerate(cands):
        if i in drop:
            continue
        if place is not None and place[0] <= c.key_start and c.end <= place[1] + 1:
            c.forced = "LOC"
            continue
        _cut_scores(doc, c)
        if _place_head(doc, c):
            c.label = c.forced = "LOC"
            continue
        head = _org_head(doc, c, text)
        if head is not None:
            c.forced = "ORG"
            if head:
                alone = c.first == c.last
                absorbed = _extend_org(doc, c, alone, taken, people) - {i}
                drop |= absorbed
            continue
        if title_ends and c.honorific is None and _acronym_after_title(doc, c, title_ends):
            c.forced = "ORG"
            continue
        if title_ends and c.honorific is None:
            hit, between = _after_title(doc, c, title_ends, dropped_ends)
            if hit is not None and _is_complement(doc, c, text):
                drop.add(i)
                dropped_ends.add(c.end)
                continue
            if hit is not None and between == 0 and hit.title in _org_titles() and not _used_as_place(doc[c.first].text, text):
                c.forced = "ORG"
                continue
        if c.label in ("LOC", "MISC", "ORG", "PER") and c.honorific is None and _demonym(doc, c, text, lexicon):
            c.forced = "MISC"
        elif c.label != "LOC" and c.honorific is None and c.first == c.last and is_country_or_capital(text[c.key_start : c.end]):
            c.label = "LOC"  # « l'Irak a signé »: a country's vote, not a forced label (a namesake keeps its own)
        c.after_place = c.first > 0 and doc[c.first - 1].lower_ == "à"
    out = [c for i, c in enumerate(cands) if i not in drop]
    if place is not None and not any(c.key_start < place[1] and place[0] < c.end for c in out):
        span = doc.char_span(place[0], place[1], alignment_mode="contract")
        if span is not None and len(span):
            out.append(Candidate(place[0], place[1], place[0], "LOC", span.start, span.end - 1, forced="LOC"))
            out.sort(key=lambda c: c.start)
    return out
