"""Words with their positions in the text, as every recogniser sees them.

A text is tokenised once per analysis (the results are cached for the few texts in flight), and
the recognisers that only care about some words (capitalised ones for names and places) get
their indices from here instead of each walking every word: at ~1 µs per word for a Python
loop, walking every word once per recogniser cost more than all of their real work.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"[\w'’ʼ]+(?:-[\w'’ʼ]+)*")


class Token(NamedTuple):  # a tuple: built ~10,000 times per 100 KB, so it must be cheap
    start: int
    end: int
    text: str


@lru_cache(maxsize=8)  # every recogniser tokenises the same text once per analysis
def tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=8)
def words(text: str) -> tuple[str, ...]:
    """The tokens' texts, in order."""
    return tuple(t.text for t in tokens(text))


@lru_cache(maxsize=8)
def capitalised(text: str) -> tuple[int, ...]:
    """Indices of the tokens that start with a capital letter."""
    return tuple(i for i, word in enumerate(words(text)) if word[0].isupper())
