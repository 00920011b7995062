"""Call signs: after their cue ("позивний «Кабан»", "call sign 'Bear'"), listed before one
("Лёха и Малой (это позывные)"), in quotes after a name, a role or "called" ("Костя «Бур»",
"комбат «Тайфун»"), and mentioned again without it ("у Кабана"). The cue pattern is built with
the name lexicon (``persons.lexicon``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from svidok.analysis import lexicons
from svidok.analysis.lemmas import closed_class, forms, known, reads_as
from svidok.analysis.tokens import (
    CYRILLIC,
    Tokens,
    capitalised,
    cued,
    in_lower_case,
    is_capitalised,
    occurrences,
    positions,
)
from svidok.domain.annotations import Entity


def after_cue(
    text: str, lower: str, pattern: re.Pattern[str], cues: tuple[str, ...],
) -> Iterator[Entity]:
    """Call signs after their cue (``pattern``, every match of which begins with one of
    ``cues``): "позивний «Кабан»", "call sign 'Bear'"."""
    for match in cued(pattern, text, lower, cues):
        group = 1 if match.group(1) is not None else 2
        start, end = match.span(group)
        yield Entity(start, end, match.group(group), "person", "call_sign")


# "Лёха и Малой (это позывные)", "Кабан і Сова — це позивні", "Bear and Wolf (call signs)",
# "Бородою, це мій позивний": a cue after the signs, set off by a bracket or a dash, or by a
# comma and "це"/"это" ("that is"), with a pronoun or two between
_LISTED_CUES = ("позивн", "позывн", "call sign", "callsign")
_PRONOUNS = r"(?:(?:это|це|то|все|усі|всё|їхні|их|мій|мой|моя|мої|мои|наш|наші|наши|його|его|" \
            r"its|their|my|his|our|are|were|both)\s+)*"
_BEFORE_CUE = re.compile(rf"\s*(?:[(—–-]\s*|,\s*(?:это|це|то)\s+){_PRONOUNS}$", re.IGNORECASE)
_LIST_WORDS = frozenset({"и", "і", "й", "та", "and"})


def listed_before(
    text: str, lower: str, toks: Tokens, pattern: re.Pattern[str], inside: set[int],
) -> list[Entity]:
    """Capitalised words listed right before a call-sign cue set off by a bracket, a dash or ",
    це": "погибли Лёха и Малой (это позывные)" — the cue names them after the fact. The list's
    words are joined by commas or a conjunction; a pronoun or conjunction is not a sign, nor a
    place, nor anything before a cue that names its sign after it ("у Бахмуті (позивний
    «Грек»)")."""
    signs: list[Entity] = []
    if len(lower) != len(text):  # lower-casing moved the offsets (a rare letter, "İ")
        return signs
    for cue in _LISTED_CUES:
        at = lower.find(cue)
        while at >= 0:
            mark = _BEFORE_CUE.search(text, max(0, at - 30), at)
            k = -1
            if mark is not None and pattern.match(text, at) is None:
                k = bisect_left(toks.starts, mark.start()) - 1
            while k >= 0 and is_capitalised(toks.words[k]) and not closed_class(toks.words[k]) \
                    and toks.starts[k] not in inside:
                signs.append(Entity(toks.starts[k], toks.ends[k], toks.words[k], "person",
                                    "call_sign"))
                k = _previous_in_list(text, toks, k)
            at = lower.find(cue, at + len(cue))
    return signs


def _previous_in_list(text: str, toks: Tokens, k: int) -> int:
    """The word before word ``k`` in a list joined by commas or a conjunction ("Кабан, Лис і
    Сова"), or -1."""
    if k == 0:
        return -1
    gap = text[toks.ends[k - 1] : toks.starts[k]].strip()
    if gap == ",":
        return k - 1
    if gap == "" and k >= 2 and toks.words[k - 1] in _LIST_WORDS \
            and text[toks.ends[k - 2] : toks.starts[k - 1]].strip() in ("", ","):
        return k - 2
    return -1


