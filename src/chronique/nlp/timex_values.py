"""ISO-TimeML values of matched French expressions (one normaliser per rule of timex_rules).

A normaliser reads the match's groups and a :class:`Context` (publication date,
the last date spoken of, the governing verb's tense) and returns ``(type, value)``
or None to reject the match. Without a publication date relative expressions get
TimeML's partial values (``XXXX-WXX-1``, ``XXXX-XX-XX``); absolute ones still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta

from chronique import langdata
from chronique.nlp import timex_calendar as cal
from chronique.nlp.timex_lexicon import key, lexicon, number_value
from chronique.nlp.timex_night import small_hours_day

Value = tuple[str, str] | None
_BREAK = re.compile(r"[.!?]\s|\n")


@dataclass
class Context:
    published: date | None
    text: str
    tense: Callable[[int, int], str | None]
    ref: tuple[date, str] | None = None  # last date spoken of and its precision: day / month / year
    day: date | None = None  # last day spoken of (for clock times and parts of the day)
    day_end: int = -1  # where that day was spoken of
    story_day: date | None = None  # last day of the narrative (weekday, hier, la veille…), not a planned date
    clock: str | None = None  # last clock time spoken of (« à ce moment-là » points at it)
    clock_end: int = -1
    night: date | None = None  # the day whose night was last spoken of (« dans la nuit de jeudi à vendredi »)
    heading_day: date | None = None  # the day a short line opens with (« Mardi 3 mars », a live blog's date line)
    ref_end: int = -1  # where ``ref`` was spoken of
    year: tuple[date, int] | None = None  # the last year named alone (« en 2024 ») and where
    named_year: tuple[int, int] | None = None  # the last year written out (« en 1998 », « le 3 mars 1998 ») and where
    last_year: tuple[int, int] | None = None  # the last expression valued as a whole year (« l'an dernier ») and where

    def period(self) -> tuple[date, str] | None:
        """The last period spoken of, day, month or year (« en 2024 … l'année suivante »)."""
        if self.year is not None and (self.ref is None or self.year[1] > self.ref_end):
            return self.year[0], "year"
        return self.ref
    extra: dict = field(default_factory=dict)

    def anchor_day(self, at: int | None = None) -> date | None:
        """The day a clock time or part of day belongs to: the last day named in the same paragraph, else publication."""
        if self.day is not None and (at is None or not _BREAK.search(self.text, self.day_end, at)):
            return self.day
        if (self.day is not None and self.published is not None and self.day > self.published and at is not None
                and self.tense(at, at + 1) == "future"):
            return self.day  # « Le conseil se réunira mardi. À 10 h, les élus voteront »: still the planned day
        return self.story_day or self.published


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _num(text: str) -> str:
    return f"{int(text)}" if float(text).is_integer() else f"{text:g}" if isinstance(text, float) else text


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _day_num(s: str) -> int:
    s = key(s)
    return 1 if s.startswith(("1er", "1ᵉʳ", "premier")) else int(s)


def _dir(word: str | None) -> dict | None:
    return lexicon().directions.get(key(word)) if word else None


def _year_of(m: re.Match, anchor: date | None) -> int | None:
    y = _g(m, "year")
    if y:
        return int(y)
    yy = _g(m, "yy")
    if yy:
        return cal.full_year(int(yy.lstrip("'’")), anchor)
    return None


def _part_code(word: str | None) -> str | None:
    if not word:
        return None
    e = lexicon().parts.get(key(word))
    return e["code"] if e else None


def _mid_day(code: str | None, m: re.Match) -> str | None:
    """« en milieu de journée » is mid-day (TMI), not the daytime with a boundary."""
    return "MI" if code == "DT" and key(_g(m, "pbnd") or "") == "milieu" else code


def _with_part(day_value: str, m: re.Match) -> tuple[str, str]:
    code = _mid_day(_part_code(_g(m, "part")), m)
    if code:
        return "TIME", f"{day_value}T{code}"
    return "DATE", day_value


def date_dmy(m: re.Match, c: Context) -> Value:
    month = lexicon().months[key(m["month"])]
    day = _day_num(m["day"])
    year = _year_of(m, c.published)
    if year is None:
        wd = m["wd"]
        if c.published is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        d = _dir(m["dir"])
        direction = None
        if d and d["anchor"] == "publication" and d["value"] != "0":
            direction = "before" if d["value"] == "-1" else "after"
        tense = None if direction else lean(m, c)
        year = cal.year_for_day(c.published, month, day, tense, direction)
        want = lexicon().weekdays[key(wd)] if wd else None
        if not direction and (named := _named_year(m, c, tense)) is not None:
            cand = cal.safe_date(year, month, day) or cal.safe_date(year, month, 28)
            named_day = cal.safe_date(named, month, day)
            if abs((cand - c.published).days) > _NEAR_PUBLICATION_DAYS and named_day and (
                    want is None or named_day.isoweekday() == want):
                year = named
                want = None
        if want:  # « samedi 5 juin »: the weekday settles the year when the tense did not
            for y in (year, year + 1, year - 1):
                dd = cal.safe_date(y, month, day)
                if dd and dd.isoweekday() == want:
                    year = y
                    break
    if cal.safe_date(year, month, day) is None:
        return None
    return _with_part(f"{year:04d}-{month:02d}-{day:02d}", m)


class _Groups:
    """A match seen through a mapping of extra groups (rules that share a normaliser but not all its groups)."""

    def __init__(self, m: re.Match, **extra):
        self._m, self._extra = m, extra

    def __getitem__(self, name):
        if name in self._extra:
            return self._extra[name]
        return _g(self._m, name)

    def group(self, *a):
        if len(a) == 1 and a[0] in self._extra:
            return self._extra[a[0]]
        return self._m.group(*a)

    def start(self, *a):
        return self._m.start(*a)

    def end(self, *a):
        return self._m.end(*a)


def part_of_date(m: re.Match, c: Context) -> Value:
    """« la nuit du 4 au 5 août », « le matin du 5 mai »: the part of the (first) day named."""
    part = m["part"] if _part_code(m["part"]) != "DT" else None  # « la journée du 5 mai » is the day itself
    return date_dmy(_Groups(m, dir=None, part=part), c)


def part_dir(m: re.Match, c: Context) -> Value:
    """« la nuit dernière » (the one before publication), « le soir précédent » (before the day last spoken of)."""
    d = _dir(m["dir"])
    code = _part_code(m["part"])
    base = c.anchor_day(m.start()) if d["anchor"] == "reference" else c.published
    if base is None:
        return "TIME", f"XXXX-XX-XXT{code}"
    day = (base + timedelta(days=int(d["value"]))).isoformat()
    return ("DATE", day) if code == "DT" else ("TIME", f"{day}T{code}")


def date_first(m: re.Match, c: Context) -> Value:
    """« du 3 au 5 mai »: the first day takes the month (and year) named after the second."""
    return date_dmy(_Groups(m, wd=None, dir=None), c)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def century(m: re.Match, c: Context) -> Value:
    if _g(m, "cnum"):  # « au 18e siècle »
        total = int(m["cnum"])
        return ("DATE", f"{total - 1:02d}") if 0 < total <= 21 else None
    total, prev = 0, 0
    for ch in reversed(m["roman"]):
        v = _ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return ("DATE", f"{total - 1:02d}") if 0 < total <= 21 else None


def night_of(m: re.Match, c: Context) -> Value:
    """« la nuit de samedi à dimanche »: the part of the day of the first weekday named."""
    part = m["part"] if _part_code(m["part"]) != "DT" else None  # « la journée de mardi » is the day itself
    return weekday(_Groups(m, det=None, dir=None, part=part), c)


def date_numeric(m: re.Match, c: Context) -> Value:
    y = int(m["y"]) if len(m["y"]) == 4 else cal.full_year(int(m["y"]), c.published)
    d = cal.safe_date(y, int(m["m"]), int(m["d"]))
    return ("DATE", d.isoformat()) if d else None


def date_dm(m: re.Match, c: Context) -> Value:
    """« le 12/05 », « du 2/06 au 5/06 »: a day and month in figures, the year placed as for « le 12 mai »."""
    day, month = int(m["d"]), int(m["m"])
    if not (1 <= month <= 12) or cal.safe_date(2000, month, day) is None:
        return None
    if c.published is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    year = cal.year_for_day(c.published, month, day, lean(m, c))
    return ("DATE", f"{year:04d}-{month:02d}-{day:02d}") if cal.safe_date(year, month, day) else None


def month_year(m: re.Match, c: Context) -> Value:
    month = lexicon().months[key(m["month"])]
    year = _year_of(m, c.published)
    return "DATE", f"{year:04d}-{month:02d}"


def month(m: re.Match, c: Context) -> Value:
    word = m["month"]
    if word[0].isupper() and m.start("month") > 0 and not _sentence_start(c.text, m.start()):
        if key(word) == "mars":  # « Mars » mid-sentence is the planet or the god
            return None
    if key(word).endswith(".") and not m["dir"]:
        return None  # « sept. » alone ends a sentence on the number seven; an abbreviation needs a day or a year
    mon = lexicon().months[key(word)]
    if (of_year := _of_year(m, c)) is not None:
        return "DATE", f"{of_year:04d}-{mon:02d}"  # « en novembre de l'année prochaine »
    if c.published is None:
        return "DATE", f"XXXX-{mon:02d}"
    d = _dir(m["dir"])
    direction = None
    if d and d["value"] != "0":
        direction = "before" if d["value"] == "-1" else "after"
    tense = None if direction else lean(m, c)
    year = cal.year_for_month(c.published, mon, tense, direction)
    if not direction and (named := _named_year(m, c, tense)) is not None:
        if abs((year - c.published.year) * 12 + mon - c.published.month) > 1:
            year = named
    return "DATE", f"{year:04d}-{mon:02d}"


_UNTIL = re.compile(r"\bd['’]ici(?:\s+à|\s+au)?\s*(?:le\s+|la\s+|l['’])?$", re.I)
_FUTURE_PREP = re.compile(r"(?:\bà\s+partir\s+d[eu']?|\bdès|\bjusqu['’](?:à|au))\s*(?:le\s+|la\s+|l['’])?$", re.I)
_PAST_PREP = re.compile(r"\bdepuis\s*(?:le\s+|la\s+|l['’])?$", re.I)


_NEAR_PUBLICATION_DAYS = 30


def _named_year(m: re.Match, c: Context, tense: str | None) -> int | None:
    """The year a day or month without one belongs to when the paragraph wrote out another year before it, with no
    other date in between (« en 1998, l'usine a fermé le 15 mars. Le 20 avril, … »): the narrative's reference time,
    as TimeML and HeidelTime's narrative mode read it — unless the tense points the other way (« depuis 2019 il dirige
    le club, qu'il quittera le 30 juin »). The callers keep the publication's year for a date close to publication
    (« née le 6 mars 1941, elle est décédée le 13 mai »)."""
    if c.named_year is None or c.published is None:
        return None
    year, end = c.named_year
    if year == c.published.year or end > m.start() or "\n" in c.text[end:m.start()]:
        return None
    if (year < c.published.year and tense == "future") or (year > c.published.year and tense == "past"):
        return None
    if year > c.published.year and _BREAK.search(c.text, end, m.start()):
        return None  # a year ahead (« le plan 2030 ») sets no narrative beyond its sentence
    return year


def lean(m: re.Match, c: Context) -> str | None:
    """The tense that places a bare date, corrected by a preposition (« depuis » past, « d'ici », « dès » future)."""
    before = c.text[max(0, m.start() - 20):m.start()]
    if _PAST_PREP.search(before):
        return "past"
    if _UNTIL.search(before):
        return "future"
    tense = c.tense(m.start(), m.end())
    if _FUTURE_PREP.search(before) and (tense != "past" or c.extra.get("reported", _no)(m.start(), m.end())):
        return "future"  # « a annoncé le lancement, à partir de samedi, de … »: the start of what was announced
    return tense


def _no(*_) -> bool:
    return False


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].strip()
    return not before or before[-1] in ".!?»:\n"


