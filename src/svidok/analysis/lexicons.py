"""The word lists every word of a text is matched against — theme terms
(data/analysis/themes.yaml), rank and role words (data/analysis/risk.yaml), demonyms
(data/gazetteer/demonyms.yaml), nouns of kinship and acquaintance (``relations`` in
data/analysis/persons.yaml) — and one look-up per distinct word in all of them at once.

Each list is expanded once into every inflected form of its words (``surface.FormIndex``), so a
text's word is matched by its spelling, not lemmatised. Themes, roles and demonyms used to look
each word up in their own list: four passes over every word of every text, and, for a word the
process had not seen, four spellings and four Python functions (~4.3 µs a word, about a
quarter of the time on new text). Here one table maps the spelling of every form in any list to
what it is in each; most words of a text are in none, and ``of(text)`` hands the recognisers
only the indices of those that are (``marked``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from svidok.analysis.lemmas import known
from svidok.analysis.surface import FormIndex, lemma_keys, lower_spelling
from svidok.analysis.tokens import words
from svidok.datafiles import load_yaml

_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Term:
    theme: str
    words: tuple[frozenset[str] | str, ...]  # per word: its forms, or a "prefix*"
    weight: float
    label: str
    rest_forms: tuple[frozenset[str], ...]  # the forms of the later words that are not prefixes
    negatable: bool = False  # not counted right after a negation ("не повернувся", "not return")
    # words that void it with at most MAX_GAP words between, either side, in its sentence:
    # "stopped by border guards" is no street stop
    not_near: tuple[frozenset[str] | str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The themes' terms, indexed by their first word."""

    thresholds: dict[str, float]
    index: FormIndex  # a text word -> the term-word keys it is a form of
    by_form: dict[str, list[Term]]
    by_prefix: dict[str, list[Term]]  # keyed by the prefix without its "*"


Role = tuple[frozenset[str], ...]  # the keys of each of a role's words: "командир взводу"


# Ukrainian prepositions and conjunctions that change form for euphony alone ("ночувати у
# знайомих", "ночую в знайомих"; "з/із/зі"): in a Ukrainian phrase, each stands for the others.
# Not in Russian, where "у" is "at" and "в" is "in" ("поймать у магазина").
_EUPHONIC = (frozenset({"в", "у"}), frozenset({"з", "із", "зі"}), frozenset({"і", "й"}))


def _variants(word: str, ukrainian: bool) -> frozenset[str]:
    return next((group for group in _EUPHONIC if ukrainian and word in group), frozenset({word}))


def _ukrainian(words: list[str]) -> bool:
    """Whether a phrase is Ukrainian: a word of it only the Ukrainian dictionary knows."""
    return any(known(w, "uk") and not known(w, "ru") for w in words if not w.endswith("*"))


def _part(word: str, ukrainian: bool) -> frozenset[str] | str:
    """A term word: the keys of its forms, or a "prefix*" as it is (lower-cased)."""
    return (word.lower() if word.endswith("*")
            else frozenset().union(*map(lemma_keys, _variants(word, ukrainian))))


@dataclass(frozen=True)
class _Group:
    """What a group of terms in themes.yaml shares besides its theme and weight."""

    negatable: bool = False
    not_near: tuple[frozenset[str] | str, ...] = ()
    label: str = ""  # one label for all its terms (``once``): the group counts once


def _term(theme: str, text: str, weight: float, words: list[str], ukrainian: bool,
          group: _Group) -> Term:
    parts = [_part(w, ukrainian) for w in words]
    rest = tuple(p for p in parts[1:] if isinstance(p, frozenset))
    return Term(theme, tuple(parts), weight, group.label or text, rest, group.negatable,
                group.not_near)


_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ'ʼ’-]+", re.IGNORECASE)
_MAX_ROTATED = 3
# Prepositions a phrase moved about need not begin with: "тримати в підвал" moved is matched
# from "підвал" on ("у підвалі тримали"); a term beginning with "в" would be tried at every "в".
_PREPOSITIONS = frozenset({"в", "у", "з", "із", "зі", "на", "до", "від", "по", "за", "с", "со",
                           "из", "от", "во", "о", "об"})


