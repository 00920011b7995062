"""Themes of a testimony, from the taxonomy in data/analysis/themes.yaml.

A term matches any inflected form of its lemmas, a phrase matches consecutive words, a
``prefix*`` matches word starts. The inflected forms are expanded once from the taxonomy
(``lexicons``), so a text's words are looked up, not lemmatised, and only the words that are in
a list are visited. Each theme reports the spans that matched, so an editor sees why it was
assigned.
"""

from __future__ import annotations

import re

from svidok.analysis.lemmas import forms
from svidok.analysis.lexicons import TextFacts, of, taxonomy
from svidok.analysis.tokens import Tokens, tokens
from svidok.domain.annotations import Theme

MAX_GAP = 3  # words a phrase may have between its own: "пішов з частини" ~ "піти частина"
_NEGATIONS = frozenset({"не", "ні", "not", "never", "no"})
# verbs between a negation and the term it negates (lemmas; English as written): "не может
# вернуться", "never came back to the unit"
_VERBS_BETWEEN = frozenset({"мочь", "смочь", "хотеть", "захотеть", "могти", "змогти", "хотіти",
                     "захотіти", "come", "came", "go", "went", "get", "got"})
# a sentence's end between two words of a phrase: a stop after a word of three letters or more
# or after a number ("Кучургана. Его"; not "ст. 407", "с. Гришине"), or "!", "?", "…"
_SENTENCE_BREAK = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=\d))\.\s|[!?…]\s")


def find(text: str) -> list[Theme]:
    toks = tokens(text)
    texts = toks.words
    lists = of(text)
    # a term whose later words are not all in the text cannot match
    present = frozenset().union(*(facts.theme_keys for _, facts in lists.marked))
    scores: dict[str, float] = {}
    evidence: dict[str, list[tuple[int, int]]] = {}
    counted: set[tuple[str, str]] = set()
    for i, facts in lists.marked:  # only words in a list: some of them start a term
        for term in facts.terms:
            if term.negatable and i > 0 and _negated(texts, i):
                continue
            if len(term.words) == 1:
                end: int | None = i
            elif any(map(present.isdisjoint, term.rest_forms)):
                continue
            else:
                end = _rest_matches(term.words[1:], text, toks, lists, i + 1)
            if end is None or (term.negatable and any(map(_negation, texts[i + 1 : end]))):
                continue  # negated inside: "в частину не повернувся"
            if end > i and _negation(texts[i]) and "," in text[toks.ends[i] : toks.starts[end]]:
                continue  # a negation is of its own clause: "не прячусь, готов вернуться"
            if term.not_near and _near(term.not_near, text, toks, lists, i, end):
                continue  # "stopped by border guards": no street stop
            span = (toks.starts[i], toks.ends[end])
            spans = evidence.setdefault(term.theme, [])
            # a term counts once however often it occurs, and words already counted for the
            # theme count once whichever terms they match: a term first met on them is spent
            # ("тётки" is both "тётка" and "тетка": "тётке" later is not a second relative)
            if (term.theme, term.label) not in counted:
                counted.add((term.theme, term.label))
                if span not in spans:
                    scores[term.theme] = scores.get(term.theme, 0.0) + term.weight
            spans.append(span)
    found = []
    for theme_id, threshold in taxonomy().thresholds.items():
        score = scores.get(theme_id, 0.0)
        if reaches(score, threshold):
            found.append(Theme(theme_id, min(score / (2 * threshold), 1.0),
                               sorted(set(evidence[theme_id]))))
    return found


def _rest_matches(
    parts: tuple[frozenset[str] | str, ...], text: str, toks: Tokens, lists: TextFacts, at: int,
) -> int | None:
    """Index of the token matching the last part, each part within MAX_GAP words of the last
    and in the same sentence: "возле Кучургана. Его поймали" is not "поймали возле"."""
    texts = toks.words
    last = at - 1
    for part in parts:
        for j in range(last + 1, min(len(texts), last + 2 + MAX_GAP)):
            if _is(part, toks, lists, j):
                if _SENTENCE_BREAK.search(text, toks.ends[last], toks.starts[j]):
                    return None
                last = j
                break
        else:
            return None
    return last


def _is(part: frozenset[str] | str, toks: Tokens, lists: TextFacts, j: int) -> bool:
    """Whether word ``j`` is a form of a term word (its keys) or begins with its "prefix*"."""
    return (toks.words[j].lower().startswith(part[:-1]) if isinstance(part, str)
            else not part.isdisjoint(lists.theme_keys(j)))


def _near(
    parts: tuple[frozenset[str] | str, ...], text: str, toks: Tokens, lists: TextFacts,
    first: int, last: int,
) -> bool:
    """Whether one of ``parts`` stands before word ``first`` or after word ``last`` with at most
    MAX_GAP words between, in the same sentence ("stopped by border guards", "пограничники
    задержали")."""
    for j in (*range(max(0, first - 1 - MAX_GAP), first),
              *range(last + 1, min(len(toks.words), last + 2 + MAX_GAP))):
        if any(_is(part, toks, lists, j) for part in parts):
            gap = (toks.ends[j], toks.starts[first]) if j < first \
                else (toks.ends[last], toks.starts[j])
            if not _SENTENCE_BREAK.search(text, *gap):
                return True
    return False


def _negated(texts: list[str], i: int) -> bool:
    """Whether word ``i`` is negated: a negation right before it, or before a modal verb (or
    an English verb of going) right before it ("не может вернуться в часть", "не змогла
    повернутися", "never came back to the unit")."""
    return _negation(texts[i - 1]) or (
        i > 1 and _negation(texts[i - 2]) and not forms(texts[i - 1]).isdisjoint(_VERBS_BETWEEN))


def _negation(word: str) -> bool:
    """Whether the word negates the next ("не", "not", "never", "didn't"): a term marked
    ``negatable`` right after it, or with it between the term's words ("в частину не
    повернувся"), says the opposite of the term."""
    lower = word.lower()
    return lower in _NEGATIONS or lower.endswith(("n't", "n’t"))


def reaches(score: float, threshold: float) -> bool:
    """Whether a sum of weights reaches a threshold. The weights are decimals, and binary
    fractions make some sums fall short by a hair (0.6 + 0.3 + 0.1 < 1.0)."""
    return score >= threshold - 1e-9
