"""Name normalisation shared by in-document clustering and cross-document linking.

Three levels, each coarser than the last:

* ``fold``: accents, case, hyphens, apostrophes and dots of initials removed
  (« Maison-Blanche » = « Maison Blanche », « J.D. » = « JD »);
* ``phonetic``: a transliteration-tolerant key per word, so the usual ways of
  writing Cyrillic or Arabic names in Latin letters meet (y/i/ï, -yy/-iy/-ii,
  ou/u/w, kh/h, tch/sh/ch, gue/ge, doubled letters, a final mute e);
* ``given_names_compatible``: whether two given-name sequences may name the same
  person (equal, same phonetic key, one a prefix of the other as Tom/Tomas,
  or an initial).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTTED_INITIALS = re.compile(r"\b([A-Za-z])\.(?=\s*[A-Za-z]\b\.?|\s*-?[A-Za-z]\.)")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")

# Applied in order to an accent-free lower-case word.
_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tch|tsch|sch|sh", "ch"),
        (r"zh", "j"),
        (r"kh", "h"),
        (r"gh", "g"),  # Arabic transliteration: Bagdad / Baghdad
        (r"(?<=[aeiou])dh", "d"),  # Riyad / Riyadh
        (r"ph", "f"),
        (r"ck|q", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"ou", "u"),
        (r"gu(?=[eiy])", "g"),
        (r"y", "i"),
        (r"ie(?=[^aeiou]|$)", "i"),  # a soft vowel written ie or i (« lviev » / « lviv »)
        (r"(.)\1+", r"\1"),  # doubled letters, including ii from -iy / -yy
        (r"(?<=..)e$", ""),  # a final mute e (Boutine / Butin)
    )
)
_VOWELS = re.compile(r"[aeiou]")


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, no accents, no punctuation; dotted or spaced initials joined (« J. D. » -> « jd »)."""
    s = strip_accents(name).replace("’", "'")
    s = _DOTTED_INITIALS.sub(r"\1", s)
    s = _NON_WORD.sub(" ", s).lower()
    words = _SPACES.sub(" ", s).strip().split(" ")
    out: list[str] = []
    for w in words:
        # consecutive single letters are one set of initials: "j d martin" -> "jd martin"
        if len(w) == 1 and out and _is_initials(out[-1]) and len(out[-1]) < 3:
            out[-1] += w
        else:
            out.append(w)
    return " ".join(w for w in out if w)


def _is_initials(w: str) -> bool:
    """A single letter, or two or three letters without a vowel (« jd »)."""
    return w.isalpha() and (len(w) == 1 or (len(w) <= 3 and not _VOWELS.search(w)))


@lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """Transliteration-tolerant key of one folded word (« olenskyy » -> « olenski »)."""
    s = word
    for pattern, repl in _PHONETIC_RULES:
        s = pattern.sub(repl, s)
    return s


def skeleton(word: str) -> str:
    """Consonants of the phonetic key, first letter kept (« lviv », « lvov » -> « lvv »)."""
    p = phonetic(word)
    return p[:1] + _VOWELS.sub("", p[1:])


def name_key(name: str) -> tuple[str, ...]:
    """The phonetic key of every word of a name."""
    return tuple(phonetic(w) for w in fold(name).split())


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    from chronique import langdata

    return frozenset(e["particle"] for e in langdata.load("name_particles"))


def is_name_particle(word: str) -> bool:
    """« de », « Le », « van », « d' »…: a word that may stand in a surname (``name_particles.yaml``)."""
    return word.lower().rstrip("'’") in _particles()


_ELIDED_PARTICLE = re.compile(r"(?i)\b([dl])'")
_INITIALS_UNIT = re.compile(r"^[a-z]\.(?:-?[a-z]\.)*$")
_UNIT_JUNK = re.compile(r"[^\w\-]+")


@lru_cache(maxsize=65536)
def units(name: str) -> tuple[str, ...]:
    """Words of a name, hyphenated compounds kept whole: « J.-B. Le Gall » -> (« j-b », « le », « gall »).

    Dotted or spaced initials become one unit (« J. D. », « J.D. », « JD » -> « jd »).
    """
    s = _ELIDED_PARTICLE.sub(r"\1 ", strip_accents(name).replace("’", "'").replace("ʼ", "'"))
    out: list[str] = []
    initial_run = False
    for raw in s.split():
        w = raw.lower().strip(",;:!?()[]«»\"'“”")
        if not w:
            continue
        if "." in w and _INITIALS_UNIT.match(w):
            u = w.replace(".", "")
            if initial_run and "-" not in u and "-" not in out[-1]:
                out[-1] += u
            else:
                out.append(u)
            initial_run = True
            continue
        initial_run = False
        u = _UNIT_JUNK.sub("", w).strip("-")
        if u:
            out.append(u)
    return tuple(out)


def unit_key(unit: str) -> str:
    """Phonetic key of one unit, hyphens dropped (« lima-souza » = « lima souza » joined)."""
    return "".join(phonetic(p) for p in unit.split("-") if p)


def split_name(name: str) -> tuple[tuple[str, ...], str]:
    """(given-name units, surname) of a personal name; the surname keeps its particles
    (« Anne Le Gall » -> ((« anne »,), « le-gall »)); a one-word name is all surname."""
    us = units(name)
    if not us:
        return (), ""
    k = len(us) - 1
    particles = _particles()
    while k > 0 and us[k - 1] in particles and not _is_dotted_initial(name, us[k - 1]):
        k -= 1
    return us[:k], "-".join(us[k:])


