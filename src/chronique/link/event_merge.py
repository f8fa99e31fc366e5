"""One happening, many reports: grouping events of the same story into clusters.

Two events are the same happening when they are of one family (a « conversation »
in one article may be the « appel téléphonique » of another), belong to one story,
have compatible dates (one period lies within the other: 19 May within week 20),
compatible places (disasters of one day excepted: the valley in one report, the village in
another), and share enough participants: at least two when both name
two or more, the one when either names a single one (a place counts as a
participant when the other report names it too, as place or participant, and for
nothing when only one report says where); an event that names nobody
may join (the clause did not say who, which is no contradiction).

Dated events are clustered first, the most precise first, so a cluster keeps the
most precise date its sources give. An event dated by a night (« dans la nuit de samedi à
dimanche ») is placed on the morning after, unless another report of it gives the evening. An undated event then joins a cluster that
already holds an event of its own document (an anaphoric « l'appel », « les
pourparlers d'Istanbul »), adding its participants and its sentence as evidence;
one that names nobody joins only when a single cluster of its family fits; one
whose document told a single happening of its family and whose determiner points
back (possessive, demonstrative) joins it whoever it names (« l'avocate générale a requis … »
then « dans son réquisitoire », said of her),
statements excepted (an article tells many). Only
definite noun phrases re-tell (« l'appel », « cette réunion »); « un sommet » or
an undated verb tells something new, which the timeline cannot place — except as a
facet: events of one family told in one paragraph on one date (or undated, without
an article), one of them naming a single party, are one happening (a verdict told
defendant by defendant). Deaths on the very day of a disaster are the disaster's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronique.model import Event
from chronique.nlp.event_dates import compatible, event_day, normalise, rank
from chronique.nlp.event_triggers import DEATH, DISASTER, SPOKEN, family_of, grammar


@dataclass(slots=True)
class Member:
    doc: int  # index of the document in the corpus
    event: Event
    value: str | None  # normalised date
    precision: str | None
    place: str | None = None  # corpus entity id of the place (or its folded name)
    definite: str | None = None  # « l'appel » (definite), « son réquisitoire » (pointer): may re-tell one already told
    around: frozenset[str] = frozenset()  # named elsewhere in its sentence (breaks ties between antecedents)
    paragraph: int | None = None  # where its paragraph starts in the document text
    eve: str | None = None  # dated by a night: the evening it began (« samedi soir, à 23 h 47 », in another report)

    @property
    def ids(self) -> set[str]:
        """Who and where: participants and place, compared between reports."""
        return set(self.event.participants) | ({self.place} if self.place else set())


@dataclass(slots=True)
class Cluster:
    family: str
    story: str | None
    value: str
    precision: str
    members: list[Member] = field(default_factory=list)
    participants: Counter = field(default_factory=Counter)
    places: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def add(self, m: Member) -> None:
        if family_of(m.event.type) == DISASTER:
            self.family = DISASTER  # the deaths told first were the disaster's
        self.members.append(m)
        self.participants.update(dict.fromkeys(m.event.participants, 1))
        if m.place:
            self.places.add(m.place)
        self.ids |= m.ids

    def docs(self) -> set[int]:
        return {m.doc for m in self.members}


def _needed(a: int, b: int) -> int:
    return min(2, a, b)


def _fit(c: Cluster, m: Member, story: str | None, anaphor: bool = False) -> int | None:
    """A score (higher is better) when ``m`` may join ``c``, else None; an ``anaphor`` need not share participants."""
    e = m.event
    if c.story != story or not _family_fits(c, m):
        return None
    if m.value is not None and not _when_fits(c, m):
        return None
    place = m.place
    if place and c.places and place not in c.places and not _same_disaster(c, m):
        return None
    same_place = bool(place and place in c.places)
    mine, theirs = m.ids, c.ids  # who and where: « à Vienne » in one report, « les pourparlers de Vienne » in another
    shared = len(mine & theirs)
    # where only one report says counts for nothing: it is no disagreement
    size_m = len(e.participants) + bool(place and place in theirs)
    size_c = len(c.participants) + bool(c.places & mine)
    if mine and theirs and shared < _needed(size_m, size_c) and not anaphor:
        return None
    return shared * 2 + (3 if same_place else 0) + (1 if m.doc in c.docs() else 0)


def _when_fits(c: Cluster, m: Member) -> bool:
    """Compatible dates; a night fits the day it began as well as the morning after."""
    return compatible(c.value, m.value) or (m.eve is not None and compatible(c.value, m.eve))  # type: ignore[arg-type]


def _same_disaster(c: Cluster, m: Member) -> bool:
    """Disasters of one story on one day are one, wherever each report places it (the valley
    in one, the village it struck in another)."""
    return c.family == DISASTER == family_of(m.event.type) and c.precision == m.precision == "day" and c.value == m.value


def _introduced_as_new(e: Event) -> bool:
    """The trigger follows an indefinite article (« un appel »)."""
    s = e.sentence
    if s is None or not s.start <= e.start <= s.end:
        return False
    before = s.text[: e.start - s.start].split()
    return bool(before) and before[-1].lower().replace("’", "'") in grammar().get("indefinite", frozenset())


def _family_fits(c: Cluster, m: Member) -> bool:
    """Same family; or deaths on the very day of a disaster (« deux randonneurs ont péri »)."""
    family = family_of(m.event.type)
    if c.family == family:
        return True
    return {family, c.family} == {DEATH, DISASTER} and m.precision == "day" and c.precision == "day" and m.value == c.value


def _facet(c: Cluster, m: Member, story: str | None) -> bool:
    """``m`` tells one more party of a happening its paragraph already told, on the same date or
    undated (« X a été reconnu coupable jeudi … Y a été condamnée à six mois … Z a été acquitté »): one of the two
    names one party at most."""
    if m.paragraph is None or c.story != story or c.family != family_of(m.event.type) or c.family in SPOKEN:
        return False
    if (m.value is not None and not _when_fits(c, m)) or (m.place and c.places and m.place not in c.places):
        return False
    if m.value is None and (m.definite or _introduced_as_new(m.event)):
        return False  # « un appel a duré une heure »: another one; « le réquisitoire de X »: re-mentions decide below
    return any(x.doc == m.doc and x.paragraph == m.paragraph and (len(x.event.participants) <= 1 or len(m.event.participants) <= 1)
               for x in c.members)  # fmt: skip


def cluster(members: list[Member], story_of: dict[int, str | None]) -> list[Cluster]:
    """Clusters of the members (see the module docstring); undated members that fit nowhere are left out."""
    # (a night founds no cluster a report giving the clock time can: « samedi soir, à 23 h 47 »)
    dated = sorted((m for m in members if m.value), key=lambda m: (rank(m.precision), m.eve is not None, m.doc, m.event.start))
    clusters: list[Cluster] = []
    for m in dated:
        story = story_of.get(m.doc)
        best, best_score = None, -1
        for c in clusters:
            s = _fit(c, m, story)
            if s is None and _facet(c, m, story):
                s = 0
            if s is not None and s > best_score:
                best, best_score = c, s
        if best is None:
            best = Cluster(family_of(m.event.type), story, m.value, m.precision)  # type: ignore[arg-type]
            clusters.append(best)
        best.add(m)
    for m in members:
        if m.value:
            continue
        story = story_of.get(m.doc)
        facets = [c for c in clusters if _facet(c, m, story)]
        if len(facets) == 1:
            facets[0].add(m)
            continue
        if not m.definite:
            continue
        story = story_of.get(m.doc)
        family = family_of(m.event.type)
        told = [c for c in clusters if m.doc in c.docs() and c.family == family]
        if len(told) == 1 and m.definite == "pointer" and family not in SPOKEN and _fit(told[0], m, story, anaphor=True) is not None:
            told[0].add(m)  # the one antecedent: « son réquisitoire » names who spoke, not who else took part
            continue
        fits = []
        for c in clusters:
            if m.doc not in c.docs() or (m.ids and not m.ids & c.ids):
                continue
            s = _fit(c, m, story)
            if s is not None:
                distance = min(abs(x.event.start - m.event.start) for x in c.members if x.doc == m.doc)
                near = len(m.around & c.ids)  # « l'entretien entre Mme X et M. Y »: Y named beside the clause
                told = sum(x.doc == m.doc for x in c.members)  # the article's main happening is re-told most
                fits.append((s, near, told, -distance, c))
        if not fits:
            continue
        if not m.ids and len(fits) > 1:
            continue
        fits.sort(key=lambda f: f[:4], reverse=True)
        fits[0][4].add(m)
    return clusters


def member(doc: int, event: Event, place: str | None = None, around: list[str] | None = None, paragraph: int | None = None) -> Member:
    got, began = event_day(event.date), normalise(event.date)
    eve = began[0] if got and began and got != began else None
    return Member(doc, event, got[0] if got else None, got[1] if got else None, place, event.definite, frozenset(around or ()), paragraph, eve)
