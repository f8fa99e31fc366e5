"""The subject of a verb of saying on invented French sentences: objects and disagreeing phrases are no speakers.

Each case names words inside a quotation and the speaker's name as the document should give
it (None: nobody).
"""

from __future__ import annotations

import pytest


def _speaker_of(analysis, words: str) -> str | None:
    hits = [q for q in analysis.quotes if q.kind in ("direct", "partial") and words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    return q.speaker.name if q.speaker else None


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # « a lancé des avions »: a singular auxiliary has no plural inverted subject
        ("L'alliance «qui considère comme une provocation toute critique», a lancé des avions au-dessus de la ville.",
         "qui considère", None),
        # agreement holds: plural auxiliary, plural subject; singular with singular
        ("« Nous resterons vigilants jusqu'au bout », ont affirmé des habitants du quartier.", "Nous resterons", "habitants du quartier"),
        ("« Nous resterons vigilants jusqu'au bout », a affirmé un habitant du quartier.", "Nous resterons", "habitant du quartier"),
        # the verb inside reported words (« avoir alerté ») has the speaker of the verb that reports them
        ("Le procès a entendu un ancien technicien, Marc Tessier. Celui-ci avait affirmé avoir alerté sa hiérarchie "
         "« au moins à trois reprises ».", "au moins à trois reprises", "Marc Tessier"),
    ],
)
def test_quote_subjects_speaker_or_nobody(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker


def test_quote_subjects_object_of_a_verb_is_no_speaker(analyze):
    """« réclamer X afin de le juger »: X is what is asked for, not who speaks."""
    text = "L'Espagne réclame Paul Ardent afin de le juger pour «homicides volontaires et tentative de meurtre»."
    assert _speaker_of(analyze(text), "homicides volontaires") != "Paul Ardent"
