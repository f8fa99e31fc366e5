"""Dates and times: extraction and ISO-TimeML normalisation against the publication date.

Precompiled rules (:mod:`timex_rules`) run over ``doc.text``; overlapping
candidates are settled longest first, each checked by its normaliser
(:mod:`timex_values`) so that a rejected long reading (« de dix heures » as a
clock time) leaves room for a shorter one (a duration). Values are then computed
in text order, so that « la veille », « le lendemain » and clock times are
anchored on the last date the text spoke of. The tense of the governing verb,
read from spaCy's morphology, decides whether a bare weekday is past or future.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from chronique.model import Timex
from chronique.nlp import timex_calendar as cal
from chronique.nlp.doc_text import text_of
from chronique.nlp.regex_guard import case_folded
from chronique.nlp.regex_starts import matches, start_text
from chronique.nlp.timex_lexicon import alt, key, lexicon
from chronique.nlp.timex_night import byline
from chronique.nlp.timex_rules import WORD, rule_starts, rules, trigger_words
from chronique.nlp.timex_tense import after_plan_noun, reported, tense_at
from chronique.nlp import timex_days, timex_phrases
from chronique.nlp.timex_values import NORMALISERS as _VALUE_NORMALISERS, Context, stamp

NORMALISERS = {**_VALUE_NORMALISERS, **timex_days.NORMALISERS, **timex_phrases.NORMALISERS}
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T|$)")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")


def _span(m: re.Match) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.start("x"), m.end("x")
    return m.start(), m.end()


_LEADING_PREP = re.compile(r"(?:à|au|aux|dès)\s+(?=\w)(?!(?:moins|plus|minimum|maximum)\b)", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and punctuation a pattern may have taken in, and a leading preposition
    (« à la fin de l'année » -> « la fin de l'année »: TimeML leaves prepositions out of the span)."""
    while start < end and (text[start].isspace() or text[start] in ",(«"):
        start += 1
    if (p := _LEADING_PREP.match(text, start, end)) and p.end() < end:
        start = p.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",()»"):
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end) and (c := _CLOSING.match(text, end)):
        end = c.end()  # « 18 heures (heure locale) »: the bracket opened inside the span closes it
    return start, end


_CLOSING = re.compile(r"\s*\)")


_MARGIN = 90  # characters a rule may reach before or after its trigger word


_DIGIT = frozenset(["digit"])


