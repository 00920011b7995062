"""Places named by an adjective: a front sector ("на покровському напрямку"), the place of an
office, a court or a training ground ("Черкаського районного ТЦК", "Яворівський полігон"), and a
raion abolished in 2020 ("Чигиринського району")."""

from __future__ import annotations

from functools import lru_cache

from svidok.analysis.gazetteer import Candidate, Gazetteer, unique
from svidok.analysis.lemmas import grammemes, parse
from svidok.analysis.placecues import cased, cues
from svidok.analysis.placekeys import normalise
from svidok.analysis.translit import transliterate
from svidok.domain.annotations import Place

_TOWN = ("city", "settlement")
_ADJECTIVE_ENDINGS = ("ський", "ский", "цький", "цкий", "зький", "зкий")
_ENGLISH_ADJECTIVE_ENDINGS = ("skyi", "skyy", "skiy", "sky", "zkyi", "zky")  # KMU-2010, legacy
# The smallest centre of a raion before 2020 had some thousands of people (Чорнухи, 2,500): a
# smaller town of the adjective's is no raion's centre ("Гірського району": Гірки, unknown size)
_RAION_CENTRE = 2_000


def front_sector(word: str, gaz: Gazetteer) -> list[Candidate]:
    """The place an adjective names a front sector after: the Ukrainian oblast it is the
    adjective of ("донецькому", "харківському" -> the region, not its capital); else
    "покровському" -> Покровськ, "бахмутском" -> Бахмут, "курахівському" -> Курахове,
    "рубцовском" -> Рубці (a village whose name is plural: Рубці/Рубцы). A front runs through
    Ukraine: a town there comes first, then a village there, and a foreign town (Рубцовск is
    in Siberia) only when neither exists."""
    lemmas = {r.normal_form for lang in ("uk", "ru") for r in parse(word, lang)
              if "ADJF" in grammemes(r)}
    oblast = gaz.oblast_by_adjective(frozenset(lemmas))
    if oblast is not None:  # the front across a region, not its capital
        place = Place(word, oblast.label, "oblast", oblast.pcode, oblast.label, oblast.iso)
        return [Candidate(place, 0, oblast.pcode)]
    names = {normalise(n) for lemma in lemmas for n in _sector_names(lemma)}
    found = [c for n in names for c in gaz.lookup(n)]
    for tier in (_TOWN, ("village",)):
        here = [c for c in found if c.place.level in tier and not c.place.foreign]
        if here:
            return unique(here)
    return unique([c for c in found if c.place.level in _TOWN])


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The words after which a place adjective names an office's place, in any usual case and
    in lower case ("тцк", as chats write "ТЦК")."""
    c = cues()
    listed = c.office_raion_words | c.office_city_words | c.office_oblast_words | c.poi_nouns
    return cased(listed) | {w.lower() for w in listed}


def office_kind(word: str) -> str:
    """What an office word says the adjective before it names: "raion", "oblast" or "city"."""
    lower = word.lower()
    c = cues()
    if lower in c.office_raion_words:
        return "raion"
    return "oblast" if word in c.office_oblast_words or lower in c.office_oblast_words else "city"


@lru_cache(maxsize=10_000)
def office_place(word: str, kind: str, gaz: Gazetteer) -> list[Candidate]:
    """The place a place adjective names before an office word (``office_*_words`` and
    ``poi_nouns`` in cues.yaml): before "обласний" or "ОТЦК" the oblast it is the adjective of;
    before "районний" the raion or city district of that name ("Черкаського районного" ->
    Черкаський район), else the city; before "міський", "суд", "ТЦК" or "полігон" the city
    ("Ізмаїльського ТЦК", "Яворівський полігон"), else the raion or district ("Деснянский ТЦК").
    Only cities, raions and districts, and a city only by an adjective formed like a place
    adjective: a village's name is too often the adjective of something else. A raion or
    district by any adjective its name has ("Центральний ТЦК", a district of Mykolaiv and of
    four more cities: which one, the places the text names decide)."""
    if word.isascii():  # "Shevchenkivskyi District Court", "the Desnianskyi TCC": the raion or
        # district by its English adjective ("Shevchenkivskyi raion" is a key of it); "the
        # Kyiv TCC" names the city
        return unique([c for c in gaz.lookup(normalise(word + " raion"))
                       if c.place.level in ("raion", "district")]) \
            if word.lower().endswith(_ENGLISH_ADJECTIVE_ENDINGS) else []
    adjectives = frozenset(r.normal_form for lang in ("uk", "ru") for r in parse(word, lang)
                           if "ADJF" in grammemes(r))
    lemmas = frozenset(a for a in adjectives if a.endswith(_ADJECTIVE_ENDINGS))
    if kind == "oblast" and (oblast := gaz.oblast_by_adjective(lemmas)) is not None:
        place = Place(word, oblast.label, "oblast", oblast.pcode, oblast.label, oblast.iso)
        return [Candidate(place, 0, oblast.pcode)]
    raions = [c for lemma in adjectives for name in (lemma, _ukrainian_adjective(lemma))
              for c in gaz.lookup(normalise(name + " район"))
              if c.place.level in ("raion", "district")]
    cities = [c for lemma in lemmas for n in _sector_names(lemma) for c in gaz.lookup(normalise(n))
              if c.place.level == "city" and not c.place.foreign]
    for group in (raions, cities) if kind == "raion" else (cities, raions):
        if group:
            return unique(group)
    return []


@lru_cache(maxsize=10_000)
def former_raion(word: str, gaz: Gazetteer) -> list[Candidate]:
    """The raion an adjective before "району" names where no raion of today has that name: one
    of the ~490 abolished in 2020, each named after its centre, a town of 2,000 people or more,
    whose oblast it was in ("с. Стецівка Чигиринського району": Чигирин, Cherkasy Oblast;
    addresses and court papers keep the old raions), by the town's name of today. A raion of
    today's is the gazetteer's own ("Бердичівського району"): this is asked only where the
    gazetteer has none. The raion has no KATOTTG code (``code`` is empty); its names are the
    adjective's, in Ukrainian spelling and KMU-2010."""
    found: dict[str, Candidate] = {}  # one raion an oblast, the first lemma's in sorted order
    for lemma in sorted({r.normal_form for lang in ("uk", "ru") for r in parse(word, lang)
                         if "ADJF" in grammemes(r) and r.normal_form.endswith(_ADJECTIVE_ENDINGS)}):
        adjective = _ukrainian_adjective(lemma)
        name = adjective.capitalize()
        names = {normalise(n) for n in _sector_names(lemma) | _centre_names(adjective)}
        for n in sorted(names):
            for c in gaz.lookup(n):
                # by the town's name of today: not by an old one ("Дзержинського району", a
                # district of Kharkiv, not Toretsk's, once Дзержинськ)
                if c.place.level in _TOWN and not c.place.foreign \
                        and c.population >= _RAION_CENTRE and normalise(c.place.name_uk) in names:
                    found.setdefault(c.oblast_pcode, Candidate(Place(
                        name, transliterate(name), "raion", "", c.place.oblast, c.place.iso),
                        0, c.oblast_pcode))
    return list(found.values())


