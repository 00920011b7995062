"""Reading untrusted files: size limits, text encodings, and what format a file is in."""

from __future__ import annotations

import codecs
import re
from enum import StrEnum
from pathlib import Path

from charset_normalizer import from_bytes

from svidok.errors import InputRejected

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 100 MB testimony is a mistake or an attack, not a text
MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024


class Format(StrEnum):
    TEXT = "text"
    TELEGRAM = "telegram"
    EMAIL = "email"
    MBOX = "mbox"


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or ``InputRejected`` when it is empty, unreadable or over ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputRejected(
                f"{path.name}: {size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit"
            )
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputRejected(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if len(data) > limit:
        raise InputRejected(f"{path.name}: over the {limit / 1e6:.0f} MB limit")
    if not data.strip():
        raise InputRejected(f"{path.name}: the file is empty")
    return data


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in a text someone typed (tab, LF, CR and FF do).
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8, UTF-16/32 (with BOM, or UTF-16 without) or Windows-1251; refuse binary."""
    text = _decode(data, name)
    if len(_BINARY.findall(text)) > max(2, len(text) // 1000):
        raise InputRejected(f"{name}: looks like binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputRejected(f"{name}: the file is empty")
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputRejected(f"{name}: invalid {encoding.upper()} text") from exc
    utf16 = _bomless_utf16(data)  # before UTF-8: UTF-16 Cyrillic is also valid (garbled) UTF-8
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1251"]).best()
    if best is None:
        raise InputRejected(f"{name}: looks like binary data, not text in a known encoding")
    return str(best)


def _bomless_utf16(data: bytes) -> str | None:
    """In UTF-16 text written in Latin or Cyrillic script, the high byte of every character is
    0x00 (ASCII) or 0x04 (Cyrillic block); no 8-bit encoding shows that over a whole file."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) + high.count(4) >= 0.95 * len(high):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.MULTILINE)
_EMAIL_HEADERS = {b"from", b"to", b"subject", b"date", b"message-id", b"received",
                  b"mime-version", b"content-type", b"return-path", b"delivered-to"}


def sniff(name: str, data: bytes) -> Format:
    """The format a file's content shows; the name only breaks ties."""
    head = data[:4096].lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"{") and (b'"messages"' in data[:1_000_000] or b'"chats"' in head
                                   or name.endswith(".json")):
        return Format.TELEGRAM
    if head.startswith(b"From ") and _looks_like_headers(head.split(b"\n", 1)[-1]):
        return Format.MBOX
    if _looks_like_headers(head):
        return Format.EMAIL
    return Format.TEXT


def _looks_like_headers(head: bytes) -> bool:
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = {m.group(1).lower() for m in _HEADER.finditer(block)}
    return len(names & _EMAIL_HEADERS) >= 2 and block[:1].isalpha()
