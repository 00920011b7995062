"""Themes of a testimony, from the taxonomy in data/analysis/themes.yaml.

A term matches any inflected form of its lemmas, a phrase matches consecutive words, a
``prefix*`` matches word starts. The inflected forms are expanded once from the taxonomy
(``surface.FormIndex``), so a text's words are looked up, not lemmatised. Each theme reports the
spans that matched, so an editor sees why it was assigned.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from svidok.analysis.lemmas import forms
from svidok.analysis.surface import FormIndex
from svidok.analysis.tokens import tokens
from svidok.datafiles import load_yaml
from svidok.domain.annotations import Theme


@dataclass(frozen=True)
class Term:
    theme: str
    words: tuple[frozenset[str] | str, ...]  # per word: its forms, or a "prefix*"
    weight: float
    label: str
    rest_forms: tuple[frozenset[str], ...]  # the forms of the later words that are not prefixes


@dataclass(frozen=True)
class Taxonomy:
    """Terms indexed by their first word, so matching costs one lookup per word of the text."""

    thresholds: dict[str, float]
    index: FormIndex  # a text word -> the term-word keys it is a form of
    by_form: dict[str, list[Term]]
    by_prefix: dict[str, list[Term]]  # keyed by the prefix's first PREFIX_KEY letters


PREFIX_KEY = 2
MAX_GAP = 3  # words a phrase may have between its own: "пішов з частини" ~ "піти частина"


def _term(theme: str, text: str, weight: float) -> Term:
    parts: list[frozenset[str] | str] = [
        w.lower() if w.endswith("*") else forms(w) for w in text.split()
    ]
    rest = tuple(p for p in parts[1:] if isinstance(p, frozenset))
    return Term(theme, tuple(parts), weight, text, rest)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    raw = load_yaml("analysis", "themes.yaml")
    thresholds: dict[str, float] = {}
    by_form: dict[str, list[Term]] = {}
    by_prefix: dict[str, list[Term]] = {}
    lemma_words: set[str] = set()
    for theme_id, spec in raw["themes"].items():
        thresholds[theme_id] = float(spec.get("threshold", 1.0))
        for group in spec["terms"]:
            for text in group["t"]:
                term = _term(theme_id, text, float(group["w"]))
                lemma_words.update(w for w in text.split() if not w.endswith("*"))
                first = term.words[0]
                if isinstance(first, str):
                    by_prefix.setdefault(first[:PREFIX_KEY], []).append(term)
                else:
                    for form in first:
                        by_form.setdefault(form, []).append(term)
    return Taxonomy(thresholds, FormIndex(lemma_words), by_form, by_prefix)


def find(text: str) -> list[Theme]:
    tax = taxonomy()
    toks = tokens(text)
    texts = toks.words
    starting = list(map(_starting, texts))  # C-level loops: both functions are lru caches
    keys_at = list(map(_keys, texts))
    present = frozenset().union(*keys_at)  # a term whose words are not all here cannot match
    scores: dict[str, float] = {}
    evidence: dict[str, list[tuple[int, int]]] = {}
    counted: set[tuple[str, str]] = set()
    for i in compress(range(len(texts)), starting):  # only words that start a term
        for term in starting[i]:
            if any(part.isdisjoint(present) for part in term.rest_forms):
                continue
            end = _rest_matches(term.words[1:], texts, keys_at, i + 1)
            if end is None:
                continue
            evidence.setdefault(term.theme, []).append((toks.starts[i], toks.ends[end]))
            if (term.theme, term.label) not in counted:
                counted.add((term.theme, term.label))
                scores[term.theme] = scores.get(term.theme, 0.0) + term.weight
    found = []
    for theme_id, threshold in tax.thresholds.items():
        score = scores.get(theme_id, 0.0)
        if score >= threshold:
            found.append(Theme(theme_id, min(score / (2 * threshold), 1.0),
                               sorted(set(evidence[theme_id]))))
    return found


@lru_cache(maxsize=100_000)
def _starting(word: str) -> tuple[Term, ...]:
    """Terms whose first word this word can be (cached: words repeat, terms do not change)."""
    tax = taxonomy()
    lower = word.lower()
    found = {id(t): t for f in tax.index.keys(word) for t in tax.by_form.get(f, ())}
    found.update({id(t): t for t in tax.by_prefix.get(lower[:PREFIX_KEY], ())
                  if isinstance(t.words[0], str) and lower.startswith(t.words[0][:-1])})
    return tuple(found.values())


@lru_cache(maxsize=100_000)
def _keys(word: str) -> frozenset[str]:
    """The taxonomy's term-word keys this word is a form of."""
    return taxonomy().index.keys(word)


def _rest_matches(
    parts: tuple[frozenset[str] | str, ...], texts: list[str], keys_at: list[frozenset[str]],
    at: int,
) -> int | None:
    """Index of the token matching the last part, each part within MAX_GAP words of the last."""
    last = at - 1
    for part in parts:
        for j in range(last + 1, min(len(texts), last + 2 + MAX_GAP)):
            if (texts[j].lower().startswith(part[:-1]) if isinstance(part, str)
                    else not part.isdisjoint(keys_at[j])):
                last = j
                break
        else:
            return None
    return last
