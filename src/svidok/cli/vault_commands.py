"""Commands that create, fill and read a vault: init, dropbox-key, intake, list, show, search,
audit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from svidok.cli import io
from svidok.errors import IntegrityError, UsageProblem
from svidok.intake import Format
from svidok.vault import Vault, audit, inbox, records
from svidok.workflows import annotate
from svidok.workflows import intake as intake_workflow
from svidok.workflows import search as search_workflow

VaultArg = Annotated[Path, typer.Argument(help="The vault directory.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the documented JSON shape.")]


def register(app: typer.Typer) -> None:
    for command in (init, dropbox_key, intake, reanalyze, list_, show, search, audit_):
        app.command(name=command.__name__.rstrip("_").replace("_", "-"))(command)


def init(
    vault: VaultArg,
    label: Annotated[str, typer.Option(help="Name of the first member's key slot.")] = "owner",
    json_out: JsonFlag = False,
) -> None:
    """Create a vault; print its recovery key exactly once."""
    passphrase = io.new_passphrase(io.PASSPHRASE_ENV)
    opened, recovery = Vault.create(vault, passphrase, label=label)
    with opened:
        slots = [m.slot_id for m in opened.members()]
    if json_out:
        io.emit_json({"vault": str(vault), "slots": slots, "recovery_key": recovery.display()})
        return
    io.out.print(f"Created vault {vault}")
    io.out.print("Recovery key (shown once; store it offline, it opens the vault on its own):")
    io.out.print(f"  {recovery.display()}")


def dropbox_key(vault: VaultArg) -> None:
    """Print the vault's drop-box public key (save it as drop.pub for `svidok drop`)."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        sys.stdout.write(inbox.export_public_key(opened.dropbox_public_key()))


def intake(
    vault: VaultArg,
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders.")] = None,
    inbox_dir: Annotated[
        Path | None, typer.Option("--inbox", help="Take in pending drop-box items from DIR.")
    ] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", help="Force a format instead of detecting it.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Attribute to this source (name or id).")
    ] = None,
    analysis: Annotated[
        bool, typer.Option("--analysis/--no-analysis",
                           help="Analyse new testimonies after storing them (default: on).")
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Take files, folders or drop-box items into the vault. Exit 1 if any file was rejected."""
    if not paths and inbox_dir is None:
        raise UsageProblem("name files or folders to take in, or --inbox DIR")
    options = intake_workflow.Options(fmt=fmt, source=source)
    with Vault.open(vault, io.unlock_secret()) as opened:
        items, outcomes = intake_workflow.collect(paths or [])
        if inbox_dir is not None:
            dropped, failed = intake_workflow.inbox_items(opened, inbox_dir)
            items += dropped
            outcomes += failed
        for outcome in outcomes:
            _print_outcome(outcome, json_out)
        outcomes += _run_with_progress(opened, items, options, json_out)
        analysed = annotate.annotate_pending(opened) if analysis else 0
    if json_out:
        io.emit_json({
            "imported": [o.to_json() for o in outcomes if o.result == "imported"],
            "duplicates": [o.to_json() for o in outcomes if o.result == "duplicate"],
            "rejected": [o.to_json() for o in outcomes if o.result == "rejected"],
            "analysed": analysed,
        })
    else:
        counts = {r: sum(o.result == r for o in outcomes)
                  for r in ("imported", "duplicate", "rejected")}
        io.err.print(f"{counts['imported']} imported, {counts['duplicate']} duplicate, "
                     f"{counts['rejected']} rejected, {analysed} analysed")
    if any(o.result == "rejected" for o in outcomes):
        raise typer.Exit(1)


def reanalyze(vault: VaultArg, json_out: JsonFlag = False) -> None:
    """Analyse every testimony without annotations from the current engine, and store them."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        analysed = annotate.annotate_pending(opened)
    if json_out:
        io.emit_json({"analysed": analysed})
    else:
        io.out.print(f"{analysed} testimonies analysed")


def _run_with_progress(
    vault: Vault, items: list[intake_workflow.Item], options: intake_workflow.Options,
    json_out: bool,
) -> list[intake_workflow.Outcome]:
    progress = Progress(
        TextColumn("intake"), BarColumn(), MofNCompleteColumn(),
        _RateColumn(), TimeElapsedColumn(),
        console=io.err, disable=json_out or not io.err.is_terminal, transient=True,
    )
    with progress:
        task = progress.add_task("intake", total=len(items))

        def step(outcome: intake_workflow.Outcome) -> None:
            progress.advance(task)
            _print_outcome(outcome, json_out)

        return intake_workflow.take_in(vault, items, options, step)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.0f} items/s")