def again(text: str, toks: Tokens, signs: list[Entity]) -> list[Entity]:
    """Later mentions of a call sign without its cue ("як і «Кабан»", "у Кабана"): any
    capitalised form of a one-word call sign, or the exact words of a longer one."""
    if not signs:
        return []
    taken = {sign.start for sign in signs}
    keys = {k for sign in signs if " " not in sign.text for k in forms(sign.text)}
    again = [
        Entity(toks.starts[i], toks.ends[i], toks.words[i], "person", "call_sign")
        for i in capitalised(text)
        if toks.starts[i] not in taken and not forms(toks.words[i]).isdisjoint(keys)
    ]
    for sign in {s.text for s in signs if " " in s.text}:
        again += [Entity(at, at + len(sign), sign, "person", "call_sign")
                  for at in occurrences(text, sign) if at not in taken]
    return again


_NICKNAME = re.compile(r"[ \t]*[«\"“]([A-ZА-ЯІЇЄҐ][\w'’ʼ-]+(?:\s[A-ZА-ЯІЇЄҐ][\w'’ʼ-]+)?)[»\"”]")


def after_names(text: str, found: list[Entity]) -> list[Entity]:
    """A nickname in quotes right after a name (``found``) is a call sign: "Сашко «Грек»",
    "Іван «Сова» Петренко", "Костя «Бур»" (a drill: an ordinary word, as call signs mostly
    are) — unless its first word is a pronoun, a preposition or a conjunction (a quoted
    sentence: "Петро «Вони прийшли»"), or the name is a public figure's."""
    return [sign for name in found if name.recognizer == "name" and not name.public_figure
            if (sign := _nickname_at(text, name.end)) is not None]


def after_roles(text: str, toks: Tokens) -> list[Entity]:
    """A nickname in quotes right after a rank or role ("комбат «Тайфун»", "командир роти
    «Граф»", "commander "Bes""; ``roles`` in risk.yaml) is a call sign, on the same terms as
    after a name (``after_names``)."""
    return [sign for i, facts in lexicons.of(text).marked if facts.role_keys
            if (sign := _nickname_at(text, toks.ends[i])) is not None]


def _nickname_at(text: str, at: int) -> Entity | None:
    """The nickname in quotes right at ``at``, unless its first word is a pronoun, a
    preposition or a conjunction."""
    match = _NICKNAME.match(text, at)
    if match is None or closed_class(match.group(1).split()[0]):
        return None
    return Entity(*match.span(1), match.group(1), "person", "call_sign")


# "a man everyone called "Sova"", "його всі звали «Сова»": a quoted name after "called" (not
# "so-called") or "звали"; an unquoted word there is an ordinary name (``name_cues_en``)
_CALLED = re.compile(r"(?<![\w-])(?:called|звали|звав|звала|кликали)\s+[«\"“]"
                     r"([A-ZА-ЯІЇЄҐ][\w'’ʼ-]+)[»\"”]", re.IGNORECASE)
_CALLED_CUES = ("called", "звал", "звав", "кликали")
# "a captain we called Hrim", "the guys called him Borsuk", "a guy called Dido": what people
# call a man, unquoted; with the callers named or after "a man", not "I called Taras" (a phone
# call), nor a day or a month ("we called him Monday"), nor a place ("we called Kyiv")
_CALLED_BARE = re.compile(
    r"(?i:called|call|calls)\s+(?i:him\s+|her\s+)?([A-Z][a-z'’-]+)(?![\w'’ʼ-])")
_CALLERS = re.compile(r"(?<![\w-])(?i:we|they|everyone|everybody|the guys|the boys|the lads|a man|"
                      r"a guy|a woman|a soldier)\s+(?i:all\s+)?$")
_DAYS_AND_MONTHS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"})


