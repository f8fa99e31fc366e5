"""The analysis JSON contract (spec/analysis-json.md), through the real command line.

``chronique analyze SEEDS --metadata SEEDS/metadata.csv --json OUT`` must write an
object valid under the shipped JSON Schema, with the publication dates of the
metadata, exact provenance for every span, and the same ids on a second run.
"""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from chronique import contract
from chronique.cli import app
from chronique.model import (
    CorpusAnalysis, DocAnalysis, Document, Entity, Event, Evidence, Mention, Quote, Span, Speaker, Story, Timex,
    TimelineItem,
)  # fmt: skip

pytestmark = pytest.mark.slow


def _run(paths: list[Path], out: Path, metadata: Path | None = None) -> dict[str, Any]:
    args = ["analyze", *map(str, paths), "--json", str(out)]
    if metadata is not None:
        args += ["--metadata", str(metadata)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_runs(seeds_dir, tmp_path_factory):
    """Two independent runs of the command on the seeds."""
    tmp = tmp_path_factory.mktemp("contract")
    meta = seeds_dir / "metadata.csv"
    return _run([seeds_dir], tmp / "out.json", meta), _run([seeds_dir], tmp / "again.json", meta)


@pytest.fixture(scope="module")
def examples_run(examples_dir, tmp_path_factory):
    meta = examples_dir / "metadata.csv"
    return _run([examples_dir], tmp_path_factory.mktemp("contract") / "out.json", meta if meta.is_file() else None)


def _spans(data: dict[str, Any]):
    """Every (document text, start, end, expected text, where) in the object, found by shape.

    Written apart from ``contract.check_offsets`` on purpose: any object carrying integer
    ``start``/``end`` is a span, its text is ``text`` (or ``trigger`` for events), and
    timeline evidence names its document.
    """
    texts = {d["id"]: d["text"] for d in data["documents"]}

    def walk(node: Any, doc_text: str, where: str):
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                expected = node.get("text", node.get("trigger"))
                yield doc_text, node["start"], node["end"], expected, where
            for key, value in node.items():
                if key != "text":
                    yield from walk(value, doc_text, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, doc_text, f"{where}[{i}]")

    for d in data["documents"]:
        yield from walk({k: v for k, v in d.items() if k != "text"}, d["text"], d["id"])
    for i, item in enumerate(data["timeline"]):
        for j, ev in enumerate(item["evidence"]):
            yield texts[ev["document"]], ev["start"], ev["end"], ev.get("text"), f"timeline[{i}].evidence[{j}]"


def _assert_exact_spans(data: dict[str, Any]) -> int:
    n = 0
    for text, start, end, expected, where in _spans(data):
        assert 0 <= start < end <= len(text), where
        assert expected is not None, f"{where}: a span without its text"
        assert text[start:end] == expected, where
        n += 1
    return n


def _ids(data: dict[str, Any]) -> dict[str, list]:
    return {
        "documents": [d["id"] for d in data["documents"]],
        "entities": sorted(e["id"] for e in data["entities"]),
        "mentions": [[m["entity"] for m in d["mentions"]] for d in data["documents"]],
        "events": [[e["id"] for e in d["events"]] for d in data["documents"]],
        "stories": sorted((s["id"], tuple(s["documents"])) for s in data["stories"]),
        "timeline": [(t["date"], t["story"], t.get("event")) for t in data["timeline"]],
    }


# --- the seeds, as the issue asks ---------------------------------------------------------


def test_contract_seeds_valid_under_schema(seeds_runs):
    jsonschema.Draft202012Validator.check_schema(contract.schema())
    jsonschema.validate(seeds_runs[0], contract.schema(), cls=jsonschema.Draft202012Validator)


def test_contract_seeds_five_documents_dated_by_metadata(seeds_runs, seeds_dir):
    data = seeds_runs[0]
    with open(seeds_dir / "metadata.csv", encoding="utf-8", newline="") as handle:
        expected = {row["file"]: row["published"] for row in csv.DictReader(handle)}
    assert len(data["documents"]) == 5
    got = {Path(d["path"]).name: (d["published"], d["published_source"]) for d in data["documents"]}
    assert got == {name: (date, "metadata") for name, date in expected.items()}
    for d in data["documents"]:
        assert (seeds_dir / Path(d["path"]).name).read_text(encoding="utf-8").strip() == d["text"]
        assert d["language"] == "fr"


def test_contract_seeds_every_span_is_exact(seeds_runs):
    data = seeds_runs[0]
    assert _assert_exact_spans(data) >= sum(len(d["mentions"]) for d in data["documents"]) > 0
    assert contract.check_offsets(data) == []


def test_contract_seeds_same_ids_on_second_run(seeds_runs):
    first, second = seeds_runs
    assert _ids(first) == _ids(second)
    assert first == second  # the whole object is deterministic


def test_contract_references_resolve(seeds_runs):
    data = seeds_runs[0]
    docs = {d["id"] for d in data["documents"]}
    entities = {e["id"] for e in data["entities"]}
    stories = {s["id"] for s in data["stories"]}
    for d in data["documents"]:
        assert {m["entity"] for m in d["mentions"]} - {None} <= entities
        assert {q["speaker"]["entity"] for q in d["quotes"] if q["speaker"]} - {None} <= entities
        assert {p for e in d["events"] for p in e["participants"]} <= entities
    assert {i for s in data["stories"] for i in s["documents"]} <= docs
    for t in data["timeline"]:
        assert t["story"] is None or t["story"] in stories
        assert set(t["participants"]) <= entities and t["evidence"]
    dates = [t["date"] for t in data["timeline"]]
    days = [d[:10] for d in dates if len(d) >= 10 and d[4] == "-" and d[7] == "-"]
    assert days == sorted(days)  # ordered by date (weeks, months, years sit where the timeline puts them)
    assert [d[:4] for d in dates] == sorted(d[:4] for d in dates)


# --- the bundled examples: every input format ---------------------------------------------


def test_contract_examples_valid_and_exact(examples_run, examples_dir):
    jsonschema.validate(examples_run, contract.schema(), cls=jsonschema.Draft202012Validator)
    assert len(examples_run["documents"]) >= 8
    assert _assert_exact_spans(examples_run) > 0
    assert contract.check_offsets(examples_run) == []


# --- the checks themselves must be able to fail -------------------------------------------

TEXT = "« Nous signerons lundi », a déclaré Anne Martin à Lyon. La grève a pris fin le 3 mars 2026."


def _at(s: str) -> tuple[int, int, str]:
    i = TEXT.index(s)
    return i, i + len(s), s


def _corpus() -> CorpusAnalysis:
    doc = Document(id="d-00aa", path="a.txt", text=TEXT, title=None, published="2026-03-01",
                   published_source="argument", language="fr", dateline=None)  # fmt: skip
    a = DocAnalysis(
        document=doc,
        mentions=[Mention(*_at("Anne Martin"), label="PER", entity="e-0001"), Mention(*_at("Lyon"), label="LOC")],
        quotes=[Quote(*_at("Nous signerons lundi"), kind="direct",
                      speaker=Speaker("Anne Martin", "e-0001", *_at("Anne Martin")[:2]), cue=Span(*_at("a déclaré")))],
        timexes=[Timex(*_at("lundi"), type="DATE", value="2026-03-02"), Timex(*_at("3 mars 2026"), type="DATE", value="2026-03-03")],
        events=[Event("v-0001", "strike_end", *_at("pris fin"), date="2026-03-03", participants=["e-0001"])],
    )  # fmt: skip
    return CorpusAnalysis(
        documents=[a],
        entities=[Entity("e-0001", "Anne Martin", "PER", ["Anne Martin"], 1, 1)],
        stories=[Story("s-0001", "Grève", ["d-00aa"])],
        timeline=[TimelineItem("2026-03-03", "s-0001", "fin de la grève", ["e-0001"], [Evidence("d-00aa", *_at("pris fin")[:2])])],
    )


def test_contract_synthetic_object_is_valid():
    data = contract.to_dict(_corpus())
    jsonschema.validate(data, contract.schema(), cls=jsonschema.Draft202012Validator)
    assert contract.check_offsets(data) == []
    assert _assert_exact_spans(data) == 9  # 2 mentions, quote + speaker + cue, 2 timexes, event trigger, evidence


@pytest.mark.parametrize(
    "path",
    [
        ("documents", 0, "mentions", 0),
        ("documents", 0, "quotes", 0),
        ("documents", 0, "quotes", 0, "speaker"),
        ("documents", 0, "quotes", 0, "cue"),
        ("documents", 0, "timexes", 1),
        ("documents", 0, "events", 0),
        ("timeline", 0, "evidence", 0),
    ],
)
def test_contract_check_offsets_finds_a_shifted_span(path):
    data = contract.to_dict(_corpus())
    node = data
    for key in path:
        node = node[key]
    node["start"] += 1
    node["end"] += 1
    assert len(contract.check_offsets(data)) == 1


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda d: d["documents"][0].pop("text"), "document without text"),
        (lambda d: d["documents"][0]["mentions"][0].update(label="PERSON"), "unknown label"),
        (lambda d: d["documents"][0]["quotes"][0].update(kind="reported"), "unknown quote kind"),
        (lambda d: d["documents"][0].update(published="3 mars 2026"), "published not ISO"),
        (lambda d: d["documents"][0].update(id="doc-1"), "document id pattern"),
        (lambda d: d["documents"][0]["timexes"][0].update(type="WHEN"), "timex type"),
        (lambda d: d["documents"][0]["mentions"][0].update(start=-1), "negative offset"),
        (lambda d: d.pop("timeline"), "no timeline"),
        (lambda d: d["entities"][0].pop("aliases"), "entity without aliases"),
        (lambda d: d["stories"][0].update(documents="d-00aa"), "story documents not a list"),
    ],
)
def test_contract_schema_rejects_broken_objects(mutate, why):
    data = copy.deepcopy(contract.to_dict(_corpus()))
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, contract.schema(), cls=jsonschema.Draft202012Validator)


