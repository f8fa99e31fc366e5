"""A cheap first-character check in front of a regular expression, same matches.

Python's regex engine tries a pattern at every position of the text. A pattern that opens on
a word-start assertion and a long alternation of words (the temporal rules) spends most of its
time entering that alternation at word starts where no alternative can begin. ``guarded``
inserts a lookahead on the characters a match can begin with, read from the parsed pattern,
so those positions fail at once. A match needs its first character in that set, so the
matches found are the same; a pattern whose first character cannot be told (a back-reference,
a negated class, an empty match) is left as it is.
"""

from __future__ import annotations

import re

try:  # the standard library's own parser (``sre_parse`` before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


class _Unknown(Exception):
    pass


_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


def _first(items) -> tuple[set[str], bool]:
    """Class members a sequence can begin with, and whether it can match nothing."""
    out: set[str] = set()
    for op, av in items:
        first, empty = _first_of(op, av)
        out |= first
        if not empty:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set[str], bool]:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _c.IN:
        out = set()
        for o, a in av:
            if o is _c.LITERAL:
                out.add(re.escape(chr(a)))
            elif o is _c.RANGE:
                out.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is _c.CATEGORY and a in _CATEGORIES:
                out.add(_CATEGORIES[a])
            else:  # a negated class, a class of its own kind
                raise _Unknown(o)
        return out, False
    if op is _c.SUBPATTERN:
        return _first(av[-1])
    if op is _c.BRANCH:
        out, empty = set(), False
        for branch in av[1]:
            first, e = _first(branch)
            out |= first
            empty |= e
        return out, empty
    if op in _REPEATS:
        first, empty = _first(av[2])
        return first, empty or av[0] == 0
    if op is _c.GROUPREF_EXISTS:
        yes, empty_yes = _first(av[1])
        no, empty_no = _first(av[2]) if av[2] else (set(), True)
        return yes | no, empty_yes or empty_no
    raise _Unknown(op)  # any character, a back-reference…


def guarded(pattern: str, flags: int = 0, after: str = "") -> re.Pattern:
    """``pattern`` compiled with a lookahead on its possible first characters, placed after the
    zero-width prefix ``after`` when the pattern opens with it (a word-start lookbehind rejects a
    position inside a word faster than the class does), else in front. Same flags, same matches."""
    try:
        first, empty = _first(_p.parse(pattern, flags))
    except (_Unknown, re.error, TypeError, AttributeError):
        return re.compile(pattern, flags)
    if empty or not first:
        return re.compile(pattern, flags)
    check = "(?=(?i:[" + "".join(sorted(first)) + "]))"  # case-blind: a superset even under (?-i:…) or (?i:…)
    if after and pattern.startswith(after):
        return re.compile(after + check + pattern[len(after):], flags)
    return re.compile(check + pattern, flags)
