"""The data files shipped in ``svidok/data``: one way to read them."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_bytes(*parts: str) -> bytes:
    return resources.files("svidok").joinpath("data", *parts).read_bytes()


# libyaml's parser where PyYAML was built with it (its wheels are): the analysis data files took
# ~0.3 s of a cold `svidok analyze` to parse in pure Python
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(*parts: str) -> Any:
    """A YAML data file, e.g. ``load_yaml("analysis", "themes.yaml")``."""
    return yaml.load(read_bytes(*parts).decode("utf-8"), Loader=_LOADER)  # noqa: S506 - safe
