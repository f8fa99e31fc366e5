"""Story briefings a user can hand on: a self-contained HTML page and its Markdown twin.

``write(corpus, story_id, fmt, out)`` renders one story (the largest when
``story_id`` is None): a timeline chart (inline SVG), the dated items with their
sources, who said what per actor with the quotations and their articles, the key
entities, and the articles. The HTML carries its CSS inline and loads nothing:
it opens offline and can be mailed as one file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from chronique.model import CorpusAnalysis
from chronique.report.briefing import PRECISION_LABELS, Briefing, build

FORMATS = ("html", "md")
__all__ = ["FORMATS", "render", "write", "write_report", "build", "Briefing"]


def _md(text: object) -> str:
    """Markdown-safe inline text: no line breaks, no accidental emphasis, links or tables."""
    s = " ".join(str(text).split())
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "|", "#"):
        s = s.replace(ch, "\\" + ch)
    return s


@lru_cache(maxsize=2)
def _env(fmt: str) -> Environment:
    env = Environment(
        loader=PackageLoader("chronique.report", "templates"),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md
    env.globals["precision_labels"] = PRECISION_LABELS
    return env


def render(corpus: CorpusAnalysis, story_id: str | None, fmt: str) -> str:
    """The report as text (``fmt`` is ``html`` or ``md``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (choose {', '.join(FORMATS)})")
    briefing = build(corpus, story_id)
    template = _env(fmt).get_template(f"report.{fmt}.j2")
    return template.render(b=briefing)


def write(corpus: CorpusAnalysis, story_id: str | None, fmt: str, out: str | Path) -> Path:
    """Render and write the report; returns the path written."""
    out = Path(out)
    text = render(corpus, story_id, fmt)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out


write_report = write  # the name service.write_report imports
