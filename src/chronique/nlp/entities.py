"""In-document entities: mentions, labels made consistent, honorifics and roles, local clusters.

spaCy's French models label a person's surname ORG or LOC once it stands alone
and read a metonymic capital (« Washington a reconnu ») as a person. Labels are
therefore decided per in-document entity, not per mention:

1. candidates come cleaned from :mod:`entity_spans` (datelines and headings kept
   apart from the first sentence, elided words and titles trimmed);
2. roles are attached from titles (:mod:`entity_roles`);
3. a given name and a surname read as a person (spaCy's PER, an honorific or a
   role) anchor person clusters: « Anne Martin » / « A. Martin » / « Martin » /
   « Mme Martin » join the nearest anchor whose surname they carry and whose
   gender (honorific, gendered title or article: « la capitaine ») does not
   contradict theirs; a given name alone joins the only person so named;
4. every other mention joins the mentions of the same transliteration-tolerant
   key (« Maison-Blanche » / « Maison Blanche », « groupe Durand » / « Durand »);
5. each cluster's label is a weighted vote of its mentions: an honorific or a
   role counts three, a spaCy label its weight; a one-word cluster is a person
   only when the person votes win outright.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from chronique.model import LocalEntity, Mention
from chronique.nlp import entity_roles, entity_types
from chronique.nlp.doc_text import text_of
from chronique.nlp.entity_names import given_names_compatible, is_initials, split_name, strip_common_head, strip_trailing_designator, unit_key, units
from chronique.nlp.entity_lexicon import EMPTY, Lexicon
from chronique.nlp.entity_spans import Candidate, candidates
from chronique.nlp.entity_titles import find_honorifics, find_titles

EVIDENCE_WEIGHT = 3.0


def _body_start(doc: Doc) -> int:
    return (doc._.chronique_body_start or 0) if Doc.has_extension("chronique_body_start") else 0


def _words(c: Candidate, text: str) -> tuple[str, ...]:
    return units(text[c.key_start : c.end])


def _single(c: Candidate, text: str) -> bool:
    """A one-word name or a surname alone (« Le Gall »)."""
    return not split_name(text[c.key_start : c.end])[0]


class _Cluster:
    __slots__ = ("members", "votes", "surname", "given", "gender", "forced")

    def __init__(self, surname: str | None = None, given: tuple[str, ...] = (), gender: str = "any"):
        self.members: list[int] = []
        self.votes: dict[str, float] = defaultdict(float)
        self.surname = surname
        self.given = given
        self.gender = gender
        self.forced: dict[str, int] = defaultdict(int)

    def agrees(self, gender: str) -> bool:
        return "any" in (gender, self.gender) or gender == self.gender


def _gender(c: Candidate) -> str:
    """From the honorific (« Mme ») or the role (« la capitaine »); "any" when unknown."""
    if c.honorific is not None and c.honorific.gender != "any":
        return c.honorific.gender
    return c.role_gender or "any"


def _is_person_anchor(c: Candidate, given: tuple[str, ...]) -> bool:
    return bool(given) and (c.label == "PER" or c.honorific is not None or c.role is not None)


def _vote(c: Candidate, cl: _Cluster) -> None:
    if c.forced:
        cl.forced[c.forced] += 1
    cl.votes[c.label] += c.weight
    if c.honorific is not None or c.role is not None:
        cl.votes["PER"] += EVIDENCE_WEIGHT


def _label(cl: _Cluster, one_word: bool) -> str:
    votes = cl.votes
    if cl.forced:
        return max(cl.forced, key=lambda k: cl.forced[k])
    if cl.surname is not None:
        return "PER"
    per = votes.get("PER", 0.0)
    other = max(((v, k) for k, v in votes.items() if k != "PER"), default=(0.0, "MISC"))
    if per > other[0] or (not one_word and per >= other[0] and per > 0):
        return "PER"
    return other[1] if other[0] > 0 else ("PER" if per > 0 else "MISC")


def _only_after_place(cands: list[Candidate], cl: _Cluster) -> bool:
    """« née à X », « un accident à X »: a one-word name only ever written after « à », with no
    honorific, role or given name, is a place the tagger read as a surname."""
    return cl.surname is None and not cl.forced and all(
        cands[i].after_place and cands[i].honorific is None and cands[i].role is None and cands[i].first == cands[i].last for i in cl.members
    )


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates overlapping an earlier, longer one (text order kept)."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _cluster(cands: list[Candidate], text: str) -> list[_Cluster]:
    names = [split_name(text[c.key_start : c.end]) for c in cands]
    clusters: list[_Cluster] = []
    of: list[int | None] = [None] * len(cands)
    by_surname: dict[str, list[int]] = defaultdict(list)  # surname key -> person cluster indices
    # 1. person anchors: a given name and a surname, read as a person
    for i, c in enumerate(cands):
        given, sur = names[i]
        if not sur or not _is_person_anchor(c, given):
            continue
        surname, gender = unit_key(sur), _gender(c)
        match = None
        for ci in by_surname.get(surname, ()):
            if clusters[ci].agrees(gender) and given_names_compatible(clusters[ci].given, given):
                match = ci
                if clusters[ci].given == given:
                    break
        if match is None:
            clusters.append(_Cluster(surname, given, gender))
            match = len(clusters) - 1
            by_surname[surname].append(match)
        else:
            if len(given) > len(clusters[match].given):
                clusters[match].given = given
            if clusters[match].gender == "any":
                clusters[match].gender = gender
        of[i] = match
    # 2. a lone surname (or an honorific + surname) joins the nearest person carrying it
    anchored: dict[str, list[tuple[int, int]]] = defaultdict(list)  # surname -> (position, cluster)
    for i, ci in enumerate(of):
        if ci is not None:
            anchored[clusters[ci].surname].append((cands[i].start, ci))
    first_names: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, ci in enumerate(of):
        if ci is not None and clusters[ci].given and not is_initials(clusters[ci].given[0]):
            first_names[unit_key(clusters[ci].given[0])].append((cands[i].start, ci))
    by_key: dict[str, int] = {}
    for i, c in enumerate(cands):
        if of[i] is not None:
            continue
        given, sur = names[i]
        if not sur:
            continue
        places = anchored.get(unit_key(sur)) if (not given or c.honorific is not None) else None
        if places:
            places = [p for p in places if clusters[p[1]].agrees(_gender(c))]
        elif not given and len(units(sur)) == 1 and c.label in ("PER", "MISC"):
            # a given name alone (« Anne ») for the only person of the document called so
            places = first_names.get(unit_key(sur)) if len({p[1] for p in first_names.get(unit_key(sur), ())}) == 1 else None
        if places:
            before = [p for p in places if p[0] <= c.start]
            pick = max(before)[1] if before else min(places)[1]
            if not given or given_names_compatible(clusters[pick].given, given):
                of[i] = pick
                continue
        name = text[c.key_start : c.end]
        name = strip_common_head(name) or name
        key = "".join(unit_key(u) for u in units(strip_trailing_designator(name) or name))
        ci = by_key.get(key)
        if ci is None:
            clusters.append(_Cluster())
            ci = by_key[key] = len(clusters) - 1
        of[i] = ci
    for i, ci in enumerate(of):
        if ci is None:
            continue
        clusters[ci].members.append(i)
        _vote(cands[i], clusters[ci])
    return clusters


def _name(cands: list[Candidate], members: list[int], text: str) -> str:
    """The fullest form: most words, then the most frequent, then the earliest."""
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for i in members:
        n = text[cands[i].key_start : cands[i].end]
        counts[n] += 1
        first.setdefault(n, i)
    return max(counts, key=lambda n: (n[:1].isupper(), len(n.split()), counts[n], len(n), -first[n]))


def extract(doc: Doc, lexicon: Lexicon = EMPTY) -> tuple[list[Mention], list[LocalEntity]]:
    """Mentions in text order and the in-document entities they form (``lexicon``: the
    language's common nouns and adjectives, :mod:`entity_lexicon`)."""
    text = text_of(doc)
    titles = find_titles(text)
    body_start = _body_start(doc)
    cands = _dedupe(candidates(doc, body_start, titles, find_honorifics(text), text, lexicon))
    cands = [c for c in _dedupe(entity_types.apply(doc, cands, titles, text, body_start, lexicon)) if c.end - c.key_start > 1 and _words(c, text)]
    entity_roles.attach(doc, cands, titles, text)
    clusters = [cl for cl in _cluster(cands, text) if cl.members]
    clusters.sort(key=lambda cl: min(cl.members))
    mentions: list[Mention | None] = [None] * len(cands)
    entities: list[LocalEntity] = []
    for index, cl in enumerate(clusters):
        one_word = all(_single(cands[i], text) for i in cl.members)
        label = _label(cl, one_word)
        if label == "PER" and one_word and _only_after_place(cands, cl):
            label = "LOC"
        roles: list[str] = []
        for i in cl.members:
            c = cands[i]
            mentions[i] = Mention(
                start=c.start, end=c.end, text=text[c.start : c.end], label=label,  # type: ignore[arg-type]
                key=text[c.key_start : c.end], local=index, role=c.role,
            )
            if c.role and c.role not in roles:
                roles.append(c.role)
        entities.append(LocalEntity(index=index, name=_name(cands, cl.members, text), label=label, mentions=sorted(cl.members), roles=roles))  # type: ignore[arg-type]
    return [m for m in mentions if m is not None], entities
