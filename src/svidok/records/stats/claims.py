"""Checking published claims against the figures: confirmed, contradicted, or cannot check.

A claim names articles, a period (months), a value and the series it belongs to; ``per: month``
makes it an average per month over the period; ``approximate: true`` accepts a value within
``tolerance`` (default 10 %) of the computed one, as "about 17,000" is meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from svidok.errors import InputRejected, NotFound, UsageProblem
from svidok.records.stats import compose
from svidok.records.stats.figures import Figure

DEFAULT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Verdict:
    text: str
    verdict: str  # confirmed | contradicted | cannot check
    claimed: int | float
    computed: float | None
    reason: str
    total: compose.Total | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "verdict": self.verdict, "claimed": self.claimed,
                "computed": self.computed, "reason": self.reason,
                "total": None if self.total is None else self.total.to_json()}


def check(claims: list[dict[str, Any]], pool: list[Figure]) -> list[Verdict]:
    return [_check(claim, pool) for claim in claims]


def _check(claim: dict[str, Any], pool: list[Figure]) -> Verdict:
    try:
        text = str(claim["text"])
        articles = tuple(str(a) for a in claim["articles"])
        claimed = claim["value"]
        first, last = compose.month_span(str(claim["from"]), str(claim["to"]))
        series = str(claim.get("series", "form1"))
        measure = str(claim.get("measure", "registered"))
    except (KeyError, TypeError) as exc:
        raise InputRejected(f"a claim lacks text, articles, from, to or value ({exc})") from exc
    try:
        total = compose.total(pool, articles, first, last, series, measure)
    except (NotFound, UsageProblem) as exc:
        return Verdict(text, "cannot check", claimed, None, str(exc), None)
    computed: float = total.value
    if claim.get("per") == "month":
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        computed = round(total.value / months, 1)
    if claim.get("approximate"):
        tolerance = float(claim.get("tolerance", DEFAULT_TOLERANCE))
        ok = abs(computed - claimed) <= tolerance * abs(claimed)
        how = f"within {tolerance:.0%} of {computed:,}" if ok else \
            f"{computed:,} is more than {tolerance:.0%} away"
    else:
        ok = computed == claimed
        how = f"{computed:,} computed" if ok else f"{computed:,} computed, not {claimed:,}"
    if total.rounded:
        how += " (from rounded figures)"
    return Verdict(text, "confirmed" if ok else "contradicted", claimed, computed, how, total)
