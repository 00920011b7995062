"""Court register benchmark: index ingest against a naive pandas.read_csv, and extraction speed.

A `documents.csv` of ``--rows`` rows is generated in the real format (TAB-separated, dates and
judge quoted, ~2 % criminal Art. 407/408 rows, some judge names quoted across two lines). Each
engine runs in its own subprocess so that its peak memory (ru_maxrss) is its own:

- svidok: `courts ingest` code path (stream, select, store in SQLite);
- baseline: ``pandas.read_csv(path, sep="\\t", dtype=str)`` and the same filter on the frame.

Extraction: decisions per second on one core over the fixture decisions, repeated; and
`courts extract` over 3,200 files (the fixtures copied) locally and on Dask with 1 and 2 local
worker processes.

    pip install -e '.[bench]' && python bench/courts_bench.py [--rows 5000000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ("doc_id\tcourt_code\tjudgment_code\tjustice_kind\tcategory_code\tcause_num\t"
          "adjudication_date\treceipt_date\tjudge\tdoc_url\tstatus\tdate_publ\n")
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "courts"


def generate(path: Path, rows: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    categories = ["40851", "40852"] + [str(c) for c in range(40100, 40200)]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        for i in range(rows):
            kind = "2" if rng.random() < 0.3 else rng.choice("1345")
            category = rng.choice(categories) if rng.random() < 0.93 else \
                rng.choice(["40851", "40852"])
            judge = '"Коваленко\nО. П."' if i % 1000 == 0 else '"Ісаков Д. О."'
            fh.write(f'{80_000_000 + i}\t{rng.randint(100, 2700):04d}\t{rng.choice("125")}\t'
                     f"{kind}\t{category}\t{rng.randint(1, 999)}/{i % 9999}/24\t"
                     f'"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 00:00:00+02"\t'
                     f'"2024-01-01 00:00:00+02"\t{judge}\t'
                     f"http://od.reyestr.court.gov.ua/files/43/{i:032x}.rtf\t1\t"
                     f'"2024-01-02 00:00:00+02"\n')


def run_svidok(path: Path, db: Path) -> dict[str, float]:
    from svidok.records.courts import codes, index
    from svidok.records.courts.store import CourtsStore

    start = time.perf_counter()
    report = index.Report()
    store = CourtsStore(db)
    with index.open_index(path) as (fh, _):
        written = store.add(index.select(index.rows(fh, report), codes.selected(("407", "408")),
                                         report))
    store.close()
    return {"seconds": time.perf_counter() - start, "rows": report.rows, "selected": written}


def run_pandas(path: Path) -> dict[str, float]:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    selected = frame[(frame["justice_kind"] == "2")
                     & frame["category_code"].isin(["40851", "40852", "5459", "2050"])]
    return {"seconds": time.perf_counter() - start, "rows": len(frame), "selected": len(selected)}


def extraction_rate(rounds: int = 200) -> float:
    from svidok.records.courts import extract, texts

    decisions = [texts.read(p) for p in sorted(FIXTURES.glob("*.txt"))]
    start = time.perf_counter()
    for _ in range(rounds):
        for text in decisions:
            extract.extract(text)
    return rounds * len(decisions) / (time.perf_counter() - start)


def engines(copies: int = 400) -> dict[str, float]:
    """Decisions/s of `courts extract` over many files: local, Dask with 1 and 2 workers."""
    from svidok.records.courts import engine

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(copies):
            for source in sorted(FIXTURES.glob("*.txt")):
                target = Path(tmp) / f"{i:04d}_{source.name}"
                target.write_bytes(source.read_bytes())
                files.append(target)
        rates = {}
        for name, kwargs in (("local", {}), ("dask_1_worker", {"workers": 1}),
                             ("dask_2_workers", {"workers": 2})):
            start = time.perf_counter()
            results = engine.run(files, "local" if name == "local" else "dask", **kwargs)
            assert len(results) == len(files)
            rates[name] = len(files) / (time.perf_counter() - start)
    return rates


def child(engine: str, path: Path, db: Path) -> None:
    result = run_svidok(path, db) if engine == "svidok" else run_pandas(path)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "CSV", "DB"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "documents.csv"
        start = time.perf_counter()
        generate(csv_path, args.rows)
        print(f"generated {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.0f} MB, "
              f"{time.perf_counter() - start:.0f} s", flush=True)
        results = {}
        for engine in ("svidok", "pandas"):
            out = subprocess.run(  # noqa: S603 - our own script
                [sys.executable, __file__, "--child", engine, str(csv_path),
                 str(Path(tmp) / "c.db")], capture_output=True, text=True, check=True)
            results[engine] = json.loads(out.stdout)
            r = results[engine]
            print(f"{engine}: {r['seconds']:.1f} s, {r['rows'] / r['seconds']:,.0f} rows/s, "
                  f"peak {r['peak_mb']:,.0f} MB, selected {r['selected']:,}", flush=True)
    results["extraction_per_s"] = {"decisions": extraction_rate()}
    results["extract_files_per_s"] = engines()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
