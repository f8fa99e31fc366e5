"""chronique.nlp.model_speed: the tuned model must annotate exactly as spaCy's model as shipped."""

from __future__ import annotations

import pytest
import spacy

from chronique.nlp.model_speed import index_lemma_sets, use_numpy_gemm
from chronique.nlp.pipeline import DEFAULT_MODEL

TEXTS = [
    "La ministre Odile Ferrandier a annoncé mardi que les travaux reprendraient à l'automne.",
    "« Nous ne céderons pas », ont déclaré les syndicats réunis devant la préfecture de Valmoret.",
    "Les inondations ont contraint 3 200 habitants à quitter leurs maisons, selon la mairie.",
    "Elles s'étaient promis de revenir ; ils vendangeaient déjà quand l'orage éclata.",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def shipped():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def tuned():
    nlp = spacy.load(DEFAULT_MODEL)
    index_lemma_sets(nlp)
    use_numpy_gemm(nlp)
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_tuned_model_annotates_like_shipped(shipped, tuned, text):
    assert _annotations(tuned(text)) == _annotations(shipped(text))


@pytest.mark.parametrize("batch_size", [1, 3])
def test_tuned_model_same_in_batches(shipped, tuned, batch_size):
    got = [_annotations(d) for d in tuned.pipe(TEXTS, batch_size=batch_size)]
    assert got == [_annotations(shipped(t)) for t in TEXTS]


def test_lemma_index_held_as_sets(tuned):
    table = tuned.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(v, frozenset) for v in table.values())


def test_pipeline_uses_tuned_model(nlp):
    """The production pipeline (tests' ``nlp``) carries both settings."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in table.values())
    assert not nlp.get_pipe("tok2vec").model.ops.use_blis
