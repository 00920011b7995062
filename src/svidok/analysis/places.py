"""Places in a text: settlements, raions, hromadas, oblasts (also as "Харківській області" or
"Львівщині"), foreign and informal places, in any case form and in three languages.

Candidates are capitalised word sequences (up to four words) whose keys are in the gazetteer.
Longest match first. Homonyms (119 villages called Іванівка) are resolved by an oblast the text
names elsewhere, then by level (city before village), then by population.

Precision guard: a single word that only matches villages and is also a common word or a name
("Мирне", "Шевченко") counts as a place only after a locative preposition ("в Мирному").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache

from svidok.analysis import language, lexicons
from svidok.analysis.adjectival import (
    former_raion,
    front_sector,
    office_kind,
    office_place,
    office_words,
)
from svidok.analysis.gazetteer import Candidate, Gazetteer, load, span_places, unique
from svidok.analysis.homonyms import MAJOR_CITY, TOWN_POPULATION, anchor, choose, narrowed
from svidok.analysis.lemmas import (
    CLOSED_CLASSES,
    grammemes,
    known,
    qualified_mid_sentence,
    qualifies,
    reads_as,
)
from svidok.analysis.lowercase import inside, lower_case_places
from svidok.analysis.persons import lexicon
from svidok.analysis.placecues import before_a_street_noun, cased, cues
from svidok.analysis.placekeys import name_keys, normalise, word_keys
from svidok.analysis.tokens import (
    Tokens,
    capitalised,
    in_lower_case,
    lower_case_sentences,
    mark_before,
    tokens,
    without_possessive,
    words,
)
from svidok.domain.annotations import Entity, Place

_MAX_WORDS = 4
_LATIN = re.compile(r"[A-Za-z'’-]+")


def find(text: str, gazetteer: Gazetteer | None = None) -> list[Entity]:
    gaz = gazetteer or load()
    toks = tokens(text)
    texts = words(text)
    found: list[tuple[int, int, list[Candidate]]] = []
    oblast_nouns, direction_nouns = cased(cues().oblast_nouns), cased(cues().direction_nouns)
    raion_nouns = cased(cues().raion_nouns)
    # A place starts at a word before "область", "напрямку" or "району" (in lower, title or
    # capital letters; before "району" only a capitalised one is read, as a raion abolished in
    # 2020), or at a capitalised word that names a place or begins a longer name. Most
    # capitalised words (sentence starts, names) are neither: one memoised look-up each says so.
    nouns = oblast_nouns | direction_nouns | raion_nouns
    before_nouns = [k for k in itertools.compress(range(-1, len(texts) - 1),
                                                  map(nouns.__contains__, texts)) if k >= 0]
    caps = capitalised(text)
    hits_at = map(gaz.word, map(texts.__getitem__, caps))
    live = [i for i, hits in zip(caps, hits_at, strict=True) if hits.places or hits.starts_name]
    offices = office_words()
    # lower case as a chat writes it: the whole text, or ``within`` its lower-case sentences
    lower = in_lower_case(text)
    within = None if lower else lower_case_sentences(text)
    # a place adjective before an office word is capitalised, or in lower case where the text
    # is ("в лубенському тцк", "на яворівському полігоні")
    before_offices = [k for k in itertools.compress(range(-1, len(texts) - 1),
                                                    map(offices.__contains__, texts)) if k >= 0]
    if not lower:
        lowered = set(inside(before_offices, toks, within)) if within else set()
        before_offices = [k for k in before_offices if texts[k][:1].isupper() or k in lowered]
    if before_nouns or before_offices:
        starts = sorted({*live, *before_nouns, *before_offices})
    else:
        starts = live
    free = 0  # the first token not inside a place found already
    at_offices: set[int] = set()
    for i in starts:
        if i < free:
            continue
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if following in direction_nouns and (sector := front_sector(texts[i], gaz)):
            found.append((i, i + 1, sector))
            free = i + 2
            continue
        if following in offices and not _after_given_name(text, toks, i) and (
                office := office_place(texts[i], office_kind(following), gaz)):
            n = 2 if following.lower() in cues().poi_nouns else 1
            found.append((i, i + n, office))
            at_offices.add(i)
            free = i + n
            continue
        if not texts[i][:1].isupper() and following not in oblast_nouns:
            continue
        match = _match_at(text, toks, i, gaz)
        if match is not None:
            found.append((i, match[0], match[1]))
            free = match[0]
        elif following in raion_nouns and (former := former_raion(texts[i], gaz)):
            found.append((i, i + 2, former))
            free = i + 2
    found += _before_regions(text, toks, found, gaz, lower, within)
    place_ends = {j for _, j, _ in found}
    found = [f for f in found if not _country_in_a_title(text, toks, f, place_ends)]
    found += _demonyms(text, found, gaz)
    if lower:
        found += lower_case_places(text, toks, found, gaz)
    elif within:
        found += lower_case_places(text, toks, found, gaz, within)
    found.sort(key=lambda f: f[0])
    found = narrowed(text, toks, found)
    mentions = [(toks.starts[i], pcode) for i, _, c in found if (pcode := anchor(c))]
    chosen = {i: choose(c, mentions, toks.starts[i]) for i, _, c in found if i not in at_offices}
    if at_offices:  # a city's district only where the text names a place in its oblast,
        # and of two, the one whose oblast is named nearest ("до Києва, до Деснянського РТЦК")
        named = [(toks.starts[i], c.oblast_pcode) for i, c in chosen.items()]
        for i, j, c in found:
            if i not in at_offices:
                continue
            if (city := _city_of_office(texts, j, chosen)) is not None:
                # "Шевченківський районний суд міста Києва": a district of that city, or none
                # the gazetteer has ("Дзержинский районный суд Кривого Рога", its old name)
                if kept := [x for x in c if x.place.level == "district"
                            and x.oblast_pcode == city.oblast_pcode]:
                    chosen[i] = choose(kept, named, toks.starts[i])
                continue
            if kept := [x for x in c if x.place.level != "district"
                        or any(x.oblast_pcode == p for _, p in named)]:
                chosen[i] = choose(kept, named, toks.starts[i])
    return [_entity(text, toks, i, j, chosen[i]) for i, j, _ in found if i in chosen]


# "суд м. Києва", "District Court of Kyiv"
_CITY_NOUNS = frozenset({"м", "г", "міста", "города", "of", "Court", "court"})


def _city_of_office(texts: list[str], j: int, chosen: dict[int, Candidate]) -> Candidate | None:
    """The city named right after an office adjective's words (ending at token ``j``) and the
    office's own ("районний суд м. Києва", "районный суд Кривого Рога"), or None."""
    offices = office_words()
    k = j
    while k < len(texts) and (texts[k] in offices or texts[k] in _CITY_NOUNS):
        k += 1
    city = chosen.get(k) if k > j else None
    return city if city is not None and city.place.level == "city" else None


