"""In-document entities: mentions, labels made consistent, honorifics and roles, local clusters."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.model import LocalEntity, Mention


def extract(doc: Doc) -> tuple[list[Mention], list[LocalEntity]]:
    """Placeholder until the entity component lands: spaCy's own entities, one cluster each."""
    mentions = [
        Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_ if e.label_ in ("PER", "ORG", "LOC") else "MISC", key=e.text, local=i)
        for i, e in enumerate(doc.ents)
    ]
    entities = [LocalEntity(index=i, name=m.text, label=m.label, mentions=[i]) for i, m in enumerate(mentions)]
    return mentions, entities
