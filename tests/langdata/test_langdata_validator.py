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
