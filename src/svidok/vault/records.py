"""Rows of the vault: evidentiary originals, sources, testimonies, attachments, the search index.

Everything here runs on the caller's open ``Database`` and inside the caller's transaction; it
never commits on its own, so one intake file is stored completely or not at all.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from svidok.domain.model import Attachment, Status, Submission
from svidok.errors import NotFound
from svidok.vault.db import Database

_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: ids get read aloud and typed


def new_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))


@dataclass(frozen=True)
class ExistingOriginal:
    original_id: str
    testimony_ids: list[str]


@dataclass(frozen=True)
class TestimonySummary:
    id: str
    source_id: str | None
    source_name: str | None
    channel: str
    format: str
    language: str
    received_at: str
    sent_at: str | None
    status: str
    chars: int
    title: str | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class TestimonyDetail(TestimonySummary):
    text: str = ""
    context: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    original_id: str = ""
    original_filename: str = ""
    source_sha256: str = ""


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def find_original(db: Database, digest: str) -> ExistingOriginal | None:
    row = db.conn.execute("SELECT id FROM originals WHERE sha256 = ?", (digest,)).fetchone()
    if row is None:
        return None
    ids = [r[0] for r in db.query("SELECT id FROM testimonies WHERE original_id = ?", (row[0],))]
    return ExistingOriginal(row[0], ids)


def put_blob(db: Database, content: bytes) -> str:
    digest = sha256(content)
    db.conn.execute(
        "INSERT OR IGNORE INTO blobs(sha256, size, content) VALUES (?, ?, ?)",
        (digest, len(content), content),
    )
    return digest


def add_original(
    db: Database, content: bytes, filename: str, channel: str, fmt: str, received_at: str
) -> str:
    """Seal the original bytes as received; they are never modified afterwards."""
    digest = put_blob(db, content)
    original_id = new_id("o")
    db.conn.execute(
        "INSERT INTO originals(id, sha256, filename, channel, format, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (original_id, digest, filename, channel, fmt, received_at),
    )
    return original_id


def ensure_source(db: Database, name: str, channel: str | None, handle: str | None) -> str:
    """The source with this channel handle, or a new one. Without a handle, always new."""
    if handle is not None:
        row = db.conn.execute(
            "SELECT id FROM sources WHERE channel IS ? AND handle = ?", (channel, handle)
        ).fetchone()
        if row is not None:
            return str(row[0])
    source_id = new_id("s")
    db.conn.execute(
        "INSERT INTO sources(id, name, channel, handle, created_at) "
        "VALUES (?, ?, ?, ?, datetime('now'))",
        (source_id, name, channel, handle),
    )
    return source_id


def find_source(db: Database, name_or_id: str) -> str | None:
    row = db.conn.execute(
        "SELECT id FROM sources WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1",
        (name_or_id, name_or_id, name_or_id),
    ).fetchone()
    return None if row is None else str(row[0])


def add_testimony(
    db: Database,
    *,
    original_id: str,
    submission: Submission,
    source_id: str | None,
    channel: str,
    fmt: str,
    language: str,
    received_at: str,
    terms: str,
) -> str:
    testimony_id = new_id("t")
    context = [
        {"role": c.role, "text": c.text, "at": c.at, "sender": c.sender}
        for c in submission.context
    ]
    cursor = db.conn.execute(
        "INSERT INTO testimonies(id, original_id, source_id, channel, format, language, "
        "received_at, sent_at, status, title, text, context, notes) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            testimony_id, original_id, source_id, channel, fmt, language, received_at,
            submission.received_at, Status.RECEIVED.value, submission.title, submission.text,
            json.dumps(context, ensure_ascii=False), json.dumps(list(submission.notes),
                                                                ensure_ascii=False),
        ),
    )
    db.conn.execute("INSERT INTO search(rowid, terms) VALUES (?, ?)", (cursor.lastrowid, terms))
    for attachment in submission.attachments:
        _add_attachment(db, testimony_id, attachment)
    return testimony_id


def _add_attachment(db: Database, testimony_id: str, attachment: Attachment) -> None:
    digest = None if attachment.content is None else put_blob(db, attachment.content)
    size = None if attachment.content is None else len(attachment.content)
    db.conn.execute(
        "INSERT INTO attachments(testimony_id, kind, name, mime_type, sha256, size, note) "
        "VALUES (?,?,?,?,?,?,?)",
        (testimony_id, attachment.kind, attachment.name, attachment.mime_type, digest, size,
         attachment.note),
    )


_SUMMARY = (
    "SELECT t.id, t.source_id, s.name, t.channel, t.format, t.language, t.received_at, "
    "t.sent_at, t.status, length(t.text), t.title FROM testimonies t "
    "LEFT JOIN sources s ON s.id = t.source_id"
)


def list_testimonies(db: Database) -> list[TestimonySummary]:
    return [TestimonySummary(*row) for row in db.query(_SUMMARY + " ORDER BY t.rid")]


def get_testimony(db: Database, testimony_id: str) -> TestimonyDetail:
    rows = db.query(_SUMMARY + " WHERE t.id = ?", (testimony_id,))
    if not rows:
        raise NotFound(f"no testimony with id {testimony_id!r} in this vault")
    text, context, notes, original_id, filename, digest = db.query(
        "SELECT t.text, t.context, t.notes, o.id, o.filename, o.sha256 FROM testimonies t "
        "JOIN originals o ON o.id = t.original_id WHERE t.id = ?",
        (testimony_id,),
    )[0]
    attachments = [
        {"kind": r[0], "name": r[1], "mime_type": r[2], "sha256": r[3], "size": r[4],
         "note": r[5]}
        for r in db.query(
            "SELECT kind, name, mime_type, sha256, size, note FROM attachments "
            "WHERE testimony_id = ? ORDER BY id",
            (testimony_id,),
        )
    ]
    return TestimonyDetail(
        **TestimonySummary(*rows[0]).__dict__,
        text=text,
        context=json.loads(context),
        attachments=attachments,
        notes=json.loads(notes),
        original_id=original_id,
        original_filename=filename,
        source_sha256=digest,
    )


def pending_analysis(db: Database, engine: str, limit: int) -> list[tuple[str, str, str]]:
    """``(id, language, text)`` of testimonies without annotations from ``engine``."""
    return [(r[0], r[1], r[2]) for r in db.query(
        "SELECT t.id, t.language, t.text FROM testimonies t LEFT JOIN annotations a "
        "ON a.testimony_id = t.id WHERE a.engine IS NULL OR a.engine != ? ORDER BY t.rid LIMIT ?",
        (engine, limit),
    )]


def put_annotation(db: Database, testimony_id: str, engine: str, analysis: dict[str, Any]) -> None:
    db.conn.execute(
        "INSERT INTO annotations(testimony_id, engine, analysis) VALUES (?, ?, ?) "
        "ON CONFLICT(testimony_id) DO UPDATE SET engine = excluded.engine, "
        "analysis = excluded.analysis",
        (testimony_id, engine, json.dumps(analysis, ensure_ascii=False)),
    )


def get_annotation(db: Database, testimony_id: str) -> dict[str, Any] | None:
    row = db.conn.execute(
        "SELECT analysis FROM annotations WHERE testimony_id = ?", (testimony_id,)
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def blob(db: Database, digest: str) -> bytes:
    row = db.conn.execute("SELECT content FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if row is None:
        raise NotFound(f"no stored content with SHA-256 {digest}")
    return bytes(row[0])


def fts_expression(groups: list[list[str]]) -> str:
    """AND of OR-groups, each alternative a quoted FTS5 string (or a quoted prefix ``"x"*``)."""
    def alt(term: str) -> str:
        prefix = term.endswith("*")
        body = term.rstrip("*").replace('"', '""')
        return f'"{body}"' + ("*" if prefix else "")

    return " AND ".join("(" + " OR ".join(alt(t) for t in group) + ")" for group in groups)


RANK_LIMIT = 5000  # above this many matches, relevance order costs more than it tells
_HITS = (
    "SELECT t.id, t.source_id, s.name, t.channel, t.format, t.language, t.received_at, "
    "t.sent_at, t.status, length(t.text), t.title, t.text FROM testimonies t "
    "LEFT JOIN sources s ON s.id = t.source_id JOIN (SELECT rowid AS hit, rank FROM search "
    "WHERE search MATCH ? ORDER BY {inner} LIMIT ?) m ON m.hit = t.rid ORDER BY {outer}"
)
_PAGE = {
    "relevance": _HITS.format(inner="rank", outer="m.rank"),
    "newest": _HITS.format(inner="rowid DESC", outer="m.hit DESC"),
}


@dataclass(frozen=True)
class SearchPage:
    """One page of matches. ``order`` is ``relevance`` (BM25) or ``newest`` (intake order)."""

    total: int
    order: str
    rows: list[tuple[TestimonySummary, str]]


def search(
    db: Database, groups: list[list[str]], limit: int, rank_limit: int = RANK_LIMIT
) -> SearchPage:
    """Testimonies whose terms match every group, with their text.

    BM25 ranking must score every match; when a query matches more than ``rank_limit``
    testimonies (a word found nearly everywhere), the newest are returned instead, so one
    search stays well under 50 ms on 100,000 testimonies whatever the query.
    """
    if not groups:
        return SearchPage(0, "relevance", [])
    expression = fts_expression(groups)
    total = int(db.query("SELECT count(*) FROM search WHERE search MATCH ?", (expression,))[0][0])
    order = "relevance" if total <= rank_limit else "newest"
    rows = db.query(_PAGE[order], (expression, limit))
    return SearchPage(total, order, [(TestimonySummary(*r[:-1]), r[-1]) for r in rows])
