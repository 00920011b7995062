"""Words with their positions in the text, as every recogniser sees them.

A text is tokenised once per analysis (the results are cached for the few texts in flight), and
the recognisers that only care about some words (capitalised ones for names and places) get
their indices from here instead of each walking every word: at ~1 µs per word for a Python
loop, walking every word once per recogniser cost more than all of their real work.

Tokenising itself runs without a Python step per word: one ``re.split`` with a capturing group
yields separators and words alternately, and the running sum of their lengths (``accumulate``,
in C) is every word's start and end. Building a match object and a tuple per word instead took
twice as long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

# A word: letters and digits with apostrophes and hyphens inside it (п'ять, Солом`янський, as
# court texts write it, Нью-Йорк), never at its edges, where they are quotation marks: a name in
# single quotes ('Тарас') is a capitalised word like any other. The group makes split() keep
# the words.
# A Cyrillic letter of Ukrainian or Russian: one search tells a Cyrillic word from a Latin one
CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_TOKEN = re.compile(r"(\w+(?:[-'’ʼ`]\w+)*)")


class Tokens:
    """A text's words in order (``words``) with their offsets (``starts``, ``ends``)."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, text: str) -> None:
        parts = _TOKEN.split(text)  # separator, word, separator, …, word, separator
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0::2][: len(self.words)]
        self.ends: list[int] = offsets[1::2]

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=8)  # every recogniser tokenises the same text once per analysis
def tokens(text: str) -> Tokens:
    return Tokens(text)


def words(text: str) -> list[str]:
    """The tokens' texts, in order."""
    return tokens(text).words


@lru_cache(maxsize=8)
def capitalised(text: str) -> tuple[int, ...]:
    """Indices of the tokens that start with a capital letter."""
    texts = tokens(text).words
    return tuple(compress(range(len(texts)), map(str.isupper, map(itemgetter(0), texts))))


# A text with fewer capitalised words than one in this many is written in lower case, as chats
# often are (prose capitalises at least every sentence's first word: one in ~12).
_LOWER_CASE_TEXT = 25
# Where a sentence starts: the text's first letter, or a letter after a full stop (question or
# exclamation mark, ellipsis) ending a word of three letters or more, or after a line break. An
# abbreviation's stop is not a sentence's end ("1990 р.н. проживає", "с. Іванівка"). The pattern
# begins with a set of characters, so the regex engine skips to them (a group of alternatives
# there took four times as long); the word before is checked after.
_SENTENCE_END = re.compile(r"[.!?…\n][.!?…]*\s*([^\W\d_])")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8)  # places and names both ask
def in_lower_case(text: str) -> bool:
    """Whether a text is written in lower case, as chats often are: it has hardly any capitalised
    word, or more of its sentences start in lower case than in capitals ("добрий день. пишу про
    сина, Дмитро Яковенко …": names and places may still be capitalised here and there)."""
    if len(capitalised(text)) * _LOWER_CASE_TEXT < len(words(text)):
        return True
    starts = _sentence_starts(text)
    lower = sum(text[at].islower() for at in starts)
    return lower > len(starts) - lower


@lru_cache(maxsize=8)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Where the text's sentences start: the offset of each one's first letter."""
    first = _FIRST_LETTER.search(text)
    starts = [first.start()] if first is not None else []
    for match in _SENTENCE_END.finditer(text):
        at = match.start()
        if text[at] == "\n" or (at >= 3 and text[at - 3 : at].isalpha()):
            starts.append(match.start(1))
    return tuple(starts)


def lower_case_sentences(text: str) -> list[tuple[int, int]]:
    """The spans of a text's sentences that start in lower case, as a chat's first lines may be
    written in a text otherwise capitalised ("пишу з позицій під куп'янськом. Я третій рік
    …")."""
    starts = _sentence_starts(text)
    return [(at, starts[k + 1] if k + 1 < len(starts) else len(text))
            for k, at in enumerate(starts) if text[at].islower()]


def is_capitalised(word: str) -> bool:
    """Whether a word is capitalised and not all in capitals ("Кабан", not "ДПСУ")."""
    return word[:1].isupper() and not word.isupper()


def mark_before(text: str, start: int) -> str:
    """The last character before ``start`` that is not white space ("" at the text's start);
    ``text[:start].rstrip()[-1:]`` without copying the text before it."""
    while start and text[start - 1].isspace():
        start -= 1
    return text[start - 1 : start]


def sentence_start(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` opens a sentence: after a full stop, a colon, a
    dash or an opening quote, at a line's start ("паспорт КЕ 118342\n\nЖалоба."), or after a
    bullet there ("- Held 18 hours"; a hyphen inside a line is a dash between words:
    "секретаря – Сухонос Є.О."). A dash right after a word is inside a sentence: "Ротный у
    нас — Коваленко" (a dash opening speech follows a line break or a mark: "сказав він. —")."""
    at = _space_start(text, start)
    if at == 0 or "\n" in text[at:start]:
        return True
    mark = text[at - 1]
    if mark == "—":
        return line_start(text, at - 1) or not mark_before(text, at - 1).isalnum()
    if mark in (".", "!", "?", ":", "«", '"'):
        return True
    return mark in ("-", "–", "•", "*") and line_start(text, at - 1)


def without_possessive(word: str, end: int) -> int:
    """Where a word ending at ``end`` ends without an English possessive: "Natalia" in
    "Natalia's place", "Russia" in "Russia's Kursk region" (a Cyrillic word has none)."""
    return end - 2 if len(word) > 2 and word.endswith(("'s", "’s")) \
        and not CYRILLIC.search(word) else end


def line_start(text: str, start: int) -> bool:
    """Whether only white space with a line break in it, or nothing, comes before ``start``."""
    at = _space_start(text, start)
    return at == 0 or "\n" in text[at:start]


def _space_start(text: str, start: int) -> int:
    """Where the white space right before ``start`` begins (``start`` itself if none)."""
    while start and text[start - 1].isspace():
        start -= 1
    return start


def occurrences(text: str, phrase: str) -> list[int]:
    """Offsets of ``phrase`` in ``text`` as whole words (not inside a longer word)."""
    found = []
    for at in positions(text, phrase):
        end = at + len(phrase)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            found.append(at)
    return found


def cued(
    pattern: re.Pattern[str], text: str, lower: str, cues: Iterable[str],
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which begins with one of ``cues``
    (lower-case strings; ``lower`` is ``text.lower()``). The pattern is tried only where a cue
    occurs, found by substring search, instead of at every position of the text: the same
    matches, in the same order, without the regex engine's walk over every character (a
    case-insensitive alternation costs ~1 µs per 100 characters to scan)."""
    if len(lower) != len(text):  # lower-casing moved the offsets (a rare letter): scan it all
        yield from pattern.finditer(text)
        return
    end = 0
    for at in sorted({at for cue in cues for at in positions(lower, cue)}):
        if at < end:
            continue  # inside the last match, as finditer would skip it
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = max(match.end(), at + 1)


def positions(text: str, part: str) -> Iterator[int]:
    """Every offset of ``part`` in ``text``, overlapping ones too."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)
