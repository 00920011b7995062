"""Taking files into a vault: walk the inputs, parse each file, store it all-or-nothing.

A file is stored completely or not at all: its sealed original, sources, testimonies,
attachments, search terms and audit entry are one savepoint, rolled back if anything in it fails.
Savepoints are committed in groups (at most ``BATCH_FILES`` files or ``BATCH_SECONDS``), because a
durable commit costs about a millisecond, more than the rest of a small file's work. A file is
reported, and a drop-box item deleted, only after the commit that holds it, so a crash loses at
most the files of the open group, none of them reported; a new run takes them in again. Bytes
already in the vault (same SHA-256) are reported as a duplicate.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from svidok.analysis import language, lemmas
from svidok.domain.model import Channel, Submission
from svidok.errors import InputRejected, IntegrityError
from svidok.intake import Format, parse
from svidok.intake.decode import read_limited
from svidok.vault import Vault, audit, inbox, records


@dataclass(frozen=True)
class Item:
    """One file to take in, as the user will recognise it."""

    label: str
    data: bytes | None = None
    path: Path | None = None
    export_dir: Path | None = None
    inbox_file: Path | None = None


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: ``imported``, ``duplicate`` or ``rejected``."""

    file: str
    result: str
    format: str | None = None
    sha256: str | None = None
    original_id: str | None = None
    testimonies: list[str] = field(default_factory=list)
    attachments: int = 0
    reason: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [])}


@dataclass(frozen=True)
class Options:
    fmt: Format | None = None
    source: str | None = None


Progress = Callable[[Outcome], None]


def collect(paths: Iterable[Path]) -> tuple[list[Item], list[Outcome]]:
    """Files under ``paths`` (folders walked recursively, hidden files skipped).

    A folder holding a Telegram ``result.json`` is one export: its media files are attachments,
    not inputs of their own.
    """
    items: list[Item] = []
    missing: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            items.extend(_walk(path))
        elif path.is_file():
            items.append(Item(str(path), path=path, export_dir=path.parent))
        else:
            missing.append(Outcome(str(path), "rejected", reason="no such file or folder"))
    return items, missing


def _walk(root: Path) -> Iterator[Item]:
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(current)
        if "result.json" in files:
            dirs[:] = []
            yield Item(str(here / "result.json"), path=here / "result.json", export_dir=here)
            continue
        for name in sorted(files):
            if not name.startswith("."):
                yield Item(str(here / name), path=here / name, export_dir=here)


def inbox_items(vault: Vault, directory: Path) -> tuple[list[Item], list[Outcome]]:
    """Open every pending drop; drops that cannot be opened are reported and left in place."""
    items, failed = [], []
    key = vault.dropbox_private_key()
    for path in inbox.pending(directory):
        try:
            drop = inbox.open_drop(key, path)
        except (InputRejected, IntegrityError) as exc:
            failed.append(Outcome(path.name, "rejected", reason=str(exc)))
            continue
        items.append(Item(f"{path.name} ({drop.name})", data=drop.content, inbox_file=path))
    return items, failed


BATCH_FILES = 64
BATCH_SECONDS = 0.25


def take_in(
    vault: Vault, items: Iterable[Item], options: Options, progress: Progress | None = None
) -> list[Outcome]:
    """Take every item in; one bad item is reported and never stops the rest."""
    done: list[Outcome] = []
    group: list[tuple[Item, Outcome]] = []
    opened = time.monotonic()
    vault.db.begin()
    try:
        for item in items:
            try:
                with vault.db.savepoint():
                    outcome = _take_one(vault, item, options)
            except InputRejected as exc:
                outcome = Outcome(item.label, "rejected", reason=str(exc))
            group.append((item, outcome))
            if len(group) >= BATCH_FILES or time.monotonic() - opened >= BATCH_SECONDS:
                vault.db.commit()
                done += _settle(group, progress)
                vault.db.begin()
                opened = time.monotonic()
        vault.db.commit()
    except BaseException:
        vault.db.rollback()
        raise
    return done + _settle(group, progress)


def _settle(group: list[tuple[Item, Outcome]], progress: Progress | None) -> list[Outcome]:
    """After a commit: delete committed drop-box items, then report. Empties ``group``."""
    settled = []
    for item, outcome in group:
        if item.inbox_file is not None and outcome.result != "rejected":
            item.inbox_file.unlink()
        if progress is not None:
            progress(outcome)
        settled.append(outcome)
    group.clear()
    return settled


def _take_one(vault: Vault, item: Item, options: Options) -> Outcome:
    data = item.data if item.data is not None else read_limited(_required(item.path))
    name = Path(item.label).name if item.path is not None else item.label
    digest = records.sha256(data)
    existing = records.find_original(vault.db, digest)
    if existing is not None:
        return Outcome(item.label, "duplicate", sha256=digest, original_id=existing.original_id,
                       testimonies=existing.testimony_ids)
    parsed = parse(data, name, fmt=options.fmt, export_dir=item.export_dir, source=options.source)
    channel = Channel.DROPBOX if item.inbox_file is not None else parsed.submissions[0].channel
    received_at = audit.now()
    original_id = records.add_original(
        vault.db, data, name, channel.value, parsed.format.value, received_at
    )
    ids = [
        _store(vault, sub, original_id, channel, parsed.format, received_at, options)
        for sub in parsed.submissions
    ]
    attachments = sum(len(s.attachments) for s in parsed.submissions)
    vault.record("intake", {
        "original": original_id, "sha256": digest, "format": parsed.format.value,
        "channel": channel.value, "testimonies": ids, "attachments": attachments,
    })
    return Outcome(item.label, "imported", parsed.format.value, digest, original_id, ids,
                   attachments, notes=parsed.notes)


def _store(
    vault: Vault,
    sub: Submission,
    original_id: str,
    channel: Channel,
    fmt: Format,
    received_at: str,
    options: Options,
) -> str:
    return records.add_testimony(
        vault.db,
        original_id=original_id,
        submission=sub,
        source_id=_source_id(vault, sub, options),
        channel=channel.value,
        fmt=fmt.value,
        language=language.detect(sub.text),
        received_at=received_at,
        terms=lemmas.index_terms(f"{sub.title or ''}\n{sub.text}"),
    )


def _source_id(vault: Vault, sub: Submission, options: Options) -> str | None:
    if options.source is not None:
        found = records.find_source(vault.db, options.source)
        return found or records.ensure_source(vault.db, options.source, None, None)
    if sub.source is None:
        return None
    return records.ensure_source(vault.db, sub.source.name, sub.channel.value, sub.source.handle)


def _required(path: Path | None) -> Path:
    if path is None:
        raise InputRejected("item has neither content nor a path")
    return path