def _terms(theme: str, text: str, weight: float, group: _Group) -> list[Term]:
    """A term, and for a Ukrainian or Russian phrase of two or three words also the phrase with
    its first word moved to the end: word order is free there, and the verb often comes last
    ("відібрати телефон" ~ "телефон відібрали", "тримати в підвал" ~ "у підвалі тримали"). Both
    count as one term (one label)."""
    words = text.split()
    ukrainian = len(words) > 1 and _ukrainian(words)  # one answer for both word orders
    terms = [_term(theme, text, weight, words, ukrainian, group)]
    if 1 < len(words) <= _MAX_ROTATED and all(map(_CYRILLIC_WORD.fullmatch, words)) \
            and words[0] not in ("не", "ні"):  # a negation moved to the end negates nothing
        moved = [*words[1:], words[0]]
        while moved[0] in _PREPOSITIONS:
            moved.pop(0)
        if len(moved) > 1:
            terms.append(_term(theme, text, weight, moved, ukrainian, group))
    return terms


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    raw = load_yaml("analysis", "themes.yaml")
    thresholds: dict[str, float] = {}
    by_form: dict[str, list[Term]] = {}
    by_prefix: dict[str, list[Term]] = {}
    lemma_words: set[str] = set()
    seen: set[tuple[str, tuple[frozenset[str] | str, ...]]] = set()
    for theme_id, spec in raw["themes"].items():
        thresholds[theme_id] = float(spec.get("threshold", 1.0))
        for group in spec["terms"]:
            voiding = group.get("not_near", [])
            lemma_words.update(w for w in voiding if not w.endswith("*"))
            shared = _Group(bool(group.get("negatable", False)),
                            tuple(_part(w, False) for w in voiding),
                            group["t"][0] if group.get("once") else "")
            for text in group["t"]:
                # every phrase word with its euphonic variants (only Ukrainian phrases use them)
                lemma_words.update(v for w in text.split() if not w.endswith("*")
                                   for v in _variants(w, True))
                for term in _terms(theme_id, text, float(group["w"]), shared):
                    # one spelling of another ("тётка", "тетка"; "ТЦК", "тцк") is that term: the
                    # first written counts, once
                    if (theme_id, term.words) in seen:
                        continue
                    seen.add((theme_id, term.words))
                    first = term.words[0]
                    if isinstance(first, str):
                        by_prefix.setdefault(first[:-1], []).append(term)
                    else:
                        for form in first:
                            by_form.setdefault(form, []).append(term)
    return Taxonomy(thresholds, FormIndex(lemma_words), by_form, by_prefix)


@lru_cache(maxsize=1)
def roles() -> tuple[FormIndex, dict[str, list[Role]]]:
    """Every inflected form of the role words, and the roles by the keys of their first word."""
    phrases = load_yaml("analysis", "risk.yaml")["roles"]
    by_first: dict[str, list[Role]] = {}
    for phrase in phrases:
        role = tuple(lemma_keys(w) for w in phrase.split())
        for form in role[0]:
            by_first.setdefault(form, []).append(role)
    return FormIndex(w for phrase in phrases for w in phrase.split()), by_first


@lru_cache(maxsize=1)
def demonyms() -> tuple[FormIndex, dict[str, str]]:
    """Every inflected form of the demonyms, and the city (its Ukrainian name) of each key."""
    raw = load_yaml("gazetteer", "demonyms.yaml")
    city_of = {key: city for city, names in raw["cities"].items() for name in names
               for key in lemma_keys(name)}
    return FormIndex(w for names in raw["cities"].values() for w in names), city_of


@lru_cache(maxsize=1)
def relations() -> FormIndex:
    """Every inflected form of the nouns of kinship and acquaintance (persons.yaml) after which
    a chat's lower-case given name is a name ("дружина ірина", "з братом андрієм")."""
    return FormIndex(load_yaml("analysis", "persons.yaml")["relations"])


