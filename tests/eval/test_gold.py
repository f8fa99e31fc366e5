"""The gold loader: well-formed files load, malformed ones say what is wrong."""

from __future__ import annotations

import json
import re

import pytest

from chronique.errors import GoldFormatError
from chronique.eval.gold import article_text, find_article, load_gold, nth_occurrence

ARTICLE = "« Nous resterons », a dit Jeanne Morel mardi. Mardi soir, elle a répété « Nous resterons ici »."


def _write(tmp_path, data, name="gold.json"):
    (tmp_path / "art.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _valid():
    return {
        "entities": [{"name": "Jeanne Morel", "type": "PER", "aliases": ["Morel"]}],
        "alias_pairs_that_must_merge": [["Jeanne Morel", "Morel"]],
        "names_that_must_stay_apart": [],
        "not_quotes": [],
        "stories": [["art"]],
        "docs": {
            "art": {
                "published": "2030-01-02",
                "quotes": [{"anchor": "resterons ici", "speaker": "Jeanne Morel"}],
                "optional_quotes": [],
                "indirect_quotes": [],
                "timex": [{"text": "mardi", "nth": 1, "value": "2030-01-01", "type": "DATE"}],
            }
        },
        "timeline": [{"date": "2030-01-01", "precision": "day", "participants": ["Jeanne Morel"], "docs": ["art"]}],
    }


def test_gold_valid_file_loads(tmp_path):
    gold = load_gold(_write(tmp_path, _valid()))
    doc = gold.docs["art"]
    assert doc.path == tmp_path / "art.txt"
    assert doc.quotes[0].speaker == "Jeanne Morel"
    assert doc.timex[0].values == ["2030-01-01"]
    assert gold.names_of("Morel") == ["Jeanne Morel", "Morel"]
    assert gold.names_of("Inconnu") == ["Inconnu"]


def test_gold_articles_folder_is_relative_to_the_gold_file(tmp_path):
    data = _valid()
    data["articles"] = "corpus"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "sub" / "gold.json"
    path.parent.mkdir()
    data["articles"] = "../corpus"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_gold(path).docs["art"].path == (tmp_path / "corpus" / "art.txt").resolve()


def _break(mutate):
    data = _valid()
    mutate(data)
    return data


@pytest.mark.parametrize(
    "data, message",
    [
        ("{not json", "not JSON"),
        ("[]", "expected an object"),
        (_break(lambda d: d.pop("docs")), "docs"),
        (_break(lambda d: d["docs"].update({"ghost": {}})), "ghost"),
        (_break(lambda d: d["docs"]["art"]["quotes"].append({"anchor": "absent", "speaker": "X"})), "not found"),
        (_break(lambda d: d["docs"]["art"]["quotes"].append({"anchor": "Nous resterons", "speaker": "X"})), "not unique"),
        (_break(lambda d: d["docs"]["art"]["quotes"].append({"anchor": "", "speaker": "X"})), "anchor"),
        (_break(lambda d: d["docs"]["art"]["quotes"].append({"anchor": "dit", "speaker": 3})), "speaker"),
        (_break(lambda d: d["docs"]["art"]["quotes"].append({"anchor": "dit", "speaker": "X", "kind": "quoted"})), "kind"),
        (_break(lambda d: d["docs"]["art"].update(quotes="nope")), "expected a list"),
        (_break(lambda d: d["docs"]["art"]["timex"].append({"text": "mardi", "nth": 2, "value": "x"})), "fewer than 2"),
        (_break(lambda d: d["docs"]["art"]["timex"].append({"text": "mardi", "nth": 0, "value": "x"})), "nth"),
        (_break(lambda d: d["docs"]["art"]["timex"].append({"text": "mardi", "value": "x", "type": "DAY"})), "type"),
        (_break(lambda d: d["docs"]["art"]["timex"].append({"text": "mardi", "value": 2030})), "value"),
        (_break(lambda d: d["docs"]["art"].update(published="hier")), "published"),
        (_break(lambda d: d["entities"].append({"name": "X", "type": "PERSON"})), "type"),
        (_break(lambda d: d["alias_pairs_that_must_merge"].append(["a", "b", "c"])), "pair"),
        (_break(lambda d: d["stories"].append(["nowhere"])), "unknown document stem"),
        (_break(lambda d: d["stories"].append(["art"])), "already in"),
        (_break(lambda d: d["timeline"][0].update(precision="hour")), "precision"),
        (_break(lambda d: d["timeline"][0].update(docs=["nowhere"])), "unknown document stem"),
        (_break(lambda d: d["not_quotes"].append({"doc": "nowhere", "anchor": "dit"})), "unknown document stem"),
        (_break(lambda d: d["not_quotes"].append({"doc": "art", "anchor": "Nous"})), "occurs 2 times"),
    ],
)
def test_gold_malformed_file_raises_a_clear_error(tmp_path, data, message):
    with pytest.raises(GoldFormatError, match=message):
        load_gold(_write(tmp_path, data))


def test_gold_missing_file_raises(tmp_path):
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


def test_gold_without_article_check_accepts_absent_articles(tmp_path):
    data = _valid()
    data["docs"]["ghost"] = {"quotes": [{"anchor": "anything", "speaker": "X"}]}
    gold = load_gold(_write(tmp_path, data), check_articles=False)
    assert gold.docs["ghost"].path is None


def _occurrences(text, needle):
    """Starts of ``needle`` in ``text``, found independently of the code under test."""
    return [m.start() for m in re.finditer(re.escape(needle), text)]


@pytest.mark.parametrize(
    "needle, nth, exists",
    [("Nous", 1, True), ("Nous", 2, True), ("Nous", 3, False), ("mardi", 1, True), ("Mardi", 1, True),
     ("mardi", 2, False)],  # case-sensitive, as the gold format says: « Mardi » is not a second « mardi »
)
def test_gold_nth_occurrence(needle, nth, exists):
    found = nth_occurrence(ARTICLE, needle, nth)
    starts = _occurrences(ARTICLE, needle)
    assert found == (starts[nth - 1] if exists else -1)
    if exists:
        assert ARTICLE[found : found + len(needle)] == needle


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("a.jsonl", '{"title": "Titre", "text": "Corps du texte"}\n', "Corps du texte"),
        ("b.html", "<html><body><p>Un &eacute;t&eacute; <b>chaud</b></p></body></html>", "Un été chaud"),
        ("c.txt", "Texte brut", "Texte brut"),
    ],
)
def test_gold_article_text_by_format(tmp_path, name, content, expected):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert expected in article_text(tmp_path / name)
    assert find_article(tmp_path, name.split(".")[0]) == tmp_path / name