def _print_outcome(outcome: intake_workflow.Outcome, json_out: bool) -> None:
    """One line per file as soon as its fate is final (committed, for imports)."""
    if json_out:
        return
    if outcome.result == "rejected":
        io.err.print(f"rejected   {outcome.file}: {outcome.reason}", markup=False)
        return
    ids = ", ".join(outcome.testimonies)
    io.out.print(f"{outcome.result:<10} {outcome.file}  {ids}", markup=False)
    sys.stdout.flush()


def list_(vault: VaultArg, json_out: JsonFlag = False) -> None:
    """List the testimonies in the vault."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        rows = records.list_testimonies(opened.db)
    if json_out:
        io.emit_json([r.to_json() for r in rows])
        return
    table = Table("id", "source", "channel", "lang", "received", "status", "chars")
    for r in rows:
        table.add_row(r.id, r.source_name or "-", r.channel, r.language, r.received_at[:16],
                      r.status, str(r.chars))
    io.out.print(table)


def show(
    vault: VaultArg,
    testimony_id: Annotated[str, typer.Argument(metavar="ID", help="Testimony id.")],
    json_out: JsonFlag = False,
) -> None:
    """Show one testimony: text, context, attachments and its original's SHA-256."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        detail = records.get_testimony(opened.db, testimony_id)
        analysis = records.get_annotation(opened.db, testimony_id)
    if json_out:
        io.emit_json({**detail.to_json(), "analysis": analysis})
        return
    io.out.print(f"[bold]{detail.id}[/bold]  {detail.channel}/{detail.format}  {detail.language}  "
                 f"source {detail.source_name or '-'} ({detail.source_id or '-'})")
    io.out.print(f"original {detail.original_filename}  sha256 {detail.source_sha256}",
                 markup=False)
    io.out.print()
    io.out.print(detail.text, markup=False)
    for message in detail.context:
        io.out.print(f"\n[dim]{message['role']} {message['at'] or ''}:[/dim]")
        io.out.print(message["text"], markup=False)
    for att in detail.attachments:
        state = "sealed" if att["sha256"] else f"not stored: {att['note']}"
        io.out.print(f"attachment {att['kind']} {att['name']} ({state})", markup=False)
    if analysis is not None:
        sensitive = sum(e["sensitive"] for e in analysis["entities"])
        themes = ", ".join(t["id"] for t in analysis["themes"]) or "none"
        io.out.print(f"\nanalysis: {sensitive} sensitive spans; themes: {themes}; "
                     f"risk {analysis['risk']['level']}", markup=False)


def search(
    vault: VaultArg,
    query: Annotated[str, typer.Argument(help="Words; inflected forms match. `word*` = prefix.")],
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Most results.")] = 20,
    json_out: JsonFlag = False,
) -> None:
    """Find testimonies containing every word of QUERY, in any inflected form."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        result = search_workflow.search(opened, query, limit)
    if json_out:
        io.emit_json(result.to_json())
        return
    for hit in result.hits:
        io.out.print(f"[bold]{hit.testimony.id}[/bold] {hit.testimony.language}  "
                     f"{', '.join(hit.matched)}")
        io.out.print(f"  {hit.snippet}", markup=False)
    shown = "" if result.total == len(result.hits) else f", showing {len(result.hits)}"
    order = " (too many to rank: newest first)" if result.order == "newest" else ""
    io.err.print(f"{result.total} found{shown}{order}")


def audit_(
    vault: VaultArg,
    verify: Annotated[bool, typer.Option("--verify", help="Check slots, pages and chain.")] = False,
    expect_head: Annotated[
        str | None, typer.Option(help="A head hash noted earlier that must still be in the chain.")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Show the audit chain, or verify the whole vault (exit 3 naming the first bad entry)."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        if not verify:
            entries = audit.entries(opened.db)
            if json_out:
                io.emit_json([e.__dict__ for e in entries])
            for e in [] if json_out else entries:
                io.out.print(f"{e.seq:>5} {e.at} {e.action:<10} {e.detail}", markup=False)
            return
        report = opened.verify(expect_head)
    if json_out:
        io.emit_json({
            "ok": report.ok, "entries": report.entries, "head": report.head,
            "bad_entry": report.bad_entry,
            "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in report.checks],
        })
    else:
        for c in report.checks:
            io.out.print(f"{'ok    ' if c.ok else 'FAILED'} {c.name}: {c.detail}", markup=False)
        io.out.print(f"head {report.entries}:{report.head}")
    if not report.ok:
        failed = next(c for c in report.checks if not c.ok)
        raise IntegrityError(f"vault check failed: {failed.name}: {failed.detail}")
