"""Person names: given names, surnames, patronymics, initials and call signs, in Ukrainian,
Russian and English text; public figures recognised and marked.

Cyrillic: a capitalised word is a name part when pymorphy3's uk or ru dictionary knows a reading
of it as a given name, surname or patronymic (any case form: Тарасові, Петра, Людмилу Петрівну).
Adjacent parts merge into one name; a capitalised word right after a given name is its surname
even if no dictionary knows it. A word that opens a sentence and also reads as an ordinary word
("Надія", "Віра", "Кабан") needs a name part beside it.

Latin: given names from data/analysis/given_names_latin.txt.gz (Ukrainian and Russian names in
every common romanisation), the capitalised words that follow them, and any capitalised words
after "my name is", "Mr" and the like. Call signs follow a cue (позивний «Кабан», call sign X).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from svidok.analysis import callsigns, chatnames, namecues
from svidok.analysis.lemmas import (
    CLOSED_CLASSES,
    colloquial_forms,
    familiar_name,
    grammemes,
    in_a_dictionary,
    known,
    noun_cases,
    parse,
    qualified_mid_sentence,
    qualifies,
)
from svidok.analysis.mentions import mentioned_again, surnames_again
from svidok.analysis.placecues import before_a_street_noun, cues
from svidok.analysis.placekeys import normalise, word_keys
from svidok.analysis.tokens import (
    CYRILLIC,
    Tokens,
    capitalised,
    is_capitalised,
    mark_before,
    sentence_start,
    tokens,
    without_possessive,
)
from svidok.datafiles import load_yaml, read_bytes
from svidok.domain.annotations import Entity

# Words of closed classes (conjunctions, prepositions, particles, pronouns, interjections) are
# never names, whatever other reading they have. An adverb, predicative or numeral is not one
# either ("Далі", "Потім") unless one dictionary reads the word as a name and not as those:
# Бойко is a surname to the Ukrainian dictionary and also an adverb to the Russian one.
_ADVERBIAL = frozenset({"ADVB", "PRED", "NUMR"})
# A call sign after its cue (and a colon, dash or comma: "call sign, Vedmid,"): one or two
# words in quotes (in any case: chats write «кабан»), or capitalised without them. An
# apostrophe or a hyphen belongs to a word only inside it: the closing quote of 'Bear' is not
# part of the name. Up to three lower-case words may stand between the cue and the sign
# ("позывной мой был «Шмель»", "call sign was 'Bear'").
_WORD = r"\w+(?:['’ʼ-]\w+)*"
_CAPITAL = r"[A-ZА-ЯІЇЄҐЁ]\w*(?:['’ʼ-]\w+)*"
_QUOTED = (rf"(?:[«\"“'‘]({_WORD}(?:\s{_WORD})?)[»\"”'’]"
           rf"|[«\"“'‘]?({_CAPITAL}(?:\s{_CAPITAL})?)(?![\w'’ʼ-]))")
_FILLERS = r"(?:\s+[a-zа-яіїєґё]+){0,3}?"
_MAX_PARTS = 4
# Endings that mark Ukrainian and Russian surnames in any romanisation (Ishchenko, Melnychuk,
# Kovalchuk, Petriv, Shevchenko, Zalizniak, Hrytsenko, Ivanovych, Kovalskyi, Sobolevsky).
_LATIN_SURNAME = re.compile(
    r"(?:enko|chuk|chyk|iuk|yuk|niak|niuk|nyk|ovych|evych|ovich|evich|skyi|skyy|skiy|sky|tskyi|"
    r"zkyi|ska|tska|ishyn|yshyn)$"
)
_LATIN_PATRONYMIC = re.compile(r"(?:ovych|evych|ovich|evich|ivna|ovna|evna)$")  # also surnames


@dataclass(frozen=True)
class Lexicon:
    call_sign_cues: tuple[str, ...]
    companion_cues: tuple[str, ...]  # "нас с", "ми з" (lower case)
    latin_given: frozenset[str]
    ambiguous_latin: frozenset[str]
    ambiguous_cyrillic: frozenset[str]
    public: dict[str, str]
    call_sign: re.Pattern[str]
    cue_en: re.Pattern[str]
    cue_cyr: re.Pattern[str]
    cues: namecues.Cues  # the strong, surname and chat cues
    office_nouns_en: frozenset[str]  # lower case
    diminutives: frozenset[str]  # lookup spellings (``placekeys.normalise``)
    colloquial: frozenset[str]  # every case form, lookup spellings
    not_names: frozenset[str]  # lookup spellings
    thing_words: frozenset[str]  # nouns of things, whole (lower case)
    thing_stems: tuple[str, ...]  # and their word starts
    greetings: frozenset[str]  # lower case
    introductions: frozenset[str]  # lower case
    prepositions: dict[str, frozenset[str]]  # lower case -> the cases it takes (chat_prepositions)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_yaml("analysis", "persons.yaml")
    given = gzip.decompress(read_bytes("analysis", "given_names_latin.txt.gz")).decode("utf-8")
    public = {key: fig["name"] for fig in raw["public_figures"] for form in fig["forms"]
              for key in word_keys(form)}
    cues = "|".join(re.escape(c) for c in raw["call_sign_cues"])
    return Lexicon(
        call_sign_cues=tuple(c.lower() for c in raw["call_sign_cues"]),
        companion_cues=tuple(c.lower() for c in raw["companion_cues"]),
        latin_given=frozenset(given.split()),
        ambiguous_latin=frozenset(raw["ambiguous_latin"]),
        ambiguous_cyrillic=frozenset(raw["ambiguous_cyrillic"]),
        public=public,
        call_sign=re.compile(rf"(?i:{cues}){_FILLERS}\s*[:—,-]?\s*{_QUOTED}"),
        cue_en=_cue_pattern(raw["name_cues_en"]),
        cue_cyr=_cue_pattern(raw["name_cues_uk_ru"]),
        cues=namecues.Cues(
            searched=tuple(c.lower() for c in raw["strong_cues"] + raw["surname_cues"]
                         + raw["chat_cues"]),
            surname=frozenset(c.lower() for c in raw["surname_cues"]),
            chat=frozenset(c.lower() for c in raw["chat_cues"])),
        office_nouns_en=frozenset(w.lower() for w in raw["office_nouns_en"]),
        diminutives=frozenset(map(normalise, raw["diminutives"])),
        colloquial=colloquial_forms(raw["colloquial_names"]),
        not_names=frozenset(map(normalise, raw["not_names"])),
        thing_words=frozenset(n for n in raw["thing_nouns"] if not n.endswith("*")),
        thing_stems=tuple(n[:-1] for n in raw["thing_nouns"] if n.endswith("*")),
        greetings=frozenset(raw["greetings"]),
        introductions=frozenset(raw["introductions"]),
        prepositions={p: frozenset(cases) for p, cases in raw["chat_prepositions"].items()},
    )


# A quoted name from its opening quote. The quotes are found with ``str.find`` (~1 µs a text);
# a regex starting with the nouns was tried at every position of the text (+30 % of a round),
# and even one starting with the quotes' character class scanned three times slower.
_QUOTES = "«\"“„"
_QUOTED_NAME = re.compile(r"[«\"“„]([^»\"”“\n]{1,60})[»\"”“]")


def _thing_names(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of names in quotes after the noun of a thing ("кафе «Маруся»")."""
    spans = []
    for quote in _QUOTES:
        at = text.find(quote)
        while at >= 0:
            if at and text[at - 1].isspace():
                before = text[max(0, at - 40) : at].split()
                noun = before[-1].lstrip("([«\"'“").lower() if before else ""
                if noun in lex.thing_words or (noun and noun.startswith(lex.thing_stems)):
                    name = _QUOTED_NAME.match(text, at)
                    if name is not None:
                        spans.append(name.span(1))
            at = text.find(quote, at + 1)
    return spans


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+$", re.IGNORECASE)


