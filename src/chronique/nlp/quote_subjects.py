"""Who speaks: the subject of a verb of saying, inverted after it or standing before it.

The subject of a verb is read in the clause right before it first (« Selon X,
le ministre a dit »: the minister); organisations and collectives speak too
(« le syndicat », « l'administration X », « son entourage ») and a later « il »,
« elle », « ils », « elles » that agrees in gender and number continues them.
Speaker expressions (names, pronouns, titles, groups, possessives) are resolved
by :class:`quote_speakers.Resolver`; this module finds where they stand.
"""

from __future__ import annotations

import re

from chronique.nlp.quote_speakers import Who, quantity_end
from chronique.nlp.quote_speakers import groups as quote_groups
from chronique.nlp.speech_cues import AUX_AVOIR, AUX_ETRE, Cue
from chronique.nlp.quote_doc import ABBREV, DET, LEAD_REACH, PRONOUN_BEFORE, QuoteDoc, TIME_SKIP, trim, WEEKDAYS, WORDS

_QUI_BEFORE = re.compile(r"(?:,?\s*\bqui\s*,?(?:[^,]{0,80},)?|,\s*dont\s[^,]{0,80},)\s*$")  # « X, qui … », « X, dont le siège est à Y, »
_SLOT_STOP = re.compile(
    r"[.;:!?\n«»“”\"]|,\s+(?=[a-zàâçéèêëîïôûùüÿœ])"
    rf"|\s(?:à|au|aux|sur|sous|chez|contre|malgré|dans|devant|lors|alors|après|avant|en|pour|depuis|par|{WEEKDAYS}|hier|ce|cette|mais|et|qui|dont|lorsqu|quand|avec)\b"
)
_APPOS_NAME = re.compile(r",\s*([A-ZÀ-ÖØ-Þ](?:[^,.;:!?\n«»“”\"]|(?<=\b[A-Z])\.){0,60})")
_CLAUSE_PUNCT = re.compile(r"[,«»“”\"]")
_TITLE_OF = re.compile(r"(?:l['’]\s*|l[ea]\s+)[\w’'-]+(?P<of>\s+(?:de|du|d['’])\s*)", re.I)
_INDEFINITE = re.compile(r"(?:un|une)\s", re.I)
_TIME_TAIL = re.compile(rf"(?:\s+(?:{WEEKDAYS}|hier|matin|soir|encore|aussi|également))+\s*$", re.I)
_LEAD_PRONOUN = re.compile(r"[\s«»“”\"]*(?:[A-ZÀ-Þ][\w’'\- ]{0,40},\s*)?(?P<p>[Ii]ls?|[Ee]lles?)\b")
_AND = re.compile(r"\set\s")
_BY = re.compile(r"\bpar\s+")
_QUE_WORD = re.compile(r"\bqu(?:e\b|['’])", re.I)
_DONT = re.compile(r"dont\s+", re.I)
# « Au ministère, on assure que … », « Chez Varnel, on indique … »: « on » speaks for the place that opens the sentence
_ON_AT = re.compile(
    r"^\s*(?:Au|Aux|À\s+la|À\s+l['’]|A\s+la|Chez|Du\s+côté\s+d(?:u|e\s+la|e\s+l['’]|es))\s*(?P<g>[^,;:«»]{2,60}?)\s*,\s*on\s+"
    r"(?:(?:ne|n['’]|se|s['’]|y|en|nous)\s*)*$"
)
_AND_BEFORE = re.compile(r"\b(?:et|mais)\s+(?:(?:a|ont|avait|avaient|s['’]est|se\s+sont)\s+)?$")
_AND_LEAD = re.compile(r"(?:(?:et|mais)\s+)?")
_LETTER = re.compile(r"[^\W\d_]")
_CLITICS = frozenset("se s' s’ ne n' n’ y en lui leur l' l’".split())
PLURAL_DETS = frozenset({"les", "des", "ces", "plusieurs", "certains", "certaines", "quelques", "de"})
PLURAL_AUX = frozenset({"ont", "avaient", "auraient", "auront", "eurent", "sont", "étaient", "seraient", "seront", "furent"})
GROUP_LOOKBACK = 2  # sentences back where a pronoun may find the group that opened them
LEAD_PP = re.compile(
    r"(?:à|au|aux|devant|auprès\s+d[eu]s?|dans|sur)\s+(?:l['’]|la\s+|le\s+|les\s+|un\s+|une\s+|des\s+)?"
    r"[\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]*)*[\s,]+(?=\S)"
)


