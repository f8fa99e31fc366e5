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
try:  # the engine's table of extra case variants (Python 3.11+)
    from re import _casefix
except ImportError:  # pragma: no cover
    _casefix = None


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


_MIN_LITERAL = 3


def _runs(items, out: list[str]) -> list[str]:
    """The runs of plain characters every match of a sequence holds (optional parts and groups with their own
    flags left out)."""
    cur: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            cur.append(chr(av))
            continue
        if cur:
            out.append("".join(cur))
            cur = []
        if op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group always there, same flags
            _runs(av[-1], out)
    if cur:
        out.append("".join(cur))
    return out


def required_literal(pattern: re.Pattern) -> str | None:
    """The longest run of plain characters (three or more) every match of a case-blind ``pattern`` holds, in
    lower case, or None. A stretch of :func:`case_folded` text where it does not occur holds no match, and
    ``str.find`` tells that far faster than the pattern tried at every position."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        runs = [r for r in _runs(_p.parse(pattern.pattern, pattern.flags), []) if len(r) >= _MIN_LITERAL]
    except (re.error, TypeError, AttributeError):
        return None
    if not runs:
        return None
    run = max(runs, key=len)
    lit = run.lower()
    if len(lit) != len(run):
        return None
    return lit if _ODD_CASE is not None and not set(lit) & _ODD_CASE else None


# Lower-case characters the regex engine takes as case variants of some other letter beyond plain lowering
# (« ſ » for « s », « ı » for « i »): where they occur, lowering the text does not tell a case-blind match.
_ODD_CASE = frozenset(chr(c) for c in getattr(_casefix, "_EXTRA_CASES", {}) if c > 0x7F) if _casefix else None


def case_folded(text: str) -> str | None:
    """``text`` lowered character for character, so that a case-blind literal occurs in a stretch of ``text``
    exactly where its lower form occurs in the same stretch of the result; None where that cannot be promised
    (a character lowering to two, a character with extra case variants, an engine without the table)."""
    if _ODD_CASE is None:
        return None
    low = text.lower()
    if len(low) != len(text) or not _ODD_CASE.isdisjoint(low):
        return None
    return low