def _windows(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of text around temporal trigger words, merged, cut at spaces so no word is split, each with the
    kinds of trigger it holds (a rule only runs where one of the kinds it needs is present)."""
    words = trigger_words()
    out: list[list] = []
    n = len(text)
    for m in WORD.finditer(text):
        w = m.group().lower()
        kinds = words.get(w)
        if kinds is None:
            if w.isalpha() or not any(ch.isdigit() for ch in w):  # isalpha: no digit, told in C
                continue
            kinds = _DIGIT
        lo, hi = max(0, m.start() - _MARGIN), min(n, m.end() + _MARGIN)
        if out and lo <= out[-1][1]:
            last = out[-1]
            last[1] = max(last[1], hi)
            if not kinds <= last[2]:
                last[2] = last[2] | kinds
        else:
            out.append([lo, hi, kinds])
    spans = []
    for lo, hi, kinds in out:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < n and not text[hi].isspace():
            hi += 1
        spans.append((lo, hi, kinds))
    return spans


def _candidates(text: str):
    out = []
    windows = _windows(text)
    low = case_folded(text)
    starts = rule_starts().positions(start_text(low) if low is not None else None)
    for rule, where in zip(rules(), starts):
        needs, literal = rule.needs, rule.literal if low is not None else None
        for lo, hi, kinds in windows:
            if needs and not needs & kinds:
                continue
            if literal is not None and low.find(literal, lo, hi) < 0:
                continue  # the plain text every match holds is absent: no match here
            for m in matches(rule.regex, where, text, lo, hi):
                start, end = _trim(text, *_span(m))
                if end > start:
                    out.append((start, end, rule, m))
    out.sort(key=lambda c: (-(c[1] - c[0]), -c[2].priority, c[0]))
    return out


_ANCHORING = {"date_abbr", "day_alone", "date_dmy", "date_numeric", "date_dm", "date_iso", "month_year", "month_first", "month", "weekday", "weekday_day", "relday", "refday",
              "refday_bare", "clock", "clock_colon", "clock_from", "clock_words", "clock_named", "holiday", "this_part", "part_alone",
              "part_bound", "same_part", "night_of", "part_of_date", "part_dir", "part_en", "part_au"}
_NIGHT_OF = {"night_of", "part_of_date"}
_NARRATIVE = {"weekday", "weekday_day", "relday", "refday", "refday_bare", "this_part", "same_part"}


_HEADING = 80  # a line this short, with no sentence end, is a heading or a date line


def _heading(text: str, start: int) -> bool:
    """Whether the expression at ``start`` opens a short line with no sentence end (« Mardi 3 mars »)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    line = text[lo:hi if hi >= 0 else len(text)].strip()
    return not text[lo:start].strip() and len(line) <= _HEADING and not line.endswith((".", "!", "?", "»"))


def _advance(ctx: Context, rule: str, ttype: str, value: str, start: int, end: int) -> None:
    """Remember the last date named in the text (not a period counted from publication) as the reference.

    A day ahead of publication named as a plan (« une assemblée générale lundi ») is no day the narrative is on:
    it does not become the story's day that later clock times fall back on."""
    if rule == "year" and _YEAR_VALUE.match(value):
        ctx.year = (date(int(value), 1, 1), end)
    if ttype not in ("DATE", "TIME") or rule not in _ANCHORING:
        return
    ctx.ref_end = end
    if ttype == "TIME" and ":" in value:
        ctx.clock, ctx.clock_end = value, end  # the last clock time, until the text moves to another day
    elif ctx.clock and _DAY_VALUE.match(value) and not value.startswith(ctx.clock[:10]):
        same_sentence = not _BREAK.search(ctx.text, ctx.clock_end, end)  # « vers 15 h 30, hier »
        ctx.clock = value[:10] + ctx.clock[10:] if same_sentence else None
    if m := _DAY_VALUE.match(value):
        d = cal.safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d and (rule in _NIGHT_OF or rule == "part_dir") and value.endswith("TNI"):
            ctx.night = d  # the small hours after « la nuit de jeudi à vendredi » belong to the second day
        elif d and ctx.night not in (d, d - timedelta(days=1)) and not byline(ctx.text, start):
            ctx.night = None
        if d:
            ctx.ref = (d, "day")
            ctx.day = d
            ctx.day_end = end
            is_stamp = rule in _CLOCKS and stamp(ctx.text, start, end)
            if is_stamp or (rule in _NARRATIVE and (ctx.published is None or d <= ctx.published)):
                ctx.story_day = d
            elif not is_stamp and _heading(ctx.text, start):
                ctx.heading_day = d
    elif m := _MONTH_VALUE.match(value):
        ctx.ref = (date(int(m[1]), int(m[2]), 1), "month")
    elif m := _YEAR_VALUE.match(value):
        ctx.ref = (date(int(m[1]), 1, 1), "year")


_OPEN_ENDED = re.compile(r"(?:\bdepuis|\bdès|\bà\s+partir\s+d[eu']?|\bjusqu['’](?:en|à|au)?)\s*(?:le\s+|l['’]|la\s+)?$",
                         re.IGNORECASE)


def _note_year(ctx: Context, m: re.Match, value: str, start: int, end: int) -> None:
    """Follow the year written out in the text (not one of a period that reaches the present: « depuis 1999 »): a
    later date in that year carries it on, a date in another year ends it."""
    y = re.match(r"\d{4}", value)
    if _group(m, "year") is not None or _group(m, "yy") is not None or _group(m, "y") is not None:
        if y and not _OPEN_ENDED.search(ctx.text, max(0, start - 20), start):
            ctx.named_year = (int(y.group()), end)
    elif ctx.named_year is not None and y:
        ctx.named_year = (ctx.named_year[0], end) if int(y.group()) == ctx.named_year[0] else None


@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?P<lead>{alt(lexicon().leads)})\s*$", re.IGNORECASE)


