"""Cross-document entity resolution: one corpus entity per real-world referent.

The unit is the in-document entity (:class:`LocalEntity`), already clustered and
labelled by :mod:`chronique.nlp.entities`. Names are compared through the keys of
:mod:`chronique.nlp.entity_names` (accents, hyphens, initials, doubled letters,
y/i and the usual transliteration endings), never through a table of names.

Persons, in order:

1. full names are blocked on the phonetic key of their surname; inside a block,
   given names with the same key are one person, and a short form or initials
   (Tom/Tomas, J./Jules, JD/J.D.) joins the only full form it fits;
2. surnames that differ only by transliteration (same consonant skeleton,
   rapidfuzz ratio ≥ ``FUZZY_SURNAME``) join when the given names agree;
   given names that differ by a transliterated vowel (Khaled / Khalid) join
   when the surname is the same, the choice is unique and the two documents
   share other names (the same story): two documents about different people
   of one family rarely share their whole cast;
3. a surname alone (« Martin », « M. Martin ») joins the only person of that
   surname in the corpus, or, when several exist, the one whose documents share
   clearly more names with its own document — otherwise it stays apart.

Two in-document entities of one document are never joined: the document itself
said they were different. Organisations, places and the rest are joined on
their phonetic key with spaces removed (« Maison-Blanche » / « Maison Blanche »),
then on a close key in the same skeleton block when their contexts agree.

A user alias file (``alias<TAB>canonical``, e.g. from JRC-Names) maps variants to
one name before any of this.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from chronique.ids import entity_id
from chronique.model import DocAnalysis, Entity
from chronique.nlp.entity_titles import honorific_prefix, title_gender
from chronique.nlp.entity_names import (
    LINKING_WORDS, fold, given_names_compatible, skeleton, split_name, strip_common_head, strip_trailing_designator, unit_key, units, vowel_variant,
)

FUZZY_SURNAME = 85.0  # rapidfuzz ratio between transliterated surnames of one person
FUZZY_NAME = 90.0  # between two non-person names of one referent
MIN_SHARED_CONTEXT = 2  # names two documents must share for a fuzzy non-person match
CONTEXT_MARGIN = 2  # how many more shared names the best person needs over the next


@dataclass(slots=True)
class _Node:
    doc: int
    local: int
    label: str
    name: str
    given: tuple[str, ...]  # given-name units (empty for a surname alone)
    surname: str  # phonetic key of the surname, particles included
    flat: str  # phonetic key of the whole name, spaces and hyphens dropped
    mentions: int
    strong_person: bool  # a full name, an honorific or a role says this is a person
    texts: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # mention texts without honorific
    gender: str = "any"  # from an honorific or a gendered title, when one was seen


def _flat(name: str) -> str:
    return "".join(unit_key(u) for u in units(name))


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class _Resolver:
    """Union-find over in-document entities that refuses joins a document contradicts."""

    def __init__(self, nodes: list[_Node]):
        self.nodes = nodes
        self.uf = _Union(len(nodes))
        self.docs: dict[int, set[int]] = {i: {n.doc} for i, n in enumerate(nodes)}
        self.gender: dict[int, str] = {i: n.gender for i, n in enumerate(nodes)}

    def agrees(self, a: int, b: int) -> bool:
        ga, gb = self.gender[self.root(a)], self.gender[self.root(b)]
        return "any" in (ga, gb) or ga == gb

    def root(self, i: int) -> int:
        return self.uf.find(i)

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.root(a), self.root(b)
        return ra == rb or not (self.docs[ra] & self.docs[rb])

    def join(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if self.docs[ra] & self.docs[rb] and not force:
            return False
        self.uf.union(ra, rb)
        r = self.root(ra)
        other = ra if r == rb else rb
        self.docs[r] = self.docs.pop(other) | self.docs[r]
        g = self.gender.pop(other)
        if self.gender[r] == "any":
            self.gender[r] = g
        return True


def _nodes(analyses: list[DocAnalysis]) -> list[_Node]:
    out = []
    for d, a in enumerate(analyses):
        for local in a.entities:
            given, sur = split_name(local.name)
            if not sur:
                continue
            ms = [a.mentions[i] for i in local.mentions if i < len(a.mentions)]
            strong = local.label == "PER" and (
                bool(given) or bool(local.roles) or any(m.key and m.key != m.text for m in ms)
            )
            out.append(
                _Node(d, local.index, local.label, local.name, given, unit_key(sur), _flat(local.name), len(ms), strong,
                      [m.text for m in ms], [m.key or m.text for m in ms], _gender(local.roles, ms))
            )
    return out


def _gender(roles: list[str], mentions: list) -> str:
    for m in mentions:
        hon, _ = honorific_prefix(m.text)
        if hon:
            g = title_gender(hon)
            if g != "any":
                return g
    for r in roles:
        g = title_gender(r)
        if g != "any":
            return g
    return "any"


def _contexts(analyses: list[DocAnalysis], nodes: list[_Node]) -> list[set[str]]:
    """Per document, the keys of the names it holds (surnames for persons)."""
    ctx: list[set[str]] = [set() for _ in analyses]
    for n in nodes:
        ctx[n.doc].add(n.surname if n.label == "PER" else n.flat)
    return ctx


def _apply_aliases(res: _Resolver, nodes: list[_Node], aliases: dict[str, str]) -> None:
    canon = {fold(k): fold(v) for k, v in aliases.items()}
    for v in list(canon.values()):
        canon.setdefault(v, v)
    first: dict[str, int] = {}
    for i, n in enumerate(nodes):
        keys = {fold(n.name), *(fold(t) for t in n.texts)}
        for k in keys:
            c = canon.get(k)
            if c is None:
                continue
            if c in first:
                res.join(first[c], i)
            else:
                first[c] = i


def _shared_context(res: _Resolver, ctx: list[set[str]], i: int, j: int, own: str) -> int:
    """How many names (besides ``own``) the documents of ``i``'s and ``j``'s entities have in common."""
    left: set[str] = set()
    for d in res.docs[res.root(i)]:
        left |= ctx[d]
    right: set[str] = set()
    for d in res.docs[res.root(j)]:
        right |= ctx[d]
    return len((left & right) - {own})


def _link_vowel_variants(res: _Resolver, nodes: list[_Node], reps: list[int], ctx: list[set[str]]) -> None:
    """Khaled / Khalid of one surname: one person when the only such variant, agreeing, in the same story."""
    for i in reps:
        fits = set()
        for j in reps:
            if res.root(j) == res.root(i) or not vowel_variant(nodes[i].given[0], nodes[j].given[0]):
                continue
            if nodes[i].given[1:] and nodes[j].given[1:] and nodes[i].given[1:] != nodes[j].given[1:]:
                continue
            if res.can_join(i, j) and res.agrees(i, j) and _shared_context(res, ctx, i, j, nodes[i].surname) >= MIN_SHARED_CONTEXT:
                fits.add(res.root(j))
        if len(fits) == 1:
            res.join(i, fits.pop())


def _link_full_names(res: _Resolver, nodes: list[_Node], people: list[int], ctx: list[set[str]]) -> None:
    """Steps 1 and 2: full names by surname block, then transliterated surnames."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i in people:
        by_surname[nodes[i].surname].append(i)
    for members in by_surname.values():
        # same given-name key: one person
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            # the phonetic key drops a final e: keep Jean and Jeanne in different groups
            groups[tuple((unit_key(u), u[-1] in "ae") for u in nodes[i].given)].append(i)
        for g in groups.values():
            for i in g[1:]:
                res.join(g[0], i)
        # a short form or initials joins the only full form it fits
        reps = [g[0] for g in groups.values()]
        for i in reps:
            fits = {res.root(j) for j in reps if j != i and res.root(j) != res.root(i)
                    and given_names_compatible(nodes[i].given, nodes[j].given)}
            fits = {r for r in fits if res.can_join(i, r) and res.agrees(i, r)}
            if len(fits) == 1:
                res.join(i, fits.pop())
        _link_vowel_variants(res, nodes, reps, ctx)
    # « Anne Lima Souza » / « Anne Lima-Souza »: a last given unit that is part of the surname
    for i in people:
        n = nodes[i]
        if len(n.given) < 2:
            continue
        alt = unit_key(n.given[-1]) + n.surname
        for j in by_surname.get(alt, ()):
            if given_names_compatible(n.given[:-1], nodes[j].given, allow_prefix=False) == "same":
                res.join(i, j)
    # transliterated surnames: block on the consonant skeleton
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for s in by_surname:
        by_skeleton[skeleton(s)].append(s)
    for keys in by_skeleton.values():
        for x, a in enumerate(keys):
            for b in keys[x + 1 :]:
                if fuzz.ratio(a, b) < FUZZY_SURNAME:
                    continue
                for i in by_surname[a]:
                    for j in by_surname[b]:
                        if given_names_compatible(nodes[i].given, nodes[j].given, allow_prefix=False) == "same":
                            res.join(i, j)


