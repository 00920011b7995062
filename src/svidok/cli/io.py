"""Terminal input and output for the CLI: secrets, JSON, tables and the one-line error."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

from rich.console import Console

from svidok.errors import UsageProblem
from svidok.vault import Passphrase, RecoveryKey

PASSPHRASE_ENV = "SVIDOK_PASSPHRASE"  # noqa: S105 - a variable's name, not a secret
RECOVERY_ENV = "SVIDOK_RECOVERY_KEY"
NEW_PASSPHRASE_ENV = "SVIDOK_NEW_PASSPHRASE"  # noqa: S105 - a variable's name
MIN_PASSPHRASE_CHARS = 10

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def emit_json(payload: Any) -> None:
    """The stable machine-readable output (docs/CLI.md): UTF-8 JSON on stdout."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageProblem(
            f"no passphrase: set {PASSPHRASE_ENV} or run svidok in a terminal to be asked"
        )
    return getpass.getpass(label)


def unlock_secret() -> Passphrase | RecoveryKey:
    """The secret that opens a vault: ``SVIDOK_PASSPHRASE``, ``SVIDOK_RECOVERY_KEY`` or a prompt.

    A value shaped like a recovery key (``SVDK-…``) is used as one.
    """
    text = os.environ.get(PASSPHRASE_ENV) or os.environ.get(RECOVERY_ENV)
    if text is None:
        text = _prompt("Passphrase (or recovery key): ")
    recovery = RecoveryKey.parse(text)
    return recovery if recovery is not None else Passphrase.from_text(text)


def new_passphrase(env: str) -> Passphrase:
    """A new passphrase from ``env`` or typed twice at a hidden prompt."""
    text = os.environ.get(env)
    if text is None:
        text = _prompt("New passphrase: ")
        if _prompt("Repeat it: ") != text:
            raise UsageProblem("the two passphrases differ; nothing was changed")
    if len(text) < MIN_PASSPHRASE_CHARS:
        raise UsageProblem(f"a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")
    return Passphrase.from_text(text)
