"""Personal data that is not a name: phones, e-mails, handles, documents, plates, addresses,
birth dates. Patterns and context words are data (``data/analysis/personal_data.yaml``); this
module compiles them once and applies them. Phones go through Google's libphonenumber
(``phonenumbers``), which knows every country's numbering plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import phonenumbers
from stdnum import iban, luhn
from stdnum.ua import rntrc

from svidok.analysis.tokens import cued
from svidok.datafiles import load_yaml
from svidok.domain.annotations import Entity


@dataclass(frozen=True)
class Recognizer:
    name: str
    type: str
    pattern: re.Pattern[str]
    group: int
    context: tuple[str, ...]
    window: int
    validate: Callable[[str], bool] | None
    priority: int
    needs_digit: bool  # the entity itself has digits: texts without any are skipped
    requires: tuple[str, ...]  # one must occur in the lower-cased text, or the pattern is skipped
    digits: int  # the match has this many digits in a row: texts with no such run are skipped
    anchors: tuple[str, ...]  # every match begins with one: tried only where one occurs

    def finditer(self, text: str, lower: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text`` (``lower`` is ``text.lower()``)."""
        if self.anchors:
            return cued(self.pattern, text, lower, self.anchors)
        return self.pattern.finditer(text)

def rnokpp_valid(text: str) -> bool:
    """The РНОКПП check digit (python-stdnum's ``ua.rntrc``: weighted sum of the first nine
    digits, mod 11, mod 10)."""
    return bool(rntrc.is_valid(text))


def card_valid(text: str) -> bool:
    """A payment card number: 13-19 digits passing the Luhn check."""
    digits = _NOT_DIGIT.sub("", text)
    return 13 <= len(digits) <= 19 and bool(luhn.is_valid(digits))


def iban_valid(text: str) -> bool:
    """An IBAN of a length its country uses, with a valid mod-97 checksum."""
    return bool(iban.is_valid(text))


def unzr_valid(text: str) -> bool:
    """A demographic register record number whose first eight digits are a real date."""
    try:
        date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return True


_NOT_DIGIT = re.compile(r"\D")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")

VALIDATORS: dict[str, Callable[[str], bool]] = {
    "rnokpp": rnokpp_valid, "card": card_valid, "iban": iban_valid, "unzr": unzr_valid,
}


@lru_cache(maxsize=1)
def recognizers() -> tuple[Recognizer, ...]:
    raw = load_yaml("analysis", "personal_data.yaml")
    return tuple(_compile(entry) for entry in raw["recognizers"])


def _compile(entry: dict[str, Any]) -> Recognizer:
    flags = re.IGNORECASE if entry.get("flags") == "i" else 0
    validate = entry.get("validate")
    pattern = entry["pattern"]
    if "first" in entry:
        pattern = f"(?=[{entry['first']}])(?:{pattern})"
    return Recognizer(
        name=entry["name"],
        type=entry["type"],
        pattern=re.compile(pattern, flags),
        group=int(entry.get("group", 0)),
        context=tuple(word.lower() for word in entry.get("context", ())),
        window=int(entry.get("window", 60)),
        validate=None if validate is None else VALIDATORS[validate],
        priority=int(entry.get("priority", 50)),
        needs_digit=entry["type"] not in ("email", "handle") or entry["name"] == "numeric_user_id",
        requires=tuple(w.lower() for w in entry.get(
            "requires", entry.get("anchors", entry.get("context", ())))),
        digits=int(entry.get("digits", 0)),
        anchors=tuple(w.lower() for w in entry.get("anchors", ())),
    )


def find(text: str) -> Iterator[tuple[int, Entity]]:
    """Candidate entities with their priority; overlaps are settled by the caller."""
    lower = text.lower()
    has_digit = _DIGIT.search(text) is not None
    longest_run = max(map(len, _DIGITS.findall(text)), default=0) if has_digit else 0
    for rec in recognizers():
        if (rec.needs_digit and not has_digit) or rec.digits > longest_run or (
            rec.requires and not any(map(lower.__contains__, rec.requires))
        ):
            continue
        for match in rec.finditer(text, lower):
            start, end = match.span(rec.group)
            value = match.group(rec.group)
            if rec.context and not any(
                word in lower[max(0, start - rec.window) : start] for word in rec.context
            ):
                continue
            if rec.validate is not None and not rec.validate(value):
                continue
            yield rec.priority, Entity(start, end, value, rec.type, rec.name)
    if has_digit:
        yield from _phones(text)