def slot_after(d: QuoteDoc, pos: int) -> tuple[int, int]:
    """The inverted subject after a verb of saying: up to punctuation or a preposition.

    Time words and a leading complement are skipped (« a déclaré lundi à la
    presse le ministre »); a title followed by « , Name » keeps the name
    (« a précisé la directrice de l'agence, Anne Martin »).
    """
    text = d.text
    start = pos
    for _ in range(3):
        m = TIME_SKIP.match(text, start)
        start = m.end() if m else start
        m = LEAD_PP.match(text, start)
        if not m:
            break
        start = m.end()
    limit = min(len(text), start + 140)
    end = limit
    for stop in _SLOT_STOP.finditer(text, start, limit):
        if stop.group() == "." and ABBREV.search(text, max(0, stop.start() - 5), stop.start()):
            continue
        end = stop.start()
        break
    if end < limit and text[end] == ",":
        nxt = _APPOS_NAME.match(text[end:limit])
        if nxt:
            end = end + nxt.end()
    return trim(text, start, end)


def resolve_slot(
    d: QuoteDoc, s: int, e: int, cue: Cue | None, pos: int, describe: bool = True
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
    same = _SAME.match(slot)
    if same is not None:  # « selon la même source »: the source the text last described with that noun
        earlier = list(re.finditer(rf"\b{re.escape(same['noun'])}s?\s+(?!mêmes?\b)[^\W\d_][^,.;:!?«»“”()\n]{{1,40}}", d.text[max(0, s - SAME_REACH) : s]))
        if earlier:
            return Who(" ".join(earlier[-1].group().split()[:4])), (s, e)
    if describe and DET.match(slot) and len(WORDS.findall(slot)) <= 6 and not _disagrees(d, cue, slot):  # « selon un diplomate européen »
        return Who(DET.sub("", slot)), (s, e)
    return None, None


def _disagrees(d: QuoteDoc, cue: Cue | None, slot: str) -> bool:
    """« …, a lancé des avions »: a singular auxiliary cannot have a plural subject (nor the reverse), so
    the noun phrase after the verb is its object, not an inverted subject."""
    if cue is None:
        return False
    aux = d.text[cue.start : cue.end].split(maxsplit=1)[0].lower()
    det = DET.match(slot).group().split()[0].lower()
    if aux in AUX_AVOIR | AUX_ETRE:
        return (det in PLURAL_DETS) != (aux in PLURAL_AUX)
    return False


def _has_verb(d: QuoteDoc, s: int, e: int) -> bool:
    return any(t.pos_ == "VERB" for t in d.doc.char_span(s, e, alignment_mode="contract") or ())


def _object_of_verb(d: QuoteDoc, pos: int) -> bool:
    """« L'Espagne réclame Paul Roy afin de le juger »: a name right after a verb is its object, not a speaker."""
    span = d.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if not span or span[0].i == 0:
        return False
    return span[0].nbor(-1).pos_ == "VERB"


def _unnamed_running(d: QuoteDoc, pos: int, word: str) -> Who | None:
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


def _pronoun(d: QuoteDoc, pos: int, word: str) -> Who | None:
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
        g = _coordinated_people(d, here, end) if plural and end > here else None
        if g is not None:
            return g
        g = _lead_group(d, here, end) if end > here else None
        if g is None and end > here and not plural:
            g = _lead_title(d, here, end)
        if g is not None and g.plural == plural and (g.gender is None or g.gender == gender):
            return g
        if here == 0:
            break
        here, end = d.sentence_start(here - 1), here
    return d.resolver.plural_mentioned(pos, gender) if plural else None  # « X a reçu les délégués. … ont-ils dit »


def _coordinated_people(d: QuoteDoc, start: int, end: int) -> Who | None:
    """« Son président, Anne Roy, et le trésorier, Paul Dorval, ont déposé plainte »: the first of the people
    coordinated as the subject opening ``text[start:end]`` (the head of the coordination), whom « ils » continues."""
    r = d.resolver
    per = [i for i in r.mentions_in(start, end) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start) and not r.is_complement(r.m[i].start)]
    if len(per) < 2 or r.m[per[0]].start - start > LEAD_REACH + 40:
        return None
    a, b = r.m[per[0]], r.m[per[1]]
    between = d.text[a.end : b.start]
    if not _AND.search(between) or len(between) > 80 or _has_verb(d, a.end, b.start):
        return None
    return r.titled(per[0], end)