def test_contract_write_to_stdout(capsys):
    contract.write(_corpus(), "-")
    assert json.loads(capsys.readouterr().out) == contract.to_dict(_corpus())


@pytest.mark.parametrize("table", contract.TABLES)
def test_contract_rows_same_columns_on_every_row(table):
    rows = contract.rows(_corpus(), table, flat=True)
    assert rows and len({tuple(r) for r in rows}) == 1
    assert all(not isinstance(v, (list, dict)) for r in rows for v in r.values())


# --- where the publication date comes from --------------------------------------------------

PLAIN = "Le conseil municipal a voté le budget des écoles après un long débat sur les cantines et le prix des repas."


def test_contract_published_precedence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "b.txt").write_text(PLAIN.replace("écoles", "crèches"), encoding="utf-8")
    meta = folder / "metadata.csv"
    meta.write_text("file,published,title\na.txt,2026-02-03,Budget voté\n", encoding="utf-8")
    data = _run([folder], tmp_path / "1.json", meta)
    got = {Path(d["path"]).name: (d["published"], d["published_source"], d["title"]) for d in data["documents"]}
    assert got["a.txt"] == ("2026-02-03", "metadata", "Budget voté")
    assert got["b.txt"][:2] == (None, None)  # no date anywhere: never invented
    result = CliRunner().invoke(
        app, ["analyze", str(folder), "--metadata", str(meta), "--published", "2026-05-01", "--json", "-"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # stdout holds the JSON alone; messages go to stderr
    got = {Path(d["path"]).name: (d["published"], d["published_source"]) for d in data["documents"]}
    assert got == {"a.txt": ("2026-02-03", "metadata"), "b.txt": ("2026-05-01", "argument")}
