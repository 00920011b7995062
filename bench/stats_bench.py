"""Form № 1 parsing: svidok's parser against pandas.read_excel of the same sheet, same process.

Baseline: ``pandas.read_excel(path, sheet_name="1", header=None)`` (openpyxl engine) — reading
sheet 1 into a frame, before finding any row. svidok's time includes everything it does: reading
the file, its SHA-256, the title sheet's period, sheet 1, and the cells it extracts.

    pip install -e '.[bench]' && python bench/stats_bench.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import pandas as pd

from svidok.records.stats import form1

WORKBOOKS = Path(__file__).resolve().parents[2] / "shared/data/official/opg_form1"


def timed(run: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for path in sorted(WORKBOOKS.glob("*.xlsx")):
        svidok_s = timed(lambda p=path: form1.parse(p), args.rounds)
        pandas_s = timed(lambda p=path: pd.read_excel(p, sheet_name="1", header=None),
                         args.rounds)
        rows.append({"workbook": path.name, "svidok_s": round(svidok_s, 3),
                     "pandas_s": round(pandas_s, 3), "ratio": round(pandas_s / svidok_s, 2)})
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
