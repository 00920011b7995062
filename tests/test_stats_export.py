"""Export: CSV and a SQLite file with every figure and ingested cell."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

from conftest import CliResult
from svidok.records.stats import figures

Cli = Callable[..., CliResult]


def test_csv_has_every_bundled_figure_with_its_source(tmp_path: Path, cli: Cli) -> None:
    result = cli("stats", "export", "--out", tmp_path / "f.csv", "--db", tmp_path / "s.db",
                 passphrase=None)
    assert result.code == 0
    with open(tmp_path / "f.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(figures.bundled())
    assert all(r["source"] for r in rows)


def test_sqlite_export_opens_as_plain_sqlite(tmp_path: Path, cli: Cli) -> None:
    assert cli("stats", "export", "--format", "sqlite", "--out", tmp_path / "f.sqlite",
               "--db", tmp_path / "s.db", passphrase=None).code == 0
    conn = sqlite3.connect(tmp_path / "f.sqlite")
    assert conn.execute("SELECT count(*) FROM figures").fetchone()[0] == len(figures.bundled())
    assert conn.execute(
        "SELECT value FROM figures WHERE article = '407+408' AND [from] = '2025-01-01' "
        "AND [to] = '2025-08-31'").fetchone() == (142_711,)
    assert conn.execute("SELECT count(*) FROM cells").fetchone() == (0,)


def test_sqlite_export_never_overwrites(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "f.sqlite").write_bytes(b"mine")
    result = cli("stats", "export", "--format", "sqlite", "--out", tmp_path / "f.sqlite",
                 "--db", tmp_path / "s.db", passphrase=None)
    assert result.code == 4
    assert (tmp_path / "f.sqlite").read_bytes() == b"mine"
