"""Which register categories count as which article (data/courts/categories.csv)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from svidok.datafiles import read_bytes
from svidok.errors import UsageProblem

CRIMINAL = "2"  # justice_kind: 2 = Кримінальне (5 = Адмінправопорушення, never counted)


@dataclass(frozen=True)
class Category:
    code: str
    tree: str
    article: str
    group: str
    status: str


@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    text = read_bytes("courts", "categories.csv").decode("utf-8")
    return {r["category_code"]: Category(r["category_code"], r["tree"], r["article"],
                                         r["group"], r["status"])
            for r in csv.DictReader(io.StringIO(text))}


def selected(groups: tuple[str, ...]) -> dict[str, Category]:
    """Codes for the groups asked for: "407", "408", "military" (the whole chapter)."""
    unknown = set(groups) - {"407", "408", "military"}
    if unknown:
        raise UsageProblem(f"unknown selection {sorted(unknown)}: use 407, 408 or military")
    wanted = set(groups) | ({"407", "408"} if "military" in groups else set())
    return {code: c for code, c in categories().items() if c.group in wanted}
