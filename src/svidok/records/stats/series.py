"""Monthly series from year-to-date reports, and month-by-month answers.

Form № 1 reports are cumulative from January. The value for a month is the difference of two
consecutive reports of the same year (January as reported). When a month's report is missing,
the next difference spans several months: it is kept as one multi-month figure, never spread
over them, and shown as a gap. When two reports for the same period disagree (a restatement),
the one ingested last is used and the other is reported.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from svidok.errors import NotFound
from svidok.records.stats import compose
from svidok.records.stats.figures import Figure
from svidok.records.stats.form1 import Cell


@dataclass(frozen=True)
class Restatement:
    article: str
    measure: str
    period_end: date
    values: tuple[int, ...]
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "measure": self.measure,
                "period_end": self.period_end.isoformat(), "values": list(self.values),
                "sources": list(self.sources)}


def monthly_from_reports(cells: list[Cell]) -> tuple[list[Figure], list[Restatement]]:
    """Differences of consecutive year-to-date reports, as ``form1_derived`` figures."""
    latest: dict[tuple[str, str, int, date], Cell] = {}
    seen: dict[tuple[str, str, int, date], list[Cell]] = {}
    for cell in cells:  # in ingestion order: the last one for a period wins
        if cell.value is None or not cell.cumulative or cell.period_start.month != 1:
            continue
        key = (cell.article, cell.measure, cell.period_end.year, cell.period_end)
        latest[key] = cell
        seen.setdefault(key, []).append(cell)
    restated = [
        Restatement(k[0], k[1], k[3], tuple(c.value or 0 for c in cs),
                    tuple(c.source_file for c in cs))
        for k, cs in seen.items() if len({c.value for c in cs}) > 1
    ]
    derived = []
    by_series: dict[tuple[str, str, int], list[Cell]] = {}
    for (article, measure, year, _end), cell in sorted(latest.items(), key=lambda kv: kv[0][3]):
        by_series.setdefault((article, measure, year), []).append(cell)
    for reports in by_series.values():
        previous: Cell | None = None
        for cell in reports:
            start = date(cell.period_end.year, 1, 1) if previous is None else \
                date.fromordinal(previous.period_end.toordinal() + 1)
            value = (cell.value or 0) - (0 if previous is None else previous.value or 0)
            derived.append(Figure(
                start, cell.period_end, cell.article, cell.measure, value, "form1_derived",
                False, "offences", "", "svidok: difference of year-to-date reports",
                cell.source_file if previous is None else
                f"{cell.source_file} minus {previous.source_file}",
                f"sheet {cell.sheet}, row {cell.row}, гр.{cell.column}"))
            previous = cell
    return derived, restated


@dataclass(frozen=True)
class Month:
    month: str
    value: int | None
    note: str
    source: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def monthly(pool: list[Figure], articles: tuple[str, ...], start: date, end: date,
            series: str = "form1", measure: str = "registered") -> list[Month]:
    """One row per month: its value, or why there is none (a gap, or a multi-month figure)."""
    months = []
    current = start
    while current <= end:
        last = date(current.year, current.month,
                    calendar.monthrange(current.year, current.month)[1])
        try:
            result = compose.total(pool, articles, current, last, series, measure)
            note = "rounded" if result.rounded else ""
            months.append(Month(f"{current:%Y-%m}", result.value, note,
                                "; ".join(p.to_json()["source"] for p in result.parts)))
        except NotFound:
            months.append(Month(f"{current:%Y-%m}", None, "no figure for this month alone", ""))
        current = date.fromordinal(last.toordinal() + 1)
    return months
