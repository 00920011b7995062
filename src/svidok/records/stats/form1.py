"""Reading the ОГП's Form № 1 workbooks («Єдиний звіт про кримінальні правопорушення»).

Both layouts are read: the form of order № 299 of 2020 (sheets 0–9) and the earlier one
(sheets 0, 1, 2, 3, 4.1 …). The period comes from the title sheet ("за січень - грудень 2018
року"); figures from sheet 1 only (Section 1, all investigating bodies: sheet 6 repeats some
articles for the State Bureau of Investigation alone). Rows are found by article label ("ст. 407"
and "ст.407" alike; "ст. 336" never matches "ст. 336-1"); columns through each table's row of
column numbers (А | Б | 1 | 2 | …), never by letter. What each column measures is read from the
workbook's own header ("Обліковано…" = registered), because the forms number them differently.
An article a report does not show is recorded as withheld, never as 0.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from svidok.errors import InputRejected

ARTICLES = ("336", "402", "403", "404", "405", "406", "407", "408", "409")
MILITARY_CHAPTER = "XIX"
MAX_BYTES = 50 * 1024 * 1024
MONTHS = {"січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6,
          "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11,
          "грудень": 12}
_PERIOD = re.compile(r"за\s+(\w+)(?:\s*[-–—]\s*(\w+))?\s+(\d{4})\s+рок", re.IGNORECASE)
_ARTICLE = re.compile(r"ст\.\s*(\d{3}(?:-\d+)?)\s*\)?\s*$")
_CHAPTER = re.compile(r"^\s*(?:кримінальні правопорушення|злочини)\s+проти\s+встановленого\s+"
                      r"порядку\s+несення\s+військової\s+служби", re.IGNORECASE)
# Header keywords -> measure; a column's header is all text above its number in the first table.
_MEASURES = (
    ("обліковано", "registered"),
    ("повідомлення про підозру", "notice_of_suspicion"),
    ("направлені до суду", "sent_to_court"),
    ("закрито", "closed"),
)


@dataclass(frozen=True)
class Cell:
    period_start: date
    period_end: date
    cumulative: bool
    article: str
    column: int
    measure: str
    value: int | None  # None: withheld (the report does not show the article)
    source_file: str
    source_sha256: str
    sheet: str
    row: int | None

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["period_start"], out["period_end"] = (self.period_start.isoformat(),
                                                  self.period_end.isoformat())
        out["withheld"] = self.value is None
        return out


def parse(path: Path) -> list[Cell]:
    import openpyxl  # here, not at the top: every svidok command would pay its import

    data = _read(path)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputRejected(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    try:
        if "0" not in book.sheetnames or "1" not in book.sheetnames:
            raise InputRejected(f"{path.name}: not an ОГП Form № 1 workbook (no sheets 0 and 1)")
        start, end = _period(book["0"], path.name)
        rows = list(book["1"].iter_rows(values_only=True))
    finally:
        book.close()
    digest = hashlib.sha256(data).hexdigest()
    measures = _column_measures(rows)
    found: dict[str, tuple[int, dict[int, int]]] = {}
    columns: dict[int, int] = {}
    for number, row in enumerate(rows, start=1):
        numbered = _column_numbers(row)
        if numbered:
            columns = numbered
            continue
        article = _article(row)
        if article is not None and article not in found and columns:
            found[article] = (number, {n: _int(row[i]) for n, i in columns.items()
                                       if n in measures and i < len(row)})
    cells = []
    for article in (*ARTICLES, MILITARY_CHAPTER):
        if article in found:
            row_number, values = found[article]
            cells += [Cell(start, end, True, article, n, measures[n], v, path.name, digest, "1",
                           row_number) for n, v in sorted(values.items())]
        else:
            cells += [Cell(start, end, True, article, n, m, None, path.name, digest, "1", None)
                      for n, m in sorted(measures.items())]
    return cells


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputRejected(f"{path.name}: over the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputRejected(f"{path.name}: an old XLS file or a password-protected workbook; "
                            "save it as an unprotected XLSX")
    if not data.startswith(b"PK"):
        raise InputRejected(f"{path.name}: not an XLSX workbook")
    return data


def _period(sheet: Any, name: str) -> tuple[date, date]:
    for row in sheet.iter_rows(max_row=60, values_only=True):
        for value in row:
            match = _PERIOD.search(str(value or ""))
            if match and match.group(1).lower() in MONTHS:
                first = MONTHS[match.group(1).lower()]
                last = MONTHS.get((match.group(2) or match.group(1)).lower())
                if last is None:
                    continue
                year = int(match.group(3))
                end = date(year + (last == 12), 1 if last == 12 else last + 1, 1)
                return date(year, first, 1), date.fromordinal(end.toordinal() - 1)
    raise InputRejected(f"{name}: not an ОГП Form № 1 workbook (no period on the title sheet)")


def _column_numbers(row: tuple[Any, ...]) -> dict[int, int]:
    """The row of column numbers: "А" first, then 1, 2, 3 … (column index by number)."""
    if not row or str(row[0] or "").strip() not in ("А", "A"):
        return {}
    numbers = {v: i for i, v in enumerate(row) if isinstance(v, int) and not isinstance(v, bool)}
    return numbers if 1 in numbers and 2 in numbers else {}


def _column_measures(rows: list[tuple[Any, ...]]) -> dict[int, str]:
    """Measure of each numbered column, from the header text above the first number row."""
    for index, row in enumerate(rows):
        columns = _column_numbers(row)
        if not columns:
            continue
        measures = {}
        for number, col in columns.items():
            header = " ".join(str(r[col]) for r in rows[:index] if col < len(r) and r[col])
            header = " ".join(header.lower().split())
            for keyword, measure in _MEASURES:
                if keyword in header:
                    measures[number] = measure
                    break
        # The first column of a measure is its total; later ones are breakdowns.
        first: dict[str, int] = {}
        for number in sorted(measures):
            first.setdefault(measures[number], number)
        return {n: m for m, n in first.items()}
    return {}


def _article(row: tuple[Any, ...]) -> str | None:
    """The article a row counts, from any of its label cells: a side label such as "за видами
    правопорушень" may stand before the article's own ("Непокора, ст. 402")."""
    for value in row[:4]:
        if isinstance(value, str) and value.strip():
            label = " ".join(value.split())
            match = _ARTICLE.search(label)
            if match:
                return match.group(1) if match.group(1) in ARTICLES else None
            if _CHAPTER.match(label):
                return MILITARY_CHAPTER
    return None


def _int(value: Any) -> int:
    if value in (None, "", "-", "–"):
        return 0  # a blank cell in a shown row is an explicit zero in these reports
    return int(value)
