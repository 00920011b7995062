"""Claims: confirmed, contradicted with the computed value, or cannot check."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import CliResult
from svidok.records.stats import claims, figures

Cli = Callable[..., CliResult]


def claim(**kwargs: object) -> dict[str, object]:
    return {"text": "t", "articles": ["407", "408"], "from": "2025-01", "to": "2025-08",
            "value": 142_711, **kwargs}


def test_the_articles_claims_are_all_confirmed(tmp_path: Path, cli: Cli) -> None:
    result = cli("stats", "check", "--example", "--db", tmp_path / "s.db", "--json",
                 passphrase=None)
    verdicts = json.loads(result.out)
    assert result.code == 0
    assert [v["verdict"] for v in verdicts] == ["confirmed"] * 3
    assert verdicts[2]["computed"] == 17_811.6  # (17,593 + 142,711) / 9 months


def test_a_wrong_value_is_contradicted_with_the_computed_value_and_sources() -> None:
    [verdict] = claims.check([claim(value=150_000)], list(figures.bundled()))
    assert (verdict.verdict, verdict.computed) == ("contradicted", 142_711)
    assert verdict.total is not None and verdict.total.parts[0].to_json()["source"]


def test_approximate_claims_have_a_tolerance() -> None:
    pool = list(figures.bundled())
    near, far = claims.check([claim(value=140_000, approximate=True),
                              claim(value=100_000, approximate=True)], pool)
    assert (near.verdict, far.verdict) == ("confirmed", "contradicted")


def test_a_period_without_figures_cannot_be_checked() -> None:
    [verdict] = claims.check([claim(**{"from": "2019-01", "to": "2019-12"})],
                             list(figures.bundled()))
    assert verdict.verdict == "cannot check"
    assert "without gaps" in verdict.reason


def test_contradiction_exits_1_and_bad_files_are_one_line(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "c.yaml").write_text(json.dumps({"claims": [claim(value=1)]}), encoding="utf-8")
    assert cli("stats", "check", tmp_path / "c.yaml", "--db", tmp_path / "s.db",
               passphrase=None).code == 1
    (tmp_path / "bad.yaml").write_text("claims: [unclosed", encoding="utf-8")
    result = cli("stats", "check", tmp_path / "bad.yaml", "--db", tmp_path / "s.db",
                 passphrase=None)
    assert (result.code, result.err.startswith("svidok: ")) == (1, True)
    assert cli("stats", "check", "--db", tmp_path / "s.db", passphrase=None).code == 64