def _first_verb(span):
    """The first verb of ``span``, with the clitics before it (« se sont réunis », « ne veut »): where its subject ends."""
    verb = next((t for t in span or () if t.pos_ in ("VERB", "AUX")), None)
    while verb is not None and verb.i > span.start and verb.nbor(-1).lower_ in _CLITICS:
        verb = verb.nbor(-1)
    return verb


def _lead_group(d: QuoteDoc, start: int, end: int, labels: tuple[str, ...] = ("ORG",)) -> Who | None:
    """The organisation or collective opening ``text[start:end]`` (« La Commission européenne a infligé … »).

    A plural subject before the first verb counts too: « Les salariés de l'usine
    ont manifesté », « X et ses alliés font pression » (the antecedent of « ils »).
    """
    r = d.resolver
    s, _ = trim(d.text, start, end)
    who = r.group(s, end)
    if who is not None:
        return who
    span = d.doc.char_span(s, end, alignment_mode="expand")
    verb = _first_verb(span)
    lead_end = trim(d.text, s, verb.idx)[1] if verb is not None and 0 < verb.idx - s <= 60 else None
    det = DET.match(d.text, s, end)
    plural = lead_end is not None and not _CLAUSE_PUNCT.search(d.text, s, lead_end) and (
        (det is not None and det.group().strip().lower() in ("les", "des")) or _AND.search(d.text, s, lead_end) is not None
        or quantity_end(d.text, s, lead_end) is not None
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


def _lead_title(d: QuoteDoc, start: int, end: int) -> Who | None:
    """« La ministre a rencontré … »: a titled person opening the sentence, named or described, with its gender."""
    s, _ = trim(d.text, start, end)
    det = DET.match(d.text, s, end)
    if det is None or det.group().strip().lower() not in ("le", "la", "l'", "l’"):
        return None
    span = d.doc.char_span(s, end, alignment_mode="expand")
    verb = _first_verb(span)
    if verb is None or not 0 < verb.idx - s <= 60:
        return None
    e = trim(d.text, s, verb.idx)[1]
    if _CLAUSE_PUNCT.search(d.text, s, e) or not d.resolver.titles_in(s, e):
        return None
    who = d.resolver.role(verb.idx, s, e)
    if who is None:
        who = _described(d, s, e)
    low = det.group().strip().lower()
    who.gender = who.gender or ("f" if low == "la" else "m" if low == "le" else None)
    return who


def subject_before(d: QuoteDoc, cue: Cue, win_start: int, depth: int = 0) -> tuple[Who | None, tuple[int, int] | None]:
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
    mo = _ON_AT.match(region)
    if mo:
        s, e = win_start + mo.start("g"), win_start + mo.end("g")
        if not r.in_quote(s):
            words = WORDS.findall(text, s, e)
            named = (r.group_introduced_as(words[0], s) or r.headed_by(words[0], s)) if len(words) == 1 else None  # « le ministère de X … Au ministère, on … »
            return (named or _described(d, s, e)), (s, e)
    mp = PRONOUN_BEFORE.search(region)
    if mp:
        ps = win_start + mp.start("p")
        pe = win_start + mp.end("p")
        if r.in_quote(ps):
            return None, None
        return _pronoun(d, ps, mp.group("p")), (ps, pe)
    if depth == 0 and _AND_BEFORE.search(text, max(win_start, cue.start - 30), cue.start):
        earlier = [c for c in d.cues_in(win_start, cue.start) if c.type != "name"]
        if earlier and d.running is not None and d.running[0] >= earlier[-1].start:
            return d.running[1], None  # « X, qui dit « … » mais redoute « … » »: the speaker already found for the first verb
        if earlier:  # « X a dénoncé « … » et annoncé que … »
            return subject_before(d, earlier[-1], win_start, depth + 1)
        who, span = main_subject(d, win_start, cue.start)  # « Le syndicat a chiffré les pertes …, et demande un prêt »
        if who is not None:
            return who, span
    limit = cue.start
    mq = _QUI_BEFORE.search(region)
    if mq:  # « X, qui, avec …, a insisté »: the antecedent of « qui »
        limit = win_start + mq.start()
        g = _group_ending_at(d, max(win_start, limit - 80), limit)
        of_title = _title_complement(d, win_start, g[1][0]) if g is not None else False
        if g is not None and not of_title:
            return g  # « l'administration X, qui a insisté »
        ante = [i for i in r.mentions_in(max(win_start, limit - 80), limit) if r.m[i].end >= limit - 1]
        if ante and not of_title and not _title_complement(d, win_start, r.m[ante[-1]].start):
            return r.titled(ante[-1], cue.start), (r.m[ante[-1]].start, r.m[ante[-1]].end)
        k = text.rfind(",", win_start, limit)
        s, e = trim(text, k + 1 if k >= 0 else win_start, limit)
        s += _AND_LEAD.match(text, s, e).end() - s  # « …, et un fonds, qui détient 5 %, réclame »
        who = r.role(cue.start, s, e) if DET.match(text[s:e]) and not r.in_quote(s) else None
        if who is not None:  # « L'élu, qui a passé la nuit …, a demandé »
            return who, (s, e)
        if of_title and DET.match(text[s:e]):
            return _described(d, s, e), (s, e)  # « Le directeur de la société X, qui … »: him, not X
        if DET.match(text[s:e]) and not r.in_quote(s) and len(WORDS.findall(text, s, e)) <= 6 and not _has_verb(d, s, e):
            return _described(d, s, e), (s, e)  # « un fonds d'investissement, qui détient 5 % du capital, réclame »
    else:
        who, span = clause_subject(d, win_start, cue.start)
        if span is not None:
            return who, span
    cands = [
        i for i in r.mentions_in(win_start, limit)
        if not r.in_quote(r.m[i].start) and not r.is_complement(r.m[i].start) and not _object_of_verb(d, r.m[i].start)
    ]
    per = [i for i in cands if r.m[i].label == "PER"]
    pick = r.coordination_head(per) if per else (cands[-1] if cands and limit - r.m[cands[-1]].end < 40 else None)
    if pick is not None:
        m = r.m[pick]
        return (r.titled(pick, cue.start) if m.label == "PER" else r.of_mention(pick)), (m.start, m.end)
    # a title or a person noun as subject: « Le ministre a déclaré », « Joint par téléphone, l'entraîneuse a dit »
    parts = d.outside_quotes(win_start, cue.start)
    if parts:
        s, e = parts[-1]
        k = text.rfind(",", s, e)
        s, e = trim(text, k + 1 if k >= 0 else s, e)
        who = r.role(cue.start, s, e) if not _has_verb(d, s, e) else None  # « X réclame Y afin de le juger »: a clause, no subject
        if who:
            return who, (s, e)
        e2 = _TIME_TAIL.sub("", text[s:e])  # « un diplomate européen estimait lundi »
        if _INDEFINITE.match(text, s) and r.titles_in(s, s + len(e2)) and not r.mentions_in(s, e) and len(WORDS.findall(e2)) <= 5:
            return _described(d, s, s + len(e2)), (s, s + len(e2))  # « Interrogé par X, un diplomate européen a estimé »
    # « Un haut responsable, s'exprimant sous couvert d'anonymat, a indiqué »: the phrase before the incise
    first = text.find(",", win_start, cue.start)
    if first > 0 and not text[text.rfind(",", win_start, cue.start) + 1 : cue.start].strip():
        s, e = trim(text, win_start, first)
        if DET.match(text[s:e]) and not r.mentions_in(s, e) and 1 <= len(WORDS.findall(text[s:e])) <= 7 and not r.in_quote(s):
            who = r.role(cue.start, s, e)
            return (who or _described(d, s, e)), (s, e)
    # a descriptive subject (« Les services de renseignement ont déclaré »): its words as the name
    s, e = trim(text, win_start, cue.start)
    toks = list(d.doc.char_span(s, e, alignment_mode="contract") or ())
    aux = [k for k, t in enumerate(toks) if t.pos_ == "AUX" and t.idx > s]
    if aux and all(t.pos_ in ("AUX", "ADV", "ADP", "PUNCT") for t in toks[aux[0]:]):
        aux = [toks[aux[0]]]  # « Le pays voisin a d'ailleurs annoncé »: the subject stops at its auxiliary
    else:
        aux = []
    if aux:
        s, e = trim(text, s, aux[0].idx)
    words = WORDS.findall(text[s:e])
    if 1 <= len(words) <= 7 and DET.match(text[s:e]) and not _CLAUSE_PUNCT.search(text[s:e]) and not _has_verb(d, s, e):
        return _described(d, s, e), (s, e)
    return None, None


_SAME = re.compile(r"(?:la|le|les)\s+mêmes?\s+(?P<noun>[^\W\d_]+)\s*$", re.I)
SAME_REACH = 1500  # characters back where « la même source » finds the source it repeats
_OF_END = re.compile(r"\b(?:de|du|des|d['’])\s*(?:l['’]\s*|la\s+|les?\s+)?(?:[a-zà-ÿ][\w-]*\s+)?$")  # « de la société »
_GROUP_START = re.compile(r"\b(?:l[ea]s?|des|l['’]|ses|son|sa|leurs?)\s*(?=\w)", re.I)


def _title_complement(d: QuoteDoc, win_start: int, pos: int) -> bool:
    """The phrase at ``pos`` completes a title (« La présidente de l'association, qui … »): the title's holder is
    the antecedent, not the organisation."""
    m = _OF_END.search(d.text, max(win_start, pos - 30), pos)
    if m is None:
        return False
    return any(not d.text[h.end : m.start()].strip() for h in d.resolver.titles_in(max(win_start, m.start() - 60), m.start()))


def _group_ending_at(d: QuoteDoc, start: int, end: int) -> tuple[Who, tuple[int, int]] | None:
    """A group phrase that ends right at ``end`` (« …avec l'administration X, qui … »)."""
    for m in reversed(list(_GROUP_START.finditer(d.text, start, end))):
        who = d.resolver.group(m.start(), end)
        if who is not None:
            s, e = trim(d.text, m.start(), end)
            return (who, (s, e)) if who.local is not None or d.text[s:e].endswith(who.name) else None
    return None


def _described(d: QuoteDoc, s: int, e: int) -> Who:
    """A descriptive speaker (« les habitants du quartier »): its words; a plural one may be « ils » later."""
    phrase = d.text[s:e]
    det = DET.match(phrase)
    counted = quantity_end(d.text, s, e)  # « une dizaine de délégués »
    plural = counted is not None or bool(det) and det.group().split()[0].lower() in PLURAL_DETS
    return Who(d.text[counted:e] if counted else DET.sub("", phrase), None, None, plural, plural)


def clause_subject(d: QuoteDoc, win_start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject in the last comma-separated stretch before ``end``, when that stretch names one.

    Returns (None, None) when the stretch is empty or says nothing conclusive, so
    that the caller reads the whole sentence (« Anne Roy, la ministre, a dit »).
    """
    text, r = d.text, d.resolver
    parts = d.outside_quotes(win_start, end)
    if not parts or parts[-1][1] != end:
        return None, None
    s, e = parts[-1]
    k = max(text.rfind(",", s, e), text.rfind(";", s, e))  # « …, X a dit » / « … ; X a dit »
    s, e = trim(text, k + 1 if k >= 0 else s, e)
    if e <= s:
        return None, None
    md = _DONT.match(text, s, e)
    if md and k >= 0:  # « X, dont l'administration a prévenu »: a group of X
        ante = [i for i in r.mentions_in(max(win_start, k - 80), k) if r.m[i].end >= k - 1]
        g = r.group(md.end(), e)
        if ante and g is not None:
            owner = r.who_of_mention(ante[-1]).name.split()[-1]
            joins = quote_groups().get(WORDS.findall(g.name)[0].lower())
            g.name = f"{g.name} {owner}" if joins is not None and joins.joins == "name" else f"{g.name} de {owner}"
            g.local = None
            return g, (s, e)
        return None, None
    who = r.group(s, e)
    if who is not None:
        return who, (s, e)
    counted = quantity_end(text, s, e)
    if counted is not None and len(WORDS.findall(text, s, e)) <= 12 and not _CLAUSE_PUNCT.search(text, s, e):
        if not _LETTER.search(text, counted, e):
            return None, None  # « 58 % se disent sceptiques »: a share of people, no speaker to name
        return _described(d, s, e), (s, e)  # « une dizaine de délégués de X ont appelé »: they, not X
    cands = [
        i for i in r.mentions_in(s, e)
        if not r.in_quote(r.m[i].start) and not r.is_complement(r.m[i].start) and not _object_of_verb(d, r.m[i].start)
    ]
    per = [i for i in cands if r.m[i].label == "PER"]
    if per:
        i = r.coordination_head(per)  # « X et Y ont déclaré »: X
        return r.titled(i, end), (r.m[i].start, r.m[i].end)
    if cands and e - r.m[cands[-1]].end < 40:
        m = r.m[cands[-1]]
        return r.of_mention(cands[-1]), (m.start, m.end)
    if k < 0 or not DET.match(text[s:e]):
        return None, None  # no comma: the whole sentence is the clause, read by the caller
    # « Selon X, le dirigeant a déclaré »: the description refers to someone before this sentence, not to X
    who = r.role(win_start, s, e)
    if who is not None:
        return who, (s, e)
    if len(WORDS.findall(text[s:e])) <= 7:
        return _described(d, s, e), (s, e)
    return None, None


def same_speaker(d: QuoteDoc, cue: Cue, win: int) -> bool:
    """« …, précisant que », « …, qui réclame « … » »: the speaker already named in this sentence."""
    if d.running is None or d.running[0] < win:
        return False
    if cue.participle_clause:
        return True
    m = _QUI_BEFORE.search(d.text, max(win, cue.start - 90), cue.start)
    return bool(m) and not d.resolver.mentions_in(max(win, m.start() - 3), m.start() + 1)


def sentence_lead(d: QuoteDoc, people: list[int], start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
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


def passive_agent(d: QuoteDoc, start: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The agent of a passive verb of saying: « par X » between the verb and the reported speech."""
    m = _BY.search(d.text, start, end)
    if m is None:
        return None, None
    s, e = slot_after(d, m.end())
    q = _QUE_WORD.search(d.text, s, e)
    s, e = trim(d.text, s, q.start() if q else e)
    return resolve_slot(d, s, e, None, m.end())


def main_subject(d: QuoteDoc, win: int, end: int) -> tuple[Who | None, tuple[int, int] | None]:
    """The subject opening the sentence: a group (« L'administration X s'est jointe … ») or a person."""
    r = d.resolver
    people = [i for i in r.mentions_in(win, end) if r.m[i].label == "PER" and not r.in_quote(r.m[i].start)]
    who = _lead_group(d, win, end, ("ORG", "LOC"))
    if who is not None:
        return who, (win, win + len(who.name))
    return sentence_lead(d, people, win, end)
