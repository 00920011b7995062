"""Form № 1 workbooks built for tests, shaped like the ОГП's (title sheet 0, Section 1 on 1)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

HEADER = ["", "", "", "", "", "", "", "",
          "Обліковано кримінальних правопорушень у звітному періоді",
          "Кримінальні правопорушення, у яких особам вручено повідомлення про підозру",
          "", "", "", "",
          "Кримінальні правопорушення, за якими провадження направлені до суду",
          "", "", "", "", "", "", "", "", "",
          "Кримінальні правопорушення, у яких провадження закрито"]  # columns 1, 2, 7, 17


def workbook(path: Path, title: str, rows: list[tuple[str, list[int]]],
             sheets: tuple[str, ...] = ("0", "1", "2", "3", "4", "5", "6")) -> Path:
    """A workbook shaped like the ОГП's: title sheet 0, Section 1 on sheet 1."""
    book = openpyxl.Workbook()
    book.active.title = sheets[0]
    for name in sheets[1:]:
        book.create_sheet(name)
    book["0"]["B12"] = "ЄДИНИЙ ЗВІТ ПРО КРИМІНАЛЬНІ ПРАВОПОРУШЕННЯ"
    book["0"]["B14"] = title
    sheet = book["1"]
    sheet.append(["Таблиця 1.20"])
    sheet.append(HEADER)
    sheet.append(["А", "", "", "", "", "", "", "Б", *range(1, 18)])
    for number, (label, values) in enumerate(rows, start=1):
        sheet.append(["", label, "", "", "", "", "", number, *values])
    book.save(path)
    return path


def values(col1: int, col2: int = 0, col7: int = 0, col17: int = 0) -> list[int]:
    row = [0] * 17
    row[0], row[1], row[6], row[16] = col1, col2, col7, col17
    return row
