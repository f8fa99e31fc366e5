"""User alias files: name variants mapped to one canonical name before linking.

Two layouts are read, line by line (``#`` comments and blank lines skipped):

* ``alias<TAB>canonical`` — a hand-written list;
* the JRC-Names ``entities`` file — ``id<TAB>type<TAB>language<TAB>name``, the
  words of a name joined by ``+`` (``123<TAB>P<TAB>u<TAB>Anne+Martin``). Every
  variant of one id maps to that id's display name: its first variant of
  language ``u`` (written alike in every language), else its first variant.

A file may not mix the two layouts: the first data line decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from chronique.errors import InputError

JRC_UNIVERSAL = "u"  # JRC-Names language code of a spelling shared by all languages


def _is_jrc(parts: list[str]) -> bool:
    return len(parts) == 4 and parts[0].isdigit() and bool(parts[3])


def parse_aliases(lines: Iterable[str], source: str = "<aliases>") -> dict[str, str]:
    """Variant -> canonical name from the lines of an alias file (either layout)."""
    pairs: dict[str, str] = {}
    jrc: dict[str, list[tuple[str, str]]] = {}  # id -> [(language, name)]
    layout = None
    for n, raw in enumerate(lines, 1):
        line = raw.strip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        here = "jrc" if _is_jrc(parts) else "pair"
        layout = layout or here
        if here != layout:
            raise InputError(source, f"line {n}: expected the {'JRC-Names' if layout == 'jrc' else 'alias<TAB>canonical'} layout")
        if layout == "jrc":
            name = " ".join(w for w in parts[3].split("+") if w)
            jrc.setdefault(parts[0], []).append((parts[2].lower(), name))
            continue
        if len(parts) != 2 or not all(parts):
            raise InputError(source, f"line {n}: expected 'alias<TAB>canonical name' or a JRC-Names line")
        pairs[parts[0]] = parts[1]
    for variants in jrc.values():
        canonical = next((name for lang, name in variants if lang == JRC_UNIVERSAL), variants[0][1])
        for _, name in variants:
            if name != canonical:
                pairs.setdefault(name, canonical)
    return pairs


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read an alias file (``alias<TAB>canonical`` or JRC-Names ``entities``)."""
    with Path(path).open(encoding="utf-8") as f:
        return parse_aliases(f, str(path))
