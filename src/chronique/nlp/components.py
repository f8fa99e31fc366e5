"""The one place where chronique's spaCy components are registered.

Each factory is a thin adapter: it reads what earlier components put on the
``Doc`` and calls a pure function of its own module, so the rules can be tested
without spaCy plumbing and reused outside a pipeline::

    nlp = spacy.load("fr_core_news_md")
    for name in chronique.nlp.components.ORDER:
        nlp.add_pipe(name)

Results live in ``Doc`` extensions (``doc._.chronique_quotes`` …) holding the
dataclasses of :mod:`chronique.model`, offsets relative to ``doc.text``. The
publication date is read from ``doc._.chronique_published`` (ISO string or None).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ORDER = ["chronique_entities", "chronique_timex", "chronique_quotes", "chronique_events"]

_EXTENSIONS = (
    "chronique_published",  # str | None, set by the caller before the pipeline runs
    "chronique_body_start",  # int: where the body starts after a title line / dateline
    "chronique_mentions",  # list[Mention]
    "chronique_entities",  # list[LocalEntity]
    "chronique_timexes",  # list[Timex]
    "chronique_quotes",  # list[Quote]
    "chronique_events",  # list[Event]
)
for _name in _EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "chronique_entities",
    requires=["doc.ents", "token.pos", "doc.sents"],
    assigns=["doc._.chronique_mentions", "doc._.chronique_entities"],
)
def make_entities(nlp: Language, name: str):
    from chronique.nlp import entities, entity_lexicon

    lexicon = entity_lexicon.from_pipeline(nlp)

    def component(doc: Doc) -> Doc:
        doc._.chronique_mentions, doc._.chronique_entities = entities.extract(doc, lexicon)
        return doc

    return component


@Language.factory(
    "chronique_timex",
    requires=["token.morph", "token.dep", "doc.sents"],
    assigns=["doc._.chronique_timexes"],
)
def make_timex(nlp: Language, name: str):
    from chronique.nlp import timex

    def component(doc: Doc) -> Doc:
        doc._.chronique_timexes = timex.extract(doc, doc._.chronique_published)
        return doc

    return component


@Language.factory(
    "chronique_quotes",
    requires=["doc._.chronique_mentions", "doc._.chronique_entities", "token.dep"],
    assigns=["doc._.chronique_quotes"],
)
def make_quotes(nlp: Language, name: str):
    from chronique.nlp import quotes

    def component(doc: Doc) -> Doc:
        doc._.chronique_quotes = quotes.extract(doc, doc._.chronique_mentions or [], doc._.chronique_entities or [])
        return doc

    return component


@Language.factory(
    "chronique_events",
    requires=["doc._.chronique_mentions", "doc._.chronique_timexes", "doc._.chronique_quotes"],
    assigns=["doc._.chronique_events"],
)
def make_events(nlp: Language, name: str):
    from chronique.nlp import events

    def component(doc: Doc) -> Doc:
        doc._.chronique_events = events.extract(
            doc,
            doc._.chronique_mentions or [],
            doc._.chronique_entities or [],
            doc._.chronique_timexes or [],
            doc._.chronique_quotes or [],
        )
        return doc

    return component
