"""Counts of selected decisions by month, ISO week, region, court or outcome."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from svidok.datafiles import read_bytes
from svidok.errors import UsageProblem
from svidok.records.courts.store import CourtsStore

GROUPINGS = ("month", "week", "region", "court", "outcome")


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    text = read_bytes("courts", "regions.csv").decode("utf-8")
    return {r["region_code"]: r["name"] for r in csv.DictReader(io.StringIO(text))}


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    count: int

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def summarise(store: CourtsStore, by: str, article: str | None = None) -> list[Group]:
    if by not in GROUPINGS:
        raise UsageProblem(f"--by is one of {', '.join(GROUPINGS)}")
    sql = ("SELECT d.adjudication_date, d.region_code, d.court_code, f.facts FROM decisions d "
           "LEFT JOIN facts f ON f.doc_id = d.doc_id")
    params: tuple[str, ...] = ()
    if article is not None:
        sql += " WHERE d.article = ?"
        params = (article,)
    counts: dict[str, int] = {}
    for day, region, court, facts in store.conn.execute(sql, params):
        key = _key(by, day, region, court, facts)
        counts[key] = counts.get(key, 0) + 1
    names = regions()
    return [Group(k, names.get(k, k) if by == "region" else k, n)
            for k, n in sorted(counts.items())]


def _key(by: str, day: str, region: str, court: str, facts: str | None) -> str:
    if by == "month":
        return day[:7] or "unknown"
    if by == "week":
        if not day:
            return "unknown"
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{year}-W{week:02}"
    if by == "region":
        return region
    if by == "court":
        return court
    if facts is None:
        return "not extracted"
    return str(json.loads(facts).get("outcome", {}).get("value") or "other")
