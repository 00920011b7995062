"""Form № 1 workbooks: the real ones, and small ones built here for every edge case."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from conftest import SHARED, CliResult
from form1_books import values, workbook
from svidok.errors import InputRejected
from svidok.records.stats import figures, form1
from svidok.records.stats.store import StatsStore

Cli = Callable[..., CliResult]
REAL = SHARED / "data" / "official" / "opg_form1"
def by(cells: list[form1.Cell], article: str, measure: str = "registered") -> int | None:
    [cell] = [c for c in cells if c.article == article and c.measure == measure]
    return cell.value


def test_a_year_to_date_report_of_the_2020_form(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень-серпень 2025 року", [
        ("Самовільне залишення військової частини або місця служби, ст. 407",
         values(123_000, 40_000, 30_000, 500)),
        ("Дезертирство, ст. 408", values(19_711, 2_000, 1_000, 200)),
    ])
    cells = form1.parse(path)
    assert (cells[0].period_start, cells[0].period_end) == (date(2025, 1, 1), date(2025, 8, 31))
    assert cells[0].cumulative
    assert (by(cells, "407"), by(cells, "408")) == (123_000, 19_711)
    assert by(cells, "407", "notice_of_suspicion") == 40_000
    assert by(cells, "407", "sent_to_court") == 30_000
    assert by(cells, "407", "closed") == 500
    assert {c.column for c in cells if c.measure == "registered"} == {1}


def test_the_older_layout_and_labels_without_spaces(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень - грудень 2019 року",
                    [("Самовільне залишення військової частини, ст.407", values(2_500))],
                    sheets=("0", "1", "2", "3", "4.1", "4.1 прод."))
    cells = form1.parse(path)
    assert cells[0].period_end == date(2019, 12, 31)
    assert by(cells, "407") == 2_500


def test_articles_a_report_does_not_show_are_withheld_not_zero(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень-листопад 2025 року",
                    [("Ухилення від призову за мобілізацією, ст. 336", values(9_000))])
    cells = form1.parse(path)
    assert by(cells, "336") == 9_000
    assert by(cells, "407") is None and by(cells, "408") is None


def test_336_is_never_read_from_336_1(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень 2025 року", [
        ("Ухилення від проходження служби цивільного захисту, ст. 336-1", values(77))])
    cells = form1.parse(path)
    assert by(cells, "336") is None
    assert cells[0].period_end == date(2025, 1, 31)


@pytest.mark.parametrize(("content", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old XLS file or a password-protected"),
    (b"PK\x03\x04 broken zip", "not a readable XLSX"),
    (b"name,value\n407,1\n", "not an XLSX workbook"),
])
def test_files_that_are_not_readable_workbooks(tmp_path: Path, content: bytes,
                                              reason: str) -> None:
    (tmp_path / "r.xlsx").write_bytes(content)
    with pytest.raises(InputRejected, match=reason):
        form1.parse(tmp_path / "r.xlsx")


def test_a_workbook_that_is_not_an_ogp_report(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "budget"
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(InputRejected, match="not an ОГП Form № 1 workbook"):
        form1.parse(tmp_path / "other.xlsx")


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень-серпень 2025 року",
                    [("Дезертирство, ст. 408", values(5))])
    store = StatsStore(tmp_path / "s.db")
    cells = form1.parse(path)
    assert store.add(cells) == len(cells)
    assert store.add(form1.parse(path)) == 0
    assert sorted((f.measure, f.value) for f in store.figures() if f.article == "408") == [
        ("closed", 0), ("notice_of_suspicion", 0), ("registered", 5), ("sent_to_court", 0)]
    store.close()


def test_cli_ingest_rejects_one_line_and_stores_nothing(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    result = cli("stats", "ingest", tmp_path / "bad.xlsx", "--db", tmp_path / "s.db",
                 passphrase=None)
    assert result.code == 1
    assert result.err.startswith("rejected   bad.xlsx: not an XLSX workbook")
    store = StatsStore(tmp_path / "s.db")
    assert store.figures() == []
    store.close()


def test_cli_ingest_json_rows(tmp_path: Path, cli: Cli) -> None:
    path = workbook(tmp_path / "r.xlsx", "за січень-серпень 2025 року",
                    [("Дезертирство, ст. 408", values(5))])
    rows = json.loads(cli("stats", "ingest", path, "--db", tmp_path / "s.db", "--json",
                          passphrase=None).out)
    row = next(r for r in rows if r["article"] == "408" and r["measure"] == "registered")
    assert {"period_start", "period_end", "cumulative", "article", "column", "measure", "value",
            "source_file", "source_sha256", "sheet", "row", "withheld"} <= row.keys()
    assert (row["value"], row["withheld"], row["column"]) == (5, False, 1)
    assert next(r for r in rows if r["article"] == "407")["withheld"] is True


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared absent")
def test_real_workbooks_agree_with_every_published_cell() -> None:
    parsed = {}
    for path in sorted(REAL.glob("*.xlsx")):
        for cell in form1.parse(path):
            parsed[(cell.period_start, cell.period_end, cell.article, cell.measure)] = cell.value
    checked = 0
    for fig in figures.bundled():
        key = (fig.start, fig.end, fig.article, fig.measure)
        if fig.series == "form1" and key in parsed:
            assert parsed[key] == fig.value, (key, fig.locator)
            checked += 1
    assert checked == 36
