"""Errors svidok raises on purpose, each named after the failure and carrying its exit code.

The CLI prints ``str(error)`` as one line on stderr and exits with ``error.exit_code``; it never
shows a traceback for these. Exit codes are part of the documented interface (docs/CLI.md).
"""

from __future__ import annotations


class SvidokError(Exception):
    """Base class: an expected failure with a one-line message for the user."""

    exit_code = 1


class InputRejected(SvidokError):
    """A file or message cannot be taken in (bad encoding, garbage, too large, malformed)."""

    exit_code = 1


class AuthenticationFailed(SvidokError):
    """No key slot opens with the passphrase or recovery key given."""

    exit_code = 2


class IntegrityError(SvidokError):
    """Stored data fails authentication: damaged, tampered with, truncated or reordered."""

    exit_code = 3


class KeySlotCorrupt(IntegrityError):
    """A key slot's self-check fails: the slot was altered or damaged on disk."""


class NotFound(SvidokError):
    """A vault, testimony or key slot named by the user does not exist."""

    exit_code = 4


class VaultExists(SvidokError):
    """``init`` was pointed at a directory that already holds something."""

    exit_code = 4


class Refused(SvidokError):
    """An action that would leave the vault unusable or unsafe (e.g. removing the last key slot)."""

    exit_code = 5


class UsageProblem(SvidokError):
    """The command was given something it cannot work with (e.g. no passphrase without a TTY)."""

    exit_code = 64