def _group(m: re.Match, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _mod(m: re.Match, text: str, start: int, ttype: str) -> str | None:
    """The ISO-TimeML mod of an expression: its boundary word (« fin mai » END), its approximation (« plus de deux
    ans » MORE_THAN, « une dizaine d'années » APPROX), or a word just before a date or time (« vers 15 h » APPROX)."""
    lx = lexicon()
    for name in ("bnd", "pbnd"):
        if w := _group(m, name):
            return lx.boundaries.get(key(w))
    if w := _group(m, "approx"):
        return lx.approx.get(key(w))
    num = _group(m, "num")
    if num and any(lx.numbers.get(w, ("",))[0] == "approx" for w in WORD.findall(key(num))):
        return "APPROX"
    if ttype in ("DATE", "TIME") and (lead := _lead().search(text, max(0, start - 30), start)):
        return lx.leads.get(key(lead["lead"]))
    return None


def extract(doc: Doc, published: str | None) -> list[Timex]:
    """Every temporal expression of ``doc`` with its TIMEX3 type and value (offsets into ``doc.text``)."""
    text = text_of(doc)
    pub = cal.parse_anchor(published)
    tenses: dict[tuple[int, int], str | None] = {}

    def tense(start: int, end: int) -> str | None:
        k = (start, end)
        if k not in tenses:
            tenses[k] = tense_at(doc, start, end) if doc.has_annotation("MORPH") else None
        return tenses[k]

    def adjective(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("ADJ", "ADV") for t in span)

    def dep(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span.root.dep_ if span is not None and len(span) and doc.has_annotation("DEP") else None

    def pos(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span[0].pos_ if span is not None and len(span) and doc.has_annotation("POS") else None

    parsed = doc.has_annotation("POS") and doc.has_annotation("DEP")
    extra = {"adjective": adjective, "dep": dep, "pos": pos,
             "planned": (lambda start: after_plan_noun(doc, start)) if parsed else (lambda start: False),
             "reported": (lambda start, end: reported(doc, start, end)) if parsed else (lambda start, end: False)}
    probe = Context(published=pub, text=text, tense=tense, extra={**extra, "probe": True})
    taken = bytearray(len(text))
    chosen = []
    for start, end, rule, m in _candidates(text):
        if any(taken[start:end]):
            continue
        if NORMALISERS[rule.name](m, probe) is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, rule, m))
    chosen.sort(key=lambda c: c[0])

    ctx = Context(published=pub, text=text, tense=tense, extra=extra)
    out, names = [], []
    for start, end, rule, m in chosen:
        result = NORMALISERS[rule.name](m, ctx)
        if result is None:
            continue
        ttype, value = result
        mod = _mod(m, text, start, ttype) if ttype != "SET" and not value.endswith(("_REF", "TMI")) else None
        out.append(Timex(start=start, end=end, text=text[start:end], type=ttype, value=value, mod=mod))
        names.append(rule.name)
        _advance(ctx, rule.name, ttype, value, start, end)
        if ttype == "DATE" and _YEAR_VALUE.match(value):
            ctx.last_year = (int(value), end)
        _note_year(ctx, m, value, start, end)
    _anchor_forward(text, out, names)
    return out


_CET = re.compile(r"\+0[12]$")
_CLOCKS = {"clock", "clock_colon", "clock_words", "clock_named", "clock_from"}
_BREAK = re.compile(r"[.!?]\s|\n")


def _anchor_forward(text: str, out: list[Timex], names: list[str]) -> None:
    """« Vers 0 h 40, jeudi, … », « à 23 h 10, samedi soir »: a clock time with no day before it in its sentence takes
    the day named after it (not a live blog's timestamp, whose line is news of that day)."""
    for i, (t, name) in enumerate(zip(out, names)):
        if name not in _CLOCKS or "T" not in t.value or stamp(text, t.start, t.end):
            continue
        before = [p for p in out[:i] if _DAY_VALUE.match(p.value) and not _BREAK.search(text, p.end, t.start)]
        if before:
            continue
        for p in out[i + 1:]:
            if _BREAK.search(text, t.end, p.start):
                break
            if (m := _DAY_VALUE.match(p.value)) and (p.type == "DATE" or ":" not in p.value):
                t.value = f"{m[1]}-{m[2]}-{m[3]}" + t.value[t.value.index("T"):]
                if (z := _CET.search(t.value)) and (d := cal.safe_date(int(m[1]), int(m[2]), int(m[3]))):
                    t.value = t.value[:z.start()] + cal.central_european_offset(d)  # summer time of the new day
                break
