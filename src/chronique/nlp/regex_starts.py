"""Where regular expressions can begin to match, found for all of them in one scan; same matches.

``pattern.finditer`` tries a case-blind pattern that opens on a lookbehind at every position of
the text, and Python's engine has no quick way to skip positions for such a pattern: dozens of
them (the temporal rules) each walk the whole text. Read from each parsed pattern, the strings of
up to a few characters every match begins with (lower case, any space as « », any digit as « 0 »)
go into one tree-shaped alternation, scanned once over the text put in the same form
(:func:`start_text`); where it hits, the first characters there tell which patterns may begin, and
each pattern is tried only at its own positions (:func:`matches`). Lookarounds are left out and a
character class too wide to spell out ends a string early, so the strings are a superset of where
matches begin: the matches found are the ones ``finditer`` finds, in the same order. A pattern
that may match the empty string, or whose first character cannot be told, is run as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

try:  # the standard library's own parser (``sre_parse`` before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

SIZE = 5  # characters of a match's beginning spelled out
_SCAN = 4  # characters of them the one scan looks for
_MAX_CLASS = 40  # a class with more members (once lowered) ends the string
_MAX_RANGE = 200
_MAX_STRINGS = 3000  # strings followed at once; beyond, they end where they are
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_OTHER_SPACE = re.compile(r"[^\S ]")
_DIGIT = re.compile(r"\d")


def start_text(low: str) -> str:
    """A lowered text (:func:`chronique.nlp.regex_guard.case_folded`) with every space character as
    « » and every digit as « 0 », position for position."""
    return _DIGIT.sub("0", _OTHER_SPACE.sub(" ", low))


def _form(ch: str) -> str:
    return "0" if ch.isdecimal() else " " if ch.isspace() else ch


def _chars(op, av) -> set[str] | None:
    """What a text character matched by this item can look like in :func:`start_text`, or None."""
    if op is _c.LITERAL:
        ch = chr(av)
        return {_form(ch), _form(ch.lower())}
    if op is not _c.IN:
        return None
    out: set[str] = set()
    for o, a in av:
        if o is _c.LITERAL:
            ch = chr(a)
            out |= {_form(ch), _form(ch.lower())}
        elif o is _c.RANGE and a[1] - a[0] <= _MAX_RANGE:
            for code in range(a[0], a[1] + 1):
                ch = chr(code)
                out |= {_form(ch), _form(ch.lower())}
        elif o is _c.CATEGORY and a is _c.CATEGORY_DIGIT:
            out.add("0")
        elif o is _c.CATEGORY and a is _c.CATEGORY_SPACE:
            out.add(" ")
        else:  # a negated class, a wide range, \w …
            return None
    return out if len(out) <= _MAX_CLASS else None


def _walk(items, states: set[str], done: set[str], size: int) -> set[str]:
    """The strings still growing after ``items`` (``states`` before them); strings that reached
    ``size`` or met an item they cannot spell go to ``done`` as they are."""
    for op, av in items:
        if not states:
            break
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            states = _walk(av[-1], states, done, size)
        elif op is _ATOMIC:
            states = _walk(av, states, done, size)
        elif op is _c.BRANCH:
            states = set().union(*(_walk(b, set(states), done, size) for b in av[1]))
        elif op is _c.GROUPREF_EXISTS:
            states = _walk(av[1], set(states), done, size) | (_walk(av[2], set(states), done, size) if av[2] else states)
        elif op in _REPEATS:
            states = _repeat(av, states, done, size)
        else:
            chars = _chars(op, av)
            if chars is None:
                done |= states
                return set()
            grown = {s + ch for s in states for ch in chars}
            done |= {s for s in grown if len(s) >= size}
            states = {s for s in grown if len(s) < size}
        if len(states) > _MAX_STRINGS:
            done |= states
            return set()
    return states


def _repeat(av, states: set[str], done: set[str], size: int) -> set[str]:
    low, high, body = av
    out: set[str] = set()
    cur, n = states, 0
    while True:
        if n >= low:
            out |= cur
        if n >= high or not cur:
            return out
        nxt = _walk(body, set(cur), done, size)
        n += 1
        if n >= low and nxt <= out:  # nothing new: more rounds would give nothing new either
            return out
        if n > low + size + 2:  # (a body that can match nothing, repeated): end the strings here
            done |= out | nxt
            return set()
        cur = nxt


def starts(pattern: re.Pattern, size: int = SIZE) -> frozenset[str] | None:
    """The strings (in :func:`start_text` form) one of which begins every match, shortest kept."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, AttributeError):
        return None
    done: set[str] = set()
    done |= _walk(parsed, {""}, done, size)
    if "" in done:
        return None
    kept: set[str] = set()
    for s in sorted(done, key=len):
        if not any(s[:j] in kept for j in range(1, len(s))):
            kept.add(s)
    return frozenset(kept)


