"""Reading untrusted files: encodings, binary garbage, empty and oversized files, formats."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from svidok.errors import InputRejected
from svidok.intake.decode import Format, decode_text, read_limited, sniff

UK = "Мене мобілізували в Кременчуці, а потім відправили на Запоріжжя. Зв'язку не було."


@pytest.mark.parametrize("encoded", [
    UK.encode("utf-8"),
    codecs.BOM_UTF8 + UK.encode("utf-8"),
    UK.encode("utf-16"),
    UK.encode("utf-16-le"),
    UK.encode("utf-16-be"),
    UK.encode("cp1251"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1251"])
def test_ukrainian_text_decodes_from_every_common_encoding(encoded: bytes) -> None:
    assert decode_text(encoded, "t.txt") == UK


def test_windows_line_endings_are_normalised() -> None:
    assert decode_text(b"a\r\nb\rc", "t.txt") == "a\nb\nc"


def test_binary_garbage_is_rejected() -> None:
    garbage = bytes(range(256)) * 20
    with pytest.raises(InputRejected, match="binary"):
        decode_text(garbage, "x.bin")


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b" \n\t")
    with pytest.raises(InputRejected, match="empty"):
        read_limited(tmp_path / "e.txt")


def test_file_over_the_limit_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1000 * 1000)  # sparse: 100 MB on paper, nothing on disk
    with pytest.raises(InputRejected, match=r"100\.0 MB is over the 67 MB limit"):
        read_limited(big)


@pytest.mark.parametrize(("data", "fmt"), [
    (b'{"name": "x", "type": "personal_chat", "messages": []}', Format.TELEGRAM),
    (b"From: a@example.org\nTo: b@example.org\nSubject: x\n\nbody", Format.EMAIL),
    (b"From a@example.org Tue Apr  8 14:22:31 2025\nFrom: a@example.org\nDate: x\n\nbody",
     Format.MBOX),
    (b"From: the front line, Subject: fear\nI wrote this.", Format.TEXT),
    (UK.encode(), Format.TEXT),
])
def test_format_is_detected_from_content(data: bytes, fmt: Format) -> None:
    assert sniff("upload", data) is fmt
