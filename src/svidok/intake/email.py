"""E-mail (``.eml``, RFC 5322) and mbox files -> submissions.

The sender is the source. The body is the ``text/plain`` part when there is one; an HTML-only
message is converted to text (BeautifulSoup, scripts and styles removed, block elements on their
own lines). Attachments keep their bytes. Headers are not copied into the testimony: they stay in
the sealed original, which the vault keeps byte for byte.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import re
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from svidok.domain.model import Attachment, Channel, SourceRef, Submission
from svidok.errors import InputRejected
from svidok.htmltext import html_to_text
from svidok.intake.decode import MAX_ATTACHMENT_BYTES

_MBOX_SEPARATOR = re.compile(rb"(?:\A|\n)From [^\n]*\n")
_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)


def parse_eml(data: bytes, name: str) -> list[Submission]:
    return [_message(data, name)]


def parse_mbox(data: bytes, name: str) -> list[Submission]:
    """Every message of an mbox (mboxo or mboxrd) file; one bad message rejects the file."""
    chunks = [c for c in _MBOX_SEPARATOR.split(data) if c.strip()]
    if not chunks:
        raise InputRejected(f"{name}: mbox file without messages")
    return [
        _message(_MBOXRD_ESCAPE.sub(rb"\1", chunk), f"{name} (message {i})")
        for i, chunk in enumerate(chunks, start=1)
    ]


def _message(data: bytes, name: str) -> Submission:
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)  # noqa: S101 - guaranteed by policy.default
        display, address = parseaddr(str(msg.get("From", "")))
        subject = str(msg.get("Subject", "")).strip() or None
        sent_at = _date(msg)
        text = _body(msg)
        attachments = tuple(_attachments(msg))
    except (LookupError, ValueError, TypeError, email.errors.MessageError) as exc:
        raise InputRejected(f"{name}: malformed e-mail ({exc})") from exc
    if not address and not msg.keys():
        raise InputRejected(f"{name}: not an e-mail message (no headers)")
    if not text.strip() and not attachments:
        raise InputRejected(f"{name}: e-mail has neither text nor attachments")
    source = SourceRef(display or address or "unknown sender", address.lower() or None)
    return Submission(
        channel=Channel.EMAIL,
        text=text.strip(),
        source=source,
        received_at=sent_at,
        attachments=attachments,
        title=subject,
    )


def _date(msg: EmailMessage) -> str | None:
    raw = msg.get("Date")
    if raw is None:
        return None
    try:
        return parsedate_to_datetime(str(raw)).isoformat()
    except (TypeError, ValueError):
        return None


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is not None:
        return str(part.get_content())
    part = msg.get_body(preferencelist=("html",))
    if part is not None:
        return html_to_text(str(part.get_content()))
    return ""


def _attachments(msg: EmailMessage) -> list[Attachment]:
    found = []
    for part in msg.iter_attachments():
        content = part.get_payload(decode=True)
        name = part.get_filename() or "attachment"
        mime = part.get_content_type()
        if not isinstance(content, bytes):
            found.append(Attachment("document", name, None, mime, "no content to decode"))
        elif len(content) > MAX_ATTACHMENT_BYTES:
            found.append(Attachment("document", name, None, mime, "over the attachment limit"))
        else:
            found.append(Attachment(_kind(mime), name, content, mime))
    return found


def _kind(mime: str) -> str:
    major = mime.split("/", 1)[0]
    return {"image": "photo", "audio": "audio", "video": "video"}.get(major, "document")
