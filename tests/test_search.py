"""Search finds inflected Ukrainian and Russian forms inside the encrypted index."""

from __future__ import annotations

from pathlib import Path

import pytest

from svidok.analysis import lemmas
from svidok.domain.model import Channel, Submission
from svidok.intake import Format
from svidok.vault import Vault, audit, records
from svidok.workflows import search
from svidok.workflows.intake import Options, _store

TEXTS = {
    "kremenchuk": "Мене затримали в Кременчуці біля ринку.",
    "kharkiv": "Сина мобілізували в Харкові у лютому.",
    "kharkov_ru": "Я сейчас в Харькове, ушёл в СЗЧ.",
    "english": "He crossed to Kyiv by train and did not return to the unit.",
    "both": "З Харкова нас повезли до Кременчука.",
}


@pytest.fixture
def filled(vault: Vault) -> dict[str, str]:
    ids = {}
    with vault.db.transaction():
        original = records.add_original(vault.db, b"x", "x", "text", "text", audit.now())
        for key, text in TEXTS.items():
            sub = Submission(channel=Channel.TEXT, text=text)
            ids[key] = _store(vault, sub, original, Channel.TEXT, Format.TEXT, audit.now(),
                              Options())
    return ids


def found(vault: Vault, query: str) -> set[str]:
    return {hit.testimony.id for hit in search.search(vault, query).hits}


@pytest.mark.parametrize(("query", "expected"), [
    ("Кременчук", {"kremenchuk", "both"}),
    ("Кременчуці", {"kremenchuk", "both"}),
    ("Харків", {"kharkiv", "both"}),
    ("харкові", {"kharkiv", "both"}),
    ("Харьков", {"kharkov_ru"}),
    ("мобілізувати", {"kharkiv"}),
    ("Kyiv", {"english"}),
    ("Харків Кременчук", {"both"}),
    ("Крем*", {"kremenchuk", "both"}),
    ("Одеса", set()),
])
def test_query_matches_inflected_forms(
    vault: Vault, filled: dict[str, str], query: str, expected: set[str]
) -> None:
    assert found(vault, query) == {filled[k] for k in expected}


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "a OR", "*", "-x", "col:val", "()"])
def test_query_syntax_characters_are_searched_as_text_not_run(
    vault: Vault, filled: dict[str, str], query: str
) -> None:
    search.search(vault, query)  # must not raise an FTS5 syntax error


def test_hit_carries_a_snippet_around_the_matched_word(
    vault: Vault, filled: dict[str, str]
) -> None:
    hits = search.search(vault, "Кременчук").hits
    [hit] = [h for h in hits if h.testimony.id == filled["kremenchuk"]]
    assert hit.matched == ["Кременчуці"]
    assert "Кременчуці" in hit.snippet


def test_index_holds_no_readable_text_outside_the_encrypted_database(
    vault: Vault, filled: dict[str, str], tmp_path: Path
) -> None:
    assert b"\xd0\x9a\xd1\x80\xd0\xb5" not in (vault.path / "vault.db").read_bytes()  # "Кре"


def test_result_counts_all_matches_beyond_the_page(vault: Vault, filled: dict[str, str]) -> None:
    result = search.search(vault, "Кременчук", limit=1)
    assert (result.total, len(result.hits), result.order) == (2, 1, "relevance")


def test_too_many_matches_to_rank_come_newest_first(vault: Vault, filled: dict[str, str]) -> None:
    page = records.search(vault.db, lemmas.query_groups("Кременчук"), limit=5, rank_limit=1)
    assert page.order == "newest"
    assert [s.id for s, _ in page.rows] == [filled["both"], filled["kremenchuk"]]


def test_guessed_readings_are_used_only_for_words_no_dictionary_knows() -> None:
    assert lemmas.forms("проходять") == {"проходять", "проходити"}
    assert "харьков" in lemmas.forms("Харькове")
    assert lemmas.forms("Вигаданого") & lemmas.forms("Вигаданий")
