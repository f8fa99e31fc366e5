"""Who a speaker expression stands for, inside one document.

A quote's speaker slot holds a name (« a déclaré Anne Martin »), a pronoun
(« a-t-elle ajouté », « Il a estimé »), a title or role (« a précisé le
ministre », « la porte-parole ») or a possessive (« son insistance »). This
module turns such an expression into the document's entity:

- names: the mention covering the slot, else the proper-noun run found there
  (entity labels from the statistical model are unreliable on foreign names, so
  any label is accepted in a speech slot);
- pronouns: the latest compatible *subject* before it (people named as objects
  or inside quotes are rarely the antecedent), speakers already attributed
  counting as subjects — groups that spoke too, when gender and number agree
  (« le syndicat … a-t-il ajouté », « les autorités … ont-elles précisé »);
- groups: a collective head from ``speaker_groups.yaml`` (« la mairie de X »,
  « l'entourage de la ministre », « l'administration X »), the organisation it
  names when there is one, else its words as a descriptive name;
- titles: the person introduced with that title (« le porte-parole du ministère,
  Anne Martin » / « Anne Martin, porte-parole … »), the words of the slot having
  to be a subset of the words of the introduction, latest first; roles the entity
  component attached to ``LocalEntity.roles`` count as introductions too;
- « le tribunal », « le syndicat », « le groupe américain »: the organisation
  introduced with that noun (« le tribunal correctionnel de X », « X, premier
  syndicat du secteur »), or for company nouns the company named just before;
- counted subjects (« une dizaine de délégués ») are plural; a plural pronoun
  with no plural subject takes the plural people named just before (« a reçu
  les représentants des salariés »); coordinated names give the first conjunct;
- gender: honorifics, titles, and agreement with « être » or an apposition
  (« X est arrivée », « X, interrogée … »); « elle » prefers a woman so marked to
  a later name of unknown gender (masculine is French's unmarked gender).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from chronique import langdata
from chronique.model import LocalEntity, Mention
from chronique.nlp.quote_kin import kin_speaker
from chronique.nlp import entity_titles, speech_cues

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CAP_RUN = re.compile(r"(?!(?:Le|La|Les|L|Un|Une|Des|Il|Elle|Ils|Elles|Ce|Cette|Ces|Dans|En|Au|Aux|Pour|Selon|Mais|Et|Si|Son|Sa|Ses|Leur|Après|Avant|Depuis|Lors|Quand|Alors)\b)[A-ZÀ-ÖØ-Þ][\w’'.\-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'.\-]*|d[eu]|von|van|bin|ben|al|el))*(?<![.’'])")
_CE_DERNIER = re.compile(r"\b(?:[Cc]e dernier|[Cc]ette dernière)\b")
# Closed-class words: prepositions/articles that make a following name a complement, not a subject.
_COMPLEMENT_BEFORE = re.compile(r"(?:\b(?:de|du|des|d|à|au|aux|en|sur|avec|par|pour|contre|entre|chez|vers|envers|la|le|les|l|dont|que|qu)\s*['’]?\s*)$", re.I)
_STOP = frozenset("le la les l de du des d à au aux et un une en".split())
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
_UP_DEPS = ("flat:name", "flat", "appos", "conj", "fixed", "compound")
_FEM_DET = re.compile(r"\b(?:la|une|cette)\s$")
_MASC_DET = re.compile(r"\b(?:le|un|ce)\s$")
_APPOS_BREAK = re.compile(r"[.;:!?\n«»“”\"]")
_COMMA_DET_END = re.compile(r",\s*(?:l[ae]\s+|l['’])?$")
_TO_CLAUSE_END = re.compile(r"[^,.;:\n]*")
_DONT_BEFORE = re.compile(r"\bdont\s+(?:l[ea]s?\s+|l['’]|son\s+|sa\s+|ses\s+|leurs?\s+)?[\w’'-]+\s+$", re.I)
_DEMONSTRATIVE = re.compile(r"\s*(?:celui|celle)-(?:ci|là)\b", re.I)
_INDEFINITE_END = re.compile(r"\b(?:un|une)\s+(?P<d>(?:[a-zà-ÿ’'-]+\s+){0,2})$", re.I)
_ADJ_AFTER = re.compile(r"\s+(?!(?:de|du|des|et|qui|que|à|au|aux|en|le|la|les|sur|dans|pour|par)\b)[a-zà-ÿ-]{3,}\b(?![’'])")
_FEM_HONORIFIC = re.compile(r"\b(?:Mme|Mlle|Mmes)\s")
_MASC_HONORIFIC = re.compile(r"\bM\.\s")
INTRODUCED_REACH = 3000  # characters back where « le N » looks for the person introduced as N
_DESCRIPTION = re.compile(r"\s*(?P<det>l[ea]s?\s+|l['’]|cette\s+|ce\s+|cet\s+|un\s+|une\s+)?(?P<rest>.*)", re.S | re.I)
_OF_COMPLEMENT = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[\w’'-]+(?:\s+[a-zà-ÿ][\w’'-]*)?", re.I)
_LEAD_DET = re.compile(r"\s*(?:l[ea]s?\s+|l['’]\s*)", re.I)
_OF_BEFORE = re.compile(r"\b(?:de|du|des|d['’])\s*$", re.I)
_CONJUNCT_GAP = re.compile(r"\s*(?:,\s*|(?:et|ou)\s+)(?:(?:l[ea]\s+|l['’]\s*|son\s+|sa\s+)?[a-zà-ÿ][\w’'-]*\s+){0,3}(?:(?:M\.|Mme|Mlle|Me|Dr)\s+)?")
_CLITIC_TAIL = re.compile(r"(?:\s+(?:vous|nous|me|te|lui|leur|se|ne|y|en)|\s+[mtsnl]['’])+\s*$", re.I)
_POSSESSIVE = re.compile(r"\s*(?:son|sa|ses|leurs?)\s", re.I)
_HEAD_OF = re.compile(  # « de l'Agriculture », « de la République de Vienne »: the proper-name complement of a title
    r"\s+(?P<of>(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)[A-ZÀ-Þ][\w’'-]*"
    r"(?:\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|et\s+)?[A-ZÀ-Þ][\w’'-]*)*)"
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_PLURAL_NP = re.compile(r"\b(?:les|des|ces|leurs|ses)\s+(?P<n>[a-zà-ÿ][\w’'-]*[sx])\b", re.I)
_OF_WORD = re.compile(r"\b(?:de|du|des|d['’])(?:\s|$)", re.I)  # « le groupe de manifestants » is no company
_SPEECH_MARK = re.compile(r"[«»“”\"]")
_AFTER_QUOTE = re.compile(r"[»”\"]\s*,[^.«»“”\"]{0,40}$")
INTERTITLE_WORDS = 8  # a line this short between two paragraphs is a heading
PLURAL_REACH = 400  # characters « ils » looks back for plural people named as objects
NAMED_NEXT_REACH = 300  # characters after a title where the person it announces may be named
APPOSITION_TOKENS = 14  # tokens of a verbless apposition between a subject and its verb
MARKED_REACH = 600  # characters « elle » looks back past a name of unknown gender for a marked woman
PRONOUN_REACH = 3000  # characters a pronoun may look back for its antecedent
DESCRIPTION_REACH = 600  # « l'élu », « cette opératrice »: someone named just before, or a new person
PRONOUN_GENDER = {"il": "m", "elle": "f", "lui": "m", "son": None, "sa": None, "ses": None, "leur": None}


@dataclass(slots=True)
class Who:
    """A resolved speaker: canonical name and in-document entity (None when only a name was found)."""

    name: str
    local: int | None = None
    gender: str | None = None  # m | f when the expression shows it (« la mairie », « le syndicat »)
    plural: bool = False  # « les autorités », « les avocats de X »: the antecedent of « ils » / « elles »
    group: bool = False  # an organisation or a collective, not a person


@dataclass(frozen=True, slots=True)
class Group:
    noun: str  # singular head
    gender: str
    plural: bool  # this form is a plural
    joins: str  # name | de
    company: bool = False  # « le groupe », « l'entreprise »: stands for the company just named
    heads: tuple[str, ...] = ()  # « ministre » for « ministère »: the title of whoever heads the body


@dataclass(slots=True)
class TitleAt:
    start: int  # relative to the phrase
    title: str
    gender: str


@dataclass(slots=True)
class _Role:
    pos: int
    head: str  # first word of the canonical title
    words: frozenset[str]
    local: int


@lru_cache(maxsize=256)
def _introduced_by(noun: str) -> re.Pattern[str]:
    """« N [de …], » ending right before a name: how an article introduces someone with a noun."""
    return re.compile(rf"\b{re.escape(noun)}s?\b[\w\s'’-]{{0,30}}?,?\s*$", re.I)


@lru_cache(maxsize=1)
def _person_nouns() -> dict[str, str | None]:
    """Person nouns (« l'officier », « la prévenue ») and their gender when they show it."""
    return {e["cue"].lower(): e.get("gender") for e in langdata.load("quote_cues") if e["kind"] == "person"}


@lru_cache(maxsize=1)
def _periphrases() -> tuple[str, ...]:
    """« chef de l'état », « premier magistrat », « patron »: phrases that stand for another title (``title_periphrases.yaml``)."""
    return tuple(f.lower().replace("’", "'") for e in langdata.load("title_periphrases") for f in [e["phrase"], *(e.get("forms") or [])])


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Collective speakers (``speaker_groups.yaml``) by every written form."""
    out: dict[str, Group] = {}
    for e in langdata.load("speaker_groups"):
        noun, joins, company = e["noun"].lower(), e.get("joins") or "de", bool(e.get("company"))
        heads = tuple(h.lower() for h in e.get("heads") or ())
        out[noun] = Group(noun, e["gender"], noun.endswith(("s", "x")), joins, company, heads)
        for form in e.get("plural") or []:
            out[form.lower()] = Group(noun, e["gender"], True, joins, company, heads)
    return out


_GROUP_DET = re.compile(r"\s*(?P<det>(?:l[ea]s?|des|ses|leurs?|son|sa|cette|ce|cet|ces|une?|du)\s+|l['’]\s*)(?P<rest>)", re.I)
_PLURAL_DET = frozenset({"les", "des", "ces", "leurs", "ses", "nos", "vos"})
_GROUP_END = re.compile(r"[,;:.!?«»“”\"\n]|\s(?:qui|que|dont|lors|dans|depuis|avant|après|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
GROUP_WORDS = 8  # a descriptive group name longer than this is a clause, not a name


@lru_cache(maxsize=256)
def _complemented(noun: str) -> re.Pattern[str]:
    """« ministère de la Santé », « tribunal correctionnel de Vessac »: the noun, its adjectives, a proper-name complement."""
    return re.compile(
        rf"(?i:\b{re.escape(noun)}(?:\s+(?!d[eu]s?\b)[a-zà-ÿ][\w-]{{2,}}){{0,2}}?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]))"
        r"[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*)*"
    )


@lru_cache(maxsize=1)
def _quantity() -> re.Pattern[str]:
    """« une dizaine de », « plusieurs », « trois cents », « des centaines d' »: a count before a plural noun."""
    approx, count, vague = [], [], []
    for e in langdata.load("temporal_numbers"):
        forms = [e["word"], *(e.get("forms") or [])]
        if e["kind"] == "approx":
            approx += forms
        elif e["kind"] == "cardinal" and e["value"] >= 2:
            count += forms
        elif e["kind"] == "vague":
            vague += forms
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    return re.compile(
        rf"\s*(?:(?:(?:une?|des|quelques|plusieurs)\s+)?(?:{alt(approx)})\s+(?:de\s+|d['’]\s*)"
        rf"|(?:\d[\d\s\u00a0\u202f]*|(?:{alt(count)})(?:[\s-]+(?:{alt(count)}|et))*)\s+|(?:{alt(vague)})\s+)",
        re.I,
    )


def quantity_end(text: str, start: int, end: int) -> int | None:
    """Where the noun after a count opening ``text[start:end]`` starts (« Une dizaine de délégués … »), else None.

    A counted subject is plural: a later « ils » / « elles » continues it.
    """
    m = _quantity().match(text, start, end)
    return m.end() if m and m.end() < end else None


def is_intertitle(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a line of its own, short and without speech (« Programme de travaux. »).

    Editors cut a long interview with such headings; a quote after one still
    belongs to the speaker of the paragraph before it.
    """
    line = text[start:end].strip()
    return (
        (start == 0 or text[start - 1] == "\n")
        and text[start:end].rstrip(" \t\u00a0\u202f").endswith("\n")
        and 0 < len(_WORD.findall(line)) <= INTERTITLE_WORDS
        and not _SPEECH_MARK.search(line)
        and not line.endswith(("?", ":", ","))
    )


def _agreement(span: Span) -> str | None:
    """The gender a participle or adjective agreeing with the name shows (« X est arrivée », « X, interrogée par … »).

    Only agreements French grammar makes: with « être » (« a été élue », « est
    venue ») and in an apposition after a comma; a participle after « avoir »
    does not agree with its subject. The ending must confirm the parser's
    feature (« -e » feminine, none masculine), since epicene adjectives end in « e ».
    """
    name, doc = span.root, span.doc
    words = [doc[span.end + 1]] if span.end + 1 < len(doc) and doc[span.end].text == "," else []
    if name.dep_ in _SUBJECT_DEPS and name.head.i > name.i and any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "cop") and c.lemma_ == "être" for c in name.head.children
    ):
        words.append(name.head)
    words += [c for c in name.children if c.dep_ in ("acl", "amod") and c.i > 0 and name.doc[c.i - 1].text == ","]
    for w in words:
        if w.pos_ not in ("VERB", "ADJ") or "Plur" in w.morph.get("Number") or w.pos_ == "VERB" and "Part" not in w.morph.get("VerbForm"):
            continue
        gender, low = w.morph.get("Gender"), w.lower_
        if "Fem" in gender and low.endswith("e"):
            return "f"
        if "Masc" in gender and not low.endswith("e"):
            return "m"
    return None


@lru_cache(maxsize=256)
def _apposed(noun: str) -> re.Pattern[str]:
    """« , premier syndicat », « (UCX), deuxième syndicat », « (le syndicat » right after a name: the kind of body it is."""
    return re.compile(rf"\s*(?:\([^()]{{1,15}}\)\s*)?[,(]\s*(?:l[ea]\s+|l['’]\s*|une?\s+)?(?:[\w-]+\s+)?{re.escape(noun)}\b", re.I)


_INVERTED_VERB = re.compile(r",\s*(?:(?:a|avait|aurait)\s+(?:[\w’'-]+\s+)?)?(?P<v>[^\W\d_][\w’'-]*)\s+$")


def _speech_incise_before(text: str, pos: int) -> bool:
    """« …, a précisé Anne Roy »: the name at ``pos`` is the inverted subject of a verb of saying."""
    m = _INVERTED_VERB.search(text, max(0, pos - 40), pos)
    if m is None:
        return False
    lex = speech_cues.lexicon()
    v = m.group("v").lower()
    return v in lex.participles or v in lex.forms


def _bag(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in _WORD.findall(text) if w.lower() not in _STOP)


def _strip_honorific(name: str) -> str:
    return entity_titles.honorific_prefix(name)[1] or name


class Resolver:
    """Speaker resolution over one document; build once per document (all lookups are bisects)."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[LocalEntity], quoted: list[tuple[int, int]], text: str | None = None):
        self.text = doc.text if text is None else text
        self.doc = doc
        self.titles = [h for h in entity_titles.find_titles(self.text) if h.kind == "title"]
        self._tstarts = [h.start for h in self.titles]
        self.entities = entities
        self.quoted = sorted(quoted)
        self._qstarts = [s for s, _ in self.quoted]
        self.mentions = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self.m = mentions
        self._mstarts = [mentions[i].start for i in self.mentions]
        self.local_of: dict[int, int] = {}
        for e in entities:
            for i in e.mentions:
                self.local_of[i] = e.index
        for i, m in enumerate(mentions):
            if m.local is not None:
                self.local_of.setdefault(i, m.local)
        self.gender: dict[int, str] = {}
        self.roles: list[_Role] = []
        self._subjects: list[tuple[int, Who]] = []  # (position, who), kept sorted
        self._surnames = self._surname_index()
        self._find_roles()
        self._find_subjects(doc)

    # --- helpers -------------------------------------------------------------
    def titles_in(self, start: int, end: int) -> list[entity_titles.TitleHit]:
        lo = bisect.bisect_left(self._tstarts, start)
        hi = bisect.bisect_left(self._tstarts, end)
        return [h for h in self.titles[lo:hi] if h.end <= end]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._qstarts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[int]:
        lo = bisect.bisect_left(self._mstarts, start)
        hi = bisect.bisect_left(self._mstarts, end)
        return [i for i in self.mentions[lo:hi] if self.m[i].end <= end]

    def is_complement(self, pos: int) -> bool:
        """The name starting at ``pos`` follows a preposition or article (« du Kremlin », « avec X »)."""
        return bool(_COMPLEMENT_BEFORE.search(self.text, max(0, pos - 12), pos))

    def _surname_index(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for e in self.entities:
            words = _strip_honorific(e.name).split()
            if len(words) >= 2 and e.label in ("PER", "MISC", "LOC", "ORG"):
                out.setdefault(words[-1].lower(), []).append(e.index)
        return out

    def coordination_head(self, picked: list[int]) -> int:
        """The first conjunct of the names coordinated at the end of ``picked`` (mention indices in text order).

        « Anne Roy et Paul Dorval ont déclaré »: a quote has one speaker in the gold
        format, and the first conjunct is the head of the coordination (Universal
        Dependencies), so it is the one kept. The parser must see the coordination
        (« Selon Anne Roy, Paul Dorval a dit » is none).
        """
        k = len(picked) - 1
        while k > 0:
            a, b = self.m[picked[k - 1]], self.m[picked[k]]
            if not _CONJUNCT_GAP.fullmatch(self.text, a.end, b.start):
                break
            span = self.doc.char_span(b.start, b.end, alignment_mode="expand")
            if span is None or span.root.dep_ != "conj" or not a.start <= span.root.head.idx < a.end:
                break
            k -= 1
        return picked[k]

    def who_of_local(self, local: int) -> Who:
        """The entity's canonical name; a lone surname is raised to the one full name ending with it."""
        e = self.entities[local]
        name = _strip_honorific(e.name)
        if " " not in name:
            g = self.gender.get(local)
            full = [i for i in self._surnames.get(name.lower(), []) if i != local and self.gender.get(i, g) == g]
            per = [i for i in full if self.entities[i].label == "PER"] or full
            if len({_strip_honorific(self.entities[i].name) for i in per}) == 1:
                return Who(_strip_honorific(self.entities[per[0]].name), per[0])
        return Who(name, local)

    def who_of_mention(self, i: int) -> Who:
        local = self.local_of.get(i)
        if local is not None and local < len(self.entities):
            return self.who_of_local(local)
        return self.who_of_name(self.m[i].text)

    def who_of_name(self, name: str) -> Who:
        name = _strip_honorific(name.strip())
        for e in self.entities:
            if _strip_honorific(e.name) == name:
                return self.who_of_local(e.index)
        full = self._surnames.get(name.split()[-1].lower(), []) if name else []
        if len(full) == 1 and (" " not in name or _strip_honorific(self.entities[full[0]].name).endswith(name)):
            return self.who_of_local(full[0])
        return Who(name)

    # --- precomputation ------------------------------------------------------
    def _find_roles(self) -> None:
        text = self.text
        for hit in self.titles:
            head = hit.title.split()[0].lower()
            det = text[max(0, hit.start - 4) : hit.start].lower()
            gender = hit.gender
            if gender == "any":
                gender = "f" if _FEM_DET.search(det) else "m" if _MASC_DET.search(det) else "any"
            if gender == "any":  # « l'ancienne responsable », « le nouveau porte-parole »
                prev = _WORD_BEFORE.search(text, max(0, hit.start - 20), hit.start)
                gender = (_person_nouns().get(prev.group(1).lower()) if prev else None) or "any"
            # forward apposition: « le porte-parole du ministère, Anne Martin »
            for i in self.mentions_in(hit.end, min(len(text), hit.end + 90)):
                m = self.m[i]
                between = text[hit.end : m.start]
                if _APPOS_BREAK.search(between) or between.count(",") > 1 or self._has_verb(hit.end, m.start):
                    break  # « le maire de X est revenu sur l'usine Y »: a clause, no apposition
                if self.is_complement(m.start) or m.label != "PER":
                    continue  # « la présidente du groupe X, Anne Roy »: the title is Anne Roy's, not the group's
                self._add_role(hit.start, head, hit.title + " " + between, i, gender)
                break
            # backward apposition: « Anne Martin, porte-parole du ministère »
            before = text[max(0, hit.start - 8) : hit.start]
            mb = _COMMA_DET_END.search(before)
            if mb:
                comma = hit.start - len(before) + mb.start()
                prev = self.mentions_in(max(0, comma - 80), comma)
                if prev and self.m[prev[-1]].end >= comma - 1:
                    tail = _TO_CLAUSE_END.match(text[hit.end : hit.end + 80]).group()
                    if not self._is_subject(hit.end, hit.end + len(tail)):
                        self._add_role(hit.start, head, hit.title + " " + tail, prev[-1], gender)
        for e in self.entities:
            if e.roles and e.mentions and e.label == "PER":  # « le directeur de la société X »: a title is a person's
                pos = min(self.m[i].start for i in e.mentions if i < len(self.m))
                for r in e.roles:
                    words = _bag(r)
                    if words:
                        head = r.split()[0].lower()
                        self.roles.append(_Role(pos, head, words, e.index))
        self.roles.sort(key=lambda r: r.pos)

    def _verb_follows(self, pos: int) -> bool:
        span = self.doc.char_span(pos, min(len(self.text), pos + 12), alignment_mode="expand")
        return bool(span) and span[0].pos_ in ("AUX", "VERB")

    def _has_verb(self, start: int, end: int) -> bool:
        return end - start > 3 and any(t.pos_ in ("VERB", "AUX") for t in self.doc.char_span(start, end, alignment_mode="contract") or ())

    def _is_subject(self, start: int, end: int) -> bool:
        """A verb follows the title before any relative pronoun: « Selon X, le dirigeant russe a déclaré » is no apposition."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for t in span or ():
            if t.lower_ in ("qui", "que", "qu'", "qu’", "dont", "lequel", "laquelle"):
                return False
            if t.pos_ in ("VERB", "AUX"):
                return True
        return False

    def _add_role(self, pos: int, head: str, phrase: str, mention: int, gender: str) -> None:
        local = self.local_of.get(mention)
        if local is None:
            return
        self.roles.append(_Role(pos, head, _bag(phrase), local))
        if gender in ("m", "f"):
            self.gender.setdefault(local, gender)

    def _find_subjects(self, doc: Doc) -> None:
        text = self.text
        for i in self.mentions:
            m = self.m[i]
            if m.label != "PER" or self.in_quote(m.start):
                continue
            before = text[max(0, m.start - 6) : m.start + 5]  # the honorific may lie inside the mention
            local = self.local_of.get(i)
            if local is not None and local not in self.gender:
                if _FEM_HONORIFIC.search(before):
                    self.gender[local] = "f"
                elif _MASC_HONORIFIC.search(before):
                    self.gender[local] = "m"
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if local is not None and local not in self.gender:
                agreed = _agreement(span)
                if agreed is not None:
                    self.gender[local] = agreed
            tok = span.root
            for _ in range(4):
                if tok.dep_ in _SUBJECT_DEPS or tok.dep_ not in _UP_DEPS or tok.head is tok:
                    break
                tok = tok.head
            # the parser often mislabels names at a sentence start: a name directly followed by a verb is a subject too
            k = span.end
            if k < len(doc) and doc[k].text == ",":
                k += 1  # « La tête de liste, Anne Roy, a refusé »
            while k < len(doc) and k < span.end + 3 and doc[k].pos_ in ("PRON", "ADV") and doc[k].dep_ not in _SUBJECT_DEPS:
                k += 1  # « X s'est précipitée », « X ne veut pas »
            nxt = doc[k] if k < len(doc) else None
            if k > span.end and nxt is not None and nxt.pos_ not in ("AUX", "VERB"):
                nxt = self._after_apposition(doc, k)  # « X, secouriste de l'ONG Y, est arrivé »
            if (tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "acl:relcl") or _DONT_BEFORE.search(text, max(0, m.start - 40), m.start):
                continue  # « X, dont le fils Y avait 19 ans »: Y is no topic the next pronoun continues
            if tok.dep_ in _SUBJECT_DEPS or any(t.dep_ in _SUBJECT_DEPS for t in span) or (
                nxt is not None and nxt.pos_ in ("AUX", "VERB") and not self.is_complement(m.start)
            ):
                self._subjects.append((m.start, self.who_of_mention(i)))
        for mc in _CE_DERNIER.finditer(text):
            if self.in_quote(mc.start()):
                continue
            prev = [i for i in self.mentions_in(max(0, mc.start() - 400), mc.start()) if self.m[i].label == "PER" and not self.in_quote(self.m[i].start)]
            after = self.m[prev[-1]].end if prev else max(0, mc.start() - 400)
            gender = "f" if mc.group().lower().startswith("cette") else "m"
            # « X a rencontré le PDG du groupe. Ce dernier … »: an unnamed title named after the last person
            titled = [h for h in self.titles_in(after, mc.start()) if h.gender in (gender, "any") and not h.plural
                      and not self.in_quote(h.start) and not self.mentions_in(h.end, h.end + 40)]
            if titled:
                h = titled[-1]
                tail = _OF_COMPLEMENT.match(text, h.end)
                self._subjects.append((mc.start(), Who(text[h.start : tail.end() if tail else h.end], None, gender)))
            elif prev:
                self._subjects.append((mc.start(), self.who_of_mention(prev[-1])))
        self._subjects.sort(key=lambda s: s[0])

    @staticmethod
    def _after_apposition(doc: Doc, k: int):
        """The verb after a verbless apposition starting at token ``k`` (« 47 ans, opératrice au moulage, »), else None."""
        for j in range(k, min(len(doc), k + APPOSITION_TOKENS)):
            t = doc[j]
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "«", "»", "\n") or t.lower_ in ("qui", "que", "dont"):
                return None
            if t.text == ",":
                n = j + 1
                while n < len(doc) and n < j + 3 and doc[n].pos_ in ("PRON", "ADV") and doc[n].dep_ not in _SUBJECT_DEPS:
                    n += 1
                if n < len(doc) and doc[n].pos_ in ("AUX", "VERB"):
                    return doc[n]
        return None

    def add_speaker(self, pos: int, who: Who) -> None:
        """Record an attributed speaker: it becomes a candidate antecedent for later pronouns.

        Descriptions of one person (« un diplomate européen », lower case) are not
        people the text will refer back to; groups (« le syndicat ») are.
        """
        if not who.name[:1].isupper() and not who.group:
            return
        bisect.insort(self._subjects, (pos, who), key=lambda s: s[0])

    # --- resolution ----------------------------------------------------------
    def _gender_of(self, who: Who) -> str | None:
        return who.gender or (self.gender.get(who.local) if who.local is not None else None)

    def _compatible(self, who: Who, gender: str | None, plural: bool = False) -> bool:
        if who.plural != plural:
            return False
        if gender is None:
            return True
        g = self._gender_of(who)
        return g is None or g == gender

    def pronoun(self, pos: int, pronoun: str, reach: int = PRONOUN_REACH, people_only: bool = False) -> Who | None:
        """The antecedent of a third-person pronoun at ``pos`` (at most ``reach`` characters back).

        « il » / « elle » take the latest agreeing subject, a person or a group
        that spoke (« Le syndicat a dénoncé … « … », a-t-il ajouté »); « ils » /
        « elles » only a plural group (« les autorités … ont-elles précisé »).
        """
        low = pronoun.lower()
        if low == "on":
            return None
        plural = low in ("ils", "elles")
        gender = PRONOUN_GENDER.get(low.rstrip("s"), None)
        k = bisect.bisect_left(self._subjects, pos, key=lambda s: s[0])
        unmarked: Who | None = None
        for j in range(k - 1, max(-1, k - 12), -1):
            p, who = self._subjects[j]
            if pos - p > reach or unmarked is not None and unmarked.name != who.name and pos - p > MARKED_REACH:
                break
            if not self._compatible(who, gender, plural) or people_only and who.group:
                continue
            if gender != "f" or who.group or self._gender_of(who) == "f":
                return who if unmarked is None or not who.group else unmarked
            # masculine is French's unmarked gender: « elle » prefers a woman the text marked as one
            # (« Mme », « la ministre », « est arrivée ») to a later name that shows no gender
            unmarked = unmarked or who
        if unmarked is not None:
            return unmarked
        if plural:
            return None
        lo = bisect.bisect_left(self._mstarts, max(0, pos - min(reach, 1500)))
        hi = bisect.bisect_left(self._mstarts, pos)
        for i in reversed(self.mentions[lo:hi]):
            m = self.m[i]
            if m.label == "PER" and not self.in_quote(m.start):
                who = self.who_of_mention(i)
                if self._compatible(who, gender):
                    return who
        return None

    def group(self, start: int, end: int) -> Who | None:
        """A collective speaker in ``text[start:end]``: « le syndicat », « la mairie de X », « l'administration X ».

        The organisation named in the phrase is the speaker when there is one
        (« le syndicat Force unie »); else the phrase without its determiner, cut
        before a clause, is its descriptive name (« entourage de la ministre »).
        """
        text = self.text
        m = _GROUP_DET.match(text, start, end)
        if m is None:
            return None
        det = m.group("det").strip().lower()
        rest = m.end()
        words = _WORD.findall(text, rest, min(end, rest + 40))
        if not det or not words:
            return None
        g = groups().get(words[0].lower())
        if g is None:
            return None
        gender = g.gender
        plural = g.plural or det in _PLURAL_DET and words[0].lower().endswith(("s", "x"))
        stop = _GROUP_END.search(text, rest, end)
        e = stop.start() if stop else end
        head = self.doc.char_span(rest, rest + len(words[0]), alignment_mode="expand")
        if head is not None and len(head) and head[0].pos_ in ("NOUN", "PROPN"):
            # the noun phrase the parser built on the head: its words up to the verb
            right = head[0].right_edge
            while right.i > head[0].i and right.pos_ in ("VERB", "AUX", "PRON", "ADV", "PUNCT", "SCONJ", "ADP", "DET", "CCONJ"):
                right = right.nbor(-1)
            e = min(e, right.idx + len(right.text))
        while e > rest and text[e - 1] in " \t\u00a0\u202f":
            e -= 1
        for i in self.mentions_in(rest, e):
            mm = self.m[i]
            if mm.label != "PER" and mm.start <= rest + len(words[0]) + 1:
                who = self.who_of_mention(i)  # « le syndicat Force unie », « la Commission européenne »
                return Who(who.name, who.local, gender, plural, True)
        name = text[rest:e]
        if len(_WORD.findall(name)) > GROUP_WORDS:
            name = text[rest : rest + len(words[0])]
        if det in ("son", "sa", "ses") and g.joins == "de" and len(_WORD.findall(name)) <= 2:
            owner = self.pronoun(start, "son", people_only=True)
            if owner is not None:  # « Son entourage laisse entendre » -> « entourage de X »
                return Who(f"{name} de {owner.name}", None, gender, plural, True)
        if det in ("le", "la", "l'", "l’") and len(_WORD.findall(name)) == 1:
            named = self.group_introduced_as(words[0], start) or self.headed_by(words[0], start)
            if named is not None:  # « le groupe Heltmann … le groupe a confirmé »
                return Who(named.name, named.local, gender, plural, True)
        if det in ("le", "la", "l'", "l’") and g.company and not plural and name.islower() and len(_WORD.findall(name)) <= 3 and not _OF_WORD.search(name):
            named = self._company_before(start, g.noun)
            if named is not None:  # « X a racheté l'usine. Le groupe américain s'engage … »
                return Who(named.name, named.local, gender, plural, True)
        return Who(name, None, gender, plural, True)

    def plural_mentioned(self, pos: int, gender: str | None) -> Who | None:
        """« ils » / « elles » with no plural subject: the last plural people or group named before ``pos``.

        « X a reçu les représentants des salariés. « … », ont-ils prévenu »: the
        head must name people or a body (a title, a person noun, a collective),
        outside quotes; « elles » needs a feminine one, « ils » any other.
        """
        best: re.Match[str] | None = None
        for m in _PLURAL_NP.finditer(self.text, max(0, pos - PLURAL_REACH), pos):
            w = m.group("n").lower()
            g = groups().get(w)
            info = entity_titles.tables().info.get(w)
            if g is not None and g.plural:
                wg = g.gender
            elif info is not None and info[1] == "title":
                wg = info[2]
            elif w[:-1] in _person_nouns():
                wg = _person_nouns()[w[:-1]] or "any"
            else:
                continue
            if self.in_quote(m.start()) or best is not None and m.start() - best.end() <= 1:
                continue  # « les représentants des salariés »: the complement is not the antecedent
            if wg == "any" or (wg == "f") == (gender == "f"):
                best = m
        if best is None:
            return None
        tail = _OF_COMPLEMENT.match(self.text, best.end())
        return Who(self.text[best.start("n") : tail.end() if tail else best.end()], None, gender, True, True)

    def _company_before(self, pos: int, noun: str) -> Who | None:
        """The organisation named last before ``pos`` (outside quotes), unless its name shows another kind of body."""
        for i in reversed(self.mentions_in(max(0, pos - DESCRIPTION_REACH), pos)):
            m = self.m[i]
            if m.label not in ("ORG", "MISC", "LOC") or self.in_quote(m.start) or self.is_complement(m.start):
                continue  # « un communiqué transmis à X » names no company
            if m.label == "LOC" and not self._verb_follows(m.end):
                continue  # the model tags many company names LOC: only one that acts as a subject counts
            before = _WORD_BEFORE.search(self.text, max(0, m.start - 20), m.start)
            for w in (_WORD.findall(m.text.lower())[:1] + ([before.group(1).lower()] if before else [])):
                head = groups().get(w)
                if head is not None and head.noun != noun and not head.company:
                    return None  # « le syndicat X »: not the company
            return self.who_of_mention(i)
        return None

    def group_introduced_as(self, noun: str, pos: int) -> Who | None:
        """What « le <noun> » refers back to: the last organisation named with that head before ``pos``.

        « l'entreprise Dalmar … l'entreprise », « le ministère de la Santé … le
        ministère »: an organisation named right after the noun, one whose name
        starts with it, or the noun with a proper-name complement.
        """
        lo = max(0, pos - INTRODUCED_REACH)
        before = re.compile(rf"\b{re.escape(noun)}\s*$", re.I)
        after = _apposed(noun)
        best: tuple[int, Who] | None = None
        for i in reversed(self.mentions_in(lo, pos)):
            m = self.m[i]
            if m.label in ("ORG", "MISC") and (
                before.search(self.text, max(0, m.start - len(noun) - 3), m.start) or m.text.lower().startswith(noun.lower() + " ")
                or after.match(self.text, m.end, min(pos, m.end + 50))  # « X, premier syndicat du secteur »
            ):
                best = (m.start, self.who_of_mention(i))
                break
        for mc in _complemented(noun).finditer(self.text, lo, pos):
            if (best is None or mc.start() > best[0]) and not self.in_quote(mc.start()):
                best = (mc.start(), Who(mc.group().strip()))
        return best[1] if best else None

    def headed_by(self, noun: str, pos: int) -> Who | None:
        """« la ministre de l'Agriculture … le ministère »: the body named after the last title that heads it."""
        g = groups().get(noun.lower())
        if g is None or not g.heads:
            return None
        for h in reversed(self.titles_in(max(0, pos - INTRODUCED_REACH), pos)):
            if h.title.lower() in g.heads and not self.in_quote(h.start):
                of = _HEAD_OF.match(self.text, h.end)
                if of is not None:
                    return Who(f"{g.noun} {of.group('of')}")
        return None

    def of_mention(self, i: int) -> Who:
        """The mention's speaker; an organisation or a place speaking (« la Commission ») is a group of the determiner's gender."""
        who = self.who_of_mention(i)
        m = self.m[i]
        if m.label == "PER":
            return who
        det = self.text[max(0, m.start - 5) : m.start].lower()
        words = _WORD.findall(m.text)
        head = groups().get(words[0].lower()) if words else None
        gender = "f" if _FEM_DET.search(det) else "m" if _MASC_DET.search(det) else head.gender if head else None
        plural = bool(re.search(r"\bles\s$", det))
        return Who(who.name, who.local, gender, plural, True)

    def pronoun_in_quote(self, pos: int, quote_start: int, pronoun: str) -> Who | None:
        """A pronoun inside a quote (« … et il m'a dit : "…" »): the latest person named in that quote."""
        people = [i for i in self.mentions_in(quote_start, pos) if self.m[i].label == "PER"]
        if people:
            return self.who_of_mention(people[-1])
        return self.pronoun(pos, pronoun)

    def role(self, pos: int, start: int, end: int, describe: bool = True) -> Who | None:
        """The person introduced earlier with the title in ``text[start:end]`` (« le ministre des Affaires étrangères »).

        With ``describe``, a title or person noun never introduced with a name
        (« l'élue », « l'officier », « celui qui dirige … ») refers back like a
        pronoun of the determiner's gender.
        """
        kin = kin_speaker(self, start, end)  # « son mari »: the other member of the family named
        if kin is not None:
            return kin
        clitics = _CLITIC_TAIL.search(self.text, start, end)
        end = clitics.start() if clitics and clitics.start() > start else end  # « le préfet vous aurait dit »: « vous » is no part of it
        phrase = self.text[start:end]
        hits = [TitleAt(h.start - start, h.title, h.gender) for h in self.titles_in(start, end)]
        if hits:
            head = hits[0].title.split()[0].lower()
            words = _bag(phrase[hits[0].start :])
            best: _Role | None = None
            holders: set[int] = set()
            for r in self.roles:
                if r.head == head and words <= r.words and (best is None or r.pos < pos):
                    best = r
                if r.head == head and words <= r.words and r.pos < pos:
                    holders.add(r.local)
            if len(holders) > 1:  # two ministers introduced: « le ministre » is the one the text spoke of last
                return self.who_of_local(self._last_named(holders, pos, best.local if best else None))
            if best is not None:
                return self.who_of_local(best.local)
        if not describe:
            return None
        m = _DESCRIPTION.match(phrase)
        det = (m.group("det") or "").strip().lower()
        words = [w.lower().split("-")[0] for w in _WORD.findall(m.group("rest"))[:3]]  # « celui-ci » -> celui
        if det in ("les",) or not words:
            return None
        if det in ("un", "une"):
            return None  # an indefinite description introduces someone new
        if det in ("le", "la", "l'", "l’"):
            introduced = self.introduced_as(words[0], pos)
            if introduced is not None:
                return introduced
        demonstrative = det in ("cette", "ce", "cet")  # « cette opératrice »: always someone already named
        titled = hits and hits[0].start <= len(m.group(0)) - len(m.group("rest")) + 1
        if _POSSESSIVE.match(phrase) and len(words) >= 2 and (hits or words[1] in _person_nouns()):
            # « son avocat »: not the one « son » refers to, but the person the article names so, before or after
            return self.introduced_as(words[1], pos) or self.introduced_as(words[1], pos, forward=True)
        if not (titled or demonstrative or any(w in _person_nouns() for w in words[:2])):
            return None
        gender = "f" if det in ("la", "cette", "une") or words[0] == "celle" else "m" if det in ("le", "ce", "cet", "un") or words[0] == "celui" else None
        if not det and words[0] in ("celui", "celle") and _DEMONSTRATIVE.match(phrase):
            unnamed = self._unnamed_before(start, "f" if words[0] == "celle" else "m")
            if unnamed is not None:
                return unnamed
        if gender is None and hits:
            gender = hits[0].gender if hits[0].gender in ("m", "f") else None
        if gender is None:
            gender = next((_person_nouns()[w] for w in words[:2] if _person_nouns().get(w)), None)
        qualifiers = _bag(m.group("rest")) - {words[0]}
        if qualifiers and not demonstrative and (titled or words[0] in _person_nouns()):
            # « le dirigeant russe »: the one person whose title carries the same qualifiers (« président russe »)
            same = {r.local for r in self.roles if r.pos < pos and qualifiers <= r.words}
            if len(same) == 1:
                return self.who_of_local(same.pop())
            # « La directrice générale de X a annoncé … « … », a assuré Mme Y »: named just after
            ahead = self.named_next(pos, gender)
            if ahead is not None:
                return ahead
        who = self.pronoun(pos, "elle" if gender == "f" else "il" if gender == "m" else "son", DESCRIPTION_REACH, people_only=True)
        if who is not None and titled and who.local is not None and self._titled_otherwise(who.local, hits[0].title):
            # « Son président, Paul Roy, … Le directeur de la cave a fait savoir »: another title is another person
            if not phrase[hits[0].start :].lower().replace("’", "'").startswith(_periphrases()):
                return Who(phrase[hits[0].start :].strip(), None, gender)
        return who

    def _titled_otherwise(self, local: int, title: str) -> bool:
        """The person was introduced with titles, none of them ``title`` (compared by head word)."""
        head = title.split()[0].lower()
        if head in _person_nouns():
            return False  # « l'élu », « le responsable »: a word for anyone, not a function of its own
        heads = {r.head for r in self.roles if r.local == local}
        return bool(heads) and head not in heads

    def _last_named(self, locals_: set[int], pos: int, default: int | None) -> int:
        """Of the people ``locals_``, the one whose name last appears (outside quotes) before ``pos``."""
        for i in reversed(self.mentions_in(max(0, pos - INTRODUCED_REACH), pos)):
            local = self.local_of.get(i)
            if local in locals_ and not self.in_quote(self.m[i].start):
                return local
        return default if default is not None else min(locals_)

    def _unnamed_before(self, pos: int, gender: str) -> Who | None:
        """« … l'audition d'un ancien technicien municipal. Celui-ci … »: the unnamed person introduced
        since the last name, described as the text does (« ancien technicien municipal »)."""
        people = [i for i in self.mentions_in(max(0, pos - DESCRIPTION_REACH), pos) if self.m[i].label == "PER" and not self.in_quote(self.m[i].start)]
        after = self.m[people[-1]].end if people else max(0, pos - DESCRIPTION_REACH)
        for h in reversed(self.titles_in(after, pos)):
            if h.plural or h.gender not in (gender, "any") or self.in_quote(h.start):
                continue
            m = _INDEFINITE_END.search(self.text, max(0, h.start - 40), h.start)
            if m is None:
                continue
            tail = _ADJ_AFTER.match(self.text, h.end)
            return Who(self.text[m.start("d") : tail.end() if tail else h.end], None, gender)
        return None

    def named_next(self, pos: int, gender: str | None) -> Who | None:
        """The next person named outside quotes within a sentence or two, of the same known gender.

        A specific title seen before any name (« la directrice générale de X a
        annoncé … ») is often named right after (« …, a assuré Mme Y »).
        """
        if gender not in ("m", "f"):
            return None
        for i in self.mentions_in(pos, min(len(self.text), pos + NAMED_NEXT_REACH)):
            m = self.m[i]
            if m.label != "PER" or self.in_quote(m.start):
                continue
            after_quote = bool(_AFTER_QUOTE.search(self.text, max(0, m.start - 40), m.start))
            incise = not after_quote and _speech_incise_before(self.text, m.start)
            if not (after_quote or incise):
                return None  # only the speaker of the next quote (« « … », a assuré Mme Y »), or of the next « …, a précisé Mme Y »
            local = self.local_of.get(i)
            g = self.gender.get(local) if local is not None else None
            return self.who_of_mention(i) if local is not None and (g == gender or (incise and g is None)) else None
        return None

    def introduced_as(self, noun: str, pos: int, forward: bool = False) -> Who | None:
        """The last person named right after ``noun`` before ``pos`` (« le boulanger du village, Henri C. »).

        Any noun works, not only known titles: « le boulanger » later refers to
        the person the article introduced with that very noun. With ``forward``,
        the first one named so after ``pos`` (« son avocat » before « son avocat, Me X »).
        """
        near = _introduced_by(noun)
        found = self.mentions_in(pos, pos + INTRODUCED_REACH) if forward else reversed(self.mentions_in(max(0, pos - INTRODUCED_REACH), pos))
        for i in found:
            m = self.m[i]
            if m.label != "PER" or self.in_quote(m.start):
                continue
            if near.search(self.text, max(0, m.start - 45), m.start) and not _OF_BEFORE.search(self.text, max(0, m.start - 6), m.start):
                return self.who_of_mention(i)  # not « le successeur de X »: X is someone else
        return None

    def titled(self, i: int, pos: int) -> Who:
        """A name after a title (« le président Martin »): the title picks between people sharing a surname."""
        m = self.m[i]
        who = self.who_of_mention(i)
        hits = [h for h in self.titles_in(max(0, m.start - 50), m.start) if m.start - h.end <= 30]
        if hits:
            by_role = self.role(pos, hits[-1].start, m.start, describe=False)
            last = _strip_honorific(m.text).split()[-1:] 
            if by_role is not None and last and by_role.name.split()[-1] == last[0]:
                return by_role
        return who

    def name_in(self, start: int, end: int, any_label: bool = True) -> tuple[Who, int, int] | None:
        """The first name in a speaker slot: a mention, else a run of capitalised words."""
        for i in self.mentions_in(start, end):
            m = self.m[i]
            if self.is_complement(m.start) and m.start > start and not _LEAD_DET.fullmatch(self.text, start, m.start):
                continue  # « la directrice de l'agence »; but « la Confédération … » opening the slot is its head
            if m.label != "PER" and any_label:
                return self.of_mention(i), m.start, m.end
            if any_label or m.label == "PER":
                return self.titled(i, m.start), m.start, m.end
        for mc in _CAP_RUN.finditer(self.text, start, end):
            name = mc.group()
            if entity_titles.is_title(name) or (mc.start() > start and self.is_complement(mc.start())):
                continue
            hit = entity_titles.honorific_prefix(name)
            if hit[0] or len(name) > 1:
                return self.who_of_name(name), mc.start(), mc.end()
        return None