_FOLLOW_OK = re.compile(r"\s*(?:$|[^\w\s]|(?:et|à|au|aux|en|ou|lors|puis|par|pour|dans|le|la|les|l|dès|quand|où|qui|que|"
                        r"contre|sur|avec|sans|selon|mais|jusqu|depuis|déjà|il|ils|elle|elles|on|nous|a|ont|est|"
                        r"sont|était|avait|avaient|sera|seront|serait|seraient|aura|auront|aurait|auraient|fut|doit|doivent|devrait|devraient|va|vont|pourrait|"
                        r"pourraient|se|s|ne|n|ce|c|cette|un|une|des|du|de|d|après|avant|alors|"
                        r"encore|aussi|comme|seulement|notamment|chez)\b)", re.I)


_YEAR_PREP = re.compile(r"(?:\b(?:en|depuis|dès|de|d['’]|du|avant|après|jusqu['’]en|entre|et|vers|fin|début|mi|à|au|"
                        r"saison|exercice|année|an|horizon|printemps|été|automne|hiver|[A-Za-zéû]+\s+\d{1,2})|[(,/–-])\s*$", re.I)
_YEAR_NOUN = re.compile(r"\b(?:horizon|saison|exercice|édition|millésime|cuvée|promotion|rentrée|printemps|été|"
                        r"période|législature|mandature|budget|courant|"
                        r"automne|hiver)\s*$", re.I)
