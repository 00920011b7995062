"""``svidok key add | remove | list``: members' key slots."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from svidok.cli import io
from svidok.vault import Vault

app = typer.Typer(help="Manage key slots: one per member passphrase, plus the recovery key.",
                  no_args_is_help=True)

VaultArg = Annotated[Path, typer.Argument(help="The vault directory.")]


@app.command("list")
def list_keys(
    vault: VaultArg,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the documented JSON shape.")
    ] = False,
) -> None:
    """List key slots with their labels."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        members = opened.members()
    if json_out:
        io.emit_json([m.__dict__ for m in members])
        return
    table = Table("slot", "kind", "label", "created")
    for m in members:
        table.add_row(m.slot_id, m.kind, m.label, m.created_at)
    io.out.print(table)


@app.command("add")
def add_key(
    vault: VaultArg,
    label: Annotated[str, typer.Option(help="Who holds the new passphrase.")],
) -> None:
    """Add a passphrase slot. Unlock with SVIDOK_PASSPHRASE; new one from SVIDOK_NEW_PASSPHRASE."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        slot = opened.add_key(io.new_passphrase(io.NEW_PASSPHRASE_ENV), label)
    io.out.print(f"added key slot {slot} ({label})")


@app.command("remove")
def remove_key(
    vault: VaultArg,
    slot: Annotated[str, typer.Argument(help="Slot id from `svidok key list`.")],
) -> None:
    """Remove a key slot. Removing the last slot is refused."""
    with Vault.open(vault, io.unlock_secret()) as opened:
        opened.remove_key(slot)
    io.out.print(f"removed key slot {slot}")
