"""The gazetteer: every Ukrainian settlement, hromada, raion and oblast, plus foreign and informal
places, indexed by the keys of ``placekeys``.

Settlements, hromadas and raions come from ``data/gazetteer/places.tsv.gz``, built from official
and OCHA sources by ``tools/build_gazetteer.py`` (see docs/GAZETTEER.md for sources and licences).
Oblasts, regional names and places beyond the registry come from ``data/gazetteer/regions.yaml``.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from svidok.analysis.placekeys import KEY_VERSION, name_keys, single_keys
from svidok.datafiles import load_yaml, read_bytes
from svidok.domain.annotations import Place

# A district of a city (Троєщина, Салтівка) ranks with a village: a town of the same name comes
# first, and between a district and a namesake village the larger place.
LEVEL_RANK = {"city": 4, "settlement": 3, "village": 1, "district": 1, "raion": 2, "hromada": 2,
              "oblast": 5, "country": 6, "region": 5, "mountains": 2, "river": 2, "poi": 2}


class GazetteerOutdated(RuntimeError):
    """The shipped gazetteer was built with another key version: rebuild it."""


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to."""

    place: Place
    population: int
    oblast_pcode: str

    @property
    def rank(self) -> tuple[int, int]:
        return LEVEL_RANK.get(self.place.level, 0), self.population


@dataclass(frozen=True)
class WordHits:
    """One word as the gazetteer sees it."""

    next_initials: frozenset[str]  # first letters of the words that can follow it in a name
    places: list[Candidate]  # the places it names on its own

    @property
    def starts_name(self) -> bool:
        """Whether it can be the first word of a multi-word name."""
        return bool(self.next_initials)


_WORDS_MEMO = 200_000


@dataclass(frozen=True)
class Oblast:
    pcode: str
    label: str
    iso: str
    adjective_keys: frozenset[str]


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = {}
        self.oblasts: dict[str, Oblast] = {}
        self._load_regions()
        self._load_places("places.tsv.gz")
        self._load_places("world.tsv.gz")
        # First words of multi-word keys, with the first letters of the words that follow them: a
        # span is only worth looking up if it starts with one and goes on with such a letter (a
        # name's later word and its dictionary form begin with the same letter: Розі, Ріг).
        initials: dict[str, set[str]] = {}
        for key in self.index:
            first, _, rest = key.partition(" ")
            if rest:
                initials.setdefault(first, set()).add(rest[0])
        self.next_initials = {first: frozenset(found) for first, found in initials.items()}
        self.first_words = frozenset(self.next_initials)
        self._words: dict[str, WordHits] = {}

    def lookup(self, key: str) -> list[Candidate]:
        return self.index.get(key, [])

    def word(self, word: str) -> WordHits:
        """What one word of a text can be (memoised: most capitalised words of a text are
        names and sentence starts, looked up again in every text)."""
        hits = self._words.get(word)
        if hits is None:
            keys = single_keys(word)
            hits = WordHits(frozenset().union(*(self.next_initials[k] for k in keys
                                                if k in self.next_initials)),
                            [c for key in sorted(keys) for c in self.index.get(key, ())])
            if len(self._words) < _WORDS_MEMO:
                self._words[word] = hits
        return hits

    def forget(self) -> None:
        """Drop the memo of text words (benchmarks measuring words never seen before)."""
        self._words.clear()

    def oblast_by_adjective(self, keys: frozenset[str]) -> Oblast | None:
        for oblast in self.oblasts.values():
            if oblast.adjective_keys & keys:
                return oblast
        return None

    def _add(self, keys: set[str] | list[str], candidate: Candidate) -> None:
        for key in keys:
            self.index.setdefault(key, []).append(candidate)

    def _load_regions(self) -> None:
        raw = load_yaml("gazetteer", "regions.yaml")
        for o in raw["oblasts"]:
            adjectives = frozenset(k for a in (o["adj_uk"], o["adj_ru"]) if a
                                   for k in name_keys([a]))
            oblast = Oblast(o["pcode"], o["label"], o["iso"], adjectives)
            self.oblasts[o["pcode"]] = oblast
            place = Place(o["regional"][0] if o["regional"] else o["label"], o["label"], "oblast",
                          o["pcode"], o["label"], o["iso"])
            for name in o["regional"]:
                self._add(name_keys(name.split()), Candidate(place, 0, o["pcode"]))
        for e in raw["extra"]:
            place = Place(e["names"][0], e["name_en"], e["level"], "", e.get("oblast", ""),
                          e["iso"], bool(e["foreign"]))
            for name in e["names"]:
                self._add(name_keys(name.split()), Candidate(place, 10**9, ""))

    def _load_places(self, name: str) -> None:
        raw = gzip.decompress(read_bytes("gazetteer", name))
        lines = raw.decode("utf-8").splitlines()
        header = lines[0].split("\t")
        if f"key_version={KEY_VERSION}" not in header:
            raise GazetteerOutdated(f"{name} was built with another key version")
        for line in lines[1:]:
            kind, code, level, pcode, uk, en, _ru, population, keys = line.split("\t")
            if kind == "world":  # pcode holds the ISO country code
                place = Place(uk, en, level, code, "", pcode, foreign=True)
            else:
                oblast = self.oblasts.get(pcode)
                place = Place(uk, en, level, code, "" if oblast is None else oblast.label,
                              "" if oblast is None else oblast.iso)
            self._add(keys.split("|"), Candidate(place, int(population), pcode))


def write(path: Path, rows: list[list[str]]) -> None:
    """Write rows in the format ``_load_places`` reads (docs/GAZETTEER.md); for tools/."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        fh.write(f"#svidok-gazetteer\tkey_version={KEY_VERSION}\trows={len(rows)}\n")
        for row in rows:
            fh.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer()
