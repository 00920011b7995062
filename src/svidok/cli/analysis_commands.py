"""Commands that analyse text without a vault: analyze, redact, eval testimonies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from svidok.analysis import analyze as analyze_text
from svidok.analysis.redact import redact as redact_text
from svidok.cli import io
from svidok.intake.decode import decode_text, read_limited
from svidok.workflows import evaluate

InputArg = Annotated[str, typer.Argument(metavar="FILE|-", help="A text file, or - for stdin.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the documented JSON shape.")]
LangOption = Annotated[
    str | None, typer.Option("--language", help="uk, ru or en; detected when not given.")
]

eval_app = typer.Typer(help="Measure the analysis engine on labelled material.",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(analyze)
    app.command()(redact)
    app.add_typer(eval_app, name="eval")


def _read(source: str) -> str:
    if source == "-":
        return decode_text(sys.stdin.buffer.read(), "stdin")
    path = Path(source)
    return decode_text(read_limited(path), path.name)


def analyze(source: InputArg, json_out: JsonFlag = False, language: LangOption = None) -> None:
    """Find personal data, places, units, themes and the re-identification risk in a text."""
    result = analyze_text(_read(source), language)
    if json_out:
        io.emit_json(result.to_json())
        return
    table = Table("type", "text", "detail", "sensitive")
    for e in result.entities:
        detail = (e.place.oblast or e.place.level) if e.place else \
            (e.unit.canonical if e.unit else ("public figure" if e.public_figure else ""))
        table.add_row(e.type, e.text, detail, "yes" if e.sensitive else "")
    io.out.print(table)
    io.out.print("themes: " + (", ".join(t.id for t in result.themes) or "none"))
    io.out.print(f"risk: {result.risk.level} ({result.risk.score:.2f})")
    for reason in result.risk.reasons:
        io.out.print(f"  - {reason}", markup=False)


def redact(
    source: InputArg,
    json_out: JsonFlag = False,
    language: LangOption = None,
    include_public: Annotated[
        bool, typer.Option("--include-public", help="Also replace public figures' names.")
    ] = False,
) -> None:
    """Print the text with every sensitive span replaced by a consistent placeholder."""
    text = _read(source)
    result = redact_text(text, analyze_text(text, language), include_public)
    if json_out:
        io.emit_json(result.to_json())
        return
    sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")


@eval_app.command("testimonies")
def eval_testimonies(
    directory: Annotated[Path, typer.Argument(help="Folder with labels.json and the texts.")],
    json_out: JsonFlag = False,
) -> None:
    """Precision and recall per category, and oblast accuracy, against DIR/labels.json."""
    report = evaluate.evaluate(directory)
    if json_out:
        io.emit_json(report.to_json())
        return
    table = Table("category", "precision", "recall", "F1", "tp", "fp", "fn",
                  title=f"{report.files} testimonies")
    for name, c in report.counts.items():
        table.add_row(name, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp),
                      str(c.fp), str(c.fn))
    io.out.print(table)
    io.out.print(f"oblast accuracy: {report.oblast_accuracy:.2f}")
