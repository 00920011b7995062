"""The words around a place name that say what it is (``data/gazetteer/cues.yaml``):
prepositions, settlement and street nouns (before a street's name, and in English after it),
oblast, raion and direction nouns, the words of offices."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from svidok.analysis.tokens import Tokens
from svidok.datafiles import load_yaml


@dataclass(frozen=True)
class Cues:
    prepositions: frozenset[str]
    genitive_prepositions: frozenset[str]
    settlement_nouns: frozenset[str]
    settlement_abbreviations: frozenset[str]
    street_nouns: frozenset[str]
    street_nouns_after: frozenset[str]
    no_place_after: frozenset[str]
    oblast_nouns: frozenset[str]
    raion_nouns: frozenset[str]
    direction_nouns: frozenset[str]
    between: frozenset[str]
    conjunctions: frozenset[str]
    with_prepositions: frozenset[str]
    office_raion_words: frozenset[str]
    office_city_words: frozenset[str]
    office_oblast_words: frozenset[str]
    poi_nouns: frozenset[str]
    quoted_place_nouns: frozenset[str]
    river_cues: frozenset[str]
    village_nouns: frozenset[str]
    near_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load_yaml("gazetteer", "cues.yaml")
    return Cues(*(frozenset(raw[k]) for k in
                  ("prepositions", "genitive_prepositions", "settlement_nouns",
                   "settlement_abbreviations", "street_nouns", "street_nouns_after",
                   "no_place_after", "oblast_nouns", "raion_nouns", "direction_nouns", "between",
                   "conjunctions", "with_prepositions", "office_raion_words",
                   "office_city_words", "office_oblast_words", "poi_nouns",
                   "quoted_place_nouns", "river_cues", "village_nouns", "near_prepositions")))


@lru_cache(maxsize=8)
def cased(words: frozenset[str]) -> frozenset[str]:
    """The words as written in any of the usual cases, so tokens need no lower() each."""
    return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))


def before_a_street_noun(text: str, toks: Tokens, j: int) -> bool:
    """Whether an English street noun is the word ``j``, right after the word before it: the
    words before it name the street ("Shevchenko Avenue"), not a person or a place."""
    return 0 < j < len(toks) and toks.words[j].lower() in cues().street_nouns_after \
        and text[toks.ends[j - 1] : toks.starts[j]] == " "
