"""Words with their positions in the text, as every recogniser sees them."""

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
