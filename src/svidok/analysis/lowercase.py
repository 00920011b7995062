"""Places written in lower case, as chats write them ("короче меня взяли в днепре", "пишу з
позицій під куп'янськом"): only where the whole text or the sentence is in lower case, only
after a preposition or in brackets after a place, and only names no ordinary word has.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import lru_cache

from pymorphy3.analyzer import Parse

from svidok.analysis.gazetteer import Candidate, Gazetteer, span_places, unique
from svidok.analysis.homonyms import MAJOR_CITY, TOWN_POPULATION
from svidok.analysis.lemmas import grammemes, known, qualifies, reads_as
from svidok.analysis.placecues import cues
from svidok.analysis.placekeys import normalise
from svidok.analysis.tokens import Tokens


def lower_case_places(
    text: str, toks: Tokens, found: list[tuple[int, int, list[Candidate]]], gaz: Gazetteer,
    within: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, list[Candidate]]]:
    """In a text written in lower case, or ``within`` its sentences that are (``tokens.
    lower_case_sentences``: "пишу з позицій під куп'янськом. Я третій рік …"), a place right
    after a preposition ("короче меня взяли в днепре", "з києва", "in kyiv") or in brackets
    right after a place, its other name ("в покровске (красноармейск)"): the name is in lower
    case like every other word. Only a word the dictionaries read as a noun or an adjective, if
    at all ("ровно" is an adverb), and an adjective only where it does not qualify the next word
    ("на рівне місце"; "в краматорську лікар" is the city: the city's own adjective has the same
    form), and only major cities: a village's name is too often an ordinary word. A word the
    dictionaries know only as a place name (Geox: "в мерефе", "в молдове", "в кишиневе") is that
    place, of any size, abroad too; so is a town of 10,000 or more whose name ends as only
    towns' do ("в куп'янську", ``_lower_case_town``), and an oblast's regional name ("на
    полтавщині"), and a city's district where the text names the city ("в харькове на
    салтовке"). After the Russian "с" ("я с харькова") only a genitive: "с" before any other
    case is "with"."""
    taken = {k for i, j, _ in found for k in range(i, j)}
    texts = toks.words
    c = cues()
    after = [k + 1 for k in itertools.compress(
        range(len(texts) - 1),
        map((c.prepositions | c.genitive_prepositions).__contains__, texts))]
    # its other name in brackets after a place: "в покровске (красноармейск)"
    bracketed = [j for _, j, _ in found if j < len(texts)
                 and text[toks.ends[j - 1] : toks.starts[j]].strip() == "("]
    if within is not None:
        after, bracketed = inside(after, toks, within), inside(bracketed, toks, within)
    hits = _lower_case_at(text, toks, after, taken, gaz)
    bracketed += [j for _, j, _ in hits if j < len(texts)
                  and text[toks.ends[j - 1] : toks.starts[j]].strip() == "("]
    if bracketed:
        hits += _lower_case_at(text, toks, bracketed, taken, gaz)
    # a district of a city the text names: "в харькове на салтовке"
    cities = {c.oblast_pcode for _, _, cs in (*found, *hits) for c in cs if c.place.level == "city"}
    if cities:
        def district(word: str) -> list[Candidate]:
            return [c for c in _lower_case_district(word, gaz) if c.oblast_pcode in cities]
        found_here = {k for i, j, _ in hits for k in range(i, j)}
        hits += _lower_case_at(text, toks, after, taken | found_here, gaz, district)
    return hits


def inside(at: list[int], toks: Tokens, spans: list[tuple[int, int]]) -> list[int]:
    """The words ``at`` that start inside one of the character ``spans``."""
    return [i for i in at if any(s <= toks.starts[i] < e for s, e in spans)]


def _lower_case_at(
    text: str, toks: Tokens, at: list[int], taken: set[int], gaz: Gazetteer,
    named: Callable[[str], list[Candidate]] | None = None,
) -> list[tuple[int, int, list[Candidate]]]:
    """The lower-case places among the words ``at`` (``lower_case_places``): the towns,
    regions and places named only as places, or what ``named`` finds for a word."""
    texts = toks.words
    c = cues()
    hits = []
    for i in at:
        if i in taken or (texts[i - 1] in c.genitive_prepositions
                          and not reads_as(texts[i], "gent")):
            continue
        if named is None and i + 1 not in taken and (pair := _lower_case_pair(text, toks, i, gaz)):
            hits.append((i, i + 2, pair))
            continue
        if i + 1 < len(texts) and qualifies(texts[i], texts[i + 1]):
            continue
        near = texts[i - 1] in c.near_prepositions
        if places := named(texts[i]) if named is not None else (
                _lower_case_town(texts[i], gaz, near) or _named_only_as_place(texts[i], gaz)
                or _lower_case_region(texts[i], gaz)):
            hits.append((i, i + 1, places))
    return hits


def _lower_case_pair(text: str, toks: Tokens, i: int, gaz: Gazetteer) -> list[Candidate]:
    """A city of 100,000 or more whose name is two words, in lower case with a space between:
    "в кривом роге", "у білій церкві"."""
    texts = toks.words
    if i + 1 >= len(texts) or text[toks.ends[i] : toks.starts[i + 1]] != " " \
            or normalise(texts[i + 1])[:1] not in gaz.word(texts[i]).next_initials:
        return []
    return [c for c in span_places((texts[i], texts[i + 1]), gaz)
            if c.place.level == "city" and not c.place.foreign and c.population >= MAJOR_CITY]


@lru_cache(maxsize=10_000)
def _lower_case_district(word: str, gaz: Gazetteer) -> list[Candidate]:
    """The city districts a lower-case word names ("салтовке", "оболоні", "подолі") where the
    dictionaries read it as a noun or not at all: "на заводском" is an adjective."""
    if not word.islower() or any(r.tag.POS != "NOUN" for lang in ("uk", "ru")
                                 for r in known(word, lang)):
        return []
    return [c for c in gaz.word(word).places if c.place.level == "district"]


@lru_cache(maxsize=10_000)
def _lower_case_region(word: str, gaz: Gazetteer) -> list[Candidate]:
    """The oblast a lower-case regional name stands for ("на полтавщині", "на харьковщине"):
    a -щина name is no ordinary word."""
    if "щин" not in word and "ччин" not in word:  # Полтавщина, Донеччина, Вінниччина
        return []
    return [c for c in gaz.word(word).places if c.place.level == "oblast"]


@lru_cache(maxsize=10_000)
def _named_only_as_place(word: str, gaz: Gazetteer) -> list[Candidate]:
    """The places a lower-case word names where a dictionary knows it as a place name and as
    nothing else ("молдове" in Russian; the Ukrainian dictionary's reading of the Russian form as
    another word does not count)."""
    if not word.islower() or not any(
            readings and all("Geox" in grammemes(r) for r in readings)
            for readings in (known(word, "uk"), known(word, "ru"))):
        return []
    return unique(gaz.word(word).places)


# Endings only town names have ("Куп'янськ", "Торецьк", "Миргород", "Тернопіль"): such a town
# of 10,000 or more is meant by its name in lower case, as a city of 100,000 is.
_TOWN_SUFFIXES = ("ськ", "цьк", "град", "город", "піль", "поль")
# A city this large is meant by its name in lower case when the dictionaries read the word as
# nothing but a noun (``_only_a_noun``): "в ізмаїлі", "в умані"; after "під", "з-під" and the
# like (cues.yaml ``near_prepositions``), as the front is named ("під кураховим", "под
# соледаром"), a town of 10,000
_NAMED_CITY = 30_000


@lru_cache(maxsize=10_000)
def _lower_case_town(word: str, gaz: Gazetteer, near: bool = False) -> list[Candidate]:
    """The places a lower-case word names: the cities of 100,000 or more, the towns of 10,000
    or more with a town's ending and, where the dictionaries read the word as nothing but a
    noun (``_only_a_noun``), the cities of 30,000 or more, or after "під", "з-під" and the like
    (``near``) the towns of 10,000; none where they read it as anything but a noun or an
    adjective."""
    readings = [r for lang in ("uk", "ru") for r in known(word, lang)]
    if not word.islower() or any(r.tag.POS not in ("NOUN", "ADJF") for r in readings):
        return []
    named = _only_a_noun(readings, near)
    smallest = TOWN_POPULATION if near else _NAMED_CITY
    return unique([c for c in gaz.word(word).places
                   if c.place.level == "city" and not c.place.foreign and (
                       c.population >= MAJOR_CITY or (c.population >= TOWN_POPULATION and
                                                      c.place.name_uk.lower().endswith(
                                                          _TOWN_SUFFIXES))
                       or (named and c.population >= smallest))])


def _only_a_noun(readings: list[Parse], near: bool = False) -> bool:
    """Whether a word's readings are all of inanimate nouns or of given names and surnames,
    and, with a name among them, one is an inanimate noun in the locative: "в ізмаїлі", "в
    умані", "в коломиї" (not "у володимира", at Volodymyr's; not "в стрию", an uncle), or,
    ``near`` (after "під"/"под"), in the instrumental: "под бахмутом"; or no dictionary knows
    the word."""
    if any(r.tag.POS != "NOUN" or (
            "anim" in grammemes(r) and not {"Name", "Surn"} & grammemes(r)) for r in readings):
        return False
    cases = ("loct", "ablt") if near else ("loct",)
    return not any({"Name", "Surn"} & grammemes(r) for r in readings) or any(
        "inan" in grammemes(r) and r.tag.case in cases for r in readings)
