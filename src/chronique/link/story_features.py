"""What an article is about, as sparse features the story index can compare.

Everything is accent- and case-folded (headlines often come without accents), so
« Élysée », « ELYSEE » and « elysee » are one feature. Words are cut to a short
prefix: a cheap French stemmer that joins « menacés / menacent / menace ».
Entities count by name word, a person by surname (as link/entities blocks them), so
« Anne Martin » and « Martin » share their key. Labels around a headline (a rubric
before it, « VIDÉO. », an outlet after it, « - Le Journal ») say where it was
published, not what it is about: they weigh as body words.
A country counts once more under one key however it is named (« Russie », « Moscou »,
« russes », « Kremlin » all add ``place:RU``, :mod:`chronique.nlp.places`): two headlines on
one country rarely share the same word for it.
How common a word is in French at large (:func:`language_frequency`, from the
``wordfreq`` lists) tells the story index how little sharing it proves, where a
small corpus cannot tell yet.
Pure functions over :class:`chronique.model.DocAnalysis`; no spaCy needed here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from chronique.model import DocAnalysis
from chronique.nlp.entity_names import split_name
from chronique.nlp.places import country_forms, find_countries

PREFIX = 6  # characters kept of each word
LEAD_SENTENCES = 2
LEAD_CHARS = 600  # a lead is the first sentences, at most this long
ENTITY_PREFIX = "@"  # feature names of entity name words: "@martin"
TIMEX_PREFIX = "#"  # feature names of dates: "#2025-05"
PLACE_PREFIX = "place:"  # feature names of countries: "place:RU"
TITLE_CHARS = 110  # an untitled article is named by its first sentence, cut near this length

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]")
_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[«\"A-ZÀ-Ý0-9])|\n+")
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
# « VIDÉO. … », « EN DIRECT - … », « [DÉCRYPTAGE] … »: an upper-case label opening a headline
_RUBRIC = re.compile(r"^\s*(?:\[[^\]\n]{1,30}\]|(?P<label>[^\W\d_]{2,}(?: [^\W\d_]+){0,2})(?:\.\s|\s?[-–—]\s?))\s*")
# « … - Le Journal », « … | Agence Images »: a short segment closing a headline after a spaced dash or bar
_OUTLET = re.compile(r"\s+[-–—|]\s+(?P<label>[^-–—|\n]{1,40})\s*$")
LANGUAGE = "fr"  # the general-language frequencies used (wordfreq's list for this language)
OUTLET_WORDS = 4  # an outlet label has at most this many words ...
CORE_WORDS = 4  # ... and leaves at least this many in the headline


def fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's French stop words, folded (the data lives in spaCy, not here)."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in STOP_WORDS)


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, float], dict[str, float]]:
    """General-language frequencies: (folded word -> frequency, term -> summed frequency of the
    words cut to it). wordfreq ships its lists; the small one reaches 1 in a million words."""
    from wordfreq import get_frequency_list

    words: dict[str, float] = {}
    for centibel, bin_words in enumerate(get_frequency_list(LANGUAGE, "small")):
        f = 10.0 ** (-centibel / 100)
        for w in bin_words:
            key = _ELISION.sub("", fold(w))
            if _WORD.fullmatch(key):
                words[key] = words.get(key, 0.0) + f
    cut: dict[str, float] = {}
    for w, f in words.items():
        cut[stem(w)] = cut.get(stem(w), 0.0) + f
    return words, cut


def language_frequency(term: str) -> float:
    """How often a feature's words occur in general French, on the Zipf scale (log10 of uses per
    billion words: 7 for « pas », 4 for a word met ten times in a million, 0 if unlisted).
    A term stands for every word cut to it; an entity key for its name word; a country key for all
    the ways of naming the country; dates are unlisted."""
    words, cut = _frequencies()
    if term.startswith(ENTITY_PREFIX):
        f = words.get(term[len(ENTITY_PREFIX) :], 0.0)
    elif term.startswith(PLACE_PREFIX):
        f = _place_frequency(term[len(PLACE_PREFIX) :])
    elif term.startswith(TIMEX_PREFIX):
        f = 0.0
    else:
        f = cut.get(term, 0.0)
    return math.log10(f * 1e9) if f > 0 else 0.0


@lru_cache(maxsize=512)
def _place_frequency(code: str) -> float:
    """How often French names a country, any way: the summed frequencies of its forms
    (a form of several words counts as its rarest word)."""
    words = _frequencies()[0]
    return sum(min(words.get(w, 0.0) for w in form.split(" ")) for form in country_forms(code))


def terms(text: str) -> list[str]:
    """Content words of ``text``, folded, elisions dropped, cut to ``PREFIX`` characters."""
    stops = stop_words()
    out = []
    for m in _WORD.finditer(fold(text)):
        w = _ELISION.sub("", m.group())
        if len(w) < 2 or w in stops or w.isdigit() and len(w) < 4:
            continue
        out.append(stem(w))
    return out


def stem(word: str) -> str:
    """The feature a folded word counts as: its first ``PREFIX`` characters."""
    return word[:PREFIX]


def headline_labels(head: str) -> list[tuple[int, int]]:
    """Character ranges of ``head`` that label it rather than tell it: a rubric, an outlet."""
    out: list[tuple[int, int]] = []
    end = len(head)
    m = _OUTLET.search(head)
    if m and len(m.group("label").split()) <= OUTLET_WORDS and len(head[: m.start()].split()) >= CORE_WORDS:
        out.append((m.start(), end))
        end = m.start()
    m = _RUBRIC.match(head, 0, end)
    label = m and m.group("label")
    if m and (label is None or label.isupper() and len(label) > 2) and len(head[m.end() : end].split()) >= CORE_WORDS:
        out.append((0, m.end()))
    return out


def entity_keys(label: str, name: str) -> list[str]:
    """Feature keys of one entity mention: a person's surname, else the content words of the name."""
    if label == "PER":
        surname = fold(split_name(name)[1])
        return [surname] if len(surname) > 1 else []
    stops = stop_words()
    return [w for w in (_ELISION.sub("", m.group()) for m in _WORD.finditer(fold(name))) if len(w) > 1 and w not in stops]


