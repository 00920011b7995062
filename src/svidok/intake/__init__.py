"""One parser per channel, each turning a file's bytes into ``Submission`` objects.

``parse`` is the single entry point: it detects the format from the content (or takes the one
forced), runs the parser, and raises ``InputRejected`` with one clear line when the file cannot be
taken in. Parsers never write anything; storing is the vault's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from svidok.domain.model import Submission
from svidok.intake import email, telegram, text
from svidok.intake.decode import Format, sniff


@dataclass(frozen=True)
class Parsed:
    format: Format
    submissions: list[Submission]
    notes: list[str] = field(default_factory=list)


def parse(
    data: bytes,
    name: str,
    *,
    fmt: Format | None = None,
    export_dir: Path | None = None,
    source: str | None = None,
) -> Parsed:
    """Parse one file. ``export_dir`` is where a Telegram export's media files are."""
    chosen = fmt or sniff(name, data)
    if chosen is Format.TELEGRAM:
        loader = None if export_dir is None else telegram.folder_loader(export_dir)
        subs, notes = telegram.parse(data, name, load_attachment=loader, source=source)
        return Parsed(chosen, subs, notes)
    if chosen is Format.EMAIL:
        return Parsed(chosen, email.parse_eml(data, name))
    if chosen is Format.MBOX:
        return Parsed(chosen, email.parse_mbox(data, name))
    return Parsed(chosen, text.parse(data, name))


__all__ = ["Format", "Parsed", "parse"]
