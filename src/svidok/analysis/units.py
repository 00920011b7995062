"""Military units: "в/ч А1234", "military unit 7020", numbered formations in any case form and
language ("47 ОМБр", "47-ї окремої механізованої бригади", "225th Assault Regiment", "3-я ОШБр",
"93-ю бригаду «Холодный Яр»"), each with a canonical form ("47 ОМБр", "в/ч А1234").
Formation types and known formations are data (data/analysis/units.yaml).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from svidok.analysis.lemmas import grammemes, known
from svidok.analysis.tokens import cued, positions, tokens
from svidok.datafiles import load_yaml
from svidok.domain.annotations import Entity, Unit

_MILITARY_UNIT = re.compile(  # tried only where one of _CODE_CUES occurs (tokens.cued)
    r"(?:в/ч|в\.ч\.|військов\w* частин\w*|(?:воинск|войсков)\w* част\w*|military unit|unit)\s*"
    r"(?:№\s*)?([АAВBТT]?\s?-?\d{4})(?!\d)",
    re.IGNORECASE,
)
# Ordinal endings as numbers are written with them: Ukrainian 92-га/-гу/-гій, 1-ша/-шу/-шій,
# 155-та/-ту/-тій, 3-тя/-тю, 7-ма/-му/-мій, 47-ї/-й/-ій/-го/-ого/-ому/-ої/-ою; Russian
# 3-я/-ю/-й/-ий/-ый/-ой/-ая/-ую/-го/-му/-м; English 225th, 1st, 2nd, 3rd.
_NUMBER = (r"(\d{1,3})(\s?-?\s?(?:ї|ий|ій|го|ої|ою|у|ю|я|й|ма|га|гу|гій|ша|шу|шій|та|ту|тій|"
           r"тя|тю|мій|ого|ому|th|st|nd|rd|а|ой|ый|ая|ую|ей|ом|му|м)(?!\w))?")
# types a bare number before may count rather than name ("3 бригади", "у 2 навчальних центрах")
_COUNTED = frozenset({"brigade", "regiment", "battalion", "training_center"})
# "окрема", "отдельная", "separate" before a formation type is optional wherever it is written.
_QUALIFIER = r"(?:(?:окрем|отдельн|separate|independent)[\w'’ʼ-]*\s+)?"


def _unqualified(stem: str) -> str:
    first, _, rest = stem.partition(" ")
    return rest if rest and re.match(r"окрем|отдельн|separate", first) else stem
_QUOTED_NAME = r"(?:\s*[«\"“](?P<name>[^»\"”]{2,40})[»\"”])?"
# "імені короля Данила", "имени Героя Украины …", "named after Hetman Ivan Vyhovskyi": up to two
# lower-case words (a title), then up to four capitalised ones
_EPONYM = (r"(?:\s+(?:імені|имени|named\s+after)"
           r"(?P<eponym>(?:\s+[a-zа-яіїєґё'’ʼ-]+){0,2}(?:\s+[A-ZА-ЯІЇЄҐЁ][\w'’ʼ-]*){1,4}))?")
_GAP = r"[\s\-]*"


@dataclass(frozen=True)
class Kind:
    kind: str
    canonical: str


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw: dict[str, Any] = load_yaml("analysis", "units.yaml")
    return raw


@lru_cache(maxsize=1)
def named() -> dict[str, str]:
    """Number of a known formation -> its kind."""
    return {str(n["number"]): n["kind"] for n in _data()["named"]}


@lru_cache(maxsize=1)
def _impersonal() -> frozenset[tuple[str, str]]:
    """(number, kind) of the known formations whose name is no person's (``person: false``)."""
    return frozenset((str(n["number"]), n["kind"]) for n in _data()["named"]
                     if n.get("person") is False)


def honours_a_person(unit: Unit) -> bool:
    """Whether the name given after a unit may be a person's: not after a known formation whose
    name is a mountain, a place or a people ("47-ю бригаду «Магура»", which the Ukrainian
    dictionary reads as a surname)."""
    return (unit.number, unit.kind) not in _impersonal()


@lru_cache(maxsize=1)
def _english_names() -> dict[str, re.Pattern[str]]:
    """Number of a known formation -> its English names right after a unit's span, longest
    first ("King Danylo Romanovych" before "King Danylo"), as a whole word."""
    patterns = {}
    for formation in _data()["named"]:
        if formation.get("names_en"):
            names = sorted(formation["names_en"], key=len, reverse=True)
            patterns[str(formation["number"])] = re.compile(
                rf" ({'|'.join(map(re.escape, names))})(?![\w'’])")
    return patterns


