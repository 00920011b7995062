"""Hostile input: whatever bytes arrive, parsing either succeeds or says why, in one line."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svidok.errors import InputRejected
from svidok.intake import Format, parse

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["messages", "chats", "list", "text", "type", "from_id",
                                       "id", "name", "photo", "file", "forwarded_from",
                                       "personal_information", "user_id"]), children,
                      max_size=5),
    max_leaves=30,
)
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def parses_or_rejects(data: bytes, fmt: Format | None = None) -> None:
    try:
        result = parse(data, "upload", fmt=fmt)
    except InputRejected as exc:
        assert str(exc)
        assert "\n" not in str(exc).strip()
        return
    assert result.submissions


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_in_any_format(data: bytes) -> None:
    for fmt in (None, *Format):
        parses_or_rejects(data, fmt)


@given(json_values)
def test_arbitrary_json_as_a_telegram_export(doc: object) -> None:
    parses_or_rejects(json.dumps(doc).encode(), Format.TELEGRAM)


@given(st.text(max_size=500))
def test_arbitrary_text_as_e_mail(text: str) -> None:
    parses_or_rejects(("From: a@b.c\nSubject: s\n\n" + text).encode("utf-8", "surrogatepass"),
                      Format.EMAIL)


@given(st.text(max_size=400))
def test_analysis_never_raises_on_any_text(text: str) -> None:
    from svidok.analysis import analyze

    result = analyze(text)
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text


@given(st.lists(st.sampled_from(["Харкові", "ч. 5 ст. 407 КК", "вул. ", "12", "(", "»", "\n",
                                 "ВИРОК", "УХВАЛИВ:", "позивний «", "+380", "@", " ", "в/ч А",
                                 "Тарас", "SVDK-", "року народження", "Іванівки"]), max_size=30))
def test_analysis_and_extraction_on_fragments_of_real_shapes(parts: list[str]) -> None:
    from svidok.analysis import analyze
    from svidok.errors import InputRejected
    from svidok.records.courts import extract

    text = "".join(parts)
    analyze(text)
    with contextlib.suppress(InputRejected):
        extract.extract(text)
