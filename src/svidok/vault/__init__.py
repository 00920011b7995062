"""Sealed storage: key slots, the SQLCipher database, the audit chain and the drop box."""

from svidok.vault.crypto import PRODUCTION_KDF, KdfParams, Passphrase, RecoveryKey
from svidok.vault.vault import Check, Member, Vault, VerifyReport

__all__ = [
    "PRODUCTION_KDF",
    "Check",
    "KdfParams",
    "Member",
    "Passphrase",
    "RecoveryKey",
    "Vault",
    "VerifyReport",
]
