"""Key derivation and wrapping: known answers and failure on the wrong key."""

from __future__ import annotations

import pytest

from svidok.errors import AuthenticationFailed
from svidok.vault import crypto
from svidok.vault.crypto import MasterKey, Passphrase, RecoveryKey


def test_production_kdf_parameters_are_libsodium_moderate() -> None:
    assert crypto.PRODUCTION_KDF.opslimit == 3
    assert crypto.PRODUCTION_KDF.memlimit == 256 * 1024 * 1024


def test_production_kdf_known_answer() -> None:
    # Cross-checked against argon2-cffi (the reference C implementation): Argon2id v1.3,
    # t=3, m=262144 KiB, p=1, 32-byte output.
    key = crypto.passphrase_key(
        Passphrase.from_text("correct horse battery staple"), bytes(range(16)),
        crypto.PRODUCTION_KDF,
    )
    assert key.hex() == "aad608b5866cef907f47d5cae529ed01a91301c92c5d5fef46e1a65e394e5742"


def test_purpose_keys_are_pinned_and_distinct() -> None:
    master = MasterKey(bytes(32))
    assert master.derive("database").hex() == (
        "60956494c1b831f917b4e9157ce00728543ee99647b13299328123204dcba1c7"
    )
    assert len({master.derive(p) for p in ("database", "audit", "keyslots-mac")}) == 3


def test_recovery_wrapping_key_known_answer() -> None:
    assert crypto.recovery_wrapping_key(RecoveryKey(bytes(32))).hex() == (
        "62881767541e9cf4e7dc20adc7317ad2dd3013ceffadf1aa8769dca47629e12c"
    )


def test_wrapped_master_key_opens_only_with_its_wrapping_key() -> None:
    master = MasterKey.generate()
    nonce, sealed = crypto.wrap(master, b"k" * 32)
    assert crypto.unwrap(nonce, sealed, b"k" * 32) == master
    with pytest.raises(AuthenticationFailed):
        crypto.unwrap(nonce, sealed, b"x" * 32)


def test_flipped_wrapped_byte_fails_authentication() -> None:
    nonce, sealed = crypto.wrap(MasterKey.generate(), b"k" * 32)
    flipped = bytes([sealed[0] ^ 1]) + sealed[1:]
    with pytest.raises(AuthenticationFailed):
        crypto.unwrap(nonce, flipped, b"k" * 32)


def test_recovery_key_display_round_trips() -> None:
    key = RecoveryKey.generate()
    shown = key.display()
    assert shown.startswith("SVDK-")
    assert RecoveryKey.parse(shown) == key
    assert RecoveryKey.parse(shown.lower().replace("-", " ")) == key


@pytest.mark.parametrize("text", ["", "correct horse", "SVDK-ABCDE", "SVDK-" + "1" * 52])
def test_text_that_is_not_a_recovery_key_is_not_parsed_as_one(text: str) -> None:
    assert RecoveryKey.parse(text) is None


def test_secrets_do_not_show_in_repr() -> None:
    assert "horse" not in repr(Passphrase.from_text("horse"))
    assert repr(MasterKey(b"\x01" * 32)) == "<MasterKey (hidden)>"
