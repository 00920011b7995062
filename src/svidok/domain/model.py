"""What a parser produces and the vault stores: submissions, their context and attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Channel(StrEnum):
    """How a testimony reached the vault."""

    TEXT = "text"
    TELEGRAM = "telegram"
    EMAIL = "email"
    DROPBOX = "dropbox"


class Status(StrEnum):
    """Where a testimony stands in the workflow (later issues add transitions)."""

    RECEIVED = "received"
    REDACTED = "redacted"
    VERIFIED = "verified"
    PUBLISHED = "published"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Attachment:
    """A file that came with a submission.

    ``content`` holds the bytes when they were available (beside a Telegram export, inside an
    e-mail); ``note`` says why they are absent otherwise (not exported, outside the export folder,
    over the size limit).
    """

    kind: str
    name: str
    content: bytes | None = None
    mime_type: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ContextMessage:
    """A message kept beside the testimony but not part of its text.

    ``role`` is ``interviewer`` (the questions asked) or ``forwarded`` (material the source passed
    on, not their own words).
    """

    role: str
    text: str
    at: str | None = None
    sender: str | None = None


@dataclass(frozen=True)
class SourceRef:
    """Who gave the testimony as the channel names them: a display name and a stable handle."""

    name: str
    handle: str | None = None


@dataclass(frozen=True)
class Submission:
    """One testimony as a parser read it, before the vault assigns ids.

    ``text`` is only the source's own words, in order. ``received_at`` is the time the channel
    reports (message or e-mail date) as ISO 8601, or ``None`` when the channel has none.
    """

    channel: Channel
    text: str
    source: SourceRef | None = None
    received_at: str | None = None
    context: tuple[ContextMessage, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    title: str | None = None
    notes: tuple[str, ...] = field(default=())
