"""``make demo`` (python -m chronique.demo): robust on a small or empty folder, writes what it says."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from chronique import contract, demo

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("n", [1, 3])
def test_demo_small_folder(n, examples_dir, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in sorted(examples_dir.glob("*.txt"))[:n]:
        shutil.copy(f, folder)
    out = tmp_path / "out"
    assert demo.main(["--examples", str(folder), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, contract.schema(), cls=jsonschema.Draft202012Validator)
    assert len(data["documents"]) == n and (out / "chronique.db").is_file()
    assert "Stories" in printed and "chronique.db" in printed


def test_demo_run_twice_starts_afresh(examples_dir, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(sorted(examples_dir.glob("*.txt"))[0], folder)
    out = tmp_path / "out"
    assert demo.main(["--examples", str(folder), "--out", str(out)]) == 0
    assert demo.main(["--examples", str(folder), "--out", str(out)]) == 0
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 1


def test_demo_folder_without_articles(tmp_path, capsys):
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert demo.main(["--examples", str(empty), "--out", str(tmp_path / "out")]) == 3
    assert demo.main(["--examples", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 3


def test_demo_query_is_unaccented(examples_dir, tmp_path):
    from chronique.model import CorpusAnalysis, Story

    corpus = CorpusAnalysis(stories=[Story("s-1", "Grève générale à la régie des transports", [])])
    q = demo.demo_query(corpus)
    assert q and q.isascii() and q == q.lower()
