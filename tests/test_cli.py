"""The command line: exit codes, one-line errors, and the documented JSON shapes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from conftest import PASSPHRASE, CliResult, NewVault
from svidok.cli import app

Cli = Callable[..., CliResult]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "CLI.md"


@pytest.fixture
def filled(new_vault: NewVault, tmp_path: Path, cli: Cli) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("Мене забрали в Кременчуці.", encoding="utf-8")
    (notes / "b.txt").write_text("Меня забрали в Харькове.", encoding="utf-8")
    assert cli("intake", new_vault.path, notes).code == 0
    return new_vault.path


def test_wrong_passphrase_is_one_line_exit_2(filled: Path, cli: Cli) -> None:
    result = cli("list", filled, passphrase="definitely wrong")
    assert result.code == 2
    assert result.err.strip() == "svidok: wrong passphrase: no key slot of this vault opens with it"
    assert "Traceback" not in result.err


def test_recovery_key_from_the_environment_opens_the_vault(new_vault: NewVault, cli: Cli) -> None:
    result = cli("list", new_vault.path, "--json", passphrase=None,
                 SVIDOK_RECOVERY_KEY=new_vault.recovery.display())
    assert (result.code, json.loads(result.out)) == (0, [])


def test_no_passphrase_and_no_terminal_is_a_usage_problem(new_vault: NewVault, cli: Cli) -> None:
    result = cli("list", new_vault.path, passphrase=None)
    assert result.code == 64
    assert "SVIDOK_PASSPHRASE" in result.err


def test_init_prints_the_recovery_key_once(tmp_path: Path, cli: Cli) -> None:
    result = cli("init", tmp_path / "v", "--json")
    shown = json.loads(result.out)["recovery_key"]
    assert result.code == 0
    assert shown.startswith("SVDK-")
    assert shown.encode() not in b"".join(p.read_bytes() for p in (tmp_path / "v").iterdir())


def test_init_refuses_a_short_passphrase(tmp_path: Path, cli: Cli) -> None:
    result = cli("init", tmp_path / "v", passphrase="short")
    assert result.code == 64
    assert not (tmp_path / "v").exists()


def test_list_json_shape(filled: Path, cli: Cli) -> None:
    rows = json.loads(cli("list", filled, "--json").out)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "source_id", "channel", "language", "received_at", "status",
                "chars"} <= row.keys()
    assert {r["language"] for r in rows} == {"uk", "ru"}


def test_show_json_adds_text_context_attachments_hash_and_analysis(filled: Path, cli: Cli) -> None:
    first = json.loads(cli("list", filled, "--json").out)[0]["id"]
    shown = json.loads(cli("show", filled, first, "--json").out)
    assert {"text", "context", "attachments", "source_sha256", "analysis"} <= shown.keys()
    assert [e["text"] for e in shown["analysis"]["entities"]] == ["Кременчуці"]
    assert shown["text"] == "Мене забрали в Кременчуці."
    assert re.fullmatch(r"[0-9a-f]{64}", shown["source_sha256"])


def test_show_unknown_id_exits_4(filled: Path, cli: Cli) -> None:
    result = cli("show", filled, "tnothere")
    assert (result.code, result.err.strip()) == (4, "svidok: no testimony with id 'tnothere' "
                                                     "in this vault")


def test_search_json_finds_inflected_form(filled: Path, cli: Cli) -> None:
    result = json.loads(cli("search", filled, "Кременчук", "--json").out)
    assert (result["query"], result["total"], result["order"]) == ("Кременчук", 1, "relevance")
    assert [h["matched"] for h in result["hits"]] == [["Кременчуці"]]


def test_intake_with_a_rejected_file_exits_1_and_names_it(
    new_vault: NewVault, tmp_path: Path, cli: Cli
) -> None:
    (tmp_path / "ok.txt").write_text("Добре.", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"messages": [', encoding="utf-8")
    result = cli("intake", new_vault.path, tmp_path / "ok.txt", tmp_path / "bad.json", "--json")
    report = json.loads(result.out)
    assert result.code == 1
    assert [r["file"] for r in report["rejected"]] == [str(tmp_path / "bad.json")]
    assert len(report["imported"]) == 1


def test_intake_without_inputs_is_a_usage_problem(new_vault: NewVault, cli: Cli) -> None:
    assert cli("intake", new_vault.path).code == 64


def test_key_add_list_remove_and_last_slot_refused(new_vault: NewVault, cli: Cli) -> None:
    assert cli("key", "add", new_vault.path, "--label", "olena",
               SVIDOK_NEW_PASSPHRASE="olena's long passphrase").code == 0
    slots = json.loads(cli("key", "list", new_vault.path, "--json").out)
    assert [s["label"] for s in slots] == ["owner", "recovery", "olena"]
    for slot in slots[1:]:
        assert cli("key", "remove", new_vault.path, slot["slot_id"]).code == 0
    refused = cli("key", "remove", new_vault.path, slots[0]["slot_id"])
    assert refused.code == 5
    assert "last key slot" in refused.err


def test_audit_verify_json_and_exit_3_on_tampering(filled: Path, cli: Cli) -> None:
    report = json.loads(cli("audit", filled, "--verify", "--json").out)
    assert report["ok"] is True
    assert report["entries"] == 4  # init, two intakes, one analysis batch
    doc = json.loads((filled / "vault.json").read_text())
    doc["slots"] = doc["slots"][:1]
    (filled / "vault.json").write_text(json.dumps(doc))
    result = cli("audit", filled, "--verify")
    assert result.code == 3
    assert "key slots" in result.err


def test_drop_and_inbox_intake_through_the_cli(new_vault: NewVault, tmp_path: Path,
                                              cli: Cli) -> None:
    key = cli("dropbox-key", new_vault.path).out
    (tmp_path / "drop.pub").write_text(key)
    (tmp_path / "s.txt").write_text("Свідчення через скриньку.", encoding="utf-8")
    dropped = cli("drop", tmp_path / "drop.pub", tmp_path / "s.txt", "--inbox", tmp_path / "box",
                  passphrase=None)
    assert dropped.code == 0
    result = cli("intake", new_vault.path, "--inbox", tmp_path / "box", "--json")
    assert [i["testimonies"] for i in json.loads(result.out)["imported"]] != []
    assert list((tmp_path / "box").iterdir()) == []


def commands() -> list[tuple[str, typer.models.CommandInfo]]:
    def name(info: typer.models.CommandInfo) -> str:
        assert info.callback is not None
        return info.name or info.callback.__name__.replace("_", "-")

    found = [(name(c), c) for c in app.registered_commands]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        found += [(f"{group.name} {name(c)}", c) for c in group.typer_instance.registered_commands]
    return found


@pytest.mark.parametrize(("name", "info"), commands(), ids=[n for n, _ in commands()])
def test_every_command_has_help_and_is_documented(
    name: str, info: typer.models.CommandInfo
) -> None:
    assert info.callback is not None and (info.callback.__doc__ or "").strip()
    assert f"### `svidok {name}" in DOCS.read_text(encoding="utf-8")


def test_passphrase_never_appears_in_output(filled: Path, cli: Cli) -> None:
    result = cli("list", filled)
    assert PASSPHRASE not in result.out + result.err


def test_intake_without_analysis_then_reanalyze(new_vault: NewVault, tmp_path: Path,
                                               cli: Cli) -> None:
    (tmp_path / "a.txt").write_text("Олена Коваль з Харкова.", encoding="utf-8")
    report = json.loads(cli("intake", new_vault.path, tmp_path / "a.txt", "--no-analysis",
                            "--json").out)
    assert report["analysed"] == 0
    assert json.loads(cli("reanalyze", new_vault.path, "--json").out) == {"analysed": 1}
