"""Words with their positions in the text, as every recogniser sees them.

A text is tokenised once per analysis (the results are cached for the few texts in flight), and
the recognisers that only care about some words (capitalised ones for names and places) get
their indices from here instead of each walking every word: at ~1 µs per word for a Python
loop, walking every word once per recogniser cost more than all of their real work.

Tokenising itself runs without a Python step per word: one ``re.split`` with a capturing group
yields separators and words alternately, and the running sum of their lengths (``accumulate``,
in C) is every word's start and end. Building a match object and a tuple per word instead took
twice as long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

# A word: letters and digits with apostrophes and hyphens inside it (п'ять, Солом`янський, as
# court texts write it, Нью-Йорк), never at its edges, where they are quotation marks: a name in
# single quotes ('Тарас') is a capitalised word like any other. The group makes split() keep
# the words.
_TOKEN = re.compile(r"(\w+(?:[-'’ʼ`]\w+)*)")


class Tokens:
    """A text's words in order (``words``) with their offsets (``starts``, ``ends``)."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, text: str) -> None:
        parts = _TOKEN.split(text)  # separator, word, separator, …, word, separator
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0::2][: len(self.words)]
        self.ends: list[int] = offsets[1::2]

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=8)  # every recogniser tokenises the same text once per analysis
def tokens(text: str) -> Tokens:
    return Tokens(text)


def words(text: str) -> list[str]:
    """The tokens' texts, in order."""
    return tokens(text).words


@lru_cache(maxsize=8)
def capitalised(text: str) -> tuple[int, ...]:
    """Indices of the tokens that start with a capital letter."""
    texts = tokens(text).words
    return tuple(compress(range(len(texts)), map(str.isupper, map(itemgetter(0), texts))))


def mark_before(text: str, start: int) -> str:
    """The last character before ``start`` that is not white space ("" at the text's start);
    ``text[:start].rstrip()[-1:]`` without copying the text before it."""
    while start and text[start - 1].isspace():
        start -= 1
    return text[start - 1 : start]


def occurrences(text: str, phrase: str) -> list[int]:
    """Offsets of ``phrase`` in ``text`` as whole words (not inside a longer word)."""
    found = []
    for at in _positions(text, phrase):
        end = at + len(phrase)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            found.append(at)
    return found


def cued(
    pattern: re.Pattern[str], text: str, lower: str, cues: Iterable[str],
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which begins with one of ``cues``
    (lower-case strings; ``lower`` is ``text.lower()``). The pattern is tried only where a cue
    occurs, found by substring search, instead of at every position of the text: the same
    matches, in the same order, without the regex engine's walk over every character (a
    case-insensitive alternation costs ~1 µs per 100 characters to scan)."""
    if len(lower) != len(text):  # lower-casing moved the offsets (a rare letter): scan it all
        yield from pattern.finditer(text)
        return
    end = 0
    for at in sorted({at for cue in cues for at in _positions(lower, cue)}):
        if at < end:
            continue  # inside the last match, as finditer would skip it
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = max(match.end(), at + 1)


def _positions(text: str, part: str) -> Iterator[int]:
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)
