"""Re-identification risk: the quasi-identifiers a text carries, combined into a score, a level
and reasons an editor can read before publishing. Weights are data (data/analysis/risk.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import Any

from svidok.analysis.lemmas import forms
from svidok.analysis.surface import FormIndex
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
    by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for role in raw["roles"]:
        parts = tuple(forms(w) for w in role.split())
        for form in parts[0]:
            by_first.setdefault(form, []).append(parts)
    raw["roles_by_first"] = by_first
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
    """Rank and role words ("командир взводу", "sniper"), looked up by their first word."""
    index = roles_index()
    texts = words(text)
    starting = list(map(_roles_from, texts))  # C-level loop: _roles_from is an lru_cache
    found: list[str] = []
    for i in compress(range(len(texts)), starting):
        for role in starting[i]:
            n = len(role)
            if i + n <= len(texts) and all(not role[k].isdisjoint(index.keys(texts[i + k]))
                                           for k in range(1, n)):
                phrase = " ".join(texts[i : i + n])
                if phrase not in found:
                    found.append(phrase)
    return found


@lru_cache(maxsize=100_000)
def _roles_from(word: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """Roles whose first word this word can be (cached per word)."""
    by_first = _config()["roles_by_first"]
    return tuple({id(r): r for f in roles_index().keys(word)
                  for r in by_first.get(f, ())}.values())


@lru_cache(maxsize=1)
def roles_index() -> FormIndex:
    """Every inflected form of the role words."""
    return FormIndex(w for role in _config()["roles"] for w in role.split())
