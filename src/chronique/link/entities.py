"""Cross-document entity resolution: one corpus entity per real-world referent."""

from __future__ import annotations

from chronique.ids import entity_id
from chronique.model import DocAnalysis, Entity


def link_entities(analyses: list[DocAnalysis], aliases: dict[str, str] | None = None) -> list[Entity]:
    """Placeholder until the linker lands: one entity per exact name and label.

    Sets ``entity`` on mentions, local entities and quote speakers in place.
    """
    by_key: dict[tuple[str, str], Entity] = {}
    for a in analyses:
        for local in a.entities:
            key = (local.label, local.name)
            ent = by_key.get(key)
            if ent is None:
                ent = by_key[key] = Entity(id=entity_id(local.label, local.name), name=local.name, type=local.label)
            local.entity = ent.id
            ent.documents += 1
            for i in local.mentions:
                a.mentions[i].entity = ent.id
                ent.mentions += 1
                if a.mentions[i].text not in ent.aliases:
                    ent.aliases.append(a.mentions[i].text)
        for q in a.quotes:
            if q.speaker is not None and q.speaker.local is not None:
                q.speaker.entity = a.entities[q.speaker.local].entity
    return sorted(by_key.values(), key=lambda e: (-e.mentions, e.name))