_NOT_YEAR = re.compile(r"(?:n°|\bno|numéro|€|\$|article|page|p\.|route|\brn|\ba|km|tél|tel|contre|sur|avec|plus\s+de|"
                       r"moins\s+de|environ|près\s+de|quelque|soit)\s*$", re.I)


def year(m: re.Match, c: Context) -> Value:
    y = int(m["year"])
    before = c.text[max(0, m.start("year") - 14):m.start("year")]
    if m.start("year") > m.start() and not m["bnd"]:
        return "DATE", f"{y:04d}"  # « l'année 2001 », « la saison 2002 »
    if (m["bnd"] and not _NOT_YEAR.search(before)) or _YEAR_NOUN.search(before):
        return "DATE", f"{y:04d}"  # « fin 2026 », « à l'horizon 2040 », which spaCy may parse as a number of the noun
    if _NOT_YEAR.search(before) or c.extra["dep"](m.start("year"), m.end("year")) == "nummod":
        return None  # « 2000 voix », « contre 1500 », « plus de 2000 »: quantities
    if re.match(r"l|la", m.group(0), re.I) or _YEAR_PREP.search(before):
        return "DATE", f"{y:04d}"
    if _sentence_start(c.text, m.start("year")) or _FOLLOW_OK.match(c.text, m.end()):
        return "DATE", f"{y:04d}"
    return None


def week_of(m: re.Match, c: Context) -> Value:
    """« la semaine du 12 mai »: the ISO week holding that day."""
    day = date_dmy(_Groups(m, wd=None, dir=None, part=None), c)
    if day is None or "X" in day[1]:
        return ("DATE", "XXXX-WXX") if day else None
    return "DATE", cal.iso_week(date.fromisoformat(day[1]))


def decade(m: re.Match, c: Context) -> Value:
    if _g(m, "decw"):  # « les années quatre-vingt »: a decade of the last century written in words
        n = number_value(m["decw"])
        return ("DATE", f"19{int(n) // 10}") if n is not None and n % 10 == 0 and 20 <= n <= 90 else None
    d = m["dec"]
    if len(d) == 2:
        d = ("19" if int(d) > 20 else "20") + d
    return "DATE", d[:3]


def _of_year(m: re.Match, c: Context) -> int | None:
    """The year of « de l'année prochaine », « de l'an dernier », « de cette année », « de l'année précédente »."""
    if _g(m, "ythis") is not None:
        return c.published.year if c.published else None
    d = _dir(_g(m, "ydir"))
    if d is None:
        return None
    base = c.period() if d["anchor"] == "reference" else None
    if d["anchor"] == "reference" and base is None:
        return None
    year = base[0].year if base else c.published.year if c.published else None
    return None if year is None else year + int(d["value"])


def part_year(m: re.Match, c: Context) -> Value:
    unit = lexicon().units[key(m["unit"])]
    grain = unit.get("grain")
    if grain not in ("Q", "H"):
        return None
    n = next(e["value"] for e in _ordinals() if key(m["ord"]) in {key(f) for f in e["forms"]})
    if n == -1 and m["year"]:
        n = {"H": 2, "Q": 4}[grain]  # « le dernier trimestre 2025 »: its fourth
    if n < 1 or n > {"H": 2, "Q": 4}[grain]:
        return None  # « le dernier trimestre » may be the last one gone as well as the fourth
    of_year = _of_year(m, c)
    if m["year"]:
        y = m["year"]
    elif of_year:
        y = str(of_year)
    elif c.published:
        y = str(_part_year_of(c.published, 3 if grain == "Q" else 6, n, lean(m, c)))
    else:
        y = "XXXX"
    return "DATE", f"{y}-{grain}{n}"


def _part_year_of(pub: date, months: int, n: int, tense: str | None) -> int:
    """« au second semestre » with no year: the publication year, or the next one when a future verb points at a
    part already over (said in October), the last one when a past verb points at a part not yet begun."""
    first, last = (n - 1) * months + 1, n * months
    if tense == "future" and last < pub.month:
        return pub.year + 1
    if tense == "past" and first > pub.month:
        return pub.year - 1
    return pub.year


_OF_SOMETHING = re.compile(r"\s+(?:de|du|des|d['’])(?=[\s\w])", re.I)
_MONTH_PARTS = {(3, "premiers"): "Q1", (6, "premiers"): "H1", (3, "derniers"): "Q4", (6, "derniers"): "H2"}


def months_part(m: re.Match, c: Context) -> Value:
    """« les six premiers mois de 2026 » is the first half-year (2026-H1), « les trois premiers mois » the first quarter.
    « les six derniers mois » alone counts back from now (a duration, left to other rules); « les trois premiers
    mois de son mandat » is no calendar period."""
    n = number_value(m["n"])
    part = _MONTH_PARTS.get((int(n) if n is not None and float(n).is_integer() else 0, key(m["pos"])))
    if part is None:
        return None
    if not m["of"] and (key(m["pos"]) == "derniers" or _OF_SOMETHING.match(c.text, m.end())):
        return None
    y = m["year"] or (str(c.published.year) if c.published else "XXXX")
    return "DATE", f"{y}-{part}"


def _ordinals():
    from chronique import langdata

    return langdata.load("temporal_ordinals")


def _weekday_date(c: Context, wd: int, m: re.Match, dirword: str | None) -> date | None:
    d = _dir(dirword)
    if d and d["anchor"] == "reference" and d["value"] != "0":
        base = c.ref[0] if c.ref and c.ref[1] == "day" else c.published
        if base is None:
            return None
        return cal.weekday(base, wd, "before" if d["value"] == "-1" else "after")
    if c.published is None:
        return None
    if d and d["value"] != "0":
        return cal.weekday(c.published, wd, "before" if d["value"] == "-1" else "after")
    if wd == c.published.isoweekday():
        return c.published
    tense = lean(m, c)
    if tense in ("future", "present"):  # news present + weekday mostly announces (« le sommet s’ouvre jeudi »)
        return cal.weekday(c.published, wd, "after")
    if tense is None and c.extra.get("planned", _no)(m.start()):
        return cal.weekday(c.published, wd, "after")  # « nouvelle assemblée générale lundi » in a heading: the plan
    if tense == "past" and c.extra.get("planned", _no)(m.start()) and c.extra.get("reported", _no)(m.start(), m.end()):
        return cal.weekday(c.published, wd, "after")  # « a annoncé l'organisation d'un débat vendredi »: what was announced
    return cal.weekday(c.published, wd, "before")


