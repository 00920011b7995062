"""Decision texts in every published form, normalised; hostile files refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHARED, CliResult
from svidok.errors import InputRejected
from svidok.records.courts import texts

Cli = Callable[..., CliResult]
DECISIONS = SHARED / "data" / "courts" / "decisions"


def rtf(body: str) -> bytes:
    """An RTF file as the register writes it: Cyrillic as \\'xx escapes of Windows-1251."""
    escaped = "".join(c if ord(c) < 128 else "\\'" + c.encode("cp1251").hex() for c in body)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
            "\\f0\\fs28 " + escaped.replace("\n", "\\par\n") + "}").encode("ascii")


def test_rtf_in_windows_1251(tmp_path: Path) -> None:
    (tmp_path / "d.rtf").write_bytes(rtf("Справа № 1/23\nВ И Р О К\nІМЕНЕМ УКРАЇНИ"))
    assert texts.read(tmp_path / "d.rtf") == "Справа № 1/23\nВИРОК\nІМЕНЕМ УКРАЇНИ"


def test_rtf2html_variant(tmp_path: Path) -> None:
    page = ('<html><head><meta name="Generator" content="Rtf2Html Converter"></head><body>'
            '<p><span style="font-family:Times">У Х В А Л А</span></p>'
            "<p>ВСТАНОВИВ:&nbsp;обвинувачення за ч. 5 ст. 407 КК</p></body></html>")
    (tmp_path / "d.rtf").write_text(page, encoding="utf-8")
    assert texts.read(tmp_path / "d.rtf") == "УХВАЛА\n\nВСТАНОВИВ: обвинувачення за ч. 5 ст. 407 КК"


def test_plain_text_loses_its_trailing_nul(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("П О С Т А Н О В А\n\n\n\nтекст\x00", encoding="utf-8")
    assert texts.read(tmp_path / "d.txt") == "ПОСТАНОВА\n\nтекст"


def test_initials_are_not_joined_as_a_spaced_word() -> None:
    assert texts.normalise("суддя Реви О. І.") == "суддя Реви О. І."


def test_an_rtf_bomb_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.rtf").write_bytes(b"{\\rtf1" + b"{" * 100_000 + b"}" * 100_000 + b"}")
    with pytest.raises(InputRejected, match="nested 100001 groups deep"):
        texts.read(tmp_path / "bomb.rtf")


def test_cli_converts_a_folder_and_names_the_bad_file(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.rtf").write_bytes(rtf("У Х В А Л А"))
    (tmp_path / "in" / "b.rtf").write_bytes(b"{\\rtf1" + b"{" * 500 + b"}" * 500 + b"}")
    result = cli("courts", "texts", tmp_path / "in", "--out", tmp_path / "out", "--json",
                 passphrase=None)
    assert result.code == 1
    assert [r["file"] for r in json.loads(result.out)] == ["a.rtf"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "УХВАЛА\n"
    assert "b.rtf" in result.err


@pytest.mark.skipif(not DECISIONS.is_dir(), reason="../shared absent")
def test_real_review_page_and_striprtf_output() -> None:
    page = texts.read(DECISIONS / "reyestr_review_pages" / "13801766.html")
    assert page.startswith("Справа № 2-354 2006 р.\n\nУХВАЛА - копія")
    plain = texts.read(DECISIONS / "rtf2text_2024" / "116075468.txt")
    assert plain.splitlines()[:2] == ["Справа № 561/1/24", "УХВАЛА"]
    assert "\x00" not in plain
