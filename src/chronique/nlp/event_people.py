"""Who an event's clause names without a name in it.

A clause often names its actor outside the clause's own words: by a pronoun
(« Elle a démissionné lundi »), by a title that refers back to someone named
earlier (« a tranché la juge », « la ministre a annoncé »), or as the speaker
of the quotation whose cue the trigger is (« … », a dénoncé l'élue). The parser
may also hang a name that opens a paragraph on the line before it (a title
without a full stop), leaving the verb without a subject. This module resolves
such subjects to in-document entities with the quotation reader's
:class:`~chronique.nlp.quote_speakers.Resolver` (pronoun antecedents, people
introduced with a title), built once per document and only when needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Token

from chronique.model import LocalEntity, Mention, Quote
from chronique.nlp import event_clause as clause
from chronique.nlp.entity_names import is_trailing_designator
from chronique.nlp.entity_types import is_org_head
from chronique.nlp.quote_speakers import DESCRIPTION_REACH, Resolver, Who, groups

_VERB = frozenset({"VERB", "AUX"})
INTRODUCTION_WORDS = 8  # how far from a name its introduction (« chef de la délégation X, ») may lie
MAX_MEMBERS = 2
ROLE_GAP = 8  # characters between a name and its role (« , », « , le »)
_OF = frozenset({"de", "du", "des", "d'"})
_ONE_OF = frozenset({"un", "une", "l'un", "l'une"})  # « l'une de ses architectes »
# a noun the tagger may read as a participle (« l'exploitant »): its determiner shows it is a noun
_NOMINAL = frozenset({"NOUN", "VERB", "ADJ"})
_DEFINITE = frozenset({"le", "la", "l'", "au", "du"})
APPOSITION_GAP = 40  # characters between a company noun and the name it is given (« l'exploitant, la société X »)
_PERSONAL = frozenset({"il", "elle"})


@lru_cache(maxsize=1)
def _company_named() -> re.Pattern[str]:
    """A company noun right before a name, with at most a comma, a determiner and two words between
    (« la société française », « l'exploitant, la société »): the name is a company's."""
    nouns = "|".join(sorted((re.escape(w) for w, g in groups().items() if g.company and not g.plural), key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})\b\s*,?\s*(?:(?:l[ea]|l['’]|une?)\s*)?(?:[\w-]+\s+){{0,2}}$", re.I)  # third-person singular: one antecedent
# words that may stand between a subject and its verb (« X s'est », « X n'a pas », « X a »)
_VERB_GROUP = frozenset({"AUX", "PRON", "ADV", "PART"})


def _same_word(word: str, lemma: str) -> bool:
    """« vice-recteur » is a « recteur », « co-présidente » a « présidente »."""
    return word == lemma or word.endswith("-" + lemma)


def _coordinated(subject: Token) -> list[Token]:
    """A subject and the subjects coordinated with it (« X, l'une de ses architectes et un ancien
    conseiller »); « l'une de N » stands for N's word."""
    out: list[Token] = []
    stack = [subject]
    while stack:
        t = stack.pop()
        one = t
        if t.pos_ == "PRON" and clause.norm(t.text) in _ONE_OF:
            one = next((c for c in t.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), t)
        out.append(one)
        stack.extend(c for c in [*t.children, *(one.children if one is not t else ())] if c.dep_ == "conj")
    return out


class People:
    """Subject and cue-speaker lookups over one document."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[LocalEntity], quotes: list[Quote],
                 token_mention: dict[int, int], in_quote: Callable[[int], bool], text: str | None = None):  # fmt: skip
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token: read it once
        self.mentions = mentions
        self.entities = entities
        self.quotes = quotes
        self.token_mention = token_mention
        self.in_quote = in_quote
        self._resolver: Resolver | None = None
        self._introduced: dict[str, list[int]] = {}  # group noun lemma -> people introduced with it
        self._affiliated: dict[int, list[int]] = {}  # person -> organisations named in their role
        self._speakers_for: dict[int, list[int]] | None = None  # organisation -> people who speak for it
        self._companies: list[tuple[int, int]] | None = None  # (position, entity) of the companies named
        self._headed_by: dict[str, int | None] = {}  # head of organisation names -> the one organisation it heads

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            quoted = [(q.start, q.end) for q in self.quotes if q.kind in ("direct", "partial")]
            r = Resolver(self.doc, self.mentions, self.entities, quoted, self.text)
            for q in self.quotes:  # attributed speakers are antecedents too, as in the quotation reader
                sp = q.speaker
                if sp is not None and sp.local is not None and sp.start is not None:
                    r.add_speaker(sp.start, Who(sp.name, sp.local))
            self._resolver = r
        return self._resolver

    def _local(self, who: Who | None) -> int | None:
        if who is None or who.local is None or not 0 <= who.local < len(self.entities):
            return None
        return who.local if self.entities[who.local].label in ("PER", "ORG") else None

    def _phrase(self, noun: Token) -> tuple[int, int]:
        """Characters of a title's own words: determiner, adjectives, the noun and its « de … »
        complements (« le ministre des Affaires étrangères », not « le ministre en fin de journée »)."""
        start = min([noun.i] + [c.left_edge.i for c in noun.lefts if c.dep_ in ("det", "amod", "nummod")])
        end = noun.i
        for c in noun.rights:
            if c.dep_ == "amod" or (c.dep_ == "nmod" and clause.case_word(c) in _OF):
                if any(t.is_punct for t in self.doc[end + 1 : c.left_edge.i]):
                    break
                end = c.right_edge.i
            else:
                break
        first, last = self.doc[start], self.doc[end]
        return first.idx, last.idx + len(last)

    def affiliations(self, person: int) -> list[int]:
        """Organisations named in the role the article gives a person (« X, conseillère de
        la fondation Y », « la trésorière de l'association W, X »): whom the person speaks for."""
        if person in self._affiliated:
            return self._affiliated[person]
        text = self.text
        found: list[int] = self._affiliated.setdefault(person, [])
        for m in self.mentions:
            if m.local != person or not m.role:
                continue
            at = text.find(m.role, max(0, m.start - len(m.role) - ROLE_GAP), m.end + len(m.role) + ROLE_GAP)
            if at < 0:
                continue
            for o in self.mentions:
                if at <= o.start and o.end <= at + len(m.role) and o.label != "LOC" and o.local not in (None, person, *found):
                    found.append(o.local)  # (a label of its own: the tagger reads « SNPX » as a person at times)
        for i, m in enumerate(self.mentions):  # « X (SNPX) »
            if m.local == person and i + 1 < len(self.mentions):
                o = self.mentions[i + 1]
                if o.label != "LOC" and o.local not in (None, person, *found) and text[m.end : o.start].strip() == "(" and text[o.end : o.end + 1] == ")":
                    found.append(o.local)
        return found

    def representatives(self, group: int) -> list[int]:
        """People who speak for an organisation by their role (« X, secrétaire de la fédération Y »,
        « Z (Y) »): who took part when the organisation did."""
        if self._speakers_for is None:
            self._speakers_for = {}
            people = list(dict.fromkeys(m.local for m in self.mentions if m.label == "PER" and m.local is not None))
            for p in people:
                for o in self.affiliations(p):
                    self._speakers_for.setdefault(o, []).append(p)
        return self._speakers_for.get(group, [])[:MAX_MEMBERS]

    def of_noun(self, noun: Token) -> int | None:
        """The person a pronoun or a title stands for (« il », « la préfète »), if the text named one."""
        if noun.i in self.token_mention or self.in_quote(noun.idx):
            return None
        word = clause.norm(noun.text)
        if noun.pos_ == "PRON":
            if word not in _PERSONAL:
                return None
            return self._local(self.resolver.pronoun(noun.idx, word))
        if noun.pos_ != "NOUN":
            return None
        start, end = self._phrase(noun)
        return self._local(self.resolver.role(noun.idx, start, end))

    def company(self, noun: Token) -> int | None:
        """The organisation a definite noun stands for when it is given no name of its own.

        A company noun (« l'exploitant », « le groupe »): the company named last before it,
        else the article's only company; a company is an organisation whose name ends with a
        legal form or sector word (« X Mining ») or that the article names with a company
        noun (« la société française X »). Any other head of organisation names (« au musée »,
        « de la fondation »): the article's only organisation named with that head
        (« le musée Y »)."""
        if noun.pos_ not in _NOMINAL or noun.i in self.token_mention:
            return None
        word = clause.norm(noun.text)
        g = groups().get(word)
        if self.in_quote(noun.idx) or g is not None and g.plural:
            return None
        if not any(c.dep_ in ("det", "case") and clause.norm(c.text) in _DEFINITE for c in noun.children):
            return None
        if any(c.dep_ in ("nmod", "appos", "flat:name") or c.pos_ == "PROPN" and c.i == noun.i + 1 for c in noun.children):
            return None  # « le groupe de manifestants », « le groupe X »: its own complement says who
        if g is None or not g.company:
            return self._headed(word) if noun.pos_ == "NOUN" and is_org_head(word) else None
        if self._companies is None:
            self._companies = self._find_companies()
        before = [local for pos, local in self._companies if pos < noun.idx]
        if before:
            return before[-1]
        return self._companies[0][1] if len({local for _, local in self._companies}) == 1 else None

    def _headed(self, head: str) -> int | None:
        """The one organisation of the article named with ``head`` (« Musée Y », « le musée Y »)."""
        got = self._headed_by.get(head, -1)
        if got == -1:
            before = re.compile(rf"\b{re.escape(head)}\s+$", re.I)  # « du musée Y » when the name leaves the head out
            found = {m.local for m in self.mentions if m.label == "ORG" and m.local is not None
                     and (m.text.split()[0].lower() == head or before.search(self.text, max(0, m.start - len(head) - 2), m.start))}
            got = self._headed_by[head] = found.pop() if len(found) == 1 else None
        return got

    def _find_companies(self) -> list[tuple[int, int]]:
        """(position, entity) of every mention of a company, outside quotations."""
        shown = _company_named()
        kind: set[int] = set()
        for m in self.mentions:
            if m.label == "ORG" and m.local is not None and 0 <= m.local < len(self.entities) and self.entities[m.local].label == "ORG":
                words = m.text.split()
                if len(words) > 1 and is_trailing_designator(words[-1]) or shown.search(self.text, max(0, m.start - APPOSITION_GAP), m.start):
                    kind.add(m.local)
        return [(m.start, m.local) for m in self.mentions if m.local in kind and not self.in_quote(m.start)]

    def name_before(self, verb: Token, lo: int) -> int | None:
        """A name right before a verb the parse left without a subject (« Le FC X a gagné … »),
        not before character ``lo`` (the paragraph's start)."""
        if verb.pos_ not in _VERB or any(c.dep_.startswith("nsubj") and c.idx >= lo for c in verb.children):
            return None  # (a subject on the line before is the parse running over the line break)
        k = verb.i - 1
        while k >= 0 and self.doc[k].pos_ in _VERB_GROUP and self.doc[k].head == verb:
            k -= 1
        if k < 0 or self.doc[k].idx < lo:
            return None
        mi = self.token_mention.get(k)
        if mi is None:
            return None
        m = self.mentions[mi]
        first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is None or m.end != self.doc[k].idx + len(self.doc[k]) or self.in_quote(m.start):
            return None
        before = self.doc[first.start - 1] if first.start > 0 else None
        if before is not None and (before.pos_ == "ADP" or (before.pos_ == "DET" and first.start > 1 and self.doc[first.start - 2].pos_ == "ADP")):
            return None  # « … du FC X a » : a complement, not the subject
        return m.local

    def previous_subject(self, sentence_start: int, body_start: int = 0) -> int | None:
        """The person last named as a subject just before a sentence (« X a quitté la réunion.
        La rupture a été consommée lundi. »): who a sentence naming nobody is about. A body
        sentence does not reach back into the title line."""
        reach = DESCRIPTION_REACH if sentence_start < body_start else min(DESCRIPTION_REACH, sentence_start - body_start)
        if reach <= 0:
            return None
        return self._local(self.resolver.pronoun(sentence_start, "son", reach=reach))

    def members(self, group: Token) -> list[int]:
        """People the article introduces with a group noun's word (« les délégations » ->
        « le chef de la délégation norvégienne, X », « Y, qui mène la délégation chilienne »)."""
        lemma = clause.norm(group.lemma_)
        if group.pos_ != "NOUN" or group.i in self.token_mention:
            return []
        found = self._introduced.get(lemma)
        if found is None:
            found = []
            for m in self.mentions:
                if m.label != "PER" or m.local is None or m.local in found or self.in_quote(m.start):
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                sent = span.sent
                near = self.doc[max(sent.start, span.start - INTRODUCTION_WORDS) : min(sent.end, span.end + INTRODUCTION_WORDS)]
                if any(_same_word(clause.norm(t.lemma_), lemma) and not (span.start <= t.i < span.end) for t in near):
                    found.append(m.local)
            self._introduced[lemma] = found
        return found[:MAX_MEMBERS]

    def subjects(self, verb: Token | None, trigger: Token, lo: int) -> tuple[list[int], list[int]]:
        """People the clause's subject (or passive agent) names by pronoun or title, or by a name
        cut off; and, apart, the people introduced with the word of a group subject (« les délégations »)."""
        if verb is None or trigger.dep_.startswith("nsubj"):
            return [], []
        out: list[int] = []
        groups: list[Token] = []
        for h in [verb, *clause.xcomp_heads(verb)]:
            for c in h.children:
                if c.idx < lo:
                    continue  # the parse ran over the line break
                if c.dep_.startswith("nsubj") or c.dep_ == "obl:agent":
                    for part in _coordinated(c):
                        local = self.of_noun(part)
                        if local is not None and local not in out:
                            out.append(local)
                        elif local is None and part.pos_ == "NOUN":
                            groups.append(part)
        if not out and not groups:
            local = self.name_before(verb, lo)
            if local is not None:
                out.append(local)
        members = [p for g in groups for p in self.members(g) if p not in out]
        return out, list(dict.fromkeys(members))[:MAX_MEMBERS]
