"""Bad input (issue 2, item 7): one clear line naming the file, the batch goes on, exit code 1,
nothing half-written in the database.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app

pytestmark = pytest.mark.slow

GOOD = "transports-1-preavis.txt"
JSON_TEXT = (
    "Le conseil municipal a voté mardi soir le budget des écoles pour l'année prochaine, "
    "après un long débat sur la rénovation des cantines et le prix des repas."
)


def _empty(folder: Path) -> Path:
    p = folder / "empty.txt"
    p.write_bytes(b"")
    return p


def _blank(folder: Path) -> Path:
    p = folder / "blank.txt"
    p.write_bytes(b"  \n\n\t \n")
    return p


def _binary(folder: Path) -> Path:
    p = folder / "photo.txt"  # a binary file behind a text extension
    p.write_bytes(bytes(range(256)) * 40)
    return p


def _invalid_utf8(folder: Path) -> Path:
    p = folder / "invalid.txt"
    p.write_bytes(b"Le ministre a parl\xc3\xa9 de \xff\xfe\xfd\x80\x81 la r\xe9forme \xc3\x28 et \xf0\x28\x8c\x28 tout.\n")
    return p


def _huge(folder: Path) -> Path:
    p = folder / "huge.txt"
    line = ("Le gouvernement a présenté lundi une réforme des retraites très discutée. " * 10 + "\n").encode()
    with open(p, "wb") as handle:
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert p.stat().st_size >= 50_000_000
    return p


def _malformed_html(folder: Path) -> Path:
    p = folder / "broken.html"
    p.write_text("<html><head><title></ti<body><div><p><<<</b></i><script>var x = '</div></html", encoding="utf-8")
    return p


def _broken_json(folder: Path) -> Path:
    p = folder / "broken.json"
    p.write_text('{"title": "Budget", "text": "Le conseil a voté', encoding="utf-8")
    return p


def _broken_json_line(folder: Path) -> Path:
    p = folder / "feed.jsonl"
    good = json.dumps({"title": "Budget des écoles", "text": JSON_TEXT, "published": "2026-03-10"}, ensure_ascii=False)
    p.write_text(good + '\n{"title": "Cassé", "text": "une ligne coupée\n', encoding="utf-8")
    return p


BAD = {
    "empty": (_empty, 0),
    "blank": (_blank, 0),
    "binary": (_binary, 0),
    "invalid-utf8": (_invalid_utf8, 0),
    "50MB": (_huge, 0),
    "malformed-html": (_malformed_html, 0),
    "broken-json": (_broken_json, 0),
    "broken-json-line": (_broken_json_line, 1),  # the good line of the same file is kept
}


def _batch(tmp_path: Path, examples_dir: Path, make) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(examples_dir / GOOD, folder / GOOD)
    return folder, make(folder)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _db_state(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "analyses")}
        counts["fts"] = con.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        counts["orphans"] = con.execute(
            "SELECT count(*) FROM analyses WHERE document NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        counts["paths"] = [r[0] for r in con.execute("SELECT path FROM documents ORDER BY rowid")]
    finally:
        con.close()
    return counts


@pytest.mark.parametrize("kind", list(BAD))
def test_cli_ingest_bad_input_named_batch_goes_on(kind, tmp_path, examples_dir):
    make, extra_docs = BAD[kind]
    folder, bad = _batch(tmp_path, examples_dir, make)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    errors = _errors(result.stderr)
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and "Traceback" not in result.output
    state = _db_state(db)
    assert state["documents"] == state["analyses"] == state["fts"] == 1 + extra_docs
    assert state["orphans"] == 0
    assert str(folder / GOOD) in state["paths"]
    assert all(p.startswith(str(bad)) for p in state["paths"] if p != str(folder / GOOD))  # "feed.jsonl:1"
    bad.unlink()  # pytest keeps recent tmp dirs: do not leave 50 MB behind


@pytest.mark.parametrize("kind", ["binary", "broken-json-line", "50MB"])
def test_cli_analyze_bad_input_keeps_the_rest(kind, tmp_path, examples_dir):
    make, extra_docs = BAD[kind]
    folder, bad = _batch(tmp_path, examples_dir, make)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--json", str(out)])
    assert result.exit_code == 1, result.output
    assert len(_errors(result.stderr)) == 1 and str(bad) in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 1 + extra_docs
    bad.unlink()


@pytest.fixture
def locked_dir(tmp_path, monkeypatch):
    """A folder the process may not list: chmod 000, or (as root, where chmod does not bind)
    a refused ``os.scandir`` on that folder, which is the call that fails for real users."""
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (locked / "secret.txt").write_text(JSON_TEXT, encoding="utf-8")
    if os.geteuid() != 0:
        locked.chmod(0)
        yield locked
        locked.chmod(0o755)
        return
    real = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) == str(locked.resolve()):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    yield locked


def test_cli_ingest_unreadable_directory(locked_dir, tmp_path, examples_dir):
    folder = locked_dir.parent
    shutil.copy(examples_dir / GOOD, folder / GOOD)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    errors = _errors(result.stderr)
    assert len(errors) == 1 and str(locked_dir) in errors[0], result.stderr
    assert "ermission" in errors[0]
    state = _db_state(db)
    assert state["documents"] == state["analyses"] == 1 and state["paths"] == [str(folder / GOOD)]


def test_cli_ingest_unreadable_file(tmp_path, examples_dir, monkeypatch):
    folder, _ = _batch(tmp_path, examples_dir, lambda f: f / GOOD)
    secret = folder / "secret.txt"
    secret.write_text(JSON_TEXT, encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "c.db")])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    errors = _errors(result.stderr)
    assert len(errors) == 1 and str(secret) in errors[0]


def test_cli_every_input_bad_exit_3(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _empty(folder), _binary(folder)
    result = CliRunner().invoke(app, ["analyze", str(folder), "--json", str(tmp_path / "out.json")])
    assert result.exit_code == 3
    assert len(_errors(result.stderr)) == 2
    assert not (tmp_path / "out.json").exists()


def test_cli_missing_path_is_an_input_error(tmp_path, examples_dir):
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(
        app, ["ingest", str(examples_dir / GOOD), str(missing), "--db", str(tmp_path / "c.db")]
    )
    assert result.exit_code == 1
    assert [str(missing) in line for line in _errors(result.stderr)] == [True]


def test_cli_seed_near_copy_reported_and_exact_copy_stored_once(seeds_dir, tmp_path):
    """Issue 2, "Must show": a seed and its copy with one sentence changed are near-duplicates;
    the same file ingested twice is stored once."""
    seed = max(sorted(seeds_dir.glob("*.txt")), key=lambda p: p.stat().st_size)
    text = seed.read_text(encoding="utf-8")
    sentences = text.split(". ")
    assert len(sentences) > 4
    sentences[len(sentences) // 2] = "Cette phrase a été réécrite par le site qui a repris la dépêche"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed, folder / "a-original.txt")
    (folder / "b-edited.txt").write_text(". ".join(sentences), encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "near-duplicate" in line]
    assert len(notes) == 1 and str(folder / "b-edited.txt") in notes[0]
    again = CliRunner().invoke(app, ["ingest", str(folder / "a-original.txt"), str(seed), "--db", str(db)])
    assert again.exit_code == 0 and "added 0 document(s)" in again.stderr
    con = sqlite3.connect(db)
    rows = con.execute("SELECT path, id, duplicate_of FROM documents ORDER BY rowid").fetchall()
    con.close()
    assert len(rows) == 2
    (original_path, original_id, none), (edited_path, edited_id, dup) = rows  # read in name order
    assert edited_path.endswith("b-edited.txt") and dup == original_id and none is None


def test_cli_ingest_interrupted_then_resumed(tmp_path, examples_dir, monkeypatch):
    from chronique import service
    from chronique.model import DocAnalysis

    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(examples_dir.glob("*.txt"))[:3]:
        shutil.copy(f, folder)
    seen: list[str] = []

    def interrupted(documents, model=None, **kwargs):
        for d in documents:
            if len(seen) == 1:
                raise KeyboardInterrupt
            seen.append(d.id)
            yield DocAnalysis(document=d)

    monkeypatch.setattr(service, "analyze_documents", interrupted)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 130 and "interrupted" in result.stderr
    state = _db_state(db)
    assert state["documents"] == state["analyses"] == state["fts"] == 1
    monkeypatch.undo()
    monkeypatch.setattr(service, "analyze_documents", lambda docs, model=None, **k: (DocAnalysis(document=d) for d in docs))
    resumed = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert resumed.exit_code == 0 and "added 2 document(s), 1 already stored" in resumed.stderr


def test_cli_other_language_stored_reported_not_analysed(tmp_path, examples_dir):
    folder, _ = _batch(tmp_path, examples_dir, lambda f: f / GOOD)
    english = folder / "english.txt"
    english.write_text(
        "The city council voted on Tuesday to approve the school budget after a long debate about "
        "canteens, the price of meals and the renovation of several playgrounds.",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and str(english) in notes[0] and "en" in notes[0]
    from chronique.store import SQLiteStore

    with SQLiteStore(db) as store:
        stored = {d.path: d for d in store.documents()}
        assert stored[str(english)].language == "en"
        a = store.get_analysis(stored[str(english)].id)
        assert a.mentions == [] and a.quotes == [] and a.timexes == []
        assert store.get_analysis(stored[str(folder / GOOD)].id).mentions  # French is analysed
