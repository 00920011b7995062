"""Charts: written as SVG or PNG, with gaps, events and the series named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import CliResult
from svidok.records.stats import chart

Cli = Callable[..., CliResult]
ARGS = ("stats", "chart", "--articles", "407,408", "--from", "2024-07", "--to", "2025-03")


def test_svg_names_series_gaps_and_events(tmp_path: Path, cli: Cli) -> None:
    result = cli(*ARGS, "--out", tmp_path / "c.svg", "--db", tmp_path / "s.db", passphrase=None)
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert result.code == 0
    assert "<!-- Series: form1 (ОГП Form № 1, column 1)." in svg  # matplotlib keeps texts as
    assert svg.count("<!-- gap -->") == 4  # comments: Jul, Aug, Oct, Nov 2024 have no figure
    assert "20.08.2024  Release on first voluntary return" in svg


def test_png_is_a_png(tmp_path: Path, cli: Cli) -> None:
    assert cli(*ARGS, "--out", tmp_path / "c.png", "--db", tmp_path / "s.db",
               passphrase=None).code == 0
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_other_formats_are_refused(tmp_path: Path, cli: Cli) -> None:
    result = cli(*ARGS, "--out", tmp_path / "c.pdf", "--db", tmp_path / "s.db", passphrase=None)
    assert result.code == 64
    assert not (tmp_path / "c.pdf").exists()


def test_events_are_data_with_a_source_each() -> None:
    marks = chart.events(date(2022, 1, 1), date(2025, 12, 31))
    assert (date(2024, 8, 20), "Release on first voluntary return (ч. 5 ст. 401) adopted") in marks
    assert len(marks) == 6