Match = tuple[int, list[Candidate]]


def _demonyms(
    text: str, found: list[tuple[int, int, list[Candidate]]], gaz: Gazetteer,
) -> list[tuple[int, int, list[Candidate]]]:
    """"бахмутовец", "киянами", "харків'янка": the city its people are named after."""
    taken = {k for i, j, _ in found for k in range(i, j)}
    hits = []
    for i, facts in lexicons.of(text).marked:  # the words in a list (``lexicons``)
        city = _city(facts.city, gaz) if facts.city else None
        if city is not None and i not in taken:
            hits.append((i, i + 1, [city]))
    return hits


_SETTLEMENTS = frozenset({"city", "settlement", "village"})


def _before_regions(
    text: str, toks: Tokens, found: list[tuple[int, int, list[Candidate]]], gaz: Gazetteer,
    lower: bool, within: list[tuple[int, int]] | None,
) -> list[tuple[int, int, list[Candidate]]]:
    """A word right before an oblast or a raion that names a settlement in its oblast: "до
    Малина Житомирської області" (Малина is a surname and a berry too), and in lower case where
    the text is (``lower``) or the sentence (``within``): "в малині житомирської області"."""
    taken = {k for i, j, _ in found for k in range(i, j)}
    hits = []
    for i, _, candidates in found:
        k = i - 1
        regions = {c.oblast_pcode for c in candidates if c.place.level in ("oblast", "raion")}
        if k < 0 or k in taken or not regions or text[toks.ends[k] : toks.starts[i]] != " " \
                or not (toks.words[k][:1].isupper() or lower
                        or inside([k], toks, within or [])):
            continue
        if there := [c for c in gaz.word(toks.words[k]).places
                     if c.place.level in _SETTLEMENTS and c.oblast_pcode in regions]:
            hits.append((k, i, unique(there)))
    return hits


