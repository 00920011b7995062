"""Cyrillic to Latin transliteration, in the schemes testimonies in English actually use.

The tables are data (``data/analysis/translit.yaml``). ``variants`` gives every scheme's spelling
of a word, so "Гайсин" yields Haisyn (KMU 2010), Haysyn, Gaysin and Gaisin, and "Сергій" yields
Serhii and Serhiy.
"""

from __future__ import annotations

from functools import lru_cache

from svidok.datafiles import load_yaml

Scheme = tuple[dict[str, str], dict[str, str]]


@lru_cache(maxsize=1)
def schemes() -> dict[str, Scheme]:
    raw = load_yaml("analysis", "translit.yaml")["schemes"]
    found: dict[str, Scheme] = {}
    for name, s in raw.items():  # a scheme that ``extends`` another comes after it
        base = found[s["extends"]] if "extends" in s else ({}, {})
        found[name] = ({**base[0], **s["letters"]}, {**base[1], **s.get("initial", {})})
    return found


@lru_cache(maxsize=1)
def _names_only() -> frozenset[str]:
    """The schemes used for given names alone (the English press's "Maxim", "Alexey")."""
    raw = load_yaml("analysis", "translit.yaml")["schemes"]
    return frozenset(name for name, s in raw.items() if s.get("names_only"))


def transliterate(text: str, scheme: str = "kmu2010") -> str:
    letters, initial = schemes()[scheme]
    out: list[str] = []
    i = 0
    lower = text.lower()
    while i < len(text):
        at_start = i == 0 or not lower[i - 1].isalpha()
        pair = lower[i : i + 2]
        if len(pair) == 2 and pair in letters:
            latin, step = letters[pair], 2
        elif at_start and lower[i] in initial:
            latin, step = initial[lower[i]], 1
        else:
            latin, step = letters.get(lower[i], text[i]), 1
        if text[i].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        i += step
    return "".join(out)


def variants(text: str, names: bool = False) -> set[str]:
    """Every scheme's spelling of ``text``; with ``names``, the schemes for given names too."""
    return {transliterate(text, name) for name in schemes()
            if names or name not in _names_only()}
