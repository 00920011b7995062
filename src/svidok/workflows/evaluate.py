"""Measure the analysis engine on labelled testimonies (format: shared/eval/README.md).

Each file: line 1 the source, line 2 the language, then the text. ``labels.json`` maps file names
to the strings a careful human reads off the text. Matching is by surface string, exactly as the
labels define it: a predicted entity counts when its text equals a labelled string. One more
count, ``identifier_mentions``, checks every occurrence of each labelled identifier in the text.

Categories map to entity types: contacts = phone + email + handle; id_numbers = id_document +
tax_id + vehicle_plate. "identifiers" pools person_names, contacts and id_numbers (the data whose
miss exposes a source). Oblast accuracy = correct / (correct + wrong + missed) over the oblasts
the places resolve to (a Jaccard index: both a wrong and a missed oblast count against it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from svidok.analysis import analyze
from svidok.analysis.tokens import occurrences
from svidok.domain.annotations import Analysis
from svidok.errors import InputRejected

CATEGORIES = {
    "person_names": {"person"},
    "contacts": {"phone", "email", "handle"},
    "id_numbers": {"id_document", "tax_id", "vehicle_plate"},
    "addresses": {"address"},
    "dates_of_birth": {"birth_date"},
    "places": {"place"},
    "military_units": {"military_unit"},
}
IDENTIFIERS = ("person_names", "contacts", "id_numbers")


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], labelled: set[str]) -> None:
        self.tp += len(predicted & labelled)
        self.fp += len(predicted - labelled)
        self.fn += len(labelled - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Report:
    files: int = 0
    counts: dict[str, Count] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def count(self, name: str) -> Count:
        return self.counts.setdefault(name, Count())

    @property
    def oblast_accuracy(self) -> float:
        c = self.count("oblasts")
        total = c.tp + c.fp + c.fn
        return c.tp / total if total else 1.0

    def to_json(self) -> dict[str, Any]:
        return {"files": self.files,
                "categories": {k: v.to_json() for k, v in self.counts.items()},
                "oblast_accuracy": round(self.oblast_accuracy, 3), "misses": self.misses}


def read_testimony(path: Path) -> tuple[str, str]:
    """``(language, text)`` of an eval file."""
    lines = path.read_text(encoding="utf-8").split("\n", 2)
    if len(lines) < 3:
        raise InputRejected(f"{path.name}: expected source, language, then text")
    return lines[1].strip(), lines[2]


def evaluate(directory: Path) -> Report:
    labels_path = directory / "labels.json"
    try:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputRejected(f"{labels_path}: cannot read the labels ({exc})") from exc
    report = Report()
    for name, gold in sorted(labels.items()):
        lang, text = read_testimony(directory / name)
        result = analyze(text, lang)
        report.files += 1
        _score(report, name, result, text, gold)
    return report


def _score(report: Report, name: str, result: Analysis, text: str,
           gold: dict[str, Any]) -> None:
    predicted_by_category = {
        cat: {e.text for e in result.entities if e.type in types}
        for cat, types in CATEGORIES.items()
    }
    predicted_by_category["oblasts"] = {e.place.oblast for e in result.entities
                                        if e.place and e.place.oblast}
    predicted_by_category["themes"] = {t.id for t in result.themes}
    for cat, predicted in predicted_by_category.items():
        labelled = set(gold.get(cat, []))
        report.count(cat).add(predicted, labelled)
        if cat in IDENTIFIERS:
            report.count("identifiers").add(predicted, labelled)
        if labelled != predicted:
            report.misses.append({"file": name, "category": cat,
                                  "missed": sorted(labelled - predicted),
                                  "extra": sorted(predicted - labelled)})
    _score_mentions(report, name, result, text, gold)


def _score_mentions(report: Report, name: str, result: Analysis, text: str,
                    gold: dict[str, Any]) -> None:
    """Every occurrence of a labelled identifier, covered by a detected name, contact or ID-number
    span or not: the surface-string scores above count a name once, however often the text
    repeats it, while a redacted text shows every mention that was not found."""
    spans = [(e.start, e.end) for e in result.entities
             if any(e.type in CATEGORIES[cat] for cat in IDENTIFIERS)]
    count, missed = report.count("identifier_mentions"), []
    for cat in IDENTIFIERS:
        for label in gold.get(cat, []):
            for start in occurrences(text, label):
                end = start + len(label)
                if any(s <= start and end <= e for s, e in spans):
                    count.tp += 1
                else:
                    count.fn += 1
                    missed.append(f"{label} @{start}")
    if missed:
        report.misses.append({"file": name, "category": "identifier_mentions",
                              "missed": missed, "extra": []})
