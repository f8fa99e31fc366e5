"""Score a corpus analysis against gold annotations (the "Scoring" section of the gold spec).

Pure functions: a :class:`~chronique.eval.gold.Gold` and a
:class:`~chronique.model.CorpusAnalysis` in, numbers and the list of misses out,
so every rule below is tested on small synthetic cases.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.eval.gold import ARTICLE_SUFFIXES, Gold, GoldQuote, nth_occurrence
from chronique.model import CorpusAnalysis, DocAnalysis, Entity, Quote

COVER = 0.5  # share of a gold anchor a prediction must cover to match it
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name ("J.-P. Lemaire" == "jp lemaire")."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = _PUNCT.sub(lambda m: " " if m.group() in "-'" else "", bare)
    return _SPACE.sub(" ", bare).strip()


def coverage(start: int, end: int, span_start: int, span_end: int) -> float:
    """Share of [span_start, span_end) covered by [start, end)."""
    length = span_end - span_start
    if length <= 0:
        return 0.0
    return max(0, min(end, span_end) - max(start, span_start)) / length


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; 0 when nothing was found (recall 0), even if precision is undefined (nothing predicted)."""
    if r == 0:
        return 0.0
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """One metric: the value, how it was counted, and what went wrong."""

    value: float | None
    num: int = 0
    den: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)


_RECORD_SUFFIX = re.compile(r"(?:#\d+|:\d+)$")  # feed entry ``#n``, JSON Lines line ``:n``


def doc_stem(path: str) -> str:
    """A document's stem as the gold names it: file name without extension (and without ``#n`` / ``:n``)."""
    name = Path(_RECORD_SUFFIX.sub("", path)).name
    for suffix in ARTICLE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def align(gold: Gold, analysis: CorpusAnalysis) -> dict[str, DocAnalysis]:
    """Gold stem -> the analysed document it annotates (by file stem, first one wins)."""
    out: dict[str, DocAnalysis] = {}
    for a in analysis.documents:
        out.setdefault(doc_stem(a.document.path), a)
    return {stem: out[stem] for stem in gold.docs if stem in out}


def _anchor_span(text: str, anchor: str) -> tuple[int, int] | None:
    i = text.find(anchor)
    return None if i == -1 else (i, i + len(anchor))


def _covering(quotes: list[Quote], span: tuple[int, int]) -> list[Quote]:
    return [q for q in quotes if coverage(q.start, q.end, *span) >= COVER]


class SpeakerNames:
    """Names a predicted speaker goes by: its own and its corpus entity's canonical name."""

    def __init__(self, entities: list[Entity]):
        self.by_id = {e.id: e for e in entities}

    def of(self, quote: Quote) -> list[str]:
        if quote.speaker is None:
            return []
        names = [quote.speaker.name]
        ent = self.by_id.get(quote.speaker.entity or "")
        if ent is not None:
            names.append(ent.name)
        return names


def _speaker_ok(gold: Gold, expected: str, predicted: list[str]) -> bool:
    wanted = {normalise(n) for n in gold.names_of(expected)}
    return any(normalise(p) in wanted for p in predicted if p)