def _link_surnames(res: _Resolver, nodes: list[_Node], singles: list[int], people: list[int], ctx: list[set[str]]) -> list[int]:
    """Step 3: a surname alone joins its person when there is one clear candidate; returns the rest."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i in people:
        by_surname[nodes[i].surname].add(res.root(i))
    rest = []
    for i in singles:
        roots = {res.root(r) for r in by_surname.get(nodes[i].surname, ())}
        roots = {r for r in roots if res.can_join(i, r) and res.agrees(i, r)}
        if len(roots) > 1:
            own = ctx[nodes[i].doc]
            score = {}
            for r in roots:
                shared = set()
                for d in res.docs[r]:
                    shared |= ctx[d] & own
                score[r] = len(shared)
            ranked = sorted(roots, key=lambda r: -score[r])
            roots = {ranked[0]} if score[ranked[0]] >= score[ranked[1]] + CONTEXT_MARGIN else set()
        if len(roots) == 1:
            res.join(i, roots.pop())
        else:
            rest.append(i)
    return rest


def _link_others(res: _Resolver, nodes: list[_Node], others: list[int], ctx: list[set[str]]) -> None:
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in others:
        by_key[nodes[i].flat].append(i)
    for g in by_key.values():
        for i in g[1:]:
            res.join(g[0], i)
    for i in others:
        for head in (strip_common_head(nodes[i].name), strip_trailing_designator(nodes[i].name)):
            if head is not None and _flat(head) in by_key:
                res.join(i, by_key[_flat(head)][0])
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        by_skeleton[skeleton(k)].append(k)
    for keys in by_skeleton.values():
        for x, a in enumerate(keys):
            for b in keys[x + 1 :]:
                if min(len(a), len(b)) < 5 or fuzz.ratio(a, b) < FUZZY_NAME:
                    continue
                i, j = by_key[a][0], by_key[b][0]
                shared = set()
                for d in res.docs[res.root(i)]:
                    for e in res.docs[res.root(j)]:
                        shared |= ctx[d] & ctx[e]
                if len(shared - {a, b}) >= MIN_SHARED_CONTEXT:
                    res.join(i, j)


def acronym(name: str) -> str | None:
    """Initials of the capitalised and content words of a several-word name
    (« Union nationale des étudiants de France » -> « UNEF »), or None."""
    words = [w for w in units(name) if w not in LINKING_WORDS]
    if len(words) < 2:
        return None
    return "".join(p[0] for w in words for p in w.split("-") if p).upper()


_OF = frozenset({"de", "du", "des", "d"})


def acronym_with_of(name: str) -> str | None:
    """Initials keeping « de / du / des », articles aside (« Forges de la Vanne » -> « FDV »), or None."""
    words = [w for w in units(name) if w not in LINKING_WORDS or w in _OF]
    if len(words) < 3 or words[0] in _OF or words[-1] in _OF:
        return None
    return "".join(p[0] for w in words for p in w.split("-") if p).upper()


def _link_acronyms(res: _Resolver, nodes: list[_Node], others: list[int], analyses: list[DocAnalysis]) -> None:
    """An all-capitals short name joins the only longer name whose initials it spells."""
    long_by_acronym: dict[str, set[int]] = defaultdict(set)
    for i in others:
        for a in {acronym(nodes[i].name), acronym_with_of(nodes[i].name)} - {None}:
            if 2 <= len(a) <= 8:  # type: ignore[arg-type]
                long_by_acronym[a].add(i)  # type: ignore[index]
    for i in others:
        short = nodes[i].name.replace(".", "")
        if not (2 <= len(short) <= 8 and short.isalpha() and short.isupper()):
            continue
        roots = {res.root(j) for j in long_by_acronym.get(short.upper(), ())} - {res.root(i)}
        if len(roots) == 1:
            r = roots.pop()
            if not res.join(i, r):
                res.join(i, r, force=True)  # « l’Union … (UNEF) » in one document: the document said so


def _entity(nodes: list[_Node], members: list[int], analyses: list[DocAnalysis]) -> Entity:
    labels: Counter[str] = Counter()
    for i in members:
        labels[nodes[i].label] += nodes[i].mentions
    label = "PER" if any(nodes[i].strong_person for i in members) else labels.most_common(1)[0][0]
    names: Counter[str] = Counter(nodes[i].name for i in members)
    name = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))
    aliases: list[str] = []
    for i in members:
        for t in [nodes[i].name, *nodes[i].texts, *nodes[i].keys]:
            if t != name and t not in aliases:
                aliases.append(t)
    titles: list[dict] = []
    seen = set()
    for i in members:
        a = analyses[nodes[i].doc]
        for role in a.entities[nodes[i].local].roles:
            key = (role.lower(), a.document.id)
            if key not in seen:
                seen.add(key)
                titles.append({"title": role, "date": a.document.published, "document": a.document.id})
    titles.sort(key=lambda t: (t["date"] or "", t["title"]))
    return Entity(
        id=entity_id(label, name), name=name, type=label, aliases=sorted(aliases),  # type: ignore[arg-type]
        documents=len({nodes[i].doc for i in members}), mentions=sum(nodes[i].mentions for i in members), titles=titles,
    )


def link_entities(analyses: list[DocAnalysis], aliases: dict[str, str] | None = None) -> list[Entity]:
    """One Entity per referent; sets ``entity`` on mentions, local entities and quote speakers in place."""
    nodes = _nodes(analyses)
    res = _Resolver(nodes)
    ctx = _contexts(analyses, nodes)
    if aliases:
        _apply_aliases(res, nodes, aliases)
    people = [i for i, n in enumerate(nodes) if n.label == "PER" and n.given]
    surnames = {nodes[i].surname for i in people}
    singles = [i for i, n in enumerate(nodes) if n.label == "PER" and not n.given and (n.strong_person or n.surname in surnames)]
    taken = set(people) | set(singles)
    others = [i for i in range(len(nodes)) if i not in taken]
    _link_full_names(res, nodes, people, ctx)
    rest = _link_surnames(res, nodes, singles, people, ctx)
    # surnames of nobody named in full: one entity per key, as for other names
    _link_others(res, nodes, others + [i for i in rest if nodes[i].surname not in surnames], ctx)
    _link_acronyms(res, nodes, others, analyses)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[res.root(i)].append(i)
    entities: list[Entity] = []
    used: Counter[str] = Counter()
    for members in sorted(groups.values(), key=lambda m: min(m)):
        ent = _entity(nodes, members, analyses)
        used[ent.id] += 1
        if used[ent.id] > 1:  # two referents with one name (a surname that stayed ambiguous)
            ent.id = entity_id(ent.type, f"{ent.name}#{used[ent.id]}")
        entities.append(ent)
        for i in members:
            a = analyses[nodes[i].doc]
            local = a.entities[nodes[i].local]
            local.entity = ent.id
            for m in local.mentions:
                if m < len(a.mentions):
                    a.mentions[m].entity = ent.id
    for a in analyses:
        _speakers(a)
    return sorted(entities, key=lambda e: (-e.mentions, e.name))


def _speakers(a: DocAnalysis) -> None:
    """Quote speakers take their in-document entity's id, or the one whose name they carry."""
    by_name = {}
    for local in a.entities:
        by_name.setdefault(fold(local.name), local)
        for m in local.mentions:
            if m < len(a.mentions):
                by_name.setdefault(fold(a.mentions[m].key or a.mentions[m].text), local)
    for q in a.quotes:
        sp = q.speaker
        if sp is None:
            continue
        if sp.local is not None and 0 <= sp.local < len(a.entities):
            sp.entity = a.entities[sp.local].entity
        elif sp.name:
            local = by_name.get(fold(sp.name)) or by_name.get(fold(honorific_prefix(sp.name)[1]))
            if local is not None:
                sp.entity = local.entity
