"""Render bench/out/vault_bench.json as the Markdown tables in docs/BENCHMARKS.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def ratio(vault: float, plain: float, lower_is_better: bool) -> str:
    return f"{(vault / plain if lower_is_better else plain / vault):.2f}x"


def render(results: dict[str, Any]) -> str:
    lines = [
        "| testimonies | intake vault /s | intake plain /s | overhead | search p50 vault / plain "
        "(ms) | search p95 vault / plain (ms) | p95 overhead | search p50 / p95, cold cache (ms) "
        "| open vault (s) | db size vault / plain (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, row in results["sizes"].items():
        intake, search, size_b = row["intake_per_s"], row["search"], row["db_bytes"]
        cold = search.get("vault_cold_cache")
        lines.append(
            f"| {int(size):,} | {intake['vault']:.0f} | {intake['plain']:.0f} | "
            f"{ratio(intake['vault'], intake['plain'], False)} | "
            f"{search['vault']['p50_ms']:.1f} / {search['plain']['p50_ms']:.1f} | "
            f"{search['vault']['p95_ms']:.1f} / {search['plain']['p95_ms']:.1f} | "
            f"{ratio(search['vault']['p95_ms'], search['plain']['p95_ms'], True)} | "
            + (f"{cold['p50_ms']:.1f} / {cold['p95_ms']:.1f}" if cold else "not measured")
            + f" | {row['open_s']['vault']:.2f} | "
            f"{size_b['vault'] / 1e6:.0f} / {size_b['plain'] / 1e6:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/vault_bench.json")
    print(render(json.loads(path.read_text())))
