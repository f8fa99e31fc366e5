"""Read and check a gold annotation file (``shared/spec/gold-format.md``).

A gold file that does not follow the format is a bug in the gold, not in the
system being scored, so every problem raises :class:`GoldFormatError` naming the
file, the document and the annotation — before anything is analysed.

Three fields extend the shared format: ``articles`` (top level, the folder holding
the articles, relative to the gold file; default: the gold file's folder),
``type`` on a timex and ``kind`` (direct | partial) on a quote (informative only).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.errors import GoldFormatError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".md", ".rss", ".atom", ".xml")
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
QUOTE_KINDS = {"direct", "partial"}
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
PRECISIONS = {"day", "week", "month", "year"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class GoldQuote:
    anchor: str
    speaker: str
    kind: str | None = None  # direct | partial: informative, reported but not scored


@dataclass(slots=True)
class GoldTimex:
    text: str
    nth: int
    value: str
    accept: list[str] = field(default_factory=list)
    type: str | None = None

    @property
    def values(self) -> list[str]:
        return [self.value, *self.accept]


@dataclass(slots=True)
class GoldDoc:
    stem: str
    published: str | None
    path: Path | None
    quotes: list[GoldQuote] = field(default_factory=list)
    optional_quotes: list[GoldQuote] = field(default_factory=list)
    indirect_quotes: list[GoldQuote] = field(default_factory=list)
    timex: list[GoldTimex] = field(default_factory=list)
    not_quotes: list[str] = field(default_factory=list)  # anchors


@dataclass(slots=True)
class GoldEntity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldEvent:
    date: str
    precision: str
    participants: list[str]
    what: str = ""
    docs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Gold:
    path: Path
    articles: Path
    docs: dict[str, GoldDoc]
    entities: list[GoldEntity] = field(default_factory=list)
    must_merge: list[tuple[str, str]] = field(default_factory=list)
    stay_apart: list[tuple[str, str]] = field(default_factory=list)
    stories: list[list[str]] = field(default_factory=list)
    timeline: list[GoldEvent] = field(default_factory=list)

    def names_of(self, name: str) -> list[str]:
        """Every way the gold spells the referent called ``name`` (canonical name first)."""
        for e in self.entities:
            if name == e.name or name in e.aliases:
                return [e.name, *e.aliases]
        return [name]

    def article_paths(self) -> list[Path]:
        stems = list(self.docs) + [s for story in self.stories for s in story if s not in self.docs]
        return [p for p in (find_article(self.articles, s) for s in dict.fromkeys(stems)) if p is not None]


def find_article(folder: Path, stem: str) -> Path | None:
    """The article file whose name without extension is ``stem``."""
    for suffix in ARTICLE_SUFFIXES:
        p = folder / f"{stem}{suffix}"
        if p.is_file():
            return p
    return None


def article_text(path: Path) -> str:
    """The text chronique analyses for ``path`` (its first article), read by the real ingest readers.

    Anchors and ``nth`` counts are checked against exactly this text, so a reader that
    reshapes HTML, JSON or a feed cannot silently move an annotation.
    """
    from chronique.ingest import read_paths  # heavy (trafilatura, feedparser): only when checking articles

    for item in read_paths([path]):
        if isinstance(item, Exception):
            raise GoldFormatError(f"{path}: article cannot be read: {item}")
        return item.text
    raise GoldFormatError(f"{path}: no article in this file")


def nth_occurrence(text: str, needle: str, nth: int) -> int:
    """Start of the ``nth`` (1-based) occurrence of ``needle`` in ``text``, or -1."""
    i = -1
    for _ in range(nth):
        i = text.find(needle, i + 1)
        if i == -1:
            return -1
    return i


class _Reader:
    """Walks the JSON with a location so every error says where it is."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, message: str) -> GoldFormatError:
        return GoldFormatError(f"{self.path}: {where}: {message}")

    def obj(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        return value

    def lst(self, value: Any, where: str) -> list:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {type(value).__name__}")
        return value

    def string(self, value: Any, where: str, empty: bool = False) -> str:
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(where, f"expected a non-empty string, got {value!r}")
        return value

    def strings(self, value: Any, where: str) -> list[str]:
        return [self.string(v, f"{where}[{i}]") for i, v in enumerate(self.lst(value, where))]

    def pair(self, value: Any, where: str) -> tuple[str, str]:
        items = self.strings(value, where)
        if len(items) != 2:
            raise self.fail(where, f"expected a pair of names, got {len(items)} items")
        return items[0], items[1]


def _quotes(r: _Reader, raw: dict, key: str, where: str) -> list[GoldQuote]:
    out = []
    for i, q in enumerate(r.lst(raw.get(key, []), f"{where}.{key}")):
        w = f"{where}.{key}[{i}]"
        q = r.obj(q, w)
        kind = q.get("kind")
        if kind is not None and kind not in QUOTE_KINDS:
            raise r.fail(f"{w}.kind", f"kind must be one of {sorted(QUOTE_KINDS)}, got {kind!r}")
        out.append(GoldQuote(anchor=r.string(q.get("anchor"), f"{w}.anchor"), speaker=r.string(q.get("speaker"), f"{w}.speaker"), kind=kind))
    return out


def _timexes(r: _Reader, raw: dict, where: str) -> list[GoldTimex]:
    out = []
    for i, t in enumerate(r.lst(raw.get("timex", []), f"{where}.timex")):
        w = f"{where}.timex[{i}]"
        t = r.obj(t, w)
        nth = t.get("nth", 1)
        if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
            raise r.fail(w, f"nth must be a positive integer, got {nth!r}")
        ttype = t.get("type")
        if ttype is not None and ttype not in TIMEX_TYPES:
            raise r.fail(w, f"type must be one of {sorted(TIMEX_TYPES)}, got {ttype!r}")
        out.append(
            GoldTimex(
                text=r.string(t.get("text"), f"{w}.text"),
                nth=nth,
                value=r.string(t.get("value"), f"{w}.value"),
                accept=r.strings(t.get("accept", []), f"{w}.accept"),
                type=ttype,
            )
        )
    return out


def _check_anchors(r: _Reader, doc: GoldDoc, text: str) -> None:
    where = f"docs.{doc.stem}"
    for key in ("quotes", "optional_quotes", "indirect_quotes"):
        for i, q in enumerate(getattr(doc, key)):
            n = text.count(q.anchor)
            if n != 1:
                state = "not found" if n == 0 else f"not unique ({n} occurrences)"
                raise r.fail(f"{where}.{key}[{i}]", f"anchor {q.anchor!r} {state} in {doc.path.name}")
    for anchor in doc.not_quotes:
        n = text.count(anchor)
        if n != 1:
            raise r.fail(f"not_quotes ({doc.stem})", f"anchor {anchor!r} occurs {n} times in {doc.path.name}")
    for i, t in enumerate(doc.timex):
        if nth_occurrence(text, t.text, t.nth) == -1:
            raise r.fail(f"{where}.timex[{i}]", f"{t.text!r} has fewer than {t.nth} occurrences in {doc.path.name}")


def load_gold(path: str | Path, check_articles: bool = True) -> Gold:
    """Read a gold file; with ``check_articles`` every stem must name an article and every anchor be unique in it."""
    path = Path(path)
    r = _Reader(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldFormatError(f"{path}: cannot read: {e}") from e
    except json.JSONDecodeError as e:
        raise GoldFormatError(f"{path}: not JSON: {e}") from e
    data = r.obj(data, "top level")
    articles = (path.parent / r.string(data.get("articles", "."), "articles")).resolve()

    docs: dict[str, GoldDoc] = {}
    for stem, raw in r.obj(data.get("docs"), "docs").items():
        where = f"docs.{stem}"
        raw = r.obj(raw, where)
        published = raw.get("published")
        if published is not None and not (isinstance(published, str) and _ISO_DATE.match(published)):
            raise r.fail(f"{where}.published", f"expected an ISO date, got {published!r}")
        docs[stem] = GoldDoc(
            stem=stem,
            published=published,
            path=find_article(articles, stem),
            quotes=_quotes(r, raw, "quotes", where),
            optional_quotes=_quotes(r, raw, "optional_quotes", where),
            indirect_quotes=_quotes(r, raw, "indirect_quotes", where),
            timex=_timexes(r, raw, where),
        )

    def known(stem: Any, where: str) -> str:
        stem = r.string(stem, where)
        if stem not in docs and (not check_articles or find_article(articles, stem) is None):
            raise r.fail(where, f"unknown document stem {stem!r}")
        return stem

    for i, nq in enumerate(r.lst(data.get("not_quotes", []), "not_quotes")):
        nq = r.obj(nq, f"not_quotes[{i}]")
        stem = r.string(nq.get("doc"), f"not_quotes[{i}].doc")
        if stem not in docs:
            raise r.fail(f"not_quotes[{i}].doc", f"unknown document stem {stem!r}")
        docs[stem].not_quotes.append(r.string(nq.get("anchor"), f"not_quotes[{i}].anchor"))

    entities = []
    for i, e in enumerate(r.lst(data.get("entities", []), "entities")):
        e = r.obj(e, f"entities[{i}]")
        etype = e.get("type")
        if etype not in ENTITY_TYPES:
            raise r.fail(f"entities[{i}].type", f"expected one of {sorted(ENTITY_TYPES)}, got {etype!r}")
        entities.append(GoldEntity(r.string(e.get("name"), f"entities[{i}].name"), etype, r.strings(e.get("aliases", []), f"entities[{i}].aliases")))

    stories = []
    for i, story in enumerate(r.lst(data.get("stories", []), "stories")):
        stories.append([known(s, f"stories[{i}][{j}]") for j, s in enumerate(r.lst(story, f"stories[{i}]"))])
    seen: dict[str, int] = {}
    for i, story in enumerate(stories):
        for s in story:
            if s in seen:
                raise r.fail(f"stories[{i}]", f"{s!r} is already in stories[{seen[s]}]")
            seen[s] = i

    timeline = []
    for i, ev in enumerate(r.lst(data.get("timeline", []), "timeline")):
        w = f"timeline[{i}]"
        ev = r.obj(ev, w)
        precision = ev.get("precision", "day")
        if precision not in PRECISIONS:
            raise r.fail(f"{w}.precision", f"expected one of {sorted(PRECISIONS)}, got {precision!r}")
        participants = r.strings(ev.get("participants", []), f"{w}.participants")
        timeline.append(
            GoldEvent(
                date=r.string(ev.get("date"), f"{w}.date"),
                precision=precision,
                participants=participants,
                what=r.string(ev.get("what", ""), f"{w}.what", empty=True),
                docs=[known(s, f"{w}.docs[{j}]") for j, s in enumerate(r.lst(ev.get("docs", []), f"{w}.docs"))],
            )
        )

    gold = Gold(
        path=path,
        articles=articles,
        docs=docs,
        entities=entities,
        must_merge=[r.pair(p, f"alias_pairs_that_must_merge[{i}]") for i, p in enumerate(r.lst(data.get("alias_pairs_that_must_merge", []), "alias_pairs_that_must_merge"))],
        stay_apart=[r.pair(p, f"names_that_must_stay_apart[{i}]") for i, p in enumerate(r.lst(data.get("names_that_must_stay_apart", []), "names_that_must_stay_apart"))],
        stories=stories,
        timeline=timeline,
    )
    if check_articles:
        for doc in docs.values():
            if doc.path is None:
                raise r.fail(f"docs.{doc.stem}", f"unknown document stem: no article {doc.stem}.* in {articles}")
            _check_anchors(r, doc, article_text(doc.path))
    return gold
