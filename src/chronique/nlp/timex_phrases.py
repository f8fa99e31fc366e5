"""Set phrases of news French the main rules leave out: a week of a month, « la même époque », habits.

« la première semaine de juillet » is the ISO week holding most of that week's
days; « à la même époque l'an dernier » the publication's month in the year
the sentence compares with. Habits are TimeML SETs: « tous les premiers mardis
du mois », « chaque fin de mois », « deux fois l'an », « 7 jours sur 7 ».
Vocabulary comes from langdata (ordinals, months, weekdays, units).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from chronique import langdata
from chronique.nlp import timex_calendar as cal
from chronique.nlp.timex_lexicon import alt, key, lexicon, number_value
from chronique.nlp.timex_values import Context, Value, _Groups, _duration, _g, lean, month

_B = r"(?<![\w-])"
_E = r"(?![\w])"
_A = r"['’ʼ]\s*"
_BREAK = re.compile(r"[.!?]\s|\n")


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {key(f): e["value"] for e in langdata.load("temporal_ordinals") for f in e["forms"]}


def rule_defs() -> list[tuple[str, int, str, str]]:
    """(name, priority, pattern, trigger kinds needed) of this module's rules, spliced into timex_rules."""
    rx = lexicon().rx
    ordinal = alt(_ordinals())
    year4 = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w,.]?\d)"
    count = rf"(?:\d+|{rx['numword']})"
    weekends = alt([f for f, e in lexicon().units.items() if e.get("grain") == "WE" and f.endswith("s")])
    years_back = rf"(?:de\s+)?l{_A}an(?:née)?\s+(?P<ydir>{rx['dir_after']})|(?:de\s+l{_A}année\s+|en\s+){year4}"
    return [
        ("week_of_month", 8,
         rf"{_B}(?P<x>(?:la|les)\s+(?P<ord>{ordinal})\s+(?P<wk>semaine|quinzaine)\s+(?:de\s+|d{_A})(?:(?:le\s+)?mois\s+"
         rf"(?:de\s+|d{_A}))?(?P<month>{rx['month']})(?:\s+{year4})?){_E}", "month"),
        ("nth_weekday", 8,
         rf"{_B}(?P<x>(?:le|la)\s+(?P<ord>{ordinal})\s+(?P<wd>{rx['weekday']})\s+(?:de\s+|d{_A})(?:(?:le\s+)?mois\s+"
         rf"(?:de\s+|d{_A}))?(?P<month>{rx['month']})(?:\s+{year4})?){_E}", "month"),
        ("same_period", 6,
         rf"{_B}(?P<x>(?:la|le)\s+même\s+(?P<per>époque|période|date))(?:\s*,?\s+(?:{years_back}))?{_E}",
         "same"),
        ("set_nth_weekday", 8,
         rf"{_B}(?P<x>(?P<q>(?:tous|toutes)\s+les|chaque|les?)\s+(?P<ord>{ordinal})(?:\s+et\s+(?:{ordinal}))?\s+"
         rf"(?P<wd>{rx['weekday_pl']}|{rx['weekday']}))(?P<of>\s+(?:du|de\s+chaque)\s+mois(?!\s+(?:de|d{_A})))?{_E}",
         "weekday weekday_pl"),
        ("set_bound", 7,
         rf"{_B}(?:chaque|tous\s+les|toutes\s+les)\s+(?:fins?|débuts?|milieux?|mi)\s*[-\s]?(?:de\s+|d{_A})?"
         rf"(?P<unit>{rx['calunit']}){_E}", "unit"),
        ("set_yearly", 6, rf"{_B}(?:(?P<times>{count})\s+fois\s+)l{_A}an{_E}", "unit"),
        ("set_weekends", 7, rf"{_B}(?:(?:tous|toutes)\s+les|les)\s+(?:{weekends}){_E}", "unit"),
        ("set_alternate", 7,
         rf"{_B}(?:un|une)\s+(?P<unit>{rx['unit']})\s+sur\s+(?P<every>deux|trois|quatre|[2-9]){_E}", "unit"),
        ("set_round", 7,
         rf"{_B}(?P<n>24|7|vingt-quatre|sept)\s*(?P<unit>heures|h|jours|j)\s*(?:sur\s*|/\s*)(?P<n2>24|7|vingt-quatre|sept){_E}",
         "unit digit"),
    ]


def trigger_sources() -> dict[str, list[str]]:
    return {"same": ["même"]}


