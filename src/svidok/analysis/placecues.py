"""The words around a place name that say what it is (``data/gazetteer/cues.yaml``):
prepositions, settlement and street nouns, oblast and direction nouns, the words of offices."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from svidok.datafiles import load_yaml


@dataclass(frozen=True)
class Cues:
    prepositions: frozenset[str]
    genitive_prepositions: frozenset[str]
    settlement_nouns: frozenset[str]
    settlement_abbreviations: frozenset[str]
    street_nouns: frozenset[str]
    oblast_nouns: frozenset[str]
    direction_nouns: frozenset[str]
    between: frozenset[str]
    conjunctions: frozenset[str]
    with_prepositions: frozenset[str]
    office_raion_words: frozenset[str]
    office_city_words: frozenset[str]
    office_oblast_words: frozenset[str]
    poi_nouns: frozenset[str]
    quoted_place_nouns: frozenset[str]
    village_nouns: frozenset[str]
    near_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load_yaml("gazetteer", "cues.yaml")
    return Cues(*(frozenset(raw[k]) for k in
                  ("prepositions", "genitive_prepositions", "settlement_nouns",
                   "settlement_abbreviations", "street_nouns", "oblast_nouns", "direction_nouns",
                   "between", "conjunctions", "with_prepositions", "office_raion_words",
                   "office_city_words", "office_oblast_words", "poi_nouns",
                   "quoted_place_nouns", "village_nouns", "near_prepositions")))


@lru_cache(maxsize=8)
def cased(words: frozenset[str]) -> frozenset[str]:
    """The words as written in any of the usual cases, so tokens need no lower() each."""
    return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))
