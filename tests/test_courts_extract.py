"""Facts of decisions, on fixture decisions written for the project (tests/fixtures/courts)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CliResult
from svidok.errors import InputRejected
from svidok.records.courts import extract, texts

Cli = Callable[..., CliResult]
FIXTURES = Path(__file__).parent / "fixtures" / "courts"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))
CASES = [(name, field, value) for name, facts in EXPECTED.items() for field, value in facts.items()]


@pytest.mark.parametrize(("name", "field", "value"), CASES,
                         ids=[f"{n.removesuffix('.txt')}-{f}" for n, f, _ in CASES])
def test_every_field_of_every_fixture_decision(name: str, field: str, value: Any) -> None:
    facts = extract.extract(texts.read(FIXTURES / name))
    assert facts.value(field) == value


def test_each_fact_points_at_the_text_it_came_from() -> None:
    text = texts.read(FIXTURES / "probation_plea_407_4.txt")
    facts = extract.extract(text)
    for name in ("case_number", "court", "decision_date", "sentence", "probation_years",
                 "plea_agreement", "article_69"):
        span = facts.facts[name].span
        assert span is not None, name
    start, end = facts.facts["sentence"].span  # type: ignore[misc]
    assert text[start:end].endswith("3 (три) роки 6 (шість) місяців")


@pytest.mark.parametrize(("phrase", "years", "months"), [
    ("позбавлення волі на строк 5 (п'ять) років", 5, 0),
    ("позбавлення волі на строк 2 (двох) років", 2, 0),
    ("позбавлення волі на строк 3 (три) роки 6 (шість) місяців", 3, 6),
    ("позбавлення волі на строк 1 рік", 1, 0),
    ("позбавлення волі на строк чотири роки", 4, 0),
])
def test_terms_written_with_digits_words_or_both(phrase: str, years: int, months: int) -> None:
    facts = extract.extract(f"ВИРОК\nУХВАЛИВ:\nОСОБА_1 визнати винуватим та призначити {phrase}.")
    assert facts.value("sentence") == {"years": years, "months": months}


def test_code_of_criminal_procedure_articles_are_not_charges() -> None:
    facts = extract.extract("ВИРОК\nкеруючись ч. 1 ст. 368 КПК України, за ч. 5 ст. 407 КК")
    assert facts.value("charges") == [{"article": "407", "part": 5}]


@pytest.mark.parametrize("text", ["   ", "Протокол зборів трудового колективу"])
def test_a_text_that_is_not_a_decision_is_refused(text: str) -> None:
    with pytest.raises(InputRejected):
        extract.extract(text)


def test_cli_extract_a_folder(cli: Cli) -> None:
    result = cli("courts", "extract", FIXTURES, "--json", passphrase=None)
    found = {r["file"]: r["facts"]["outcome"]["value"] for r in json.loads(result.out)}
    assert result.code == 1  # README.md and expected.json are not decisions
    assert found["acquitted_407.txt"] == "acquitted"
    assert found["returned_407.txt"] == "returned"
