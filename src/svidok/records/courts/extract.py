"""Facts of one decision: case, court, date, form, instance, charges, outcome, sentence,
probation, plea agreement, ст. 69, ч. 5 ст. 401 and, for appeals, the result.

Rule-based on the normalised text (texts.normalise): the header gives case number, court, date and
form; the operative part (after УХВАЛИВ / ПОСТАНОВИВ / ВИРІШИВ, or the whole text when none is
found) gives the outcome and sentence. Numbers are read as written, "5 (п'ять) років", "2 (двох)
років", "3 (три) роки 6 (шість) місяців", "1 рік", digits first and words when there are none.
Each fact carries the span of text it came from, so an editor can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from svidok.errors import InputRejected

MONTHS = {"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
          "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12}
NUMBER_WORDS = {"один": 1, "одного": 1, "одна": 1, "одну": 1, "два": 2, "двох": 2, "дві": 2,
                "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'ять": 5, "пяти": 5,
                "п'яти": 5, "шість": 6, "шести": 6, "сім": 7, "семи": 7, "вісім": 8, "восьми": 8,
                "дев'ять": 9, "дев'яти": 9, "десять": 10, "десяти": 10, "одинадцять": 11,
                "дванадцять": 12}
FORMS = ("вирок", "ухвала", "постанова", "рішення")
_APOS = re.compile(r"[’ʼ`]")
_CASE = re.compile(r"Справа\s*№\s*([0-9][0-9\-/]*[0-9](?:/[0-9]+)?)")
_DATE_WORDS = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\s*(?:року|р\.)")
_DATE_DIGITS = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")
_COURT = re.compile(
    r"((?:[А-ЯІЇЄҐ][\w'’\-]*\s+){0,3}(?:районний|міськрайонний|міський|окружний|апеляційний|"
    r"гарнізонний|військовий)\s+суд(?:\s+(?:[А-ЯІЇЄҐ]?[\w'’\-]+)){0,3}?|Верховний Суд|"
    r"Касаційний кримінальний суд[\w\s]*?Верховного Суду)"
    r"(?=\s*(?:,|\(|у\s+складі|в\s+складі|в\s+особі|у\s+особі|під\s+головуванням|\n))")
_CHARGE = re.compile(
    r"(?:ч\.\s*|частин(?:ою|и|а|і)\s+)(\d{1,2}|перш\w*|друг\w*|трет\w*|четверт\w*|п'ят\w*)\s*"
    r"(?:ст\.\s*|статт(?:і|ею|я)\s+)(\d{3}(?:-\d)?)"
    # in a list ("ч. 3 ст. 408, ч. 4 ст. 407 КК") only the last names the code; never КПК
    r"(?!\s*КПК)(?=\s*(?:КК|Кримінального кодексу|,\s*(?:ч\.|частин)|та\s|і\s))")
_PART_WORDS = {"перш": 1, "друг": 2, "трет": 3, "четверт": 4, "п'ят": 5}
_OPERATIVE = re.compile(r"\b(УХВАЛИВ|ПОСТАНОВИВ|ВИРІШИВ|ПОСТАНОВИЛА|УХВАЛИЛА|УХВАЛИЛИ)\s*:?")
_TERM = re.compile(
    r"(\d{1,2}|[\w']+)?\s*(?:\(([\w']+)\)\s*)?(рік|роки|років|року)"
    r"(?:\s+(?:і\s+)?(\d{1,2})?\s*(?:\(([\w']+)\)\s*)?(місяц\w*))?")
_PRISON = re.compile(r"позбавлення\s+волі\s+на\s+строк\s+")
_PROBATION = re.compile(r"іспитов\w+\s+строк\w*\s+(?:тривалістю\s+|на\s+)?")
_RULES = (
    ("acquitted", re.compile(r"\bвиправда\w+")),
    ("returned", re.compile(r"обвинувальний акт\w*\s+[^.]{0,80}?повернути|повернути\s+прокурору")),
    ("closed", re.compile(r"кримінальне провадження\s+[^.]{0,120}?закрити|закрити кримінальне "
                          r"провадження|звільнити\s+[^.]{0,80}?від кримінальної відповідальності")),
    ("probation", re.compile(r"звільнити\s+[^.]{0,80}?від відбування (?:основного )?покарання "
                             r"з випробуванням|на підставі ст(?:\.|атті)\s*75")),
    ("convicted", re.compile(r"визнати\s+[^.]{0,80}?винуват\w+")),
)


@dataclass(frozen=True)
class Fact:
    value: Any
    span: tuple[int, int] | None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "span": None if self.span is None else list(self.span)}


@dataclass
class Facts:
    facts: dict[str, Fact] = field(default_factory=dict)

    def set(self, name: str, value: Any, span: tuple[int, int] | None = None) -> None:
        self.facts[name] = Fact(value, span)

    def value(self, name: str) -> Any:
        fact = self.facts.get(name)
        return None if fact is None else fact.value

    def to_json(self) -> dict[str, Any]:
        return {name: fact.to_json() for name, fact in self.facts.items()}


def extract(text: str) -> Facts:
    if not text.strip():
        raise InputRejected("the decision text is empty")
    text = _APOS.sub("'", text)
    if not re.search(r"\b(?:ВИРОК|УХВАЛА|ПОСТАНОВА|РІШЕННЯ)\b", text):
        raise InputRejected("not a court decision: no ВИРОК, УХВАЛА, ПОСТАНОВА or РІШЕННЯ")
    facts = Facts()
    _header(text, facts)
    operative_at = _operative_start(text)
    operative = text[operative_at:]
    _charges(text, facts)
    _flags(text, facts)
    _outcome(operative, operative_at, facts)
    _terms(operative, operative_at, facts)
    if facts.value("instance") == "appeal":
        _appeal(operative, operative_at, facts)
        if facts.value("appeal_result") == "upheld" and facts.value("sentence") is None:
            _terms(text[:operative_at], 0, facts)  # the sentence it upholds, stated above
    return facts


def _header(text: str, facts: Facts) -> None:
    head = text[:3000]
    if m := _CASE.search(head):
        facts.set("case_number", m.group(1), m.span(1))
    if m := _COURT.search(head):
        court = " ".join(m.group(1).split())
        facts.set("court", court, m.span(1))
        lower = court.lower()
        instance = "cassation" if "верховн" in lower or "касаційн" in lower else \
            "appeal" if "апеляційн" in lower else "first"
        facts.set("instance", instance, m.span(1))
    dates = [(m.start(), m) for m in _DATE_WORDS.finditer(head)] + \
        [(m.start(), m) for m in _DATE_DIGITS.finditer(head)]
    if dates:
        _, m = min(dates, key=lambda d: d[0])
        if m.re is _DATE_WORDS:
            iso = f"{m.group(3)}-{MONTHS[m.group(2)]:02}-{int(m.group(1)):02}"
        else:
            iso = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
        facts.set("decision_date", iso, m.span())
    for m in re.finditer(r"\b(ВИРОК|УХВАЛА|ПОСТАНОВА|РІШЕННЯ)\b", head):
        facts.set("form", m.group(1).lower(), m.span())
        break


def _operative_start(text: str) -> int:
    matches = list(_OPERATIVE.finditer(text))
    return matches[-1].end() if matches else 0


def _charges(text: str, facts: Facts) -> None:
    found: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    for m in _CHARGE.finditer(text):
        article = m.group(2)
        if not 109 <= int(article.split("-")[0]) <= 447 or article == "401":
            continue  # the general part (ст. 69, 75, 401) is not a charge
        part_text = m.group(1).lower()
        part = int(part_text) if part_text.isdigit() else next(
            (n for stem, n in _PART_WORDS.items() if part_text.startswith(stem)), None)
        charge = {"article": article, "part": part}
        if charge not in found:
            found.append(charge)
            spans.append(m.span())
    facts.set("charges", found, spans[0] if spans else None)


def _flags(text: str, facts: Facts) -> None:
    for name, pattern in (
        ("plea_agreement", r"угод\w*\s+про\s+визнання\s+винуватості"),
        ("article_69", r"(?:ст\.\s*|статт\w+\s+)69\s*(?:КК|Кримінального)"),
        ("voluntary_return_exemption",
         r"(?:ч\.\s*5|частин\w+\s+(?:п'ят\w+|5))\s*(?:ст\.\s*|статт\w+\s+)401"),
    ):
        m = re.search(pattern, text, re.IGNORECASE)
        facts.set(name, m is not None, None if m is None else m.span())


def _outcome(operative: str, offset: int, facts: Facts) -> None:
    for outcome, pattern in _RULES:
        if m := pattern.search(operative):
            if outcome == "convicted" and _PROBATION.search(operative):
                outcome = "probation"
            facts.set("outcome", outcome, (offset + m.start(), offset + m.end()))
            return
    facts.set("outcome", "other", None)


def _terms(operative: str, offset: int, facts: Facts) -> None:
    if m := _PRISON.search(operative):
        term = _read_term(operative, m.end())
        if term is not None:
            years, months, end = term
            facts.set("sentence", {"years": years, "months": months}, (offset + m.start(),
                                                                        offset + end))
    if m := _PROBATION.search(operative):
        term = _read_term(operative, m.end())
        if term is not None:
            facts.set("probation_years", term[0] + term[1] / 12, (offset + m.start(),
                                                                  offset + term[2]))


def _read_term(text: str, at: int) -> tuple[int, int, int] | None:
    m = _TERM.match(text, at)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    years = _number(m.group(1), m.group(2))
    months = _number(m.group(4), m.group(5)) if m.group(6) else 0
    if years is None:
        return None
    return years, months or 0, m.end()


def _number(digits: str | None, words: str | None) -> int | None:
    if digits and digits.isdigit():
        return int(digits)
    for candidate in (digits, words):
        if candidate and candidate.lower() in NUMBER_WORDS:
            return NUMBER_WORDS[candidate.lower()]
    return None


def _appeal(operative: str, offset: int, facts: Facts) -> None:
    for result, pattern in (("quashed", r"\bскасувати\b"), ("changed", r"\bзмінити\b"),
                            ("upheld", r"залишити\s+без\s+змін")):
        if m := re.search(pattern, operative, re.IGNORECASE):
            facts.set("appeal_result", result, (offset + m.start(), offset + m.end()))
            return
