import pytest

from chronique import langdata
from chronique.errors import LangDataError


def test_langdata_every_shipped_file_validates():
    counts = langdata.validate_all("fr")
    assert all(n > 0 for n in counts.values())


@pytest.mark.parametrize(
    "data, message",
    [
        ({"entries": [{"a": "x"}]}, "meta"),
        ({"meta": {"description": "d", "fields": {"a": "str"}}, "entries": []}, "non-empty"),
        ({"meta": {"description": "d", "fields": {"a": "str"}}, "entries": [{"b": "x"}]}, "unknown fields"),
        ({"meta": {"description": "d", "fields": {"a": "str"}}, "entries": [{"a": ""}]}, "empty"),
        ({"meta": {"description": "d", "fields": {"a": "int"}}, "entries": [{"a": "3"}]}, "should be int"),
        ({"meta": {"description": "d", "key": "a", "fields": {"a": "str"}}, "entries": [{"a": "x"}, {"a": "X"}]}, "duplicate"),
        ({"meta": {"description": "d", "fields": {"a": "list[str]"}}, "entries": [{"a": ["ok", ""]}]}, "non-empty strings"),
    ],
)
def test_langdata_validator_rejects_malformed(data, message):
    with pytest.raises(LangDataError, match=message):
        langdata.validate("test.yaml", data)


def test_langdata_optional_field_may_be_missing():
    data = {"meta": {"description": "d", "fields": {"a": "str", "b": "list[str]?"}}, "entries": [{"a": "x"}]}
    assert langdata.validate("t.yaml", data) == [{"a": "x"}]


_GAZ = {"description": "d", "key": "code", "fields": {"code": "str", "name": "str", "demonyms": "list[str]?"},
        "lowercase": ["demonyms"], "unique_forms": ["name", "demonyms"]}


@pytest.mark.parametrize(
    "entries, message",
    [
        ([{"code": "AA", "name": "Valdor", "demonyms": ["Valdorien"]}], "lower case"),
        ([{"code": "AA", "name": "Valdor"}, {"code": "BB", "name": "VALDOR"}], "names both"),
        ([{"code": "AA", "name": "Valdor", "demonyms": ["bérien"]}, {"code": "BB", "name": "Bérie", "demonyms": ["berien"]}], "names both"),
        ([{"code": "AA", "name": "Haut-Valdor"}, {"code": "BB", "name": "Haut Valdor"}], "names both"),
        ([{"code": "AA", "name": "--"}], "without letters"),
    ],
)
def test_langdata_gazetteer_checks_reject(entries, message):
    with pytest.raises(LangDataError, match=message):
        langdata.validate("g.yaml", {"meta": _GAZ, "entries": entries})


def test_langdata_gazetteer_one_entry_may_repeat_its_own_form():
    entries = [{"code": "AA", "name": "Valdor", "demonyms": ["valdor", "valdors"]}, {"code": "BB", "name": "Bérie"}]
    assert langdata.validate("g.yaml", {"meta": {**_GAZ, "unique_forms": ["name", "demonyms"]}, "entries": entries})
    assert langdata.fold_form("Maison-Blanche") == langdata.fold_form("maison  blanche") == "maison blanche"