def _snippet(text: str, start: int, end: int, width: int = 70) -> str:
    s = text[start:end].replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def score_quotes(gold: Gold, analysis: CorpusAnalysis) -> dict[str, Score]:
    """Direct/partial quote P/R/F1, speaker accuracy, indirect recall."""
    docs = align(gold, analysis)
    names = SpeakerNames(analysis.entities)
    tp_pred = fp_pred = 0
    recall = Score(None)
    speaker = Score(None)
    indirect = Score(None)
    indirect_speaker = Score(None)
    kinds = Score(None)  # among matched gold quotes with a kind: the predicted kind agrees
    false_pos: list[dict[str, Any]] = []
    not_quote_hits = 0
    for stem, gdoc in gold.docs.items():
        a = docs.get(stem)
        if a is None:
            for q in gdoc.quotes:
                recall.den += 1
                recall.misses.append({"doc": stem, "anchor": q.anchor, "expected": q.speaker, "predicted": None, "why": "document not analysed"})
            indirect.den += len(gdoc.indirect_quotes)
            continue
        text = a.document.text
        quoted = [q for q in a.quotes if q.kind in ("direct", "partial")]
        gold_spans = _spans(text, gdoc.quotes, stem, recall)
        optional_spans = [s for s in (_anchor_span(text, q.anchor) for q in gdoc.optional_quotes) if s]
        not_spans = [s for s in (_anchor_span(text, n) for n in gdoc.not_quotes) if s]
        for q in quoted:
            if any(coverage(q.start, q.end, *s) >= COVER for _, s in gold_spans):
                tp_pred += 1
            elif any(coverage(q.start, q.end, *s) >= COVER for s in optional_spans):
                continue  # optional quotes never count against
            else:
                fp_pred += 1
                if any(coverage(q.start, q.end, *s) >= COVER for s in not_spans):
                    not_quote_hits += 1
                false_pos.append({"doc": stem, "text": _snippet(text, q.start, q.end), "speaker": q.speaker.name if q.speaker else None})
        for gq, span in gold_spans:
            recall.den += 1
            hits = _covering(quoted, span)
            if not hits:
                recall.misses.append({"doc": stem, "anchor": gq.anchor, "expected": gq.speaker, "predicted": None, "why": "quote not found"})
                continue
            recall.num += 1
            best = min(hits, key=lambda q: q.end - q.start)  # the most specific prediction (nested quotes)
            predicted = names.of(best)
            if gq.kind:
                kinds.den += 1
                if best.kind == gq.kind:
                    kinds.num += 1
                else:
                    kinds.misses.append({"doc": stem, "anchor": gq.anchor, "expected": gq.kind, "predicted": best.kind})
            speaker.den += 1
            if _speaker_ok(gold, gq.speaker, predicted):
                speaker.num += 1
            else:
                speaker.misses.append({"doc": stem, "anchor": gq.anchor, "expected": gq.speaker, "predicted": predicted[0] if predicted else None})
        for gq, span in _spans(text, gdoc.indirect_quotes, stem, indirect):
            indirect.den += 1
            hits = _covering(a.quotes, span)
            if not hits:
                indirect.misses.append({"doc": stem, "anchor": gq.anchor, "expected": gq.speaker, "predicted": None})
                continue
            indirect.num += 1
            best = min(hits, key=lambda q: q.end - q.start)
            indirect_speaker.den += 1
            predicted = names.of(best)
            if _speaker_ok(gold, gq.speaker, predicted):
                indirect_speaker.num += 1
            else:
                indirect_speaker.misses.append({"doc": stem, "anchor": gq.anchor, "expected": gq.speaker, "predicted": predicted[0] if predicted else None})
    precision = ratio(tp_pred, tp_pred + fp_pred)
    recall.value = ratio(recall.num, recall.den)
    speaker.value = ratio(speaker.num, speaker.den)
    indirect.value = ratio(indirect.num, indirect.den)
    indirect_speaker.value = ratio(indirect_speaker.num, indirect_speaker.den)
    kinds.value = ratio(kinds.num, kinds.den)
    quotes = Score(
        f1(precision, recall.value),
        extra={"precision": precision, "recall": recall.value, "predicted_matching": tp_pred,
               "predicted_unmatched": fp_pred, "gold": recall.den, "gold_found": recall.num,
               "not_quotes_predicted": not_quote_hits},
        misses=recall.misses + [dict(m, why="no gold quote here") for m in false_pos],
    )
    return {"quotes": quotes, "quote_precision": Score(precision, tp_pred, tp_pred + fp_pred),
            "quote_recall": Score(recall.value, recall.num, recall.den), "speaker_accuracy": speaker,
            "indirect_recall": indirect, "indirect_speaker_accuracy": indirect_speaker, "quote_kind_accuracy": kinds}


def _spans(text: str, quotes: list[GoldQuote], stem: str, score: Score) -> list[tuple[GoldQuote, tuple[int, int]]]:
    """Gold quotes located in the analysed text; a lost anchor is a miss (the reader changed the text)."""
    out = []
    for q in quotes:
        span = _anchor_span(text, q.anchor)
        if span is None:
            score.den += 1
            score.misses.append({"doc": stem, "anchor": q.anchor, "expected": q.speaker, "predicted": None, "why": "anchor not in analysed text"})
        else:
            out.append((q, span))
    return out


def normalise_value(value: str) -> str:
    v = value.strip().upper()
    if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$", v):
        v = v[:-3]
    return v


def score_timexes(gold: Gold, analysis: CorpusAnalysis) -> Score:
    """Share of gold expressions covered by a predicted timex with an accepted value."""
    docs = align(gold, analysis)
    score = Score(None)
    found = 0
    for stem, gdoc in gold.docs.items():
        a = docs.get(stem)
        for t in gdoc.timex:
            score.den += 1
            miss = {"doc": stem, "text": t.text, "nth": t.nth, "expected": t.value}
            if a is None:
                score.misses.append(dict(miss, predicted=None, why="document not analysed"))
                continue
            start = nth_occurrence(a.document.text, t.text, t.nth)
            if start == -1:
                score.misses.append(dict(miss, predicted=None, why="expression not in analysed text"))
                continue
            hits = [p for p in a.timexes if coverage(p.start, p.end, start, start + len(t.text)) >= COVER]
            if hits:
                found += 1
            accepted = {normalise_value(v) for v in t.values}
            if any(normalise_value(p.value) in accepted for p in hits):
                score.num += 1
            else:
                predicted = "; ".join(f"{p.text!r}={p.value}" for p in hits) or None
                score.misses.append(dict(miss, predicted=predicted, why="wrong value" if hits else "not found"))
    score.value = ratio(score.num, score.den)
    score.extra = {"found": found, "span_recall": ratio(found, score.den)}
    return score


def _entities_named(entities: list[Entity], name: str) -> set[str]:
    """Ids of predicted entities called ``name``: exact spelling first, else up to normalisation."""
    exact = {e.id for e in entities if name == e.name or name in e.aliases}
    if exact:
        return exact
    key = normalise(name)
    return {e.id for e in entities if key == normalise(e.name) or any(key == normalise(x) for x in e.aliases)}