def _is_dotted_initial(name: str, unit: str) -> bool:
    """« D. Vernier »: a one-letter unit written with a dot is an initial, not the particle « d' »."""
    return len(unit) == 1 and re.search(rf"(?<!\w){re.escape(unit)}\.", strip_accents(name), re.I) is not None


def is_initials(unit: str) -> bool:
    """« j », « jd », « j-b »: letters standing for given names."""
    parts = unit.split("-")
    return all(len(p) == 1 for p in parts) if len(parts) > 1 else _is_initials(unit)


def _letters(given: tuple[str, ...]) -> str:
    return "".join(p[0] for u in given for p in u.split("-") if p)


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...], allow_prefix: bool = True) -> str | None:
    """How two given-name unit sequences (:func:`split_name`) can name one person, or None.

    Returns ``"same"`` (same phonetic key), ``"prefix"`` (a short form: Tom/Tomas,
    Max/Maxime — at least 3 letters, never half of a hyphenated name: Jean is
    not Jean-Louis) or ``"initial"`` (J./Jules, J.-L./Jean-Louis, JD/James David).
    Middle names may be missing on one side.
    """
    if not a or not b:
        return None
    fa, fb = a[0], b[0]
    if fa == fb:
        return "same"
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if long_.startswith(short) and long_[len(short) :] in _other_name_suffixes():
        return None  # Louis / Louise, Simon / Simone: the phonetic key would confuse them
    if unit_key(fa) == unit_key(fb):
        return "same"
    ia, ib = is_initials(fa), is_initials(fb)
    if ia != ib:
        short, long_ = (fa, b) if ia else (fb, a)
        letters = short.replace("-", "")
        return "initial" if _letters(long_).startswith(letters) else None
    if ia and ib:
        return None
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if allow_prefix and len(short) >= 3 and "-" not in long_ and "-" not in short and long_.startswith(short):
        if long_[len(short) :] not in _other_name_suffixes():
            return "prefix"
    return None


MIN_VARIANT_LENGTH = 4  # shorter given names (Jan / Jon, Dan / Don) are too often different names
MAX_VOWEL_CHANGES = 2
MIN_INSERTION_LENGTH = 5  # a dropped vowel in a shorter name is another name (Jean / Jan)


def vowel_variant(a: str, b: str) -> bool:
    """Two given-name units written from one foreign name with other vowels (Khaled / Khalid, Ahmed / Ahmad).

    Transliteration from Arabic, Persian or Cyrillic script chooses vowels freely:
    the phonetic keys have the same length and the same consonants in the same
    places, begin and end alike, and differ by one or two vowels — or by one
    short vowel left unwritten (Abdelkrim / Abdelkarim). A different ending is
    never a spelling variant (Mario / Marie, Paolo / Paola), nor is a vowel
    both changed and added (Hassan / Hussein).
    """
    fa, fb = fold(a), fold(b)
    ka, kb = unit_key(fa), unit_key(fb)
    if ka == kb or min(len(ka), len(kb)) < MIN_VARIANT_LENGTH or not (fa and fb) or fa[-1] != fb[-1]:
        return False
    if ka[0] != kb[0] or ka[-1] != kb[-1]:
        return False
    if len(ka) != len(kb):
        # one unwritten short vowel (Abdelkrim / Abdelkarim), and nothing else changed
        short, long_ = sorted((ka, kb), key=len)
        if len(long_) - len(short) != 1 or len(short) < MIN_INSERTION_LENGTH:
            return False
        return any(_VOWELS.match(long_[i]) and long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_) - 1))
    changes = 0
    for x, y in zip(ka, kb):
        if x == y:
            continue
        if not (_VOWELS.match(x) and _VOWELS.match(y)):
            return False
        changes += 1
    return changes <= MAX_VOWEL_CHANGES


@lru_cache(maxsize=1)
def _other_name_suffixes() -> frozenset[str]:
    from chronique import langdata

    return frozenset(e["suffix"] for e in langdata.load("given_name_suffixes"))


# Articles and prepositions inside organisation names (« Union des … de la … »): skipped by acronyms.
LINKING_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "à", "au", "aux", "en", "pour", "sur", "sous", "contre"})


def strip_common_head(name: str) -> str | None:
    """« groupe Durand » -> « Durand »: lower-case words just before a capitalised name,
    or None (nothing to strip, or a complement: « tour de France » stays whole)."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k][:1].islower():
        k += 1
    if k == 0 or not words[k][:1].isupper() or words[k - 1].lower() in LINKING_WORDS or words[k - 1].endswith(("'", "’")):
        return None
    return " ".join(words[k:])


@lru_cache(maxsize=1)
def _trailing_designators() -> frozenset[str]:
    from chronique import langdata

    return frozenset(f for e in langdata.load("org_heads") if e.get("trailing") for f in [e["head"], *(e.get("forms") or [])])


def is_trailing_designator(word: str) -> bool:
    """A legal form or sector word that may close a company's name (« Mining », « SA »)."""
    return word in _trailing_designators()


def strip_trailing_designator(name: str) -> str | None:
    """« Norvane Mining » -> « Norvane », « Kestrel Holding SA » -> « Kestrel »: a company's name
    without the legal form or sector word closing it, or None (nothing to strip, or no capitalised
    name left: « École des Mines » stays whole)."""
    words = name.split()
    k = len(words)
    while k > 1 and is_trailing_designator(words[k - 1]):
        k -= 1
    if k == len(words) or not words[k - 1][:1].isupper() or words[k - 1].lower() in LINKING_WORDS:
        return None
    return " ".join(words[:k])
