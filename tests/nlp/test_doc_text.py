"""chronique.nlp.doc_text: Doc.text read once per Doc, never mixed between Docs."""

from __future__ import annotations

import pytest
import spacy

from chronique.nlp.doc_text import text_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


@pytest.mark.parametrize("text", ["Le conseil de Valmoret s'est réuni.", "  Deux espaces,\n\tun saut.  ", ""])
def test_same_as_doc_text(blank, text):
    doc = blank(text)
    assert text_of(doc) == doc.text == text
    assert text_of(doc) is text_of(doc)


def test_each_doc_its_own_text(blank):
    a, b = blank("Première phrase."), blank("Seconde phrase, autre texte.")
    assert (text_of(a), text_of(b)) == (a.text, b.text)