@dataclass(frozen=True)
class _Lists:
    """Everything ``word_facts`` reads, gathered once."""

    table: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]  # a
    # spelling -> its keys among the theme words, the role words, the demonyms and the relations
    head: int  # the length of the shortest term prefix
    heads: frozenset[str]  # the first ``head`` letters of every term prefix
    prefixed: dict[str, list[Term]]  # a prefix (without its "*") -> the terms it begins
    by_form: dict[str, list[Term]]
    roles_by_first: dict[str, list[Role]]
    city_of: dict[str, str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    tax = taxonomy()
    themes, roles_, demonyms_, relations_ = tax.index, roles()[0], demonyms()[0], relations()
    spelt = {*themes.spellings(), *roles_.spellings(), *demonyms_.spellings(),
             *relations_.spellings()}
    table = {s: (themes.of_spelling(s), roles_.of_spelling(s), demonyms_.of_spelling(s),
                 relations_.of_spelling(s)) for s in spelt}
    head = min(map(len, tax.by_prefix), default=1)
    heads = frozenset(stem[:head] for stem in tax.by_prefix)
    return _Lists(table, head, heads, tax.by_prefix, tax.by_form, roles()[1], demonyms()[1])


@dataclass(slots=True, eq=False)
class WordFacts:
    """What one word is in the lists (a word in none of them has no ``WordFacts``). Read only,
    though not frozen: one is made for every new word in a list, and a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) took ~1 % of a round of new words."""

    terms: tuple[Term, ...]  # theme terms it can be the first word of
    theme_keys: frozenset[str]  # theme-word keys it is a form of (for a term's later words)
    roles: tuple[Role, ...]  # roles it can be the first word of
    role_keys: frozenset[str]  # role-word keys it is a form of (for a role's later words)
    city: str  # the city it names the people of ("киянами" -> "Київ"), or ""
    relation: bool  # a noun of kinship or acquaintance ("братом", "сусідка")


@lru_cache(maxsize=200_000)
def word_facts(word: str) -> WordFacts | None:
    """The word in every list; ``None`` when it is in none (most words of a text: one dict
    look-up and one set look-up of its first letters decide that). A hyphenated word in no list
    whole is what its parts are (``_parts``)."""
    lower = word.lower()
    lists = _lists()
    found = lists.table.get(lower_spelling(lower))
    head = lists.head
    prefixed = lower[:head] in lists.heads
    if found is None and not prefixed:
        return _parts(lower) if "-" in lower else None
    theme_keys, role_keys, demonym_keys, relation_keys = found or (_EMPTY,) * 4
    # in a fixed order (not a set's, which varies with the hash seed): of two terms on one
    # span only the first counts, so the order must not change from run to run
    terms = {id(t): t for f in sorted(theme_keys) for t in lists.by_form.get(f, ())}
    if prefixed:
        terms.update({id(t): t for n in range(head, len(lower) + 1)
                      for t in lists.prefixed.get(lower[:n], ())})
    starts = {id(r): r for f in role_keys for r in lists.roles_by_first.get(f, ())}
    city = next((lists.city_of[k] for k in sorted(demonym_keys) if k in lists.city_of), "")
    if not (terms or theme_keys or starts or role_keys or city or relation_keys):
        return _parts(lower) if "-" in lower else None
    return WordFacts(tuple(terms.values()), theme_keys, tuple(starts.values()), role_keys, city,
                     bool(relation_keys))


def _parts(lower: str) -> WordFacts | None:
    """What a hyphenated word's parts are in the lists, together: "матерью-инвалидом" is the
    mother and a disability, "мать-одиночка" a mother. Not a number's ending: "68-ма" is no
    mum."""
    split = lower.split("-")
    if not all(map(str.isalpha, split)):
        return None
    parts = [f for f in map(word_facts, split) if f is not None]
    if len(parts) < 2:
        return parts[0] if parts else None
    return WordFacts(tuple({id(t): t for f in parts for t in f.terms}.values()),
                     frozenset().union(*(f.theme_keys for f in parts)),
                     tuple({id(r): r for f in parts for r in f.roles}.values()),
                     frozenset().union(*(f.role_keys for f in parts)),
                     next((f.city for f in parts if f.city), ""),
                     any(f.relation for f in parts))


class TextFacts:
    """A text's words in the lists: ``facts[i]`` for word ``i`` (None: in no list), and the
    words that are in one as (index, facts), in text order."""

    __slots__ = ("facts", "marked")

    def __init__(self, text: str) -> None:
        facts = list(map(word_facts, words(text)))  # C-level loops: word_facts is an lru cache
        self.facts: list[WordFacts | None] = facts
        self.marked: list[tuple[int, WordFacts]] = list(
            zip(compress(range(len(facts)), facts), filter(None, facts), strict=True))

    def theme_keys(self, i: int) -> frozenset[str]:
        facts = self.facts[i]
        return _EMPTY if facts is None else facts.theme_keys

    def role_keys(self, i: int) -> frozenset[str]:
        facts = self.facts[i]
        return _EMPTY if facts is None else facts.role_keys


@lru_cache(maxsize=8)  # themes, risk and places each ask for the text being analysed
def of(text: str) -> TextFacts:
    return TextFacts(text)
