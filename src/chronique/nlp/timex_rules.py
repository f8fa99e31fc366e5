"""The regular expressions that find French temporal expressions, compiled once.

Each rule is a named pattern; the named groups it captures are read by the
normalisers in :mod:`chronique.nlp.timex_values`. A group ``x`` (when present)
is the span to report, so context words (« en », « dès », « du ») can be
required without entering the expression. Vocabulary comes from
:mod:`chronique.nlp.timex_lexicon` (the YAML files), never from lists here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from chronique import langdata
from chronique.nlp import timex_days, timex_phrases
from chronique.nlp.regex_guard import guarded, required_literal
from chronique.nlp.regex_starts import Starts
from chronique.nlp.timex_lexicon import alt, key, lexicon

B = r"(?<![\w-])"  # start of a word (not inside « après-midi »)
E = r"(?![\w])"
A = r"['’ʼ]\s*"  # an elided article's apostrophe


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern
    priority: int  # among candidates of equal length, the higher wins
    needs: frozenset[str] = frozenset()  # trigger kinds one of which a window must hold for the rule to run there
    literal: str | None = field(default=None, compare=False)  # lower-case text every match holds (regex_guard)

    def __post_init__(self) -> None:
        object.__setattr__(self, "literal", required_literal(self.regex))


# The kinds of trigger word (see trigger_words) each rule needs one of; rules not listed run in every window.
_NEEDS = {
    "date_dmy": "month", "date_first": "month", "month_year": "month", "month_first": "month", "month": "month", "century": "extra",
    "night_of": "weekday", "date_numeric": "digit", "date_dm": "digit", "date_iso": "digit", "year": "digit", "year_second": "digit", "decade": "digit extra", "week_of": "month",
    "day_clock": "digit", "clock": "digit", "clock_colon": "digit", "clock_from": "digit", "part_year": "unit", "months_part": "unit",
    "weekday": "weekday", "weekday_day": "weekday", "weekday_set": "weekday weekday_pl", "relday": "day_pub", "refday": "day_ref",
    "refday_bare": "day_ref extra", "this_part": "part", "same_part": "part", "part_alone": "part", "part_en": "part",
    "part_bound": "part", "part_au": "part", "part_adj": "part", "part_of_date": "month", "part_dir": "part", "calendar": "unit", "calendar_this": "unit", "calendar_that": "unit", "calendar_bound": "unit", "weekend": "unit",
    "ago": "unit", "in": "unit", "shifted": "unit", "duration": "unit", "duration_frac": "unit",
    "duration_recent": "unit", "duration_word": "unit", "clock_words": "unit", "clock_named": "clock_word",
    "season": "season", "holiday": "holiday", "ref": "ref extra", "ref_adj": "ref", "set": "unit", "set_per": "unit", "set_word": "frequency", "set_part": "part", "set_season": "season", "whole": "unit",
}


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    lx = lexicon()
    rx = lx.rx
    ordinal = alt([f for e in langdata.load("temporal_ordinals") for f in e["forms"]])
    day = r"(?P<day>1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])"
    year4 = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w,.]?\d)"
    year = rf"(?:{year4}|(?P<yy>['’]?\d\d)(?![\w,.]?\d)(?!\s*[a-zà-ÿ%]))"
    bnd = rf"(?:(?P<bnd>{rx['boundary']})\s*)?"
    det = rf"(?:(?:la|le|les)\s+|l{A})"
    part = rf"(?P<part>{rx['part']})"
    part_tail = (
        rf"(?:\s*,?\s+(?:(?:en|dans\s+la|dans\s+l{A}|au|à\s+la|à\s+l{A})\s*)?"
        rf"(?:(?P<pbnd>début|fin|milieu)\s+(?:de\s+|d{A}|du\s+))?(?:la\s+|l{A}|le\s+)?(?P<part>{rx['part_tail']}))?"
    )
    num = (
        rf"(?P<num>\d+(?:[.,]\d+)?|(?:une?\s+)?{rx['approxnum']}\s+(?:de\s+|d{A})|{rx['numword']}"
        rf"|(?P<vague>{rx['vague']}|des))"
    )
    unit = rf"(?P<unit>{rx['unit']})"
    unit_adj = rf"(?:{rx['unit_adj']}\s+)?"  # « une bonne heure », « trois longues années »
    zone = (
        rf"(?:\s*,?\s*\(?\s*(?P<zone>{rx['zone']}|(?-i:heures?\s+(?:de\s+|d{A})(?:l{A}|la\s+|le\s+)?"
        rf"[A-ZÉÈ][\w-]+)))?"
    )
    clock_part = rf"(?:\s+(?:du|de\s+la|de\s+l{A}|dans\s+la|dans\s+l{A})\s*(?P<cpart>{rx['part']}))?"
    weekend = alt([f for f, e in lx.units.items() if e.get("grain") == "WE" and not f.endswith("s")])
    hour = r"(?P<hh>[01]?\d|2[0-4])"
    of_year = rf"\s+de\s+(?:l{A}(?:année|an)\s+(?P<ydir>{rx['dir_after']})|(?P<ythis>cette\s+année))"
    defs = [
        ("date_dmy", 9,
         rf"{B}(?P<x>(?:le\s+)?(?:(?P<wd>{rx['weekday']})\s+)?{day}(?:\s+|[-‐])(?P<month>{rx['month']})"
         rf"(?:,?\s+{year})?(?:\s+(?P<dir>{rx['dir_after']}))?(?:,?\s+(?:au|en|dans\s+la|dans\s+l{A})\s*{part})?){E}"),
        ("part_of_date", 9,
         rf"{B}(?:au\s+)?(?P<x>(?:(?:la|le|l{A})\s*)?{part}\s+(?:du|de\s+ce)\s+(?:(?P<wd>{rx['weekday']})\s+)?{day}"
         rf"(?:\s+au\s+(?:{rx['weekday']}\s+)?(?:1er|[0-3]?\d))?\s+(?P<month>{rx['month']})(?:,?\s+{year})?){E}"),
        ("part_dir", 7,
         rf"{B}(?P<x>(?:la|le|l{A})\s*{part}\s+(?P<dir>{rx['dir_past_future']})){E}"),
        ("date_first", 8,
         rf"{B}(?:(?:du|entre)\s+)?(?P<x>(?:les?\s+)?(?:{rx['weekday']}\s+)?{day})\s+(?:au|et(?:\s+le)?|-)\s+"
         rf"(?:{rx['weekday']}\s+)?(?:1er|[0-3]?\d)\s+"
         rf"(?P<month>{rx['month']})(?:\s+{year})?{E}"),
        ("century", 6,
         rf"{B}(?:au\s+|du\s+)?(?P<x>{bnd}(?:le\s+)?(?:(?P<roman>(?-i:[XVI]{{1,5}}))|(?P<cnum>[12]?\d))(?:e|ème|è|eme)\s+siècle){E}"),
        ("night_of", 8,
         rf"{B}(?:la|le|l{A})\s*{part}\s+(?:de|du|d{A})\s*(?P<wd>{rx['weekday']})(?:\s+(?:à|au)\s+{rx['weekday']})?{E}"),
        ("date_numeric", 9, r"(?<![\d/.,-])(?P<d>[0-3]?\d)([/.-])(?P<m>[01]?\d)\2(?P<y>(?:19|20)?\d\d)(?![\d/.,-]?\d)"),
        ("date_dm", 6,
         rf"{B}(?:le|du|au|dès\s+le|depuis\s+le|jusqu{A}au)\s+(?P<x>(?P<d>[0-3]?\d)/(?P<m>[01]?\d))(?![/\d.,-]?\d)"
         rf"(?!\s*(?:des?|du|d{A}|sur|%)(?![\w]))"),
        ("date_iso", 9, r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
        ("month_year", 8,
         rf"{B}{bnd}(?:(?:le\s+)?mois\s+(?:de\s+|d{A}))?(?P<month>{rx['month']})\s+(?:de\s+l{A}an(?:née)?\s+)?{year}{E}"),
        ("month_first", 8,
         rf"{B}(?P<x>{bnd}(?P<month>{rx['month']}))\s+(?:et|ou|à|au|-)\s+(?:(?:en|de|d{A})\s*)?(?:{rx['month']})\s+{year4}{E}"),
        ("month", 5,
         rf"{B}{bnd}(?:(?:le\s+)?mois\s+(?:de\s+|d{A}))?(?P<month>{rx['month']})(?:\s+(?P<dir>{rx['dir_after']})|{of_year})?{E}"),
        ("year", 4, rf"{B}{bnd}(?:(?:l{A}an(?:née)?|la\s+saison|l{A}exercice)\s+)?(?<![\d\s]\s){year4}(?!\s\d{{3}})"),
        ("year_second", 4, rf"(?<=\d\d\d\d[-–])(?P<bnd>(?!x)x)?{year4}"),  # « 2025-2026 »: the second year of a span
        ("decade", 6, rf"{B}{bnd}(?:les|des|aux)\s+années\s+(?:(?P<dec>(?:19|20)?\d0)s?|(?P<decw>{rx['numword']})){E}"),
        ("week_of", 9,
         rf"{B}(?:la\s+)?semaine\s+du\s+{day}(?:\s+au\s+(?:1er|[0-3]?\d))?\s+(?P<month>{rx['month']})(?:\s+{year})?{E}"),
        ("part_year", 7,
         rf"{B}(?:(?:le|au|du)\s+)?(?P<ord>{ordinal})\s+(?P<unit>{rx['calunit']})(?:\s+(?:de\s+l{A}année\s+)?{year4}|{of_year})?{E}"),
        ("months_part", 8,
         rf"{B}(?:des|aux|sur)?\s*(?P<x>(?:les\s+)?(?P<n>\d|{rx['numword']})\s+(?P<pos>premiers|derniers)\s+mois"
         rf"(?P<of>\s+(?:de\s+l{A}(?:année|exercice)(?:\s+|\s+de\s+)?|de\s+(?:l{A}an\s+)?){year4}|\s+de\s+l{A}(?:année|exercice))?){E}"),
        ("weekday_day", 7,
         rf"{B}(?:le\s+)?(?P<wd>{rx['weekday']})\s+(?P<day>1er|[12]\d|3[01]|0?[1-9])"
         rf"(?=\s*(?:[,;)!?]|:(?!\d)|\.(?:\s|$)|$)|\s+(?:à|au|et|dès|vers|entre|de\s+\d)\s)"),
        ("weekday", 5,
         rf"{B}(?:(?P<det>le|ce)\s+)?(?:même\s+)?(?P<wd>{rx['weekday']})(?:\s+(?P<dir>{rx['dir_after']}))?{part_tail}{E}"),
        ("weekday_set", 6,
         rf"{B}(?:(?:tous|toutes)\s+les|les|chaque)\s+(?:\w+\s+et\s+\w+\s+)?(?P<wdp>{rx['weekday_pl']}|{rx['weekday']})"
         rf"(?:\s*(?:,|et|ou)\s*(?:les\s+)?{rx['weekday_pl']})*{E}"),  # « les lundis et jeudis »: one habit
        ("relday", 6,
         rf"{B}(?P<rel>{rx['day_pub']})(?:\s*(?P<par>\(\s*)?(?P<wd>{rx['weekday']})(?(par)\s*\)))?{part_tail}{E}"),
        ("refday", 6, rf"{B}(?P<refd>{rx['day_ref']})(?:\s+(?:au\s+)?{part})?{E}"),
        ("refday_bare", 5, rf"{B}(?:du|au|dès\s+le|le)\s+(?P<x>(?P<refd>lendemain|surlendemain)){E}"),
        ("this_part", 6, rf"{B}(?:ce|cet|cette)\s+(?:même\s+)?{part}(?:\s+même|[-‐\s]là)?{E}"),
        ("same_part", 6, rf"{B}(?:le|la)\s+{part}\s+même{E}"),
        ("part_alone", 3,
         rf"{B}(?:(?:en|dans|à)\s+)?(?P<x>(?:(?:le\s+|la\s+)?(?P<pbnd>début|fin|milieu)\s+(?:de\s+|d{A}|du\s+))?(?:la|le|l{A})\s*{part}){E}"),
        ("part_en", 3, rf"{B}en\s+(?P<x>(?:(?P<pbnd>début|fin|milieu)\s+(?:de\s+|d{A})|pleine\s+)?{part}){E}"),
        ("part_au", 3, rf"{B}(?:au|dès\s+le)\s+(?P<x>(?:petit\s+)?{part}){E}"),
        ("part_adj", 2, rf"{B}(?P<padj>{rx['part_adj']}){E}"),
        ("part_bound", 3, rf"{B}(?:en\s+)?(?P<x>(?P<pbnd>début|fin)\s+(?:de\s+|d{A})\s*{part}){E}"),
        ("calendar", 7,
         rf"{B}(?P<x>{bnd}(?:(?P<pl>les|ces)\s+|{det})?(?P<unit>{rx['calunit']})\s+(?P<dir>{rx['dir_after']})){E}"),
        ("weekend", 7,
         rf"{B}(?:pour|pendant|durant|dès|avant|d{A}ici|jusqu{A}au|(?:tout\s+)?au\s+long\s+du|au\s+cours\s+du)\s+"
         rf"(?P<x>(?:le\s+)?(?P<unit>{weekend})){E}"),
        ("calendar_this", 7,
         rf"{B}{bnd}(?:ce|cet|cette)\s+(?P<unit>{rx['calunit']})(?:[-‐]ci)?{E}"),
        ("calendar_that", 8,
         rf"{B}{bnd}(?:(?:ce|cet|cette)\s+(?P<unit>{rx['calunit']})[-‐\s]là|(?:la|le)\s+même\s+(?P<unit2>{rx['calunit']})){E}"),
        ("calendar_bound", 4,
         rf"{B}(?:en\s+)?(?P<x>(?P<bnd>{rx['boundary']})\s*(?:{det})?(?P<unit>{rx['calunit']})){E}"),
        ("ago", 8,
         rf"{B}(?:il\s+y\s+a|voici|voilà)\s+(?:(?P<approx>{rx['approx']})\s*)?{num}\s*{unit_adj}{unit}"
         rf"(?:\s*,?\s+(?P<exact>jour\s+pour\s+jour))?{E}"),
        ("in", 7, rf"{B}dans\s+(?:(?P<approx>{rx['approx']})\s*)?{num}\s*{unit_adj}{unit}{E}"),
        ("shifted", 8,
         rf"{B}{num}\s*{unit}\s+(?P<rel>plus\s+tard|plus\s+tôt|auparavant|après|avant)(?=\s*[,.;:)!?]|\s*$)"),
        ("duration", 4,
         rf"{B}(?:(?P<approx>{rx['approx']})\s*)?{num}\s*{unit_adj}{unit}(?:\s*(?P<mins>[0-5]\d)(?!\d))?(?:\s+et\s+(?P<half>demie?|quart))?"
         rf"(?:\s+(?:entiers?|entières?|pleins?|pleines?))?{E}"),
        ("duration_frac", 5,
         rf"{B}(?:(?P<approx>{rx['approx']})\s*)?(?:un|une|trois)\s+(?P<frac>demi|quarts?)(?:[-‐\s]|\s+de\s+|\s+d{A}){unit}{E}"),
        ("duration_recent", 6,
         rf"{B}(?:ces|les|des)\s+(?:{num}\s+)?(?:{rx['intens']}\s+)?(?P<dir>derniers|dernières|prochains|prochaines)\s+{unit}{E}"),
        ("duration_word", 3, rf"{B}(?P<word>{rx['unit_standalone']}){E}"),
        ("clock", 8,
         rf"{B}{hour}\s*[hH]\s*(?P<mm>[0-5]\d)?(?![\w]){clock_part}{zone}"),
        ("day_clock", 9,
         rf"{B}(?:(?P<rel>{rx['day_pub']})|(?P<wd>{rx['weekday']}))\s+à\s+{hour}\s*[hH]\s*(?P<mm>[0-5]\d)?(?![\w]){clock_part}{zone}"),
        ("clock_from", 7,
         rf"{B}(?:de|entre)\s+(?P<x>{hour})(?=\s+(?:à|et)\s+(?:[01]?\d|2[0-4])\s*(?:[hH](?![\w])|heures?\b))"),
        ("clock_colon", 7, rf"(?<![\d:]){hour}:(?P<mm>[0-5]\d)(?![\d:]){zone}"),
        ("clock_words", 6,
         rf"{B}(?P<hh>[01]?\d|2[0-4]|{rx['numword']})\s+heures?(?:\s+(?P<mm>[0-5]\d)|\s+et\s+(?P<frac>quart|demie)"
         rf"|\s+moins\s+(?:le\s+)?(?P<minus>quart))?{clock_part}{zone}{E}"),
        ("clock_named", 5,
         rf"{B}(?<![-‐])(?P<cw>{rx['clock_word']})(?:\s+et\s+(?P<frac>quart|demie?)|\s+(?P<mm>[0-5]\d))?{zone}{E}"),
        ("season", 6,
         rf"{B}(?P<pre>(?:en|au|de\s+l{A}|pendant\s+l{A}|depuis\s+l{A}|dès\s+l{A})\s*)?"
         rf"(?P<x>{bnd}(?P<months>(?:les\s+|des\s+)?mois\s+(?:de\s+l{A}|d{A}))?(?P<det>l{A}|le\s+|ce\s+|cet\s+|cette\s+)?"
         rf"(?P<season>{rx['season']})"
         rf"(?:\s+(?P<dir>{rx['dir_after']}))?(?:\s+(?:de\s+l{A}année\s+)?{year4})?){E}"),
        ("holiday", 6, rf"{B}(?:(?:la|le|l{A})\s*)?(?:(?i:fête\s+de)\s+)?(?P<hol>{rx['holiday']})(?:\s+{year4})?{E}"),
        ("ref", 5, rf"{B}(?P<ref>jusqu{A}(?:à\s+)?(?:présent|ici|maintenant)|{rx['ref']}){E}"),
        ("ref_adj", 2,
         rf"(?:{B}(?:le|la|les|ce|cet|cette|ces|du|des|au|aux|son|sa|ses|leur|leurs|notre|nos|votre|vos)\s+"
         rf"|{B}[ld]{A}|[,(]\s*|{B})(?P<x>(?P<radj>{rx['ref_adj']}))\s+(?P<noun>[^\W\d_][\w-]*){E}"),
        ("set", 6,
         rf"{B}(?:(?P<times>\d+|{rx['numword']})\s+fois\s+)?(?P<q>(?<=fois\s)par|chaque|tous\s+les|toutes\s+les)\s+"
         rf"(?:(?P<every>\d+|{rx['numword']})\s+)?{unit}{E}"),
        ("set_per", 6, rf"{B}par\s+(?P<x>(?:(?P<every>\d+|{rx['numword']})\s+)?{unit}){E}"),
        ("set_part", 7, rf"{B}(?:chaque|tous\s+les|toutes\s+les)\s+{part}s?{E}"),
        ("set_season", 7, rf"{B}(?:chaque|tous\s+les)\s+(?P<season>{rx['season']})s?{E}"),
        ("whole", 5, rf"{B}(?:toute|tout)\s+(?:la\s+|le\s+|l{A})(?P<unit>{rx['calunit']}|journée|nuit){E}"),
        ("set_word", 2, rf"{B}(?P<freq>{rx['frequency']}){E}"),
    ]
    return tuple(Rule(name, guarded(p, re.IGNORECASE, after=B), prio, frozenset(_NEEDS.get(name, "").split()))
                 for name, prio, p in defs) + tuple(
        Rule(name, guarded(p, re.IGNORECASE, after=B), prio, frozenset(needs.split()))
        for name, prio, p, needs in timex_days.rule_defs() + timex_phrases.rule_defs())


@lru_cache(maxsize=1)
def rule_starts() -> Starts:
    """Where each rule of :func:`rules` may begin a match, found for all in one scan (regex_starts)."""
    return Starts([rule.regex for rule in rules()])


WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def trigger_words() -> dict[str, frozenset[str]]:
    """Every word (lower case) of the temporal vocabulary, with the kinds of expression it can start a search for.

    A text is cut into words once and each is looked up here, which is far cheaper than one big alternation
    tried at every character; every word of three letters or more of a phrase counts (« à l'heure actuelle »
    -> heure, actuelle), so no form of the vocabulary is left without a trigger."""
    lx = lexicon()
    kinds: dict[str, set[str]] = {}
    sources = {
        "month": lx.months, "weekday": lx.weekdays, "weekday_pl": lx.weekdays_plural, "unit": lx.units,
        "part": list(lx.parts) + [f + "s" for f in lx.parts] + list(lx.part_adjectives), "season": list(lx.seasons) + [f + "s" for f in lx.seasons],
        "ref": list(lx.refs) + list(lx.ref_adjectives),
        "frequency": lx.frequencies, "clock_word": lx.clock_words, "holiday": lx.holidays,
        "day_pub": [f for f, e in lx.days.items() if e["anchor"] == "publication"],
        "day_ref": [f for f, e in lx.days.items() if e["anchor"] == "reference"],
        "extra": ["lendemain", "surlendemain", "siècle", "années", "jusqu"],
        **timex_days.trigger_sources(),
        **timex_phrases.trigger_sources(),
    }
    for kind, forms in sources.items():
        for form in forms:
            words = WORD.findall(key(form))
            for w in words if len(words) == 1 else [w for w in words if len(w) >= 3] or words:
                kinds.setdefault(w, set()).add(kind)
    return {w: frozenset(k) for w, k in kinds.items()}