def find(text: str, blocked: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Person names; no name starts or continues inside a ``blocked`` span (a place), nor in
    the quoted name of a thing after its noun (``thing_nouns`` in persons.yaml). Call signs
    are found everywhere."""
    lex = lexicon()
    inside = {pos for s, e in [*(blocked or []), *_thing_names(text, lex)] for pos in range(s, e)}
    toks = tokens(text)
    lower = text.lower()  # for the cues' substring searches
    found = [*callsigns.after_cue(text, lower, lex.call_sign, lex.call_sign_cues),
             *callsigns.listed_before(text, lower, toks, lex.call_sign, inside),
             *callsigns.in_a_chat(text, lower, toks, lex.call_sign_cues)]
    free = 0  # the first token not inside a name found already
    starts = capitalised(text)
    # C-level loops over lru caches: most capitalised words (sentence starts) cannot be a name
    can_start = map(_part, map(toks.words.__getitem__, starts))  # None or empty: cannot
    startable = list(compress(starts, can_start))
    # a word after a cue starts a name though it looks like none alone ("My name is Moroz",
    # "Captain Melnyk")
    cued, cued_lower = namecues.after_cues(text, lower, toks, lex.cues, _part)
    cued_lower += chatnames.after_relatives(text, toks, _given, lex.greetings,
                                             lex.introductions, lex.prepositions)
    if cued := cued - set(startable):
        startable = sorted(set(startable) | cued)
    doubtful: list[int] = []  # words that can be a name but were not taken for one alone
    names: list[tuple[int, int]] = []
    streets = cues().street_nouns  # "на улице Лермонтова": the street, not the poet
    for i in startable:
        if i < free or toks.starts[i] in inside or (i and toks.words[i - 1].lower() in streets):
            continue
        j = _name_run(text, toks, i, lex, inside)
        if j > i:
            if not before_a_street_noun(text, toks, j):  # "Shevchenko Avenue": a street
                names.append((i, j))
            free = j
        else:
            doubtful.append(i)
    if doubtful and doubtful[-1] >= free and (signed := _signature(text, toks, doubtful[-1])):
        names.append(signed)
    names += mentioned_again(toks, doubtful, names)
    names += surnames_again(toks, starts, names, inside)
    names += chatnames.lower_case_names(text, toks, names, inside, cued_lower)
    for i, j in sorted(names):
        start = namecues.initials_before(text, toks.starts[i])
        end = namecues.initial_after(text, without_possessive(toks.words[j - 1], toks.ends[j - 1]))
        found.append(Entity(start, end, text[start:end], "person", "name",
                            public_figure=_public(toks.words[i:j], lex)))
    found += callsigns.after_names(text, found) + callsigns.after_roles(text, toks) \
        + callsigns.called(text, lower, inside, {e.start for e in found}) \
        + callsigns.companions(text, lower, toks, lex.companion_cues, inside,
                               {e.start for e in found})
    found += callsigns.again(text, toks, [e for e in found if e.recognizer == "call_sign"])
    return found


_SIGNATURE_MARKS = ("", ".", "!", "?", "\n", ",", "—", "-")


def _signature(text: str, toks: Tokens, i: int) -> tuple[int, int] | None:
    """The name that signs a text: its last sentence is a given name alone or with more name
    parts ("… пошта nadia@i.ua. Надія.", "Thanks. Mark."), though the word alone also reads as
    a word (hope). Letters and messages end so; few texts end with a sentence of one ordinary
    word."""
    n = len(toks)
    if n - i > _MAX_PARTS - 1 or text[toks.ends[-1] :].strip(" .!\t\r\n") or \
            (_part(toks.words[i]) or frozenset()).isdisjoint(("given", "ambiguous")) or \
            mark_before(text, toks.starts[i]) not in _SIGNATURE_MARKS:
        return None
    if all(text[toks.ends[k - 1] : toks.starts[k]] == " " and _part(toks.words[k])
           for k in range(i + 1, n)):
        return i, n
    return None


def _name_run(text: str, toks: Tokens, i: int, lex: Lexicon, inside: set[int]) -> int:
    """End index of a name starting at token ``i``, or ``i`` when none starts there. ``find``
    passes a word that looks like no name part only when a strong cue stands before it."""
    first = toks.words[i]
    start_kinds = _part(first)
    if start_kinds is None:
        return i
    kinds = [start_kinds]
    cued: bool | None = None  # whether a name cue stands before it, looked up when asked
    j, last = i + 1, min(len(toks), i + _MAX_PARTS)
    while j < last and text[toks.ends[j - 1] : toks.starts[j]] == " " and \
            toks.starts[j] not in inside:
        following = _part(toks.words[j])
        # a capitalised word after a given name, or after a given name and patronymic, is the
        # surname even when it is also a word: "Микола Іванович Сорока" (a magpie); so is the
        # second of two after a name cue, whatever they are ("My name is Ewa Nowak")
        if following is None or not (following or "given" in kinds[-1] or (
                "patronymic" in kinds[-1] and len(kinds) > 1 and "given" in kinds[-2])
                or (len(kinds) == 1 and (cued := _after_cue(text, toks.starts[i], lex)))) \
                or _no_case_in_common(toks.words[j - 1], toks.words[j]):
            break
        kinds.append(following)
        j += 1
    if j - i > 1 or (cued if cued is not None else _after_cue(text, toks.starts[i], lex)) or \
            namecues.initials_before(text, toks.starts[i]) < toks.starts[i] or \
            namecues.initial_after(text, toks.ends[i]) > toks.ends[i] or \
            ("ambiguous" in kinds[0] and _set_off(text, toks, i)):
        return j
    if not _single_word_name(kinds[0], first, sentence_start(text, toks.starts[i])):
        return i
    return i if _place_adjective_before_noun(text, toks, i) or (
        "word" in kinds[0] and _qualified(text, toks, i)) else j


def _no_case_in_common(word: str, following: str) -> bool:
    """Whether two words the dictionaries read as nouns share no case, and so are not one
    name: "імені короля Данила Олійником Богданом" is King Danylo's name, then a man's."""
    cases, after = noun_cases(word), noun_cases(following)
    return bool(cases and after) and cases.isdisjoint(after)


def _qualified(text: str, toks: Tokens, i: int) -> bool:
    """Whether a capitalised adjective that is no name part qualifies the word, mid-sentence
    (``lemmas.qualified_mid_sentence``): "на Холодной Горе" names a place, not a person called
    Горе. Only for a word that is also an ordinary one: "Старий Петро" is a man with a
    nickname."""
    return qualified_mid_sentence(text, toks, i) and _part(toks.words[i - 1]) == frozenset()


_PLACE_ADJECTIVE = ("ський", "цький", "зький", "ский", "цкий", "зкий")
_LATIN_PLACE_ADJECTIVE = re.compile(  # "Pecherskyi", "Tsentralno-Miskyi"
    r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:skyi|skyy|skiy|skyj|sky|ska|ske)$")


def _place_adjective_before_noun(text: str, toks: Tokens, i: int) -> bool:
    """A place adjective qualifying the next word is not a surname, though the dictionaries
    know Вінницький and Черкаський as surnames too: "Вінницький ОТЦК", "Шевченківський районний
    суд", "Черкаського району" name an office, a court, a district. Only adjectives formed like
    place adjectives (-ський, -цький, -зький) and only before a word they agree with
    (``lemmas.qualifies``) or an abbreviation: "Тоді Вінницький сказав" and "Тоді Чорний командир
    наказав" stay names. Romanised, such a word (-skyi, -ska) is one only before a word of
    ``office_nouns_en`` in persons.yaml ("Shevchenkivskyi District Court"): English does not
    inflect, so "Kovalskyi said" stays a name."""
    if i + 1 >= len(toks) or text[toks.ends[i] : toks.starts[i + 1]] != " ":
        return False
    word, following = toks.words[i], toks.words[i + 1]
    if _LATIN_PLACE_ADJECTIVE.search(word):  # romanised: "Shevchenkivskyi District Court",
        return following.lower() in lexicon().office_nouns_en  # "Pecherskyi raion"
    if not (following[:1].islower() or (len(following) >= 2 and following.isupper())):
        return False  # a capitalised word or an initial: "Яворського М. А." is a name
    return _place_adjective(word) and qualifies(word, following)


@lru_cache(maxsize=100_000)
def _place_adjective(word: str) -> bool:
    """Whether a dictionary reads the word as an adjective formed like a place adjective."""
    lower = word.lower()
    if not any(part in lower for part in ("ськ", "цьк", "зьк", "ск", "цк", "зк")):
        return False  # every case form of -ський, -цький, -зький (-ский…) keeps its stem
    if in_a_dictionary(word):
        return any(r.normal_form.endswith(_PLACE_ADJECTIVE) for lang in ("uk", "ru")
                   for r in known(word, lang) if r.tag.POS == "ADJF")
    # a word neither dictionary has ("Деснянский": Ukrainian -ський in Russian spelling) by
    # the guess from its ending
    return any(r.normal_form.endswith(_PLACE_ADJECTIVE) for lang in ("uk", "ru")
               for r in parse(word, lang) if r.tag.POS == "ADJF")


_MONTHS = frozenset({"may", "june", "august"})


def _set_off(text: str, toks: Tokens, i: int) -> bool:
    """Whether a word is set off by commas mid-sentence, as a name in apposition or address is
    ("call me, Roman, on …", "thank you, Mark."): an English given name that is also a word
    ("Roman", "Mark") is a name there. Not a month: "in April, May, June"."""
    if toks.words[i].lower() in _MONTHS or mark_before(text, toks.starts[i]) != ",":
        return False
    after = text[toks.ends[i] : toks.ends[i] + 1]
    return after in ("", ",", ".", ";", "!", "?")


def _single_word_name(kinds: frozenset[str], word: str, sentence_start: bool) -> bool:
    """Whether one capitalised word with nothing beside it is a name."""
    if "public" in kinds:
        return True
    if "ambiguous" in kinds or (sentence_start and "word" in kinds):
        return False  # "Mark my words", "Надія є": a name only with a name part beside it
    if kinds == {"unknown"}:  # "постер к «Мечтателям» Бертолуччи": a proper noun no
        return not sentence_start and len(word) >= 4  # dictionary knows
    return bool(kinds & {"given", "surname", "patronymic"})


_NAME_KINDS = frozenset({"given", "surname", "patronymic", "public"})


@lru_cache(maxsize=100_000)
def _part(word: str) -> frozenset[str] | None:
    """What a word can be as part of a name (see ``_kinds``), or None when it cannot be part of
    one: a lower-case word, or a word in capitals that no dictionary reads as a name. Official
    papers write surnames in capitals ("ПЕТРЕНКО Іван Іванович", "ТКАЧЕНКО О.В."); "ДПСУ" and
    "ВИРОК" are not names, and three capitals are an acronym ("ГУК", the treasury, not Гук)."""
    if is_capitalised(word):
        return _kinds(word)
    if len(word) >= 4 and word.isupper() and word.replace("-", "").isalpha():
        kinds = _kinds(word.capitalize())
        return kinds if kinds & _NAME_KINDS else None
    return None


@lru_cache(maxsize=100_000)
def _kinds(word: str) -> frozenset[str]:
    """What a capitalised word can be: given, surname, patronymic, public, word, ambiguous, or
    unknown (Cyrillic, and no dictionary knows it at all)."""
    return frozenset(_classify(word, lexicon()))


def _classify(word: str, lex: Lexicon) -> set[str]:
    kinds: set[str] = set()
    if "-" in word and CYRILLIC.search(word):
        return _double_name(word)
    keys = word_keys(word)
    if not keys.isdisjoint(lex.not_names):
        return kinds  # "Шкода", the car
    if not keys.isdisjoint(lex.public):
        kinds.add("public")
    if CYRILLIC.search(word):
        in_dictionary = adverbial = name_only_somewhere = False
        for lang in ("uk", "ru"):
            readings = [grammemes(r) for r in known(word, lang)]
            in_dictionary = in_dictionary or bool(readings)
            here = any(tags & _ADVERBIAL for tags in readings)
            adverbial = adverbial or here
            name_only_somewhere = name_only_somewhere or (not here and any(
                tags & {"Name", "Surn", "Patr"} for tags in readings))
            for tags in readings:  # "Саше": the Name reading is 14th
                if tags & CLOSED_CLASSES:
                    return set()  # "Але", "Коли": a conjunction first, whatever else it may be
                if "Name" in tags:
                    kinds.add("given")
                elif "Surn" in tags:
                    kinds.add("surname")
                elif "Patr" in tags:
                    kinds.add("patronymic")
                elif "Geox" not in tags:
                    kinds.add("word")
        if not keys.isdisjoint(lex.diminutives) or (not in_dictionary and (
                familiar_name(word) or normalise(word) in lex.colloquial)):
            kinds.add("given")  # "Вовчику": a wolf cub to the dictionaries; "Светка", "Димон"
        if adverbial and not name_only_somewhere:
            return set()
        if "given" in kinds and "word" in kinds and not (keys & lex.ambiguous_cyrillic):
            kinds.discard("word")  # "Саше" is a rare word (sachet) and a common name
        if "word" in kinds and _rather_a_surname(word):
            kinds.discard("word")
        if not in_dictionary and word[1:].islower():
            kinds.add("unknown")
        return kinds if kinds - {"word"} else set()
    lower = word.lower()[: without_possessive(word, len(word))]  # "Olena's"
    if lower in lex.latin_given:
        kinds.add("ambiguous" if lower in lex.ambiguous_latin else "given")
    elif _LATIN_SURNAME.search(lower):
        kinds.add("surname")
    if _LATIN_PATRONYMIC.search(lower):  # "Serhii Oleksandrovych Bilous": a surname follows
        kinds.add("patronymic")
    return kinds


def _rather_a_surname(word: str) -> bool:
    """Whether one dictionary reads the word only as a surname and the other as a surname or a
    noun for a person: "Коваленко" (the Ukrainian dictionary's коваленко, a smith's son, is rare
    beside the surname); not "Реку" (a river to the other) nor "Страхова" (the adjective
    "insurance")."""
    readings = [[grammemes(r) for r in known(word, lang)] for lang in ("uk", "ru")]
    return any(tags and all("Surn" in t for t in tags) for tags in readings) and all(
        "Surn" in t or {"NOUN", "anim"} <= t for tags in readings for t in tags)


def _double_name(word: str) -> set[str]:
    """A hyphenated word of two capitalised parts, each a name part and one a surname or a
    given name, is a double surname ("Гребенюк-Савчук", "Петренко-Коваль"); the dictionaries
    know no such word whole (a part may also be a word: Коваль, a smith). A hyphenated place
    ("Кам'янець-Подільський") is found as a place first, and a part that is only a word
    ("Бізнес-Центр") makes it none."""
    parts = word.split("-")
    if len(parts) != 2 or not all(is_capitalised(part) for part in parts):
        return set()
    kinds = [_kinds(part) for part in parts]
    if any(k & {"surname", "given"} for k in kinds) and all(
            k & {"surname", "given", "patronymic", "unknown"} for k in kinds):
        return {"surname"}
    return set()


def _given(word: str) -> bool:
    """Whether a lower-case word can be a given name (see ``_kinds``): "сашко", "вовчику"."""
    return "given" in (_part(word.capitalize()) or ())


def _public(parts: list[str], lex: Lexicon) -> bool:
    return any(not word_keys(word).isdisjoint(lex.public) for word in parts)


def _after_cue(text: str, start: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 20) : start]
    return bool(lex.cue_en.search(before) or lex.cue_cyr.search(before))
