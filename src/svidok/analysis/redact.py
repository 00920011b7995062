"""Redaction: every sensitive span replaced by a consistent placeholder.

The same person always gets the same number, whatever the case form: "Тарас Мельничук",
"Тарасові" and "Мельничука" are all [PERSON 1], because mentions that share a name part (in any
inflection, compared through ``mentions.name_lemmas``) are one person. Other values are the same
when their normalised text is (digits only for numbers; lower case for e-mails and handles).
Public figures are kept unless ``include_public`` is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from svidok.analysis.mentions import name_lemmas
from svidok.domain.annotations import Analysis, Entity

LABELS = {
    "person": "PERSON", "phone": "PHONE", "email": "EMAIL", "handle": "HANDLE",
    "id_document": "ID", "tax_id": "TAX ID", "vehicle_plate": "PLATE", "address": "ADDRESS",
    "birth_date": "BIRTH DATE",
}
_NAME_PART = re.compile(r"[\w'’ʼ-]{2,}")


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str
    type: str
    placeholder: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Redacted:
    text: str
    replacements: list[Replacement]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "replacements": [r.to_json() for r in self.replacements]}


def redact(text: str, analysis: Analysis, include_public: bool = False) -> Redacted:
    targets = [e for e in analysis.entities
               if e.type in LABELS and (e.sensitive or (include_public and e.public_figure))]
    numbers = _numbering(targets)
    replacements = [Replacement(e.start, e.end, e.text, e.type,
                                f"[{LABELS[e.type]} {numbers[id(e)]}]") for e in targets]
    out, last = [], 0
    for r in replacements:
        out.append(text[last : r.start])
        out.append(r.placeholder)
        last = r.end
    out.append(text[last:])
    return Redacted("".join(out), replacements)


def _numbering(entities: list[Entity]) -> dict[int, int]:
    """Number per type, in order of first mention; equal identities share a number."""
    numbers: dict[int, int] = {}
    seen: dict[str, list[tuple[frozenset[str], int]]] = {}
    for e in entities:
        identity = _identity(e)
        known = seen.setdefault(e.type, [])
        match = next((n for keys, n in known if keys & identity), None)
        if match is None:
            match = len({n for _, n in known}) + 1
        known.append((identity, match))
        numbers[id(e)] = match
    return numbers


def _identity(e: Entity) -> frozenset[str]:
    if e.type == "person":
        parts = [p for p in _NAME_PART.findall(e.text) if p[:1].isupper()]
        return frozenset(k for p in parts for k in name_lemmas(p) if len(k) > 2)
    if e.type in ("phone", "id_document", "tax_id"):
        digits = re.sub(r"\D", "", e.text)
        return frozenset({digits[-9:] if e.type == "phone" else digits})
    return frozenset({re.sub(r"\s", "", e.text.lower())})
