"""Totals composed from published figures: which figures, how they add up, what they cross-check.

A total for articles A over months [from, to] is the sum of non-overlapping figures that cover
those months exactly. A period's figure for several articles is either one published for all of
them ("407+408") or the sum of one figure per article for the same period. Among covers, exact
figures come before rounded ones (a rounded part is flagged), then the finest cover (the most
parts: the most detailed evidence), then Form № 1 cells before derived figures, then fewer
conflicting figures. Every other figure for exactly the same span is reported as a cross-check.
Series of different families are never combined (figures.FAMILIES).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from svidok.errors import NotFound, UsageProblem
from svidok.records.stats.figures import FAMILIES, Figure


@dataclass(frozen=True)
class Part:
    start: date
    end: date
    value: int
    figures: tuple[Figure, ...]

    @property
    def rounded(self) -> bool:
        return any(f.rounded for f in self.figures)

    @property
    def derived(self) -> int:
        return sum(f.series != "form1" for f in self.figures)

    @property
    def conflicted(self) -> int:
        return sum(bool(f.conflicts_with) for f in self.figures)

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "value": self.value,
                "rounded": self.rounded,
                "source": "; ".join(f"{f.series}: {f.publisher}, {f.source} {f.locator}".strip()
                                    for f in self.figures)}


@dataclass(frozen=True)
class Total:
    value: int
    series: str
    articles: tuple[str, ...]
    start: date
    end: date
    measure: str
    parts: list[Part]
    cross_checks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rounded(self) -> bool:
        return any(p.rounded for p in self.parts)

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "series": self.series, "articles": list(self.articles),
                "measure": self.measure, "from": self.start.isoformat()[:7],
                "to": self.end.isoformat()[:7], "rounded": self.rounded,
                "parts": [p.to_json() for p in self.parts], "cross_checks": self.cross_checks}


def month_span(start: str, end: str) -> tuple[date, date]:
    """``("2025-01", "2025-08")`` -> first day of January, last day of August."""
    try:
        y1, m1 = (int(x) for x in start.split("-"))
        y2, m2 = (int(x) for x in end.split("-"))
        first, last = date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])
    except ValueError as exc:
        raise UsageProblem(f"periods are YYYY-MM: got {start!r} and {end!r}") from exc
    if last < first:
        raise UsageProblem(f"{start} is after {end}")
    return first, last


def total(
    figures: Iterable[Figure], articles: tuple[str, ...], start: date, end: date,
    series: str = "form1", measure: str = "registered",
) -> Total:
    if series not in FAMILIES:
        raise UsageProblem(f"unknown series {series!r}; one of {', '.join(FAMILIES)}")
    pool = [f for f in figures if f.series in FAMILIES[series] and f.measure == measure
            and start <= f.start and f.end <= end]
    candidates = _period_values(pool, articles)
    cover = _best_cover(candidates, start, end, allow_rounded=False) or \
        _best_cover(candidates, start, end, allow_rounded=True)
    if cover is None:
        raise NotFound(f"no {series} figures for {'+'.join(articles)} ({measure}) cover "
                       f"{start:%Y-%m} to {end:%Y-%m} without gaps")
    used = {id(f) for p in cover for f in p.figures}
    checks = [
        {**p.to_json(), "agrees": p.value == sum(c.value for c in cover),
         "difference": p.value - sum(c.value for c in cover)}
        for p in candidates if p.start == start and p.end == end
        and not {id(f) for f in p.figures} <= used
    ]
    return Total(sum(p.value for p in cover), series, articles, start, end, measure, cover, checks)


def _period_values(pool: list[Figure], articles: tuple[str, ...]) -> list[Part]:
    """Every way one period's value for all ``articles`` can be read off the figures."""
    combined = "+".join(sorted(articles))
    parts = [Part(f.start, f.end, f.value, (f,)) for f in pool
             if "+".join(sorted(f.article.split("+"))) == combined]
    if len(articles) > 1:
        periods = {(f.start, f.end) for f in pool}
        for period in periods:
            per_article = [[f for f in pool if (f.start, f.end) == period and f.article == a]
                           for a in articles]
            if all(per_article):
                chosen = tuple(min(fs, key=_preference) for fs in per_article)
                parts.append(Part(period[0], period[1], sum(f.value for f in chosen), chosen))
    return parts


def _preference(f: Figure) -> tuple[int, int, int]:
    return (f.rounded, f.series != "form1", bool(f.conflicts_with))


def _best_cover(
    parts: list[Part], start: date, end: date, allow_rounded: bool
) -> list[Part] | None:
    """Exact cover of [start, end] by consecutive parts: most parts, then form1 before derived,
    then fewest conflicting figures. Dynamic programming over period starts."""
    usable = [p for p in parts if allow_rounded or not p.rounded]
    by_start: dict[date, list[Part]] = {}
    for p in usable:
        by_start.setdefault(p.start, []).append(p)
    best: dict[date, tuple[tuple[int, int, int, int], list[Part]] | None] = {}

    def solve(at: date) -> tuple[tuple[int, int, int, int], list[Part]] | None:
        if at in best:
            return best[at]
        options = []
        for p in by_start.get(at, []):
            if p.end == end:
                options.append(((-int(p.rounded), 1, -p.derived, -p.conflicted), [p]))
            elif p.end < end:
                rest = solve(date.fromordinal(p.end.toordinal() + 1))
                if rest is not None:
                    (r_round, r_count, r_derived, r_conflict), chain = rest
                    options.append(((r_round - int(p.rounded), r_count + 1,
                                     r_derived - p.derived, r_conflict - p.conflicted),
                                    [p, *chain]))
        best[at] = max(options, key=lambda o: o[0]) if options else None
        return best[at]

    found = solve(start)
    return None if found is None else found[1]
