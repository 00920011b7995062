"""Opening vaults, key slots, and detection of damage or tampering in every sealed part."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import CHEAP_KDF, PASSPHRASE, NewVault
from svidok.errors import (
    AuthenticationFailed,
    IntegrityError,
    KeySlotCorrupt,
    NotFound,
    Refused,
    VaultExists,
)
from svidok.vault import Passphrase, Vault, audit, keyslots

OTHER = "another member's passphrase"


def open_with(path: Path, text: str = PASSPHRASE) -> Vault:
    return Vault.open(path, Passphrase.from_text(text))


def test_vault_opens_with_its_passphrase(new_vault: NewVault) -> None:
    with open_with(new_vault.path) as vault:
        assert [m.kind for m in vault.members()] == ["passphrase", "recovery"]


def test_vault_files_are_readable_by_their_owner_only(new_vault: NewVault) -> None:
    with open_with(new_vault.path):  # -wal and -shm exist while the vault is open
        modes = {p.name: p.stat().st_mode & 0o777 for p in new_vault.path.iterdir()}
    assert new_vault.path.stat().st_mode & 0o777 == 0o700
    assert modes == {name: 0o600 for name in
                     ("vault.json", "vault.db", "vault.db-wal", "vault.db-shm")}


def test_an_existing_empty_directory_becomes_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "shared-folder"
    target.mkdir(mode=0o777)
    target.chmod(0o777)
    vault, _ = Vault.create(target, Passphrase.from_text(PASSPHRASE), kdf=CHEAP_KDF)
    vault.close()
    assert target.stat().st_mode & 0o777 == 0o700


def test_wrong_passphrase_is_refused_and_writes_nothing(new_vault: NewVault) -> None:
    before = {p.name: p.read_bytes() for p in new_vault.path.iterdir()}
    with pytest.raises(AuthenticationFailed, match="wrong passphrase"):
        open_with(new_vault.path, "not the passphrase")
    assert {p.name: p.read_bytes() for p in new_vault.path.iterdir()} == before


def test_recovery_key_opens_the_vault(new_vault: NewVault) -> None:
    with Vault.open(new_vault.path, new_vault.recovery) as vault:
        assert vault.verify().ok


def test_init_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(VaultExists):
        Vault.create(tmp_path, Passphrase.from_text(PASSPHRASE), kdf=CHEAP_KDF)


def test_opening_a_missing_vault_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        open_with(tmp_path / "nowhere")


def test_added_member_opens_the_vault_and_removed_one_no_longer_does(new_vault: NewVault) -> None:
    with open_with(new_vault.path) as vault:
        slot = vault.add_key(Passphrase.from_text(OTHER), "olena", kdf=CHEAP_KDF)
    with open_with(new_vault.path, OTHER) as vault:
        assert "olena" in [m.label for m in vault.members()]
        vault.remove_key(slot)
    with pytest.raises(AuthenticationFailed):
        open_with(new_vault.path, OTHER)


def test_removing_the_last_slot_is_refused(new_vault: NewVault) -> None:
    with open_with(new_vault.path) as vault:
        first, second = (m.slot_id for m in vault.members())
        vault.remove_key(second)
        with pytest.raises(Refused):
            vault.remove_key(first)
    with open_with(new_vault.path) as vault:
        assert [m.slot_id for m in vault.members()] == [first]


def test_removing_an_unknown_slot_says_so(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.remove_key("deadbeef")


def test_key_changes_are_in_the_audit_chain(vault: Vault) -> None:
    vault.add_key(Passphrase.from_text(OTHER), "olena", kdf=CHEAP_KDF)
    assert [e.action for e in audit.entries(vault.db)] == ["init", "key-add"]


def test_interrupted_key_add_is_finished_on_next_open(new_vault: NewVault) -> None:
    """Crash after the database committed the new slot list but before the rename."""
    path = new_vault.path
    with open_with(path) as vault:
        vault.add_key(Passphrase.from_text(OTHER), "olena", kdf=CHEAP_KDF)
    new_slots = (path / keyslots.FILE_NAME).read_bytes()
    old = keyslots.read(path / keyslots.FILE_NAME)[:2]
    os.replace(path / keyslots.FILE_NAME, path / keyslots.NEXT_NAME)
    keyslots.write(path / keyslots.FILE_NAME, old)
    with open_with(path, OTHER) as vault:
        assert vault.verify().ok
    assert (path / keyslots.FILE_NAME).read_bytes() == new_slots
    assert not (path / keyslots.NEXT_NAME).exists()


def test_key_change_that_never_committed_is_discarded(new_vault: NewVault) -> None:
    path = new_vault.path
    with open_with(path) as vault:
        master = vault._master
        extra = keyslots.new_passphrase_slot(master, Passphrase.from_text(OTHER), CHEAP_KDF)
    keyslots.write(path / keyslots.NEXT_NAME, [*keyslots.read(path / keyslots.FILE_NAME), extra])
    with open_with(path) as vault:
        assert vault.verify().ok
    assert not (path / keyslots.NEXT_NAME).exists()


# -- tampering -----------------------------------------------------------------------------------

def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_flipped_byte_in_a_key_slot_is_reported_as_damage(new_vault: NewVault) -> None:
    path = new_vault.path / keyslots.FILE_NAME
    doc = json.loads(path.read_text())
    salt = doc["slots"][0]["kdf"]["salt"]
    doc["slots"][0]["kdf"]["salt"] = ("B" if salt[0] != "B" else "C") + salt[1:]
    path.write_text(json.dumps(doc))
    with pytest.raises(KeySlotCorrupt, match="key slot 1"):
        open_with(new_vault.path)


def test_removed_slot_is_caught_by_verify(new_vault: NewVault) -> None:
    path = new_vault.path / keyslots.FILE_NAME
    doc = json.loads(path.read_text())
    doc["slots"] = doc["slots"][:1]
    path.write_text(json.dumps(doc))
    with open_with(new_vault.path) as vault:
        report = vault.verify()
    assert not report.ok
    assert [c.name for c in report.checks if not c.ok] == ["key slots"]


def test_truncated_slot_file_is_reported(new_vault: NewVault) -> None:
    path = new_vault.path / keyslots.FILE_NAME
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(KeySlotCorrupt, match="not valid JSON"):
        open_with(new_vault.path)


def filled_vault(new_vault: NewVault) -> Path:
    with open_with(new_vault.path) as vault:
        for n in range(30):
            with vault.db.transaction():
                vault.record("test", {"n": n, "pad": "x" * 2000})
    return new_vault.path / "vault.db"


def test_flipped_byte_in_the_first_page_stops_the_vault_opening(new_vault: NewVault) -> None:
    flip_byte(filled_vault(new_vault), 100)
    with pytest.raises(IntegrityError, match="cannot be read"):
        open_with(new_vault.path)


@pytest.mark.parametrize("where", ["middle", "last"])
def test_flipped_byte_in_a_later_page_fails_the_page_check(new_vault: NewVault, where: str) -> None:
    db = filled_vault(new_vault)
    size = db.stat().st_size
    flip_byte(db, size // 2 if where == "middle" else size - 100)
    with open_with(new_vault.path) as vault:
        report = vault.verify()
    assert not report.ok
    assert next(c for c in report.checks if c.name == "database pages").ok is False


@pytest.mark.parametrize(
    ("sql", "bad", "message"),
    [
        ("UPDATE audit SET detail = '{\"n\": 99}' WHERE seq = 3", 3, "entry 3 was altered"),
        ("DELETE FROM audit WHERE seq = 4", 4, "entry 4 is missing"),
        ("UPDATE audit SET seq = -seq WHERE seq IN (5, 6); "
         "UPDATE audit SET seq = 6 WHERE seq = -5; UPDATE audit SET seq = 5 WHERE seq = -6",
         5, "entry 5 does not follow entry 4"),
        ("DELETE FROM audit WHERE seq > 20", 21, "truncated after entry 20"),
        ("UPDATE audit SET mac = hash WHERE seq = 7", 7,
         "entry 7 has an invalid MAC"),
    ],
    ids=["altered", "removed", "reordered", "truncated", "bad-mac"],
)
def test_audit_chain_tampering_names_the_first_bad_entry(
    new_vault: NewVault, sql: str, bad: int, message: str
) -> None:
    filled_vault(new_vault)
    vault = open_with(new_vault.path)  # a key holder edits the chain behind svidok's back
    for statement in sql.split("; "):
        vault.db.conn.execute(statement)
    report = vault.verify()
    vault.close()
    assert not report.ok
    assert report.bad_entry == bad
    assert message in next(c.detail for c in report.checks if c.name == "audit chain")


def test_intact_chain_verifies_against_a_noted_head(new_vault: NewVault) -> None:
    filled_vault(new_vault)
    with open_with(new_vault.path) as vault:
        head = vault.verify().head
        with vault.db.transaction():
            vault.record("later", {})
        assert vault.verify(expect_head=head).ok
        assert not vault.verify(expect_head="0" * 64).ok


def test_a_version_1_vault_is_migrated_on_open(new_vault: NewVault) -> None:
    with open_with(new_vault.path) as vault:
        vault.db.conn.executescript(
            "BEGIN; DROP TABLE annotations; "
            "UPDATE meta SET value = '1' WHERE key = 'schema_version'; COMMIT;"
        )
    with open_with(new_vault.path) as vault:
        assert vault.db.get_meta("schema_version") == "2"
        assert vault.db.query("SELECT count(*) FROM annotations") == [(0,)]


def test_a_vault_from_a_newer_svidok_is_refused(new_vault: NewVault) -> None:
    with open_with(new_vault.path) as vault, vault.db.transaction():
        vault.db.set_meta("schema_version", "99")
    with pytest.raises(IntegrityError, match="unsupported vault schema version 99"):
        open_with(new_vault.path)
