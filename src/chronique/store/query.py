"""User search queries made safe: every term quoted, only AND / OR / NOT kept as operators.

People type ``cessez-le-feu``, ``"Union européenne"``, ``(Kiev OR Kyiv)``, ``l'accord``
or a lone ``NOT``; none of these may raise. A query is read as a list of clauses:
a phrase (words that must follow each other, the last one optionally a prefix with
``*``) or an operator between two phrases. Hyphenated and apostrophed compounds
become phrases. Everything else (brackets, stray quotes, colons) is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(r'"([^"]*)"|(\w+(?:[-\'’]\w+)*)(\*?)')
_WORD = re.compile(r"\w+")
_OPERATORS = frozenset({"AND", "OR", "NOT"})


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool = False


Clause = Phrase | str  # a str is an operator


def parse(query: str) -> list[Clause]:
    """Clauses of a query, operators only where they join two phrases."""
    raw: list[Clause] = []
    for m in _TOKEN.finditer(query):
        quoted, word, star = m.groups()
        if word is not None and word in _OPERATORS:
            raw.append(word)
            continue
        words = tuple(_WORD.findall(quoted if quoted is not None else word))
        if words:
            raw.append(Phrase(words, prefix=bool(star)))
    clauses: list[Clause] = []
    for c in raw:
        if isinstance(c, str):
            if not clauses:
                continue  # an operator cannot open a query
            if isinstance(clauses[-1], str):
                clauses[-1] = c  # "AND NOT" -> the last one wins
            else:
                clauses.append(c)
        else:
            clauses.append(c)
    while clauses and isinstance(clauses[-1], str):
        clauses.pop()
    return clauses


def to_fts5(clauses: list[Clause]) -> str:
    """An FTS5 MATCH expression: each phrase double-quoted (its words are \\w only)."""
    parts = []
    for c in clauses:
        if isinstance(c, str):
            parts.append(c)
        else:
            parts.append('"' + " ".join(c.words) + '"' + ("*" if c.prefix else ""))
    return " ".join(parts)


def fold(text: str) -> str:
    """Lower case without accents, as the FTS5 tokenizer (remove_diacritics 2) sees it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def plain_words(clauses: list[Clause]) -> list[str]:
    """Every word of every phrase, for a fallback query or highlighting."""
    return [w for c in clauses if isinstance(c, Phrase) for w in c.words]
