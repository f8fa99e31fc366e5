"""Fixtures shared by the whole suite (the only conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("shared/corpus/seeds is not beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def nlp():
    """The full chronique pipeline over fr_core_news_md, loaded once per run."""
    from chronique.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def analyze(nlp):
    """analyze(text, published=None) -> DocAnalysis, sharing the session's pipeline."""
    from chronique.nlp.pipeline import analyze_text

    def run(text: str, published: str | None = None):
        return analyze_text(text, published=published)

    return run
