"""Names as chats write them, in lower case, where something beside a word says it is a name:
a patronymic after it, a name cue before it (``persons``), or, in a text written in lower case, a
relative or an acquaintance before it, a greeting beside it, or a preposition before it that
takes it only as a given name — or, there, nothing: a word the dictionaries read only as a given
name ("олег", "наталя"). A lower-case word that is also an ordinary one needs the cue (олена,
ірина, надія are common nouns and adjectives too)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from pymorphy3.analyzer import Parse

from svidok.analysis import language, lexicons
from svidok.analysis.lemmas import closed_class, grammemes, in_a_dictionary, known, reads_as
from svidok.analysis.placecues import cues
from svidok.analysis.tokens import Tokens, in_lower_case

# A patronymic's suffix (Ukrainian and Russian, before a case ending of up to three letters):
# the few words of a text that can be one, found by a scan for the suffixes alone (a pattern for
# the whole word cost four times as much); the dictionaries then confirm them.
_PATRONYMIC_SUFFIX = re.compile(r"ович|евич|івн|ївн|овн|евн")
_CASE_ENDING = 3


def lower_case_names(
    text: str, toks: Tokens, names: list[tuple[int, int]], inside: set[int],
    cued: list[int],
) -> list[tuple[int, int]]:
    """Names as chats write them, in lower case: a given name and a patronymic ("мамі тамарі
    іванівні", "маме тамаре ивановне"), a given name after a name cue or a relative (``cued``:
    "зовут меня виталик", "дружина ірина"), and then every other lower-case form of that given
    name in the text ("тамара сказала")."""
    taken = {k for i, j in names for k in range(i, j)}
    pairs: list[tuple[int, int]] = []
    surname_first: dict[int, int] = {}  # a given name -> the surname before it, where one is
    for match in _PATRONYMIC_SUFFIX.finditer(text):
        i = bisect_right(toks.starts, match.start()) - 1
        if i < 1 or toks.ends[i] - match.end() > _CASE_ENDING or i in taken \
                or i - 1 in taken or toks.starts[i - 1] in inside \
                or text[toks.ends[i - 1] : toks.starts[i]] != " ":
            continue
        given, patronymic = toks.words[i - 1], toks.words[i]
        if given.islower() and patronymic.islower() and reads_as(patronymic, "Patr") \
                and reads_as(given, "Name"):
            pairs.append((i - 1, i + 1))
            taken.update((i - 1, i))
            if _surname_before(text, toks, i - 1, taken, inside):
                surname_first[i - 1] = i - 2
                taken.add(i - 2)
    # after the patronymics: a cued given name keeps the patronymic after it ("дружина олена
    # миколаївна")
    pairs += [(k, k + 1) for k in dict.fromkeys(cued)  # once, if both a cue and a relative
              if k not in taken and toks.starts[k] not in inside]
    taken.update(k for k, _ in pairs)
    if not pairs:
        return []
    spellings = {form for i, _ in pairs for form in _given_name_forms(toks.words[i])}
    again = [(k, k + 1) for k, word in enumerate(toks.words)
             if k not in taken and word in spellings and toks.starts[k] not in inside]
    return [(surname_first.get(i, i), j) for i, j in (_with_surname(text, toks, pair, inside)
                                                      for pair in pairs + again)]


def _surname_before(text: str, toks: Tokens, i: int, taken: set[int], inside: set[int]) -> bool:
    """Whether the lower-case word before the given name ``i`` of a name and patronymic is a
    surname, as forms and statements put it first: "муж - макаренко александр сергеевич" (not
    "майор олег петрович": a rank, though a surname too)."""
    k = i - 1
    if k < 0 or k in taken or toks.starts[k] in inside or not toks.words[k].islower() \
            or text[toks.ends[k] : toks.starts[i]] != " ":
        return False
    return reads_as(toks.words[k], "Surn") and not lexicons.of(text).role_keys(k)


def _with_surname(
    text: str, toks: Tokens, pair: tuple[int, int], inside: set[int],
) -> tuple[int, int]:
    """The name ``pair`` with the lower-case word right after it where the dictionaries read
    that word as a surname: "андрей савчук, 1994" (not "андрей сказал", "ірина мама")."""
    i, j = pair
    if j < len(toks) and toks.words[j].islower() and toks.starts[j] not in inside \
            and text[toks.ends[j - 1] : toks.starts[j]] == " " and reads_as(toks.words[j], "Surn"):
        return i, j + 1
    return pair


@lru_cache(maxsize=1_000)
def _given_name_forms(word: str) -> frozenset[str]:
    """Every form of the given names a word can be, in lower case ("тамаре" -> тамара, тамари,
    тамарой, …), from the dictionaries' paradigms."""
    return frozenset(form.word for lang in ("uk", "ru") for r in known(word, lang)
                     if "Name" in grammemes(r) for form in r.lexeme)


