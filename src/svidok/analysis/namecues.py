"""The words right after a strong name cue ("мене звати", "my name is", a rank, "прізвище"):
a capitalised word there starts a name whatever else it reads as ("My name is Moroz", "Captain
Melnyk"), and so does a lower-case word a dictionary reads as a given name ("зовут меня
виталик") or, after a cue for the surname, a Cyrillic word a dictionary reads as a surname or
none knows ("прізвище коваль"; not "прізвище не пишіть", "фамилию бойца"). And the initials
beside a name ("Д.Д. Усатов", "Serhii K.")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from svidok.analysis.lemmas import grammemes, known
from svidok.analysis.tokens import Tokens


@dataclass(frozen=True)
class Cues:
    """The cues of persons.yaml, lower case."""

    searched: tuple[str, ...]  # every cue: the strong ones, the surname and the chat cues
    surname: frozenset[str]  # after one, a lower-case word that can be a surname is one
    chat: frozenset[str]  # after one, only a lower-case given name is a name ("звати ігор";
    # not "Як звати Вашого командира?")


def after_cues(
    text: str, lower: str, toks: Tokens, cues: Cues,
    part: Callable[[str], frozenset[str] | None],
) -> tuple[set[int], list[int]]:
    """The capitalised words right after a strong name cue (``part``: what a word can be as
    part of a name, None for a lower-case word), and the lower-case words there that are
    names (found by substring search: the cues are few and most texts have none)."""
    found: set[int] = set()
    lower_case: list[int] = []
    if len(lower) != len(text):  # lower-casing moved the offsets (a rare letter, "İ"): then
        return found, lower_case  # only words that look like a name alone are names after a cue
    for cue in cues.searched:
        at = lower.find(cue)
        while at >= 0:
            end = at + len(cue)
            k = bisect_left(toks.starts, end)
            if (k < len(toks) and (at == 0 or not lower[at - 1].isalnum())
                    and text[end : toks.starts[k]] == " "
                    and toks.words[k].lower() not in cues.searched
                    and f"{toks.words[k].lower()}." not in cues.searched):  # "Lieutenant
                # Colonel Bilyk", "Lt. Col. Bilyk": the name is after the second rank
                word = toks.words[k]
                if part(word) is not None:
                    if cue not in cues.chat:
                        found.add(k)
                elif word.islower() and ("given" in (part(word.capitalize()) or ()) or (
                        cue in cues.surname and _surname_like(word))):
                    lower_case.append(k)
            at = lower.find(cue, end)
    return found, sorted(set(lower_case))


def _surname_like(word: str) -> bool:
    """Whether a lower-case Cyrillic word can be a surname: a surname to a dictionary, or a word
    neither knows ("коваль", "гуменюк"; not "зазначене", a participle: "прізвище зазначене як",
    nor "бойца": "не называть фамилию бойца", nor an English word after "surname": "his
    surname not be published")."""
    if word.isascii() or not word.isalpha():
        return False
    readings = [r for lang in ("uk", "ru") for r in known(word, lang)]
    return not readings or any("Surn" in grammemes(r) for r in readings)


_INITIALS_AFTER = re.compile(r" [A-ZА-ЯІЇЄҐ]\.(?:\s?[A-ZА-ЯІЇЄҐ]\.)?")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])[A-ZА-ЯІЇЄҐ]\.(?:\s?[A-ZА-ЯІЇЄҐ]\.)? $")


def initial_after(text: str, end: int) -> int:
    """Where a name ending at ``end`` ends with its trailing initials: "Serhii K.", "Петренко
    І.В."."""
    match = _INITIALS_AFTER.match(text, end)
    return match.end() if match else end


def initials_before(text: str, start: int) -> int:
    """Where the initials before a surname begin ("Д.Д. Усатов", "О. В. Щербак"), or ``start``."""
    match = _INITIALS_BEFORE.search(text, max(0, start - 6), start)
    return match.start() if match else start
