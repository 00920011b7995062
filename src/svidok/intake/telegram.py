"""Telegram Desktop exports (``result.json``, machine-readable JSON) -> submissions.

Both export kinds are read: a single chat (``{"name", "type", "id", "messages": […]}``) and a full
account (``{"personal_information": …, "chats": {"list": [chat, …]}}``). In a personal chat the
partner (``from_id == "user<chat id>"``) is the source; their own messages, in order, are the
testimony. Everyone else's messages are kept as interviewer context, forwarded messages as
``forwarded`` context (not the source's own words). Service messages are dropped. ``text`` is a
string or a list of strings and entity objects; it is flattened by concatenating the strings and
each entity's ``text``, which reproduces the message exactly as shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from svidok.domain.model import Attachment, Channel, ContextMessage, SourceRef, Submission
from svidok.errors import InputRejected
from svidok.intake.decode import MAX_ATTACHMENT_BYTES

AttachmentLoader = Callable[[str], tuple[bytes | None, str | None]]

_FILE_KINDS = {
    "voice_message": "voice",
    "video_file": "video",
    "video_message": "video_message",
    "audio_file": "audio",
    "animation": "animation",
    "sticker": "sticker",
}


@dataclass(frozen=True)
class Chat:
    name: str
    type: str
    id: Any
    messages: list[dict[str, Any]]


def load_json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputRejected(f"{name}: a Telegram export must be UTF-8 JSON") from exc
    except RecursionError as exc:
        raise InputRejected(f"{name}: JSON nested too deeply to be a Telegram export") from exc
    except ValueError as exc:
        raise InputRejected(f"{name}: invalid or truncated JSON ({exc})") from exc


def parse(
    data: bytes,
    name: str,
    *,
    load_attachment: AttachmentLoader | None = None,
    source: str | None = None,
) -> tuple[list[Submission], list[str]]:
    """Submissions and notes (chats skipped and why). Raises ``InputRejected`` when none."""
    doc = load_json(data, name)
    chats, owner = _chats(doc, name)
    loader = load_attachment or _no_attachments
    submissions: list[Submission] = []
    notes: list[str] = []
    for chat in chats:
        try:
            submissions.append(_chat_submission(chat, owner, source, loader, name))
        except InputRejected as exc:
            if len(chats) == 1:
                raise
            notes.append(str(exc))
    if not submissions:
        raise InputRejected(f"{name}: no personal chat with messages from the partner")
    return submissions, notes


def _chats(doc: Any, name: str) -> tuple[list[Chat], str | None]:
    if not isinstance(doc, dict):
        raise InputRejected(f"{name}: JSON, but not a Telegram Desktop export")
    if isinstance(doc.get("chats"), dict):
        info = doc.get("personal_information")
        owner = f"user{info['user_id']}" if isinstance(info, dict) and "user_id" in info else None
        raw = doc["chats"].get("list")
        if not isinstance(raw, list):
            raise InputRejected(f"{name}: the export's chat list is malformed")
        return [_chat(c, name) for c in raw], owner
    if isinstance(doc.get("messages"), list):
        return [_chat(doc, name)], None
    raise InputRejected(f"{name}: JSON, but not a Telegram Desktop export (no messages or chats)")


def _chat(raw: Any, name: str) -> Chat:
    if not isinstance(raw, dict) or not isinstance(raw.get("messages", []), list):
        raise InputRejected(f"{name}: a chat in the export is malformed")
    messages = raw.get("messages", [])
    if not all(isinstance(m, dict) for m in messages):
        raise InputRejected(f"{name}: a message in chat {raw.get('name')!r} is malformed")
    return Chat(str(raw.get("name") or "Deleted Account"), str(raw.get("type", "")),
                raw.get("id"), messages)


def flatten(text: Any, where: str) -> str:
    """Telegram's rich text as the plain string a reader sees."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = []
        for part in text:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            else:
                raise InputRejected(f"{where}: a text entity is malformed")
        return "".join(parts)
    raise InputRejected(f"{where}: message text is neither a string nor a list")