def weekday(m: re.Match, c: Context) -> Value:
    wd = lexicon().weekdays[key(m["wd"])]
    if m["det"] and key(m["det"]) == "le" and not m["dir"]:
        code = _part_code(m["part"])
        if not code:
            return "SET", f"XXXX-WXX-{wd}"
        if lean(m, c) == "present":  # « le marché se tient le dimanche matin »: a habit
            return "SET", f"XXXX-WXX-{wd}T{code}"
    d = _weekday_date(c, wd, m, m["dir"])
    if d is None:
        base = f"XXXX-WXX-{wd}"
        code = _part_code(m["part"])
        return ("TIME", f"{base}T{code}") if code else ("DATE", base)
    return _with_part(d.isoformat(), m)


def weekday_day(m: re.Match, c: Context) -> Value:
    """« jeudi 29, à 20 h », « le samedi 7 »: a weekday and a day of the month, the month left out because it is the
    current or an adjacent one; the month where that day falls on that weekday, the tense choosing between two."""
    want, day = lexicon().weekdays[key(m["wd"])], _day_num(m["day"])
    if c.published is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    found = []
    for k in range(-3, 4):
        y, mo = cal.add_months(c.published.year, c.published.month, k)
        if (d := cal.safe_date(y, mo, day)) and d.isoweekday() == want:
            found.append(d)
    if not found:
        return None
    tense = lean(m, c)
    pub = c.published
    ahead = [d for d in found if d >= pub]
    behind = [d for d in found if d <= pub]
    if tense == "past" and behind:
        return "DATE", behind[-1].isoformat()
    if tense in ("future", "present") and ahead:
        return "DATE", ahead[0].isoformat()
    return "DATE", min(found, key=lambda d: abs((d - pub).days)).isoformat()


def weekday_set(m: re.Match, c: Context) -> Value:
    w = key(m["wdp"])
    wd = lexicon().weekdays_plural.get(w) or lexicon().weekdays.get(w)
    return "SET", f"XXXX-WXX-{wd}"


_TODAY_NOW = re.compile(r"\s*,\s*(?:[^.!?\n]*?)(?:[.!?]|$)")
_CLOCKISH = re.compile(r"\d\s*h\b|\bheures?\b|\bmatin|\bsoir|\bmidi\b|après-midi", re.I)


def _today_as_now(m: re.Match, c: Context) -> bool:
    """« Aujourd'hui, la ville a changé de visage »: opening its sentence, set off by a comma, with no future verb and
    no hour of the day after it, « aujourd'hui » contrasts now with then (TimeML PRESENT_REF), not the date."""
    if lexicon().days[key(m["rel"])]["offset"] != 0 or m["wd"] or m["part"] or not _sentence_start(c.text, m.start()):
        return False
    rest = _TODAY_NOW.match(c.text, m.end())
    if rest is None or _CLOCKISH.search(rest.group()):
        return False
    return c.tense(rest.start(), rest.end()) != "future"  # the tense of the clause it opens


def relday(m: re.Match, c: Context) -> Value:
    e = lexicon().days[key(m["rel"])]
    if _today_as_now(m, c):
        return "TIME", "PRESENT_REF"
    if (m.start() > 1 and not m["wd"] and not m["part"]
            and (now := lexicon().refs.get(key(c.text[max(0, m.start() - 2):m.end()])))):
        return "TIME", now  # « à ce jour »: with its preposition a phrase that means « so far »
    if c.published is None:
        code = _part_code(m["part"])
        return ("TIME", f"XXXX-XX-XXT{code}") if code else ("DATE", "XXXX-XX-XX")
    d = c.published + timedelta(days=e["offset"])
    if m["wd"]:  # « demain (lundi) » in a quote: the weekday names the day meant
        want = lexicon().weekdays[key(m["wd"])]
        d = min((d + timedelta(days=k) for k in range(-3, 4)), key=lambda x: (x.isoweekday() != want, abs((x - d).days)))
    return _with_part(d.isoformat(), m)


def refday(m: re.Match, c: Context) -> Value:
    e = lexicon().days.get(key(m["refd"])) or lexicon().days.get("le " + key(m["refd"]))
    offset = e["offset"]
    if "moment" in key(m["refd"]) and c.clock:
        return "TIME", c.clock  # « vers 15 h 30 … Personne n'était là à ce moment-là »: that very time
    if c.ref is not None:
        d, precision = c.ref
        if precision == "day":
            return _with_part((d + timedelta(days=offset)).isoformat(), m)
        if precision == "month":
            return "DATE", f"{d.year:04d}-{d.month:02d}"
        return "DATE", f"{d.year:04d}"
    if c.published is None:
        return "DATE", "XXXX-XX-XX"
    return _with_part((c.published + timedelta(days=offset)).isoformat(), m)


def this_part(m: re.Match, c: Context) -> Value:
    code = _part_code(m["part"])
    words = key(m.group(0))
    base = c.published  # « ce soir » is today, « ce soir-là » the last day spoken of, « ce même soir » that one too
    if ("là" in words or "même" in words) and c.ref is not None and c.ref[1] == "day":
        base = c.ref[0]
    elif "là" in words or "même" in words:
        base = c.anchor_day(m.start())
    if base is None:
        return "TIME", f"XXXX-XX-XXT{code}"
    return "TIME", f"{base.isoformat()}T{code}"


def part_alone(m: re.Match, c: Context) -> Value:
    code = _mid_day(_part_code(m["part"]), m)
    if code == "DT" and not m["pbnd"] and not _WITHIN.match(m.group(0)):
        return None  # « la journée » alone is rarely a time; « dans la journée » is the daytime of its day
    base = c.anchor_day(m.start())
    return "TIME", f"{base.isoformat() if base else 'XXXX-XX-XX'}T{code}"


_WITHIN = re.compile(r"dans\s", re.I)