@lru_cache(maxsize=1)
def _names_between() -> dict[str, str]:
    """A known formation's English name as written between its number and its type ("the
    425th Skelia regiment") -> the formation's number."""
    return {name: str(formation["number"]) for formation in _data()["named"]
            for name in formation.get("names_en", ())}


@lru_cache(maxsize=1)
def _place_named() -> frozenset[str]:
    """The kinds named after their place, not a person: the quoted name after one is a place
    ("169-й навчальний центр «Десна»")."""
    return frozenset(k["kind"] for k in _data()["kinds"] if k.get("place_named"))


@lru_cache(maxsize=1)
def ordinal_stems() -> list[tuple[str, str]]:
    """(word start, number), longest first."""
    pairs = [(stem, number) for number, stems in _data()["ordinals"].items() for stem in stems]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    """Every kind in data order, then one per elliptical stem (see ``_elliptical``)."""
    own = [Kind(k["kind"], k["canonical"]) for k in _data()["kinds"]]
    canonical = {k.kind: k.canonical for k in own}
    return tuple(own + [Kind(kind, canonical[kind]) for kind, _ in _elliptical()])


@lru_cache(maxsize=1)
def _elliptical() -> list[tuple[str, str]]:
    """(kind, stem) of the brigades named by their adjective alone, in data order."""
    return [(kind, stem) for kind, stems in _data()["elliptical"]["kinds"].items()
            for stem in stems]


@lru_cache(maxsize=1)
def formation_pattern() -> re.Pattern[str]:
    """One regex for every kind: a number, then the kinds as named alternatives ``k0``, ``k1``…
    in data order (most specific first), then an optional quoted name."""
    ordinal = "|".join(re.escape(stem) for stem, _ in ordinal_stems())
    bodies = []
    firsts = {"о", "О", "s", "S", "i", "I"}  # the optional qualifier: окрем-, отдельн-, …
    for index, k in enumerate(_data()["kinds"]):
        firsts |= {a[0] for a in k["abbr"]}
        firsts |= {c for stem in k["stems"] for word in (stem, _unqualified(stem))
                   for c in (word[0], word[0].upper())}
        abbrs = [re.escape(a) + r"(?![\w])" for a in k["abbr"]]
        stems = [r"\s+".join(re.escape(w) + r"[\w'’ʼ-]*" for w in _unqualified(s).split())
                 for s in k["stems"]]
        body = "|".join(abbrs + [f"(?i:{_QUALIFIER}{s})" for s in stems])
        bodies.append(f"(?P<k{index}>{body})")
    spec = _data()["elliptical"]
    endings = "|".join(re.escape(e) for e in spec["endings"])
    followers = "|".join(re.escape(f) for f in spec["followers"])
    for index, (_, stem) in enumerate(_elliptical(), start=len(bodies)):
        firsts |= {stem[0], stem[0].upper()}
        ending = f"(?:{endings})" if re.match(r"[а-яіїєґ]", stem) else ""
        bodies.append(rf"(?P<k{index}>(?i:{_QUALIFIER}{re.escape(stem)}{ending})(?![\w'’ʼ-])"
                      rf"(?!\s+(?i:{followers})))")
    number = rf"(?:{_NUMBER}|(?i:((?:{ordinal})[\w'’ʼ]*)))"
    # the lookahead rejects at once a number not followed by anything a type can start with
    kind_start = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    between = "|".join(map(re.escape, sorted(_names_between(), key=len, reverse=True)))
    return re.compile(rf"(?<![\d\w]){number}{_GAP}(?:(?P<between>{between})\s+)?{kind_start}"
                      rf"(?:{'|'.join(bodies)})"
                      rf"{_QUOTED_NAME}{_EPONYM}")


@lru_cache(maxsize=1)
def _starts() -> re.Pattern[str]:
    """Where a formation can start: a number or an ordinal word at the start of a word. Trying
    the full pattern only there is faster than letting it scan every position; the ordinals
    are spelt in lower, title and upper case rather than with (?i), and a leading character
    class lets the regex engine skip most positions at once (2.2x faster than with (?i))."""
    stems = [stem for stem, _ in ordinal_stems()]
    cased = "|".join(re.escape(v) for s in stems for v in (s, s.capitalize(), s.upper()))
    firsts = "".join(sorted({c for s in stems for c in (s[0], s[0].upper())}))
    return re.compile(rf"(?<![\d\w])(?=[\d{firsts}])(?:\d|{cased})")


@lru_cache(maxsize=1)
def _kind_words() -> tuple[str, ...]:
    """Lower-case strings one of which every formation's type contains."""
    words = {a.lower() for k in _data()["kinds"] for a in k["abbr"]}
    words |= {_unqualified(s).split()[-1] for k in _data()["kinds"] for s in k["stems"]}
    words |= {stem for _, stem in _elliptical()}
    return tuple(sorted(words))


