"""Which of svidok's languages (uk, ru, en) a text is written in.

Ukrainian and Russian share most of the Cyrillic alphabet; each has letters the other lacks
(і ї є ґ and the apostrophe inside words for Ukrainian; ы э ъ ё for Russian). Counting those
letters separates the two reliably on texts of a sentence or more; statistical detectors trained
on news text do worse on short, informal messages and mix both up with Bulgarian or Belarusian.
"""

from __future__ import annotations

import re

_UK_ONLY = "іїєґ"
_RU_ONLY = "ыэъё"
_CYRILLIC = "абвгдеєжзиіїйклмнопрстуфхцчшщьюяґёыэъ"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_APOSTROPHES = "'’ʼ"
_APOSTROPHE_IN_WORD = re.compile(r"\w['’ʼ]\w")

# Letters are counted on the text encoded as Windows-1251, which has every letter above in one
# byte: deleting all other bytes and taking the length counts them in C, ~10x faster than a
# str.count per letter. Characters the code page lacks are dropped by the encoding; none is a
# letter counted here.
_CODEPAGE = "cp1251"


def _bytes_of(letters: str) -> bytes:
    return letters.encode(_CODEPAGE)


def _all_but(letters: str) -> bytes:
    keep = set(_bytes_of(letters))
    return bytes(b for b in range(256) if b not in keep)


_NOT_CYRILLIC, _NOT_LATIN = _all_but(_CYRILLIC), _all_but(_LATIN)
_UK_BYTES, _RU_BYTES = _bytes_of(_UK_ONLY), _bytes_of(_RU_ONLY)


def _count(encoded: bytes, others: bytes) -> int:
    return len(encoded.translate(None, others))


def detect(text: str) -> str:
    """``uk``, ``ru``, ``en`` or ``und`` (no letters to judge by)."""
    lower = text.lower()
    encoded = lower.encode(_CODEPAGE, "ignore")
    cyrillic, latin = _count(encoded, _NOT_CYRILLIC), _count(encoded, _NOT_LATIN)
    if cyrillic == 0 and latin == 0:
        return "und"
    if latin > cyrillic:
        return "en"
    uk = sum(map(encoded.count, _UK_BYTES))
    if any(a in lower for a in _APOSTROPHES):
        uk += len(_APOSTROPHE_IN_WORD.findall(lower))
    ru = sum(map(encoded.count, _RU_BYTES))
    if uk == ru == 0:
        return "ru"  # only shared letters: Ukrainian prose without і, ї, є, ґ is vanishingly rare
    return "uk" if uk >= ru else "ru"
