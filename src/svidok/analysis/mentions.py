"""A person mentioned again: the later forms of a name found once ("Тарасові" after "Тарас"),
which are the same person whatever else the word could be, and the redaction's test of which
names are one person's (``name_lemmas``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from svidok.analysis.lemmas import grammemes, known
from svidok.analysis.placekeys import word_keys
from svidok.analysis.tokens import Tokens


@lru_cache(maxsize=100_000)
def name_lemmas(word: str) -> frozenset[str]:
    """Dictionary forms of a name part from every reading as a name ("Тарасові" -> тарас), or
    its plain keys when no dictionary reads it as a name. Used to tell mentions of one person."""
    lemmas = {
        r.normal_form for lang in ("uk", "ru") for r in known(word, lang)
        if {"Name", "Surn", "Patr"} & grammemes(r)
    }
    return frozenset(lemmas) if lemmas else word_keys(word)


def mentioned_again(
    toks: Tokens, doubtful: list[int], names: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Doubtful words that are a form of a name found elsewhere in the text: "Роман, 23" opens
    a sentence and could be a novel, but "23-річний Роман" later in the text says whose name it
    is. A name found once is a name at every mention, or the redacted text still shows it."""
    if not doubtful or not names:
        return []
    named = {lemma for i, j in names for word in toks.words[i:j] for lemma in name_lemmas(word)}
    return [(i, i + 1) for i in doubtful if not name_lemmas(toks.words[i]).isdisjoint(named)]


def surnames_again(
    toks: Tokens, starts: Sequence[int], names: list[tuple[int, int]], inside: set[int],
) -> list[tuple[int, int]]:
    """Later mentions of a surname alone, where the word alone does not look like a name:
    "Aleksandr Moroz, 37, says …  Moroz left the brigade" (moroz is frost, and has no surname
    ending). A surname is a word after the first of a name of two or more words."""
    surnames = {lemma for i, j in names if j - i > 1 for word in toks.words[i + 1 : j]
                for lemma in name_lemmas(word)}
    if not surnames:
        return []
    taken = {k for i, j in names for k in range(i, j)}
    return [(i, i + 1) for i in starts
            if i not in taken and toks.starts[i] not in inside
            and not name_lemmas(toks.words[i]).isdisjoint(surnames)]
