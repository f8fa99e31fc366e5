"""Titles, roles and honorifics found in text, from ``langdata/fr/titles.yaml``.

Matched on characters with one compiled regex per kind, so the result does not
depend on how spaCy splits « porte-parole » or « secrétaire d’État »: titles are
matched case-insensitively, honorifics case-sensitively (« Me » the lawyer is
not « me » the pronoun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronique import langdata
from chronique.nlp.regex_guard import case_folded
from chronique.nlp.regex_starts import alternation

_APOS = "'’ʼ"


@dataclass(frozen=True, slots=True)
class TitleHit:
    start: int
    end: int
    title: str  # the entry's canonical form
    kind: str  # title | honorific
    gender: str  # m | f | any
    plural: bool


def _pattern(form: str) -> str:
    """A regex for one surface form: apostrophes and hyphens/spaces interchangeable."""
    out = []
    for ch in form:
        if ch in _APOS:
            out.append(f"[{_APOS}]")
        elif ch in " -":
            out.append(r"[\s\-]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Tables:
    titles: re.Pattern[str]
    honorifics: re.Pattern[str]
    info: dict[str, tuple[str, str, str, bool]]  # lower surface form -> (title, kind, gender, plural)
    firsts: frozenset[str]  # lower-case first word of every title form: only there is the regex tried
    first_words: re.Pattern[str]  # those words, whole, in lowered text (case_folded): found in one scan


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _norm(form: str) -> str:
    return re.sub(r"[\s\-]+", " ", form.lower().replace("’", "'").replace("ʼ", "'"))


@lru_cache(maxsize=1)
def tables() -> _Tables:
    info: dict[str, tuple[str, str, str, bool]] = {}
    title_forms: list[str] = []
    honorific_forms: list[str] = []
    for e in langdata.load("titles"):
        forms = [e["title"], *(e.get("forms") or [])]
        plural = e.get("number") == "pl"
        for f in forms:
            info.setdefault(_norm(f), (e["title"], e["kind"], e["gender"], plural))
            if e["kind"] == "honorific":
                honorific_forms.append(f)
                if f[0].islower():
                    honorific_forms.append(f[0].upper() + f[1:])
            else:
                title_forms.append(f)
    title_forms.sort(key=len, reverse=True)
    honorific_forms.sort(key=len, reverse=True)
    # A title is a whole word; an honorific must be followed by a space and a capital.
    titles = re.compile(r"(?<![\w\-])(?:" + "|".join(_pattern(f) for f in title_forms) + r")(?![\w\-])", re.IGNORECASE)
    honorifics = re.compile(
        r"(?<![\w\-.])(?:" + "|".join(_pattern(f) for f in honorific_forms) + r")(?![\w\-])(?=\s+[A-ZÀ-ÖØ-Þ])"
    )
    firsts = frozenset(m.group(0) for f in title_forms if (m := _FIRST_WORD.match(f.lower())))
    first_words = re.compile(r"(?<![^\W\d_])(?:" + alternation(firsts) + r")(?![^\W\d_])")
    return _Tables(titles, honorifics, info, firsts, first_words)


def _hit(m: re.Match[str], kind_default: str) -> TitleHit:
    title, kind, gender, plural = tables().info.get(_norm(m.group(0)), (m.group(0), kind_default, "any", False))
    return TitleHit(m.start(), m.end(), title, kind, gender, plural)


def find_titles(text: str) -> list[TitleHit]:
    """Every title/role word or phrase in ``text`` (longest form wins), in order."""
    return list(_titles_in(text))


@lru_cache(maxsize=64)
def _titles_in(text: str) -> tuple[TitleHit, ...]:
    """find_titles, kept for the last texts: entities, quotes and events each read a document's titles
    (one component over a whole batch of ``nlp.pipe`` before the next: a batch must fit).

    The regex is tried where a word (a run of letters) is the first word of a title form; in a text that
    lowers character for character, one scan of the lowered text finds those words."""
    t = tables()
    out: list[TitleHit] = []
    end = 0
    low = case_folded(text)
    if low is not None:
        starts = (w.start() for w in t.first_words.finditer(low))
    else:
        starts = (w.start() for w in _FIRST_WORD.finditer(text) if w.group(0).lower() in t.firsts)
    for start in starts:
        if start < end:
            continue
        m = t.titles.match(text, start)
        if m is not None:
            out.append(_hit(m, "title"))
            end = m.end()
    return tuple(out)


def find_honorifics(text: str) -> list[TitleHit]:
    """Every honorific directly followed by a capitalised word (« M. Dupont »)."""
    return [_hit(m, "honorific") for m in tables().honorifics.finditer(text)]


def honorific_prefix(name: str) -> tuple[str, str]:
    """Split ``"M. Dupont"`` into ``("M.", "Dupont")``; ``("", name)`` when there is none."""
    m = tables().honorifics.match(name)
    if m is None:
        return "", name
    return m.group(0), name[m.end() :].lstrip()


def is_title(phrase: str) -> bool:
    """True when ``phrase`` as a whole is a known title/role form (« Premier ministre »)."""
    entry = tables().info.get(_norm(phrase.strip()))
    return entry is not None and entry[1] == "title"


def title_gender(phrase: str) -> str:
    """Gender (m, f, any) of the title or honorific that starts ``phrase`` (« présidente du … » -> f)."""
    for finder in (find_honorifics, find_titles):
        hits = finder(phrase + " X") if finder is find_honorifics else finder(phrase)
        if hits and hits[0].start == 0:
            return hits[0].gender
    entry = tables().info.get(_norm(phrase.strip()))
    return entry[2] if entry else "any"
