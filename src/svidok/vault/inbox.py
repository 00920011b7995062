"""The drop box: files sealed to the vault's public key, waiting in an inbox directory.

Protects against: a compromised drop-box machine. It holds only the vault's X25519 *public* key
and sealed files; it cannot read them, and altering one makes it fail to open (libsodium sealed
box: ephemeral X25519 + XSalsa20-Poly1305). File names, sizes inside and timestamps are sealed too;
the inbox file name is random.

Does not protect against: anyone who has the public key dropping files (sealed boxes do not
authenticate the sender: treat drops as untrusted input, which intake does); the inbox revealing
how many drops arrived, when, and roughly how large; a dropped file being deleted from the inbox.

Public key file (``drop.pub``): one line ``svidok-dropbox-v1 <base64 of 32 bytes>``.
Inbox item (``<32 hex>.svdrop``)::

    b"SVDROP1\\n"  sealed_box( b"SVDE" | u32 big-endian header length | header | content )
    header = UTF-8 JSON {"name": str, "size": int, "sha256": hex, "dropped_at": ISO 8601}
"""

from __future__ import annotations

import json
import os
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nacl.exceptions
import nacl.public

from svidok.errors import InputRejected, IntegrityError
from svidok.vault import crypto
from svidok.vault.records import sha256

PUBKEY_TAG = "svidok-dropbox-v1"
MAGIC = b"SVDROP1\n"
ENVELOPE = b"SVDE"
SUFFIX = ".svdrop"


@dataclass(frozen=True)
class Drop:
    path: Path
    name: str
    dropped_at: str
    content: bytes


def export_public_key(key: nacl.public.PublicKey) -> str:
    return f"{PUBKEY_TAG} {crypto.b64(bytes(key))}\n"


def import_public_key(text: str) -> nacl.public.PublicKey:
    parts = text.split()
    if len(parts) != 2 or parts[0] != PUBKEY_TAG:
        raise InputRejected(f"not a svidok drop-box key (expected a line '{PUBKEY_TAG} …')")
    try:
        raw = crypto.unb64(parts[1])
    except ValueError as exc:
        raise InputRejected("the drop-box key is not valid base64") from exc
    if len(raw) != 32:
        raise InputRejected("the drop-box key has the wrong length")
    return nacl.public.PublicKey(raw)


def seal(public_key: nacl.public.PublicKey, name: str, content: bytes, inbox: Path) -> Path:
    """Seal one file into the inbox; written to a temporary name and renamed when complete."""
    header = json.dumps(
        {"name": name, "size": len(content), "sha256": sha256(content),
         "dropped_at": datetime.now(UTC).isoformat(timespec="seconds")},
        ensure_ascii=False,
    ).encode()
    envelope = ENVELOPE + struct.pack(">I", len(header)) + header + content
    sealed = MAGIC + nacl.public.SealedBox(public_key).encrypt(envelope)
    inbox.mkdir(parents=True, exist_ok=True)
    final = inbox / (secrets.token_hex(16) + SUFFIX)
    tmp = inbox / ("." + final.name + ".part")
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:
        fh.write(sealed)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final


def pending(inbox: Path) -> list[Path]:
    """Complete inbox items, oldest first (partial ``.part`` files are ignored)."""
    if not inbox.is_dir():
        raise InputRejected(f"{inbox}: inbox directory does not exist")
    items = [p for p in inbox.iterdir() if p.suffix == SUFFIX and p.is_file()]
    return sorted(items, key=lambda p: (p.stat().st_mtime, p.name))


def open_drop(private_key: nacl.public.PrivateKey, path: Path) -> Drop:
    """Decrypt and check one inbox item; raises ``IntegrityError`` if it is not for this vault."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise InputRejected(f"{path.name}: not a svidok drop-box item")
    try:
        envelope = nacl.public.SealedBox(private_key).decrypt(data[len(MAGIC) :])
    except nacl.exceptions.CryptoError as exc:
        raise IntegrityError(
            f"{path.name}: cannot be opened (sealed to another vault, or altered)"
        ) from exc
    if not envelope.startswith(ENVELOPE) or len(envelope) < 8:
        raise IntegrityError(f"{path.name}: malformed envelope")
    (length,) = struct.unpack(">I", envelope[4:8])
    try:
        header = json.loads(envelope[8 : 8 + length])
        name, dropped_at, size, digest = (
            str(header["name"]), str(header["dropped_at"]), int(header["size"]),
            str(header["sha256"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise IntegrityError(f"{path.name}: malformed envelope header") from exc
    content = envelope[8 + length :]
    if len(content) != size or sha256(content) != digest:
        raise IntegrityError(f"{path.name}: content does not match its sealed hash")
    return Drop(path, Path(name).name or "dropped-file", dropped_at, content)
