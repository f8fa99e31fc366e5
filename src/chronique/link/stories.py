"""Stories: articles grouped by what they are about, incrementally."""

from __future__ import annotations

from chronique.ids import story_id
from chronique.model import DocAnalysis, Story


def group_stories(analyses: list[DocAnalysis]) -> list[Story]:
    """Placeholder until story clustering lands: one story per document."""
    return [
        Story(id=story_id(a.document.id), title=a.document.title or a.document.text[:80], documents=[a.document.id])
        for a in analyses
    ]
