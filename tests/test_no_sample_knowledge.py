"""The package knows French, not the seed articles: no person named in the seeds' gold appears in src/."""

from __future__ import annotations

import json
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chronique"
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".html", ".md", ".txt", ".j2", ".css", ".tsv", ".csv"}


def _person_words(gold_dir: Path) -> set[str]:
    gold = json.loads((gold_dir / "seeds.json").read_text(encoding="utf-8"))
    words: set[str] = set()
    for entity in gold["entities"]:
        if entity["type"] != "PER":
            continue
        for name in [entity["name"], *entity.get("aliases", [])]:
            # Surnames and transliterations: capitalised words long enough not to be a common word.
            words.update(w for w in re.findall(r"[A-ZÀ-Ý][\w’'-]{3,}", name) if not w.endswith("."))
    return words


def test_no_sample_knowledge_person_names_absent_from_package(gold_dir):
    words = _person_words(gold_dir)
    assert len(words) >= 10, "the gold should name the seed articles' people"
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)
    hits = []
    for path in SRC.rglob("*"):
        if path.suffix in SUFFIXES and path.is_file():
            for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                m = pattern.search(line)
                if m:
                    hits.append(f"{path.relative_to(SRC)}:{lineno}: {m.group(0)}")
    assert not hits, "seed names in the package:\n" + "\n".join(hits)