def after_relatives(
    text: str, toks: Tokens, given: Callable[[str], bool], greetings: frozenset[str],
    introductions: frozenset[str], prepositions: dict[str, frozenset[str]],
) -> list[int]:
    """In a text written in lower case (a chat), the lower-case words right after a noun of
    kinship or acquaintance (persons.yaml, ``relations``) that can be a given name (``given``:
    what the dictionaries read as one, and the diminutives): "мій сусід сашко", "дружина
    ірина", "з братом андрієм", with a pronoun between too ("жена его катя"); such a word
    right before or after a greeting, as the person greeted (``greetings``: "саня привет",
    "привіт, олю"); a given name in the case a preposition takes (``_governed``: "я від
    колі"); a word that can only be a given name (``_only_a_name``: "це олег"), or that no
    dictionary knows and ``given`` takes for one (a colloquial form: "димон тоже ушёл"); and a word
    joined by a conjunction to one of these (``_joined_to``: "коля і вітьок"). In capitalised
    prose a lower-case word there is a word."""
    if not in_lower_case(text):
        return []
    found = _greeted(text, toks, given, greetings, introductions) \
        + _governed(text, toks, prepositions) \
        + [k for k, word in enumerate(toks.words) if _only_a_name(word)
           or (word.islower() and not in_a_dictionary(word) and given(word))]
    for i, facts in lexicons.of(text).marked:
        k = i + 1
        if facts.relation and k + 1 < len(toks) and _pronoun(toks.words[k]) \
                and text[toks.ends[k] : toks.starts[k + 1]] == " ":
            k += 1  # "жена его катя", "брат мій сашко"
        if facts.relation and k < len(toks) and toks.words[k].islower() \
                and text[toks.ends[k - 1] : toks.starts[k]] == " " \
                and given(toks.words[k]):
            found.append(k)
        k = i - 2  # the name first, then whose relative: "юрко мій брат", "оля моя сестра"
        if facts.relation and k >= 0 and _pronoun(toks.words[k + 1]) \
                and text[toks.ends[k] : toks.starts[k + 1]] == " " \
                and text[toks.ends[k + 1] : toks.starts[i]] == " " \
                and toks.words[k].islower() and given(toks.words[k]):
            found.append(k)
    return found + _joined_to(text, toks, found, given)


