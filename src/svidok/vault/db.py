"""The vault database: one SQLCipher file holding content, metadata, the search index and audit.

Protects against: reading or altering any stored byte without the master key. SQLCipher 4
encrypts every page (including WAL frames) with AES-256-CBC under a raw 256-bit key derived from
the master key (no SQLCipher KDF: the key is already full-entropy) and authenticates each page with
HMAC-SHA512, so a flipped byte makes that page unreadable rather than silently different.

Mechanism: ``PRAGMA key`` with a raw hex key; ``temp_store=MEMORY`` so sorts and temporary tables
never reach disk; WAL with ``synchronous=FULL`` so a transaction reported as committed survives a
crash or power loss; ``secure_delete`` so freed pages are overwritten.

Does not protect against: the file size and modification times (they reveal roughly how much is
stored and when); an attacker with the master key.

One ``Database`` owns the write connection; every change goes through ``transaction()``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from svidok.errors import IntegrityError
from svidok.vault.crypto import MasterKey

FILE_NAME = "vault.db"
SCHEMA_VERSION = 2
# Each step takes a vault from the version before it to the one it is keyed by.
MIGRATIONS = {
    2: """CREATE TABLE annotations(
        testimony_id TEXT PRIMARY KEY REFERENCES testimonies(id), engine TEXT NOT NULL,
        analysis TEXT NOT NULL);""",
}

DatabaseError = sqlcipher.DatabaseError

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE members(
    slot_id TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE sources(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, channel TEXT, handle TEXT,
    created_at TEXT NOT NULL, UNIQUE(channel, handle));
CREATE TABLE blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
CREATE TABLE originals(
    id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
    filename TEXT NOT NULL, channel TEXT NOT NULL, format TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE TABLE testimonies(
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    original_id TEXT NOT NULL REFERENCES originals(id),
    source_id TEXT REFERENCES sources(id), channel TEXT NOT NULL, format TEXT NOT NULL,
    language TEXT NOT NULL, received_at TEXT NOT NULL, sent_at TEXT, status TEXT NOT NULL,
    title TEXT, text TEXT NOT NULL, context TEXT NOT NULL, notes TEXT NOT NULL);
CREATE INDEX testimonies_original ON testimonies(original_id);
CREATE TABLE attachments(
    id INTEGER PRIMARY KEY, testimony_id TEXT NOT NULL REFERENCES testimonies(id),
    kind TEXT NOT NULL, name TEXT NOT NULL, mime_type TEXT,
    sha256 TEXT REFERENCES blobs(sha256), size INTEGER, note TEXT);
CREATE INDEX attachments_testimony ON attachments(testimony_id);
CREATE VIRTUAL TABLE search USING fts5(
    terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE audit(
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL,
    prev TEXT NOT NULL, hash TEXT NOT NULL, mac TEXT NOT NULL);
""" + MIGRATIONS[2]


class Database:
    """The single owner of a vault's SQLCipher connection."""

    def __init__(self, path: Path, master: MasterKey, *, create: bool = False) -> None:
        if not create and not path.exists():
            raise IntegrityError(f"{path}: the vault database is missing")
        if create:
            # Owner-only from the first byte; SQLite gives -wal and -shm the database's mode.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        self.path = path
        self.conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            self._configure(master)
            if create:
                # executescript commits by itself, so the script carries its own transaction.
                self.conn.executescript(
                    f"BEGIN IMMEDIATE;{SCHEMA}INSERT INTO meta VALUES "  # noqa: S608 - constants
                    f"('schema_version', '{SCHEMA_VERSION}');COMMIT;"
                )
            self._check_schema()
        except DatabaseError as exc:
            self.conn.close()
            raise IntegrityError(
                f"{path}: the vault database cannot be read (damaged or altered): {exc}"
            ) from exc

    def _configure(self, master: MasterKey) -> None:
        self._apply_key(master)
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.execute("PRAGMA secure_delete = ON")
        # Reading the schema is the first access that decrypts page 1: a damaged or foreign
        # file fails here, before anything is written.
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    def _apply_key(self, master: MasterKey) -> None:
        key_hex = master.derive("database").hex()
        # SQLCipher logs decryption failures to stderr itself; svidok reports them as one line.
        self.conn.execute("PRAGMA cipher_log_level = NONE")
        self.conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        self.conn.execute("PRAGMA cipher_memory_security = OFF")

    def _check_schema(self) -> None:
        """Migrate an older vault forward, one step per transaction; refuse a newer one."""
        version = int(self.get_meta("schema_version") or 0)
        if not 1 <= version <= SCHEMA_VERSION:
            raise IntegrityError(f"{self.path}: unsupported vault schema version {version}")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            self.conn.executescript(
                f"BEGIN IMMEDIATE;{MIGRATIONS[step]}"  # noqa: S608 - constants
                f"UPDATE meta SET value = '{step}' WHERE key = 'schema_version';COMMIT;"
            )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception rolls the whole change back."""
        self.begin()
        try:
            yield self.conn
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """Durable on return (WAL, ``synchronous=FULL``)."""
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """An all-or-nothing unit inside an open transaction (one intake file)."""
        self.conn.execute("SAVEPOINT unit")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            raise
        self.conn.execute("RELEASE unit")

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return list(self.conn.execute(sql, params).fetchall())

    def page_check(self) -> list[str]:
        """SQLCipher's per-page HMAC check plus SQLite's structural check; empty when sound."""
        try:
            problems = [str(r[0]) for r in self.conn.execute("PRAGMA cipher_integrity_check")]
            if problems:
                return problems
            structural = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check")]
        except DatabaseError as exc:
            return [f"a page cannot be read: {exc}"]
        return [] if structural == ["ok"] else structural

    def close(self) -> None:
        with contextlib.suppress(DatabaseError):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

