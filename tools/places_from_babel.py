"""Check src/chronique/langdata/fr/countries.yaml against CLDR's French territory names.

    PYTHONPATH=src .venv/bin/python tools/places_from_babel.py

The gazetteer's base (ISO codes, usual French names) was taken from CLDR through
Babel (``babel.Locale("fr").territories``, a development tool, not a dependency);
capitals, demonyms, seats and ambiguous forms were then written by hand. The YAML is
the single source: this script only reports what differs from CLDR and prints a
skeleton entry for every ISO territory the YAML neither lists nor skips on purpose,
to paste in and complete by hand.
"""

from __future__ import annotations

from babel import Locale

from chronique import langdata

# ISO/CLDR codes deliberately left out: groupings, pseudo-locales, uninhabited or remote
# territories, dependencies rarely named in news on their own.
SKIPPED = set(
    "AC AQ AS AW AX BL BM BQ BV CC CK CP CW CX DG EA EU EZ FK FO GG GI GS GU HM IC IM IO JE KY "
    "MF MP MS NF NU PM PN QO SH SJ SX TA TC TF TK UM UN VG VI WF XA XB ZZ AI".split()
    # two states whose names hold a word that names a person of our gold sets: the package
    # must not contain those words (tests/test_no_sample_knowledge.py), so they wait
    + ["CR", "LC"]
)


def main() -> None:
    cldr = {k: v for k, v in Locale("fr").territories.items() if len(k) == 2 and k.isalpha()}
    entries = {e["code"]: e for e in langdata.load("countries")}
    for code, entry in sorted(entries.items()):
        if code not in cldr:
            print(f"# {code}: not a CLDR territory")
        elif langdata.fold_form(cldr[code]) not in {
            langdata.fold_form(f) for f in [entry["name"], *(entry.get("forms") or ())]
        }:
            print(f"# {code}: CLDR says {cldr[code]!r}, the gazetteer {entry['name']!r}")
    for code in sorted(set(cldr) - set(entries) - SKIPPED):
        print(f"  - {{code: '{code}', name: {cldr[code]}}}")


if __name__ == "__main__":
    main()
