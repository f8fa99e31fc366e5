"""chronique.nlp.entity_titles: the one-scan search for title words finds what the word-by-word one finds."""

from __future__ import annotations

import pytest

from chronique.nlp import entity_titles

INVENTED = (
    "La présidente du conseil, Zoé Farnel, a reçu le vice-ministre et la porte-parole. "
    "PREMIER MINISTRE, Secrétaire d’État ; 3ministre, ministres_délégués, ex-président. "
    "Le Ministre de l'Intérieur et la directrice générale adjointe."
)


def _word_by_word(monkeypatch, text: str):
    monkeypatch.setattr(entity_titles, "case_folded", lambda _text: None)
    entity_titles._titles_in.cache_clear()
    try:
        return entity_titles.find_titles(text)
    finally:
        monkeypatch.undo()
        entity_titles._titles_in.cache_clear()


@pytest.mark.parametrize("which", ["invented", "seeds", "examples"])
def test_scan_finds_what_word_by_word_finds(which, monkeypatch, seeds_dir, examples_dir):
    if which == "invented":
        texts = [INVENTED, INVENTED.upper(), INVENTED.title()]
    else:
        folder = seeds_dir if which == "seeds" else examples_dir
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    for text in texts:
        entity_titles._titles_in.cache_clear()
        fast = entity_titles.find_titles(text)
        assert fast == _word_by_word(monkeypatch, text)
    assert fast or which != "invented"


def test_titles_found_in_invented_text():
    found = {h.title for h in entity_titles.find_titles(INVENTED)}
    assert {"vice-ministre", "porte-parole"} <= found
