"""Personal data other than names: every form the issue lists, and near misses that are not."""

from __future__ import annotations

import pytest

from svidok.analysis import analyze
from svidok.analysis.personal import rnokpp_valid


def found(text: str, kind: str) -> list[str]:
    return [e.text for e in analyze(text).entities if e.type == kind]


@pytest.mark.parametrize("phone", [
    "+380 67 123 45 67", "+380671234567", "0671234567", "067-123-45-67", "(067) 123-45-67",
    "050 123 45 67", "+48 512 345 678",
])
def test_phones_in_every_common_form(phone: str) -> None:
    assert found(f"Пишіть або дзвоніть {phone} увечері.", "phone") == [phone]


def test_emails_handles_links_and_user_ids() -> None:
    text = ("Пишіть на olena.k+tips@example.org, у телеграм @svidok_test, "
            "або t.me/svidok_channel; user id: 123456789.")
    assert found(text, "email") == ["olena.k+tips@example.org"]
    assert found(text, "handle") == ["@svidok_test", "t.me/svidok_channel", "123456789"]


def test_old_passport_and_id_card_numbers() -> None:
    assert found("паспорт КВ 418273 видано", "id_document") == ["КВ 418273"]
    assert found("мій паспорт (ID-картка) 004512378", "id_document") == ["004512378"]
    assert found("замовлення 004512378 доставлено", "id_document") == []


def test_rnokpp_needs_a_valid_check_digit_or_its_name_beside_it() -> None:
    valid = "3184710691"
    assert rnokpp_valid(valid)
    assert found(f"номер {valid} записали", "tax_id") == [valid]
    assert found("номер 3184710692 записали", "tax_id") == []
    assert found("РНОКПП 3184710692 записали з помилкою", "tax_id") == ["3184710692"]


def test_military_id_and_drivers_licence_by_their_cue() -> None:
    assert found("військовий квиток АА 1234567 забрали", "id_document") == ["АА 1234567"]
    assert found("посвідчення водія ВХС 123456 у мене", "id_document") == ["ВХС 123456"]


@pytest.mark.parametrize("plate", ["АА 1234 ВВ", "BC1234AK", "АХ 0001 КІ"])
def test_vehicle_plates(plate: str) -> None:
    assert found(f"бус з номером {plate} стояв", "vehicle_plate") == [plate]


@pytest.mark.parametrize(("text", "address"), [
    ("живу на вулиці Шевченка, 212 з мамою", "вулиці Шевченка, 212"),
    ("адреса: вул. Героїв Праці, буд. 7, кв. 15.", "вул. Героїв Праці, буд. 7, кв. 15"),
    ("прописан на ул. Ленина, д. 4", "ул. Ленина, д. 4"),
    ("he lived at 12 Baker Street before", "12 Baker Street"),
])
def test_street_addresses(text: str, address: str) -> None:
    assert found(text, "address") == [address]


@pytest.mark.parametrize(("text", "birth"), [
    ("Тарас, 1987 року народження, з Черкас", "1987"),
    ("народився 12.03.1990 у Полтаві", "12.03.1990"),
    ("родился в 1985 году", "1985"),
    ("he was born in 1991", "1991"),
])
def test_birth_dates_and_years(text: str, birth: str) -> None:
    assert found(text, "birth_date") == [birth]


def test_years_that_are_not_births_are_not_flagged() -> None:
    assert found("У 2024 році мене мобілізували.", "birth_date") == []