def part_adj(m: re.Match, c: Context) -> Value:
    """« des tirs nocturnes »: a part of the day as an adjective belongs to no day in particular (value ``TNI``)."""
    return "TIME", "T" + lexicon().part_adjectives[key(m["padj"])]


def calendar(m: re.Match, c: Context) -> Value:
    unit = lexicon().units[key(m["unit"])]
    grain = unit.get("grain")
    if _g(m, "pl") and not _g(m, "bnd"):
        return "DURATION", _duration(None, unit)  # « les mois à venir », « les jours suivants »: some units, not one
    d = _dir(m["dir"]) if _g(m, "dir") else {"value": "0", "anchor": "publication"}
    if grain is None or d is None:
        return None
    k = int(d["value"])
    base = c.published
    ref = c.period() if grain == "Y" else c.ref  # a year named alone anchors « l'année suivante », not a month
    if d["anchor"] == "reference" and ref is not None and (base is None or ref[0] <= base):
        base = ref[0]  # a planned date ahead of publication is no reference for « le mois précédent »
    if grain == "D":
        if k == 0:
            return None
        return ("DATE", cal.shift_grain(base, "D", k)) if base else ("DATE", "XXXX-XX-XX")
    if base is None:
        return "DATE", cal.unknown_grain(grain)
    if grain == "WE" and k == 0 and base.isoweekday() <= 5 and c.tense(m.start(), m.end()) == "past":
        k = -1  # « ils se sont rendus ce week-end », written on a Tuesday: the one just gone
    return "DATE", cal.shift_grain(base, grain, k)


_FINE_ENOUGH = {"day": "YHQMWWE", "month": "YHQM", "year": "Y"}  # the grains a reference of that precision can name


def calendar_that(m: re.Match, c: Context) -> Value:
    """« cette année-là », « le même mois », « cette semaine-là »: the period of the date the text last spoke of."""
    unit = lexicon().units[key(m["unit"] or m["unit2"])]
    grain = unit.get("grain")
    if grain is None or grain == "D":
        return None  # « ce jour-là » is a day of its own rule
    ref = c.period() if grain == "Y" else c.ref
    if ref is None or grain not in _FINE_ENOUGH[ref[1]]:
        return "DATE", cal.unknown_grain(grain)
    return "DATE", cal.shift_grain(ref[0], grain, 0)


def calendar_bound(m: re.Match, c: Context) -> Value:
    unit = lexicon().units[key(m["unit"])]
    if unit.get("grain") not in ("Y", "M", "W", "DE", "CE"):
        return None
    return calendar(m, c)


def _amount(m: re.Match) -> float | None:
    if _g(m, "vague"):
        return None
    n = number_value(m["num"]) if m["num"] else None
    return n


def _unit(m: re.Match) -> dict:
    return lexicon().units[key(m["unit"])]


def _duration(amount: float | None, unit: dict, half: str | None = None) -> str:
    u = unit["unit"]
    if unit.get("grain") == "WE":
        return f"P{_fmt(amount) if amount is not None else 'X'}WE"
    if amount is None:
        return f"PT{'X'}{'M' if u == 'MIN' else u}" if u in ("H", "MIN", "S") else f"PX{u}"
    total = amount * unit["amount"]
    if half:
        total += unit["amount"] * (0.25 if key(half) == "quart" else 0.5)
    if u == "H" and not float(total).is_integer():
        h, mins = int(total), round((total - int(total)) * 60)
        return f"PT{h}H{mins}M" if h else f"PT{mins}M"
    if u == "Y" and not float(total).is_integer():  # « quatre ans et demi » -> P4Y6M (a half year alone: P6M)
        years, months = int(total), total * 12 - int(total) * 12
        return f"P{years}Y{_fmt(months)}M" if years else f"P{_fmt(months)}M"
    if u in ("H", "MIN", "S"):
        return f"PT{_fmt(total)}{'M' if u == 'MIN' else u}"
    return f"P{_fmt(total)}{u}"


_AGE_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$))")


def _is_age(m: re.Match, c: Context, unit: dict) -> bool:
    """« âgé de 54 ans », « Alain P., 53 ans, employé »: an age, which TimeML does not mark as a duration."""
    if unit["unit"] != "Y" or unit["amount"] != 1:
        return False
    before = c.text[max(0, m.start() - 25):m.start()]
    if re.search(r"(?:\bâgée?s?\s+de|\bagée?s?\s+de|\bles\s+(?:moins|plus)\s+de)\s*$", before, re.I):
        return True
    if re.search(r"\b(?:ses|leurs|mes|tes|nos|vos)\s*$", before, re.I) and not _OF_NOUN.match(c.text, m.end()):
        return True  # « il a fêté ses 20 ans » (« ses 30 ans de carrière » is a length)
    if _g(m, "approx") and re.search(r"\bles\s*$", before, re.I) and key(m["approx"]).startswith(("moins", "plus")):
        return True  # « les moins de 17 ans »: an age group
    if (not _g(m, "approx") and bool(re.search(r"[,(]\s*$", before)) and bool(_AGE_AFTER.match(c.text, m.end()))
            and m["num"].isdigit()):
        return True
    return _after_noun(m, c)


_ONE_TO_OTHER = re.compile(r"\s+(?:sur|à)\s+l['’]\s*autre\b", re.I)
_OF_NOUN = re.compile(r"\s+(?:de\s+|d['’]\s*)(?P<noun>[^\W\d_][\w-]*)")
_NOUN_DE = re.compile(r"(?<![\w-])(?P<noun>[^\W\d_][\w-]*)\s+(?:de\s+|d['’]\s*)$")


@lru_cache(maxsize=1)
def _span_nouns() -> frozenset[str]:
    return frozenset(key(e["word"]) for e in langdata.load("temporal_span_nouns"))


def _after_noun(m: re.Match, c: Context) -> bool:
    """« un chauffeur de 38 ans », « une femme d'une trentaine d'années »: years after a noun of a person or thing
    are its age, unless the noun takes a length (« une peine de dix ans », langdata ``temporal_span_nouns``)."""
    n = _NOUN_DE.search(c.text, max(0, m.start() - 40), m.start())
    if n is None or key(n["noun"]) in _span_nouns():
        return False
    if (a := _OF_NOUN.match(c.text, m.end())) and key(a["noun"]) in _span_nouns():
        return False  # « écope de trois ans de prison »: the years measure the noun after them (a tagger's « écope »)
    pos = c.extra.get("pos")
    return pos is not None and pos(n.start("noun"), n.end("noun")) in ("NOUN", "PROPN")


