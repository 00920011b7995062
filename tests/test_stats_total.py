"""Totals composed from the bundled figures: the article's numbers, series kept apart."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from conftest import CliResult
from svidok.errors import NotFound, UsageProblem
from svidok.records.stats import compose, figures
from svidok.records.stats.figures import Figure

Cli = Callable[..., CliResult]


def total(articles: str, start: str, end: str, **kwargs: str) -> compose.Total:
    first, last = compose.month_span(start, end)
    return compose.total(figures.bundled(), tuple(articles.split(",")), first, last, **kwargs)


def test_first_eight_months_of_2025() -> None:
    assert total("407,408", "2025-01", "2025-08").value == 142_711


def test_since_january_2022_composes_four_exact_parts_and_cross_checks() -> None:
    result = total("407,408", "2022-01", "2025-08")
    assert result.value == 265_843
    assert [(p.start.year, p.value) for p in result.parts] == [
        (2022, 9_397), (2023, 24_286), (2024, 89_449), (2025, 142_711)]
    assert [(c["value"], c["agrees"]) for c in result.cross_checks] == [(265_843, True)]
    assert not result.rounded


def test_december_2024_is_the_sum_of_both_articles() -> None:
    assert total("407,408", "2024-12", "2024-12").value == 15_511 + 2_082


def test_series_are_never_mixed() -> None:
    form1 = total("407", "2022-01", "2022-12")
    request = total("407", "2022-01", "2022-12", series="opg_request")
    assert (form1.value, request.value) == (6_183, 6_988)
    assert {f.series for p in request.parts for f in p.figures} == {"opg_request"}


def test_rounded_figures_only_when_nothing_exact_covers_and_then_flagged() -> None:
    def fig(month: int, value: int, rounded: bool) -> Figure:
        first, last = compose.month_span(f"2025-{month:02}", f"2025-{month:02}")
        return Figure(first, last, "407", "registered", value,
                      "form1_derived", rounded, "offences", "", "test", "test", "")
    made = [fig(1, 100, False), fig(2, 200, True)]
    result = compose.total(made, ("407",), date(2025, 1, 1), date(2025, 2, 28))
    assert (result.value, result.rounded) == (300, True)


def test_a_gap_is_reported_not_filled() -> None:
    with pytest.raises(NotFound, match="without gaps"):
        total("407", "2019-01", "2019-12")


def test_bad_periods_and_series_are_usage_problems() -> None:
    with pytest.raises(UsageProblem):
        compose.month_span("2025-13", "2025-08")
    with pytest.raises(UsageProblem):
        compose.month_span("2025-08", "2025-01")
    with pytest.raises(UsageProblem):
        total("407", "2022-01", "2022-12", series="rumours")


def test_every_bundled_figure_has_a_source_and_a_known_series() -> None:
    rows = figures.bundled()
    assert len(rows) == 182
    assert all(f.source and f.series in figures.FAMILIES for f in rows)


def test_cli_total_json_shape(cli: Cli) -> None:
    result = cli("stats", "total", "--articles", "407,408", "--from", "2025-01", "--to", "2025-08",
                 "--json", passphrase=None)
    doc = json.loads(result.out)
    assert result.code == 0
    assert {"value", "series", "articles", "from", "to", "parts", "cross_checks"} <= doc.keys()
    assert (doc["value"], doc["articles"], doc["from"], doc["to"]) == (
        142_711, ["407", "408"], "2025-01", "2025-08")
    assert {"from", "to", "value", "source"} <= doc["parts"][0].keys()


def test_cli_total_without_coverage_is_one_line_exit_4(cli: Cli) -> None:
    result = cli("stats", "total", "--articles", "407", "--from", "2019-01", "--to", "2019-12",
                 passphrase=None)
    assert result.code == 4
    assert result.err.startswith("svidok: no form1 figures")
