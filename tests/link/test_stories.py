"""Stories: incremental placement, near-duplicates, separation of subjects, the seeds as one story."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from chronique.ids import document_id
from chronique.link.stories import StoryIndex, group_stories
from chronique.link.story_features import features, fold, title
from chronique.model import DocAnalysis, Document, Span

# Invented articles, two per subject, each subject told with different words in each article.
ARTICLES = {
    "dam": [
        ("Le barrage de Sainte-Aude menace de céder après des pluies diluviennes",
         "Les autorités ont évacué trois villages en aval du barrage de Sainte-Aude, fragilisé par des pluies "
         "diluviennes. Les ingénieurs surveillent une fissure apparue dans la nuit sur l'ouvrage."),
        ("Barrage de Sainte-Aude : la fissure s'élargit, les villages restent évacués",
         "La fissure du barrage de Sainte-Aude s'est encore élargie mardi. Les habitants des villages évacués "
         "ne pourront pas rentrer chez eux avant la fin de la semaine, selon la préfecture."),
    ],
    "chess": [
        ("Échecs : la jeune Lila Morand remporte le tournoi international de Vélane",
         "À seize ans, Lila Morand a remporté dimanche le tournoi international d'échecs de Vélane, battant "
         "en finale le tenant du titre après une partie de six heures."),
        ("Lila Morand, prodige des échecs, vise désormais le titre de grand maître",
         "Après sa victoire au tournoi de Vélane, la joueuse d'échecs Lila Morand prépare les normes qui lui "
         "manquent pour devenir grand maître, la plus jeune de l'histoire du pays."),
    ],
    "bakery": [
        ("La boulangerie coopérative de Trémont ferme ses portes faute de farine",
         "Faute de farine livrée depuis trois semaines, la boulangerie coopérative de Trémont a fermé ses "
         "portes lundi. Les coopérateurs accusent le minotier de la région de privilégier les grandes surfaces."),
        ("Trémont : le minotier promet de livrer la boulangerie coopérative",
         "Le minotier mis en cause par la boulangerie coopérative de Trémont assure que les livraisons de "
         "farine reprendront jeudi. La coopérative compte rouvrir ses portes dès vendredi."),
    ],
}


def article(title_text: str, body: str, published: str | None = None, duplicate_of: str | None = None) -> DocAnalysis:
    text = f"{title_text}\n\n{body}"
    doc = Document(
        id=document_id(text), path="mem", text=text, title=title_text, published=published,
        language="fr", body_start=len(title_text) + 2, duplicate_of=duplicate_of,
    )
    return DocAnalysis(document=doc)


def subjects() -> dict[str, list[DocAnalysis]]:
    return {k: [article(t, b) for t, b in v] for k, v in ARTICLES.items()}


# Two strikes in the same week: same kind of event, different places and people.
STRIKES = [
    ("Grève des chauffeurs de bus à Marvillers : le réseau paralysé",
     "Les chauffeurs de bus de Marvillers sont en grève depuis lundi pour réclamer des hausses de salaire. "
     "Le réseau de transports est presque à l'arrêt, selon la direction.", "2026-03-02", "bus"),
    ("Marvillers : la grève des bus se poursuit, pas d'accord en vue",
     "Au troisième jour de grève, les chauffeurs de bus de Marvillers maintiennent leur mouvement. "
     "La direction du réseau refuse toute hausse de salaire.", "2026-03-04", "bus"),
    ("Grève des enseignants à Saint-Lorrain : les écoles fermées",
     "Les enseignants des écoles de Saint-Lorrain sont en grève ce jeudi contre la fermeture de classes. "
     "La plupart des écoles primaires sont restées fermées.", "2026-03-05", "schools"),
    ("Saint-Lorrain : les enseignants reconduisent la grève contre les fermetures de classes",
     "Réunis en assemblée, les enseignants de Saint-Lorrain ont voté la reconduction de leur grève. "
     "Ils dénoncent la fermeture de six classes à la rentrée.", "2026-03-06", "schools"),
]


def grouping(stories) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in stories}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_stories_unrelated_subjects_come_apart(order):
    subj = subjects()
    keys = [list(subj)[i] for i in order]
    analyses = [a for k in keys for a in subj[k]]
    found = grouping(group_stories(analyses))
    expected = {frozenset(a.document.id for a in subj[k]) for k in keys}
    assert found == expected


@pytest.mark.parametrize("reverse", [False, True])
def test_stories_same_kind_of_event_elsewhere_is_another_story(reverse):
    items = STRIKES[::-1] if reverse else STRIKES
    docs = [(article(t, b, published=p), k) for t, b, p, k in items]
    expected = {frozenset(a.document.id for a, k in docs if k == kind) for kind in ("bus", "schools")}
    assert grouping(group_stories([a for a, _ in docs])) == expected
    index = StoryIndex()
    for a, _ in docs:
        index.add(a)
    assert grouping(index.stories()) == expected


@pytest.mark.parametrize("subject", list(ARTICLES))
def test_stories_incremental_add_joins_or_opens(subject):
    subj = subjects()
    index = StoryIndex()
    placed = {}
    for k, docs in subj.items():
        if k != subject:
            placed[docs[0].document.id] = index.add(docs[0])
    first, second = subj[subject]
    opened = index.add(first)
    assert opened not in placed.values()  # a new subject opens a story
    joined = index.add(second)
    assert joined == opened  # the follow-up joins it
    assert len(index) == len(placed) + 2
    for doc_id, sid in placed.items():  # nothing placed before moved
        assert index.story_of(doc_id) == sid
    assert index.add(second) == joined  # adding twice places once
    assert len(index) == len(placed) + 2


def test_stories_near_duplicate_stays_with_original():
    subj = subjects()
    original = subj["chess"][0]
    # A copy flagged as near-duplicate joins its original's story even when its words would not.
    copy = article("Brève", ARTICLES["bakery"][0][1], duplicate_of=original.document.id)
    index = StoryIndex()
    for a in [original, *subj["bakery"], copy]:
        index.add(a)
    assert index.story_of(copy.document.id) == index.story_of(original.document.id)
    assert index.story_of(copy.document.id) != index.story_of(subj["bakery"][0].document.id)


def test_stories_state_round_trip_places_next_article_alike():
    subj = subjects()
    index = StoryIndex()
    for a in [subj["dam"][0], subj["chess"][0], subj["bakery"][0]]:
        index.add(a)
    restored = StoryIndex.from_dict(index.to_dict())
    assert grouping(restored.stories()) == grouping(index.stories())
    for a in [subj["chess"][1], subj["dam"][1]]:
        assert restored.add(a) == index.add(a)


def test_stories_merge_keeps_the_older_story_id():
    subj = subjects()
    index = StoryIndex()
    first = index.add(subj["dam"][0])
    index.add(subj["chess"][0])
    assert index.add(subj["dam"][1]) == first


def test_stories_title_is_a_member_headline():
    subj = subjects()
    stories = group_stories([a for v in subj.values() for a in v])
    titles = {a.document.id: a.document.title for v in subj.values() for a in v}
    for s in stories:
        assert s.title in {titles[d] for d in s.documents}


def test_stories_untitled_article_named_by_first_sentence_not_dateline():
    text = "VÉLANE — La joueuse Lila Morand a gagné le tournoi. Elle vise désormais un titre plus prestigieux."
    doc = Document(id="d-x", path="mem", text=text, body_start=9, dateline=Span(0, 9, "VÉLANE —"))
    name = title(DocAnalysis(document=doc))
    assert name == "La joueuse Lila Morand a gagné le tournoi."


@pytest.mark.parametrize("accented, stripped", [
    ("Canicule : vigilance rouge décrétée à l'Élysée", "Canicule : vigilance rouge decretee a l'ELYSEE"),
    ("Grève à la régie des transports", "Greve a la regie des transports"),
])
def test_stories_features_fold_accents_and_case(accented, stripped):
    a, b = article(accented, ""), article(stripped, "")
    assert features(a).terms == features(b).terms
    assert fold("Élysée") == "elysee"


# --- the product path on real articles ------------------------------------------------------

OFF_TOPIC = {
    "harvest-1.txt": ("Vendanges précoces dans le Bordelais après un été brûlant",
                      "Les viticulteurs du Bordelais ont commencé les vendanges avec deux semaines d'avance. "
                      "La chaleur de l'été a fait mûrir le raisin très vite, et les vignerons redoutent une "
                      "récolte moins abondante que l'an dernier."),
    "harvest-2.txt": ("Bordelais : des vendanges courtes mais un millésime prometteur",
                      "Commencées tôt, les vendanges du Bordelais se terminent déjà. Les vignerons annoncent "
                      "une récolte en baisse mais un raisin d'une belle qualité, mûri par la chaleur de l'été."),
    "museum-1.txt": ("Le musée des beaux-arts de Corlay rouvre après trois ans de travaux",
                     "Fermé depuis trois ans pour des travaux de rénovation, le musée des beaux-arts de Corlay "
                     "a rouvert samedi. Les visiteurs découvrent de nouvelles salles consacrées à la peinture "
                     "flamande."),
    "museum-2.txt": ("Corlay : affluence record pour la réouverture du musée des beaux-arts",
                     "Plus de quatre mille visiteurs se sont pressés ce week-end au musée des beaux-arts de "
                     "Corlay, rénové pendant trois ans. La conservatrice se réjouit du succès des salles de "
                     "peinture flamande."),
}


@pytest.fixture(scope="module")
def seeds_and_others(seeds_dir: Path, tmp_path_factory) -> list[DocAnalysis]:
    from chronique import service

    folder = tmp_path_factory.mktemp("off-topic")
    for name, (head, body) in OFF_TOPIC.items():
        (folder / name).write_text(f"{head}\n\n{body}\n", encoding="utf-8")
    seeds = service.analyze_paths([seeds_dir], metadata=seeds_dir / "metadata.csv").analysis.documents
    others = service.analyze_paths([folder], published="2025-09-01").analysis.documents
    return [*seeds, *others]


def _by_stem(analyses: list[DocAnalysis]) -> dict[str, str]:
    return {a.document.id: Path(a.document.path).stem for a in analyses}


@pytest.mark.slow
def test_stories_seeds_form_one_story(seeds_and_others):
    seeds = [a for a in seeds_and_others if Path(a.document.path).name not in OFF_TOPIC]
    assert len(seeds) == 5
    stories = group_stories(seeds)
    assert len(stories) == 1
    assert stories[0].title.strip()


@pytest.mark.slow
def test_stories_seeds_mixed_with_other_subjects_come_apart(seeds_and_others):
    stem = _by_stem(seeds_and_others)
    found = {frozenset(stem[d] for d in s.documents) for s in group_stories(seeds_and_others)}
    seed_stems = frozenset(stem[a.document.id] for a in seeds_and_others if Path(a.document.path).name not in OFF_TOPIC)
    assert found == {seed_stems, frozenset({"harvest-1", "harvest-2"}), frozenset({"museum-1", "museum-2"})}


@pytest.mark.slow
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("observe", [False, True])
def test_stories_seeds_one_story_in_any_arrival_order(seeds_and_others, reverse, observe):
    seeds = [a for a in seeds_and_others if Path(a.document.path).name not in OFF_TOPIC]
    order = seeds[::-1] if reverse else seeds
    index = StoryIndex()
    if observe:
        index.observe(order)
    for a in order:
        index.add(a)
    assert len(index.stories()) == 1


def test_stories_empty_article_opens_its_own_story_named_after_its_path():
    subj = subjects()
    empty = DocAnalysis(document=Document(id="d-empty", path="vide.txt", text=""))
    stories = group_stories([*subj["dam"], empty])
    alone = [s for s in stories if "d-empty" in s.documents]
    assert len(alone) == 1 and alone[0].documents == ["d-empty"]
    assert alone[0].title == "vide.txt"


@pytest.mark.parametrize("later", list(ARTICLES))
def test_stories_add_many_later_batch_leaves_other_stories_alone(later):
    subj = subjects()
    index = StoryIndex()
    first = index.add_many([docs[0] for docs in subj.values()])
    placed = index.add_many([subj[later][1]])
    assert placed[subj[later][1].document.id] == first[subj[later][0].document.id]
    for k, docs in subj.items():
        assert index.story_of(docs[0].document.id) == first[docs[0].document.id]
    assert len(index.stories()) == len(subj)


def test_stories_add_many_matches_group_stories_and_ignores_repeats():
    subj = subjects()
    analyses = [a for v in subj.values() for a in v]
    index = StoryIndex()
    index.add_many(analyses + analyses[:2])
    assert grouping(index.stories()) == grouping(group_stories(analyses))
    assert len(index) == len(analyses)