def duration(m: re.Match, c: Context) -> Value:
    unit = _unit(m)
    num = m["num"] or ""
    if _is_age(m, c, unit):
        return None
    if key(num) in ("un", "une") and key(m["unit"]) in ("jour",):
        return None  # « un jour » is « some day », not P1D
    if m["unit"][0].isupper() and not _sentence_start(c.text, m.start("unit")) and not m["unit"].isupper():
        return None  # « les 24 Heures du Mans »: a capitalised unit names an event
    if key(num) == "des" and not unit.get("grain"):
        return None
    if key(num) in ("un", "une") and _ONE_TO_OTHER.match(c.text, m.end()):
        return None  # « d'une année sur l'autre »: from one to the next, no length
    if _g(m, "vague") and unit["unit"] in ("MIN", "S"):
        return None
    amount = _amount(m)
    if _g(m, "mins"):
        if unit["unit"] != "H" or amount is None:
            return None
        amount += int(m["mins"]) / 60  # « 3 h 30 » of running time
    return "DURATION", _duration(amount, unit, _g(m, "half"))


def duration_frac(m: re.Match, c: Context) -> Value:
    unit = _unit(m)
    frac = 0.5 if key(m["frac"]) == "demi" else 0.75 if key(m["frac"]) == "quarts" else 0.25  # « trois quarts d'heure »
    return "DURATION", _duration(frac, unit)


def duration_recent(m: re.Match, c: Context) -> Value:
    return "DURATION", _duration(_amount(m) if m["num"] else None, _unit(m))


def duration_word(m: re.Match, c: Context) -> Value:
    return "DURATION", _duration(1, lexicon().units[key(m["word"])])


def _shift(base: date, unit: dict, amount: float, sign: int) -> str | None:
    grain = {"Y": "Y", "M": "M", "W": "W", "D": "D"}.get(unit["unit"])
    if grain is None or not float(amount).is_integer():
        return None
    k = int(amount) * unit["amount"] * sign
    if grain == "D" and unit.get("grain") == "WE":
        return None
    return cal.shift_grain(base, grain, k)


def ago(m: re.Match, c: Context) -> Value:
    amount = _amount(m)
    unit = _unit(m)
    if amount is None:
        return None  # « il y a quelques mois »: French TimeBank marks the duration alone (« quelques mois », PXM)
    if c.published is None:
        return "DATE", cal.unknown_grain({"Y": "Y", "M": "M", "W": "W"}.get(unit["unit"], "D"))
    if _g(m, "exact") and (d := _same_day_back(c.published, unit, amount)):
        return "DATE", d.isoformat()  # « il y a un an jour pour jour »: that very day
    v = _shift(c.published, unit, amount, -1)
    return ("DATE", v) if v else ("DURATION", _duration(amount, unit))


def _same_day_back(pub: date, unit: dict, amount: float) -> date | None:
    """The day ``amount`` units before ``pub``, counted in whole months or days."""
    if not float(amount).is_integer():
        return None
    k = int(amount) * unit["amount"]
    if unit["unit"] in ("Y", "M"):
        y, mo = cal.add_months(pub.year, pub.month, -k * (12 if unit["unit"] == "Y" else 1))
        return cal.safe_date(y, mo, pub.day) or cal.safe_date(y, mo, 28)
    days = {"W": 7, "D": 1}.get(unit["unit"])
    return pub - timedelta(days=k * days) if days else None


def in_(m: re.Match, c: Context) -> Value:
    amount = _amount(m)
    unit = _unit(m)
    if amount is None or c.published is None:
        return "DURATION", _duration(amount, unit)
    v = _shift(c.published, unit, amount, +1)
    return ("DATE", v) if v else ("DURATION", _duration(amount, unit))


def shifted(m: re.Match, c: Context) -> Value:
    amount = _amount(m)
    unit = _unit(m)
    sign = -1 if key(m["rel"]) in ("plus tôt", "auparavant", "avant") else 1
    ref = c.period()
    fine_enough = {"day": "YMWD", "month": "YM", "year": "Y"}  # « deux mois plus tard » after « en mars 2023 »
    base = ref[0] if ref and unit["unit"] in fine_enough[ref[1]] else None
    if amount is None or base is None:
        return "DURATION", _duration(amount, unit)
    v = _shift(base, unit, amount, sign)
    return ("DATE", v) if v else ("DURATION", _duration(amount, unit))


def _clock(hh: int, mm: int, m: re.Match, c: Context) -> Value:
    code_word = _g(m, "cpart")
    if code_word:
        shift = lexicon().parts[key(code_word)]["shift"]
        if hh < 12:
            hh += shift
        if key(code_word) == "nuit" and hh >= 6 and hh < 12:
            hh += 12
    if hh > 24 or mm > 59:
        return None
    if hh == 24:
        hh = 0
    zone = _g(m, "zone")
    offset = lexicon().zone_offsets.get(key(zone)) if zone else None
    rel, wd = _g(m, "rel"), _g(m, "wd")
    if rel and c.published:
        base = c.published + timedelta(days=lexicon().days[key(rel)]["offset"])
    elif wd:
        base = _weekday_date(c, lexicon().weekdays[key(wd)], m, None)
    elif stamp(c.text, m.start(), m.end()):
        base = c.heading_day or c.published  # a live blog's timestamp: the day of the blog, whatever its news plans
    else:
        base = c.anchor_day(m.start())
        if base is not None and base == c.night and hh < 12 and not code_word:
            base += timedelta(days=1)  # « dans la nuit de jeudi à vendredi, vers 2 h »: the small hours are Friday's
        elif after_night := small_hours_day(c.night, c.day, c.day_end, c.text, m.start(), hh,
                                            _part_code(code_word)):
            base = after_night
    day = base.isoformat() if base else "XXXX-XX-XX"
    suffix = ""
    if offset == "Z":
        suffix = "Z"
    elif offset == "CET" and base is not None:
        suffix = cal.central_european_offset(base)
    return "TIME", f"{day}T{hh:02d}:{mm:02d}{suffix}"


_STAMP_AFTER = re.compile(r"[ \t]*(?:[–—:.-][ \t]|\n|$)")


def stamp(text: str, start: int, end: int) -> bool:
    """« 16 h 20 – Le ministre arrive », or a clock time alone on its line: a live blog's timestamp."""
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and bool(_STAMP_AFTER.match(text, end))


_SPAN_PREP = re.compile(r"\b(?:pendant|durant|en|les|des|dans|sur|plus\s+de|moins\s+de|près\s+de|environ|"
                        r"dur(?:er|é|ée|e|ent|era|eront|ait|aient))\s*$", re.I)