@pytest.mark.parametrize("name", ["seeds.json", "examples.json"])
def test_gold_bundled_files_load_with_unique_anchors(request, gold_dir, name):
    if name == "seeds.json":
        request.getfixturevalue("seeds_dir")  # skips when shared/corpus/seeds is not beside the repository
    gold = load_gold(gold_dir / name)
    assert gold.docs and all(d.path is not None for d in gold.docs.values())
    for doc in gold.docs.values():
        text = article_text(doc.path)
        for q in doc.quotes + doc.optional_quotes + doc.indirect_quotes:
            assert text.count(q.anchor) == 1, (doc.stem, q.anchor)
        for t in doc.timex:
            assert nth_occurrence(text, t.text, t.nth) != -1, (doc.stem, t.text, t.nth)
    stems = [s for story in gold.stories for s in story]
    assert sorted(stems) == sorted(gold.docs), "every gold document belongs to exactly one story"
    speakers = {q.speaker for d in gold.docs.values() for q in d.quotes}
    named = {n for e in gold.entities for n in [e.name, *e.aliases]}
    assert speakers <= named, f"quote speakers missing from entities: {sorted(speakers - named)}"
    linked = {p for ev in gold.timeline for p in ev.participants} | {n for pair in gold.must_merge + gold.stay_apart for n in pair}
    assert linked <= named, f"timeline/alias names missing from entities: {sorted(linked - named)}"
    assert all(s in gold.docs for ev in gold.timeline for s in ev.docs)
