"""Personal data other than names: every form the issue lists, and near misses that are not."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svidok.analysis import analyze, personal
from svidok.analysis.personal import rnokpp_valid
from svidok.datafiles import load_yaml


def found(text: str, kind: str) -> list[str]:
    return [e.text for e in analyze(text).entities if e.type == kind]


@pytest.mark.parametrize("phone", [
    "+380 67 123 45 67", "+380671234567", "0671234567", "067-123-45-67", "(067) 123-45-67",
    "050 123 45 67", "+48 512 345 678",
    "8-067-123-45-67", "8 (067) 123-45-67", "8 050 123 45 67",  # the old long-distance 8
])
def test_phones_in_every_common_form(phone: str) -> None:
    assert found(f"Пишіть або дзвоніть {phone} увечері.", "phone") == [phone]


def test_emails_handles_links_and_user_ids() -> None:
    text = ("Пишіть на olena.k+tips@example.org, у телеграм @svidok_test, "
            "або t.me/svidok_channel; user id: 123456789.")
    assert found(text, "email") == ["olena.k+tips@example.org"]
    assert found(text, "handle") == ["@svidok_test", "t.me/svidok_channel", "123456789"]


@pytest.mark.parametrize(("text", "profiles"), [
    ("Мій інстаграм — instagram.com/ihor.zhyt.", ["instagram.com/ihor.zhyt"]),
    ("see https://www.facebook.com/olena.k and tiktok.com/@maks_01, please",
     ["https://www.facebook.com/olena.k", "tiktok.com/@maks_01"]),
    ("the file is at inbox.com/abc and dropbox.com/files", []),  # not x.com
])
def test_social_network_profiles_are_handles(text: str, profiles: list[str]) -> None:
    assert found(text, "handle") == profiles


def test_old_passport_and_id_card_numbers() -> None:
    assert found("паспорт КВ 418273 видано", "id_document") == ["КВ 418273"]
    assert found("мій паспорт (ID-картка) 004512378", "id_document") == ["004512378"]
    assert found("замовлення 004512378 доставлено", "id_document") == []
    # the booklet's series romanised in an English text: only beside "passport" or "series"
    assert found("His passport, series KM 402817, was taken.", "id_document") == ["KM 402817"]
    assert found("Code AB 123456 was printed on the box.", "id_document") == []
    # the series and the number apart, each with its word
    assert found("Officers took his passport, series ME, number 552817, and left.",
                 "id_document") == ["ME, number 552817"]
    assert found("паспорт серії МЕ номер 552817 виданий", "id_document") == ["МЕ номер 552817"]
    assert found("he lives in no. 5, number 123456", "id_document") == []


def test_rnokpp_needs_a_valid_check_digit_or_its_name_beside_it() -> None:
    valid = "3184710691"
    assert rnokpp_valid(valid)
    assert found(f"номер {valid} записали", "tax_id") == [valid]
    assert found("номер 3184710692 записали", "tax_id") == []
    assert found("РНОКПП 3184710692 записали з помилкою", "tax_id") == ["3184710692"]


def test_the_demographic_register_number_needs_a_real_birth_date() -> None:
    text = "от Мельниченко Ирины Павловны, УНЗР 19850312-01467, проживающей"
    [entity] = [e for e in analyze(text).entities if e.type == "id_document"]
    assert (entity.text, entity.recognizer) == ("19850312-01467", "unzr")
    assert found("запис 19851332-01467 видано", "id_document") == []  # no 13th month
    assert found("номер 20230229-12345 видано", "id_document") == []  # no 29 February in 2023


@pytest.mark.parametrize("card", ["5168 7422 0123 4568", "5168-7422-0123-4568", "5168742201234568"])
def test_payment_cards_pass_the_luhn_check(card: str) -> None:
    [entity] = [e for e in analyze(f"Скиньте на карту {card}, Приват.").entities
                if e.type == "id_document"]
    assert (entity.text, entity.recognizer, entity.sensitive) == (card, "bank_card", True)


def test_sixteen_digits_failing_the_luhn_check_are_not_a_card() -> None:
    assert found("Номер справи 5168 7422 0123 4567.", "id_document") == []
    assert found("Рахунок 5168 7422 0123 4568 1234 у банку.", "id_document") == []  # longer


@pytest.mark.parametrize("account", [
    "UA213223130000026007233566001", "UA21 3223 1300 0002 6007 2335 6600 1",
    "PL61 1090 1014 0000 0712 1981 2874",
])
def test_ibans_with_a_valid_checksum(account: str) -> None:
    assert found(f"IBAN: {account} USD, отримувач — мати.", "id_document") == [account]
    broken = account[:-1] + ("2" if account[-1] != "2" else "3")
    assert found(f"IBAN: {broken} USD.", "id_document") == []


def test_military_id_and_drivers_licence_by_their_cue() -> None:
    assert found("військовий квиток АА 1234567 забрали", "id_document") == ["АА 1234567"]
    assert found("посвідчення водія ВХС 123456 у мене", "id_document") == ["ВХС 123456"]


@pytest.mark.parametrize("text", [
    "Его удостоверение водителя ВАН 553018 до сих пор у них.",  # the holder in the genitive
    "у посвідченні водія ВХА 123456 інша адреса",
    "водительские права серии АВС 123456",
    "his driver’s licence, BXA 123456, was taken",  # a typographic apostrophe
])
def test_a_drivers_licence_by_its_holder_in_any_case(text: str) -> None:
    assert len(found(text, "id_document")) == 1


def test_three_capitals_and_six_digits_alone_are_no_licence() -> None:
    """A police report's series and a bank code take the licence's form in court decisions."""
    report = "протокол про адміністративне правопорушення серії ВАВ № 917772"
    assert found(report, "id_document") == []
    assert found("код отримувача 37930566, МФО 899998", "id_document") == []


@pytest.mark.parametrize("plate", ["АА 1234 ВВ", "BC1234AK", "АХ 0001 КІ"])
def test_vehicle_plates(plate: str) -> None:
    assert found(f"бус з номером {plate} стояв", "vehicle_plate") == [plate]


@pytest.mark.parametrize(("text", "address"), [
    ("живу на вулиці Шевченка, 212 з мамою", "вулиці Шевченка, 212"),
    ("адреса: вул. Героїв Праці, буд. 7, кв. 15.", "вул. Героїв Праці, буд. 7, кв. 15"),
    ("прописан на ул. Ленина, д. 4", "ул. Ленина, д. 4"),
    ("he lived at 12 Baker Street before", "12 Baker Street"),
    ("I live at 14 Soborna Street, apt. 3 since 2014.", "14 Soborna Street, apt. 3"),  # the flat
    ("at 2 Shevchenka Road, flat 5b, with my mother", "2 Shevchenka Road, flat 5b"),
    ("проживаю в Харькове, пр. Науки 45, кв. 8, тел.", "пр. Науки 45, кв. 8"),  # пр. = проспект
    ("живу на пр-т Миру, 12 з батьками", "пр-т Миру, 12"),
    ("м. Луцьк, вул. Винниченка, 12, оф. 5, тел.", "вул. Винниченка, 12, оф. 5"),  # an office
])
def test_street_addresses(text: str, address: str) -> None:
    assert found(text, "address") == [address]


@pytest.mark.parametrize(("text", "birth"), [
    ("Тарас, 1987 року народження, з Черкас", "1987"),
    ("народився 12.03.1990 у Полтаві", "12.03.1990"),
    ("родился в 1985 году", "1985"),
    ("he was born in 1991", "1991"),
    ("DOB: 12/03/1985, citizen of Ukraine", "12/03/1985"),  # without the dots
    ("Кравченко Виталий, 14 июля 1987 года рождения, житель Павлограда", "14 июля 1987"),
    ("Іван, 3 травня 1990 р.н., з Києва", "3 травня 1990"),
    # a year with its word right after a name: the year he was born
    ("брата увезли, Серёгу Бондаря, 2001 года. говорят", "2001"),
    ("Затримали Івана Петренка, 1995 р., мешканця Полтави", "1995"),
    # or alone before a comma or a stop, a year a grown man was born in
    ("ищу брата. андрей савчук, 1994, позывной «грач»", "1994"),
    ("Свидетель Олег Коваленко, 1988.", "1988"),
    ("- Client: Serhii Moroz, b. 1979, lives in Kremenchuk", "1979"),  # "b." for born
])
def test_birth_dates_and_years(text: str, birth: str) -> None:
    assert found(text, "birth_date") == [birth]


def test_years_that_are_not_births_are_not_flagged() -> None:
    assert found("У 2024 році мене мобілізували.", "birth_date") == []
    assert found("the dobro 1999 was good", "birth_date") == []  # "dob" only as a word
    assert found("Іван, у 2001 році його забрали", "birth_date") == []  # not right after it
    assert found("Олег Коваленко, 2023, Бахмут.", "birth_date") == []  # a year things happen
    assert found("Іван Петренко, 1995.5 бала", "birth_date") == []
    assert found("See Annex B. 2020 figures and sub. 1999 data.", "birth_date") == []
    assert found("12 апр. 2024 года, пр. 5", "address") == []  # "пр." needs a street name


# --- the speed-up hints of personal_data.yaml must never drop a match -------------------------

_parser = pytest.importorskip("re._parser")  # CPython's own regex parser (3.11+)
_ALPHABET = [chr(c) for c in [*range(32, 127), *range(0x400, 0x500), 0x2116, 0x2019, 0x2bc]]


def _matches(item: tuple[Any, Any], char: str) -> bool:
    """Whether one parsed single-character item (LITERAL, NOT_LITERAL, IN, ANY) accepts char."""
    op, arg = item
    name = str(op)
    if name == "LITERAL":
        return char == chr(arg)
    if name == "NOT_LITERAL":
        return char != chr(arg)
    if name == "ANY":
        return char != "\n"
    if name == "RANGE":
        return arg[0] <= ord(char) <= arg[1]
    if name == "CATEGORY":
        category = str(arg)
        checks = {"CATEGORY_DIGIT": str.isdigit, "CATEGORY_SPACE": str.isspace,
                  "CATEGORY_WORD": lambda c: c.isalnum() or c == "_"}
        negated = category.startswith("CATEGORY_NOT_")
        return checks[category.replace("NOT_", "")](char) != negated
    if name == "IN":
        negate = any(str(op) == "NEGATE" for op, _ in arg)
        return any(_matches(x, char) for x in arg if str(x[0]) != "NEGATE") != negate
    raise AssertionError(f"unexpected item {name}")


def _firsts(seq: list[Any]) -> tuple[list[Any], bool]:
    """Items a match of the sequence can start with, and whether it can match empty."""
    items: list[Any] = []
    for op, arg in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consume nothing
        if name == "SUBPATTERN":
            found, nullable = _firsts(arg[3])
        elif name == "BRANCH":
            parts = [_firsts(b) for b in arg[1]]
            found, nullable = [i for f, _ in parts for i in f], any(n for _, n in parts)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found, nullable = _firsts(arg[2])
            nullable = nullable or arg[0] == 0
        else:
            found, nullable = [(op, arg)], False
        items += found
        if not nullable:
            return items, False
    return items, True


def _digit_only(seq: list[Any]) -> int | None:
    """Minimum length of a sequence made only of digits, or None if it can hold anything else."""
    total = 0
    for op, arg in seq:
        name = str(op)
        if name in ("LITERAL", "IN", "RANGE"):
            if not all(_matches((op, arg), c) == c.isdigit() or not _matches((op, arg), c)
                       for c in _ALPHABET):
                return None
            total += 1
        elif name == "MAX_REPEAT":
            inner = _digit_only(arg[2])
            if inner is None:
                return None
            total += arg[0] * inner
        elif name == "BRANCH":
            lengths = [_digit_only(b) for b in arg[1]]
            if None in lengths:
                return None
            total += min(x for x in lengths if x is not None)
        elif name == "SUBPATTERN":
            inner = _digit_only(arg[3])
            if inner is None:
                return None
            total += inner
        elif name not in ("ASSERT", "ASSERT_NOT", "AT"):
            return None
    return total


def _longest_digit_run(seq: list[Any]) -> int:
    """The most digits in a row every match of the sequence contains."""
    best = run = 0
    for element in seq:
        op, arg = element
        if str(op) == "SUBPATTERN":
            best = max(best, _longest_digit_run(arg[3]))
        length = _digit_only([element])
        if length is None:
            run = 0
            continue
        run += length
        best = max(best, run)
    return best


def _entries() -> list[dict[str, Any]]:
    return list(load_yaml("analysis", "personal_data.yaml")["recognizers"])


@pytest.mark.parametrize("entry", [e for e in _entries() if "first" in e], ids=lambda e: e["name"])
def test_first_characters_cover_every_start_of_the_pattern(entry: dict[str, Any]) -> None:
    flags = re.IGNORECASE if entry.get("flags") == "i" else 0
    items, nullable = _firsts(list(_parser.parse(entry["pattern"], flags)))
    assert not nullable
    first = re.compile(f"[{entry['first']}]", flags)
    for char in _ALPHABET:
        variants = {char, char.lower(), char.upper()} if flags else {char}
        if any(_matches(item, v) for item in items for v in variants):
            assert first.fullmatch(char), (entry["name"], char)


@pytest.mark.parametrize("entry", [e for e in _entries() if "digits" in e], ids=lambda e: e["name"])
def test_digit_runs_are_in_every_match(entry: dict[str, Any]) -> None:
    parsed = list(_parser.parse(entry["pattern"]))
    assert _longest_digit_run(parsed) >= entry["digits"], entry["name"]


def test_the_structure_checks_can_fail() -> None:
    items, _ = _firsts(list(_parser.parse(r"(?<!\w)(?:вул\.|просп\.)\s*\d", re.IGNORECASE)))
    assert any(_matches(i, "п") for i in items) and not any(_matches(i, "ш") for i in items)
    assert _longest_digit_run(list(_parser.parse(r"[1-9]\d{9}(?!\d)"))) == 10
    assert _longest_digit_run(list(_parser.parse(r"((?:\d{1,2}\.)?(?:19|20)\d{2})"))) == 4
    assert _longest_digit_run(list(_parser.parse(r"\d{3}\s?\d{4}"))) == 4


_PHONE_PARTS = st.sampled_from([
    "+380 67 123 45 67", "0671234567", "(067) 123-45-67", "050-123-45-67", "+48 512 345 678",
    "+1 212 555 0100", "12.03.2024", "2024", "47", " ", ", ", "тел.", "доб. 12", "ext. 3", "-",
    "(", ")", "+", "в/ч А1234", "дзвоніть", "\n", "380", "67", "№", "x",
])


@given(st.lists(_PHONE_PARTS, max_size=14))
@settings(max_examples=300, deadline=None)
def test_phone_windows_find_what_the_whole_text_gives(parts: list[str]) -> None:
    text = "".join(parts)
    whole = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
        text, "UA", leniency=phonenumbers.Leniency.VALID)]
    assert [(e.start, e.end) for _, e in personal._phones(text)] == whole


def test_a_number_before_a_trunk_8_is_kept_when_blanking_the_8_changes_its_reading() -> None:
    # found by the property test below: blanking the 8 of "8-0671234567" had lost the number
    # before it, whose extension ("x8") the matcher then read differently
    text = "+380 67 123 45 678 0671234567x8 8-0671234567"
    assert [e.text for _, e in personal._phones(text)] == ["0671234567x8", "8-0671234567"]


@given(st.lists(st.one_of(_PHONE_PARTS, st.sampled_from(["8 ", "8-", "8(", "8"])), max_size=14))
@settings(max_examples=300, deadline=None)
def test_a_trunk_8_never_loses_a_number_and_adds_only_valid_ones(parts: list[str]) -> None:
    # with the old prefix 8 in play, every number the whole text gives is still found (with
    # the 8 before it, if any), and every number found besides — one the 8 had hidden by gluing
    # itself to it or to a neighbour — is valid to libphonenumber once its 8 is blanked
    text = "".join(parts)
    whole = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
        text, "UA", leniency=phonenumbers.Leniency.VALID)]
    ours = [e for _, e in personal._phones(text)]
    for start, end in whole:
        assert any(e.start <= start and end <= e.end for e in ours), (text, start, end)
    for e in ours:
        if (e.start, e.end) not in whole:
            number = phonenumbers.parse(personal._TRUNK_8.sub(" ", e.text), "UA")
            assert phonenumbers.is_valid_number(number), (text, e.text)


# Anchored patterns (tokens.cued): tried only where an anchor occurs, they must find exactly what
# a scan of the whole text finds. The fragments mix every anchor, in three cases, with what
# follows anchors in real text and with near misses.
_FILLER = [
    " ", "  ", ": ", " — ", ", ", ".", "\n", "-", "№", "#", "/", "«", "»", "x", "ю", "в ", "у ",
    "in ", "on ", "12.03.1987", "1987", "1 травня 1990", "12", "5а", "/3", "кв. 3", "д. 4",
    "буд. 7", "Шевченка", "Миру", "Ivan", "@", "taras_ch", "https://", "http://", "joinchat/",
    "+", "abc_def", "id", "123456789", "А1234", "A-1234", "частина", "частині", "части",
    "«Кабан»", "Кабан", '"Сова"', "року", "народження", "рождения", "year of birth",
    # how matches begin, written out apart from the anchor lists under test
    "дата ", "Дата ", "date of birth", "D.O.B.", "народився ", "родилась ", "born ", "р.н.",
    "г. р.", "вулиці ", "Вулиця ", "ул. ", "провулок ", "переулке ", "просп. ", "бульвар ",
    "площа ", "шосе ", "t.me/", "telegram.me/", "user_id", "telegram id ", "айді ",
    "в/ч ", "В.Ч. ", "військова частина ", "воинской части ", "military unit ", "unit ",
    "позивний ", "Позывной ", "call sign ", "nickname ",
]


def _anchored_cases() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    from svidok.analysis import persons, units

    cases = [(r.name, r.pattern, r.anchors) for r in personal.recognizers() if r.anchors]
    lex = persons.lexicon()
    cases.append(("call_sign", lex.call_sign, lex.call_sign_cues))
    cases.append(("unit_code", units._MILITARY_UNIT, units._CODE_CUES))
    return cases


def _scans_agree(pattern: re.Pattern[str], anchors: tuple[str, ...], text: str) -> bool:
    from svidok.analysis.tokens import cued

    whole = [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in cued(pattern, text, text.lower(), anchors)] == whole


@pytest.mark.parametrize("case", _anchored_cases(), ids=lambda c: c[0])
@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_anchored_patterns_find_what_a_whole_scan_finds(
    case: tuple[str, re.Pattern[str], tuple[str, ...]], data: st.DataObject,
) -> None:
    _, pattern, anchors = case
    cues = [v for a in anchors for v in (a, a.capitalize(), a.upper())]
    parts = data.draw(st.lists(st.sampled_from(cues + _FILLER), max_size=12))
    assert _scans_agree(pattern, anchors, "".join(parts))


def _literal_starts(seq: list[Any]) -> set[tuple[str, bool]]:
    """The literal text each way of matching the sequence begins with, and whether that way is
    still literal at the end of the sequence (so what follows extends the text)."""
    ways = {("", True)}
    for op, arg in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consume nothing
        inner: set[tuple[str, bool]]
        if name == "LITERAL":
            inner = {(chr(arg), True)}
        elif name == "SUBPATTERN":
            inner = _literal_starts(arg[3])
        elif name == "BRANCH":
            inner = {w for branch in arg[1] for w in _literal_starts(branch)}
        elif name == "MAX_REPEAT" and (arg[0], arg[1]) == (0, 1):  # optional: taken or not
            inner = _literal_starts(arg[2]) | {("", True)}
        else:
            inner = {("", False)}  # a class or a repeat: the literal start ends here
        ways = {(text + more, still) for text, open_ in ways
                for more, still in (inner if open_ else {("", False)})}
    return ways


def test_anchors_cover_every_way_a_match_begins() -> None:
    for name, pattern, anchors in _anchored_cases():
        for start, _ in _literal_starts(list(_parser.parse(pattern.pattern, pattern.flags))):
            assert start.lower().startswith(anchors), (name, start)


def test_the_anchor_checks_can_fail() -> None:
    """An anchor list missing how some matches begin is caught: "вул" is left out here."""
    street = next(r for r in personal.recognizers() if r.name == "street_address")
    fewer = tuple(a for a in street.anchors if a != "вул")
    starts = {s for s, _ in _literal_starts(list(_parser.parse(street.pattern.pattern)))}
    assert "вулицю" in starts and not all(s.startswith(fewer) for s in starts)
    assert {s for s, _ in _literal_starts(list(_parser.parse("(?:https?://)?t\\.me/x")))} == {
        "http://t.me/x", "https://t.me/x", "t.me/x"}
    text = "жив на вулиця Шевченка, 12"
    assert _scans_agree(street.pattern, street.anchors, text)
    assert not _scans_agree(street.pattern, fewer, text)


def test_anchored_scan_falls_back_where_lower_case_moves_offsets() -> None:
    from svidok.analysis.tokens import cued

    text = "İİ вул. Шевченка, 12"  # "İ".lower() is two characters
    street = next(r for r in personal.recognizers() if r.name == "street_address")
    assert [m.group() for m in cued(street.pattern, text, text.lower(), street.anchors)] == [
        "вул. Шевченка, 12"]