_CLOCK_LEAD = re.compile(r"\b(?:vers|dès|aux\s+alentours|aux\s+environs|autour|sur\s+les\s+coups)\s+(?:les|des|de)\s*$", re.I)


_HOURS_OF = re.compile(r"\s+(?:de\s+|d['’]\s*)(?!(?:la|le|les|l['’]|du|chez)\b)(?-i:[a-zà-ÿ])", re.I)


def _hours_of(m: re.Match, c: Context) -> bool:
    """« six heures de route », « 3 h d'audience »: hours measuring a noun after them are a duration, not a clock
    time (« 6 heures du matin », « 18 h de l'après-midi » take an article; « heure de Paris » a capital)."""
    return not (_g(m, "cpart") or _g(m, "zone")) and bool(_HOURS_OF.match(c.text, m.end()))


def clock(m: re.Match, c: Context) -> Value:
    before = c.text[max(0, m.start() - 24):m.start()]
    if not _g(m, "rel") and not _g(m, "wd") and _SPAN_PREP.search(before[-14:]) and not _CLOCK_LEAD.search(before):
        return None  # « pendant 24 h », « en 2 h »: a duration; « vers les 23 h » is a time
    if not _g(m, "rel") and not _g(m, "wd") and not _g(m, "mm") and _hours_of(m, c):
        return None
    return _clock(int(m["hh"]), int(m["mm"] or 0), m, c)


def clock_from(m: re.Match, c: Context) -> Value:
    """« de 14 à 18 heures », « entre 9 et 11 h »: the first hour takes the unit written after the second."""
    return _clock(int(m["hh"]), 0, m, c)


def clock_words(m: re.Match, c: Context) -> Value:
    hh_text = m["hh"]
    hh = number_value(hh_text)
    if hh is None or hh > 24 or not float(hh).is_integer():
        return None
    before = c.text[max(0, m.start() - 30):m.start()].lower()
    clocky = re.search(r"(?:\b(?:à|vers|vers\s+les|dès|dès\s+les|jusqu['’]à|avant|après|peu\s+avant|peu\s+après|partir\s+de|"
                       r"alentours\s+de|aux\s+environs\s+de|de|entre)|ce\s+matin\s+à|entre\s+\w+(?:\s+h(?:eures?)?)?\s+et)\s*$", before)
    if m["mm"] or _g(m, "cpart") or _g(m, "zone") or ((m["frac"] or m["minus"]) and hh_text.isdigit()):
        clocky = True
    if not clocky or (re.search(r"\bde\s*$", before) and not hh_text.isdigit()) or (not m["mm"] and _hours_of(m, c)):
        return None  # a duration: left to the duration rule
    mm = int(m["mm"]) if m["mm"] else 0
    if m["frac"]:
        mm = 15 if key(m["frac"]) == "quart" else 30
    if m["minus"]:
        hh, mm = hh - 1, 45
    return _clock(int(hh), mm, m, c)


def clock_named(m: re.Match, c: Context) -> Value:
    hh, mm = (int(x) for x in lexicon().clock_words[key(m["cw"])].split(":"))
    if m["frac"]:
        mm = 15 if key(m["frac"]) == "quart" else 30
    elif m["mm"]:
        mm = int(m["mm"])
    if m.group(0)[0].isupper() and key(m["cw"]) == "midi" and not _sentence_start(c.text, m.start()):
        return None  # « le Midi »: the south of France
    return _clock(hh, mm, m, c)


def season(m: re.Match, c: Context) -> Value:
    s = lexicon().seasons[key(m["season"])]
    word = key(m["season"])
    has_year = bool(m["year"])
    if word in ("été", "ete", "eté") and m["dir"] and not (m["pre"] or m["det"] or has_year or m["bnd"] or m["months"]):
        return None  # « a été écoulé », « a été passé »: the verb, not the season
    if not (m["pre"] or m["det"] or has_year or m["dir"] or m["bnd"] or m["months"]):
        before = c.text[max(0, m.start() - 3):m.start()]
        if re.search(r"(?:\bd['’]|\bde\s)$", before, re.I):
            return None  # « les Jeux d'hiver », « sports d'hiver »: a kind, not a date
        if word in ("été", "ete", "eté") and not (m.group(0)[0].isupper() and _sentence_start(c.text, m.start())):
            return None  # « a été »
    code = s["code"]
    if has_year:
        return "DATE", f"{m['year']}-{code}"
    if c.published is None:
        return "DATE", f"XXXX-{code}"
    pub = c.published
    d = _dir(m["dir"])
    y = pub.year
    if code == "WI" and pub.month <= 2:
        y -= 1  # the winter that began last December
    cur_start = cal.safe_date(y, s["month"], 21)
    if d and d["value"] != "0":
        if d["value"] == "-1":
            y = y if cur_start < pub - timedelta(days=92) else y - 1
        else:
            y = y if cur_start > pub else y + 1
        return "DATE", f"{y:04d}-{code}"
    tense = lean(m, c)
    det = key(m["det"] or "")
    if det in ("ce", "cet", "cette"):
        return "DATE", f"{y:04d}-{code}"
    if tense == "past" and cur_start > pub:
        y -= 1
    elif tense == "future" and cur_start + timedelta(days=92) < pub:
        y += 1
    elif tense in ("present", None) and not det and not (m["pre"] or "").strip().lower().startswith(("de", "d")):
        return "DATE", f"XXXX-{code}"
    return "DATE", f"{y:04d}-{code}"


def holiday(m: re.Match, c: Context) -> Value:
    h = lexicon().holidays[key(m["hol"])] if key(m["hol"]) in lexicon().holidays else None
    if h is None:
        return None
    anchor = c.published

    def on(year: int) -> date | None:
        if h.get("easter") is not None:
            return cal.easter(year) + timedelta(days=h["easter"])
        return cal.safe_date(year, h["month"], h["day"])

    if m["year"]:
        d = on(int(m["year"]))
    elif anchor is None:
        if h.get("easter") is not None:
            return "DATE", "XXXX-XX-XX"
        return "DATE", f"XXXX-{h['month']:02d}-{h['day']:02d}"
    else:
        d = _nearest_occurrence(on, anchor, lean(m, c), c.text[max(0, m.start() - 25):m.start()])
    return ("DATE", d.isoformat()) if d else None