def _centre_names(adjective: str) -> set[str]:
    """More names a raion's adjective (in Ukrainian spelling) comes from than a front's
    (``_sector_names``): кагарлицький <- Кагарлик, сторожинецький <- Сторожинець, жовківський <-
    Жовква, іршавський <- Іршава, ширяївський <- Ширяєве, пулинський <- Пулини, чорнухинський <-
    Чорнухи, ємільчинський <- Ємільчине, ічнянський <- Ічня, широківський <- Широке."""
    if adjective.endswith("цький"):
        stem = adjective[:-5]
        return {stem + "к", stem + "ць"}
    if not adjective.endswith("ський"):
        return set()
    stem = adjective[:-5]
    names = {stem + "а", stem + "и", stem + "е", stem[:-2] + "и"}
    if stem.endswith("ів"):
        names |= {stem[:-2] + "ва", stem[:-2] + "е"}
    if stem.endswith("їв"):
        names.add(stem[:-2] + "єве")
    if stem.endswith("ян"):
        names.add(stem[:-1])
    return names


def _ukrainian_adjective(lemma: str) -> str:
    """A Russian-spelled place adjective in Ukrainian spelling ("деснянский" -> "деснянський");
    other words as they are. A city district's Russian spellings are keys of the gazetteer
    already ("центральный район": tools/build_gazetteer.py, ``russian_adjectives``); a raion's
    are not."""
    for ru, uk in (("ский", "ський"), ("цкий", "цький"), ("зкий", "зький")):
        if lemma.endswith(ru):
            return lemma[: -len(ru)] + uk
    return lemma




def _sector_names(lemma: str) -> set[str]:
    """The names a place adjective can come from: покровський <- Покровськ, торецький <-
    Торецьк, лиманський <- Лиман, курахівський <- Курахове, гуляйпільський <- Гуляйполе,
    новопавлівський <- Новопавлівка, рубцівський/рубцовский <- Рубці/Рубцы, вінницький <-
    Вінниця, уманський <- Умань, рівненський/ровенский <- Рівне/Ровно."""
    ending = next((e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return set()
    stem = lemma[: -len(ending)]  # покров, торе, лиман, курахів, гуляйпіль
    o = stem.replace("і", "о")
    names = {lemma[:-2], stem, stem + "ськ", stem + "ск", o + "е", o + "о", stem + "ка",
             o.removesuffix("ь") + "е", stem + "я", stem + "ь"}
    if stem.endswith("ен"):  # a name in -не/-но: Рівне, Ровно
        names |= {stem[:-2] + "е", stem[:-2] + "но"}
    if ending in ("цький", "цкий"):  # Вінниця, Винница
        names |= {stem + "ця", stem + "ца"}
    if stem.endswith(("ов", "ів", "ев")):  # a plural name
        names |= {stem[:-2] + end for end in ("і", "и", "ы")}
    return names
