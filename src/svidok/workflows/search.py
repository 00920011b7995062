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


@dataclass(frozen=True)
class Result:
    query: str
    total: int
    order: str
    hits: list[Hit]

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "order": self.order,
                "hits": [h.to_json() for h in self.hits]}


def search(vault: Vault, query: str, limit: int = 20) -> Result:
    """Testimonies containing every word of ``query`` in any inflected form.

    Best match first, unless the query matches more than ``records.RANK_LIMIT`` testimonies:
    then newest first (``order`` says which).
    """
    groups = lemmas.query_groups(query)
    page = records.search(vault.db, groups, limit)
    hits = [Hit(summary, *_snippet(text, groups)) for summary, text in page.rows]
    return Result(query, page.total, page.order, hits)


def _snippet(text: str, groups: list[list[str]]) -> tuple[str, list[str]]:
    """A window of text around the first matched word, and the distinct words matched.

    Only words sharing their first two letters with a query form are lemmatised: inflection
    keeps the start of a word, and lemmatising every word of every hit would dominate the cost
    of a search in a fresh process. A suppletive match (йти/пішов) is found, but not shown.
    """
    starts = {alt.rstrip("*")[:2] for group in groups for alt in group}
    matched: dict[str, int] = {}
    offset = 0
    for word in lemmas.words(text):
        offset = text.find(word, offset)
        if (word not in matched and word[:2].lower() in starts
                and lemmas.matches(word, groups)):
            matched[word] = offset
        offset += len(word)
    if not matched:
        return text[:SNIPPET_CHARS].replace("\n", " "), []
    first = min(matched.values())
    start = max(0, first - SNIPPET_CHARS // 3)
    window = text[start : start + SNIPPET_CHARS].replace("\n", " ")
    return ("…" if start else "") + window + ("…" if start + SNIPPET_CHARS < len(text) else ""), \
        list(matched)
