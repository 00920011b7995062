"""Key slots: the only file of a vault that is readable without a key.

Protects against: learning anything about the vault from ``vault.json`` beyond its format version,
the number of slots and their KDF cost; replacing a slot's wrapped key (its SecretBox tag fails);
silent damage to a slot (each slot carries an unkeyed BLAKE2b check of its own fields, so a flipped
byte reads as "slot damaged", not as "wrong passphrase"); removing or swapping whole slots (the list
is authenticated by a MAC kept inside the encrypted database and compared by ``audit --verify``).

Does not protect against: deletion of ``vault.json`` (keep backups: without a slot, the master key
is gone by design). Member labels are *not* here; they live in the encrypted database.

Format (UTF-8 JSON, keys sorted)::

    {"format": "svidok-vault", "version": 1, "slots": [SLOT, ...]}
    SLOT = {"id": 8 hex, "kind": "passphrase" | "recovery",
            "kdf": {"alg": "argon2id13", "opslimit": int, "memlimit": int, "salt": b64(16)}
                   | {"alg": "blake2b"},
            "nonce": b64(24), "wrapped": b64(48), "check": hex(BLAKE2b-128 of the slot
            without "check", canonical JSON)}

Key changes write ``vault.json.next`` first, commit the new list's MAC in the database, then
rename it over ``vault.json``; ``resolve_pending`` finishes or discards an interrupted change.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from svidok.errors import AuthenticationFailed, IntegrityError, KeySlotCorrupt, NotFound
from svidok.vault import crypto
from svidok.vault.crypto import KdfParams, MasterKey, Passphrase, RecoveryKey

FILE_NAME = "vault.json"
NEXT_NAME = "vault.json.next"
FORMAT = "svidok-vault"
VERSION = 1


@dataclass(frozen=True)
class Slot:
    id: str
    kind: str
    kdf: dict[str, Any]
    nonce: str
    wrapped: str

    def fields(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "kdf": self.kdf,
            "nonce": self.nonce,
            "wrapped": self.wrapped,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.fields(), "check": crypto.checksum(canonical(self.fields()))}


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def new_passphrase_slot(master: MasterKey, passphrase: Passphrase, params: KdfParams) -> Slot:
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    nonce, wrapped = crypto.wrap(master, crypto.passphrase_key(passphrase, salt, params))
    kdf = {
        "alg": "argon2id13",
        "opslimit": params.opslimit,
        "memlimit": params.memlimit,
        "salt": crypto.b64(salt),
    }
    return Slot(secrets.token_hex(4), "passphrase", kdf, crypto.b64(nonce), crypto.b64(wrapped))


def new_recovery_slot(master: MasterKey, recovery: RecoveryKey) -> Slot:
    nonce, wrapped = crypto.wrap(master, crypto.recovery_wrapping_key(recovery))
    return Slot(
        secrets.token_hex(4), "recovery", {"alg": "blake2b"}, crypto.b64(nonce), crypto.b64(wrapped)
    )


def slots_mac(master: MasterKey, slots: list[Slot]) -> str:
    """The MAC over the whole slot list that the database keeps."""
    return crypto.mac(master.derive("keyslots-mac"), canonical([s.to_json() for s in slots]))


def unlock(slots: list[Slot], secret: Passphrase | RecoveryKey) -> tuple[MasterKey, Slot]:
    """Try every slot of the secret's kind; the first whose tag verifies gives the master key."""
    kind = "recovery" if isinstance(secret, RecoveryKey) else "passphrase"
    for slot in slots:
        if slot.kind != kind:
            continue
        try:
            return crypto.unwrap(
                crypto.unb64(slot.nonce), crypto.unb64(slot.wrapped), _wrapping_key(slot, secret)
            ), slot
        except AuthenticationFailed:
            continue
    noun = "recovery key" if kind == "recovery" else "passphrase"
    raise AuthenticationFailed(f"wrong {noun}: no key slot of this vault opens with it")


def _wrapping_key(slot: Slot, secret: Passphrase | RecoveryKey) -> bytes:
    if isinstance(secret, RecoveryKey):
        return crypto.recovery_wrapping_key(secret)
    params = KdfParams(int(slot.kdf["opslimit"]), int(slot.kdf["memlimit"]))
    return crypto.passphrase_key(secret, crypto.unb64(slot.kdf["salt"]), params)


def read(path: Path) -> list[Slot]:
    """Parse and self-check a slot file; raises ``KeySlotCorrupt`` naming the damaged slot."""
    try:
        doc = json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise NotFound(f"{path.parent}: not a svidok vault (no {FILE_NAME})") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise KeySlotCorrupt(f"{path}: key slot file is damaged (not valid JSON)") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeySlotCorrupt(f"{path}: not a svidok key slot file")
    if doc.get("version") != VERSION:
        raise KeySlotCorrupt(f"{path}: unsupported vault format version {doc.get('version')!r}")
    raw_slots = doc.get("slots")
    if not isinstance(raw_slots, list) or not raw_slots:
        raise KeySlotCorrupt(f"{path}: the key slot list is missing or empty")
    return [_parse_slot(path, i, raw) for i, raw in enumerate(raw_slots, start=1)]


def _parse_slot(path: Path, number: int, raw: Any) -> Slot:
    try:
        slot = Slot(
            id=str(raw["id"]),
            kind=str(raw["kind"]),
            kdf=dict(raw["kdf"]),
            nonce=str(raw["nonce"]),
            wrapped=str(raw["wrapped"]),
        )
        check = str(raw["check"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KeySlotCorrupt(f"{path}: key slot {number} is damaged (fields missing)") from exc
    if crypto.checksum(canonical(slot.fields())) != check or slot.kind not in (
        "passphrase",
        "recovery",
    ):
        raise KeySlotCorrupt(f"{path}: key slot {number} ({slot.id}) is damaged or was altered")
    return slot


def write(path: Path, slots: list[Slot]) -> None:
    """Write atomically: a temporary file in the same directory, fsync, rename, fsync the dir."""
    doc = {"format": FORMAT, "version": VERSION, "slots": [s.to_json() for s in slots]}
    tmp = path.with_name(path.name + ".tmp")
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
        fh.write(json.dumps(doc, sort_keys=True, indent=2).encode() + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_for_unlock(vault_dir: Path) -> list[list[Slot]]:
    """The slot lists worth trying: the current one, then a pending one from a key change."""
    lists = [read(vault_dir / FILE_NAME)]
    pending = vault_dir / NEXT_NAME
    if pending.exists():
        try:
            lists.append(read(pending))
        except IntegrityError:
            pending.unlink()  # a half-written next file never took effect
    return lists


def unlock_any(
    candidates: list[list[Slot]], secret: Passphrase | RecoveryKey
) -> tuple[MasterKey, Slot]:
    failure: AuthenticationFailed | None = None
    for slots in candidates:
        try:
            return unlock(slots, secret)
        except AuthenticationFailed as exc:
            failure = exc
    assert failure is not None  # noqa: S101 - candidates is never empty
    raise failure


def resolve_pending(vault_dir: Path, master: MasterKey, committed_mac: str) -> None:
    """Finish (rename) or discard an interrupted key change, as the database's MAC decides."""
    pending = vault_dir / NEXT_NAME
    if not pending.exists():
        return
    if slots_mac(master, read(pending)) == committed_mac:
        os.replace(pending, vault_dir / FILE_NAME)
        fsync_dir(vault_dir)
    else:
        pending.unlink()
