"""Decision texts as the register publishes them, into normalised plain text.

Three forms: RTF (its ``\\'xx`` escapes are Windows-1251), the HTML variant written by
"Rtf2Html Converter" (also what the Review page holds, HTML-escaped, in
``<textarea id="txtdepository">``), and plain text (as striprtf leaves it, with a trailing NUL).
Normalising: NULs and non-breaking spaces removed, runs of spaces folded, spaced-out words
joined ("У Х В А Л А" -> "УХВАЛА", "В С Т А Н О В И В" -> "ВСТАНОВИВ"), at most one blank line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from bs4 import BeautifulSoup

from svidok.errors import InputRejected
from svidok.htmltext import html_to_text
from svidok.intake.decode import decode_text, read_limited

MAX_BYTES = 20 * 1024 * 1024  # decisions are kilobytes; anything this large is not one
MAX_GROUP_DEPTH = 200  # an "RTF bomb" nests groups to exhaust a parser
_SPACED = re.compile(r"(?<![\w])((?:[А-ЯІЇЄҐA-Z][ \u00a0]){2,}[А-ЯІЇЄҐA-Z])(?![\w])")


def read(path: Path) -> str:
    """The plain text of one decision file, normalised."""
    data = read_limited(path, MAX_BYTES)
    head = data[:2048].lstrip()
    if head.startswith(b"{\\rtf"):
        return normalise(_rtf(data, path.name))
    if b"<html" in head.lower() or b"rtf2html" in data[:4096].lower() or b"<p" in head.lower():
        return normalise(_html(decode_text(data, path.name)))
    return normalise(decode_text(data, path.name))


def _rtf(data: bytes, name: str) -> str:
    depth = deepest = 0
    for byte in data:
        if byte == 0x7B:  # {
            depth += 1
            deepest = max(deepest, depth)
        elif byte == 0x7D:  # }
            depth -= 1
    if deepest > MAX_GROUP_DEPTH:
        raise InputRejected(f"{name}: RTF nested {deepest} groups deep; not a court decision")
    from striprtf.striprtf import rtf_to_text  # imported when an RTF is read

    text = data.decode("cp1251", errors="replace")
    return str(rtf_to_text(text, encoding="cp1251", errors="replace"))  # type: ignore[no-untyped-call]  # striprtf ships no types


def _html(text: str) -> str:
    soup = BeautifulSoup(text, "html.parser")
    area = soup.find("textarea", id="txtdepository")
    if area is not None:  # the Review page: the decision is HTML-escaped inside the textarea
        return html_to_text(html.unescape(area.get_text()))
    return html_to_text(text)


def normalise(text: str) -> str:
    text = text.replace("\x00", "").replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        line = _SPACED.sub(lambda m: re.sub(r"[ \u00a0]", "", m.group(1)), line)
        lines.append(" ".join(line.split()))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