def _joined_to(
    text: str, toks: Tokens, found: list[int], given: Callable[[str], bool],
) -> list[int]:
    """The lower-case words joined by "і", "и", "та" or "and" to a given name ``found``, that
    can be a given name too: "коля і вітьок теж пішли" (вітьок is only a name; коля is also a
    Russian participle and a Ukrainian surname's genitive). A name beside a name is a name."""
    conjunctions = cues().conjunctions
    joined = []
    for i in found:
        for k in (i - 2, i + 2):
            if 0 <= k < len(toks) and toks.words[(i + k) // 2] in conjunctions \
                    and toks.words[k].islower() and given(toks.words[k]) \
                    and all(text[toks.ends[m] : toks.starts[m + 1]] == " "
                            for m in range(min(i, k), max(i, k))):
                joined.append(k)
    return joined


_ACCUSATIVE = frozenset({"accs"})
_PERSONAL = frozenset({"Name", "Surn"})


@lru_cache(maxsize=10_000)
def _a_verb(word: str) -> bool:
    """Whether a dictionary reads the word as a verb in a personal form ("забрали", "бачив";
    the Ukrainian dictionary does not mark which verbs take an object), memoised: it is asked
    of every word of a chat."""
    return reads_as(word, "VERB")


@lru_cache(maxsize=1_000)
def _pronoun(word: str) -> bool:
    """Whether a dictionary reads the word as a pronoun, possessive ones included ("его",
    "мій", "мой")."""
    return any(r.tag.POS == "NPRO" or "Apro" in grammemes(r) for lang in ("uk", "ru")
               for r in known(word, lang))


@lru_cache(maxsize=100_000)
def _only_a_name(word: str) -> bool:
    """Whether a lower-case word is a person's name to every dictionary that knows it, in every
    reading, a given name in one at least, and not only an indeclinable one: "це олег з
    кременчука", "дав андрій", "наталя каже", "вітька поранило" (Вітька, Вітьок, or the
    surname Вітько) (not "олена", "надія", "роман", "ігор", "юра": words too; not "арти")."""
    if not word.islower():
        return False
    readings = [grammemes(r) for lang in ("uk", "ru") for r in known(word, lang)]
    return any("Name" in tags for tags in readings) \
        and all(tags & _PERSONAL for tags in readings) \
        and not all("Fixd" in tags for tags in readings)


def _greeted(
    text: str, toks: Tokens, given: Callable[[str], bool], greetings: frozenset[str],
    introductions: frozenset[str],
) -> list[int]:
    """The lower-case words beside a greeting, set off by a space or a comma, that can be a
    given name: "саня привет", "привіт, олю" (not "привет всем"); after a greeting and a word
    that introduces the writer (``introductions``), the writer's name: "привет, это лена",
    "привіт, це оля з харкова"."""
    found = []
    for i, word in enumerate(toks.words):
        if word.lower() not in greetings:
            continue
        for k in (i - 1, i + 1):
            if not 0 <= k < len(toks) or \
                    text[toks.ends[min(i, k)] : toks.starts[max(i, k)]] not in (" ", ", "):
                continue
            if k > i and toks.words[k] in introductions and k + 1 < len(toks) \
                    and text[toks.ends[k] : toks.starts[k + 1]] == " ":
                k += 1
            if toks.words[k].islower() and given(toks.words[k]):
                found.append(k)
    return found


def _readings(word: str, lang: str) -> list[Parse]:
    """The word's readings in the dictionary of the text's language ``lang`` where it knows the
    word ("моего сашу": the Ukrainian dictionary's sachet has no say in Russian), else in
    both."""
    if lang in ("uk", "ru") and (readings := known(word, lang)):
        return list(readings)
    return [r for other in ("uk", "ru") for r in known(word, other)]


def _governed(text: str, toks: Tokens, prepositions: dict[str, frozenset[str]]) -> list[int]:
    """The lower-case words right after a preposition or a possessive (``prepositions``: the
    cases they take) or a verb (the accusative, its object) that have a reading in those cases
    and only given names' readings there, in the text's language where its dictionary knows the
    word (``_readings``): "я від колі" (Коля in the genitive; колі is of коло only in the
    dative and locative), not "у колі друзів"; "забрали макса" (Макс in the accusative; макса
    is also a noun, but not in the accusative), not "забрали веру" (faith too); "моего сашу",
    not "моя надія" (hope too)."""
    found = []
    lang = language.detect(text)
    for i, word in enumerate(toks.words[:-1]):
        cases = prepositions.get(word.lower()) or (_ACCUSATIVE if _a_verb(word) else None)
        k = i + 1
        if cases is None or not toks.words[k].islower() \
                or text[toks.ends[i] : toks.starts[k]] != " ":
            continue
        if closed_class(toks.words[k]):
            continue  # "ушёл из": a preposition, though the plural of Иза too
        readings = [r for r in _readings(toks.words[k], lang) if r.tag.case in cases]
        # an indeclinable name ("арти", a Russian reading of artillery slang) tells no case; a
        # reading of the name's own dictionary form as a noun of a person is the name too ("з
        # вовою": the Ukrainian dictionary also has an animate feminine вова; not "з романом",
        # a novel)
        if any("Fixd" in grammemes(r) for r in readings):
            continue
        names = {r.normal_form for r in readings if "Name" in grammemes(r)}
        if names and all("Name" in grammemes(r)
                         or (r.normal_form in names and "anim" in grammemes(r))
                         for r in readings):
            found.append(k)
    return found
