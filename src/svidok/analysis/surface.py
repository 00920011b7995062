"""Every inflected form of a lexicon's words, computed once, so a text's words need no
morphological analysis to be matched against it.

Themes and roles are lexicons of lemmas ("повістка", "піти з частина", "командир взводу"). The
obvious way to match them lemmatises every word of a text and compares lemmas; pymorphy3 then
costs ~50 µs per new word, and lemmatising every word was two thirds of the time spent on text
whose words the process had not seen before. This module runs the other way: each lexicon lemma
is expanded once into its whole paradigm (pymorphy3's ``lexeme``: "повістка" -> повістки,
повістці, повістку, …; "піти" -> пішов, піду, …, in both dictionaries), and a text's word is then
one dictionary lookup of its spelling.

A text word matches a lexicon word when they share a *key*: the lexicon word's own spelling or
the dictionary form of any of its readings (``lemmas.forms``), exactly the keys a lemmatised
comparison would use; the spellings of each key's paradigms map back to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from svidok.analysis.lemmas import forms, known, parse, token_key

_SPELLING = str.maketrans({"'": None, "’": None, "ʼ": None, "`": None, "ё": "е"})
_EMPTY: frozenset[str] = frozenset()


def spelling(word: str) -> str:
    """The lookup spelling: lower case, no apostrophes, ё as е (texts write either)."""
    return lower_spelling(word.lower())


def lower_spelling(lower: str) -> str:
    """``spelling`` of a word already in lower case. Most words have no apostrophe and no ё:
    five substring tests (~0.1 µs) and the word as it is, where translating every word took
    ~0.8 µs (``str.translate`` maps a Cyrillic string through its table letter by letter)."""
    if "'" in lower or "’" in lower or "ʼ" in lower or "`" in lower or "ё" in lower:
        return lower.translate(_SPELLING)
    return lower


def lexicon_word(entry: str) -> tuple[str, str | None]:
    """A lexicon word and the part of speech it is restricted to: "мати[NOUN]" is the mother,
    not the verb "to have" (whose forms має, мав would otherwise match it)."""
    if entry.endswith("]") and "[" in entry:
        word, _, pos = entry[:-1].partition("[")
        return word, pos
    return entry, None


def lemma_keys(entry: str) -> frozenset[str]:
    """The keys of a lexicon word. Lexicons list dictionary forms: a word that is the dictionary
    form of one of its readings stands for that lemma alone ("дело", the case, is not also the
    past tense of "деть", whose imperative is "день"); any other word has the keys of
    ``lemmas.forms``."""
    word, pos = lexicon_word(entry)
    token = token_key(word)
    if any(token_key(r.normal_form) == token and pos in (None, r.tag.POS)
           for lang in ("uk", "ru") for r in known(word, lang)):
        return frozenset({token})
    return forms(word)


class FormIndex:
    """Keys of lexicon words by the spellings of all their inflected forms."""

    def __init__(self, words: Iterable[str]) -> None:
        table: dict[str, set[str]] = {}
        for entry in words:
            word, pos = lexicon_word(entry)
            keys = lemma_keys(entry)
            for key in keys:
                table.setdefault(spelling(key), set()).add(key)
            # the paradigms whose dictionary form is a key; the word itself is parsed too, as a
            # key has lost its apostrophe ("звязківець" is unknown, "зв'язківець" is not)
            for source in {word, *keys}:
                for lang in ("uk", "ru"):
                    for reading in parse(source, lang):
                        key = token_key(reading.normal_form)
                        if key not in keys or pos not in (None, reading.tag.POS):
                            continue  # a reading of another lemma, or another part of speech
                        for form in reading.lexeme:
                            table.setdefault(spelling(form.word), set()).add(key)
        self._table = {s: frozenset(keys) for s, keys in table.items()}

    def keys(self, word: str) -> frozenset[str]:
        """The lexicon keys a text word is an inflected form of (empty for any other word)."""
        return self.of_spelling(spelling(word))

    def of_spelling(self, spelt: str) -> frozenset[str]:
        """``keys`` of a word already in its lookup spelling (``spelling``)."""
        return self._table.get(spelt, _EMPTY)

    def spellings(self) -> Iterable[str]:
        """Every spelling with keys."""
        return self._table.keys()

    def __len__(self) -> int:
        return len(self._table)
