"""Exporting every figure svidok knows: CSV, or a SQLite file that opens in Datasette."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from svidok.errors import VaultExists
from svidok.records.stats.figures import Figure
from svidok.records.stats.form1 import Cell

FIGURE_COLUMNS = ("from", "to", "article", "measure", "value", "series", "rounded", "unit",
                  "conflicts_with", "publisher", "source", "locator")
CELL_COLUMNS = ("period_start", "period_end", "cumulative", "article", "column", "measure",
                "value", "withheld", "source_file", "source_sha256", "sheet", "row")
SCHEMA = """
CREATE TABLE figures ([from] TEXT, [to] TEXT, article TEXT, measure TEXT, value INTEGER,
    series TEXT, rounded INTEGER, unit TEXT, conflicts_with TEXT, publisher TEXT, source TEXT,
    locator TEXT);
CREATE TABLE cells (period_start TEXT, period_end TEXT, cumulative INTEGER, article TEXT,
    [column] INTEGER, measure TEXT, value INTEGER, withheld INTEGER, source_file TEXT,
    source_sha256 TEXT, sheet TEXT, [row] INTEGER);
"""
INSERT_FIGURE = "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
INSERT_CELL = "INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"


def to_csv(figures: list[Figure], out: Path) -> int:
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIGURE_COLUMNS)
        writer.writeheader()
        for f in figures:
            writer.writerow(f.to_json())
    return len(figures)


def to_sqlite(figures: list[Figure], cells: list[Cell], out: Path) -> int:
    """Tables ``figures`` (everything usable in a total) and ``cells`` (ingested, withheld too)."""
    if out.exists():
        raise VaultExists(f"{out}: exists; choose a new file name")
    conn = sqlite3.connect(out)
    conn.executescript(SCHEMA)
    with conn:
        conn.executemany(INSERT_FIGURE,
                         [tuple(f.to_json()[c] for c in FIGURE_COLUMNS) for f in figures])
        conn.executemany(INSERT_CELL, [tuple(c.to_json()[k] for k in CELL_COLUMNS) for c in cells])
    conn.close()
    return len(figures)
