"""Dictionary forms for the search index, so that an inflected query finds inflected text.

A Ukrainian or Russian word is indexed under its surface form and the lemma of *every* reading
pymorphy3's uk and ru dictionaries know for it; a query word matches when any of its own forms is
among them. Keeping all known readings, not the first, trades a little precision for recall:
pymorphy3 reads "Харкові" first as a form of "харко", and only its third reading is "харків".

Guessed readings of words a dictionary does not know are mostly noise (the ru analyzer turns the
Ukrainian "проходять" into "проходятить"), so they are used only when *neither* dictionary knows
the word (a rare surname, a village), and then only the first guess of the language its letters
point to.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
from pymorphy3 import units

from svidok.analysis.tokens import CYRILLIC, Tokens, is_capitalised, sentence_start

# Search terms split at a backtick, unlike the analysis tokeniser (tokens.py): the terms of
# testimonies already stored were made so, and a query must be split the same way to find them.
_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_APOSTROPHES = re.compile(r"['’ʼ`]")
_READINGS = 4  # pymorphy3 orders readings by likelihood; beyond four they are noise
_UK_LETTERS = re.compile(r"[іїєґ]", re.IGNORECASE)
_RU_LETTERS = re.compile(r"[ыэъё]", re.IGNORECASE)


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


def parse(word: str, lang: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """pymorphy3's readings of a word; typographic apostrophes become the dictionaries' ASCII one
    ("пам’ятник" is unknown to the uk dictionary, "пам'ятник" is known). Cached."""
    return _parse(_ascii_apostrophes(word.lower()), lang)


def _ascii_apostrophes(lower: str) -> str:
    """The dictionaries' spelling of a lower-case word: typographic apostrophes as ASCII. Three
    substring tests, and a regex only for the few words that have one (most have none)."""
    if "’" in lower or "ʼ" in lower or "`" in lower:
        return _APOSTROPHES.sub("'", lower)
    return lower


def grammemes(reading: pymorphy3.analyzer.Parse) -> frozenset[str]:
    """A reading's tags as a set: {"NOUN", "Name", "masc", "nomn", …} (built once per tag by
    pymorphy3 and kept on it)."""
    return reading.tag.grammemes  # type: ignore[no-any-return]


@lru_cache(maxsize=200_000)
def _parse(word: str, lang: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    morph = _analyzer(lang)
    if _by_dictionary(morph, word):
        readings = _known(word, lang)  # one memo of the dictionary's readings for both
        if readings:
            return readings
    return tuple(morph.parse(word))


def _by_dictionary(morph: pymorphy3.MorphAnalyzer, word: str) -> bool:
    """Whether the dictionary alone gives the word's readings (``_dictionary_readings``)."""
    return len(word) > 1 and CYRILLIC.search(word) is not None \
        and _dictionary_alone(morph) is not None


def _dictionary_readings(
    morph: pymorphy3.MorphAnalyzer, word: str,
) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """``morph.parse(word)`` for a Cyrillic word of two letters or more that the dictionary
    knows, in half the time; empty for any other word.

    ``parse`` asks every analyser of its first group — the dictionary, initials, Roman numerals,
    Latin words — and stops there when any reads the word. Only the dictionary can read such a
    word (the others want one letter, or Latin letters), so it is asked alone, and its readings
    are ranked and wrapped as ``parse`` does. pymorphy3 keeps these parts private: where its
    first group is not made of those analysers, the dictionary is not asked alone, and a test
    compares the readings with ``parse``'s on every word of the project's testimonies."""
    dictionary = _dictionary_alone(morph)
    if dictionary is None:
        return ()
    found = dictionary.parse(word, word, set())
    if not found:
        return ()
    if morph.prob_estimator is not None:
        found = morph.prob_estimator.apply_to_parses(word, word, found)
    return tuple(morph._result_type(*reading) for reading in found)


_FIRST_GROUP = (units.DictionaryAnalyzer, units.AbbreviatedFirstNameAnalyzer,
                units.AbbreviatedPatronymicAnalyzer, units.RomanNumberAnalyzer,
                units.LatinAnalyzer)


@lru_cache(maxsize=2)
def _dictionary_alone(morph: pymorphy3.MorphAnalyzer) -> units.DictionaryAnalyzer | None:
    """The dictionary analyser, if pymorphy3's first group of analysers is the dictionary
    followed by some of the others ``_dictionary_readings`` names."""
    group = []
    for unit in morph._units:
        group.append(unit.analyzer)
        if unit.is_terminal:
            break
    if not isinstance(group[0], units.DictionaryAnalyzer) or not all(
            isinstance(analyser, _FIRST_GROUP) for analyser in group):
        return None
    return group[0]


