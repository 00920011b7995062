"""The keys under which place names are indexed and looked up, in any grammatical case.

A key is a name's words, each reduced to a dictionary form: "Кривому Розі" and "Кривий Ріг" both
give "кривий ріг", "Білій Церкві" and "Біла Церква" both "білий церква". The gazetteer's names are
reduced once, when it is built (tools/build_gazetteer.py); a text's words at lookup time. Both
sides use this module, so they always agree; ``KEY_VERSION`` changes whenever the reduction does,
and a test checks the shipped gazetteer was built with the current one.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from svidok.analysis.lemmas import grammemes, known, parse
from svidok.analysis.surface import spelling
from svidok.analysis.tokens import CYRILLIC, without_possessive
from svidok.datafiles import load_yaml

KEY_VERSION = 4
_MAX_COMBINATIONS = 32
_PERSONAL = frozenset({"Name", "Patr"})


def normalise(word: str) -> str:
    """Lower case, apostrophes (backtick included) dropped, ё as е: the lexicons' lookup
    spelling (``surface.spelling``), so place names and word lists read a word alike."""
    return spelling(word)


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    """The word itself and, for Cyrillic, its dictionary forms (or one guess if unknown), less
    a given name or patronymic the word is only an inflection of: "Николаев" (the city) is also
    a genitive plural of Николай, and "Меня зовут Николай" had made the man the city."""
    base = normalise(word)
    if not CYRILLIC.search(word):  # "Russia's Kursk region": Russia
        return frozenset({base, normalise(word[: without_possessive(word, len(word))])})
    if base.startswith("р-н") and len(base) <= 4:  # "р-н", "р-ні", "р-на": район abbreviated
        return frozenset({base, "район"})
    readings = [r for lang in ("uk", "ru") for r in known(word, lang)[:4]]
    lemmas = {normalise(r.normal_form) for r in readings if not _PERSONAL & grammemes(r)}
    if not readings:  # neither dictionary knows the word: the Ukrainian analyser's first guess,
        # unless that is a given name ("Виктори", Victoria in Canada, guessed as Виктор)
        lemmas = {normalise(guess.normal_form) for guess in parse(word, "uk")[:1]
                  if not _personal(guess.normal_form)}
    return frozenset({base, *lemmas})


def _personal(word: str) -> bool:
    """Whether a dictionary reads the word as a given name or a patronymic."""
    return any(_PERSONAL & grammemes(r) for lang in ("uk", "ru") for r in known(word, lang))


def name_keys(words: list[str]) -> set[str]:
    """Keys of a multi-word name: combinations of its words' keys, at most 32."""
    combos = itertools.islice(itertools.product(*(sorted(word_keys(w)) for w in words)),
                              _MAX_COMBINATIONS)
    return {" ".join(combo) for combo in combos}


@lru_cache(maxsize=1)
def _endings() -> dict[str, list[str]]:
    """Case ending -> the nominative endings it may replace."""
    raw = load_yaml("gazetteer", "endings.yaml")
    return {str(k): [str(v) for v in vs] for k, vs in raw["endings"].items()}


@lru_cache(maxsize=1)
def _longest_ending() -> int:
    return max(map(len, _endings()))


def lookup_keys(words: list[str], first_words: frozenset[str] | None = None) -> set[str]:
    """``name_keys`` plus nominatives guessed from Cyrillic words' endings ("Розі" -> "ріг").

    ``first_words``: the keys that begin a multi-word name in the index looked up; a combination
    whose first word is not one of them is not formed (it cannot be found), which leaves a
    handful of combinations where there were up to 96."""
    if len(words) == 1:
        return set(single_keys(words[0]))

    def first(keys: frozenset[str]) -> list[str]:
        return sorted(keys if first_words is None else keys & first_words)

    exact = [first(word_keys(words[0]))] + [sorted(word_keys(w)) for w in words[1:]]
    keys = {" ".join(c) for c in itertools.islice(itertools.product(*exact), _MAX_COMBINATIONS)}
    options = [first(single_keys(words[0]))] + [sorted(single_keys(w) | _zero_ending(w))
                                                for w in words[1:]]
    keys.update(" ".join(c) for c in itertools.islice(itertools.product(*options), 64))
    return keys


@lru_cache(maxsize=100_000)
def _from_endings(word: str) -> frozenset[str]:
    if not CYRILLIC.search(word):
        return frozenset()
    base = normalise(word)
    endings = _endings()  # each of the word's last 1…6 letters looked up, not every ending tried
    return frozenset(base[:-n] + r for n in range(1, min(_longest_ending(), len(base) - 1) + 1)
                     for r in endings.get(base[-n:], ()))


_CONSONANT_END = re.compile(r"[бвгґджзклмнпрстфхцчшщ]$")


def _zero_ending(word: str) -> frozenset[str]:
    """Nominatives of a plural name whose genitive has no ending: "Старих Бабан" is of Старі
    Бабани. Only for later words of a multi-word name (a lone word ending in a consonant is too
    often something else)."""
    base = normalise(word)
    if not _CONSONANT_END.search(base):
        return frozenset()
    return frozenset({base + "и", base + "і", base + "ы"})


def single_keys(word: str) -> frozenset[str]:
    """Keys of one word: its dictionary forms and the nominatives its ending suggests, and for a
    hyphenated name those of each part, joined."""
    keys = word_keys(word) | _from_endings(word)
    return keys | _hyphenated(word) if "-" in word else keys


@lru_cache(maxsize=10_000)
def _hyphenated(word: str) -> frozenset[str]:
    """A hyphenated name inflects in every part ("Белгороде-Днестровском", "Каменце-Подольском"),
    but the gazetteer keys it whole ("белгород-днестровский"), and the dictionaries read few of
    its case forms whole: each part's keys, joined by the hyphen (at most 64)."""
    parts = word.split("-")
    if not CYRILLIC.search(word) or len(parts) > 3 or not all(parts):
        return frozenset()
    options = [sorted(single_keys(part)) for part in parts]  # a part has no hyphen
    return frozenset("-".join(combo)
                     for combo in itertools.islice(itertools.product(*options), 64))
