"""Selected decisions and dictionaries in a plain SQLite database (public data).

Default location: ``$XDG_DATA_HOME/svidok/courts.sqlite3``. Keyed by ``doc_id``: ingesting the
same index again changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from svidok.records.courts.index import Decision
from svidok.records.paths import PublicStore

BATCH = 5_000
SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions(
    doc_id TEXT PRIMARY KEY, court_code TEXT NOT NULL, region_code TEXT NOT NULL,
    judgment_code TEXT, category_code TEXT NOT NULL, article TEXT NOT NULL, cause_num TEXT,
    adjudication_date TEXT, receipt_date TEXT, judge TEXT, doc_url TEXT, status TEXT,
    date_publ TEXT);
CREATE TABLE IF NOT EXISTS facts(
    doc_id TEXT PRIMARY KEY REFERENCES decisions(doc_id), facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dictionaries(
    dictionary TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (dictionary, code));
"""
FIELDS = [f.name for f in dataclasses.fields(Decision)]
INSERT = "INSERT OR REPLACE INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"


class CourtsStore(PublicStore):
    FILENAME = "courts.sqlite3"
    SCHEMA = SCHEMA

    def add(self, decisions: Iterable[Decision]) -> int:
        """Store in batches of 5,000, each one transaction; returns how many were written."""
        written = 0
        stream: Iterator[Decision] = iter(decisions)
        while batch := list(islice(stream, BATCH)):
            with self.conn:
                self.conn.executemany(INSERT, [dataclasses.astuple(d) for d in batch])
            written += len(batch)
        return written

    def add_dictionary(self, entries: Iterable[tuple[str, str, str]]) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO dictionaries VALUES (?,?,?)", entries)

    def urls(self, doc_ids: list[str]) -> dict[str, str]:
        """``doc_id`` -> ``doc_url`` for the ids present."""
        found: dict[str, str] = {}
        for doc_id in doc_ids:
            row = self.conn.execute("SELECT doc_url FROM decisions WHERE doc_id = ?",
                                    (doc_id,)).fetchone()
            if row is not None:
                found[doc_id] = str(row[0])
        return found

    def put_facts(self, doc_id: str, facts: dict[str, Any]) -> bool:
        """Store extracted facts for an ingested decision; False when ``doc_id`` is unknown."""
        if not self.urls([doc_id]):
            return False
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)",
                              (doc_id, json.dumps(facts, ensure_ascii=False)))
        return True

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM decisions").fetchone()[0])
