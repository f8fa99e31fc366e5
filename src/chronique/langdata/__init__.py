"""Language knowledge as data: French speech verbs, titles, temporal words.

Every file under ``langdata/<lang>/`` is YAML of the same shape::

    meta:
      description: what the list is and where its words come from
      key: lemma                 # the field that must be unique
      fields:                    # every entry's fields and their types
        lemma: str               # str | int | bool | list[str]; a trailing ? = optional
        forms: list[str]?
    entries:
      - {lemma: déclarer, forms: [...]}

Two optional ``meta`` checks for gazetteers: ``lowercase: [field, ...]`` (those
fields' words are written in lower case) and ``unique_forms: [field, ...]`` (no
surface form in those fields, folded as a matcher reads it, belongs to two entries).

``load(name)`` reads and validates a file once (cached); ``validate_all()`` checks
them all and is run by the test suite and by ``chronique langdata check``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import re
import unicodedata

import yaml

from chronique.errors import LangDataError

_FORM_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_TYPES = {"str": str, "int": int, "bool": bool, "list[str]": list, "dict": dict, "float": (int, float)}


def _check_entry(name: str, i: int, entry: Any, fields: dict[str, str]) -> None:
    if not isinstance(entry, dict):
        raise LangDataError(f"{name}: entry {i} is not a mapping")
    unknown = set(entry) - {f for f in fields}
    if unknown:
        raise LangDataError(f"{name}: entry {i} has unknown fields {sorted(unknown)}")
    for fname, ftype in fields.items():
        optional = ftype.endswith("?")
        ftype = ftype.rstrip("?")
        if ftype not in _TYPES:
            raise LangDataError(f"{name}: field {fname} has unknown type {ftype}")
        if fname not in entry or entry[fname] is None:
            if optional:
                continue
            raise LangDataError(f"{name}: entry {i} lacks required field {fname!r}")
        value = entry[fname]
        if not isinstance(value, _TYPES[ftype]) or (ftype in ("int", "float") and isinstance(value, bool)):
            raise LangDataError(f"{name}: entry {i} field {fname!r} should be {ftype}, got {value!r}")
        if ftype == "str" and not value.strip():
            raise LangDataError(f"{name}: entry {i} field {fname!r} is empty")
        if ftype == "list[str]" and not all(isinstance(v, str) and v.strip() for v in value):
            raise LangDataError(f"{name}: entry {i} field {fname!r} must hold non-empty strings")


def validate(name: str, data: Any) -> list[dict[str, Any]]:
    """Check one file's content against its own ``meta`` and return its entries."""
    if not isinstance(data, dict) or "meta" not in data or "entries" not in data:
        raise LangDataError(f"{name}: needs top-level 'meta' and 'entries'")
    meta = data["meta"]
    fields = meta.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise LangDataError(f"{name}: meta.fields must map field names to types")
    if not meta.get("description"):
        raise LangDataError(f"{name}: meta.description is required")
    entries = data["entries"]
    if not isinstance(entries, list) or not entries:
        raise LangDataError(f"{name}: entries must be a non-empty list")
    key = meta.get("key")
    seen: set[Any] = set()
    for i, entry in enumerate(entries):
        _check_entry(name, i, entry, fields)
        if key:
            k = entry.get(key)
            k = k.lower() if isinstance(k, str) else k
            if k in seen:
                raise LangDataError(f"{name}: duplicate {key} {entry.get(key)!r}")
            seen.add(k)
    for fname in meta.get("lowercase") or ():
        for entry in entries:
            bad = [v for v in _values(entry.get(fname)) if v != v.lower()]
            if bad:
                raise LangDataError(f"{name}: {fname} must be lower case, got {bad[0]!r}")
    if meta.get("unique_forms"):
        _check_unique_forms(name, entries, meta["unique_forms"], key)
    return entries


def _values(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ())


def fold_form(text: str) -> str:
    """A surface form as a matcher compares it: no case, no accents, words joined by one space
    (« Maison-Blanche » = « maison blanche »)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return " ".join(_FORM_WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


def _check_unique_forms(name: str, entries: list[dict[str, Any]], fields: list[str], key: str | None) -> None:
    owner: dict[str, Any] = {}
    for i, entry in enumerate(entries):
        who = entry.get(key) if key else i
        for fname in fields:
            for form in _values(entry.get(fname)):
                folded = fold_form(form)
                if not folded:
                    raise LangDataError(f"{name}: entry {who!r} has a form without letters: {form!r}")
                if owner.setdefault(folded, who) != who:
                    raise LangDataError(f"{name}: form {form!r} names both {owner[folded]!r} and {who!r}")


def names(lang: str = "fr") -> list[str]:
    folder = resources.files("chronique.langdata").joinpath(lang)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def _load(name: str, lang: str) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    path = resources.files("chronique.langdata").joinpath(lang, f"{name}.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LangDataError(f"no language data {lang}/{name}.yaml") from exc
    except yaml.YAMLError as exc:
        raise LangDataError(f"{lang}/{name}.yaml is not valid YAML: {exc}") from exc
    entries = validate(f"{lang}/{name}.yaml", data)
    return data["meta"], tuple(entries)


def load(name: str, lang: str = "fr") -> tuple[dict[str, Any], ...]:
    """Validated entries of ``langdata/<lang>/<name>.yaml`` (cached; do not mutate)."""
    return _load(name, lang)[1]


def meta(name: str, lang: str = "fr") -> dict[str, Any]:
    return _load(name, lang)[0]


def validate_all(lang: str = "fr") -> dict[str, int]:
    """Validate every data file; returns entry counts by file."""
    return {n: len(load(n, lang)) for n in names(lang)}