# what may stand between a call-sign cue and its sign in a chat: "позывной: тайсон"
_AFTER_CUE = re.compile(r"[ \t]*[:—–-]?[ \t]*")


def in_a_chat(text: str, lower: str, toks: Tokens, cues: tuple[str, ...]) -> list[Entity]:
    """In a text written in lower case, the lower-case word right after a call-sign cue, where
    the dictionaries read it as a noun in the nominative or not at all: "его позывной тайсон"
    (not "позивний у нього простий", "позывной был", "позывной такой")."""
    if len(lower) != len(text) or not in_lower_case(text):  # lower-casing moved the offsets
        return []
    signs = []
    for cue in cues:
        for at in positions(lower, cue):
            end = _AFTER_CUE.match(text, at + len(cue)).end()  # type: ignore[union-attr]
            k = bisect_left(toks.starts, end)
            if (at == 0 or not text[at - 1].isalpha()) and k < len(toks) \
                    and toks.starts[k] == end and toks.words[k].islower() \
                    and _a_noun_if_anything(toks.words[k]):
                signs.append(Entity(toks.starts[k], toks.ends[k], toks.words[k], "person",
                                    "call_sign"))
    return signs


def _a_noun_if_anything(word: str) -> bool:
    """Whether the dictionaries read a Cyrillic word as a noun in the nominative, and as no
    word of a closed class, or do not know it at all ("his call sign was Bear": no Latin
    word is)."""
    if not CYRILLIC.search(word):
        return False
    readings = [r for lang in ("uk", "ru") for r in known(word, lang)]
    return not readings or (not closed_class(word) and any(
        r.tag.POS == "NOUN" and r.tag.case == "nomn" for r in readings))


def called(text: str, lower: str, inside: set[int], named: set[int]) -> list[Entity]:
    """Call signs in quotes after "called" or "звали" ("a man everyone called "Sova""), and
    unquoted after "we called", "they call him", "a guy called" ("a captain we called Hrim"),
    where no place (``inside``) is and no name was found (starting at one of ``named``: "a man
    called Vasyl" is a name)."""
    bare = [m for at in positions(lower, "call") if (m := _CALLED_BARE.match(text, at))
            and _CALLERS.search(text, max(0, at - 24), at)  # "call" is rarer than "we"
            and m.group(1).lower() not in _DAYS_AND_MONTHS and m.start(1) not in inside
            and m.start(1) not in named]
    return [Entity(*match.span(1), match.group(1), "person", "call_sign")
            for match in [*cued(_CALLED, text, lower, _CALLED_CUES), *bare]]


_AND = frozenset({"и", "і", "й", "та"})


def companions(
    text: str, lower: str, toks: Tokens, cues: tuple[str, ...], inside: set[int],
    named: set[int],
) -> list[Entity]:
    """Call signs a speaker names as companions: a capitalised word in the instrumental right
    after "мы с", "ми з" ("we with", ``cues``), and one joined to it by "и", "і", "та": "нас с
    Бородой и Малым кинули", "мы с Петром и Бородой". Not a word of a closed class ("мы с
    Вами"), nor one where a place (``inside``) or a name (starting at one of ``named``: "мы с
    Петром") was found; a name found first still has its companion joined to it."""
    signs = []
    for cue in cues:
        for at in positions(lower, cue):
            k = bisect_left(toks.starts, at + len(cue) + 1)
            if (at and lower[at - 1].isalnum()) or k >= len(toks) \
                    or toks.starts[k] != at + len(cue) + 1:
                continue
            for i in (k, k + 2) if k + 2 < len(toks) and toks.words[k + 1] in _AND else (k,):
                word = toks.words[i]
                if not is_capitalised(word) or not reads_as(word, "ablt") or closed_class(word):
                    break  # no companion; and the second only beside one ("мы с ним и …")
                if toks.starts[i] not in inside and toks.starts[i] not in named:
                    signs.append(Entity(toks.starts[i], toks.ends[i], word, "person",
                                        "call_sign"))
    return signs
