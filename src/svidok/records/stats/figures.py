"""Published figures with provenance: one value for one article, measure and period."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from svidok.datafiles import read_bytes

# Series that describe the same thing (Form № 1 column 1) and may be composed together.
FAMILIES = {"form1": ("form1", "form1_derived"), "form1_derived": ("form1", "form1_derived"),
            "opg_request": ("opg_request",), "dbr": ("dbr",)}


@dataclass(frozen=True)
class Figure:
    start: date
    end: date
    article: str  # "407", "408", "407+408", …
    measure: str
    value: int
    series: str
    rounded: bool
    unit: str
    conflicts_with: str
    publisher: str
    source: str  # URL or file
    locator: str

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "article": self.article, "measure": self.measure, "value": self.value,
                "series": self.series, "rounded": self.rounded, "unit": self.unit,
                "conflicts_with": self.conflicts_with or None, "publisher": self.publisher,
                "source": self.source, "locator": self.locator}


@lru_cache(maxsize=1)
def bundled() -> tuple[Figure, ...]:
    """The figures shipped in data/official/reference_figures.csv."""
    text = read_bytes("official", "reference_figures.csv").decode("utf-8")
    return tuple(_figure(row) for row in csv.DictReader(io.StringIO(text)))


def _figure(row: dict[str, str]) -> Figure:
    return Figure(
        start=date.fromisoformat(row["period_start"]), end=date.fromisoformat(row["period_end"]),
        article=row["article"], measure=row["measure"], value=int(row["value"]),
        series=row["series"], rounded=row["rounded"].strip().lower() == "true", unit=row["unit"],
        conflicts_with=row["conflicts_with"], publisher=row["publisher"],
        source=row["source_url"], locator=row["locator"],
    )


def available(ingested: list[Figure]) -> list[Figure]:
    """Ingested cells first; a bundled figure only where no ingested one has the same cell."""
    taken = {(f.start, f.end, f.article, f.measure, f.series) for f in ingested}
    return [*ingested, *(f for f in bundled()
                         if (f.start, f.end, f.article, f.measure, f.series) not in taken)]
