"""Taking files into a vault: folders, duplicates, atomicity, bad files, the drop box."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CHEAP_KDF, PASSPHRASE
from svidok.errors import InputRejected
from svidok.vault import Passphrase, Vault, audit, inbox, records
from svidok.workflows import intake

Write = Callable[[Path, str | bytes], Path]

TELEGRAM = {
    "name": "Марко", "type": "personal_chat", "id": 42,
    "messages": [
        {"id": 1, "type": "message", "date": "2025-04-01T10:00:00", "from": "Марко",
         "from_id": "user42", "text": "Мене затримали біля вокзалу.", "photo": "photos/p.jpg"},
    ],
}


def take(vault: Vault, *paths: Path, **options: Any) -> list[intake.Outcome]:
    items, missing = intake.collect(paths)
    return missing + intake.take_in(vault, items, intake.Options(**options))


def test_text_file_becomes_one_testimony_with_its_original_sealed(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    path = write(tmp_path / "in" / "note.txt", "Мене забрали у Харкові.")
    [outcome] = take(vault, path)
    assert outcome.result == "imported"
    detail = records.get_testimony(vault.db, outcome.testimonies[0])
    assert (detail.text, detail.language, detail.channel) == ("Мене забрали у Харкові.", "uk",
                                                              "text")
    assert detail.source_sha256 == records.sha256(path.read_bytes())
    assert records.blob(vault.db, detail.source_sha256) == path.read_bytes()


def test_folder_is_walked_and_a_telegram_export_is_one_input(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    export = tmp_path / "in" / "ChatExport_2025-04-01"
    write(export / "result.json", json.dumps(TELEGRAM, ensure_ascii=False))
    write(export / "photos" / "p.jpg", b"\xff\xd8jpeg")
    write(tmp_path / "in" / "notes" / "a.md", "Нотатка.")
    write(tmp_path / "in" / ".DS_Store", b"\x00\x01")
    outcomes = take(vault, tmp_path / "in")
    assert [(Path(o.file).name, o.result) for o in outcomes] == [
        ("result.json", "imported"), ("a.md", "imported")]
    detail = records.get_testimony(vault.db, outcomes[0].testimonies[0])
    assert detail.attachments[0]["sha256"] == records.sha256(b"\xff\xd8jpeg")
    assert records.blob(vault.db, detail.attachments[0]["sha256"]) == b"\xff\xd8jpeg"


def test_same_bytes_again_are_reported_as_duplicate_not_stored_twice(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    a = write(tmp_path / "a.txt", "Той самий текст.")
    b = write(tmp_path / "copy-of-a.txt", "Той самий текст.")
    first, second = take(vault, a, b)
    assert second.result == "duplicate"
    assert second.testimonies == first.testimonies
    assert len(records.list_testimonies(vault.db)) == 1


def test_one_bad_file_is_reported_and_the_rest_are_taken_in(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    good = write(tmp_path / "good.txt", "Добре.")
    bad = write(tmp_path / "broken" / "result.json", '{"messages": [')
    empty = write(tmp_path / "empty.txt", "")
    outcomes = take(vault, bad, empty, good, tmp_path / "missing.txt")
    assert [o.result for o in outcomes] == ["rejected", "rejected", "rejected", "imported"]
    assert "no such file" in (outcomes[0].reason or "")
    assert "truncated JSON" in (outcomes[1].reason or "")


def test_a_file_that_fails_midway_leaves_nothing_behind(
    vault: Vault, tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    mbox = write(tmp_path / "box.mbox",
                 "From a@x Tue Apr  8 14:22:31 2025\nFrom: a@x.org\nSubject: 1\n\nПерший.\n\n"
                 "From b@x Tue Apr  8 14:22:31 2025\nFrom: b@x.org\nSubject: 2\n\nДругий.\n")
    real = records.add_testimony
    calls = []

    def fail_on_second(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise InputRejected("simulated failure while storing")
        return real(*args, **kwargs)

    monkeypatch.setattr(records, "add_testimony", fail_on_second)
    [outcome] = take(vault, mbox)
    assert outcome.result == "rejected"
    assert records.list_testimonies(vault.db) == []
    assert vault.db.query("SELECT count(*) FROM originals") == [(0,)]
    assert [e.action for e in audit.entries(vault.db)] == ["init"]


def test_every_import_is_an_audit_entry_naming_its_original(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    [outcome] = take(vault, write(tmp_path / "a.txt", "Текст."))
    entry = audit.entries(vault.db)[-1]
    assert entry.action == "intake"
    assert entry.detail["sha256"] == outcome.sha256
    assert entry.detail["testimonies"] == outcome.testimonies
    assert "Текст" not in json.dumps(entry.detail, ensure_ascii=False)


def test_source_option_attributes_files_to_one_named_source(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    take(vault, write(tmp_path / "a.txt", "Один."), write(tmp_path / "b.txt", "Два."),
         source="Джерело 7")
    sources = {t.source_id for t in records.list_testimonies(vault.db)}
    assert len(sources) == 1
    assert records.find_source(vault.db, "Джерело 7") in sources


def test_same_telegram_partner_in_two_exports_is_one_source(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    later = json.loads(json.dumps(TELEGRAM))
    later["messages"][0]["text"] = "Ще одне повідомлення."
    take(vault, write(tmp_path / "1" / "result.json", json.dumps(TELEGRAM)),
         write(tmp_path / "2" / "result.json", json.dumps(later)))
    assert len({t.source_id for t in records.list_testimonies(vault.db)}) == 1


# -- drop box ------------------------------------------------------------------------------------

def test_dropped_file_is_taken_in_and_removed_from_the_inbox(
    vault: Vault, tmp_path: Path
) -> None:
    box = tmp_path / "inbox"
    item = inbox.seal(vault.dropbox_public_key(), "lviv.txt", "Анонімно зі Львова.".encode(), box)
    assert "Львова".encode() not in item.read_bytes()
    items, failed = intake.inbox_items(vault, box)
    [outcome] = intake.take_in(vault, items, intake.Options())
    assert failed == []
    assert outcome.result == "imported"
    assert records.get_testimony(vault.db, outcome.testimonies[0]).channel == "dropbox"
    assert list(box.iterdir()) == []


def test_drop_for_another_vault_stays_in_the_inbox(vault: Vault, tmp_path: Path) -> None:
    other, _ = Vault.create(tmp_path / "other", Passphrase.from_text(PASSPHRASE), kdf=CHEAP_KDF)
    with other:
        item = inbox.seal(other.dropbox_public_key(), "x.txt", b"not for you", tmp_path / "box")
    items, failed = intake.inbox_items(vault, tmp_path / "box")
    assert items == []
    assert "sealed to another vault" in (failed[0].reason or "")
    assert item.exists()


def test_altered_drop_is_rejected(vault: Vault, tmp_path: Path) -> None:
    item = inbox.seal(vault.dropbox_public_key(), "x.txt", b"original words", tmp_path / "box")
    data = bytearray(item.read_bytes())
    data[-5] ^= 1
    item.write_bytes(bytes(data))
    _, failed = intake.inbox_items(vault, tmp_path / "box")
    assert "altered" in (failed[0].reason or "")


def test_public_key_file_round_trips_and_rejects_other_text(vault: Vault) -> None:
    text = inbox.export_public_key(vault.dropbox_public_key())
    assert inbox.import_public_key(text) == vault.dropbox_public_key()
    with pytest.raises(InputRejected):
        inbox.import_public_key("ssh-ed25519 AAAA")


# -- annotations ---------------------------------------------------------------------------------

def test_analysis_is_stored_sealed_beside_each_testimony(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    from svidok.workflows.annotate import annotate_pending

    [outcome] = take(vault, write(tmp_path / "a.txt", "Мене звати Олена Коваль, з Харкова."))
    assert records.get_annotation(vault.db, outcome.testimonies[0]) is None
    assert annotate_pending(vault) == 1
    stored = records.get_annotation(vault.db, outcome.testimonies[0])
    assert stored is not None
    assert [e["text"] for e in stored["entities"]] == ["Олена Коваль", "Харкова"]
    assert annotate_pending(vault) == 0  # nothing left to do
    assert audit.entries(vault.db)[-1].action == "analyse"


def test_annotations_from_an_older_engine_are_redone(
    vault: Vault, tmp_path: Path, write: Write
) -> None:
    from svidok.workflows.annotate import annotate_pending

    [outcome] = take(vault, write(tmp_path / "a.txt", "Текст."))
    with vault.db.transaction():
        records.put_annotation(vault.db, outcome.testimonies[0], "0", {"old": True})
    assert annotate_pending(vault) == 1
    assert "old" not in (records.get_annotation(vault.db, outcome.testimonies[0]) or {})
