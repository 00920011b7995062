"""Streaming the register's `documents.csv` (plain, or inside a yearly `edrsr_data_YYYY.zip`).

TAB-separated, quoted only on some columns (dates, judge), quoted fields may span lines, column
order read from the header. `court_code` stays text (zero-padded; its first two digits are the
dump's region code). Dates carry a UTC offset: the first ten characters are the date. Rows are
read one at a time, so a year's 889 MB file passes in bounded memory. A row with the wrong number
of fields is skipped and counted, never guessed at.

Dictionaries (`cause_categories.csv`, `courts.csv`, … beside `documents.csv` or in the zip) are
read the same way; names double-encoded somewhere upstream ("РЎСѓРґ" for "Суд") are repaired
with ftfy.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from svidok.errors import InputRejected
from svidok.records.courts.codes import CRIMINAL, Category

# Bytes that are not UTF-8 are escaped (surrogateescape) and counted, so that only the rows
# decoded around them need scanning: the text layer decodes 8 KB ahead, a few dozen rows.
_BAD_BYTES = [0]
_CHECK_WINDOW = 2_000
_ESCAPE = "svidok-count-escape"
_surrogateescape = codecs.lookup_error("surrogateescape")


def _count_and_escape(exc: UnicodeError) -> tuple[str | bytes, int]:
    _BAD_BYTES[0] += 1
    return _surrogateescape(exc)


codecs.register_error(_ESCAPE, _count_and_escape)

REQUIRED = ("doc_id", "court_code", "judgment_code", "justice_kind", "category_code",
            "cause_num", "adjudication_date", "doc_url", "status")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # judges' names can carry long quoted runs


@dataclass(frozen=True)
class Decision:
    doc_id: str
    court_code: str
    region_code: str
    judgment_code: str
    category_code: str
    article: str
    cause_num: str
    adjudication_date: str
    receipt_date: str
    judge: str
    doc_url: str
    status: str
    date_publ: str


@dataclass
class Report:
    rows: int = 0
    selected: int = 0
    criminal_without_category: int = 0
    skipped: int = 0
    by_article: dict[str, int] = field(default_factory=dict)
    dictionaries: dict[str, int] = field(default_factory=dict)
    repaired_names: int = 0
    repaired_rows: int = 0  # rows in Windows-1251 inside a UTF-8 file, read as such


@contextlib.contextmanager
def open_index(path: Path) -> Iterator[tuple[IO[str], zipfile.ZipFile | None]]:
    """The documents.csv text stream, and the zip it came from (for dictionaries), if any."""
    if not path.exists():
        raise InputRejected(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        try:
            archive = zipfile.ZipFile(path)
            member = next((n for n in archive.namelist() if n.endswith("documents.csv")), None)
            if member is None:
                raise InputRejected(f"{path.name}: the archive has no documents.csv")
            with archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors=_ESCAPE,
                                       newline=""), archive
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise InputRejected(f"{path.name}: damaged or truncated archive ({exc})") from exc
        return
    with open(path, "rb") as probe:  # four bytes, not the file: indexes are gigabytes
        if probe.read(4) == b"PK\x03\x04":
            raise InputRejected(f"{path.name}: damaged or truncated archive")
    with open(path, encoding="utf-8-sig", errors=_ESCAPE, newline="") as fh:
        yield fh, None


def rows(fh: IO[str], report: Report) -> Iterator[dict[str, str]]:
    reader = csv.reader(fh, delimiter="\t", quotechar='"')
    seen_bad, check_until = _BAD_BYTES[0], -1  # before the first read: it decodes 8 KB ahead
    try:
        header = next(reader)
    except StopIteration as exc:
        raise InputRejected("documents.csv is empty") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputRejected(f"documents.csv cannot be read ({exc})") from exc
    if header and header[0].startswith("==>"):  # a `head` banner before the real header
        header = next(reader)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputRejected(f"documents.csv lacks the columns {', '.join(missing)}")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError):
            report.skipped += 1
            continue
        if len(row) != len(header):
            report.skipped += 1
            continue
        if _BAD_BYTES[0] != seen_bad:  # the decoder met bytes that are not UTF-8 ...
            seen_bad, check_until = _BAD_BYTES[0], report.rows + _CHECK_WINDOW
        if report.rows <= check_until and _SURROGATE.search("".join(row)):  # ... in these rows
            repaired = _from_cp1251(row)
            if repaired is None:
                report.skipped += 1
                continue
            report.repaired_rows += 1
            row = repaired
        report.rows += 1
        yield dict(zip(header, row, strict=True))


_SURROGATE = re.compile("[\udc80-\udcff]")


def _from_cp1251(row: list[str]) -> list[str] | None:
    """A row whose bytes were not UTF-8, read as Windows-1251 instead (or None if not that)."""
    try:
        return [cell.encode("utf-8", "surrogateescape").decode("cp1251") for cell in row]
    except UnicodeDecodeError:
        return None


def select(
    records: Iterator[dict[str, str]], codes: dict[str, Category], report: Report
) -> Iterator[Decision]:
    """Criminal documents in the code list; criminal ones with no category are counted."""
    for r in records:
        if r["justice_kind"].strip() != CRIMINAL:
            continue
        category = r["category_code"].strip()
        if not category:
            report.criminal_without_category += 1
            continue
        chosen = codes.get(category)
        if chosen is None:
            continue
        report.selected += 1
        report.by_article[chosen.article] = report.by_article.get(chosen.article, 0) + 1
        court = r["court_code"].strip()
        yield Decision(
            doc_id=r["doc_id"].strip(), court_code=court, region_code=court[:2],
            judgment_code=r["judgment_code"].strip(), category_code=category,
            article=chosen.article, cause_num=r["cause_num"].strip(),
            adjudication_date=r["adjudication_date"].strip()[:10],
            receipt_date=r.get("receipt_date", "").strip()[:10], judge=r.get("judge", "").strip(),
            doc_url=r["doc_url"].strip(), status=r["status"].strip(),
            date_publ=r.get("date_publ", "").strip()[:10],
        )


def dictionaries(
    archive: zipfile.ZipFile | None, directory: Path | None, report: Report
) -> Iterator[tuple[str, str, str]]:
    """``(dictionary, code, name)`` from every other CSV in the zip or the --dicts folder."""
    if archive is not None:
        for member in archive.namelist():
            if member.endswith(".csv") and not member.endswith("documents.csv"):
                with archive.open(member) as raw:
                    yield from _dictionary(Path(member).stem, raw, report)
    if directory is not None:
        for path in sorted(directory.glob("*.csv")):
            if path.name != "documents.csv":
                with open(path, "rb") as raw:
                    yield from _dictionary(path.stem, raw, report)


def _dictionary(name: str, raw: IO[bytes], report: Report) -> Iterator[tuple[str, str, str]]:
    import ftfy  # imported when a dictionary is read
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.reader(text, delimiter="\t", quotechar='"')
    next(reader, None)
    for row in reader:
        if len(row) < 2:
            report.skipped += 1
            continue
        fixed = ftfy.fix_text(row[1])
        report.repaired_names += fixed != row[1]
        report.dictionaries[name] = report.dictionaries.get(name, 0) + 1
        yield name, row[0].strip(), fixed.strip()