def _city(name: str, gaz: Gazetteer) -> Candidate | None:
    """The largest city of that name."""
    cities = [c for key in name_keys(name.split()) for c in gaz.lookup(key)
              if c.place.level == "city" and not c.place.foreign]
    return max(cities, key=lambda c: c.population) if cities else None


def _match_at(text: str, toks: Tokens, i: int, gaz: Gazetteer) -> Match | None:
    oblast = _oblast_phrase(toks, i, gaz)
    if oblast is not None:
        return oblast
    if not toks.words[i][:1].isupper():
        return None
    hits = gaz.word(toks.words[i])
    longest = 1
    if i + 1 < len(toks) and normalise(toks.words[i + 1])[:1] in hits.next_initials:
        longest = _joined(text, toks, i, min(_MAX_WORDS, len(toks) - i))
    for n in range(longest, 1, -1):
        candidates = span_places(tuple(toks.words[i : i + n]), gaz)
        if candidates:
            return i + n, candidates
    if hits.places and _plausible_single(text, toks, i, hits.places, gaz):
        return i + 1, unique(hits.places)
    return None


def _oblast_phrase(toks: Tokens, i: int, gaz: Gazetteer) -> Match | None:
    """"Харківська область", "Харьковской области", "Kharkiv oblast" (two words)."""
    if i + 1 >= len(toks) or toks.words[i + 1].lower() not in cues().oblast_nouns:
        return None
    oblast = gaz.oblast_by_adjective(word_keys(toks.words[i]))
    if oblast is None:
        return None
    place = Place(toks.words[i], oblast.label, "oblast", oblast.pcode, oblast.label, oblast.iso)
    return i + 2, [Candidate(place, 0, oblast.pcode)]


_SMALL = ("village", "settlement")  # places too small to be meant by one word of an unknown name


def _joined(text: str, toks: Tokens, i: int, most: int) -> int:
    """How many words from ``i`` on (at most ``most``) are joined by a space or a hyphen."""
    n = 1
    while n < most and text[toks.ends[i + n - 1] : toks.starts[i + n]] in (" ", "-"):
        n += 1
    return n


def _plausible_single(
    text: str, toks: Tokens, i: int, candidates: list[Candidate], gaz: Gazetteer,
) -> bool:
    """A lone capitalised word is a place unless it reads as something else too and nothing
    (a preposition before it) says it is a place: "Мене" at a sentence start is a pronoun,
    not the town of Мена; "Шевченка" is a surname, not the village."""
    other = _other_reading(toks.words[i])
    town = max(c.population for c in candidates) >= TOWN_POPULATION
    before = toks.words[i - 1].lower() if i > 0 else ""
    if other == "function":
        # "в Ровно": a particle too, but after a preposition, capitalised, a word the
        # dictionary itself knows as a toponym is one
        return before in cues().prepositions and _geographic(toks.words[i])
    if before in cues().street_nouns or before_a_street_noun(text, toks, i + 1):
        return False  # "вул. Хмельницького", "Shevchenko Avenue": a street named after a man
    if before in cues().settlement_nouns or _abbreviated(text, toks, i):  # "село Київське",
        return True  # "пгт. Тараща"; a surname reading does not matter: "м. Львова Головатий"
    if before in cues().quoted_place_nouns and mark_before(text, toks.starts[i]) in "«\"“„":
        return True  # "навчального центру «Десна»"
    if _LATIN.fullmatch(toks.words[i]) and _cyrillic(text) and all(
            not c.place.foreign and c.population < MAJOR_CITY for c in candidates):
        return False  # "Volkswagen Passat" in a Ukrainian text: not the village Пасат
    if _LATIN.fullmatch(toks.words[i]) and i and normalise(toks.words[i - 1]) in \
            lexicon().not_names and _joined(text, toks, i - 1, 2) == 2:
        return False  # "Renault Logan": a make's model, not the city
    if all(c.place.foreign and c.population < MAJOR_CITY for c in candidates):
        # a town abroad of under 100,000 (the border towns of the neighbours) only where a
        # preposition says it is a place: "Police detained him" is not the Polish town; and
        # not a given name before a capitalised word: "a letter from Roman Sydorenko"
        return before in cues().prepositions and not (
            other == "name" and _next_is_capitalised(text, toks, i))
    if _after_given_name(text, toks, i) \
            and (not town or other == "name" or reads_as(toks.words[i], "ADJF")):
        # "Anna Hrytsai": a surname after a given name, not the village Грицаї; of a town too
        # where the word reads as a surname or an adjective: "Олег Хмельницький"
        return False
    if other == "name":  # "talked to Serhii", "з Тарасом": a name, unless a real town is meant
        if town and _between_places(toks, i, before, gaz):
            return True
        if (before not in cues().prepositions or _with_someone(before, toks.words[i])) \
                and _given_name(toks.words[i]):
            return False  # "Володимир розповів", "з Володимиром": the man, not the town
        return town and not _next_is_capitalised(text, toks, i)
    if _attributive(text, toks, i):  # "Київського вокзалу", "у Миколаївському ТЦК"
        return False
    if other == "word" and qualified_mid_sentence(text, toks, i):  # "Верховной Рады"
        return False
    if before in cues().prepositions or _between_places(toks, i, before, gaz):
        return True  # "между Гришино и Мирноградом": also a possessive adjective (Гриша's)
    opening = i == 0 or mark_before(text, toks.starts[i]) in ".!?:\n\"«—-"
    if other is None:
        return True
    if opening:  # "Мені сказали": the town of Мена has 11,000 people, Київ millions
        return max(c.population for c in candidates if not c.place.foreign) >= MAJOR_CITY \
            if any(not c.place.foreign for c in candidates) else False
    if town:
        return True
    if all(c.place.level in _SMALL for c in candidates) and toks.words[i - 1][:1].isupper() \
            and _joined(text, toks, i - 1, 2) == 2:
        return False  # "Часовым Яром" where the whole name was not found: not the village Яр
    return any(c.place.level != "village" for c in candidates)


