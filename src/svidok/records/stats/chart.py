"""Monthly bar charts with events marked, series and sources named on the chart (matplotlib).

Months without a figure of their own are left empty and labelled as gaps, never drawn as zero.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from svidok.datafiles import load_yaml
from svidok.errors import UsageProblem
from svidok.records.stats.series import Month


def events(start: date, end: date) -> list[tuple[date, str]]:
    raw = load_yaml("official", "events.yaml")["events"]
    found = [(date.fromisoformat(str(e["date"])), str(e["label"])) for e in raw]
    return [(d, label) for d, label in found if start <= d <= end]


def draw(months: list[Month], title: str, series: str, out: Path,
         marks: list[tuple[date, str]]) -> None:
    if out.suffix.lower() not in (".svg", ".png"):
        raise UsageProblem(f"{out.name}: the chart is written as .svg or .png")
    import matplotlib  # imported here: it takes a second, and only charts need it

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    positions = list(range(len(months)))
    heights = [m.value or 0 for m in months]
    fig, ax = plt.subplots(figsize=(max(7.0, len(months) * 0.45), 5.5), dpi=120)
    bars = ax.bar(positions, heights, color=["#2b5c8a" if m.value is not None else "none"
                                             for m in months])
    for bar, m in zip(bars, months, strict=True):
        if m.value is None:
            ax.text(bar.get_x() + bar.get_width() / 2, 0, "gap", ha="center", va="bottom",
                    fontsize=7, color="#888888", rotation=90)
        elif m.note == "rounded":
            bar.set_hatch("//")
    index = {m.month: i for i, m in enumerate(months)}
    top = max(heights or [1])
    legend = []
    for number, (when, label) in enumerate(marks, start=1):
        x = index[f"{when:%Y-%m}"] - 0.5 + (when.day - 1) / 31
        ax.axvline(x, color="#b03030", linewidth=1, linestyle="--")
        ax.text(x, top * (1.08 + 0.08 * (number % 2)), str(number), ha="center", fontsize=8,
                color="#b03030", fontweight="bold")
        legend.append(f"{number}  {when:%d.%m.%Y}  {label}")
    ax.set_xticks(positions, [m.month for m in months], rotation=90, fontsize=7)
    ax.set_ylim(0, top * 1.3)
    ax.set_title(title, fontsize=10)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    footer = [*legend, f"Series: {series} (ОГП Form № 1, column 1). Hatched: rounded figures. "
              "Empty: no figure for the month alone. Sources: svidok stats series --json."]
    fig.text(0.01, 0.01, "\n".join(footer), fontsize=7, color="#444444", va="bottom")
    fig.tight_layout(rect=(0, 0.03 + 0.035 * len(footer), 1, 1))
    fig.savefig(out)
    plt.close(fig)