# how codes start; the Russian of Ukraine's documents says "войсковая часть"
_CODE_CUES = ("в/ч", "в.ч.", "військов", "воинск", "войсков", "military unit", "unit")


def find(text: str) -> list[Entity]:
    lower = text.lower()
    found = list(_unit_codes(text, lower))
    if not any(map(lower.__contains__, _kind_words())):
        return found + _bare_brigades(text, found)  # no formation type is named
    taken = [(e.start, e.end) for e in found]
    all_kinds = kinds()
    pattern = formation_pattern()
    for at in _starts().finditer(text):
        match = pattern.match(text, at.start())
        if match is None:
            continue
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        groups = match.groupdict()
        index = next(int(key[1:]) for key, value in groups.items()
                     if value is not None and key.startswith("k"))
        kind = all_kinds[index]
        number, ordinal, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word.lower() in _data()["not_ordinals"]:
                continue
            number, ordinal = _ordinal_number(word), word
        if index >= len(_data()["kinds"]) and not ordinal:
            continue  # "3 штурмові" counts something; "3-я штурмовая" names a brigade
        if groups["between"] and _names_between()[groups["between"]] != number:
            continue  # another formation's name
        if kind.kind in _COUNTED:
            # a known formation of that type: "155-та бригада" is 155 ОМБр, "3-й батальйон"
            # is not 3 ОШБр (a brigade), nor "47-й полк" 47 ОМБр
            same = named().get(number, "").endswith(kind.kind)
            if not (ordinal or groups["name"] or groups["eponym"] or (same and int(number) >= 5)
                    or _names_one(int(number), match.group(f"k{index}"))):
                continue  # "3 бригади" counts brigades; "3-я бригада" names one
            if same:
                kind = _by_kind()[named()[number]]
        name = groups["between"] or groups["name"] or groups["eponym"]
        if kind.kind in _place_named():
            name, end = None, match.end(f"k{index}")  # its quoted name is a place
        elif name is not None:  # the span is the unit as written; its honorific name is kept apart
            end = match.end(f"k{index}")
        elif kind.kind == named().get(number) and number in _english_names() and (
                english := _english_names()[number].match(text, end)):
            name = english.group(1)  # "the 93rd Mechanized Brigade Kholodnyi Yar"
        found.append(Entity(start, end, text[start:end], "military_unit", "formation",
                            unit=Unit(kind.kind, number, f"{number} {kind.canonical}",
                                      name and name.strip())))
        # the name too: no other unit is read inside it
        taken.append((start, max(match.end(), end + len(name or "") + 1)))
    found += [e for e in _named_only(text) if not any(s < e.end and e.start < t
                                                     for s, t in taken)]
    return found + _bare_brigades(text, found)


# A known brigade's number with a feminine ordinal ending alone, after a preposition and before
# a stop, as people name their brigade: "жена Андрея из 92-й.", "служив у 47-й, потім".
_BARE_ORDINAL = re.compile(r"(?<![\w-])(\d{1,3})-(?:й|ї|ю|ій|ої)(?=\s*[.,;:!?)»\"”]|\s*$)")
_BEFORE_BARE = frozenset({"из", "з", "із", "зі", "в", "у", "во"})


def _bare_brigades(text: str, found: list[Entity]) -> list[Entity]:
    """Known brigades named by their number alone (``_BARE_ORDINAL``, after one of
    ``_BEFORE_BARE``), outside the units ``found``. Tried only where a hyphen and an ordinal
    ending's first letter are, found by substring search (a regex scan of every text cost ~3 %
    of a round)."""
    units = []
    for hyphen in sorted({at for ending in ("-й", "-ї", "-ю", "-і", "-о")
                          for at in positions(text, ending)}):
        at = hyphen
        while at > 0 and text[at - 1].isdigit():
            at -= 1
        match = _BARE_ORDINAL.match(text, at) if at < hyphen else None
        if match is None or (kind_name := _brigades().get(match.group(1))) is None:
            continue
        before = text[max(0, at - 4) : at].split()
        if before and before[-1].lower() in _BEFORE_BARE \
                and not any(e.start <= at < e.end for e in found):
            kind = _by_kind()[kind_name]
            number = match.group(1)
            units.append(Entity(*match.span(), match.group(), "military_unit", "formation",
                                unit=Unit(kind.kind, number, f"{number} {kind.canonical}")))
    return units


@lru_cache(maxsize=1)
def _brigades() -> dict[str, str]:
    """The known brigades' numbers and kinds."""
    return {n: k for n, k in named().items() if k.endswith("brigade")}


