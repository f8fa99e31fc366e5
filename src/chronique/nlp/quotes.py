"""Quotations and their speakers: direct, partial and indirect speech.

Works on character spans of ``doc.text``, not on spaCy sentences (which cut
« … », a indiqué X away from its quote). One pass, left to right:

1. quoted spans come from :mod:`quote_marks` (« », “ ”, " ", ‹ ›, ‘ ’, nesting,
   paragraph continuations, repaired swapped marks);
2. titles of works in guillemets (« le film « … » », « au « Monde » ») are dropped;
3. each quote looks for its speech cue: an incise inside it (« …, a-t-il ajouté,
   … »), a verb right after it (« … », a déclaré X), a verb earlier in its
   sentence (X a déclaré : « … » / X a dit que … « … »), « selon X » / « pour X, »,
   a name before a colon, a verb closing the sentence, a headline's « … » : X; a
   quote with none that opens a sentence belongs to the person the previous
   sentence is about (« X a haussé les épaules. « … » »), to the interviewee after
   a question, else continues the running speaker, else goes to the one person
   the next sentence names;
4. verbs of saying outside quotes followed by « que », an infinitive, or closing
   a sentence (« …, a indiqué X. »), passives (« il a été annoncé par X que »),
   and « selon X », give indirect speech.

The subject of a verb is read in the clause right before it first (« Selon X,
le ministre a dit »: the minister); organisations and collectives speak too
(« le syndicat », « l'administration X », « son entourage ») and a later « il »,
« elle », « ils », « elles » that agrees in gender and number continues them.
Speaker expressions (names, pronouns, titles, groups, possessives) are resolved
by :class:`quote_speakers.Resolver`. Quotes of one to three words are ``partial``
and never ``direct``; they get a speaker only from a cue in their sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc

from chronique import langdata
from chronique.model import LocalEntity, Mention, Quote, Span, Speaker
from chronique.nlp import quote_echo, speech_cues
from chronique.nlp.doc_text import text_of
from chronique.nlp.quote_marks import Marked, find_marked
from chronique.nlp.quote_speakers import Resolver, Who
from chronique.nlp.quote_speakers import groups as quote_groups
from chronique.nlp.speech_cues import Cue

_BOUNDARY = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"’])?[ \t\u00a0\u202f]+(?=[«“\"‘A-ZÀ-ÖØ-Þ0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[A-ZÀ-Þ]|\bMM?|\bMme|\bMlle|\bMgr|\bDr|\bPr|\bSt|\bav|\bapr|\bJ\.-C)$")
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
_SPACES = " \t\u00a0\u202f\u2009"
_PRONOUN_BEFORE = re.compile(
    r"\b(?P<p>[Ii]ls?|[Ee]lles?)\s+(?:(?:ne|n['’]|lui|leur|l['’]|y|en|se|s['’]|pas|me|m['’]|nous|vous)\s*)*$"
)
_QUI_BEFORE = re.compile(r",?\s*\bqui\s*,?(?:[^,]{0,80},)?\s*$")
_QUE = re.compile(r"\s*(?:[\w’'-]+[\s,]+){0,10}?(?P<que>qu['’]|que\b|si\b|selon\s+(?:laquelle|lequel|lesquel(?:le)?s)\b)\s*", re.I)
_INFINITIVE = re.compile(r"\s*(?:ne\s+pas\s+|n['’]?\s*)?(?P<inf>[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir))\b")
_SLOT_STOP = re.compile(
    r"[.;:!?\n«»“”\"]|,\s+(?=[a-zàâçéèêëîïôûùüÿœ])"
    r"|\s(?:à|au|aux|sur|sous|chez|contre|malgré|dans|devant|lors|alors|après|avant|en|pour|depuis|par|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce|cette|mais|et|qui|dont|lorsqu|quand|avec)\b"
)
_TIME_SKIP = re.compile(
    r"\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|également|aussi|encore|ensuite|enfin|alors|"
    r"toutefois|pourtant|cependant|ainsi|matin|soir|plus tard|récemment|notamment|d['’]ailleurs|[àa] son tour)\b[\s,]*)*"
)
_DET = re.compile(r"^(?:(?:les?|la|des|du|un|une|ce|cet|cette|ces)\s+|l['’]\s*)", re.I)
_POSSESSIVE = re.compile(r"\b(?P<p>[Ss]on|[Ss]a|[Ss]es)\s+(?P<n>[\w’'-]+)")
_APPOS_NAME = re.compile(r",\s*([A-ZÀ-ÖØ-Þ](?:[^,.;:!?\n«»“”\"]|(?<=\b[A-Z])\.){0,60})")
_CLAUSE_PUNCT = re.compile(r"[,«»“”\"]")
_CLOSE_SEP = re.compile(r"[ \t\u00a0\u202f]*(?P<sep>[,–—-]?)[ \t\u00a0\u202f]*")
_ELIDED = re.compile(r"^\w['’]")
_PUBLICATION_BEFORE = re.compile(r"\b(?:au|du|dans\s+l[ea]|à\s+l[a']|par\s+l[ea]|sur)\s*$")
_SENTENCE_END = re.compile(r"[.!?…»”]\s+")
_INCISE_END = re.compile(r"\s*[,.]")
_INCISE_NAME_END = re.compile(r"\s+(?:[A-ZÀ-ÖØ-Þ][\w’'.\-]*\s*){1,3}[,.]|\s+l[ea]\s+[\w’'\- ]{3,60}[,.]")
_INCISE_APPOS = re.compile(r"\s*(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?\s*){1,4}(?<!\s)[,.]")
_TITLE_OF = re.compile(r"(?:l['’]\s*|l[ea]\s+)[\w’'-]+(?P<of>\s+(?:de|du|d['’])\s*)", re.I)
_APPOS_CLOSE = re.compile(r"\s*,")
_INDEFINITE = re.compile(r"(?:un|une)\s", re.I)
_TIME_TAIL = re.compile(r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|matin|soir|encore|aussi|également))+\s*$", re.I)
_CONJUNCTION_QUE = re.compile(r"\b(?:alors|tandis|bien|parce|afin|avant|sans|pendant|dès|depuis|après|encore|pour|ainsi)\s+$", re.I)
_COLON_END = re.compile(r":[\s\u00a0\u202f]*$")
_SENTENCE_PUNCT = re.compile(r"[.;:!?«»“”\"]")
_PLACE_AFTER = re.compile(r"^(?:dans|sur|lors|à|au|aux|en|par)\b")
_SELON = re.compile(r"(?<![\w-])(?:[Ss]elon|[Dd]['’]après|Pour)\s")
_LEAD_PRONOUN = re.compile(r"[\s«»“”\"]*(?:[A-ZÀ-Þ][\w’'\- ]{0,40},\s*)?(?P<p>[Ii]ls?|[Ee]lles?)\b")
_NOT_INFINITIVE = frozenset({"pour", "leur", "sur"})
_NEGATED = re.compile(r"(?:n['’]|ne\s)", re.I)  # « n'a pas souhaité commenter »: no statement
_LEAD_NOISE = re.compile(
    r"[ \t\u00a0\u202f]*(?:(?:\d{1,2}[ \u00a0\u202f]*h[ \u00a0\u202f]*\d{0,2}|\d{1,2}[:.]\d{2})[ \u00a0\u202f]*[–—-]"
    r"|[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{1,40}?[ \u00a0\u202f]*[–—]|[–—•·])[ \t\u00a0\u202f]*"
)
_COLON_AFTER = re.compile(r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*")
_AND = re.compile(r"\set\s")
_PASSIVE = re.compile(r"\b(?:été|être)\s")
_BY = re.compile(r"\bpar\s+")
_QUE_WORD = re.compile(r"\bqu(?:e\b|['’])", re.I)
_QUI_WORD = re.compile(r"\bqui\b", re.I)
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})
_DONT = re.compile(r"dont\s+", re.I)
_AND_BEFORE = re.compile(r"\bet\s+(?:(?:a|ont|avait|avaient|s['’]est|se\s+sont)\s+)?$")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
MIN_QUESTIONS = 2  # question paragraphs that make a text a Q&A interview
QUESTION_LENGTH = 300  # characters: longer paragraphs ending in « ? » are prose, not a question
ANSWER_PARAGRAPHS = 3  # paragraphs an answer may run over
HEADLINE_TAIL = 90  # characters after « … » : where a headline names its speaker
NEXT_REACH = 120  # characters of the next sentence where the person a quote announces is named
LEAD_REACH = 30  # characters from a sentence start where its leading subject is named
GROUP_LOOKBACK = 2  # sentences back where a pronoun may find the group that opened them
MAX_SHORT = 3  # a quote of up to three words is a fragment: partial at most
CONTINUE_WINDOW = 700  # characters over which a speaker keeps the floor
TOPIC_WINDOW = 1200  # characters before a first-person quote where its speaker must be the only person named
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:je|j['’]|me|m['’]|moi|mon|ma|mes)(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    """Work nouns, source prepositions (with position), and a regex alternation of the latter."""
    works, sources = set(), {}
    for e in langdata.load("quote_cues"):
        if e["kind"] == "work":
            works.add(e["cue"].lower())
        elif e["kind"] == "source":
            sources[e["cue"].lower().replace("’", "'")] = e.get("position") or "any"
    return frozenset(works), sources, tuple(sorted(sources, key=len, reverse=True))


@lru_cache(maxsize=1)
def _byline_regex() -> re.Pattern[str]:
    cues = sorted((e["cue"] for e in langdata.load("quote_cues") if e["kind"] == "byline"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")\s+", re.I)


@lru_cache(maxsize=1)
def _source_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    _, sources, ordered = _cue_words()
    alt = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+") for s in ordered)
    after = "|".join(re.escape(s).replace("'", "['’]").replace(r"\ ", r"\s+") for s in ordered if sources[s] == "any")
    # « selon X, » / « pour X, » before the statement; « , selon X » after it. X may hold an
    # abbreviation or initials (« M. », « Mme », « J.-P. »), whose dot ends nothing.
    x = r"(?:(?-i:\b[A-ZÀ-Þ][a-zà-ÿ]{0,2}\.(?:-[A-ZÀ-Þ]\.)?)[ \u00a0\u202f]*|[^,.;:!?«»“”\"\n])"
    return re.compile(rf"(?<![\w-])(?:{alt})\s+(?P<x>{x}{{2,80}}?)\s*,", re.I), re.compile(
        rf"[ \t\u00a0\u202f]*,?[ \t\u00a0\u202f]*(?:{after})\s+(?P<x>{x}{{2,80}})", re.I
    )


def _after_lead(text: str, pos: int) -> int:
    """Where a paragraph's sentence starts, past a live-blog clock time, a dateline or a bullet (« 14 h 05 – »)."""
    m = _LEAD_NOISE.match(text, pos)
    return m.end() if m else pos


