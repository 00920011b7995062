"""Running extraction over many decision files: in this process, or on Dask.

``local`` reads and extracts one file after another. ``dask`` partitions the files into a
``dask.bag`` and runs the same per-file function on local worker processes, or, given
``scheduler`` (``tcp://host:8786``), on a Dask cluster: start one with ``dask scheduler`` and
``dask worker tcp://host:8786`` on each machine, each with svidok installed and the files at the
same path (a shared disk). Results come back in file order either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from svidok.errors import SvidokError, UsageProblem
from svidok.records.courts import extract, texts

ENGINES = ("local", "dask")


def extract_file(path: str) -> dict[str, Any]:
    """One file's facts, or the reason it was refused (picklable both ways, for Dask)."""
    try:
        return {"file": Path(path).name, "facts": extract.extract(texts.read(Path(path))).to_json()}
    except SvidokError as exc:
        return {"file": Path(path).name, "error": str(exc)}


def run(paths: list[Path], engine: str = "local", scheduler: str | None = None,
        workers: int = 2) -> list[dict[str, Any]]:
    if engine not in ENGINES:
        raise UsageProblem(f"--engine is one of {', '.join(ENGINES)}")
    names = [str(p) for p in paths]
    if engine == "local":
        if scheduler is not None:
            raise UsageProblem("--scheduler goes with --engine dask")
        return [extract_file(n) for n in names]
    import dask.bag as db  # imported here: only the Dask engine needs it

    bag = db.from_sequence(names, npartitions=max(1, min(len(names), workers * 4)))
    if scheduler is None:
        return list(bag.map(extract_file).compute(scheduler="processes", num_workers=workers))
    from distributed import Client

    with Client(scheduler) as client:
        return list(client.compute(bag.map(extract_file)).result())
