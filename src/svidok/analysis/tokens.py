"""Words with their positions in the text, as every recogniser sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[\w'’ʼ]+(?:-[\w'’ʼ]+)*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