class _Doc:
    """Per-document state: text, quote intervals, sentence starts, resolver, running speaker."""

    def __init__(self, doc: Doc, text: str, mentions: list[Mention], entities: list[LocalEntity], marked: list[Marked]):
        self.text = text
        self.doc = doc
        self.marked = marked
        closes = [(q.open, (q.close + 1) if q.close is not None else q.end) for q in marked if q.depth == 0]
        self.quoted = closes
        self.resolver = Resolver(doc, mentions, entities, closes, text)
        self.starts = [_after_lead(text, 0)]
        for m in _BOUNDARY.finditer(self.text):
            pos = m.end()
            if m.group().startswith("\n") or (not self.resolver.in_quote(pos - 1) and not _ABBREV.search(self.text, max(0, m.start() - 5), m.start())):
                self.starts.append(_after_lead(text, pos) if m.group().startswith("\n") else pos)
        self.running: tuple[int, Who] | None = None
        # « Propos recueillis par X »: X asked the questions, never a speaker
        self.journalists = {
            self.resolver.local_of.get(i, -1)
            for m in _byline_regex().finditer(text)
            for i in self.resolver.mentions_in(m.end(), m.end() + 60)
            if mentions[i].start - m.end() <= 3
        } - {-1}
        self._topics()
        self.cues = [c for s, e in self.outside_quotes(0, len(text)) for c in speech_cues.find_cues(text, s, e)]
        self._cue_starts = [c.start for c in self.cues]

    def _topics(self) -> None:
        """A person opening a sentence (« Parmi les grévistes, Anne Roy, 47 ans, … ») is what a later « elle » continues."""
        r = self.resolver
        for st in self.starts:
            for i in r.mentions_in(st, st + LEAD_REACH + 80):
                m = r.m[i]
                lead = self.text[st : m.start].rstrip(_SPACES + " «“\"—–-")
                if m.start - st <= LEAD_REACH and (not lead or lead.endswith(",")) and m.text[:1].isupper() and m.label == "PER" and not r.in_quote(m.start) and not r.is_complement(m.start) and r.local_of.get(i) not in self.journalists:
                    r.add_speaker(m.start, r.who_of_mention(i))
                break

    def sentence_start(self, pos: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) minus the quoted intervals."""
        out, cur = [], start
        for qs, qe in self.quoted:
            if qe <= cur or qs >= end:
                continue
            if qs > cur:
                out.append((cur, qs))
            cur = max(cur, qe)
        if cur < end:
            out.append((cur, end))
        return out

    def cues_in(self, start: int, end: int) -> list[Cue]:
        """Verbs of saying outside quotes within [start, end) (found once per document)."""
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        return [c for c in self.cues[lo:hi] if c.end <= end]


def _speaker(who: Who | None, span: tuple[int, int] | None) -> Speaker | None:
    if who is None:
        return None
    return Speaker(name=who.name, local=who.local, start=span[0] if span else None, end=span[1] if span else None)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _SPACES):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _SPACES or text[e - 1] in ",;"):
        e -= 1
    return s, e


_PP = re.compile(
    r"(?:à|au|aux|devant|auprès\s+d[eu]s?|dans|sur)\s+(?:l['’]|la\s+|le\s+|les\s+|un\s+|une\s+|des\s+)?"
    r"[\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]*)*[\s,]+(?=\S)"
)


def _slot_after(d: _Doc, pos: int) -> tuple[int, int]:
    """The inverted subject after a verb of saying: up to punctuation or a preposition.

    Time words and a leading complement are skipped (« a déclaré lundi à la
    presse le ministre »); a title followed by « , Name » keeps the name
    (« a précisé la directrice de l'agence, Anne Martin »).
    """
    text = d.text
    start = pos
    for _ in range(3):
        m = _TIME_SKIP.match(text, start)
        start = m.end() if m else start
        m = _PP.match(text, start)
        if not m:
            break
        start = m.end()
    limit = min(len(text), start + 140)
    end = limit
    for stop in _SLOT_STOP.finditer(text, start, limit):
        if stop.group() == "." and _ABBREV.search(text, max(0, stop.start() - 5), stop.start()):
            continue
        end = stop.start()
        break
    if end < limit and text[end] == ",":
        nxt = _APPOS_NAME.match(text[end:limit])
        if nxt:
            end = end + nxt.end()
    return _strip(text, start, end)


def _resolve_slot(
    d: _Doc, s: int, e: int, cue: Cue | None, pos: int, describe: bool = True
) -> tuple[Who | None, tuple[int, int] | None]:
    """Speaker from an inverted-subject slot (or the cue's own pronoun)."""
    r = d.resolver
    if cue is not None and cue.pronoun is not None:
        ps, pe = cue.pronoun
        unnamed = _unnamed_running(d, ps, d.text[ps:pe])
        if unnamed is not None:
            return unnamed, None
        return _pronoun(d, ps, d.text[ps:pe]), (ps, pe)
    if e <= s:
        return None, None
    if d.text[s:e].lower() in ("il", "elle", "lui", "eux", "elles"):  # « selon elle »
        low = d.text[s:e].lower()
        return _pronoun(d, s, {"lui": "il", "eux": "ils"}.get(low, low)), (s, e)
    who = r.group(s, e)  # « le syndicat », « l'entourage de la ministre », « l'administration X »
    if who is not None:
        return who, (s, e)
    of = _TITLE_OF.match(d.text, s, e)
    if of is not None and r.titles_in(s, of.start("of")) and "," not in d.text[s:e]:
        client = [i for i in r.mentions_in(of.end(), e) if r.m[i].start == of.end() and r.m[i].label == "PER"]
        if client:  # « a regretté l'avocat de Paul Dorval »: the lawyer speaks, not his client
            who = r.role(pos, s, of.start("of"))
            return (who, (s, of.start("of"))) if who else (None, None)
    hit = r.name_in(s, e)
    if hit:
        return hit[0], (hit[1], hit[2])
    who = r.role(pos, s, e)
    if who:
        return who, (s, e)
    slot = d.text[s:e]
    if describe and _DET.match(slot) and len(_WORDS.findall(slot)) <= 6:  # « selon un diplomate européen »
        return Who(_DET.sub("", slot)), (s, e)
    return None, None


def _unnamed_running(d: _Doc, pos: int, word: str) -> Who | None:
    """« Celui-ci a affirmé « … ». « … », a-t-il raconté »: an unnamed speaker of the previous sentence keeps
    the floor, when nobody has been named since (names are the resolver's business)."""
    if d.running is None or word.lower() not in ("il", "elle"):
        return None
    at, who = d.running
    if who.local is not None or who.group or who.plural or who.gender not in (None, "f" if word.lower() == "elle" else "m"):
        return None
    if at < d.sentence_start(max(0, d.sentence_start(pos) - 1)):
        return None
    r = d.resolver
    if any(r.m[i].label == "PER" and not r.in_quote(r.m[i].start) for i in r.mentions_in(at, pos)):
        return None
    return who


def _pronoun(d: _Doc, pos: int, word: str) -> Who | None:
    """« il », « elle », « ils », « elles »: a person or a group that spoke, else the group opening a recent sentence.

    « Le parquet a ouvert une enquête. Il a précisé que … »: no verb of saying
    made the group a speaker, but it is the subject the pronoun continues.
    """
    who = d.resolver.pronoun(pos, word)
    if who is not None or word.lower() not in ("il", "elle", "ils", "elles"):
        return who
    low = word.lower()
    plural, gender = low.endswith("s"), ("f" if low.startswith("elle") else "m")
    here, end = d.sentence_start(pos), pos
    for _ in range(GROUP_LOOKBACK + 1):  # this sentence before the pronoun, then the previous ones
        g = _lead_group(d, here, end) if end > here else None
        if g is None and end > here and not plural:
            g = _lead_title(d, here, end)
        if g is not None and g.plural == plural and (g.gender is None or g.gender == gender):
            return g
        if here == 0:
            break
        here, end = d.sentence_start(here - 1), here
    return None


def _lead_group(d: _Doc, start: int, end: int, labels: tuple[str, ...] = ("ORG",)) -> Who | None:
    """The organisation or collective opening ``text[start:end]`` (« La Commission européenne a infligé … »).

    A plural subject before the first verb counts too: « Les salariés de l'usine
    ont manifesté », « X et ses alliés font pression » (the antecedent of « ils »).
    """
    r = d.resolver
    s, _ = _strip(d.text, start, end)
    who = r.group(s, end)
    if who is not None:
        return who
    span = d.doc.char_span(s, end, alignment_mode="expand")
    verb = next((t for t in span or () if t.pos_ in ("VERB", "AUX")), None)
    lead_end = _strip(d.text, s, verb.idx)[1] if verb is not None and 0 < verb.idx - s <= 60 else None
    det = _DET.match(d.text, s, end)
    plural = lead_end is not None and not _CLAUSE_PUNCT.search(d.text, s, lead_end) and (
        (det is not None and det.group().strip().lower() in ("les", "des")) or _AND.search(d.text, s, lead_end) is not None
    )
    if plural:  # « Les salariés de l'usine ont manifesté »
        who = _described(d, s, lead_end)
        who.plural = who.group = True
        return who
    for i in r.mentions_in(s, min(end, s + 6 + 60)):
        m = r.m[i]
        if m.start - s <= 4 and m.label in labels and not r.in_quote(m.start):
            return r.of_mention(i)
        break
    return None


def _lead_title(d: _Doc, start: int, end: int) -> Who | None:
    """« La ministre a rencontré … »: a titled person opening the sentence, named or described, with its gender."""
    s, _ = _strip(d.text, start, end)
    det = _DET.match(d.text, s, end)
    if det is None or det.group().strip().lower() not in ("le", "la", "l'", "l’"):
        return None
    span = d.doc.char_span(s, end, alignment_mode="expand")
    verb = next((t for t in span or () if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not 0 < verb.idx - s <= 60:
        return None
    e = _strip(d.text, s, verb.idx)[1]
    if _CLAUSE_PUNCT.search(d.text, s, e) or not d.resolver.titles_in(s, e):
        return None
    who = d.resolver.role(verb.idx, s, e)
    if who is None:
        who = _described(d, s, e)
    low = det.group().strip().lower()
    who.gender = who.gender or ("f" if low == "la" else "m" if low == "le" else None)
    return who


def _subject_before(d: _Doc, cue: Cue, win_start: int, depth: int = 0) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject of a verb of saying that stands before it in its sentence.

    The clause right before the verb is read first (« Selon X, le dirigeant
    russe a déclaré »: the subject is « le dirigeant russe », not X); a verb
    coordinated with an earlier one (« X a dénoncé … et annoncé que ») shares
    its subject.
    """
    text, r = d.text, d.resolver
    if cue.pronoun is not None:
        ps, pe = cue.pronoun
        return _pronoun(d, ps, text[ps:pe]), (ps, pe)
    region = text[win_start : cue.start]
    mp = _PRONOUN_BEFORE.search(region)
    if mp:
        ps = win_start + mp.start("p")
        pe = win_start + mp.end("p")
        if r.in_quote(ps):
            return None, None
        return _pronoun(d, ps, mp.group("p")), (ps, pe)
    if depth == 0 and _AND_BEFORE.search(text, max(win_start, cue.start - 30), cue.start):
        earlier = [c for c in d.cues_in(win_start, cue.start) if c.type != "name"]
        if earlier:  # « X a dénoncé « … » et annoncé que … »
            return _subject_before(d, earlier[-1], win_start, depth + 1)
    limit = cue.start
    mq = _QUI_BEFORE.search(region)
    if mq:  # « X, qui, avec …, a insisté »: the antecedent of « qui »
        limit = win_start + mq.start()
        g = _group_ending_at(d, max(win_start, limit - 80), limit)
        if g is not None:
            return g  # « l'administration X, qui a insisté »
        ante = [i for i in r.mentions_in(max(win_start, limit - 80), limit) if r.m[i].end >= limit - 1]
        if ante:
            return r.titled(ante[-1], cue.start), (r.m[ante[-1]].start, r.m[ante[-1]].end)
        k = text.rfind(",", win_start, limit)
        s, e = _strip(text, k + 1 if k >= 0 else win_start, limit)
        who = r.role(cue.start, s, e) if _DET.match(text[s:e]) and not r.in_quote(s) else None
        if who is not None:  # « L'élu, qui a passé la nuit …, a demandé »
            return who, (s, e)
    else:
        who, span = _clause_subject(d, win_start, cue.start)
        if span is not None:
            return who, span
    cands = [i for i in r.mentions_in(win_start, limit) if not r.in_quote(r.m[i].start) and not r.is_complement(r.m[i].start)]
    per = [i for i in cands if r.m[i].label == "PER"]
    pick = per[-1] if per else (cands[-1] if cands and limit - r.m[cands[-1]].end < 40 else None)
    if pick is not None:
        m = r.m[pick]
        return (r.titled(pick, cue.start) if m.label == "PER" else r.of_mention(pick)), (m.start, m.end)
    # a title or a person noun as subject: « Le ministre a déclaré », « Joint par téléphone, l'entraîneuse a dit »
    parts = d.outside_quotes(win_start, cue.start)
    if parts:
        s, e = parts[-1]
        k = text.rfind(",", s, e)
        s, e = _strip(text, k + 1 if k >= 0 else s, e)
        who = r.role(cue.start, s, e)
        if who:
            return who, (s, e)
        e2 = _TIME_TAIL.sub("", text[s:e])  # « un diplomate européen estimait lundi »
        if _INDEFINITE.match(text, s) and r.titles_in(s, s + len(e2)) and not r.mentions_in(s, e) and len(_WORDS.findall(e2)) <= 5:
            return _described(d, s, s + len(e2)), (s, s + len(e2))  # « Interrogé par X, un diplomate européen a estimé »
    # « Un haut responsable, s'exprimant sous couvert d'anonymat, a indiqué »: the phrase before the incise
    first = text.find(",", win_start, cue.start)
    if first > 0 and not text[text.rfind(",", win_start, cue.start) + 1 : cue.start].strip():
        s, e = _strip(text, win_start, first)
        if _DET.match(text[s:e]) and not r.mentions_in(s, e) and 1 <= len(_WORDS.findall(text[s:e])) <= 7 and not r.in_quote(s):
            who = r.role(cue.start, s, e)
            return (who or _described(d, s, e)), (s, e)
    # a descriptive subject (« Les services de renseignement ont déclaré »): its words as the name
    s, e = _strip(text, win_start, cue.start)
    words = _WORDS.findall(text[s:e])
    if 1 <= len(words) <= 7 and _DET.match(text[s:e]) and not _CLAUSE_PUNCT.search(text[s:e]):
        return _described(d, s, e), (s, e)
    return None, None


_GROUP_START = re.compile(r"\b(?:l[ea]s?|des|l['’]|ses|son|sa|leurs?)\s*(?=\w)", re.I)


def _group_ending_at(d: _Doc, start: int, end: int) -> tuple[Who, tuple[int, int]] | None:
    """A group phrase that ends right at ``end`` (« …avec l'administration X, qui … »)."""
    for m in reversed(list(_GROUP_START.finditer(d.text, start, end))):
        who = d.resolver.group(m.start(), end)
        if who is not None:
            s, e = _strip(d.text, m.start(), end)
            return (who, (s, e)) if who.local is not None or d.text[s:e].endswith(who.name) else None
    return None


def _described(d: _Doc, s: int, e: int) -> Who:
    """A descriptive speaker (« les habitants du quartier »): its words; a plural one may be « ils » later."""
    phrase = d.text[s:e]
    det = _DET.match(phrase)
    plural = bool(det) and det.group().strip().lower() in ("les", "des", "ces")
    return Who(_DET.sub("", phrase), None, None, plural, plural)


def _clause_subject(d: _Doc, win_start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject in the last comma-separated stretch before ``end``, when that stretch names one.

    Returns (None, None) when the stretch is empty or says nothing conclusive, so
    that the caller reads the whole sentence (« Anne Roy, la ministre, a dit »).
    """
    text, r = d.text, d.resolver
    parts = d.outside_quotes(win_start, end)
    if not parts or parts[-1][1] != end:
        return None, None
    s, e = parts[-1]
    k = text.rfind(",", s, e)
    s, e = _strip(text, k + 1 if k >= 0 else s, e)
    if e <= s:
        return None, None
    md = _DONT.match(text, s, e)
    if md and k >= 0:  # « X, dont l'administration a prévenu »: a group of X
        ante = [i for i in r.mentions_in(max(win_start, k - 80), k) if r.m[i].end >= k - 1]
        g = r.group(md.end(), e)
        if ante and g is not None:
            owner = r.who_of_mention(ante[-1]).name.split()[-1]
            joins = quote_groups().get(_WORDS.findall(g.name)[0].lower())
            g.name = f"{g.name} {owner}" if joins is not None and joins.joins == "name" else f"{g.name} de {owner}"
            g.local = None
            return g, (s, e)
        return None, None
    who = r.group(s, e)
    if who is not None:
        return who, (s, e)
    cands = [i for i in r.mentions_in(s, e) if not r.in_quote(r.m[i].start) and not r.is_complement(r.m[i].start)]
    per = [i for i in cands if r.m[i].label == "PER"]
    if per:
        m = r.m[per[-1]]
        return r.titled(per[-1], end), (m.start, m.end)
    if cands and e - r.m[cands[-1]].end < 40:
        m = r.m[cands[-1]]
        return r.of_mention(cands[-1]), (m.start, m.end)
    if k < 0 or not _DET.match(text[s:e]):
        return None, None  # no comma: the whole sentence is the clause, read by the caller
    # « Selon X, le dirigeant a déclaré »: the description refers to someone before this sentence, not to X
    who = r.role(win_start, s, e)
    if who is not None:
        return who, (s, e)
    if len(_WORDS.findall(text[s:e])) <= 7:
        return _described(d, s, e), (s, e)
    return None, None


def _after_cue(d: _Doc, close: int) -> Cue | None:
    """A verb of saying right after a closing mark: « … », a déclaré X / « … », a-t-il ajouté."""
    text = d.text
    m = _CLOSE_SEP.match(text[close : close + 6])
    start = close + m.end()
    ws = speech_cues.words(text, start, min(len(text), start + 60, text.find("\n", start) % (len(text) + 1)))
    if not ws or (not m.group("sep") and not ws[0][2][0].islower()):
        return None  # « … ». Interrogé sur … : a new sentence, not an incise
    return speech_cues.match_cue(text, ws, 0)


def _source_after(d: _Doc, close: int) -> tuple[Who | None, tuple[int, int] | None]:
    m = _source_regexes()[1].match(d.text, close, min(len(d.text), close + 100))
    if not m:
        return None, None
    s, e = _strip(d.text, m.start("x"), m.end("x"))
    return _resolve_slot(d, s, e, None, close)


def _source_before(d: _Doc, win_start: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    best = None
    for s, e in d.outside_quotes(win_start, open_):
        for m in _source_regexes()[0].finditer(d.text, s, e):
            best = m
    if best is None:
        return None, None
    s, e = _strip(d.text, best.start("x"), best.end("x"))
    loose = best.group(0)[:4].lower() == "pour"  # « pour X, » is a source only when X names someone
    if loose:
        found = _pour_person(d, best)
        if found is not None and not d.text[win_start : best.start()].strip(_SPACES + " «“\""):
            return found[0], found[1]
    if loose and len(_WORDS.findall(d.text, s, e)) > 5:
        return None, None
    lead = d.text[win_start : best.start()].rstrip(_SPACES + " «“\"")
    if loose and lead and not lead.endswith((",", ":", ";", "\n")):
        return None, None  # « qui a milité pour la ligue, se dit … »: a complement, not « Pour X, … »
    return _resolve_slot(d, s, e, None, best.start(), describe=not loose)


def _pour_person(d: _Doc, mb: re.Match[str]) -> tuple[Who, tuple[int, int], int] | None:
    """« Pour Anne Roy, … », « Pour la ministre de la Mer, Anne Roy, … »: the person whose view follows.

    Returns the person, the span naming them and where their statement starts; None when
    « pour » introduces no named person (« Pour la première fois, … »).
    """
    r, text = d.resolver, d.text
    s, e = _strip(text, mb.start("x"), mb.end("x"))
    named = [i for i in r.mentions_in(s, e) if r.m[i].label == "PER"]
    if named and len(_WORDS.findall(text, s, e)) <= 5 and not r.titles_in(s, r.m[named[0]].start):
        i = named[0]
        return r.titled(i, e), (r.m[i].start, r.m[i].end), mb.end()
    if not r.titles_in(s, e):
        return None
    after = [i for i in r.mentions_in(mb.end(), mb.end() + 80) if r.m[i].start - mb.end() <= 2 and r.m[i].label == "PER"]
    if not after:
        return None
    i = after[0]
    comma = _APPOS_CLOSE.match(text, r.m[i].end)
    if comma is None:
        return None
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end), comma.end()


def _noun_cue_before(d: _Doc, win_start: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« son insistance sur … « … » »: a possessive noun of saying stands for its owner."""
    nouns = speech_cues.lexicon().nouns
    found = None
    for s, e in d.outside_quotes(win_start, open_):
        for m in _POSSESSIVE.finditer(d.text, s, e):
            if m.group("n").lower() in nouns:
                found = m
    if found is None:
        return None, None
    ps = found.start("p")
    return d.resolver.pronoun(ps, "il"), (ps, found.end("p"))


def _is_work_title(d: _Doc, q: Marked) -> bool:
    """« le film « … » », « intitulé « … » », « au « Monde » »: a title, not words someone said."""
    text = d.text
    works = _cue_words()[0]
    before = _SENTENCE_END.split(text[max(0, q.open - 40) : q.open])[-1]  # a work noun ending the previous sentence names nothing here
    words = [_ELIDED.sub("", w.lower()) for w in _WORDS.findall(before)][-3:]
    if words and (words[-1] in works or (len(words) >= 2 and " ".join(words[-2:]) in works)):
        return True
    lex = speech_cues.lexicon()
    if words and lex.types.get(lex.forms.get(words[-1], ""), "") == "name":
        return True
    inner = _WORDS.findall(text[q.start : q.end])
    if 2 <= len(inner) <= MAX_SHORT and all(w[0].isupper() for w in inner) and not _SENTENCE_PUNCT.search(text, q.start, q.end):
        return True  # « le pétrolier « Nordan Star » »: a proper name (ship, operation, slogan), not an utterance
    if 1 <= len(inner) <= 4 and inner[0][0].isupper() and _PUBLICATION_BEFORE.search(before):
        return all(w[0].isupper() or len(w) <= 3 for w in inner)
    return False


def _opens_sentence(d: _Doc, q: Marked) -> bool:
    """Nothing of the writer's sentence stands before the opening mark (or only « X a dit : »)."""
    text = d.text
    i = q.open - 1
    while i >= 0 and (text[i] in _SPACES or text[i] == " "):
        i -= 1
    return i < 0 or text[i] in ".!?:\n»”\"—–…"


def _incise(d: _Doc, q: Marked) -> tuple[Cue, int, int] | None:
    """« …, a-t-il ajouté, … » inside the marks: the cue and where the two halves meet."""
    text = d.text
    for cue in speech_cues.find_cues(text, q.start, q.end):
        before = text[max(q.start, cue.start - 3) : cue.start]
        if "," not in before:
            continue
        after = text[cue.end : cue.end + 80]
        if cue.pronoun is not None:
            m = _INCISE_END.match(after)
        else:  # « …, a déclaré mardi soir le ministre de la Mer, Anne Roy. … »: time words, then title and name
            t = _TIME_SKIP.match(after).end()
            m = _INCISE_NAME_END.match(after, t - 1 if t and after[t - 1].isspace() else t)
            if m and m.group().endswith(","):
                m = _INCISE_APPOS.match(after, m.end()) or m
        if m:
            comma = cue.start - (len(before) - before.rindex(","))
            return cue, comma, cue.end + m.end()
    return None


def _make(d: _Doc, s: int, e: int, kind: str, who: Who | None, span: tuple[int, int] | None, cue: Cue | None) -> Quote | None:
    s, e = _strip(d.text, s, e)
    if e <= s:
        return None
    cue_span = Span(cue.start, cue.end, d.text[cue.start : cue.end]) if cue else None
    return Quote(s, e, d.text[s:e], kind, _speaker(who, span), cue_span)  # type: ignore[arg-type]


def _attribute(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None, Cue | None, str]:
    """Speaker, its span, the cue and how it was found ('after', 'before', 'source', 'continue' or '')."""
    text = d.text
    close = q.close + 1 if q.close is not None else q.end
    cue = _after_cue(d, close)
    if cue is not None and cue.type != "name":
        s, e = _slot_after(d, cue.end)
        who, span = _resolve_slot(d, s, e, cue, cue.start)
        if who is not None or (cue.pronoun is not None and text[cue.pronoun[0] : cue.pronoun[1]].lower() in ("ils", "elles")):
            return who, span, cue, "after"  # « …, assurent-ils » with no plural antecedent: nobody, not the last person
    who, span = _source_after(d, close)
    if who is not None:
        return who, span, None, "source"
    win = d.sentence_start(q.open)
    cues = [c for c in d.cues_in(win, q.open) if c.type != "name"]
    if cues:
        c = cues[-1]
        if _same_speaker(d, c, win):
            return d.running[1], None, c, "before"  # type: ignore[index]
        who, span = _subject_before(d, c, win)
        if who is not None:
            return who, span, c, "before"
        if len(cues) > 1 and _PASSIVE.search(text, max(win, c.start - 7), c.start):
            c = cues[-2]  # « X estimait que l'accord pourrait être conclu « … » »: a passive verb has no speaker
            who, span = _subject_before(d, c, win)
            if who is not None:
                return who, span, c, "before"
    who, span = _source_before(d, win, q.open)
    if who is not None:
        return who, span, None, "source"
    who, span = _noun_cue_before(d, win, q.open)
    if who is not None:
        return who, span, None, "before"
    who, span = _colon_before(d, win, q.open)
    if who is not None:
        return who, span, None, "before"
    who, span, cue = _closing_cue(d, q)
    if who is not None:
        return who, span, cue, "after"
    who, span = _headline_after(d, close)
    if who is not None:
        return who, span, None, "after"
    return None, None, None, ""


def _headline_after(d: _Doc, close: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« « Nous ne lâcherons rien » : le cri d'Anne Roy »: a headline names its speaker after the colon."""
    m = _COLON_AFTER.match(d.text, close)
    if m is None:
        return None, None
    line_end = d.text.find("\n", m.end())
    line_end = len(d.text) if line_end < 0 else line_end
    if line_end - m.end() > HEADLINE_TAIL or d.text[m.end() : line_end].rstrip().endswith("."):
        return None, None  # a sentence of the body goes on after the colon: not a headline
    r = d.resolver
    named = [i for i in r.mentions_in(m.end(), line_end) if not r.in_quote(r.m[i].start)]
    people = [i for i in named if r.m[i].label == "PER"] or [i for i in named if r.m[i].label == "ORG"]
    if not people:
        return None, None
    i = people[0]
    return (r.who_of_mention(i) if r.m[i].label == "PER" else r.of_mention(i)), (r.m[i].start, r.m[i].end)


def _same_speaker(d: _Doc, cue: Cue, win: int) -> bool:
    """« …, précisant que », « …, qui réclame « … » »: the speaker already named in this sentence."""
    if d.running is None or d.running[0] < win:
        return False
    if cue.participle_clause:
        return True
    m = _QUI_BEFORE.search(d.text, max(win, cue.start - 90), cue.start)
    return bool(m) and not d.resolver.mentions_in(max(win, m.start() - 3), m.start() + 1)


def _colon_before(d: _Doc, win: int, open_: int) -> tuple[Who | None, tuple[int, int] | None]:
    """« Réaction du préfet Anne Martin : « … » »: a person named just before the colon, no verb needed."""
    text, r = d.text, d.resolver
    m = _COLON_END.search(text[max(win, open_ - 6) : open_])
    if not m:
        return None, None
    colon = max(win, open_ - 6) + m.start()
    people = [i for i in r.mentions_in(win, colon) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)]
    if people and colon - r.m[people[-1]].end <= 3:
        i = people[-1]
        return r.titled(i, colon), (r.m[i].start, r.m[i].end)
    # « Mme Roy, elle, n'en démord pas : « … » »: the subject that opens the sentence
    return _sentence_lead(d, people, win, colon)


def _sentence_lead(d: _Doc, people: list[int], start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject opening ``text[start:end]``: a person named in its first words, else a leading pronoun."""
    r = d.resolver
    lead = [i for i in people if r.m[i].start - start <= LEAD_REACH and not r.is_complement(r.m[i].start)]
    if lead:
        i = lead[0]
        return r.titled(i, end), (r.m[i].start, r.m[i].end)
    mp = _LEAD_PRONOUN.match(d.text, start, end)
    if mp:
        return _pronoun(d, mp.start("p"), mp.group("p")), (mp.start("p"), mp.end("p"))
    return None, None


def _beat(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """« L'ancien gérant a haussé les épaules. « … » »: a quote after a sentence about someone is theirs.

    Only when that sentence has no quote: the subject of its verb of saying
    (« X a répondu sèchement. « … » »), else its subject when it opens the
    sentence (a name, a pronoun, a description), else the one person it names.
    """
    text, r = d.text, d.resolver
    pe = d.sentence_start(q.open)
    if pe == 0:
        return None, None
    ps = d.sentence_start(pe - 1)
    if d.outside_quotes(ps, pe) != [(ps, pe)]:
        return None, None
    cues = [c for c in d.cues_in(ps, pe) if c.type != "name"]
    if cues:  # « X a répondu sèchement. « … » »
        return _subject_before(d, cues[-1], ps)
    people = [i for i in r.mentions_in(ps, pe) if r.m[i].label == "PER"]
    who, span = _sentence_lead(d, people, ps, pe)
    if span is not None:
        return who, span
    verb = next((t for t in d.doc.char_span(ps, pe, alignment_mode="expand") or () if t.pos_ in ("AUX", "VERB")), None)
    if verb is not None and verb.idx - ps <= 60:
        s, e = _strip(text, ps, verb.idx)
        who = r.role(pe, s, e) if _DET.match(text[s:e]) else None
        if who is not None:
            return who, (s, e)
    if len({r.local_of.get(i, -1 - i) for i in people}) == 1:
        return r.who_of_mention(people[0]), (r.m[people[0]].start, r.m[people[0]].end)
    return None, None


def _first_person_topic(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """An unattributed quote in the first person (« Je … ») belongs to the one person the text is about.

    Portraits and interviews let the subject speak without a verb of saying;
    the rule holds only when a single person is named, outside quotes, in the
    stretch of text before the quote.
    """
    r = d.resolver
    if not _FIRST_PERSON.search(d.text, q.start, q.end):
        return None, None
    people = [
        i for i in r.mentions_in(max(0, q.open - TOPIC_WINDOW), q.open)
        if r.m[i].label == "PER" and not r.in_quote(r.m[i].start) and r.local_of.get(i) not in d.journalists
    ]
    if not people or len({r.local_of.get(i, -1 - i) for i in people}) != 1:
        return None, None
    i = people[-1]
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end)


def _named_after(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """« « Il faut agir vite. » Ces mots sont ceux d'Anne Roy, … »: the one person the next sentence names.

    Only when nothing before attributed the quote and that sentence quotes no
    one itself (else its person speaks there, not here).
    """
    r = d.resolver
    close = q.close + 1 if q.close is not None else q.end
    ns = d.sentence_end(close)
    if ns >= len(d.text) or d.text[close:ns].count("\n") > 1:
        return None, None
    ne = d.sentence_end(ns)
    if d.outside_quotes(ns, ne) != [(ns, ne)]:
        return None, None
    people = [i for i in r.mentions_in(ns, min(ne, ns + NEXT_REACH)) if r.m[i].label == "PER" and r.local_of.get(i) not in d.journalists]
    if len({r.local_of.get(i, -1 - i) for i in people}) != 1:
        return None, None
    i = people[0]
    return r.who_of_mention(i), (r.m[i].start, r.m[i].end)


def _answer(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None]:
    """Interviews: a quote opening the paragraph after a question is the interviewee's answer.

    The interviewee is the one person (journalists aside) named before it, else
    the last speaker; the question itself is nobody's quote.
    """
    text, r = d.text, d.resolver
    para = text.rfind("\n", 0, q.open)
    if para < 0 or text[para:q.open].strip():
        return None, None
    prev_end = len(text[:para].rstrip())
    prev_start = text.rfind("\n", 0, prev_end) + 1
    question = text[prev_start:prev_end]
    if not question.endswith("?") or d.outside_quotes(prev_start, prev_end) != [(prev_start, prev_end)]:
        return None, None
    people = [i for i in r.mentions_in(0, q.open) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)
              and r.local_of.get(i) not in d.journalists]
    if len({r.local_of.get(i, -1 - i) for i in people}) == 1:
        i = people[0]
        return r.who_of_mention(i), (r.m[i].start, r.m[i].end)
    if d.running is not None and d.running[1].local not in d.journalists:
        return d.running[1], None
    return None, None


def _keeps_floor(d: _Doc, q: Marked) -> bool:
    """A quote with no cue continues the last speaker when that speaker spoke in the previous sentence."""
    if d.running is None or q.open - d.running[0] > CONTINUE_WINDOW:
        return False
    prev = d.sentence_start(max(0, d.sentence_start(q.open) - 1))
    return d.running[0] >= prev


def _quotes_of(d: _Doc, q: Marked, outer: Quote | None) -> list[Quote]:
    text = d.text
    n_words = len(_WORDS.findall(text, q.start, q.end))
    short = n_words <= MAX_SHORT
    if q.depth > 0:
        return _nested(d, q, outer, short)
    if _is_work_title(d, q):
        return []
    opens = _opens_sentence(d, q)
    kind = "direct" if opens and not short else "partial"
    inc = _incise(d, q) if not short else None
    if inc is not None:
        cue, comma, resume = inc
        s, e = _slot_after(d, cue.end)
        who, span = _resolve_slot(d, s, e, cue, cue.start)
        if who is None:
            who, span = (d.running[1], None) if d.running else (None, None)
        d.running = (q.start, who) if who else d.running
        if who is not None:
            d.resolver.add_speaker(cue.start, who)
        out = [_make(d, q.start, comma, kind, who, span, cue), _make(d, resume, q.end, kind, who, span, cue)]
        return [x for x in out if x]
    who, span, cue, how = _attribute(d, q)
    if who is None and how != "after" and q.close is None and not short:
        nxt = next((n for n in d.marked if n.open > q.open and n.depth == 0), None)
        if nxt is not None and nxt.continued:
            who, span, _, how = _attribute(d, nxt)  # the speech runs on: its cue comes in the next paragraph
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = _beat(d, q)
        how = "beat" if who is not None else how
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = _answer(d, q)
        how = "answer" if who is not None else how
    if who is None and how != "after" and not short and (q.continued or opens) and _keeps_floor(d, q):
        who, how = d.running[1], "continue"  # type: ignore[index]
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = _first_person_topic(d, q)
        how = "topic" if who is not None else how
    if who is None and how != "after" and not short and opens and not q.continued:
        who, span = _named_after(d, q)
        how = "next" if who is not None else how
    if who is not None and (not short or how in ("after", "before")):
        d.running = (q.end, who)
        if span is not None:
            d.resolver.add_speaker(span[0], who)
    quote = _make(d, q.start, q.end, kind, who if (how or not short) else None, span, cue)
    return [quote] if quote else []


def _nested(d: _Doc, q: Marked, outer: Quote | None, short: bool) -> list[Quote]:
    """A quote inside a quote: its speaker is named inside the outer quote (« il m'a dit : "…" ») or is the outer speaker."""
    text = d.text
    if outer is None:
        return []
    j = q.open - 1
    while j > outer.start and text[j] in _SPACES:
        j -= 1
    lead = text[outer.start : q.open]
    k = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "), lead.rfind("… "))
    win = outer.start + k + 2 if k >= 0 else outer.start
    cues = speech_cues.find_cues(text, win, q.open)
    who = outer.speaker and Who(outer.speaker.name, outer.speaker.local)
    span = None
    if cues:
        c = cues[-1]
        if c.pronoun is not None:
            ps, pe = c.pronoun
            who, span = d.resolver.pronoun_in_quote(ps, outer.start, text[ps:pe]), (ps, pe)
        else:
            mp = _PRONOUN_BEFORE.search(text, win, c.start)
            if mp and mp.group("p").lower() in ("il", "elle"):
                ps, pe = mp.start("p"), mp.end("p")
                who, span = d.resolver.pronoun_in_quote(ps, outer.start, mp.group("p")), (ps, pe)
            else:
                people = d.resolver.mentions_in(win, c.start)
                if people:
                    i = people[-1]
                    who, span = d.resolver.who_of_mention(i), (d.resolver.m[i].start, d.resolver.m[i].end)
    kind = "partial" if short else ("direct" if text[j] in ":.!?,\n" or j <= outer.start else "partial")
    quote = _make(d, q.start, q.end, kind, who, span, cues[-1] if cues else None)
    return [quote] if quote else []


def _is_infinitive(d: _Doc, pos: int) -> bool:
    """The word at ``pos``, shaped like an infinitive, is not a numeral or a function word
    (« a affirmé ignorer … », not « a requis quatre ans », « pour », « leur »).

    The parser's tag is only trusted to say no: it often misreads a bare infinitive.
    """
    span = d.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if not span:
        return False
    tok = span[0]
    return tok.lower_ not in _NOT_INFINITIVE and tok.pos_ not in ("NUM", "DET", "PRON", "CCONJ", "SCONJ")


def _indirect(d: _Doc, cue: Cue) -> Quote | None:
    """Reported speech after a verb of saying outside quotes: « X a affirmé que … »."""
    text = d.text
    if cue.type == "name" or d.resolver.in_quote(cue.start):
        return None
    end = d.sentence_end(cue.end)
    win = d.sentence_start(cue.start)
    m = _QUE.match(text, cue.end, min(end, cue.end + 80))
    body_start = None
    if m and _CONJUNCTION_QUE.search(text, max(cue.end, m.start("que") - 12), m.start("que")):
        m = None  # « soupirait-elle alors que les pompiers … »: a subordinate clause, not what was said
    if m and not _SENTENCE_PUNCT.search(text[cue.end : m.start("que")]) and m.group("que").lower() != "si" and not (
        _QUI_WORD.search(text, cue.end, m.start("que")) or d.cues_in(cue.end, m.start("que"))
    ):  # « a insisté le chef, qui note que … »: that « que » belongs to the relative clause's verb
        body_start = m.end()
    else:
        skip = _TIME_SKIP.match(text, cue.end)
        mi = _INFINITIVE.match(text, skip.end() if skip else cue.end, min(end, cue.end + 60))
        if mi and cue.type in ("say", "assert", "add") and _is_infinitive(d, mi.start("inf")) and not _NEGATED.match(text, cue.start):
            body_start = mi.start("inf")
    if body_start is not None:
        qs = [s for s, _ in d.quoted if body_start <= s < end]
        body_end = _body_end(d, body_start, end)
        if qs and qs[0] == body_start:
            return None
        who, span = _main_subject(d, win, cue.start) if cue.participle_clause else (None, None)
        if _PASSIVE.search(text, cue.start, cue.end):  # « Il a été annoncé par le ministère que … »
            who, span = _agent(d, cue.end, body_start)
            if who is None:
                return _make(d, body_start, body_end, "indirect", None, None, cue)
        if who is not None:
            pass  # « X s'est jointe à …, en promettant que … »: the subject of the main clause
        elif _same_speaker(d, cue, win):
            who, span = d.running[1], None  # type: ignore[index]
        else:
            who, span = _subject_before(d, cue, win)
        q = _make(d, body_start, body_end, "indirect", who, span, cue)
        if q is not None and who is not None:
            d.running = (cue.start, who)
            if span is not None:
                d.resolver.add_speaker(span[0], who)
        return q
    # « Des dommages ont été signalés, a déclaré X. »: a sentence closed by an inverted verb of saying
    before = text[max(win, cue.start - 3) : cue.start]
    if _PASSIVE.search(text, cue.start, cue.end):
        return None
    if "," in before and cue.start - win > 20:
        s, e = _slot_after(d, cue.end)
        tail = text[e : end].strip()
        if not tail or tail[0] in ".!?" or _PLACE_AFTER.match(tail):
            comma = cue.start - (len(before) - before.rindex(","))
            named = d.resolver.mentions_in(max(win, comma - 60), comma)
            clause = d.doc.char_span(win, comma, alignment_mode="expand") or ()
            if named and d.resolver.m[named[-1]].end >= comma - 1 and not any(t.pos_ in ("VERB", "AUX") for t in clause):
                return None  # « L'avocat, Me Anne Roy, a plaidé la relaxe »: the name before the comma is the subject
            who, span = _resolve_slot(d, s, e, cue, cue.start)
            if who is not None:
                body = d.outside_quotes(win, comma)
                if body and body[0][0] == win and body[0][1] == comma:
                    return _make(d, win, comma, "indirect", who, span, cue)
    return None


def _agent(d: _Doc, start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The agent of a passive verb of saying: « par X » between the verb and the reported speech."""
    m = _BY.search(d.text, start, end)
    if m is None:
        return None, None
    s, e = _slot_after(d, m.end())
    q = _QUE_WORD.search(d.text, s, e)
    s, e = _strip(d.text, s, q.start() if q else e)
    return _resolve_slot(d, s, e, None, m.end())


def _body_end(d: _Doc, start: int, end: int) -> int:
    """Reported speech stops where the sentence goes on with another verb of saying (« …, a ajouté X »)."""
    for c in d.cues_in(start, end):
        k = d.text.rfind(",", start, c.start)
        if k >= 0 and not d.text[k + 1 : c.start].strip():
            return k
    return end


def _main_subject(d: _Doc, win: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject opening the sentence: a group (« L'administration X s'est jointe … ») or a person."""
    r = d.resolver
    people = [i for i in r.mentions_in(win, end) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)]
    who = _lead_group(d, win, end, ("ORG", "LOC"))
    if who is not None:
        return who, (win, win + len(who.name))
    return _sentence_lead(d, people, win, end)


def _closing_cue(d: _Doc, q: Marked) -> tuple[Who | None, tuple[int, int] | None, Cue | None]:
    """« L'échange aura lieu « dans dix jours » à la frontière, a précisé X. »: the verb closing the sentence."""
    close = q.close + 1 if q.close is not None else q.end
    end = d.sentence_end(close)
    for c in d.cues_in(close, end):
        if c.type == "name" or "," not in d.text[max(close, c.start - 3) : c.start]:
            continue
        s, e = _slot_after(d, c.end)
        tail = d.text[e:end].strip()
        if tail and tail[0] not in ".!?" and not _PLACE_AFTER.match(tail):
            continue
        who, span = _resolve_slot(d, s, e, c, c.start)
        if who is not None:
            return who, span, c
    return None, None, None


def _selon(d: _Doc, start: int, end: int) -> list[Quote]:
    """« Selon X, … » / « …, selon X. » outside quotes: the rest of the sentence is X's reported speech."""
    text = d.text
    before_re, after_re = _source_regexes()
    out: list[Quote] = []
    for m in _SELON.finditer(text[start:end]):
        pos = start + m.start()
        win, stop = d.sentence_start(pos), d.sentence_end(pos)
        if d.resolver.in_quote(pos) or any(_QUE.match(text, c.end, min(stop, c.end + 80)) for c in d.cues_in(win, stop)):
            continue  # the sentence has its own reported speech (« X a dit que … »): that verb attributes it
        if m.group().lower().startswith("pour"):
            mb = before_re.match(text, pos, stop) if pos == win else None
            found = _pour_person(d, mb) if mb else None
            if found is not None and not d.outside_quotes(found[2], stop) != [(found[2], stop)]:
                q = _make(d, found[2], stop, "indirect", found[0], found[1], None)
                if q is not None:
                    out.append(q)
            continue
        if pos == win or text[win:pos].strip() in ("", ","):
            mb = before_re.match(text, pos, stop)
            if not mb:
                continue
            s, e = _strip(text, mb.start("x"), mb.end("x"))
            body = (mb.end(), stop)
        else:
            ma = after_re.match(text, pos - 2 if text[pos - 2 : pos].strip() == "," else pos, stop)
            if not ma or "," not in text[max(win, pos - 3) : pos]:
                continue
            s, e = _strip(text, ma.start("x"), ma.end("x"))
            body = (win, text.rindex(",", win, pos))
        who, span = _resolve_slot(d, s, e, None, pos)
        if who is None:
            continue
        q = _make(d, body[0], body[1], "indirect", who, span, None)
        if q is not None and not any(qs <= q.start < qe for qs, qe in d.quoted):
            out.append(q)
    return out


def _register_subject(d: _Doc, cue: Cue) -> None:
    """« Le syndicat a dénoncé la réforme. » with no quote: its group or titled subject may be « il » later."""
    if cue.type == "name" or cue.pronoun is not None or d.resolver.in_quote(cue.start):
        return
    win = d.sentence_start(cue.start)
    who, span = _clause_subject(d, win, cue.start)
    if who is None:
        parts = d.outside_quotes(win, cue.start)
        if parts and parts[-1][1] == cue.start:
            s, e = _strip(d.text, parts[-1][0], cue.start)
            who = d.resolver.group(s, e) or (d.resolver.role(cue.start, s, e) if _DET.match(d.text[s:e]) else None)
            span = (s, e)
    if who is not None and span is not None and (who.group or who.local is not None):
        d.resolver.add_speaker(span[0], who)


def extract(doc: Doc, mentions: list[Mention], entities: list[LocalEntity]) -> list[Quote]:
    """Direct, partial and indirect quotes of ``doc`` with their speakers, in text order."""
    text = text_of(doc)
    marked = find_marked(text)
    d = _Doc(doc, text, mentions, entities, marked)
    for q in _selon(d, 0, len(text)):  # « Selon X, … » makes X a subject later pronouns may refer to
        sp = q.speaker
        if sp is not None and sp.start is not None and sp.end is not None and text[sp.start : sp.end].lower() not in _PRONOUNS:
            org = sp.local is not None and sp.local < len(entities) and entities[sp.local].label != "PER"
            d.resolver.add_speaker(sp.start, Who(sp.name, sp.local, group=org))  # « selon l'OMS »: a group, never « il » the doctor
    body_cues = d.cues
    events: list[tuple[int, int, object]] = [(q.open, 1, q) for q in marked] + [(c.start, 0, c) for c in body_cues]
    events.sort(key=lambda x: (x[0], x[1]))
    out: list[Quote] = []
    outer: Quote | None = None
    for _, kind, item in events:
        if kind == 1:
            q: Marked = item  # type: ignore[assignment]
            got = _quotes_of(d, q, outer)
            if q.depth == 0:
                outer = got[0] if got else None
                if outer is not None and len(got) > 1:
                    outer = Quote(got[0].start, got[-1].end, "", got[0].kind, got[0].speaker)
            out.extend(got)
        else:
            qi = _indirect(d, item)  # type: ignore[arg-type]
            if qi is not None:
                out.append(qi)
            else:
                _register_subject(d, item)  # type: ignore[arg-type]
    out.extend(_selon(d, 0, len(text)))  # again, now that every speaker is known to « selon elle »
    out.extend(_interview_answers(d))
    out.sort(key=lambda x: (x.start, x.end))
    quote_echo.link_titles(text, out)
    return out


def _interview_answers(d: _Doc) -> list[Quote]:
    """A Q&A interview: paragraphs answering a question paragraph are the interviewee's direct quotes.

    Only when the text holds at least two paragraphs that are nothing but a
    question; an answer runs until the next question, a byline or
    ``ANSWER_PARAGRAPHS`` paragraphs. Answers already in quotation marks are
    left to the quote rules.
    """
    text = d.text
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    is_question = [
        text[s:e].rstrip().endswith("?") and e - s <= QUESTION_LENGTH and d.outside_quotes(s, e) == [(s, e)] for s, e in paras
    ]
    if sum(is_question) < MIN_QUESTIONS:
        return []
    first_q = paras[is_question.index(True)][0]
    r = d.resolver
    people = [i for i in r.mentions_in(0, first_q) if r.m[i].label == "PER" and r.local_of.get(i) not in d.journalists]
    who = None
    if people:
        locals_ = {r.local_of.get(i, -1 - i) for i in people}
        who = r.who_of_mention(people[0]) if len(locals_) == 1 or text.find("\n") > r.m[people[0]].start else None
    out: list[Quote] = []
    for k, question in enumerate(is_question):
        if not question:
            continue
        for j in range(k + 1, min(len(paras), k + 1 + ANSWER_PARAGRAPHS)):
            s, e = paras[j]
            if is_question[j] or _byline_regex().match(text, s) or d.outside_quotes(s, e) != [(s, e)]:
                break  # a byline, or a paragraph of the writer's quoting someone: not an answer
            q = _make(d, s, e, "direct", who, None, None)
            if q is not None:
                out.append(q)
    return out

