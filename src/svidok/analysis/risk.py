"""Re-identification risk: the quasi-identifiers a text carries, combined into a score, a level
and reasons an editor can read before publishing. Weights are data (data/analysis/risk.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from svidok.analysis.lexicons import of
from svidok.analysis.tokens import words
from svidok.datafiles import load_yaml
from svidok.domain.annotations import Entity, Risk, Theme

_EXACT_DATE = re.compile(  # the leading class lets the regex engine skip to digits
    r"(?=\d)(?:\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}\s+(?:січня|лютого|березня|квітня|травня|червня|"
    r"липня|серпня|вересня|жовтня|листопада|грудня|января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    raw: dict[str, Any] = load_yaml("analysis", "risk.yaml")
    return raw


def assess(text: str, entities: list[Entity], themes: list[Theme]) -> Risk:
    config = _config()
    found: dict[str, list[str]] = {}

    def add(factor: str, item: str = "") -> None:
        found.setdefault(factor, [])
        if item and item not in found[factor]:
            found[factor].append(item)

    for e in entities:
        if e.sensitive:
            add("direct_identifier", e.type)
        elif e.place is not None and e.place.level in ("village", "settlement"):
            add("small_place", e.text)
        elif e.unit is not None:
            add("unit_code" if e.unit.kind == "military_unit" else "formation", e.unit.canonical)
    for match in _EXACT_DATE.finditer(text):
        add("exact_date", match.group())
    for role in _roles(text):
        add("role", role)
    for theme in themes:
        if theme.id in ("family", "health"):
            add(theme.id)
    score, reasons = 0.0, []
    keep = 1.0
    for factor, items in found.items():
        spec = config["factors"][factor]
        keep *= 1 - float(spec["weight"])
        reasons.append(spec["reason"].format(items=", ".join(items[:5])))
    score = 1 - keep
    levels = config["levels"]
    level = "high" if score >= levels["high"] else "medium" if score >= levels["medium"] else "low"
    return Risk(score, level, reasons)


def _roles(text: str) -> list[str]:
    """Rank and role words ("командир взводу", "sniper"), looked up by their first word
    (``lexicons``: the roles a word can start, and the role words each word is a form of)."""
    texts = words(text)
    lists = of(text)
    found: list[str] = []
    for i, facts in lists.marked:
        for role in facts.roles:
            n = len(role)
            if i + n <= len(texts) and all(not role[k].isdisjoint(lists.role_keys(i + k))
                                           for k in range(1, n)):
                phrase = " ".join(texts[i : i + n])
                if phrase not in found:
                    found.append(phrase)
    return found
