"""Speakers known by a title only, named through the story: « a indiqué le porte-parole de la préfecture ».

An article often names a person once (« le porte-parole de la préfecture, Paul
Dumas ») and the next article of the same story only by the title. Inside one
document the NLP pipeline cannot see the name; here, once entities and stories
are known, a quote whose speaker stands as a title (or a periphrasis of one,
``langdata/fr/title_periphrases.yaml``: « le premier magistrat » = the mayor) takes
the one person of its story who holds that title: the title's words (head noun
and complement, « président du syndicat ») all appear in a title the person was
given in a document of the story (« président du syndicat des vignerons »).

A speaker the document already named keeps it, unless that person holds no
title of the story that fits and another person is the only one who does
(« X et Y ont salué …, a rapporté le président du syndicat » when X was
introduced so earlier). Nothing changes when two people fit.

Likewise a speaker named by a bare noun (« le syndicat ») takes the one fuller
name of that noun spoken in the story (« le syndicat des éleveurs de X »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronique import langdata
from chronique.model import DocAnalysis, Entity, Speaker, Story
from chronique.nlp.entity_names import LINKING_WORDS, fold
from chronique.nlp.entity_titles import find_titles

_DETERMINER = re.compile(r"(?i)^\s*(?:(?:le|la|les|ce|cet|cette|son|sa|ses|leur|leurs|notre|votre)\s+|l['’ʼ]\s*)")

# object pronouns a subject slot may carry before its verb (« le préfet vous aurait dit »)
_CLITICS = re.compile(r"(?i)(?:\s+(?:vous|nous|lui|leur|me|te|se|y|en|ne|[mtsln]['’ʼ]))+\s*$")

Words = frozenset[str]


@dataclass(frozen=True, slots=True)
class _Title:
    head: str  # first folded word of the title (« porte » for « porte-parole »)
    words: Words  # folded words without linking words


def _parse(folded: str) -> _Title | None:
    words = folded.split()
    if not words:
        return None
    return _Title(words[0], frozenset(w for w in words if w not in LINKING_WORDS))


@lru_cache(maxsize=1)
def _periphrases() -> list[tuple[str, tuple[str, ...]]]:
    """(folded form, folded titles) pairs, longest form first."""
    out = []
    for e in langdata.load("title_periphrases"):
        titles = tuple(fold(t) for t in e["titles"])
        for form in [e["phrase"], *(e.get("forms") or [])]:
            out.append((fold(form), titles))
    out.sort(key=lambda p: len(p[0]), reverse=True)
    return out


def title_readings(phrase: str) -> list[_Title]:
    """The titles a speaker description stands for: « le président du syndicat » ->
    [président du syndicat]; « le premier magistrat » -> [maire]; [] when it is no title."""
    rest = _CLITICS.sub("", _DETERMINER.sub("", phrase, count=1))
    folded = fold(rest)
    for form, titles in _periphrases():
        if folded == form or folded.startswith(form + " "):
            tail = folded[len(form):]
            return [t for t in (_parse(title + tail) for title in titles) if t]
    hits = find_titles(rest)
    if not hits or hits[0].start != 0 or hits[0].plural or hits[0].kind != "title":
        return []
    parsed = _parse(folded)
    return [parsed] if parsed else []


def _fits(query: _Title, held: _Title) -> bool:
    """Every word of the query's title is in the held one (same head noun)."""
    return query.head == held.head and query.words <= held.words


def _compatible(query: _Title, held: _Title) -> bool:
    return query.head == held.head and (query.words <= held.words or held.words <= query.words)


class _StoryTitles:
    """Per story, the people and the titles they were given in its documents."""

    def __init__(self, analyses: list[DocAnalysis], entities: list[Entity], stories: list[Story]):
        self.story_of: dict[str, str] = {}
        for s in stories:
            for d in s.documents:
                self.story_of.setdefault(d, s.id)
        self.held: dict[str, dict[str, list[_Title]]] = {}  # story -> entity id -> titles
        for e in entities:
            if e.type != "PER":
                continue
            for t in e.titles:
                story = self.story_of.get(t.get("document") or "", t.get("document") or "")
                for reading in title_readings(t["title"]):
                    self.held.setdefault(story, {}).setdefault(e.id, []).append(reading)

    def holders(self, doc_id: str, readings: list[_Title]) -> tuple[list[str], dict[str, list[_Title]]]:
        people = self.held.get(self.story_of.get(doc_id, doc_id), {})
        found = [eid for eid, held in people.items() if any(_fits(q, h) for q in readings for h in held)]
        return found, people


def resolve_title_speakers(analyses: list[DocAnalysis], entities: list[Entity], stories: list[Story]) -> None:
    """Give title-only speakers the person of their story who holds the title (in place)."""
    index = _StoryTitles(analyses, entities, stories)
    if not index.held:
        return
    by_id = {e.id: e for e in entities}
    for a in analyses:
        text = a.document.text
        for q in a.quotes:
            sp = q.speaker
            if sp is None:
                continue
            phrase = text[sp.start : sp.end] if sp.start is not None and sp.end is not None else sp.name
            readings = title_readings(phrase)
            if not readings:
                continue
            found, people = index.holders(a.document.id, readings)
            if len(found) != 1 or found[0] == sp.entity:
                continue
            if sp.entity is not None and any(_compatible(r, h) for r in readings for h in people.get(sp.entity, [])):
                continue  # the document's choice holds that title too
            _assign(sp, by_id[found[0]], a)


_BARE = re.compile(r"[a-zà-öø-ÿœ][\w\-]*")


def complete_group_speakers(analyses: list[DocAnalysis], stories: list[Story]) -> None:
    """« Le syndicat a fait savoir » in one article, « le syndicat des éleveurs de X » in another:
    a speaker named by a bare lower-case noun takes the one fuller name of that noun spoken in its story."""
    story_of: dict[str, str] = {d: s.id for s in stories for d in s.documents}
    full: dict[str, set[str]] = {}  # story -> speaker names of two words or more
    for a in analyses:
        key = story_of.get(a.document.id, a.document.id)
        for q in a.quotes:
            if q.speaker is not None and q.speaker.entity is None and len(q.speaker.name.split()) > 1:
                full.setdefault(key, set()).add(q.speaker.name)
    for a in analyses:
        names = full.get(story_of.get(a.document.id, a.document.id), set())
        for q in a.quotes:
            sp = q.speaker
            if sp is None or sp.entity is not None or sp.local is not None or not _BARE.fullmatch(sp.name):
                continue
            head = re.compile(re.escape(sp.name) + r"\s+(?:de|du|des|d['’])\s*\S", re.I)
            fuller = {n for n in names if head.match(n)}
            if len(fuller) == 1:
                sp.name = fuller.pop()


def _assign(sp: Speaker, ent: Entity, a: DocAnalysis) -> None:
    sp.name = ent.name
    sp.entity = ent.id
    sp.local = next((i for i, le in enumerate(a.entities) if le.entity == ent.id), None)
