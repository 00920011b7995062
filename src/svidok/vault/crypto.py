"""Key material and the primitives that protect it (libsodium through PyNaCl).

Protects against: reading the vault from a seized disk or backup without a passphrase or the
recovery key; swapping or editing a key slot (each wrap is authenticated by XSalsa20-Poly1305).

Mechanism:
- The vault's master key is 32 random bytes from the OS CSPRNG. Nothing is ever encrypted with a
  passphrase directly.
- A passphrase slot wraps the master key with ``SecretBox`` (XSalsa20-Poly1305) under a key from
  Argon2id (libsodium ``crypto_pwhash``, version 1.3) over the passphrase and a random 16-byte
  salt. The cost parameters are stored in the slot, so they can be raised for new slots.
- The recovery key is 32 random bytes; being full-entropy, its wrapping key is a keyed BLAKE2b
  of it, not a password hash.
- Every other key (database, audit chain, slot list MAC, drop box) is derived from the master key
  with BLAKE2b keyed by the master key and personalised by purpose, so one purpose's key reveals
  nothing about another's.

Does not protect against: a weak passphrase (Argon2id only slows guessing), an attacker who reads
process memory while the vault is open (Python cannot reliably wipe secrets), or a keylogger.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from dataclasses import dataclass

import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.encoding import RawEncoder

from svidok.errors import AuthenticationFailed

KEY_BYTES = 32
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES  # 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: ``opslimit`` passes over ``memlimit`` bytes of memory."""

    opslimit: int
    memlimit: int


# libsodium's MODERATE profile: about 0.4-0.6 s and 256 MiB on the reference 2-core machine.
# Pinned by tests/test_crypto.py::test_production_kdf_known_answer. Tests pass cheaper
# parameters explicitly through a fixture; nothing in the CLI can lower these.
PRODUCTION_KDF = KdfParams(
    opslimit=nacl.pwhash.argon2id.OPSLIMIT_MODERATE,
    memlimit=nacl.pwhash.argon2id.MEMLIMIT_MODERATE,
)


class Secret:
    """Bytes that must not end up in logs, reprs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        self._value = value

    def reveal(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} (hidden)>"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Secret)
            and type(other) is type(self)
            and hmac.compare_digest(self._value, other._value)
        )

    def __hash__(self) -> int:
        return id(self)


class Passphrase(Secret):
    """A member's passphrase, as UTF-8 bytes."""

    @classmethod
    def from_text(cls, text: str) -> Passphrase:
        return cls(text.encode("utf-8"))


class RecoveryKey(Secret):
    """32 random bytes shown once at ``init``, written as ``SVDK-`` and 11 groups of base32."""

    PREFIX = "SVDK"

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    def display(self) -> str:
        digits = base64.b32encode(self.reveal()).decode("ascii").rstrip("=")
        groups = [digits[i : i + 5] for i in range(0, len(digits), 5)]
        return "-".join([self.PREFIX, *groups])

    @classmethod
    def parse(cls, text: str) -> RecoveryKey | None:
        """Read a displayed recovery key; ``None`` when ``text`` does not have its shape."""
        compact = "".join(text.split()).upper().replace("-", "")
        if not compact.startswith(cls.PREFIX):
            return None
        digits = compact[len(cls.PREFIX) :]
        if len(digits) != 52:
            return None
        try:
            raw = base64.b32decode(digits + "====")
        except ValueError:
            return None
        return cls(raw) if len(raw) == KEY_BYTES else None


class MasterKey(Secret):
    """The vault's root key. Only ever used to derive purpose keys."""

    @classmethod
    def generate(cls) -> MasterKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    def derive(self, purpose: str) -> bytes:
        """A 32-byte key for one purpose (BLAKE2b keyed by the master key, personalised)."""
        person = purpose.encode("ascii")
        if len(person) > 16:
            raise ValueError("purpose names are at most 16 ASCII characters")
        return nacl.hash.blake2b(
            b"", digest_size=KEY_BYTES, key=self.reveal(), person=person, encoder=RawEncoder
        )


def passphrase_key(passphrase: Passphrase, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id13 over the passphrase: the key that wraps the master key in one slot."""
    return nacl.pwhash.argon2id.kdf(
        KEY_BYTES,
        passphrase.reveal(),
        salt,
        opslimit=params.opslimit,
        memlimit=params.memlimit,
    )


def recovery_wrapping_key(recovery: RecoveryKey) -> bytes:
    """BLAKE2b of the full-entropy recovery key; no password hashing needed."""
    return nacl.hash.blake2b(
        b"", digest_size=KEY_BYTES, key=recovery.reveal(), person=b"svidok-recovery",
        encoder=RawEncoder,
    )


def wrap(master: MasterKey, wrapping_key: bytes) -> tuple[bytes, bytes]:
    """Seal the master key; returns ``(nonce, ciphertext)`` with the 16-byte tag inside."""
    nonce = nacl.utils.random(nacl.secret.SecretBox.NONCE_SIZE)
    sealed = nacl.secret.SecretBox(wrapping_key).encrypt(master.reveal(), nonce)
    return nonce, sealed.ciphertext


def unwrap(nonce: bytes, ciphertext: bytes, wrapping_key: bytes) -> MasterKey:
    """Open a wrapped master key; raises ``AuthenticationFailed`` when the tag does not verify."""
    try:
        raw = nacl.secret.SecretBox(wrapping_key).decrypt(ciphertext, nonce)
    except nacl.exceptions.CryptoError as exc:
        raise AuthenticationFailed("the secret given does not open this key slot") from exc
    return MasterKey(raw)


def mac(key: bytes, message: bytes) -> str:
    """Keyed BLAKE2b-256 of ``message`` as hex: authenticates slot lists and audit entries."""
    return nacl.hash.blake2b(message, digest_size=32, key=key).decode("ascii")


def checksum(message: bytes) -> str:
    """Unkeyed BLAKE2b-128 as hex: tells a damaged slot from a wrong passphrase."""
    return nacl.hash.blake2b(message, digest_size=16).decode("ascii")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