def lead(analysis: DocAnalysis) -> str:
    """The first sentences after the title/dateline: where news says what it is about."""
    doc = analysis.document
    body = doc.text[doc.body_start :]
    if doc.title and body.lstrip().startswith(doc.title.strip()):
        body = body.lstrip()[len(doc.title.strip()) :]
    parts = [p for p in _SENTENCE_END.split(body.strip()) if p.strip()]
    return " ".join(parts[:LEAD_SENTENCES])[:LEAD_CHARS]


def title(analysis: DocAnalysis) -> str:
    """The document's title, else its first sentence (after any dateline), shortened at a word."""
    doc = analysis.document
    if doc.title and doc.title.strip():
        return doc.title.strip()
    body = doc.text[doc.body_start :].strip()
    first = next((p for p in _SENTENCE_END.split(body) if p.strip()), body).strip()
    if not first:
        return doc.path
    if len(first) <= TITLE_CHARS:
        return first
    cut = first.rfind(" ", 0, TITLE_CHARS)
    return first[: cut if cut > 0 else TITLE_CHARS].rstrip(" ,;:") + " …"


def has_title(analysis: DocAnalysis) -> bool:
    return bool(analysis.document.title and analysis.document.title.strip())


def day(value: str | None) -> int | None:
    """Days since 0001-01-01 for an ISO date (a month or year counts as its first day)."""
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class Features:
    """One article's evidence: weighted terms, entity keys, dates."""

    terms: dict[str, float] = field(default_factory=dict)
    day: int | None = None


def features(
    analysis: DocAnalysis,
    *,
    title_weight: float = 2.0,
    lead_weight: float = 1.0,
    body_weight: float = 0.25,
    entity_weight: float = 1.0,
    place_weight: float = 1.0,
    timex_weight: float = 0.5,
) -> Features:
    """Term counts weighted by where they occur; entities, countries and month-level dates as extra features.

    Title and lead carry most of the weight; the rest of the body only breaks ties, so a
    long article is not pulled towards every subject it touches on.
    """
    doc = analysis.document
    counts: Counter[str] = Counter()
    head = title(analysis)
    labels = headline_labels(head)
    told = head
    for a, b in labels:
        for t in terms(head[a:b]):
            counts[t] += body_weight
        told = told[:a] + " " * (b - a) + told[b:]
    for t in terms(told):
        counts[t] += title_weight
    at = doc.text.find(head) if labels else -1
    skip = [(at + a, at + b) for a, b in labels] if at >= 0 else []
    first = lead(analysis)
    for t in terms(first):
        counts[t] += lead_weight
    rest_start = doc.body_start + len(first)
    if len(doc.text) - rest_start > 0 and body_weight:
        for t in terms(doc.text[rest_start:]):
            counts[t] += body_weight
    for m in analysis.mentions:
        if any(a <= m.start < b for a, b in skip):
            continue
        for key in entity_keys(m.label, m.key or m.text):
            counts[ENTITY_PREFIX + key] += entity_weight
    if place_weight:
        for code, start, _ in find_countries(doc.text):
            if not any(a <= start < b for a, b in skip):
                counts[PLACE_PREFIX + code] += place_weight
    for tx in analysis.timexes:
        if tx.type == "DATE" and _DATE.match(tx.value or ""):
            counts[TIMEX_PREFIX + tx.value[:7]] += timex_weight
    return Features(terms=dict(counts), day=day(doc.published))
