"""French temporal vocabulary (langdata/fr/temporal_*.yaml) turned into regex pieces and lookups.

Built once (cached): the rules in :mod:`chronique.nlp.timex_rules` splice these
alternations into their patterns, and the normalisers look matched words up
with :func:`key` so that case, apostrophes, hyphens and spacing never matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from chronique import langdata

_APOS = "['’ʼ]"
_HYPH = "[-‐‑–]"


def key(text: str) -> str:
    """The lookup form of matched text: lower case, straight apostrophe, single spaces, plain hyphen."""
    text = re.sub("[’ʼ]", "'", text.lower())
    text = re.sub("[‐‑–]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def form_rx(form: str) -> str:
    """One word or phrase as a regex tolerant of apostrophe, hyphen and spacing variants."""
    out = []
    for ch in form:
        if ch in "'’":
            out.append(_APOS + r"\s*")
        elif ch == "-":
            out.append(_HYPH + r"\s*")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alt(forms, case_sensitive: bool = False) -> str:
    """Alternation of forms, longest first so the regex prefers the fullest reading."""
    body = "|".join(form_rx(f) for f in sorted(set(forms), key=len, reverse=True))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    weekdays_plural: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, tuple[str, float | None]] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    frequencies: dict[str, str] = field(default_factory=dict)
    parts: dict[str, dict] = field(default_factory=dict)
    part_adjectives: dict[str, str] = field(default_factory=dict)
    clock_words: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, dict] = field(default_factory=dict)
    days: dict[str, dict] = field(default_factory=dict)
    directions: dict[str, dict] = field(default_factory=dict)
    boundaries: dict[str, str] = field(default_factory=dict)
    approx: dict[str, str] = field(default_factory=dict)
    leads: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    ref_adjectives: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, dict] = field(default_factory=dict)
    zones: list[str] = field(default_factory=list)
    zone_offsets: dict[str, str] = field(default_factory=dict)
    rx: dict[str, str] = field(default_factory=dict)


def _forms(entry: dict, name_field: str, extra: str = "forms") -> list[str]:
    return [entry[name_field], *(entry.get(extra) or [])]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lx = Lexicon()
    for e in langdata.load("temporal_months"):
        for f in _forms(e, "name"):
            lx.months[key(f)] = e["number"]
    for e in langdata.load("temporal_weekdays"):
        lx.weekdays[key(e["name"])] = e["number"]
        for f in e["plural"]:
            lx.weekdays_plural[key(f)] = e["number"]
    for e in langdata.load("temporal_numbers"):
        for f in _forms(e, "word"):
            lx.numbers[key(f)] = (e["kind"], e.get("value"))
    for e in langdata.load("temporal_units"):
        for f in e["forms"]:
            lx.units[key(f)] = e
    for e in langdata.load("temporal_frequencies"):
        for f in e["forms"]:
            lx.frequencies[key(f)] = e["value"]
    for e in langdata.load("temporal_parts_of_day"):
        for f in e["forms"]:
            lx.parts[key(f)] = e
        for f in e.get("adjective") or []:
            lx.part_adjectives[key(f)] = e["code"]
    for e in langdata.load("temporal_clock_words"):
        lx.clock_words[key(e["word"])] = e["clock"]
    for e in langdata.load("temporal_seasons"):
        for f in e["forms"]:
            lx.seasons[key(f)] = e
    for e in langdata.load("temporal_days"):
        for f in e["forms"]:
            lx.days[key(f)] = e
    for e in langdata.load("temporal_modifiers"):
        for f in e["forms"]:
            if e["kind"] == "direction":
                lx.directions[key(f)] = e
            elif e["kind"] == "boundary":
                lx.boundaries[key(f)] = e["value"]
            elif e["kind"] == "lead":
                lx.leads[key(f)] = e["value"]
            else:
                lx.approx[key(f)] = e["value"]
    for e in langdata.load("temporal_refs"):
        for f in e["forms"]:
            lx.refs[key(f)] = e["value"]
        for f in e.get("adjective") or []:
            lx.ref_adjectives[key(f)] = e["value"]
    _intensified(lx)
    for e in langdata.load("temporal_holidays"):
        for f in e["forms"]:
            lx.holidays[key(f)] = e
    for e in langdata.load("temporal_zones"):
        for f in _forms(e, "word"):
            lx.zones.append(f)
            if e.get("offset"):
                lx.zone_offsets[key(f)] = e["offset"]

    cardinal = [w for w, (k, _) in lx.numbers.items() if k == "cardinal"]
    numword = alt(cardinal)
    units_all = list(lx.units)
    calendar = [f for f, e in lx.units.items() if e.get("grain")]
    after = [f for f, e in lx.directions.items() if e.get("position") == "after"]
    rx = lx.rx
    rx["month"] = alt(lx.months)
    rx["weekday"] = alt(lx.weekdays)
    rx["weekday_pl"] = alt(lx.weekdays_plural)
    # « et » joins only « un » and « onze » to a ten (« vingt et un », « soixante-et-onze »): « deux et trois ans » is two numbers
    rx["numword"] = (rf"{numword}(?:(?:(?:{_HYPH}et{_HYPH}|\s+et\s+)(?=(?:un|une|onze)(?!\w))|{_HYPH}|\s+){numword})*")
    rx["approxnum"] = alt([w for w, (k, _) in lx.numbers.items() if k == "approx"])
    rx["vague"] = alt([w for w, (k, _) in lx.numbers.items() if k == "vague"])
    rx["unit"] = alt(units_all)
    rx["unit_standalone"] = alt([f for f, e in lx.units.items() if e.get("standalone")])
    rx["calunit"] = alt(calendar)
    rx["dir_after"] = _directions_after(after)
    rx["dir_past_future"] = _directions_after([f for f in after if lx.directions[f]["value"] != "0"])
    rx["intens"] = alt(e["word"] for e in langdata.load("temporal_intensifiers"))
    rx["unit_adj"] = alt(e["word"] for e in langdata.load("temporal_unit_adjectives"))
    rx["boundary"] = alt(lx.boundaries)
    rx["approx"] = alt(lx.approx)
    rx["frequency"] = alt(lx.frequencies)
    rx["part"] = alt(lx.parts)
    rx["part_tail"] = alt([f for f, e in lx.parts.items() if e.get("after_day", True)])
    rx["part_adj"] = alt(lx.part_adjectives)
    rx["clock_word"] = alt(lx.clock_words)
    rx["season"] = alt(lx.seasons)
    rx["day_pub"] = alt([f for f, e in lx.days.items() if e["anchor"] == "publication"])
    rx["day_ref"] = alt([f for f, e in lx.days.items() if e["anchor"] == "reference"])
    rx["ref"] = alt(lx.refs)
    rx["ref_adj"] = alt(lx.ref_adjectives)
    rx["holiday"] = alt([f for e in langdata.load("temporal_holidays") for f in e["forms"]], case_sensitive=True)
    rx["zone"] = alt(lx.zones, case_sensitive=True)
    return lx


def _directions_after(forms: list[str]) -> str:
    """Direction words after a noun; a relative clause (« la semaine qui vient ») not when a « de » follows it
    (« le mois qui vient de s'achever » is the one just gone)."""
    clauses = [f for f in forms if f.startswith("qui ")]
    plain = alt([f for f in forms if f not in clauses])
    if not clauses:
        return plain
    return rf"(?:{plain}|{alt(clauses)}(?!\s+(?:de|d{_APOS})(?!\w)))"


def _intensified(lx: Lexicon) -> None:
    """« dans les toutes prochaines semaines »: each past/future reference phrase also with an intensifier before its
    direction word, meaning the same."""
    ahead = {f for f, e in lx.directions.items() if e["value"] != "0" and " " not in f}
    for form, value in list(lx.refs.items()):
        words = form.split(" ")
        for i, w in enumerate(words):
            if w in ahead and i > 0:
                for e in langdata.load("temporal_intensifiers"):
                    lx.refs[" ".join(words[:i] + [key(e["word"])] + words[i:])] = value


def number_value(text: str) -> float | None:
    """Value of a French number in digits or words (« dix-huit », « quatre-vingt-dix », « 30,4 »); None if vague."""
    t = key(text)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    lx = lexicon()
    total = current = 0.0
    for w in re.split(r"[-\s]+", t):
        if w in ("et", "de", "d'", "une", "un") and w not in lx.numbers:
            continue
        kind, value = lx.numbers.get(w, (None, None))
        if kind in ("vague", None):
            return None if kind == "vague" else None
        if kind == "approx":
            return float(value)
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and current % 100 == 4:  # quatre-vingt
            current = current - 4 + 80
        else:
            current += value
    return total + current
