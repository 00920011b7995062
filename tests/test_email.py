"""E-mail and mbox: body choice, HTML conversion, attachments, malformed messages."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from svidok.errors import InputRejected
from svidok.intake import email


def message(**parts: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Петро Тестовий <Petro.Test@example.org>"
    msg["To"] = "tips@example.net"
    msg["Subject"] = "Розповідь"
    msg["Date"] = "Tue, 08 Apr 2025 14:22:31 +0300"
    if "plain" in parts:
        msg.set_content(parts["plain"])
    if "html" in parts:
        if "plain" in parts:
            msg.add_alternative(parts["html"], subtype="html")
        else:
            msg.set_content(parts["html"], subtype="html")
    return msg


def test_sender_is_the_source_and_plain_text_the_testimony() -> None:
    [sub] = email.parse_eml(bytes(message(plain="Мене забрали у Дніпрі.\n")), "a.eml")
    assert sub.text == "Мене забрали у Дніпрі."
    assert (sub.source.name, sub.source.handle) == ("Петро Тестовий", "petro.test@example.org")
    assert sub.title == "Розповідь"
    assert sub.received_at == "2025-04-08T14:22:31+03:00"


def test_plain_text_is_preferred_over_html() -> None:
    msg = message(plain="Простий текст.", html="<p>HTML версія</p>")
    [sub] = email.parse_eml(bytes(msg), "a.eml")
    assert sub.text == "Простий текст."


def test_html_only_message_is_converted_to_text() -> None:
    html = ("<html><head><style>p{}</style></head><body><p>Перший абзац.</p>"
            "<ul><li>пункт один</li><li>пункт два</li></ul><script>x()</script></body></html>")
    [sub] = email.parse_eml(bytes(message(html=html)), "a.eml")
    assert sub.text == "Перший абзац.\n\nпункт один\n\nпункт два"


def test_attachments_keep_their_bytes() -> None:
    msg = message(plain="Додаю фото.")
    msg.add_attachment(b"\x89PNG fake", maintype="image", subtype="png", filename="povistka.png")
    msg.add_attachment("нотатка".encode(), maintype="application", subtype="octet-stream",
                       filename="нотатка.bin")
    [sub] = email.parse_eml(bytes(msg), "a.eml")
    assert [(a.kind, a.name, a.content) for a in sub.attachments] == [
        ("photo", "povistka.png", b"\x89PNG fake"),
        ("document", "нотатка.bin", "нотатка".encode()),
    ]


def test_mbox_gives_one_testimony_per_message_and_unescapes_from_lines() -> None:
    first = bytes(message(plain="Перший лист."))
    second = bytes(message(plain="Другий лист.\nFrom the start it was wrong."))
    second = second.replace(b"\nFrom the start", b"\n>From the start")
    mbox = (b"From a@example.org Tue Apr  8 14:22:31 2025\n" + first + b"\n"
            b"From b@example.org Tue Apr  8 15:00:00 2025\n" + second + b"\n")
    subs = email.parse_mbox(mbox, "box.mbox")
    assert [s.text for s in subs] == ["Перший лист.",
                                      "Другий лист.\nFrom the start it was wrong."]


def test_message_without_text_or_attachments_is_rejected() -> None:
    with pytest.raises(InputRejected, match="neither text nor attachments"):
        email.parse_eml(bytes(message(plain="   \n")), "empty.eml")


def test_unknown_charset_is_a_clear_error() -> None:
    raw = (b"From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=x-no-such\n\n"
           b"body\n")
    with pytest.raises(InputRejected, match="malformed e-mail"):
        email.parse_eml(raw, "bad.eml")
