"""Where the public-data databases live by default (``$XDG_DATA_HOME/svidok``, else
~/.local/share/svidok), and how they are opened: plain SQLite, schema created on open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Self


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "svidok"


class PublicStore:
    """A public-data database: ``FILENAME`` under ``data_dir()`` unless a path is given, with
    ``SCHEMA`` applied on open. Public records only: nothing here needs the vault's key."""

    FILENAME = ""
    SCHEMA = ""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / self.FILENAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.executescript(self.SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