def alternation(strings) -> str:
    """A regex matching any of ``strings`` (plain text), as a tree of common beginnings: the engine
    follows one branch per character instead of trying every string in turn."""
    tree: dict = {}
    for s in strings:
        node = tree
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here
    return _alternation(tree)


def _alternation(node: dict) -> str:
    parts = [re.escape(ch) + _alternation(child) for ch, child in sorted(node.items()) if ch]
    if "" in node and parts:
        parts.append("")  # (last: a longer string is tried first)
    if len(parts) <= 1:
        return "".join(parts)
    return "(?:" + "|".join(parts) + ")"


class Starts:
    """The positions where each of ``patterns`` may begin a match, for all of them in one scan."""

    _MAX_MEMO = 200_000

    def __init__(self, patterns, size: int = SIZE):
        self.strings = [starts(p, size) for p in patterns]
        owners: dict[str, list[int]] = {}
        for k, found in enumerate(self.strings):
            for string in found or ():
                owners.setdefault(string, []).append(k)
        self._owners = {string: tuple(ks) for string, ks in owners.items()}
        self._lengths = sorted({len(string) for string in owners})
        self._size = max(self._lengths, default=0)
        # the scan needs only their first few characters (a short regex, quick to build); which
        # patterns really begin at a hit is told from the whole strings (_which)
        self._scan = re.compile("(?=" + alternation({s[:_SCAN] for s in owners}) + ")") if owners else None
        self._memo: dict[str, tuple[int, ...]] = {}

    def _which(self, window: str) -> tuple[int, ...]:
        """The patterns one of whose strings begins ``window`` (the text's next characters)."""
        got = self._memo.get(window)
        if got is None:
            if len(self._memo) >= self._MAX_MEMO:
                self._memo.clear()
            ks: set[int] = set()
            for j in self._lengths:
                ks.update(self._owners.get(window[:j], ()))
            got = self._memo[window] = tuple(sorted(ks))
        return got

    def positions(self, start: str | None) -> list[list[int] | None]:
        """For each pattern, the positions of ``start`` (:func:`start_text`) where a match may begin,
        in order; None for a pattern to run as it is (or every pattern, when ``start`` is None)."""
        if start is None or self._scan is None:
            return [None] * len(self.strings)
        out: list[list[int] | None] = [[] if found else None for found in self.strings]
        size, which = self._size, self._which
        for hit in self._scan.finditer(start):
            s = hit.start()
            for k in which(start[s : s + size]):
                out[k].append(s)  # type: ignore[union-attr]
        return out


def matches(pattern: re.Pattern, positions: list[int] | None, text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """``pattern.finditer(text, lo, hi)``, the pattern tried only at ``positions`` (from
    :meth:`Starts.positions`); as it is when ``positions`` is None."""
    if positions is None:
        yield from pattern.finditer(text, lo, hi)
        return
    match = pattern.match
    pos = lo
    for s in islice(positions, bisect_left(positions, lo), None):
        if s >= hi:
            break
        if s < pos:
            continue
        m = match(text, s, hi)
        if m is not None:
            yield m
            pos = m.end()  # (never empty: a pattern that can match nothing has no positions)
