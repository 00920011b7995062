"""Plain text and Markdown: one file is one testimony, in its own words."""

from __future__ import annotations

from pathlib import PurePath

from svidok.domain.model import Channel, Submission
from svidok.intake.decode import decode_text


def parse(data: bytes, name: str) -> list[Submission]:
    text = decode_text(data, name).strip()
    return [Submission(channel=Channel.TEXT, text=text, title=PurePath(name).stem)]
