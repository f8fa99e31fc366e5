"""The package knows French, not our articles: no person (or invented place) named in a gold set appears in src/.

The seeds are real articles the rules were developed on; the examples and the fresh set are
invented and stand for articles never seen, which they measure only while the package does
not know their names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.eval import load_gold

SRC = Path(__file__).resolve().parents[1] / "src" / "chronique"
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".html", ".md", ".txt", ".j2", ".css", ".tsv", ".csv"}
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w’'-]{3,}")

# gold file -> (entity types scanned, given names left out, least number of words expected)
GOLD_SETS = {
    "seeds": ({"PER"}, False, 10),  # real people: every name word, given names included
    "examples": ({"PER", "LOC"}, True, 10),  # invented: surnames and places (given names are common words)
    "fresh": ({"PER"}, True, 15),
    "fresh2": ({"PER"}, True, 15),
    "fresh3": ({"PER"}, True, 15),
    "fresh4": ({"PER"}, True, 15),
}


def _name_words(gold_path: Path, types: set[str], drop_given: bool) -> set[str]:
    words: set[str] = set()
    for entity in load_gold(gold_path, check_articles=False).entities:
        if entity.type not in types:
            continue
        for name in [entity.name, *entity.aliases]:
            parts = name.split()
            if drop_given and entity.type == "PER" and len(parts) > 1:
                parts = parts[1:]
            words.update(w for w in _NAME_WORD.findall(" ".join(parts)) if not w.endswith("."))
    return words


@pytest.mark.parametrize("gold_name", list(GOLD_SETS))
def test_no_sample_knowledge_gold_names_absent_from_package(gold_dir, gold_name):
    types, drop_given, least = GOLD_SETS[gold_name]
    words = _name_words(gold_dir / f"{gold_name}.json", types, drop_given)
    assert len(words) >= least, f"the {gold_name} gold should name its people"
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)
    hits = [
        f"{path.relative_to(SRC)}:{lineno}: {m.group(0)}"
        for path in SRC.rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
        for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if (m := pattern.search(line))
    ]
    assert not hits, f"names of the {gold_name} gold in the package:\n" + "\n".join(hits)