def week_of_month(m: re.Match, c: Context) -> Value:
    """« la première semaine de juillet »: the ISO week holding its middle day; « la première quinzaine » the month."""
    n = _ordinals()[key(m["ord"])]
    found = month(_Groups(m, dir=None, bnd=None), c) if not m["year"] else ("DATE", f"{m['year']}-{_month_no(m):02d}")
    if found is None or key(m["wk"]) == "quinzaine" or "X" in found[1]:
        return found
    y, mo = (int(v) for v in found[1].split("-"))
    if n > 0:
        mid = cal.safe_date(y, mo, 7 * (n - 1) + 4)
    else:
        mid = cal.safe_date(*cal.add_months(y, mo, 1), 1) - timedelta(days=4)
    return ("DATE", cal.iso_week(mid)) if mid else None


def nth_weekday(m: re.Match, c: Context) -> Value:
    """« le premier lundi de juin », « le dernier dimanche d'octobre 2027 »: that day of the month."""
    n = _ordinals()[key(m["ord"])]
    found = month(_Groups(m, dir=None, bnd=None), c) if not m["year"] else ("DATE", f"{m['year']}-{_month_no(m):02d}")
    if found is None or "X" in found[1]:
        return found
    y, mo = (int(v) for v in found[1].split("-"))
    wd = lexicon().weekdays[key(m["wd"])]
    first = date(y, mo, 1)
    day = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    if n < 0:
        last = date(*cal.add_months(y, mo, 1), 1) - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - wd) % 7)
    return ("DATE", day.isoformat()) if day.month == mo else None


def _month_no(m: re.Match) -> int:
    return lexicon().months[key(m["month"])]


def same_period(m: re.Match, c: Context) -> Value:
    """« à la même époque l'an dernier », « l'an dernier à la même période »: the publication's month (day for « la
    même date ») in the year compared with — named just after it, else the year named last in its sentence."""
    pub = c.published
    if pub is None:
        return None
    year = None
    if m["year"]:
        year = int(m["year"])
    elif d := _g(m, "ydir"):
        direction = lexicon().directions.get(key(d))
        if direction is None or direction["value"] == "0":
            return None
        year = pub.year + int(direction["value"])
    elif c.last_year is not None and not _BREAK.search(c.text, c.last_year[1], m.start()):
        year = c.last_year[0]
    if year is None:  # « à la même époque » of a story: no period that can be told
        return ("DATE", "XXXX") if c.extra.get("probe") else None  # the year may come from the text before it
    if key(m["per"]) == "date":
        d = cal.safe_date(year, pub.month, pub.day) or cal.safe_date(year, pub.month, 28)
        return "DATE", d.isoformat()
    return "DATE", f"{year:04d}-{pub.month:02d}"


def set_nth_weekday(m: re.Match, c: Context) -> Value:
    """« tous les premiers mardis du mois », « les deuxième et quatrième jeudis »: a weekday of every month; needs a
    quantifier, a plural or « du mois » (« le premier lundi » alone is one day)."""
    plural = key(m["wd"]) in lexicon().weekdays_plural
    quantified = key(m["q"]) not in ("le", "les")
    if not (plural or m["of"] or quantified):
        return None
    if key(m["q"]) == "le" and not m["of"]:
        return None
    wd = lexicon().weekdays_plural.get(key(m["wd"])) or lexicon().weekdays[key(m["wd"])]
    return "SET", f"XXXX-WXX-{wd}"


def set_bound(m: re.Match, c: Context) -> Value:
    """« chaque fin de mois », « tous les débuts d'année »: a part of every such period."""
    unit = lexicon().units[key(m["unit"])]
    return "SET", _duration(1, unit)


def set_yearly(m: re.Match, c: Context) -> Value:
    """« deux fois l'an »: every year."""
    return "SET", "P1Y"


def set_round(m: re.Match, c: Context) -> Value:
    """« 24 heures sur 24 », « 7 j/7 »: every day, the whole of it (the two numbers are the same full count)."""
    n, n2 = number_value(m["n"]), number_value(m["n2"])
    full = 24 if key(m["unit"]).startswith("h") else 7
    return ("SET", "P1D") if n == n2 == full else None


def set_weekends(m: re.Match, c: Context) -> Value:
    """« les week-ends »: every weekend."""
    return "SET", "XXXX-WXX-WE"


def set_alternate(m: re.Match, c: Context) -> Value:
    """« un jour sur deux », « une semaine sur trois »: every second (third) such unit."""
    unit = lexicon().units[key(m["unit"])]
    every = number_value(m["every"])
    return ("SET", _duration(every, unit)) if every and unit.get("grain") in ("D", "W", "M", "Y", "WE") else None


NORMALISERS = {"set_weekends": set_weekends, "set_alternate": set_alternate, "week_of_month": week_of_month, "nth_weekday": nth_weekday, "same_period": same_period, "set_nth_weekday": set_nth_weekday,
               "set_bound": set_bound, "set_yearly": set_yearly, "set_round": set_round}
