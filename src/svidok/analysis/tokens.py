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
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

_TOKEN = re.compile(r"([\w'’ʼ]+(?:-[\w'’ʼ]+)*)")  # the group makes split() keep the words


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
    found, at = [], text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            found.append(at)
        at = text.find(phrase, at + 1)
    return found
