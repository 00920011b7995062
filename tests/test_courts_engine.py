"""The same extraction locally, on Dask worker processes, and on a Dask scheduler."""

from __future__ import annotations

from pathlib import Path

import pytest

from svidok.errors import UsageProblem
from svidok.records.courts import engine

FIXTURES = Path(__file__).parent / "fixtures" / "courts"
FILES = sorted(FIXTURES.iterdir())


def test_dask_processes_give_the_local_results_in_order() -> None:
    assert engine.run(FILES, "dask", workers=2) == engine.run(FILES, "local")


def test_a_dask_scheduler_address_gives_the_same_results() -> None:
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=1, processes=False, protocol="tcp://", host="127.0.0.1",
                           dashboard_address=None)
    try:
        expected = engine.run(FILES, "local")
        assert engine.run(FILES, "dask", scheduler=cluster.scheduler_address) == expected
    finally:
        cluster.close()


def test_refused_files_are_reported_not_lost() -> None:
    results = engine.run(FILES, "local")
    assert {r["file"] for r in results if "error" in r} == {"README.md", "expected.json"}


def test_engine_options_are_checked() -> None:
    with pytest.raises(UsageProblem):
        engine.run(FILES, "spark")
    with pytest.raises(UsageProblem):
        engine.run(FILES, "local", scheduler="tcp://127.0.0.1:8786")
