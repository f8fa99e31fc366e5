"""The analysis JSON contract (spec/analysis-json.md): CorpusAnalysis to plain data.

Every field the spec lists is written, in the spec's shape; a few more are added
(extra fields are allowed, never renamed or dropped). ``schema()`` is the JSON
Schema of that shape, shipped as ``chronique/schema/analysis.schema.json``, and
``check_offsets`` verifies provenance: ``text[start:end]`` is each span's text.
Tabular views (``rows``) feed ``chronique export``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronique.model import CorpusAnalysis, DocAnalysis, Entity, Span, Story, TimelineItem


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def document(a: DocAnalysis) -> dict[str, Any]:
    d = a.document
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "published": d.published,
        "published_source": d.published_source,
        "language": d.language,
        "text": d.text,
        "source": d.source,
        "url": d.url,
        "author": d.author,
        "format": d.format,
        "duplicate_of": d.duplicate_of,
        "body_start": d.body_start,
        "dateline": _span(d.dateline),
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity": m.entity, "role": m.role}
            for m in a.mentions
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": None
                if q.speaker is None
                else {
                    "name": q.speaker.name,
                    "entity": q.speaker.entity,
                    "start": q.speaker.start,
                    "end": q.speaker.end,
                    # the words that stood for the speaker here ("le président"), beside the canonical name
                    "text": None if q.speaker.start is None or q.speaker.end is None
                    else d.text[q.speaker.start : q.speaker.end],
                },
                "cue": _span(q.cue),
            }
            for q in a.quotes
        ],
        "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
                    for t in a.timexes],
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "start": e.start,
                "end": e.end,
                "trigger": e.trigger,
                "date": e.date,
                "participants": list(e.participants),
                "place": e.place,
            }
            for e in a.events
        ],
    }


def entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "documents": e.documents,
        "mentions": e.mentions,
        "titles": list(e.titles),
    }


def story(s: Story) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "documents": list(s.documents)}


def timeline_item(t: TimelineItem, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "date": t.date,
        "story": t.story,
        "summary": t.summary,
        "participants": list(t.participants),
        "evidence": [
            {"document": ev.document, "start": ev.start, "end": ev.end, "text": texts.get(ev.document, "")[ev.start : ev.end]}
            for ev in t.evidence
        ],
        "type": t.type,
        "precision": t.precision,
        "event": t.event,
    }


def to_dict(corpus: CorpusAnalysis) -> dict[str, Any]:
    """The whole analysis as the contract's JSON object."""
    texts = {a.document.id: a.document.text for a in corpus.documents}
    return {
        "documents": [document(a) for a in corpus.documents],
        "entities": [entity(e) for e in corpus.entities],
        "stories": [story(s) for s in corpus.stories],
        "timeline": [timeline_item(t, texts) for t in corpus.timeline],
    }


def write(corpus: CorpusAnalysis, out: str | Path) -> None:
    """Write the contract JSON to a file, or to stdout when ``out`` is ``-``."""
    text = json.dumps(to_dict(corpus), ensure_ascii=False, indent=1)
    if str(out) == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the contract (draft 2020-12)."""
    return json.loads(resources.files("chronique").joinpath("schema", "analysis.schema.json").read_text("utf-8"))


def check_offsets(data: dict[str, Any]) -> list[str]:
    """Every provenance problem in a contract object (empty when all spans are exact)."""
    problems: list[str] = []
    texts = {d["id"]: d["text"] for d in data["documents"]}

    def check(doc_id: str, what: str, start: Any, end: Any, expected: str | None) -> None:
        text = texts.get(doc_id)
        if text is None:
            problems.append(f"{what}: unknown document {doc_id}")
        elif not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{doc_id} {what}: offsets {start}:{end} outside the text")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{doc_id} {what}: text[{start}:{end}]={text[start:end]!r} != {expected!r}")

    for d in data["documents"]:
        i = d["id"]
        for m in d["mentions"]:
            check(i, "mention", m["start"], m["end"], m["text"])
        for q in d["quotes"]:
            check(i, "quote", q["start"], q["end"], q["text"])
            sp = q.get("speaker")
            if sp and (sp.get("start") is not None or sp.get("end") is not None):
                check(i, "speaker", sp.get("start"), sp.get("end"), sp.get("text"))
            if q.get("cue"):
                check(i, "cue", q["cue"]["start"], q["cue"]["end"], q["cue"]["text"])
        for t in d["timexes"]:
            check(i, "timex", t["start"], t["end"], t["text"])
        for e in d["events"]:
            check(i, "event", e["start"], e["end"], e["trigger"])
        if d.get("dateline"):
            check(i, "dateline", d["dateline"]["start"], d["dateline"]["end"], d["dateline"]["text"])
    for t in data["timeline"]:
        for ev in t["evidence"]:
            check(ev["document"], "evidence", ev["start"], ev["end"], ev.get("text"))
    return problems


def _flat(value: Any) -> Any:
    return "|".join(map(str, value)) if isinstance(value, list) else value


def rows(corpus: CorpusAnalysis, table: str, flat: bool = False) -> list[dict[str, Any]]:
    """One table of the analysis as rows (for CSV / Parquet / JSONL export).

    ``documents`` (one row per article, with counts), ``mentions``, ``quotes``,
    ``timexes``, ``entities``, ``stories`` or ``timeline``; ``flat`` joins lists with ``|``.
    """
    out: list[dict[str, Any]]
    if table == "documents":
        out = [
            {
                "id": a.document.id, "path": a.document.path, "title": a.document.title,
                "published": a.document.published, "published_source": a.document.published_source,
                "language": a.document.language, "source": a.document.source, "url": a.document.url,
                "duplicate_of": a.document.duplicate_of, "mentions": len(a.mentions), "quotes": len(a.quotes),
                "timexes": len(a.timexes), "events": len(a.events), "text": a.document.text,
            }  # fmt: skip
            for a in corpus.documents
        ]
    elif table in ("mentions", "quotes", "timexes"):
        out = []
        for a in corpus.documents:
            for item in document(a)[table]:
                row = {"document": a.document.id}
                for k, v in item.items():
                    if isinstance(v, dict):  # speaker / cue
                        row.update({f"{k}_{kk}": vv for kk, vv in v.items()})
                    elif v is None and k in ("speaker", "cue"):
                        continue
                    else:
                        row[k] = v
                out.append(row)
        if table == "quotes":  # same columns on every row, whatever the speaker/cue
            keys = ["document", "start", "end", "text", "kind", "speaker_name", "speaker_entity",
                    "speaker_start", "speaker_end", "speaker_text", "cue_start", "cue_end", "cue_text"]  # fmt: skip
            out = [{k: r.get(k) for k in keys} for r in out]
    elif table == "entities":
        out = [{k: v for k, v in entity(e).items() if k != "titles"} for e in corpus.entities]
    elif table == "stories":
        out = [story(s) for s in corpus.stories]
    elif table == "timeline":
        texts = {a.document.id: a.document.text for a in corpus.documents}
        out = []
        for t in corpus.timeline:
            item = timeline_item(t, texts)
            item["evidence"] = [f"{e['document']}:{e['start']}-{e['end']}" for e in item["evidence"]]
            out.append(item)
    else:
        raise ValueError(f"unknown table {table!r}")
    if flat:
        out = [{k: _flat(v) for k, v in r.items()} for r in out]
    return out


TABLES = ("documents", "mentions", "quotes", "timexes", "entities", "stories", "timeline")
