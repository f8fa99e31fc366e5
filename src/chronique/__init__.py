"""chronique: French-first news intelligence.

The public surface is small: :func:`analyze_text` for one text, :func:`analyze`
for a corpus, and the dataclasses of :mod:`chronique.model`.
"""

from chronique.model import CorpusAnalysis, DocAnalysis, Document

__version__ = "0.1.0"
__all__ = ["analyze_text", "analyze", "Document", "DocAnalysis", "CorpusAnalysis", "__version__"]


def analyze_text(text: str, published: str | None = None, model: str = "fr_core_news_md") -> DocAnalysis:
    """Analyse one French article; ``published`` (ISO date) anchors relative dates."""
    from chronique.nlp.pipeline import analyze_text as _analyze_text

    return _analyze_text(text, published=published, model=model)


def analyze(paths, metadata=None, published=None, model: str = "fr_core_news_md") -> CorpusAnalysis:
    """Read articles from files/folders and analyse them as one corpus."""
    from chronique.service import analyze_paths

    return analyze_paths(paths, metadata=metadata, published=published, model=model).analysis
