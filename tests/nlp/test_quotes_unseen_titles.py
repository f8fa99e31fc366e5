"""Speakers on invented sentences shaped like unseen news prose: incises closed by a gerund or an
adjunct, a postposed speaker that « il » continues, a title completed by an organisation, two holders
of one title, a sports person noun.

Each case names words inside the quote and the speaker's name as the document should give it.
"""

from __future__ import annotations

import pytest


def _speaker_of(analysis, words: str) -> str | None:
    hits = [q for q in analysis.quotes if words in q.text and q.kind != "indirect"]
    assert hits, f"no quote contains {words!r}: {[q.text for q in analysis.quotes]}"
    q = min(hits, key=lambda q: q.end - q.start)
    return q.speaker.name if q.speaker else None


CASES = [
    # an incise inside one pair of marks closed by a gerund with its object: two halves, one speaker
    ("« Le chantier n'avance pas, a déploré jeudi Corentin Abadie en sortant de la mairie. Les riverains "
     "attendent depuis des mois. »", "Les riverains attendent", "Corentin Abadie"),
    ("« Le chantier n'avance pas, a déploré jeudi Corentin Abadie en sortant de la mairie. Les riverains "
     "attendent depuis des mois. »", "Le chantier n'avance pas", "Corentin Abadie"),
    # … or by a place adjunct after a pronoun
    ("L'architecte Maëlle Ronsard a présenté le projet. « Le bâtiment sera sobre, a-t-elle expliqué devant les élus. "
     "Il consommera deux fois moins. »", "Il consommera deux fois moins", "Maëlle Ronsard"),
    # the speaker of a postposed reporting clause with no quotation is the next « il »
    ("Le ministre du Commerce, Lionel Barthès, a promis lundi des mesures.\n\nEn 1998, une crise semblable avait "
     "duré six mois, note l'économiste Arthur Quemper. « Le contexte, précise-t-il, c'est que les stocks étaient "
     "pleins. »", "les stocks étaient pleins", "Arthur Quemper"),
    # « La présidente de l'association, qui … »: the title's holder speaks, not the organisation
    ("« Nous ne céderons rien », a martelé Inès Vautier. La présidente de l'association, qui réunit 300 membres, "
     "a promis de « tout mettre sur la table » lors de l'assemblée.", "tout mettre sur la table", "Inès Vautier"),
    # a title completed by a group before the name: the title is the person's, and marks her gender
    ("La maire, Odette Granier, a pris la parole. La secrétaire générale du syndicat Unité, Solange Berthou, a "
     "salué « un pas dans le bon sens ». « Deux jours. Il aura fallu deux jours de grève », a-t-elle lancé.",
     "Il aura fallu deux jours", "Solange Berthou"),
    # two ministers introduced: « le ministre » is the one the text spoke of last
    ("Le ministre de la Culture, Félix Arnaudet, a quitté ses fonctions lundi. Le ministre des Sports, Noël Vidaillac, "
     "assure l'intérim.\n\nMercredi, un hebdomadaire avait révélé que M. Arnaudet possédait une galerie. Le ministre "
     "avait dénoncé vendredi « un règlement de comptes politique ».", "un règlement de comptes politique", "Félix Arnaudet"),
    # a sports person noun refers back to the player named just before
    ("Le club de Castelvert a prolongé sa gardienne Anouk Berrier jusqu'en 2029. « Je me sens chez moi ici », a "
     "déclaré l'internationale à la fin de l'entraînement.", "Je me sens chez moi", "Anouk Berrier"),
]


@pytest.mark.parametrize("text, words, speaker", CASES)
def test_quote_unseen_title_and_incise_speakers(analyze, text, words, speaker):
    assert _speaker_of(analyze(text), words) == speaker



SAME_SOURCE = [
    ("Deux employés ont été interpellés, selon une source proche de l'enquête. Ils seraient libérés dans la soirée, "
     "d'après la même source.", "Ils seraient libérés", "source proche de l'enquête"),
    ("Trois blessés ont été évacués, selon une source hospitalière. Aucun ne serait dans un état grave, selon la même "
     "source.", "Aucun ne serait", "source hospitalière"),
]


@pytest.mark.parametrize("text, words, speaker", SAME_SOURCE)
def test_quote_unseen_same_source_repeats_the_source_described_before(analyze, text, words, speaker):
    hits = [q for q in analyze(text).quotes if words in q.text]
    assert hits and hits[0].speaker is not None and hits[0].speaker.name == speaker
