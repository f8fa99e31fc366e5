"""The French common-word lexicon spaCy's lemmatizer already ships, read as word sets.

spaCy's tagger calls many capitalised common nouns proper nouns at the head of a
line (« Sondage : … », « Naufrage au large »), so the tag alone cannot tell a
headline word from a name; whether the word is a known common noun can. The
rule lemmatizer's ``lemma_index`` lists the nouns and adjectives of French (no
list of our own); a pipeline without it gives an empty lexicon and the rules
that need it stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Lexicon:
    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()

    def common_noun(self, word: str) -> bool:
        """``word`` (any case, singular or plural in -s/-x) is a French common noun."""
        return any(low in self.nouns or (low[-1:] in ("s", "x") and low[:-1] in self.nouns) for low in _lowers(word))

    def adjective(self, word: str) -> bool:
        """``word`` is a French adjective in any gender and number (« allemandes » -> « allemand »)."""
        for low in _lowers(word):
            for form in (low, low[:-1] if low[-1:] in ("s", "x") else None):
                if form and (form in self.adjectives or (form.endswith("e") and form[:-1] in self.adjectives)):
                    return True
        return False


def _lowers(word: str) -> tuple[str, ...]:
    """The lower-case word, and with « é » for an initial « E » (capitals often lose their accent)."""
    low = word.lower()
    return (low, "é" + low[1:]) if word[:1] == "E" else (low,)


EMPTY = Lexicon()


def from_pipeline(nlp: Language) -> Lexicon:
    """Nouns and adjectives of the pipeline's rule lemmatizer (empty without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return EMPTY
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return EMPTY
    table = lookups.get_table("lemma_index")

    def words(pos: str) -> frozenset[str]:
        found = table.get(pos)
        return frozenset(found) if found else frozenset()

    return Lexicon(words("noun"), words("adj"))
