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
from operator import methodcaller
from pathlib import Path

from svidok.analysis.placekeys import KEY_VERSION, lookup_keys, name_keys, single_keys
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


@dataclass(slots=True, eq=False)
class WordHits:
    """One word as the gazetteer sees it. Read only, though not frozen: one is made for every
    new word, and a frozen dataclass sets each field through ``object.__setattr__``."""

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


FORMAT = "2"  # of the place files: raised whenever their layout changes (docs/GAZETTEER.md)


class PlaceFile:
    """One shipped place file (places.tsv.gz, world.tsv.gz), read without building a Python
    object per row or per key: its rows stay text until a key names them.

    Format (docs/GAZETTEER.md): a header; the rows; then one line per key with the numbers of
    the rows it names; then one line per first word of a multi-word key with the first letters
    of the words that follow it. The key lines become a dict in one C-level pass
    (``dict(map(split, lines))``); building a list of candidates per key in Python had taken
    ~0.3 s of every cold start for 96,000 keys."""

    def __init__(self, name: str, oblasts: dict[str, Oblast], raw: bytes | None = None) -> None:
        """The shipped file ``name``, or ``raw``, the gzipped bytes of such a file."""
        raw = read_bytes("gazetteer", name) if raw is None else raw
        lines = gzip.decompress(raw).decode("utf-8").split("\n")
        header = dict(field.split("=", 1) for field in lines[0].split("\t")[1:])
        if header.get("key_version") != str(KEY_VERSION) or header.get("format") != FORMAT:
            raise GazetteerOutdated(f"{name} was built with another key version or format")
        rows, keys, starts = int(header["rows"]), int(header["keys"]), int(header["starts"])
        self._rows = lines[1 : 1 + rows]
        self._keys: dict[str, str] = dict(
            map(methodcaller("split", "\t", 1), lines[1 + rows : 1 + rows + keys]))
        self.initials: dict[str, str] = dict(map(methodcaller("split", "\t", 1),
                                                 lines[1 + rows + keys : 1 + rows + keys + starts]))
        self._oblasts = oblasts
        self._made: dict[int, Candidate] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def lookup(self, key: str) -> list[Candidate]:
        numbers = self._keys.get(key)
        return [] if numbers is None else [self._candidate(int(n)) for n in numbers.split(",")]

    def _candidate(self, number: int) -> Candidate:
        made = self._made.get(number)
        if made is None:
            kind, code, level, pcode, uk, en, _ru, population = self._rows[number].split("\t")
            if kind == "world":  # pcode holds the ISO country code
                place = Place(uk, en, level, code, "", pcode, foreign=True)
            else:
                oblast = self._oblasts.get(pcode)
                place = Place(uk, en, level, code, "" if oblast is None else oblast.label,
                              "" if oblast is None else oblast.iso)
            made = self._made[number] = Candidate(place, int(population), pcode)
        return made


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = {}  # the places of regions.yaml
        self.oblasts: dict[str, Oblast] = {}
        self._load_regions()
        self._files = [PlaceFile("places.tsv.gz", self.oblasts),
                       PlaceFile("world.tsv.gz", self.oblasts)]
        # First words of multi-word keys, with the first letters of the words that follow them: a
        # span is only worth looking up if it starts with one and goes on with such a letter (a
        # name's later word and its dictionary form begin with the same letter: Розі, Ріг).
        initials: dict[str, set[str]] = {}
        for key in self.index:
            first, _, rest = key.partition(" ")
            if rest:
                initials.setdefault(first, set()).add(rest[0])
        for file in self._files:
            for first, letters in file.initials.items():
                initials.setdefault(first, set()).update(letters)
        self.next_initials = {first: frozenset(found) for first, found in initials.items()}
        self.first_words = frozenset(self.next_initials)
        self._words: dict[str, WordHits] = {}
        self._looked_up: dict[str, list[Candidate]] = {}

    def lookup(self, key: str) -> list[Candidate]:
        """The places a key names: regions.yaml's first, then the settlements, raions and
        hromadas, then the world's, each in file order (memoised)."""
        found = self._looked_up.get(key)
        if found is None:
            found = self.index.get(key, [])
            for file in self._files:
                if key in file:
                    found = found + file.lookup(key)
            if len(self._looked_up) < _WORDS_MEMO:
                self._looked_up[key] = found
        return found

    def word(self, word: str) -> WordHits:
        """What one word of a text can be (memoised: most capitalised words of a text are
        names and sentence starts, looked up again in every text)."""
        hits = self._words.get(word)
        if hits is None:
            keys = single_keys(word)
            hits = WordHits(frozenset().union(*(self.next_initials[k] for k in keys
                                                if k in self.next_initials)),
                            [c for key in sorted(keys) for c in self.lookup(key)])
            if len(self._words) < _WORDS_MEMO:
                self._words[word] = hits
        return hits

    def forget(self) -> None:
        """Drop the memo of text words (benchmarks measuring words never seen before)."""
        self._words.clear()
        self._looked_up.clear()

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


def write(path: Path, rows: list[list[str]]) -> None:
    """Write rows (eight columns and a ninth of ``|``-separated keys) in the format
    ``PlaceFile`` reads (docs/GAZETTEER.md); for tools/."""
    by_key: dict[str, list[int]] = {}
    initials: dict[str, set[str]] = {}
    for number, row in enumerate(rows):
        for key in row[8].split("|"):
            if key:
                by_key.setdefault(key, []).append(number)
                first, _, rest = key.partition(" ")
                if rest:
                    initials.setdefault(first, set()).add(rest[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        fh.write(f"#svidok-gazetteer\tkey_version={KEY_VERSION}\tformat={FORMAT}"
                 f"\trows={len(rows)}\tkeys={len(by_key)}\tstarts={len(initials)}\n")
        for row in rows:
            fh.write("\t".join(cell.replace("\t", " ") for cell in row[:8]) + "\n")
        for key in sorted(by_key):
            fh.write(f"{key}\t{','.join(map(str, by_key[key]))}\n")
        for first in sorted(initials):
            fh.write(f"{first}\t{''.join(sorted(initials[first]))}\n")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer()


def unique(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates less repeats of one place (same code and English name), in order."""
    seen: dict[tuple[str, str], Candidate] = {}
    for c in candidates:
        seen.setdefault((c.place.code, c.place.name_en), c)
    return list(seen.values())


@lru_cache(maxsize=100_000)
def span_places(span: tuple[str, ...], gaz: Gazetteer) -> list[Candidate]:
    """The places a run of words names (cached: a gazetteer does not change while loaded), in
    the order of their keys, so that a tie is broken the same way in every process."""
    return unique([c for key in sorted(lookup_keys(list(span), gaz.first_words))
                   for c in gaz.lookup(key)])
