"""A vault directory: ``vault.json`` (key slots) and ``vault.db`` (everything else, encrypted).

This module opens, creates and checks vaults and manages their key slots. It holds the master key
only in memory, for as long as the ``Vault`` object is open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import nacl.public

from svidok.errors import IntegrityError, NotFound, Refused, VaultExists
from svidok.vault import audit, keyslots
from svidok.vault.crypto import PRODUCTION_KDF, KdfParams, MasterKey, Passphrase, RecoveryKey
from svidok.vault.db import FILE_NAME as DB_NAME
from svidok.vault.db import Database, DatabaseError


@dataclass(frozen=True)
class Member:
    slot_id: str
    kind: str
    label: str
    created_at: str


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class VerifyReport:
    checks: list[Check]
    entries: int
    head: str
    bad_entry: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


class Vault:
    """An open vault. Use as a context manager; ``close()`` forgets the master key."""

    def __init__(self, path: Path, db: Database, master: MasterKey, slots: list[keyslots.Slot]):
        self.path = path
        self.db = db
        self._master = master
        self._slots = slots
        self._audit_key = master.derive("audit")

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: Passphrase,
        *,
        label: str = "owner",
        kdf: KdfParams = PRODUCTION_KDF,
    ) -> tuple[Vault, RecoveryKey]:
        """Create a vault with one passphrase slot and one recovery slot.

        Returns the open vault and the recovery key, which is not stored anywhere else.
        """
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultExists(f"{path}: already exists and is not an empty directory")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)  # an existing empty directory keeps its mode otherwise
        master, recovery = MasterKey.generate(), RecoveryKey.generate()
        slots = [
            keyslots.new_passphrase_slot(master, passphrase, kdf),
            keyslots.new_recovery_slot(master, recovery),
        ]
        db = Database(path / DB_NAME, master, create=True)
        vault = cls(path, db, master, slots)
        with db.transaction():
            db.set_meta("keyslots_mac", keyslots.slots_mac(master, slots))
            vault._add_member(slots[0], label)
            vault._add_member(slots[1], "recovery")
            vault.record("init", {"slots": [s.id for s in slots]})
        keyslots.write(path / keyslots.FILE_NAME, slots)
        return vault, recovery

    @classmethod
    def open(cls, path: Path, secret: Passphrase | RecoveryKey) -> Vault:
        """Unlock with a passphrase or the recovery key; raises ``AuthenticationFailed``."""
        if not path.is_dir():
            raise NotFound(f"{path}: no such vault directory")
        candidates = keyslots.read_for_unlock(path)
        master, _ = keyslots.unlock_any(candidates, secret)
        db = Database(path / DB_NAME, master)
        committed = db.get_meta("keyslots_mac") or ""
        keyslots.resolve_pending(path, master, committed)
        return cls(path, db, master, keyslots.read(path / keyslots.FILE_NAME))

    def close(self) -> None:
        self.db.close()
        self._master = MasterKey(b"")
        self._audit_key = b""

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- audit ---------------------------------------------------------------------------------

    def record(self, action: str, detail: dict[str, Any]) -> audit.Entry:
        """Append to the audit chain; call inside the transaction making the change."""
        return audit.append(self.db, self._audit_key, action, detail)

    def verify(self, expect_head: str | None = None) -> VerifyReport:
        """Check key slots, every database page, and the audit chain."""
        checks: list[Check] = []
        try:
            on_disk = keyslots.read(self.path / keyslots.FILE_NAME)
            slots_ok = keyslots.slots_mac(self._master, on_disk) == self.db.get_meta("keyslots_mac")
            checks.append(Check("key slots", slots_ok, f"{len(on_disk)} slots" if slots_ok else
                                "the slot list differs from the one the vault recorded"))
        except IntegrityError as exc:
            checks.append(Check("key slots", False, str(exc)))
        problems = self.db.page_check()
        checks.append(Check("database pages", not problems,
                            "all pages authenticate" if not problems else problems[0]))
        try:
            chain = audit.verify(self.db, self._audit_key, expect_head)
        except DatabaseError as exc:
            chain = audit.ChainReport(0, audit.GENESIS, f"the chain cannot be read: {exc}")
        checks.append(Check("audit chain", chain.problem is None,
                            chain.problem or f"{chain.entries} entries intact"))
        return VerifyReport(checks, chain.entries, chain.head, chain.bad_seq, problems)

    # -- key slots -----------------------------------------------------------------------------

    def members(self) -> list[Member]:
        rows = self.db.query("SELECT slot_id, kind, label, created_at FROM members ORDER BY rowid")
        present = {s.id for s in self._slots}
        return [Member(*r) for r in rows if r[0] in present]

    def add_key(self, passphrase: Passphrase, label: str, kdf: KdfParams = PRODUCTION_KDF) -> str:
        slot = keyslots.new_passphrase_slot(self._master, passphrase, kdf)
        self._change_slots([*self._slots, slot], "key-add", {"slot": slot.id}, added=(slot, label))
        return slot.id

    def remove_key(self, slot_id: str) -> None:
        remaining = [s for s in self._slots if s.id != slot_id]
        if len(remaining) == len(self._slots):
            raise NotFound(f"no key slot {slot_id!r} in this vault")
        if not remaining:
            raise Refused("refusing to remove the last key slot: the vault could never be opened")
        self._change_slots(remaining, "key-remove", {"slot": slot_id})

    def _change_slots(
        self,
        slots: list[keyslots.Slot],
        action: str,
        detail: dict[str, Any],
        added: tuple[keyslots.Slot, str] | None = None,
    ) -> None:
        pending = self.path / keyslots.NEXT_NAME
        keyslots.write(pending, slots)
        with self.db.transaction():
            self.db.set_meta("keyslots_mac", keyslots.slots_mac(self._master, slots))
            if added is not None:
                self._add_member(*added)
            self.record(action, detail)
        os.replace(pending, self.path / keyslots.FILE_NAME)
        keyslots.fsync_dir(self.path)
        self._slots = slots

    def _add_member(self, slot: keyslots.Slot, label: str) -> None:
        self.db.conn.execute(
            "INSERT INTO members(slot_id, kind, label, created_at) VALUES (?,?,?,?)",
            (slot.id, slot.kind, label, audit.now()),
        )

    # -- drop box ------------------------------------------------------------------------------

    def dropbox_private_key(self) -> nacl.public.PrivateKey:
        """X25519 key derived from the master key: only vault members can open drops."""
        return nacl.public.PrivateKey(self._master.derive("dropbox-x25519"))

    def dropbox_public_key(self) -> nacl.public.PublicKey:
        return self.dropbox_private_key().public_key
