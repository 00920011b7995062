"""Where the public-data databases live by default: ``$XDG_DATA_HOME/svidok`` (~/.local/share)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "svidok"