def known(word: str, lang: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    """The readings of ``parse`` that the dictionary knows (``is_known``), in the same order.

    pymorphy3 reads a word its dictionary lacks by analogy with known ones, which costs ~15 µs
    a word, and a reading is known exactly when the dictionary has the word. Asking the
    dictionary alone skips the guessing for the many words only the dictionary's readings
    matter for: most capitalised words of a text are unknown to one of the two languages. A
    Cyrillic word of two letters or more gets the dictionary's readings at once (none when it
    lacks the word: one look-up, where ``word_is_known`` first made two for a known word), and
    ``parse`` takes them from this memo, so the word lists' words, parsed at start-up, are not
    read twice; any other word is asked ``word_is_known`` (under 1 µs) first.

    Once the dictionary knows the word, every reading ``parse`` gives is known, and none is
    filtered (``Parse.is_known`` is one more dictionary look-up per reading, ~1.5 µs): pymorphy3
    stops at its first group of analysers that reads the word, which for a known word is the
    dictionary's group, and each reading there is of the dictionary's own spelling of the word
    or of the word itself. A test checks this on every word of the project's testimonies.
    Cached."""
    return _known(_ascii_apostrophes(word.lower()), lang)


@lru_cache(maxsize=200_000)
def _known(word: str, lang: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    morph = _analyzer(lang)
    if _by_dictionary(morph, word):  # one look-up, not word_is_known first: empty when unknown
        return _dictionary_readings(morph, word)
    if not morph.word_is_known(word):
        return ()
    return _parse(word, lang)


# Closed word classes: pronouns, prepositions, conjunctions, particles, interjections
CLOSED_CLASSES = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ"})


@lru_cache(maxsize=10_000)
def closed_class(word: str) -> bool:
    """Whether a dictionary (uk or ru) reads the word as a pronoun, preposition, conjunction,
    particle or interjection."""
    return any(grammemes(r) & CLOSED_CLASSES for lang in ("uk", "ru") for r in known(word, lang))


def in_a_dictionary(word: str) -> bool:
    """Whether a dictionary (uk or ru) knows the word."""
    return any(known(word, lang) for lang in ("uk", "ru"))


def reads_as(word: str, grammeme: str) -> bool:
    """Whether a dictionary (uk or ru) reads the word with this grammeme ("Name", "Patr",
    "Geox", "gent")."""
    return any(grammeme in grammemes(r) for lang in ("uk", "ru") for r in known(word, lang))


# A familiar form in -ка of a given name, in any case: "Светка", "Ирку", "Лёшкой" (the stem
# before it, then the soft sign the name's own stem may end in)
_FAMILIAR = re.compile(r"(\w{2,}?)(ь?)к(?:а|и|і|е|у|ой|ою|о)")


def familiar_name(word: str) -> bool:
    """Whether a word is the familiar form in -ка of a given name a dictionary knows: the
    dictionaries know "Наташка" and "Танька", but not "Светка", "Ирка" or "Лёшка", whose names
    (Света, Ира, Лёша) they do. For words no dictionary knows: the caller asks."""
    match = _FAMILIAR.fullmatch(word.lower())
    if match is None:
        return False
    stem, soft = match.groups()
    return any(reads_as(stem + ending, "Name") for ending in (("я",) if soft else ("а", "я")))


# Case endings of colloquial given names no dictionary knows, by the nominative's ending
# (Ukrainian and Russian together: a superset, looked up whole, so a form no one writes costs
# nothing): "Димон" -> Димона, Димону, Димоном; "Тоха" -> Тохи, Тохой; "Мишаня" -> Мишане
_HARD_ENDINGS = ("", "а", "у", "ом", "ем", "е", "ові")
_A_ENDINGS = ("а", "и", "ы", "і", "е", "у", "ой", "ою", "о")
_YA_ENDINGS = ("я", "и", "і", "е", "ю", "ей", "ею")


def colloquial_forms(names: list[str]) -> frozenset[str]:
    """Every case form of colloquial given names ("димон", "санёк", "тоха"), in the lookup
    spelling (lower case, ё as е). A final -ёк/-ьок/-ок/-ец loses its vowel ("Санёк" ->
    Санька, "Юрец" -> Юрца)."""
    forms_: set[str] = set()
    for name in (n.lower().replace("ё", "е") for n in names):
        if name.endswith("я"):
            forms_.update(name[:-1] + e for e in _YA_ENDINGS)
        elif name.endswith("а"):
            forms_.update(name[:-1] + e for e in _A_ENDINGS)
        else:
            forms_.add(name)
            stem = name
            if name.endswith("ьок"):
                stem = name[:-3] + "ьк"
            elif name.endswith(("ек", "ок")):
                stem = name[:-2] + ("к" if name[-3] in "шжчщ" else "ьк")
            elif name.endswith("ец"):
                stem = name[:-2] + "ц"
            forms_.update(stem + e for e in _HARD_ENDINGS if e or stem == name)
    return frozenset(forms_)


@lru_cache(maxsize=10_000)
def noun_cases(word: str) -> frozenset[str]:
    """The cases a dictionary (uk or ru) reads the word in as a noun ("Олійником": ablt);
    empty for a word neither reads as one."""
    return frozenset(r.tag.case for lang in ("uk", "ru") for r in known(word, lang)
                     if r.tag.POS == "NOUN" and r.tag.case)


Agreement = tuple[str, str, str]  # case, number, gender ("" in the plural or where untold)


def qualifies(word: str, following: str) -> bool:
    """Whether ``word`` can be an adjective qualifying ``following``: one of its adjective (or
    participle) readings agrees with a noun, adjective or participle reading of the next word in
    case and number, and in gender in the singular ("Київського вокзалу", "Вінницький
    районний"), or the next word is an abbreviation in capitals ("Вінницький ОТЦК"). A word of
    one letter is qualified by nothing: "под Ореховом с лета" is the town and "с" a preposition,
    whatever abbreviation the dictionary also reads it as; nor by a pronoun, whose indeclinable
    readings agree with any case: "под Новомосковском его ранило" is the town."""
    forms = _adjective_forms(word)
    if not forms or len(following) < 2 or closed_class(following):
        return False
    if following.isupper():
        return True
    return not forms.isdisjoint(_agreeing_forms(following))


def qualified_mid_sentence(text: str, toks: Tokens, i: int) -> bool:
    """Whether the word before token ``i`` is a capitalised adjective qualifying it, one space
    before it and not opening a sentence: "Верховной Рады", "на Холодной Горе" name something
    as a pair, not a village Рады or a man called Горе."""
    if i == 0 or text[toks.ends[i - 1] : toks.starts[i]] != " ":
        return False
    before = toks.words[i - 1]
    return is_capitalised(before) and not sentence_start(text, toks.starts[i - 1]) \
        and qualifies(before, toks.words[i])


@lru_cache(maxsize=100_000)
def _adjective_forms(word: str) -> frozenset[Agreement]:
    """The agreement forms of a word's adjective readings (empty when it has none)."""
    return frozenset(_agreement(r) for lang in ("uk", "ru") for r in known(word, lang)
                     if r.tag.POS in ("ADJF", "PRTF"))


@lru_cache(maxsize=100_000)
def _agreeing_forms(word: str) -> frozenset[Agreement]:
    """The agreement forms of the noun, adjective or participle readings of a word."""
    return frozenset(_agreement(r) for lang in ("uk", "ru") for r in known(word, lang)
                     if r.tag.POS in ("NOUN", "ADJF", "PRTF"))


def _agreement(reading: pymorphy3.analyzer.Parse) -> Agreement:
    tag = reading.tag
    number = tag.number or ""
    return (tag.case or "", number, "" if number == "plur" else tag.gender or "")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def token_key(word: str) -> str:
    """The indexed spelling: lower case, apostrophes dropped (FTS5 would split on them)."""
    return _APOSTROPHES.sub("", word.lower())


@lru_cache(maxsize=500_000)
def forms(word: str) -> frozenset[str]:
    """The surface token and, for Cyrillic words, the lemmas of its likeliest readings."""
    token = token_key(word)
    if not CYRILLIC.search(word):
        return frozenset({token})
    lemmas = {token_key(reading.normal_form) for lang in ("uk", "ru")
              for reading in known(word, lang)[:_READINGS]}
    if lemmas:
        return frozenset({token, *lemmas})
    langs = [lang for lang, letters in (("uk", _UK_LETTERS), ("ru", _RU_LETTERS))
             if letters.search(word)] or ["uk", "ru"]
    guesses = {token_key(readings[0].normal_form) for lang in langs
               if (readings := parse(word, lang))}
    return frozenset({token, *guesses})


def index_terms(text: str) -> str:
    """The space-separated terms stored in the FTS5 ``terms`` column for ``text``."""
    return " ".join(frozenset().union(*map(forms, words(text))))


def query_groups(query: str) -> list[list[str]]:
    """One group of alternatives per query word; a trailing ``*`` keeps a prefix search."""
    groups = []
    for raw in query.split():
        if raw.endswith("*") and words(raw):
            groups.append([token_key(words(raw)[0]) + "*"])
            continue
        for word in words(raw):
            groups.append(sorted(forms(word)))
    return groups


def matches(word: str, groups: list[list[str]]) -> bool:
    """Whether a word of a result's text is one the query matched (for snippets)."""
    found = forms(word)
    for group in groups:
        for alt in group:
            if alt.endswith("*") and any(f.startswith(alt[:-1]) for f in found):
                return True
            if alt in found:
                return True
    return False