def _after_given_name(text: str, toks: Tokens, i: int) -> bool:
    """Whether a given name stands right before the word: "Петро Вінницький ОТЦК не любив"
    is a man's surname, not the oblast's office."""
    return i > 0 and _given_name(toks.words[i - 1]) and _joined(text, toks, i - 1, 2) == 2


def _with_someone(before: str, word: str) -> bool:
    """Whether "з"/"с" before the word is "with": the word reads as an instrumental and not as a
    genitive ("з Володимиром", not "з Володимира")."""
    return before in cues().with_prepositions and reads_as(word, "ablt") \
        and not reads_as(word, "gent")


def _between_places(toks: Tokens, i: int, before: str, gaz: Gazetteer) -> bool:
    """Whether the word is one of two joined after "між", "между", "between" (or after a
    preposition), the other a place: "між Ізмаїлом і Рені", "між Рені та Ізмаїлом"."""
    return (before in cues().between or (
        before in cues().conjunctions and i >= 3
        and toks.words[i - 3].lower() in cues().between | cues().prepositions)) \
        and _beside_a_place(toks, i, gaz)


def _beside_a_place(toks: Tokens, i: int, gaz: Gazetteer) -> bool:
    """Whether the word joined to this one by a conjunction ("Ізмаїлом і Рені", "Рені та
    Ізмаїлом") names a place and is no given name."""
    for k in (i + 2, i - 2):
        if 0 <= k < len(toks) and toks.words[(i + k) // 2].lower() in cues().conjunctions:
            other = toks.words[k]
            if other[:1].isupper() and gaz.word(other).places and not _given_name(other):
                return True
    return False


_IN_THE_NAME_OF = frozenset({"іменем", "именем"})


def _country_in_a_title(
    text: str, toks: Tokens, found: tuple[int, int, list[Candidate]], place_ends: set[int],
) -> bool:
    """Whether a country's name ends the title of a law or a body rather than naming a place:
    after an abbreviation ("КК України", "УК Украины", "КУпАП України") or "Іменем" (the
    formula heading a judgement), or after a capitalised word mid-sentence ("Збройних Сил
    України", "Пенсійного Фонду України"), in English with "of" between ("Criminal Code of
    Ukraine"); nor after a word of citizenship or a salute (cues.yaml ``no_place_after``:
    "громадянин України", "a citizen of Ukraine", "Слава Україні"). A place before it keeps
    it a place ("Київ Україна" is not said of a body); a preposition or any other lower-case
    word keeps it too ("з України")."""
    i, _, candidates = found
    if i == 0 or any(c.place.level != "country" for c in candidates):
        return False
    k = i - 2 if toks.words[i - 1] == "of" and i >= 2 else i - 1
    if not all(text[toks.ends[m] : toks.starts[m + 1]].isspace() for m in range(k, i)):
        return False  # "Київ, Україна": a comma or anything else between
    word = toks.words[k]
    if sum(map(str.isupper, word)) >= 2 or word.lower() in _IN_THE_NAME_OF \
            or word.lower() in cues().no_place_after:  # КК, КПК, КУпАП, КоАП, ЗСУ
        return True
    return (word[:1].isupper() and k + 1 not in place_ends
            and mark_before(text, toks.starts[k]) not in ".!?:\n\"«—-")


def _abbreviated(text: str, toks: Tokens, i: int) -> bool:
    """Whether a settlement noun's abbreviation with its stop, in lower case as written, comes
    right before the word: "с. Іванівка", "м. Суми". In capitals it is an initial: "С. Олійник"
    is a person, not the village Олійники."""
    return i > 0 and toks.words[i - 1] in cues().settlement_abbreviations \
        and text[toks.ends[i - 1]] == "."


def _attributive(text: str, toks: Tokens, i: int) -> bool:
    """Whether the word is an adjective qualifying the next one (``lemmas.qualifies``):
    "Київського вокзалу", "Харківського тракторного заводу", "Миколаївському ТЦК" describe a
    station, a factory, an enlistment office — not the villages Київське, Харківське,
    Миколаївське, whose names are those adjectives (the dictionary knows some of them as nouns
    too)."""
    return i + 1 < len(toks) and _joined(text, toks, i, 2) == 2 \
        and qualifies(toks.words[i], toks.words[i + 1])


def _next_is_capitalised(text: str, toks: Tokens, i: int) -> bool:
    return i + 1 < len(toks) and toks.words[i + 1][:1].isupper() and _joined(text, toks, i, 2) == 2


@lru_cache(maxsize=100_000)
def _other_reading(word: str) -> str | None:
    """``name`` when the dictionaries read the word as a given name, surname or patronymic,
    ``word`` for any other ordinary word, ``function`` for a pronoun, preposition, conjunction
    or particle, ``None`` when they know it only as a toponym. Latin words: ``name`` when they
    are in the given-name lexicon ("Serhii" is also a village's transliteration)."""
    if _LATIN.fullmatch(word):
        return "name" if word.lower() in lexicon().latin_given else None
    never_a_name = not word_keys(word).isdisjoint(lexicon().not_names)  # "Бахмут"
    other = None
    for lang in ("uk", "ru"):
        for reading in known(word, lang):
            tags = grammemes(reading)
            if "Geox" in tags:
                continue
            if tags & CLOSED_CLASSES:
                return "function"
            if tags & {"Name", "Surn", "Patr"} and not never_a_name:
                other = "name"
            elif other is None:
                other = "word"
    return other


@lru_cache(maxsize=10_000)
def _given_name(word: str) -> bool:
    """Whether the word is a given name: a Latin one in the lexicon, or a Cyrillic one the
    dictionaries tag Name, in the singular (a surname alone is not enough: "Шевченка" may be
    the village; nor a plural: "Львов", Lviv in Russian, is also "of the Levs")."""
    if _LATIN.fullmatch(word):
        return word.lower() in lexicon().latin_given
    return any("Name" in grammemes(reading) and "plur" not in grammemes(reading)
               for lang in ("uk", "ru") for reading in known(word, lang))


@lru_cache(maxsize=8)
def _cyrillic(text: str) -> bool:
    """Whether the text is Ukrainian or Russian: a Ukrainian village there is written in
    Cyrillic, and a Latin word that spells one is something else (a make, a model, a brand)."""
    return language.detect(text) in ("uk", "ru")


@lru_cache(maxsize=10_000)
def _geographic(word: str) -> bool:
    """Whether a dictionary reads the word as a toponym (pymorphy3's Geox); memoised."""
    return reads_as(word, "Geox")


def _entity(text: str, toks: Tokens, i: int, j: int, chosen: Candidate) -> Entity:
    start, end = toks.starts[i], toks.ends[j - 1]
    if toks.words[j - 1].lower() == "обл" and text.startswith(".", end):
        end += 1  # "Одесская обл.": the abbreviation's stop is part of it
    else:
        end = without_possessive(toks.words[j - 1], end)  # "Russia's": Russia
    place = chosen.place
    if place.level in ("raion", "hromada", "oblast") and not place.name_uk:
        place = replace(place, name_uk=text[start:end])
    return Entity(start, end, text[start:end], "place", "gazetteer", place=place)
