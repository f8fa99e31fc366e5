"""chronique.nlp.event_triggers: reading tags in one array finds the triggers a token-by-token match finds."""

from __future__ import annotations

import pytest

from chronique.nlp.event_triggers import _norm, grammar, lexicon, match, nouns_with_lemma, triggers

INVENTED = (
    "Un violent incendie a ravagé l'entrepôt de la société Brelune mardi. Les pompiers ont lancé un appel "
    "à la prudence ; l'épicentre du séisme se situait sous la ville de Corvandel, où une grève a éclaté."
)


def _texts(which, seeds_dir, examples_dir) -> list[str]:
    if which == "invented":
        return [INVENTED]
    folder = seeds_dir if which == "seeds" else examples_dir
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("which", ["invented", "seeds", "examples"])
def test_triggers_same_as_token_by_token(which, nlp, seeds_dir, examples_dir):
    found = 0
    for doc in nlp.pipe(_texts(which, seeds_dir, examples_dir)):
        expected = [(t.i, m) for t in doc if (m := match(t)) is not None]
        assert [(t.i, m) for t, m in triggers(doc)] == expected
        found += len(expected)
    assert found > 0


@pytest.mark.parametrize("role", ["locus", "place"])
def test_nouns_with_lemma_same_as_token_by_token(role, nlp, examples_dir):
    words = grammar().get(role, frozenset()) | frozenset(lexicon())
    for doc in nlp.pipe([INVENTED] + [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]):
        expected = [t.i for t in doc if t.pos_ == "NOUN" and _norm(t.lemma_) in words]
        assert [t.i for t in nouns_with_lemma(doc, words)] == expected
