"""Telegram Desktop exports: every message shape the exporter writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from svidok.errors import InputRejected
from svidok.intake import telegram

PARTNER = "user700100"
ME = "user700999"


def msg(mid: int, sender: str, text: Any, **extra: Any) -> dict[str, Any]:
    name = "Марко Тестовий" if sender == PARTNER else "Журналістка"
    return {"id": mid, "type": "message", "date": f"2025-04-0{1 + mid % 8}T10:00:00",
            "date_unixtime": "1743501600", "from": name, "from_id": sender, "text": text,
            "text_entities": [], **extra}


def chat(*messages: dict[str, Any], kind: str = "personal_chat") -> dict[str, Any]:
    return {"name": "Марко Тестовий", "type": kind, "id": 700100, "messages": list(messages)}


def parse(doc: Any, **kwargs: Any) -> tuple[list[Any], list[str]]:
    return telegram.parse(json.dumps(doc, ensure_ascii=False).encode(), "result.json", **kwargs)


def one(doc: Any, **kwargs: Any) -> Any:
    subs, _ = parse(doc, **kwargs)
    assert len(subs) == 1
    return subs[0]


def test_partner_messages_in_order_are_the_testimony() -> None:
    sub = one(chat(msg(1, ME, "Що сталося?"), msg(2, PARTNER, "Мене забрали."),
                   msg(3, PARTNER, "Потім повезли до Полтави.")))
    assert sub.text == "Мене забрали.\n\nПотім повезли до Полтави."
    assert sub.source.handle == PARTNER
    assert sub.source.name == "Марко Тестовий"


def test_interviewer_messages_are_context_not_testimony() -> None:
    sub = one(chat(msg(1, ME, "Що сталося?"), msg(2, PARTNER, "Мене забрали.")))
    assert [(c.role, c.text) for c in sub.context] == [("interviewer", "Що сталося?")]
    assert "Що сталося" not in sub.text


def test_entity_lists_flatten_to_exactly_the_displayed_text() -> None:
    text = ["Дзвоніть ", {"type": "phone", "text": "+380 67 000 00 00"}, " або ",
            {"type": "text_link", "text": "сюди", "href": "https://example.org"}, ", ",
            {"type": "mention", "text": "@testovyi"}, " ", {"type": "bold", "text": "терміново"},
            {"type": "hashtag", "text": "#ТЦК"}, {"type": "email", "text": "a@b.ua"}, "."]
    sub = one(chat(msg(1, PARTNER, text)))
    assert sub.text == "Дзвоніть +380 67 000 00 00 або сюди, @testovyi терміново#ТЦКa@b.ua."


def test_service_messages_are_dropped() -> None:
    service = {"id": 1, "type": "service", "date": "2025-04-01T09:00:00", "actor": "x",
               "actor_id": PARTNER, "action": "phone_call", "text": "", "text_entities": []}
    sub = one(chat(service, msg(2, PARTNER, "Текст.")))
    assert sub.text == "Текст."
    assert sub.context == ()


def test_forwarded_messages_are_kept_as_context_but_not_as_the_sources_words() -> None:
    sub = one(chat(msg(1, PARTNER, "Своє."),
                   msg(2, PARTNER, "Чуже з каналу.", forwarded_from="Канал новин")))
    assert sub.text == "Своє."
    assert [(c.role, c.sender) for c in sub.context] == [("forwarded", "Канал новин")]


def test_edited_messages_keep_their_final_text_and_are_noted() -> None:
    sub = one(chat(msg(1, PARTNER, "Остаточний текст.", edited="2025-04-01T10:05:00")))
    assert sub.text == "Остаточний текст."
    assert "edited" in sub.notes[0]


def test_caption_of_a_photo_is_text_and_the_photo_an_attachment(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg bytes")
    sub = one(chat(msg(1, PARTNER, "Ось повістка.", photo="photos/photo_1.jpg")),
              load_attachment=telegram.folder_loader(tmp_path))
    assert sub.text == "Ось повістка."
    [att] = sub.attachments
    assert (att.kind, att.name, att.content) == ("photo", "photos/photo_1.jpg",
                                                 b"\xff\xd8\xff\xe0 jpeg bytes")


@pytest.mark.parametrize(("media_type", "kind"), [
    ("voice_message", "voice"), ("video_file", "video"), ("video_message", "video_message"),
    ("audio_file", "audio"), (None, "document"),
])
def test_file_media_types_become_attachment_kinds(media_type: str | None, kind: str) -> None:
    extra = {"file": "files/x.bin", "mime_type": "application/octet-stream"}
    if media_type:
        extra["media_type"] = media_type
    sub = one(chat(msg(1, PARTNER, "", **extra), msg(2, PARTNER, "Текст.")))
    assert [a.kind for a in sub.attachments] == [kind]


def test_attachment_not_in_the_export_is_recorded_without_bytes() -> None:
    sub = one(chat(msg(1, PARTNER, "Фото.",
                       photo="(File not included. Change data exporting settings to download.)")))
    [att] = sub.attachments
    assert att.content is None
    assert att.note == "not included in the export"


def test_attachment_missing_beside_the_export_is_recorded_without_bytes(tmp_path: Path) -> None:
    sub = one(chat(msg(1, PARTNER, "Голосове.", file="voice_messages/a.ogg",
                       media_type="voice_message")),
              load_attachment=telegram.folder_loader(tmp_path))
    assert sub.attachments[0].content is None
    assert "not found" in (sub.attachments[0].note or "")


def test_attachment_path_outside_the_export_folder_is_not_read(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (tmp_path / "secret.txt").write_text("outside")
    sub = one(chat(msg(1, PARTNER, "x", file="../secret.txt")),
              load_attachment=telegram.folder_loader(export))
    assert sub.attachments[0].content is None
    assert "outside the export folder" in (sub.attachments[0].note or "")


def test_full_account_export_gives_one_testimony_per_personal_chat() -> None:
    other = {"name": "Інна", "type": "personal_chat", "id": 700200,
             "messages": [{**msg(5, "user700200", "Мій чоловік у СЗЧ."), "from": "Інна"}]}
    group = {"name": "Група", "type": "private_group", "id": 1, "messages": [msg(6, ME, "x")]}
    doc = {"personal_information": {"user_id": 700999, "first_name": "Журналістка"},
           "chats": {"about": "", "list": [chat(msg(1, PARTNER, "Перше.")), other, group,
                                            {"type": "saved_messages", "id": 700999,
                                             "messages": []}]}}
    subs, notes = parse(doc)
    assert [s.source.handle for s in subs] == [PARTNER, "user700200"]
    assert len(notes) == 2  # the group and saved messages, each with its reason


def test_group_chat_needs_the_source_named() -> None:
    group = chat(msg(1, PARTNER, "Я свідок."), msg(2, ME, "Дякую."), kind="private_group")
    with pytest.raises(InputRejected, match="--source"):
        parse(group)
    sub = one(group, source="Марко Тестовий")
    assert sub.text == "Я свідок."


def test_source_named_but_absent_from_a_group_is_an_error() -> None:
    group = chat(msg(1, PARTNER, "Текст."), kind="private_supergroup")
    with pytest.raises(InputRejected, match="nobody named"):
        parse(group, source="Хтось інший")


def test_chat_without_the_partners_own_words_is_rejected() -> None:
    with pytest.raises(InputRejected, match="no messages of the source's own"):
        parse(chat(msg(1, ME, "Питання без відповіді.")))


@pytest.mark.parametrize(("data", "reason"), [
    (b'{"name": "x", "messages": [{"id": 1, "text": "abc"', "invalid or truncated JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"about": "not telegram"}', "not a Telegram Desktop export"),
    (b"[1, 2, 3]", "not a Telegram Desktop export"),
    (b'{"messages": [1]}', "malformed"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
])
def test_broken_exports_are_rejected_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputRejected, match=reason):
        telegram.parse(data, "result.json")


def test_malformed_text_entity_is_rejected() -> None:
    with pytest.raises(InputRejected, match="text entity"):
        parse(chat(msg(1, PARTNER, ["ok", {"type": "bold"}])))