_AHEAD_PREP = re.compile(r"(?:\bavant|\bd['’]ici(?:\s+à)?|\bpour|\bjusqu['’]à|\bdès|\bà\s+l['’]approche\s+de)\s*"
                         r"(?:la\s+|le\s+|l['’]\s*)?(?:(?i:fête\s+de)\s+)?$", re.I)
_NEAR = timedelta(days=92)


def _nearest_occurrence(on: Callable[[int], date | None], anchor: date, tense: str | None, before: str) -> date | None:
    """The occurrence of a yearly day meant: the nearest one, the tense breaking the tie.

    « a promis une réponse avant Noël » written in November points at the coming Noël, however past the verb: a
    deadline word (« avant », « d'ici », « pour ») takes the next occurrence when it is near (three months). Otherwise
    a past verb takes the last occurrence and a future one the next (a week's slack for the day just gone or coming),
    and a present or unknown tense the nearest."""
    occ = [d for d in (on(anchor.year - 1), on(anchor.year), on(anchor.year + 1)) if d]
    if not occ:
        return None
    prev = max((d for d in occ if d <= anchor), default=None)
    nxt = min((d for d in occ if d > anchor), default=None)
    if nxt and nxt - anchor <= _NEAR and _AHEAD_PREP.search(before):
        return nxt
    if tense == "past":
        return nxt if nxt and nxt - anchor <= timedelta(days=7) else prev or nxt
    if tense == "future":
        return prev if prev and anchor - prev <= timedelta(days=7) else nxt or prev
    if prev and nxt:
        return prev if anchor - prev <= nxt - anchor else nxt
    return prev or nxt


def ref(m: re.Match, c: Context) -> Value:
    w = key(m["ref"])
    if w.startswith("jusqu"):
        return "TIME", "PRESENT_REF"
    return "TIME", lexicon().refs[w]  # TimeML (and French TimeBank) type the _REF values as TIME


def ref_adj(m: re.Match, c: Context) -> Value:
    """« l'actuel directeur » (PRESENT_REF), « les prochaines élections » (FUTURE_REF): an adjective before a noun
    that is no time word (« la prochaine semaine » is a date, left to other rules)."""
    lx = lexicon()
    noun = key(m["noun"])
    if noun in lx.units or noun in lx.months or noun in lx.weekdays or noun in lx.parts or noun in lx.seasons:
        return None
    pos = c.extra.get("pos")
    if pos is None or pos(m.start("noun"), m.end("noun")) != "NOUN" or pos(m.start("x"), m.end("x")) != "ADJ":
        return None
    if m.start("x") == m.start() and not _sentence_start(c.text, m.start()):
        return None  # no determiner: only an apposition (« Jean Dupont, actuel directeur ») or a heading
    return "TIME", lx.ref_adjectives[key(m["radj"])]


def set_(m: re.Match, c: Context) -> Value:
    unit = _unit(m)
    every = number_value(m["every"]) if m["every"] else 1
    if every is None:
        return None
    if key(m["q"]) == "par" and unit.get("grain") is None and unit["unit"] not in ("H", "MIN"):
        return None
    return "SET", _duration(every, unit)


def set_part(m: re.Match, c: Context) -> Value:
    """« chaque matin », « tous les soirs »: that part of every day."""
    return "SET", f"XXXX-XX-XXT{_part_code(m['part'])}"


def set_season(m: re.Match, c: Context) -> Value:
    """« chaque été », « tous les hivers »: that season of every year."""
    return "SET", f"XXXX-{lexicon().seasons[key(m['season'])]['code']}"


def whole(m: re.Match, c: Context) -> Value:
    """« toute la journée », « tout le mois »: one whole unit, a duration."""
    return "DURATION", _duration(1, _unit(m))


def set_per(m: re.Match, c: Context) -> Value:
    """« 5 milliards par semestre »: the span is the unit alone, « par » being the signal."""
    return set_(_Groups(m, q="par"), c)


def set_word(m: re.Match, c: Context) -> Value:
    """« quotidiennement », « le dîner annuel »: an adverb, or an adjective after its noun (« un quotidien », « un
    hebdomadaire » are newspapers: nouns; « la presse quotidienne » a kind of press)."""
    if not key(m["freq"]).endswith("ment"):
        pos = c.extra.get("pos")
        prev = _PREV_WORD.search(c.text, max(0, m.start() - 40), m.start())
        if (pos is None or prev is None or pos(m.start(), m.end()) != "ADJ"
                or pos(prev.start(), prev.end()) != "NOUN" or _KIND_BEFORE.search(c.text, 0, m.start())):
            return None
    return "SET", lexicon().frequencies[key(m["freq"])]


_PREV_WORD = re.compile(r"\w+\s+$")
_KIND_BEFORE = re.compile(r"\b(?:presse|édition|revue|journal|magazine|publication)\s+$", re.I)


NORMALISERS: dict[str, Callable[[re.Match, Context], Value]] = {
    "date_dmy": date_dmy,
    "date_numeric": date_numeric,
    "date_first": date_first,
    "part_of_date": part_of_date,
    "part_dir": part_dir,
    "century": century,
    "night_of": night_of,
    "date_iso": date_numeric,
    "date_dm": date_dm,
    "month_year": month_year,
    "month_first": month_year,
    "month": month,
    "year": year,
    "year_second": year,
    "decade": decade,
    "week_of": week_of,
    "part_year": part_year,
    "months_part": months_part,
    "weekday": weekday,
    "weekday_day": weekday_day,
    "weekday_set": weekday_set,
    "relday": relday,
    "refday": refday,
    "refday_bare": refday,
    "this_part": this_part,
    "same_part": this_part,
    "part_alone": part_alone,
    "part_bound": part_alone,
    "part_en": part_alone,
    "part_au": part_alone,
    "part_adj": part_adj,
    "calendar": calendar,
    "calendar_this": calendar,
    "weekend": calendar,
    "calendar_that": calendar_that,
    "calendar_bound": calendar_bound,
    "ago": ago,
    "in": in_,
    "shifted": shifted,
    "duration": duration,
    "duration_frac": duration_frac,
    "duration_recent": duration_recent,
    "duration_word": duration_word,
    "clock": clock,
    "clock_colon": clock,
    "day_clock": clock,
    "clock_words": clock_words,
    "clock_from": clock_from,
    "clock_named": clock_named,
    "season": season,
    "holiday": holiday,
    "ref": ref,
    "ref_adj": ref_adj,
    "set": set_,
    "set_word": set_word,
    "set_per": set_per,
    "set_part": set_part,
    "set_season": set_season,
    "whole": whole,
}
