"""Plain types shared by every layer. Nothing here does I/O."""

from svidok.domain.model import (
    Attachment,
    Channel,
    ContextMessage,
    SourceRef,
    Status,
    Submission,
)

__all__ = ["Attachment", "Channel", "ContextMessage", "SourceRef", "Status", "Submission"]
