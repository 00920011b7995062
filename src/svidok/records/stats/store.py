"""Ingested Form № 1 cells in a plain SQLite database (public data: no encryption needed).

Default location: ``$XDG_DATA_HOME/svidok/stats.sqlite3`` (``~/.local/share/…``); ``--db``
chooses another. One row per (workbook SHA-256, article, column): ingesting the same workbook
again changes nothing.
"""

from __future__ import annotations

from datetime import date

from svidok.records.paths import PublicStore
from svidok.records.stats.figures import Figure, available
from svidok.records.stats.form1 import Cell
from svidok.records.stats.series import Restatement, monthly_from_reports

SCHEMA = """
CREATE TABLE IF NOT EXISTS form1_cells(
    period_start TEXT NOT NULL, period_end TEXT NOT NULL, cumulative INTEGER NOT NULL,
    article TEXT NOT NULL, column_number INTEGER NOT NULL, measure TEXT NOT NULL,
    value INTEGER, source_file TEXT NOT NULL, source_sha256 TEXT NOT NULL, sheet TEXT NOT NULL,
    row_number INTEGER, PRIMARY KEY (source_sha256, article, column_number));
"""


class StatsStore(PublicStore):
    FILENAME = "stats.sqlite3"
    SCHEMA = SCHEMA

    def has(self, sha256: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM form1_cells WHERE source_sha256 = ? LIMIT 1", (sha256,)
        ).fetchone()
        return row is not None

    def add(self, cells: list[Cell]) -> int:
        """Store a workbook's cells in one transaction; returns how many were new."""
        with self.conn:
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO form1_cells VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(c.period_start.isoformat(), c.period_end.isoformat(), int(c.cumulative),
                  c.article, c.column, c.measure, c.value, c.source_file, c.source_sha256,
                  c.sheet, c.row) for c in cells],
            )
            return self.conn.total_changes - before

    def cells(self) -> list[Cell]:
        """Every stored cell, in the order the workbooks were ingested."""
        rows = self.conn.execute(
            "SELECT period_start, period_end, cumulative, article, column_number, measure, value, "
            "source_file, source_sha256, sheet, row_number FROM form1_cells ORDER BY rowid"
        ).fetchall()
        return [Cell(date.fromisoformat(r[0]), date.fromisoformat(r[1]), bool(r[2]), r[3], r[4],
                     r[5], r[6], r[7], r[8], r[9], r[10]) for r in rows]

    def pool(self, cells: list[Cell] | None = None) -> tuple[list[Figure], list[Restatement]]:
        """Ingested cells, monthly differences of them, then bundled figures; restatements.
        Pass ``cells`` when already read, so the table is read once."""
        cells = self.cells() if cells is None else cells
        derived, restated = monthly_from_reports(cells)
        return available([*as_figures(cells), *derived]), restated

    def figures(self) -> list[Figure]:
        return as_figures(self.cells())


def as_figures(cells: list[Cell]) -> list[Figure]:
    """Shown (not withheld) cells as ``form1`` figures; of two reports for the same period (a
    restatement), only the one ingested last."""
    latest: dict[tuple[date, date, str, str], Cell] = {}
    for c in cells:
        if c.value is not None:
            latest[(c.period_start, c.period_end, c.article, c.measure)] = c
    return [
        Figure(c.period_start, c.period_end, c.article, c.measure, c.value or 0, "form1",
               False, "offences", "", "ОГП Form № 1 workbook (ingested)",
               f"{c.source_file} (sha256 {c.source_sha256[:12]}…)",
               f"sheet {c.sheet}, row {c.row}, гр.{c.column}")
        for c in latest.values()
    ]
