"""Cross-document events and the dated, sourced timeline."""

from __future__ import annotations

from chronique.model import DocAnalysis, Story, TimelineItem


def build_timeline(analyses: list[DocAnalysis], stories: list[Story]) -> list[TimelineItem]:
    """Placeholder until event merging lands."""
    return []
