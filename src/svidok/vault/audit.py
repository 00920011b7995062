"""The audit chain: an append-only, authenticated log of every state-changing action.

Protects against: an entry being altered, removed, reordered or the tail cut off without the
master key (every entry holds the previous entry's hash and a MAC under a key derived from the
master key; the head is also kept in ``meta`` and must match the last entry). Combined with
SQLCipher's page authentication, an attacker without the key cannot change a single byte unseen.

Does not protect against: a holder of the master key rewriting the whole chain consistently. To
detect that, keep the head hash printed by ``svidok audit --verify`` somewhere else and pass it
back with ``--expect-head``: a rewritten chain no longer contains it.

Entry (row of table ``audit``)::

    seq    1, 2, 3, … without gaps
    at     UTC time, ISO 8601
    action init | intake | key-add | key-remove | …
    detail canonical JSON object (ids, counts, hashes; never testimony text)
    prev   hash of entry seq-1 ("0" * 64 for the first)
    hash   SHA-256 of canonical JSON {"action","at","detail","prev","seq"}
    mac    BLAKE2b-256 keyed by derive("audit"), over the hash
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from svidok.vault import crypto
from svidok.vault.db import Database

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    action: str
    detail: dict[str, Any]
    prev: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """Outcome of a chain check. ``problem`` is ``None`` when the chain is intact."""

    entries: int
    head: str
    problem: str | None = None
    bad_seq: int | None = None


def entry_hash(seq: int, at: str, action: str, detail: dict[str, Any], prev: str) -> str:
    body = {"action": action, "at": at, "detail": detail, "prev": prev, "seq": seq}
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def append(db: Database, key: bytes, action: str, detail: dict[str, Any]) -> Entry:
    """Append one entry. Call inside the transaction that makes the change it records."""
    row = db.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if row is None else (int(row[0]) + 1, str(row[1]))
    at = now()
    digest = entry_hash(seq, at, action, detail, prev)
    db.conn.execute(
        "INSERT INTO audit(seq, at, action, detail, prev, hash, mac) VALUES (?,?,?,?,?,?,?)",
        (seq, at, action, json.dumps(detail, sort_keys=True, ensure_ascii=False), prev, digest,
         crypto.mac(key, digest.encode())),
    )
    db.set_meta("audit_head", f"{seq}:{digest}")
    return Entry(seq, at, action, detail, prev, digest)


def verify(db: Database, key: bytes, expect_head: str | None = None) -> ChainReport:
    """Walk the chain from the first entry; report the first entry that fails."""
    prev, expected_seq, head = GENESIS, 1, GENESIS
    seen: set[str] = set()
    cursor = db.conn.execute(
        "SELECT seq, at, action, detail, prev, hash, mac FROM audit ORDER BY seq"
    )
    for seq, at, action, detail_json, stored_prev, stored_hash, stored_mac in cursor:
        if seq != expected_seq:
            return ChainReport(seq - 1, head, f"entry {expected_seq} is missing", expected_seq)
        try:
            detail = json.loads(detail_json)
        except ValueError:
            return ChainReport(seq - 1, head, f"entry {seq} was altered (detail unreadable)", seq)
        if stored_prev != prev:
            return ChainReport(seq - 1, head, f"entry {seq} does not follow entry {seq - 1}", seq)
        if entry_hash(seq, at, action, detail, stored_prev) != stored_hash:
            return ChainReport(seq - 1, head, f"entry {seq} was altered", seq)
        if not hmac.compare_digest(crypto.mac(key, stored_hash.encode()), stored_mac):
            return ChainReport(seq - 1, head, f"entry {seq} has an invalid MAC", seq)
        seen.add(stored_hash)
        prev, head, expected_seq = stored_hash, stored_hash, seq + 1
    count = expected_seq - 1
    recorded = db.get_meta("audit_head")
    if recorded != f"{count}:{head}":
        recorded_seq = int(recorded.split(":")[0]) if recorded else 0
        if recorded_seq > count:
            problem = f"the chain was truncated after entry {count}"
            return ChainReport(count, head, problem, count + 1)
        return ChainReport(count, head, "the recorded head does not match the last entry", count)
    if expect_head is not None and expect_head not in seen:
        return ChainReport(count, head, "the expected head is not in the chain (history rewritten)")
    return ChainReport(count, head)


def entries(db: Database) -> list[Entry]:
    rows = db.query("SELECT seq, at, action, detail, prev, hash FROM audit ORDER BY seq")
    return [Entry(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]
