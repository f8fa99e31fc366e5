"""The evaluation report: headline numbers, how they were counted, and the misses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronique.eval.scoring import Score

# (key, label) in the order the table shows them
HEADLINES = [
    ("quotes", "Quotes F1 (direct + partial)"),
    ("quote_precision", "  precision"),
    ("quote_recall", "  recall"),
    ("speaker_accuracy", "Speaker accuracy"),
    ("quote_kind_accuracy", "Direct/partial kind accuracy"),
    ("indirect_recall", "Indirect quotes recall"),
    ("indirect_speaker_accuracy", "  speaker accuracy"),
    ("timex_value_accuracy", "Timex value accuracy"),
    ("alias_merge", "Alias pairs merged"),
    ("stay_apart_merged", "Stay-apart pairs merged (count)"),
    ("stories_bcubed_f1", "Stories B-cubed F1"),
    ("timeline_recall", "Timeline recall"),
    ("documents", "Gold documents analysed"),
]


@dataclass
class EvalReport:
    gold: str
    model: str | None
    scores: dict[str, Score]
    counts: dict[str, int] = field(default_factory=dict)

    def value(self, key: str) -> float | None:
        return self.scores[key].value

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "model": self.model,
            "counts": self.counts,
            "metrics": {k: s.value for k, s in self.scores.items()},
            "details": {k: {"num": s.num, "den": s.den, **s.extra} for k, s in self.scores.items()},
            "misses": {k: s.misses for k, s in self.scores.items() if s.misses},
        }


def _fmt(key: str, s: Score) -> tuple[str, str]:
    if s.value is None:
        return "n/a", ""
    if key == "stay_apart_merged":
        return f"{int(s.value)}", f"of {s.den}"
    if key in _PR_KEYS:  # F1 scores: show what they are made of
        p, r = s.extra.get("precision"), s.extra.get("recall")
        return f"{s.value:.3f}", f"P {_num(p)}  R {_num(r)}"
    counted = f"{s.num}/{s.den}" if s.den else ""
    return f"{s.value:.3f}", counted


_PR_KEYS = {"quotes", "stories_bcubed_f1"}


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _miss_line(key: str, m: dict[str, Any]) -> str:
    if "anchor" in m:
        got = m.get("predicted")
        why = m.get("why")
        tail = f"expected {m.get('expected')}, predicted {got}" + (f" ({why})" if why else "")
        return f"[{m['doc']}] «{m['anchor']}» — {tail}"
    if "text" in m and "nth" in m:
        return f"[{m['doc']}] {m['text']!r}#{m['nth']} — expected {m['expected']}, predicted {m.get('predicted')} ({m.get('why')})"
    if "text" in m:
        return f"[{m['doc']}] «{m['text']}» — {m.get('why')} (speaker {m.get('speaker')})"
    if "pair" in m:
        return f"{m['pair'][0]} / {m['pair'][1]} — {m['why']}"
    if "date" in m:
        return f"{m['date']} {m['what']} {m['participants']} — {m['why']}"
    return ", ".join(f"{k}={v}" for k, v in m.items())


def format_report(report: EvalReport, max_misses: int = 15) -> str:
    """A readable table of the headline numbers followed by the first misses of each metric."""
    lines = [f"Gold: {report.gold}" + (f"   model: {report.model}" if report.model else "")]
    if report.counts:
        lines.append("Gold counts: " + ", ".join(f"{k} {v}" for k, v in report.counts.items()))
    lines.append("")
    width = max(len(label) for _, label in HEADLINES)
    lines.append(f"{'metric'.ljust(width)}  {'value':>7}  counted")
    lines.append(f"{'-' * width}  {'-' * 7}  -------")
    for key, label in HEADLINES:
        if key in report.scores:
            value, counted = _fmt(key, report.scores[key])
            lines.append(f"{label.ljust(width)}  {value:>7}  {counted}")
    for key, label in HEADLINES:
        s = report.scores.get(key)
        if s is None or not s.misses:
            continue
        lines.append("")
        lines.append(f"{label.strip()} — {len(s.misses)} miss(es):")
        for m in s.misses[:max_misses]:
            lines.append("  " + _miss_line(key, m))
        if len(s.misses) > max_misses:
            lines.append(f"  … {len(s.misses) - max_misses} more (see --json)")
    return "\n".join(lines)