@lru_cache(maxsize=1)
def _type_word() -> re.Pattern[str]:
    """A type as one word: an abbreviation, or a one-word stem in any case form ("ОШБ",
    "батальйон", "бригаді", "полк"); the kinds as named alternatives ``k0``, ``k1``… (the
    multi-word stems of the specific kinds are told by their abbreviations)."""
    bodies = []
    for index, k in enumerate(_data()["kinds"]):
        words = sorted({w for w in map(_unqualified, k["stems"]) if " " not in w},
                       key=len, reverse=True)
        alternatives = [re.escape(a) for a in k["abbr"] if len(a) > 2 and " " not in a] + [
            f"(?i:{re.escape(w)})[\\w'’ʼ-]*" for w in words]
        if alternatives:
            bodies.append(f"(?P<k{index}>{'|'.join(alternatives)})")
    return re.compile("|".join(bodies))


_QUOTED_UNIT_NAME = re.compile(r"\s*[«\"“](?P<name>[A-ZА-ЯІЇЄҐ][^»\"”\n]{1,40})[»\"”]")


def _named_only(text: str) -> Iterator[Entity]:
    """Units named by their type and a quoted name alone, no number ("ОШБ «Вовки Да Вінчі»",
    "батальйон «Айдар»", not "ресторан «Бригада»"): the span is the whole, and the name, part
    of the unit's identity, is in its canonical form too. Tried only at the words before an
    opening quote, not by a scan of the text."""
    toks = tokens(text)
    all_kinds = kinds()
    for at in sorted({m for q in ("«", '"', "“") for m in positions(text, q)}):
        k = bisect_right(toks.ends, at) - 1
        if k < 0 or (match := _QUOTED_UNIT_NAME.match(text, toks.ends[k])) is None \
                or match.start("name") - 1 != at \
                or (kind_match := _type_word().fullmatch(toks.words[k])) is None:
            continue
        index = next(int(key[1:]) for key, value in kind_match.groupdict().items()
                     if value is not None)
        kind = all_kinds[index]
        start = toks.starts[k]
        yield Entity(start, match.end(), text[start : match.end()], "military_unit",
                     "formation", unit=Unit(kind.kind, "", f"{kind.canonical} «{match['name']}»",
                                            match["name"]))


def name_spans(text: str, found: list[Entity]) -> list[tuple[int, int]]:
    """Where the honorific names of the units ``found`` in ``text`` stand (after each unit's
    span: in quotes, or after "імені", "имени", "named after")."""
    spans = []
    for entity in found:
        if entity.unit is not None and entity.unit.name:
            at = text.find(entity.unit.name, entity.start)  # after the type, or within
            spans.append((at, at + len(entity.unit.name)))
    return spans


def _names_one(number: int, noun: str) -> bool:
    """Whether a type word after a bare number names one formation rather than counting them,
    by the number the word is in: a count takes the plural ("95 бригад", "у 5 бригадах"), or
    after 2–4 the genitive singular in Russian ("2 полка"), and the singular in every case only
    after a number ending in 1 ("21 бригада"; but "1 батальйон" in figures is the 1st). So "у
    95 бригаді", "в 14 полку", "95 brigade" name the 95th and the 14th. An abbreviation ("ОБр",
    "бат.") tells no number: left out."""
    ones = 0 if number % 100 in range(11, 20) else number % 10
    word = noun.split()[-1]
    if (ones == 1 and number != 1) or not word.islower() or word.endswith("."):
        return False
    if word.isascii():  # English: "brigade", not "brigades"
        return not word.endswith("s")
    readings = [r for lang in ("uk", "ru") for r in known(word, lang) if r.tag.POS == "NOUN"]
    return bool(readings) and not any(
        "plur" in grammemes(r) or (ones in (2, 3, 4) and "gent" in grammemes(r))
        for r in readings)


def _ordinal_number(word: str) -> str:
    lower = word.lower()
    return next(number for stem, number in ordinal_stems() if lower.startswith(stem))


def _by_kind() -> dict[str, Kind]:
    return {k.kind: k for k in kinds()}


def _unit_codes(text: str, lower: str) -> Iterator[Entity]:
    for match in cued(_MILITARY_UNIT, text, lower, _CODE_CUES):
        code = re.sub(r"[\s-]", "", match.group(1)).upper().replace("A", "А").replace("B", "В")
        code = code.replace("T", "Т")
        start, end = match.span()
        yield Entity(start, end, text[start:end], "military_unit", "unit_code",
                     unit=Unit("military_unit", code, f"в/ч {code}"))
