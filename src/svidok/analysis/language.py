"""Which of svidok's languages (uk, ru, en) a text is written in.

Ukrainian and Russian share most of the Cyrillic alphabet; each has letters the other lacks
(і ї є ґ and the apostrophe inside words for Ukrainian; ы э ъ ё for Russian). Counting those
letters separates the two reliably on texts of a sentence or more; statistical detectors trained
on news text do worse on short, informal messages and mix both up with Bulgarian or Belarusian.
"""

from __future__ import annotations

import re

_UK = re.compile(r"[іїєґ]|\w['’ʼ]\w", re.IGNORECASE)
_RU = re.compile(r"[ыэъё]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def detect(text: str) -> str:
    """``uk``, ``ru``, ``en`` or ``und`` (no letters to judge by)."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == 0 and latin == 0:
        return "und"
    if latin > cyrillic:
        return "en"
    uk, ru = len(_UK.findall(text)), len(_RU.findall(text))
    if uk == ru == 0:
        return "uk" if re.search(r"\bі\b|\bє\b", text) else "ru"
    return "uk" if uk >= ru else "ru"
