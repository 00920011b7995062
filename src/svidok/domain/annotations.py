"""What the analysis engine finds in a text: entities, themes, and the re-identification risk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = (
    "person", "phone", "email", "handle", "id_document", "tax_id", "vehicle_plate", "address",
    "birth_date", "place", "military_unit",
)
SENSITIVE_TYPES = frozenset(ENTITY_TYPES) - {"place", "military_unit"}


@dataclass(frozen=True)
class Place:
    """Where a place entity resolves. ``oblast`` is "X Oblast", "Kyiv City" or "" (unresolved)."""

    name_uk: str
    name_en: str
    level: str
    code: str
    oblast: str
    iso: str
    foreign: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Unit:
    """A military unit: ``kind`` (brigade, regiment, military_unit…), number, canonical form,
    and the honorific name written after it, if any: in quotes ("Холодный Яр") or after
    "імені", "имени", "named after" ("короля Данила")."""

    kind: str
    number: str
    canonical: str
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Entity:
    """A span of the text. ``recognizer`` names the rule that found it (for explanations)."""

    start: int
    end: int
    text: str
    type: str
    recognizer: str
    public_figure: bool = False
    place: Place | None = None
    unit: Unit | None = None

    @property
    def sensitive(self) -> bool:
        return self.type in SENSITIVE_TYPES and not self.public_figure

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "sensitive": self.sensitive, "recognizer": self.recognizer,
        }
        if self.public_figure:
            out["public_figure"] = True
        if self.place is not None:
            out["place"] = self.place.to_json()
        if self.unit is not None:
            out["unit"] = self.unit.to_json()
        return out


@dataclass(frozen=True)
class Theme:
    id: str
    score: float
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 3),
                "evidence": [list(span) for span in self.evidence]}


@dataclass(frozen=True)
class Risk:
    score: float
    level: str
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "level": self.level, "reasons": self.reasons}


@dataclass(frozen=True)
class Analysis:
    language: str
    entities: list[Entity]
    themes: list[Theme]
    risk: Risk

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "entities": [e.to_json() for e in self.entities],
            "themes": [t.to_json() for t in self.themes],
            "risk": self.risk.to_json(),
        }
