"""Make a loaded spaCy French model faster without changing what it computes.

Two costs measured in ``bench/speed.py`` sit in spaCy itself, not in chronique's rules:

* the French rule lemmatizer keeps its lists of known lemmas (``lemma_index``, 66,000 nouns)
  as Python lists and tests ``form in list`` for every new word form and every rule it
  tries: about a millisecond per new form, more than the neural network spends on the word.
  The same members held in frozensets give the same answers at hash speed;
* thinc multiplies matrices with its bundled BLIS, which on some processors runs a generic
  kernel; numpy's BLAS (OpenBLAS, tuned per processor) is then markedly faster for the same
  products. Measured, not assumed: ``bench/speed.py`` times the model as shipped and with
  these settings side by side (and ``tests/nlp/test_model_speed.py`` checks both annotate alike).
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps


def index_lemma_sets(nlp: Language) -> None:
    """Hold the rule lemmatizer's per-POS lemma lists as frozensets (membership tests only read them)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def use_numpy_gemm(nlp: Language) -> None:
    """Multiply matrices with numpy's BLAS in every layer of the pipeline's models."""
    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
