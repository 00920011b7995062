"""The Typer application, and ``main``: svidok's errors become one line and an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from svidok.cli import analysis_commands, courts_commands, io, keys, stats_commands, vault_commands
from svidok.errors import IntegrityError, SvidokError, UsageProblem
from svidok.vault import inbox
from svidok.vault.db import DatabaseError
from svidok.workflows import demo as demo_workflow

app = typer.Typer(
    name="svidok",
    help="Local-first evidence workbench: testimonies in a sealed vault (intake, search, "
    "analysis, redaction, audit) beside the official record (ОГП statistics, court register).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(keys.app, name="key")
app.add_typer(stats_commands.app, name="stats")
app.add_typer(courts_commands.app, name="courts")
vault_commands.register(app)
analysis_commands.register(app)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the documented JSON shape.")]


@app.command()
def drop(
    public_key: Annotated[Path, typer.Argument(help="The vault's drop-box key (drop.pub).")],
    files: Annotated[list[Path], typer.Argument(help="Files to seal into the inbox.")],
    inbox_dir: Annotated[Path, typer.Option("--inbox", help="Inbox directory to write to.")],
    json_out: JsonFlag = False,
) -> None:
    """Seal files for a vault with only its public key; the inbox cannot read them."""
    from svidok.intake.decode import read_limited

    key = inbox.import_public_key(_read_text(public_key))
    sealed = []
    for path in files:
        item = inbox.seal(key, path.name, read_limited(path), inbox_dir)
        sealed.append({"file": str(path), "inbox_item": item.name})
    if json_out:
        io.emit_json(sealed)
        return
    for row in sealed:
        io.out.print(f"sealed  {row['file']}  ->  {inbox_dir / row['inbox_item']}")


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Directory for the demo vault.")] = Path(
        "demo-vault"
    ),
    json_out: JsonFlag = False,
) -> None:
    """Build a demo vault from bundled fictional testimonies and show how to explore it."""
    report = demo_workflow.run(out, progress=None if json_out else io.out.print)
    if json_out:
        io.emit_json(report.to_json())
        return
    table = Table(title="Demo vault", show_header=False)
    table.add_row("vault", str(report.vault))
    table.add_row("passphrase", report.passphrase)
    table.add_row("testimonies", str(report.testimonies))
    table.add_row("audit chain", f"{report.audit_entries} entries, intact")
    io.out.print(table)
    io.out.print("\nExplore it:")
    for line in report.explore:
        io.out.print(f"  {line}")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageProblem(f"{path}: cannot read the drop-box key ({exc})") from exc


def main() -> None:
    """Entry point: no traceback for expected failures, documented exit codes.

    Click (inside Typer) reports malformed command lines itself, with the usage, exit code 2.
    """
    try:
        app()
    except SvidokError as exc:
        io.err.print(f"svidok: {exc}", markup=False)
        sys.exit(exc.exit_code)
    except DatabaseError as exc:
        io.err.print(f"svidok: the vault database cannot be read (damaged or altered): {exc}")
        sys.exit(IntegrityError.exit_code)
    except KeyboardInterrupt:
        io.err.print("svidok: interrupted")
        sys.exit(130)