def score_aliases(gold: Gold, analysis: CorpusAnalysis) -> tuple[Score, Score]:
    """(share of must-merge pairs in one entity, number of stay-apart pairs wrongly merged)."""
    merge = Score(None, den=len(gold.must_merge))
    for a, b in gold.must_merge:
        ea, eb = _entities_named(analysis.entities, a), _entities_named(analysis.entities, b)
        if ea & eb:
            merge.num += 1
        else:
            why = "not found: " + ", ".join(n for n, e in ((a, ea), (b, eb)) if not e) if not (ea and eb) else "separate entities"
            merge.misses.append({"pair": [a, b], "why": why})
    merge.value = ratio(merge.num, merge.den)
    apart = Score(0.0, den=len(gold.stay_apart))
    for a, b in gold.stay_apart:
        if _entities_named(analysis.entities, a) & _entities_named(analysis.entities, b):
            apart.num += 1
            apart.misses.append({"pair": [a, b], "why": "merged into one entity"})
    apart.value = float(apart.num)
    return merge, apart


def bcubed(gold: list[list[str]], predicted: list[list[str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of ``gold``; items no prediction holds are singletons."""
    gold_of = {x: frozenset(c) for c in gold for x in c}
    pred_of: dict[str, frozenset[str]] = {}
    for c in predicted:
        kept = frozenset(x for x in c if x in gold_of)
        for x in kept:
            pred_of.setdefault(x, kept)
    items = list(gold_of)
    if not items:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for x in items:
        pc, gc = pred_of.get(x, frozenset([x])), gold_of[x]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    p, r = p / len(items), r / len(items)
    return p, r, f1(p, r) or 0.0


def score_stories(gold: Gold, analysis: CorpusAnalysis) -> Score:
    stem_of = {a.document.id: doc_stem(a.document.path) for a in analysis.documents}
    predicted = [[stem_of[d] for d in s.documents if d in stem_of] for s in analysis.stories]
    p, r, f = bcubed(gold.stories, predicted)
    gold_ids = {x for c in gold.stories for x in c}
    shown = [sorted(x for x in c if x in gold_ids) for c in predicted]
    return Score(f if gold.stories else None, extra={"precision": p, "recall": r, "predicted": [c for c in shown if c]})


def _week(day: str) -> str:
    y, w, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    return f"{y}-W{w:02d}"


def timeline_value(date: str, precision: str | None) -> str:
    """A date at its precision as an ISO-TimeML value (2025-05-12 + week -> 2025-W20)."""
    date = date.strip().upper()
    if re.match(r"^\d{4}-\d{2}-\d{2}", date):
        if precision == "week":
            return _week(date)
        if precision == "month":
            return date[:7]
        if precision == "year":
            return date[:4]
        return date[:10]
    return date


def score_timeline(gold: Gold, analysis: CorpusAnalysis) -> Score:
    """Share of gold events with a predicted item on the same date value holding (up to) two of their participants."""
    by_id = {e.id: e for e in analysis.entities}
    score = Score(None, den=len(gold.timeline))
    items = [(timeline_value(t.date, t.precision), t) for t in analysis.timeline]
    for ev in gold.timeline:
        want = timeline_value(ev.date, ev.precision)
        needed = min(2, len(ev.participants))
        same_day = [t for v, t in items if v == want]
        ok = False
        best_found: list[str] = []
        for t in same_day:
            names: set[str] = set()
            for pid in t.participants:
                e = by_id.get(pid)
                if e is not None:
                    names |= {normalise(e.name), *(normalise(x) for x in e.aliases)}
            found = [p for p in ev.participants if any(normalise(n) in names for n in gold.names_of(p))]
            if len(found) > len(best_found):
                best_found = found
            if len(found) >= needed:
                ok = True
                break
        if ok:
            score.num += 1
        else:
            why = "no item on this date" if not same_day else f"participants found: {best_found or 'none'}"
            score.misses.append({"date": want, "what": ev.what, "participants": ev.participants, "why": why})
    score.value = ratio(score.num, score.den)
    return score


def score_all(gold: Gold, analysis: CorpusAnalysis) -> dict[str, Score]:
    scores = score_quotes(gold, analysis)
    scores["timex_value_accuracy"] = score_timexes(gold, analysis)
    scores["alias_merge"], scores["stay_apart_merged"] = score_aliases(gold, analysis)
    scores["stories_bcubed_f1"] = score_stories(gold, analysis)
    scores["timeline_recall"] = score_timeline(gold, analysis)
    missing = [s for s in gold.docs if s not in align(gold, analysis)]
    scores["documents"] = Score(ratio(len(gold.docs) - len(missing), len(gold.docs)), len(gold.docs) - len(missing), len(gold.docs),
                                misses=[{"doc": s, "why": "not in the analysis"} for s in missing])
    return scores


__all__ = ["Score", "score_all", "score_quotes", "score_timexes", "score_aliases", "score_stories",
           "score_timeline", "bcubed", "normalise", "coverage", "doc_stem", "timeline_value"]