# A year right after a name and a comma, with the word for a year: a birth year ("Серёгу
# Бондаря, 2001 года", "Іван Петренко, 1995 р."), as "1995 року народження" is; or alone before
# a comma, a stop or a bracket, a year a grown man can be born in ("андрей савчук, 1994,
# позывной …"; not "2023", a year things happen in).
_YEAR_AFTER_NAME = re.compile(
    r",[ \t]*(?:((?:19[3-9]|20[0-2])\d)[ \t]*(?:года|г\.|року|р\.|рік)(?!\w)"
    r"|((?:19[3-9]\d|200\d))(?=[ \t]*[,;)]|\.(?!\d)))")
_BIRTH_PRIORITY = 70  # as the birth dates of personal_data.yaml


def years_after_names(text: str, names: list[Entity]) -> list[tuple[int, Entity]]:
    """Birth years right after a person's name (``names``): "Серёгу Бондаря, 2001 года"."""
    years = []
    for name in names:
        if (match := _YEAR_AFTER_NAME.match(text, name.end)) is not None:
            year = match.lastindex or 1  # the group that matched: with its word, or alone
            years.append((_BIRTH_PRIORITY, Entity(*match.span(year), match.group(year),
                                                  "birth_date", "year_after_name")))
    return years


# A run of digits and the separators phone numbers are written with, with at least
# _MIN_PHONE_DIGITS digits (the shortest valid numbers with their country code have 7, Niue's).
# libphonenumber's matcher parses every number-like run it finds (years, dates, unit numbers);
# handing it only the windows around runs that have enough digits for a phone number halves its
# time, with the same results (a property test compares both on generated text). The regex
# itself rejects shorter runs, so they cost no Python step.
_MIN_PHONE_DIGITS = 6
_NUMBER_RUN = re.compile(rf"(?=[+(\d])[+(]?\d(?:[\s()\-.‑–]*\d){{{_MIN_PHONE_DIGITS - 1},}}")
_CONTEXT = 24  # characters either side: extensions ("доб. 12"), and what the matcher checks


# The old long-distance prefix "8" before a number with its trunk 0 ("8-067-123-45-67",
# "8 (067) 123-45-67"): libphonenumber reads the eleven digits as one invalid number and finds
# nothing, or the number without its 8. Such an 8, where no number found covers it, is blanked
# out (a space: offsets stay), the window matched again, and the 8 given back to the number
# found after it.
_TRUNK_8 = re.compile(r"(?<![\d+])8(?=[\s\-.(]*0\d)")
_BEFORE_NUMBER = " -.("


def _phones(text: str) -> Iterator[tuple[int, Entity]]:
    for a, b in _phone_windows(text):
        window = text[a:b]
        matches = _match_phones(window)
        trunks = {m.start() for m in _TRUNK_8.finditer(window)
                  if not any(found.start <= m.start() < found.end for found in matches)}
        if trunks:
            window = "".join(" " if k in trunks else c for k, c in enumerate(window))
            again = _match_phones(window)
            # a number of the first pass is kept where the second found none over it: the blank
            # can change how the matcher reads a neighbour ("0671234567x8 8-067…" had lost the
            # first number, its extension read on into the blanked 8)
            matches = sorted(again + [m for m in matches if not any(
                m.start < other.end and other.start < m.end for other in again)],
                key=lambda m: m.start)
        for match in matches:
            start = a + _with_trunk(window, match.start, trunks)
            yield 95, Entity(start, a + match.end, text[start : a + match.end], "phone",
                             "phonenumbers")


def _match_phones(window: str) -> list[phonenumbers.PhoneNumberMatch]:
    return list(phonenumbers.PhoneNumberMatcher(window, "UA",
                                                leniency=phonenumbers.Leniency.VALID))


def _with_trunk(window: str, start: int, trunks: set[int]) -> int:
    """Where a number found at ``start`` begins with the trunk 8 blanked before it, if any."""
    at = start - 1
    while at >= 0 and (at in trunks or window[at] in _BEFORE_NUMBER):
        if at in trunks:
            return at
        at -= 1
    return start


def _phone_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for run in _NUMBER_RUN.finditer(text):
        a, b = max(0, run.start() - _CONTEXT), min(len(text), run.end() + _CONTEXT)
        if windows and a <= windows[-1][1]:
            a = windows.pop()[0]
        windows.append((a, b))
    return windows
