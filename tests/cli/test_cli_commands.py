"""The commands on a real database: help, usage errors (exit 2), search, show, export, eval, report."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique import contract
from chronique.cli import app
from chronique.store import SQLiteStore
from chronique.store.query import fold

COMMANDS = ["ingest", "analyze", "search", "show", "export", "eval", "report", "langdata"]
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(examples_dir, tmp_path_factory) -> Path:
    """The examples ingested once into a database the tests only read."""
    path = tmp_path_factory.mktemp("cli") / "c.db"
    meta = examples_dir / "metadata.csv"
    args = ["ingest", examples_dir, "--db", path] + (["--metadata", meta] if meta.is_file() else [])
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_on_every_command(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output and command in result.output


def test_cli_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_cli_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.startswith("chronique ")


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["analyze", "x.txt"],  # --json missing
        ["analyze", "--json", "out.json"],  # no path
        ["ingest", "x.txt", "--published", "mardi"],
        ["ingest", "x.txt", "--metadata", "no-such.csv"],
        ["ingest", "x.txt", "--bogus"],
        ["export", "--format", "xml"],
        ["export", "--table", "nope"],
        ["export", "--format", "parquet"],  # parquet needs -o
        ["search"],
        ["search", "x", "--limit", "0"],
        ["report", "--format", "pdf"],
    ],
)
def test_cli_usage_errors_exit_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["search", "paix"], ["show", "d-0"], ["export"]])
def test_cli_missing_database_exit_3(command, tmp_path):
    result = invoke(*command, "--db", tmp_path / "none.db")
    assert result.exit_code == 3
    assert "none.db" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()  # a read never creates a database


def test_cli_not_a_chronique_database(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 200)
    result = invoke("search", "paix", "--db", junk)
    assert result.exit_code == 3 and "junk.db" in result.stderr


@pytest.mark.slow
def test_cli_reingest_adds_nothing(db, examples_dir):
    before = SQLiteStore(db)
    n = len(before)
    before.close()
    result = invoke("ingest", examples_dir, "--db", db)
    assert result.exit_code == 0
    assert "added 0 document(s)" in result.stderr
    with SQLiteStore(db) as store:
        assert len(store) == n


@pytest.mark.slow
def test_cli_search_without_accents(db):
    with SQLiteStore(db) as store:
        word = next(w for d in store.documents() for w in d.text.split() if w.isalpha() and fold(w) != w.lower() and len(w) > 5)
        expected = {d.id for d in store.documents() if word.lower() in d.text.lower()}
    result = invoke("search", fold(word).upper(), "--db", db, "--json", "--limit", 50)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits and {h["document"] for h in hits} >= expected


@pytest.mark.slow
@pytest.mark.parametrize("query", ['"', "(", "cessez-le-", "NEAR(a b)", "*", "AND", "l'", '"unbalanced OR (', "-", "x:y"])
def test_cli_search_hostile_queries(db, query):
    result = invoke("search", query, "--db", db)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_cli_show_by_id_prefix_and_path(db):
    with SQLiteStore(db) as store:
        doc = next(store.documents())
    for key in (doc.id, doc.id[:8], Path(doc.path).name):
        result = invoke("show", key, "--db", db, "--json")
        assert result.exit_code == 0, (key, result.output)
        assert json.loads(result.stdout)["text"] == doc.text
    text = invoke("show", doc.id, "--db", db)
    assert text.exit_code == 0 and doc.id in text.stdout
    assert invoke("show", "d-nothing", "--db", db).exit_code == 3


@pytest.mark.slow
@pytest.mark.parametrize("table", contract.TABLES)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_export_formats(db, table, fmt, tmp_path):
    out = tmp_path / f"export.{fmt}"
    result = invoke("export", "--format", fmt, "--table", table, "-o", out, "--db", db)
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        expected = contract.rows(store.load_corpus(), table)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist() if expected else []
    assert len(rows) == len(expected)
    if table == "documents" and rows:
        assert {r["id"] for r in rows} == {r["id"] for r in expected}
        assert {r["text"] for r in rows} == {r["text"] for r in expected}  # accents and quotes survive


@pytest.mark.slow
def test_cli_export_jsonl_to_stdout_is_the_contract(db):
    result = invoke("export", "--db", db)
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    import jsonschema

    one_document = {"$defs": contract.schema()["$defs"], "$ref": "#/$defs/document"}
    assert docs
    for d in docs:
        jsonschema.validate(d, one_document, cls=jsonschema.Draft202012Validator)


@pytest.mark.slow
def test_cli_eval_examples_gold(gold_dir, examples_dir):
    gold = gold_dir / "examples.json"
    if not gold.is_file():
        pytest.skip("no examples gold")
    result = invoke("eval", gold, "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), dict)


@pytest.mark.parametrize("content", ["{not json", '{"documents": 3}', "[]"])
def test_cli_eval_bad_gold_one_line(content, tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    result = invoke("eval", gold)
    assert result.exit_code not in (0, 2)
    assert "gold.json" in result.stderr and "Traceback" not in result.output


@pytest.mark.slow
def test_cli_report_from_database(db, tmp_path):
    result = invoke("report", "--db", db, "-o", tmp_path / "r.html")
    try:
        from chronique.report import write_report  # noqa: F401
    except ImportError:
        assert result.exit_code == 3 and "chronique.report" in result.stderr
        return
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").stat().st_size > 0


@pytest.mark.slow
def test_cli_report_unknown_story(db, tmp_path):
    result = invoke("report", "--db", db, "--story", "s-nope", "-o", tmp_path / "r.html")
    assert result.exit_code == 3 and not (tmp_path / "r.html").exists()


@pytest.mark.slow
def test_cli_db_option_keeps_databases_apart(examples_dir, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    folder = tmp_path / "in"
    folder.mkdir()
    files = sorted(examples_dir.glob("*.txt"))[:2]
    shutil.copy(files[0], folder)
    assert invoke("ingest", folder, "--db", one).exit_code == 0
    shutil.copy(files[1], folder)
    assert invoke("ingest", folder / files[1].name, "--db", two).exit_code == 0
    with SQLiteStore(one) as a, SQLiteStore(two) as b:
        assert [Path(d.path).name for d in a.documents()] == [files[0].name]
        assert [Path(d.path).name for d in b.documents()] == [files[1].name]


def test_cli_progress_bars_follow_the_stages():
    from chronique.cli import ProgressBars

    with ProgressBars() as bars:
        bars("read", 3, None)
        bars("analyse", 2, 5)
        bars("analyse", 5, 5)
    tasks = {t.description: t for t in bars.progress.tasks}
    assert tasks["Analysing"].completed == 5 and tasks["Analysing"].total == 5
    assert tasks["Reading"].completed == 3