def _chat_submission(
    chat: Chat, owner: str | None, source: str | None, loader: AttachmentLoader, name: str
) -> Submission:
    partner = _partner_id(chat, source, name)
    own: list[str] = []
    context: list[ContextMessage] = []
    attachments: list[Attachment] = []
    first_at: str | None = None
    edited = 0
    for msg in chat.messages:
        if msg.get("type") != "message":
            continue  # service messages: calls, joins, pins
        where = f"{name}: message {msg.get('id')}"
        text = flatten(msg.get("text"), where)
        sender = str(msg.get("from_id", ""))
        at = str(msg["date"]) if "date" in msg else None
        from_source = sender == partner and (owner is None or sender != owner)
        if from_source and "forwarded_from" not in msg:
            first_at = first_at or at
            edited += "edited" in msg
            if text.strip():
                own.append(text)
        elif text.strip():
            role = "forwarded" if "forwarded_from" in msg else "interviewer"
            who = msg.get("forwarded_from") if role == "forwarded" else msg.get("from")
            context.append(ContextMessage(role, text, at, None if who is None else str(who)))
        attachments.extend(_attachments(msg, loader, from_source))
    if not own:
        raise InputRejected(f"{name}: chat {chat.name!r} has no messages of the source's own")
    notes = (
        (f"{edited} message(s) were edited after sending; the final text is kept",)
        if edited else ()
    )
    return Submission(
        channel=Channel.TELEGRAM,
        text="\n\n".join(own),
        source=SourceRef(_partner_name(chat, partner), partner),
        received_at=first_at,
        context=tuple(context),
        attachments=tuple(attachments),
        title=chat.name,
        notes=notes,
    )


def _partner_id(chat: Chat, source: str | None, name: str) -> str:
    senders = {str(m.get("from_id")): str(m.get("from")) for m in chat.messages if "from_id" in m}
    if source is not None:
        for sender_id, sender_name in senders.items():
            if source in (sender_id, sender_name):
                return sender_id
    if chat.type == "personal_chat" and chat.id is not None:
        return f"user{chat.id}"
    if source is not None:
        raise InputRejected(f"{name}: nobody named {source!r} wrote in chat {chat.name!r}")
    raise InputRejected(
        f"{name}: chat {chat.name!r} is a {chat.type or 'chat'}, not a personal chat; "
        "name the source with --source"
    )


def _partner_name(chat: Chat, partner: str) -> str:
    for msg in chat.messages:
        if msg.get("from_id") == partner and msg.get("from"):
            return str(msg["from"])
    return chat.name


def _attachments(
    msg: dict[str, Any], loader: AttachmentLoader, from_source: bool
) -> list[Attachment]:
    found: list[Attachment] = []
    by = None if from_source else "sent by the interviewer or forwarded"
    if isinstance(msg.get("photo"), str):
        found.append(_file("photo", msg["photo"], "image/jpeg", loader, by))
    if isinstance(msg.get("file"), str):
        kind = _FILE_KINDS.get(str(msg.get("media_type")), "document")
        found.append(_file(kind, msg["file"], msg.get("mime_type"), loader, by))
    if isinstance(msg.get("location_information"), dict):
        loc = msg["location_information"]
        found.append(Attachment("location", f"{loc.get('latitude')},{loc.get('longitude')}",
                                note=by))
    if isinstance(msg.get("contact_information"), dict):
        info = msg["contact_information"]
        label = " ".join(str(info.get(k, "")) for k in ("first_name", "last_name")).strip()
        found.append(Attachment("contact", label or "contact",
                                note=str(info.get("phone_number", "")) or by))
    return found


def _file(kind: str, path: str, mime: Any, loader: AttachmentLoader, by: str | None) -> Attachment:
    mime_type = None if mime is None else str(mime)
    if path.startswith("("):  # "(File not included. Change data exporting settings to download.)"
        return Attachment(kind, path, None, mime_type, "not included in the export")
    content, problem = loader(path)
    note = "; ".join(n for n in (problem, by) if n) or None
    return Attachment(kind, path, content, mime_type, note)


def _no_attachments(path: str) -> tuple[bytes | None, str | None]:
    return None, "the export folder was not available"


def folder_loader(base: Path) -> AttachmentLoader:
    """Read attachments beside ``result.json``; never outside the export folder."""
    root = base.resolve()

    def load(relative: str) -> tuple[bytes | None, str | None]:
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            return None, "path points outside the export folder; not read"
        if not target.is_file():
            return None, "file not found beside the export"
        if target.stat().st_size > MAX_ATTACHMENT_BYTES:
            limit = MAX_ATTACHMENT_BYTES // 2**20
            return None, f"over the {limit} MiB attachment limit; not stored"
        return target.read_bytes(), None

    return load
