"""Charts of the court summaries: decisions per month, outcome shares over time, by region."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from svidok.errors import UsageProblem
from svidok.records.courts.store import CourtsStore
from svidok.records.courts.summary import regions, summarise

if TYPE_CHECKING:
    from matplotlib.axes import Axes

KINDS = ("month", "outcomes", "region")
OUTCOME_COLOURS = {"convicted": "#8a2b2b", "probation": "#d08c2e", "closed": "#2b8a4f",
                   "acquitted": "#2b5c8a", "returned": "#7a7a7a", "other": "#bbbbbb"}


def draw(store: CourtsStore, kind: str, out: Path, article: str | None = None) -> None:
    if kind not in KINDS:
        raise UsageProblem(f"--kind is one of {', '.join(KINDS)}")
    if out.suffix.lower() not in (".svg", ".png"):
        raise UsageProblem(f"{out.name}: the chart is written as .svg or .png")
    import matplotlib  # imported here: it takes a second, and only charts need it

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    what = f"Art. {article}" if article else "Selected articles"
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=120)
    if kind == "outcomes":
        _outcomes(ax, store, article)
        ax.set_title(f"{what}: outcome shares per month (decisions with extracted facts)")
    else:
        groups = summarise(store, kind, article)
        labels = [g.label for g in groups]
        ax.bar(range(len(groups)), [g.count for g in groups], color="#2b5c8a")
        ax.set_xticks(range(len(groups)), labels, rotation=90, fontsize=7)
        per = "month" if kind == "month" else "region (dump region codes)"
        ax.set_title(f"{what}: decisions per {per}")
    fig.text(0.01, 0.01, "Source: ЄДРСР open data (documents.csv), criminal decisions in the "
             "category list of svidok (data/courts/categories.csv).", fontsize=7,
             color="#444444")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.savefig(out)
    plt.close(fig)


def _outcomes(ax: Axes, store: CourtsStore, article: str | None) -> None:
    sql = ("SELECT substr(d.adjudication_date, 1, 7), f.facts FROM decisions d "
           "JOIN facts f ON f.doc_id = d.doc_id")
    params: tuple[str, ...] = ()
    if article is not None:
        sql += " WHERE d.article = ?"
        params = (article,)
    table: dict[str, dict[str, int]] = {}
    for month, facts in store.conn.execute(sql, params):
        outcome = str(json.loads(facts).get("outcome", {}).get("value") or "other")
        row = table.setdefault(month, {})
        row[outcome] = row.get(outcome, 0) + 1
    months = sorted(table)
    bottom = [0.0] * len(months)
    for outcome, colour in OUTCOME_COLOURS.items():
        shares = [table[m].get(outcome, 0) / sum(table[m].values()) for m in months]
        ax.bar(range(len(months)), shares, bottom=bottom, color=colour, label=outcome)
        bottom = [b + s for b, s in zip(bottom, shares, strict=True)]
    ax.set_xticks(range(len(months)), months, rotation=90, fontsize=7)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1, 1))


__all__ = ["KINDS", "draw", "regions"]
