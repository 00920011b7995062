"""``svidok demo``: a vault built from the bundled fictional testimonies, through the real paths.

Everything goes through the same code a user's intake does: Telegram exports, e-mail, notes, and
one file sealed into a drop-box inbox with the vault's public key and then taken in.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from svidok.errors import VaultExists
from svidok.vault import Passphrase, Vault, inbox, records
from svidok.workflows import annotate, intake, search

MARKER = ".svidok-demo"
CHANNEL_DIRS = ("telegram-chat", "telegram-account", "email", "notes")
DROPPED = "dropbox/lviv-note-utf16.txt"
EXAMPLE_QUERY = "Кременчук"


@dataclass(frozen=True)
class DemoReport:
    vault: Path
    passphrase: str
    testimonies: int
    audit_entries: int
    head: str
    outcomes: list[intake.Outcome]
    example_hits: list[str]
    explore: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "vault": str(self.vault), "passphrase": self.passphrase,
            "testimonies": self.testimonies, "audit_entries": self.audit_entries,
            "head": self.head, "intake": [o.to_json() for o in self.outcomes],
            "example_query": EXAMPLE_QUERY, "example_hits": self.example_hits,
            "explore": self.explore,
        }


def run(out: Path, progress: Callable[[str], None] | None = None) -> DemoReport:
    """Build the demo vault in ``out``; replaces an earlier demo vault there, nothing else."""
    say = progress or (lambda _line: None)
    _clear(out)
    passphrase = secrets.token_urlsafe(12)
    vault, _recovery = Vault.create(out, Passphrase.from_text(passphrase), label="demo")
    (out / MARKER).write_text("A svidok demo vault: `svidok demo` replaces this directory.\n")
    with vault, resources.as_file(resources.files("svidok") / "data" / "demo") as data:
        items, missing = intake.collect(data / d for d in CHANNEL_DIRS)
        outcomes = missing + intake.take_in(vault, items, intake.Options(), _reporter(say, data))
        inbox_dir = out / "inbox"
        content = (data / DROPPED).read_bytes()
        inbox.seal(vault.dropbox_public_key(), Path(DROPPED).name, content, inbox_dir)
        say(f"sealed {DROPPED} into {inbox_dir} with the drop-box public key")
        dropped, failed = intake.inbox_items(vault, inbox_dir)
        outcomes += failed + intake.take_in(vault, dropped, intake.Options(), _reporter(say, data))
        analysed = annotate.annotate_pending(vault)
        say(f"analysed {analysed} testimonies: names, contacts, places, units, themes, risk")
        hits = [h.testimony.id for h in search.search(vault, EXAMPLE_QUERY).hits]
        report = vault.verify()
        count = len(records.list_testimonies(vault.db))
    first = next((o.testimonies[0] for o in outcomes if o.testimonies), "ID")
    explore = [
        f"export SVIDOK_PASSPHRASE='{passphrase}'",
        f"svidok list {out}",
        f"svidok search {out} {EXAMPLE_QUERY}     # also finds «Кременчуці»",
        f"svidok show {out} {first}        # text, context, attachments, analysis",
        f"svidok audit {out} --verify",
    ]
    return DemoReport(out, passphrase, count, report.entries, report.head, outcomes, hits, explore)


def _reporter(say: Callable[[str], None], base: Path) -> intake.Progress:
    def report(outcome: intake.Outcome) -> None:
        name = outcome.file.replace(str(base) + "/", "")
        detail = outcome.reason or f"{len(outcome.testimonies)} testimony(ies)"
        say(f"{outcome.result:<9} {name}: {detail}")

    return report


def _clear(out: Path) -> None:
    if not out.exists():
        return
    if (out / MARKER).exists():
        shutil.rmtree(out)
    elif out.is_dir() and not any(out.iterdir()):
        out.rmdir()
    else:
        raise VaultExists(f"{out}: exists and is not a demo vault; choose another --out")
