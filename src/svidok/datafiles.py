"""The data files shipped in ``svidok/data``: one way to read them."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_bytes(*parts: str) -> bytes:
    return resources.files("svidok").joinpath("data", *parts).read_bytes()


def load_yaml(*parts: str) -> Any:
    """A YAML data file, e.g. ``load_yaml("analysis", "themes.yaml")``."""
    return yaml.safe_load(read_bytes(*parts).decode("utf-8"))
