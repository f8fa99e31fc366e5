"""Quotation marks paired into quoted spans, by one regex pass over the text.

Why a scanner of its own: French press text mixes « », “ ”, straight quotes and
‹ › / ‘ ’ for nested speech, and machine-translated copy swaps or drops marks.
Pairs are found per paragraph with a stack, so a missing closing mark never
swallows the rest of an article: an open quote is capped at the end of its
paragraph, or continued when the next paragraph opens again with the same mark
(French style for speech running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"«": "»", "“": "”", "‹": "›", "‘": "’", "„": "“", '"': '"'}
CLOSERS = {"»", "”", "›", "’", '"', "“"}
_MARK = re.compile(r'[«»“”‹›‘’„"]')
_PARA = re.compile(r"[^\n]+")
_SPACE = " \t\u00a0\u202f\u2009"
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Marked:
    """One quoted span: ``start``/``end`` cover the words inside the marks."""

    start: int
    end: int
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when capped at a paragraph end
    depth: int = 0  # 0 = top level, 1 = nested inside another quote
    continued: bool = False  # the previous paragraph's quote runs on into this one
    repaired: bool = False  # built by repairing swapped marks


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACE):
        end -= 1
    return start, end


def _role(text: str, i: int, top: str | None) -> str | None:
    """'open', 'close' or None for the mark at ``i``, from the mark and its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "’":  # mostly an apostrophe: a closer only after an open ‘ and before a non-letter
        return "close" if top == "‘" and not _is_letter(after) else None
    if ch == "‘":
        return "open" if not _is_letter(before) and not after.isspace() else None
    if ch == '"':
        if top == '"':
            return "close"
        return "open"
    if ch == "“":
        # swapped marks: “ used as a closer after a word and before a space / punctuation
        if top == "“" and (_is_letter(before) or before in ".,!?…") and (after.isspace() or after in ".,;:!?"):
            return "close"
        if top == "„":
            return "close"
        return "open"
    if ch == "”":
        if top is None and (before.isspace() or before in "(—–-") and _is_letter(after):
            return "open"  # swapped: ” used as an opener
        return "close"
    if ch in "«‹„":
        return "open"
    return "close"


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[Marked], list[tuple[str, int]]]:
    """Pairs of one paragraph, and the marks still open at its end."""
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []  # (mark, index)
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        top = stack[-1][0] if stack else None
        role = _role(text, i, top)
        if role == "open":
            stack.append((text[i], i))
        elif role == "close":
            ch = text[i]
            # find the opener this closer belongs to (the top, or deeper when inner marks were left open)
            depth = None
            for k in range(len(stack) - 1, -1, -1):
                opener = stack[k][0]
                if OPENERS[opener] == ch or (ch == "”" and opener == "“") or (ch == "“" and opener in "“„"):
                    depth = k
                    break
            if depth is None:
                continue  # a stray closer: ignore it
            for _ in range(len(stack) - 1 - depth):
                stack.pop()  # inner marks never closed: drop them
            _, j = stack.pop()
            s, e = _strip(text, j + 1, i)
            if e > s:
                found.append(Marked(s, e, j, i, depth=len(stack)))
    return found, stack


def _ends_mid_phrase(text: str, q: Marked) -> bool:
    """The span stops on a short function word (« arrêtant le »): it was cut, not closed."""
    words = _WORD.findall(text, q.start, q.end)
    return len(words) >= 3 and text[q.end - 1].isalpha() and words[-1].islower() and len(words[-1]) <= 3


def _repair_reversed(text: str, spans: list[Marked]) -> list[Marked]:
    """Join “A” w w “B” when the marks between were swapped (machine translation).

    ``“Les sujets seront, arrêtant le” bain de sang “qui tue…”`` is one quote with an
    inner scare quote whose marks came out reversed: the first span ends mid-phrase
    (no punctuation), a few lowercase words follow, then the second span opens.
    """
    out: list[Marked] = []
    for q in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.depth == 0
            and q.depth == 0
            and prev.close is not None
            and text[prev.open] in '“”"' and text[q.open] in '“”"'
            and _ends_mid_phrase(text, prev)
        ):
            gap = text[prev.close + 1 : q.open]
            words = _WORD.findall(gap)
            if 1 <= len(words) <= 4 and not re.search(r"[.,;:!?\n]", gap) and words[0][0].islower():
                out[-1] = Marked(prev.start, q.end, prev.open, q.close, 0, prev.continued, True)
                continue
        out.append(q)
    return out


def find_marked(text: str) -> list[Marked]:
    """Every quoted span in ``text``, in order; nested ones carry ``depth`` 1."""
    result: list[Marked] = []
    carry: str | None = None  # the mark left open at the end of the previous paragraph
    for para in _PARA.finditer(text):
        pstart, pend = para.start(), para.end()
        first = pstart
        while first < pend and text[first] in _SPACE:
            first += 1
        continued = carry is not None and first < pend and text[first] == carry
        found, still_open = _scan_paragraph(text, pstart, pend)
        if continued and found and found[0].open == first:
            found[0].continued = True
        for mark, j in still_open[:1]:  # cap the outermost unclosed quote at the paragraph end
            s, e = _strip(text, j + 1, pend)
            if e > s:
                inner = [q for q in found if q.open > j]
                for q in inner:
                    q.depth += 1
                found.append(Marked(s, e, j, None, depth=0, continued=continued and j == first))
        carry = still_open[0][0] if still_open else None
        found.sort(key=lambda q: (q.start, q.depth))
        result.extend(_repair_reversed(text, found))
    return result
