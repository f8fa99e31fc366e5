"""Load the French pipeline and run it over texts or documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from chronique.model import DocAnalysis, Document
from chronique.nlp import components  # noqa: F401  (registers the factories)
from chronique.nlp.model_speed import index_lemma_sets, use_numpy_gemm

DEFAULT_MODEL = "fr_core_news_md"
FAST_MODEL = "fr_core_news_sm"
DEFAULT_BATCH_SIZE = 16  # texts per nlp.pipe batch (bench/speed.py --batches measures others)


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL, gemm: str = "numpy") -> Language:
    """spaCy's French model with chronique's components appended (cached per model).

    ``gemm`` is the matrix library of the model's layers: "numpy" (faster on the machines
    measured, see :mod:`model_speed`) or "blis" (thinc's default)."""
    nlp = spacy.load(model)
    index_lemma_sets(nlp)
    if gemm == "numpy":
        use_numpy_gemm(nlp)
    for name in components.ORDER:
        nlp.add_pipe(name)
    return nlp


def _prepare(nlp: Language, document: Document):
    doc = nlp.make_doc(document.text)
    doc._.chronique_published = document.published
    doc._.chronique_body_start = document.body_start
    return doc


def _collect(document: Document, doc) -> DocAnalysis:
    return DocAnalysis(
        document=document,
        mentions=doc._.chronique_mentions or [],
        entities=doc._.chronique_entities or [],
        quotes=doc._.chronique_quotes or [],
        timexes=doc._.chronique_timexes or [],
        events=doc._.chronique_events or [],
    )


def analyze_documents(
    documents: Iterable[Document], model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[DocAnalysis]:
    """Analyse documents in batches (``nlp.pipe``), yielding one DocAnalysis each, in order."""
    nlp = load(model)
    pending: list[Document] = []

    def flush() -> Iterator[DocAnalysis]:
        docs = [_prepare(nlp, d) for d in pending]
        for document, doc in zip(pending, nlp.pipe(docs, batch_size=batch_size)):
            yield _collect(document, doc)
        pending.clear()

    for document in documents:
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def analyze_text(text: str, published: str | None = None, model: str = DEFAULT_MODEL) -> DocAnalysis:
    """Analyse one French text; ``published`` (ISO date) anchors relative dates."""
    from chronique.ids import document_id

    document = Document(id=document_id(text), path="<text>", text=text, published=published, language="fr")
    return next(analyze_documents([document], model=model))
