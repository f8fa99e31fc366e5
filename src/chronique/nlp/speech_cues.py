"""Verbs of saying found in the text: « a déclaré », « a-t-il ajouté », « s'est félicité ».

The words come from ``langdata/fr/speech_verbs.yaml``; the inflected forms of
regular -er verbs and the inverted subjects (« -t-il », « dit-elle ») are built
here by rule, so the data file stays a list of verbs. Matching works on a cheap
word split of a few dozen characters around each quote, not on spaCy tokens, so
it also reads incises inside quotes that the parser mangles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from chronique import langdata

_WORDS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_INVERSION = re.compile(r"^(?P<base>.+?)(?P<inv>-t-(?:il|elle|on|ils|elles)|-(?:il|elle|on|ils|elles))$", re.I)
_ELISION = re.compile(r"^(?P<pre>(?:[sSdDnNlLmM]|[qQ]u)['’])(?P<rest>\w.*)$")
AUX_AVOIR = frozenset("a avait aurait ont avaient auraient aura auront eut".split())
AUX_ETRE = frozenset("est sont était étaient serait seraient sera fut".split())
_NOT_PARTICIPLE = re.compile(r"(?:ent|ait|aient|ant|ra|rait|er|re|ir)$")
# A verb form right after one of these is a noun: « un communiqué », « sa déclaration », « l'annonce ».
DETERMINERS = frozenset("un une des du au aux ce cet cette ces son sa ses leur leurs notre votre".split())
OBJECT_OR_ARTICLE = frozenset("le la les l' l’".split())  # articles, or object pronouns before a verb (« il le dit »)
_PARTICIPLE_ONLY = ("é", "ée", "és", "ées")
SUBJECT_PRONOUNS = frozenset("il elle on ils elles qui je tu nous vous".split())
MAX_ADVERBS = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    forms: dict[str, str]  # inflected form -> lemma (single words)
    multi: dict[tuple[str, ...], str]  # multi-word forms ("fait valoir") -> lemma
    participles: frozenset[str]
    types: dict[str, str]  # lemma -> type
    nouns: dict[str, str]  # noun of saying -> lemma
    thoughts: frozenset[str] = frozenset()  # lemmas of wishing/believing: no speech in a participle clause
    objects: frozenset[str] = frozenset()  # lemmas whose noun object is what was said
    attributes: dict[str, str] = field(default_factory=dict)  # lemma -> reflexive | object | both (« se dit prête »)
    charges: frozenset[str] = frozenset()  # « accuse X d'avoir … »: object + « de + infinitive » reported


def _regular_forms(lemma: str) -> tuple[list[str], list[str]]:
    """Third-person forms and past participles of a regular -er verb."""
    stem = lemma[:-2]
    soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
    finite = [lemma, stem + "e", stem + "ent", soft + "a", stem + "èrent", soft + "ait", soft + "aient", soft + "ant",
              stem + "era", stem + "erait", stem + "eront"]
    participles = [stem + "é", stem + "ée", stem + "és", stem + "ées"]
    return finite, participles


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    forms: dict[str, str] = {}
    multi: dict[tuple[str, ...], str] = {}
    participles: set[str] = set()
    types: dict[str, str] = {}
    nouns: dict[str, str] = {}
    thoughts: set[str] = set()
    objects: set[str] = set()
    attributes: dict[str, str] = {}
    charges: set[str] = set()
    for entry in langdata.load("speech_verbs"):
        lemma = entry["lemma"]
        if entry.get("thought"):
            thoughts.add(lemma)
        if entry.get("object"):
            objects.add(lemma)
        if entry.get("attribute"):
            attributes[lemma] = entry["attribute"]
        if entry.get("charge"):
            charges.add(lemma)
        types[lemma] = entry.get("type") or "say"
        listed = list(entry.get("forms") or [])
        words = [lemma, *listed]
        if " " not in lemma and lemma.endswith("er"):
            finite, parts = _regular_forms(lemma)
            words += finite + parts
            participles.update(parts)
        participles.update(f.lower() for f in listed if " " not in f and not _NOT_PARTICIPLE.search(f))
        for w in words:
            key = tuple(w.lower().split())
            if len(key) == 1:
                forms.setdefault(key[0], lemma)
            else:
                multi.setdefault(key, lemma)
        for noun in entry.get("nouns") or []:
            nouns[noun.lower()] = lemma
    return Lexicon(forms, multi, frozenset(participles), types, nouns, frozenset(thoughts), frozenset(objects), attributes, frozenset(charges))


@dataclass(slots=True)
class Cue:
    """A speech-verb expression: its span, lemma and, when inverted, the subject pronoun span."""

    start: int
    end: int
    lemma: str
    pronoun: tuple[int, int] | None = None  # « il » of « a-t-il dit »
    participle_clause: bool = False  # « notant que … »: the subject is the main clause's
    type: str = "say"


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(text, start, end)]


def _split_inversion(w: str, s: int) -> tuple[str, tuple[int, int] | None]:
    m = _INVERSION.match(w)
    if not m:
        return w, None
    inv = m.group("inv")
    pron = inv.rsplit("-", 1)[1]
    end = s + len(w)
    return m.group("base"), (end - len(pron), end)


@lru_cache(maxsize=1)
def _multi_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word forms indexed by their first word, so each word costs one lookup."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, lemma in lexicon().multi.items():
        out.setdefault(key[0], []).append((key, lemma))
    return out


def _verb_at(ws: list[tuple[int, int, str]], i: int, lex: Lexicon, participle_only: bool):
    """(lemma, last word index, pronoun span) when a verb of saying starts at word ``i``."""
    if i >= len(ws):
        return None
    s, e, w = ws[i]
    base, pron = _split_inversion(w, s)
    low = base.lower()
    for key, lemma in _multi_by_first().get(low, ()):
        if tuple(x[2].lower() for x in ws[i : i + len(key)]) == key:
            return lemma, i + len(key) - 1, pron
    lemma = lex.forms.get(low)
    if lemma is None or (participle_only and low not in lex.participles):
        return None
    return lemma, i, pron


def match_cue(text: str, ws: list[tuple[int, int, str]], i: int) -> Cue | None:
    """The speech-verb expression starting at word ``i`` of ``ws``, or None.

    Reads « a déclaré », « a également ajouté », « a-t-il dit », « dit-elle »,
    « s'est félicité », « se dit », « estime », « précisant ».
    """
    lex = lexicon()
    if i >= len(ws):
        return None
    start = ws[i][0]
    prev = ws[i - 1][2].lower() if i > 0 else ""
    if _is_noun(ws, i, lex):
        return None
    ws = ws[i : i + 10]  # a cue spans a few words: work on a bounded window
    j = 0
    s, e, w = ws[0]
    elided = ""
    reflexive = False
    m = _ELISION.match(w)
    if w.lower() == "se":
        reflexive, j = True, 1
    elif m:
        # « s'est félicité » is reflexive; « d'ajouter », « n'a », « l'a », « m'a dit » only carry an elided word
        elided = m.group("pre").lower()
        reflexive = elided[0] == "s"
        ws[0] = (s + len(m.group("pre")), e, m.group("rest"))
    if j >= len(ws):
        return None
    s, e, w = ws[j]
    base, pron = _split_inversion(w, s)
    aux = base.lower() in AUX_AVOIR or (reflexive and base.lower() in AUX_ETRE)
    if aux:
        for k in range(j + 1, min(j + 2 + MAX_ADVERBS, len(ws))):
            hit = _verb_at(ws, k, lex, participle_only=True)
            if hit:
                lemma, last, _ = hit
                return Cue(start, ws[last][1], lemma, pron, False, lex.types[lemma])
            kw = ws[k][2]
            if not kw.isalpha() or not kw.islower() or kw in lex.forms:
                return None
        return None
    hit = _verb_at(ws, j, lex, participle_only=False)
    if not hit:
        return None
    lemma, last, pron2 = hit
    low = ws[last][2].lower()
    # « précisant que », « avant d'ajouter »: the subject is the main clause's
    infinitive = low == lemma and (prev in ("de", "pour", "sans", "avant") or elided in ("d'", "d’"))
    return Cue(start, ws[last][1], lemma, pron2, low.endswith("ant") or infinitive, lex.types[lemma])


def _is_noun(ws: list[tuple[int, int, str]], i: int, lex: Lexicon) -> bool:
    """« dans un communiqué », « l'annonce », « la critique » (not « il la critique »): a noun, not a verb."""
    w = ws[i][2].lower()
    elided = _ELISION.match(w)
    if elided and elided.group("pre").lower() in ("l'", "l’"):
        return elided.group("rest").lower() in lex.nouns
    if i == 0 or (w not in lex.participles and w not in lex.nouns):
        return False
    prev = ws[i - 1][2].lower()
    if prev in DETERMINERS or (prev == "par" and w in lex.participles):  # « réagit par communiqué »
        return True
    if prev in OBJECT_OR_ARTICLE:
        before = ws[i - 2][2].lower() if i >= 2 else ""
        # « le communiqué » (a participle only), « la critique » (not « il la critique »), but « elle le dit »
        return (w in lex.participles and w.endswith(_PARTICIPLE_ONLY)) or (w in lex.nouns and before not in SUBJECT_PRONOUNS)
    return False


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Words a cue can start with (auxiliaries, « se », any form), to skip the others in one lookup."""
    lex = lexicon()
    return frozenset(AUX_AVOIR | AUX_ETRE | {"se"} | set(lex.forms) | {k[0] for k in lex.multi})


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every speech-verb expression between ``start`` and ``end``, left to right, not overlapping."""
    ws = words(text, start, end)
    out: list[Cue] = []
    i = 0
    starters = _starters()
    while i < len(ws):
        w = ws[i][2].lower()
        if "-" in w:
            w = w.split("-", 1)[0]
        if w not in starters and not (("'" in w or "’" in w) and _ELISION.sub(r"\g<rest>", w) in starters):
            i += 1
            continue
        cue = match_cue(text, ws, i)
        if cue:
            out.append(cue)
            while i < len(ws) and ws[i][0] < cue.end:
                i += 1
        else:
            i += 1
    return out
