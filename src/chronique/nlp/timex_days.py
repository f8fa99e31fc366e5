"""Dates the main rules leave out: an abbreviated month with no dot, a day number alone, a yearly period.

« 3 oct 2025 » (an agency dateline) is read only between a day number and a
year, since « sept » is also seven. « le 19 » alone names the nearest 19th in the
direction of its verb's tense (a vote to come, a deadline), or the
month of a date named just before in its paragraph (« Le 3 mars … Le 5, … »).
« la rentrée » is September of the year the tense points at. Words come from
langdata (``temporal_month_abbreviations``, ``temporal_periods``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from chronique import langdata
from chronique.nlp import timex_calendar as cal
from chronique.nlp.timex_lexicon import alt, key, lexicon
from chronique.nlp.timex_values import Context, Value, _Groups, date_dmy, lean

_B = r"(?<![\w-])"
_E = r"(?![\w])"
_A = r"['’ʼ]\s*"
_BREAK = re.compile(r"\n")
_NEXT_WORD = re.compile(r"\s+(\w+)")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {key(e["form"]): e["month"] for e in langdata.load("temporal_month_abbreviations")}


@lru_cache(maxsize=1)
def _periods() -> dict[str, dict]:
    return {key(f): e for e in langdata.load("temporal_periods") for f in e["forms"]}


@lru_cache(maxsize=1)
def _not_after() -> re.Pattern:
    words = [w for e in langdata.load("temporal_periods") for w in e.get("not_followed_by") or []]
    return re.compile(rf"\s*(?:{alt(words)}){_E}", re.IGNORECASE) if words else re.compile(r"(?!)")


@lru_cache(maxsize=1)
def _day_cues() -> tuple[re.Pattern, re.Pattern]:
    """Words after « le 19 » that leave it a date (« le 19 pour voter »), words before it that make it a number
    (« appelez le 17 »)."""
    entries = langdata.load("temporal_day_number_cues")
    after = [e["word"] for e in entries if e["kind"] == "after"]
    before = [e["word"] for e in entries if e["kind"] == "not_before"]
    street = [e["word"] for e in entries if e["kind"] == "not_after"]  # « le 10, rue … »: an address
    return (re.compile(rf"(?!\s*,?\s*(?:{alt(street)}){_E})\s*(?:[,.;:)!?]|$|(?:{alt(after)}){_E})", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{alt(before)})\s*$", re.IGNORECASE))


def rule_defs() -> list[tuple[str, int, str, str]]:
    """(name, priority, pattern, trigger kinds needed) of this module's rules, spliced into timex_rules."""
    rx = lexicon().rx
    day = r"(?P<day>1er|[12]\d|3[01]|0?[1-9])"
    return [
        ("date_abbr", 9,
         rf"{_B}(?P<x>(?:le\s+)?(?:(?P<wd>{rx['weekday']})\s+)?{day}\s+(?P<abbr>{alt(_abbreviations())})\s+"
         rf"(?P<year>(?:1[5-9]|20)\d\d))(?![\w,.]?\d)", "digit"),
        ("day_alone", 3,
         rf"{_B}(?:(?:dès|avant|après|depuis)\s+)?(?P<x>le\s+(?P<day>1er|[12]\d|3[01]|[1-9]))(?![\w,.]?\d|\s*[%°€$])",
         "digit"),
        ("period", 5, rf"{_B}(?P<x>(?:la|le|l{_A})\s*(?P<period>{alt(_periods())})(?:\s+(?P<year>(?:19|20)\d\d))?){_E}",
         "period"),
    ]


def trigger_sources() -> dict[str, list[str]]:
    return {"period": list(_periods())}


def date_abbr(m: re.Match, c: Context) -> Value:
    return date_dmy(_Groups(m, month=_abbreviations()[key(m["abbr"])], dir=None, part=None), c)


def _month_named_before(c: Context, at: int) -> date | None:
    """The month of a day or month last named in the same paragraph (« Le 3 mars, … Le 5, … »)."""
    if c.ref is None or c.ref[1] not in ("day", "month") or c.ref_end < 0 or _BREAK.search(c.text, c.ref_end, at):
        return None
    return c.ref[0]


def day_alone(m: re.Match, c: Context) -> Value:
    """« le 19 »: the 19th of the month named just before, else the nearest 19th the tense points to."""
    after, before = _day_cues()
    if not after.match(c.text, m.end()) or before.search(c.text, max(0, m.start() - 30), m.start()):
        return None
    n = 1 if m["day"].lower() == "1er" else int(m["day"])
    pub = c.published
    tense = lean(m, c)
    if (nxt := _NEXT_WORD.match(c.text, m.end())) and (d := lexicon().directions.get(key(nxt[1]))) and d["value"] != "0":
        tense = "past" if d["value"] == "-1" else "future"  # « le 19 prochain », « le 3 dernier »
    named = _month_named_before(c, m.start())
    if named is not None and (d := cal.safe_date(named.year, named.month, n)) is not None:
        if pub is None or not ((tense == "future" and d < pub) or (tense == "past" and d > pub)):
            return "DATE", d.isoformat()  # the month just named, unless the tense points the other way
    if pub is None:
        return None  # a day with no month: nothing a reader could check
    months = [(pub.year + (pub.month - 1 + k) // 12, (pub.month - 1 + k) % 12 + 1) for k in (-1, 0, 1)]
    days = [d for y, mo in months if (d := cal.safe_date(y, mo, n))]
    if tense == "future":
        d = min((d for d in days if d >= pub), default=None)
    elif tense == "past":
        d = max((d for d in days if d <= pub), default=None)
    else:
        d = min(days, key=lambda x: abs((x - pub).days), default=None)
    return ("DATE", d.isoformat()) if d else None


def period(m: re.Match, c: Context) -> Value:
    """« la rentrée »: its month in the year the tense points at (« à la rentrée » said in June is this September)."""
    if _not_after().match(c.text, m.end()):
        return None  # « une rentrée d'argent », « la rentrée fiscale »
    mon = _periods()[key(m["period"])]["month"]
    if m["year"]:
        return "DATE", f"{m['year']}-{mon:02d}"
    if c.published is None:
        return "DATE", f"XXXX-{mon:02d}"
    return "DATE", f"{cal.year_for_month(c.published, mon, lean(m, c)):04d}-{mon:02d}"


NORMALISERS = {"date_abbr": date_abbr, "day_alone": day_alone, "period": period}
