"""Monthly series from year-to-date reports: differences, gaps, restatements."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import CliResult
from form1_books import values, workbook
from svidok.records.stats import compose, form1, series
from svidok.records.stats.store import StatsStore

Cli = Callable[..., CliResult]
LABEL = "Самовільне залишення військової частини або місця служби, ст. 407"


def ingest(db: Path, *reports: tuple[str, str, int]) -> StatsStore:
    store = StatsStore(db)
    for name, period, value in reports:
        path = workbook(db.parent / name, f"за {period} 2026 року", [(LABEL, values(value))])
        store.add(form1.parse(path))
    return store


def months(store: StatsStore, start: str, end: str) -> list[tuple[str, int | None]]:
    pool, _ = store.pool()
    first, last = compose.month_span(start, end)
    return [(m.month, m.value) for m in series.monthly(pool, ("407",), first, last)]


def test_months_are_differences_of_consecutive_reports(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.db", ("jan.xlsx", "січень", 100),
                   ("feb.xlsx", "січень-лютий", 250), ("mar.xlsx", "січень-березень", 420))
    assert months(store, "2026-01", "2026-03") == [("2026-01", 100), ("2026-02", 150),
                                                   ("2026-03", 170)]


def test_a_missing_report_leaves_a_gap_not_an_invented_split(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.db", ("jan.xlsx", "січень", 100),
                   ("apr.xlsx", "січень-квітень", 700))
    assert months(store, "2026-01", "2026-04") == [
        ("2026-01", 100), ("2026-02", None), ("2026-03", None), ("2026-04", None)]
    pool, _ = store.pool()
    first, last = compose.month_span("2026-02", "2026-04")
    assert compose.total(pool, ("407",), first, last).value == 600  # the span is still known


def test_a_restated_report_is_reported_and_the_later_one_used(tmp_path: Path) -> None:
    store = ingest(tmp_path / "s.db", ("jan.xlsx", "січень", 100),
                   ("jan-restated.xlsx", "січень", 110), ("feb.xlsx", "січень-лютий", 250))
    _, restated = store.pool()
    assert [(r.article, r.values) for r in restated if r.measure == "registered"] == [
        ("407", (100, 110))]
    assert months(store, "2026-01", "2026-02") == [("2026-01", 110), ("2026-02", 140)]


def test_cli_series_json_and_csv(tmp_path: Path, cli: Cli) -> None:
    ingest(tmp_path / "s.db", ("jan.xlsx", "січень", 100), ("feb.xlsx", "січень-лютий", 250))
    args = ("stats", "series", "--articles", "407", "--from", "2026-01", "--to", "2026-02",
            "--db", tmp_path / "s.db")
    doc = json.loads(cli(*args, "--json", passphrase=None).out)
    assert [(m["month"], m["value"]) for m in doc["months"]] == [("2026-01", 100),
                                                                ("2026-02", 150)]
    csv_out = cli(*args, "--csv", passphrase=None).out.splitlines()
    assert csv_out[0] == "month,value,note,source"
    assert csv_out[2].startswith("2026-02,150,")
