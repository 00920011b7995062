"""Full-text search over a vault, matching inflected Ukrainian and Russian forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from svidok.analysis import lemmas
from svidok.vault import Vault, records

SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Hit:
    testimony: records.TestimonySummary
    snippet: str
    matched: list[str]

    def to_json(self) -> dict[str, Any]:
        return {**self.testimony.to_json(), "snippet": self.snippet, "matched": self.matched}


def search(vault: Vault, query: str, limit: int = 20) -> list[Hit]:
    """Testimonies containing every word of ``query`` in any inflected form, best first."""
    groups = lemmas.query_groups(query)
    hits = []
    for summary in records.search(vault.db, groups, limit):
        text = records.get_testimony(vault.db, summary.id).text
        snippet, matched = _snippet(text, groups)
        hits.append(Hit(summary, snippet, matched))
    return hits


def _snippet(text: str, groups: list[list[str]]) -> tuple[str, list[str]]:
    """A window of text around the first matched word, and the distinct words matched."""
    matched: dict[str, int] = {}
    offset = 0
    for word in lemmas.words(text):
        offset = text.find(word, offset)
        if word not in matched and lemmas.matches(word, groups):
            matched[word] = offset
        offset += len(word)
    if not matched:
        return text[:SNIPPET_CHARS].replace("\n", " "), []
    first = min(matched.values())
    start = max(0, first - SNIPPET_CHARS // 3)
    window = text[start : start + SNIPPET_CHARS].replace("\n", " ")
    return ("…" if start else "") + window + ("…" if start + SNIPPET_CHARS < len(text) else ""), \
        list(matched)
