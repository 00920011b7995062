"""The register's index: format quirks, selection by code only, counts of what was missed."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHARED, CliResult
from svidok.errors import InputRejected
from svidok.records.courts import codes, index

Cli = Callable[..., CliResult]
HEADER = ("doc_id\tcourt_code\tjudgment_code\tjustice_kind\tcategory_code\tcause_num\t"
          "adjudication_date\treceipt_date\tjudge\tdoc_url\tstatus\tdate_publ\n")
URL = "http://od.reyestr.court.gov.ua/files/43/aeccd8f71c3690184d1eb00efeae9dd3.rtf"


def row(doc: str, court: str, form: str, kind: str, category: str, judge: str = '"Ісаков Д. О."',
        url: str = URL) -> str:
    return (f'{doc}\t{court}\t{form}\t{kind}\t{category}\t334/8674/23\t"2023-12-21 00:00:00+02"\t'
            f'"2024-01-01 00:00:00+02"\t{judge}\t{url}\t1\t"2024-01-02 00:00:00+02"\n')


INDEX = HEADER + "".join([
    row("1", "0527", "1", "2", "40851"),                        # ст. 407, Донецька court
    row("2", "1308", "5", "2", "40852", judge='"Зеліско\nР. Й."'),  # quoted field across lines
    row("3", "0814", "2", "5", "10660"),                        # admin offence, same name as 407
    row("4", "0814", "1", "2", "5473"),                         # ст. 429, "самовільне залишення"
    row("5", "0814", "5", "2", "", url=""),                     # criminal, no category
    "6\t0814\tbroken row\n",                                    # malformed
    row("7", "2601", "1", "2", "5459"),                         # ст. 407 before 2019
])


def ingest(text: str, groups: tuple[str, ...] = ("407", "408")) -> tuple[list[index.Decision],
                                                                       index.Report]:
    report = index.Report()
    return list(index.select(index.rows(io.StringIO(text), report), codes.selected(groups),
                             report)), report


def test_selection_is_by_criminal_kind_and_explicit_codes_only() -> None:
    decisions, report = ingest(INDEX)
    assert [(d.doc_id, d.article) for d in decisions] == [("1", "407"), ("2", "408"),
                                                          ("7", "407")]
    assert report.by_article == {"407": 2, "408": 1}


def test_court_code_stays_text_and_dates_lose_their_offset() -> None:
    [first, *_], _ = ingest(INDEX)
    assert (first.court_code, first.region_code) == ("0527", "05")
    assert (first.adjudication_date, first.date_publ) == ("2023-12-21", "2024-01-02")


def test_a_quoted_field_may_span_lines() -> None:
    decisions, _ = ingest(INDEX)
    assert decisions[1].judge == "Зеліско\nР. Й."


def test_missed_and_malformed_rows_are_counted() -> None:
    _, report = ingest(INDEX)
    assert (report.rows, report.criminal_without_category, report.skipped) == (6, 1, 1)


def test_the_military_chapter_includes_other_articles_but_never_admin_offences() -> None:
    decisions, _ = ingest(INDEX, ("military",))
    assert [d.category_code for d in decisions] == ["40851", "40852", "5473", "5459"]


def test_a_file_without_the_columns_is_rejected() -> None:
    with pytest.raises(InputRejected, match="lacks the columns"):
        ingest("a\tb\n1\t2\n")


def test_zip_with_dictionaries_repairs_double_encoded_names(tmp_path: Path, cli: Cli) -> None:
    mangled = "Самовільне залишення".encode().decode("cp1251")  # UTF-8 read as Windows-1251
    archive = tmp_path / "edrsr_data_2024.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("documents.csv", INDEX)
        z.writestr("cause_categories.csv", f"category_code\tname\n40851\t{mangled}\n")
    result = cli("courts", "ingest", archive, "--db", tmp_path / "c.db", "--json",
                 passphrase=None)
    summary = json.loads(result.out)
    assert (result.code, summary["written"], summary["repaired_names"]) == (0, 3, 1)
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT name FROM dictionaries WHERE code = '40851'").fetchone() == (
        "Самовільне залишення",)
    assert cli("courts", "ingest", archive, "--db", tmp_path / "c.db", "--json",
               passphrase=None).code == 0
    assert conn.execute("SELECT count(*) FROM decisions").fetchone() == (3,)  # idempotent


def test_a_truncated_zip_is_one_clear_line(tmp_path: Path, cli: Cli) -> None:
    archive = tmp_path / "edrsr_data_2024.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("documents.csv", INDEX * 200)
    archive.write_bytes(archive.read_bytes()[:800])
    result = cli("courts", "ingest", archive, "--db", tmp_path / "c.db", passphrase=None)
    assert result.code == 1
    assert "damaged or truncated archive" in result.err


@pytest.mark.skipif(not (SHARED / "data" / "courts").is_dir(), reason="../shared absent")
def test_the_real_2020_excerpt() -> None:
    text = (SHARED / "data/courts/documents_csv/edrsr_data_2020_documents_head.txt").read_text(
        encoding="utf-8")
    decisions, report = ingest(text, ("military",))
    assert (report.rows, report.skipped, decisions) == (9, 0, [])


def test_a_row_in_windows_1251_is_read_as_such_and_the_rest_still_processed(
    tmp_path: Path,
) -> None:
    data = (HEADER + row("1", "0527", "1", "2", "40851")).encode() \
        + row("2", "0527", "1", "2", "40851", judge='"Іваненко І. І."').encode("cp1251") \
        + row("3", "0527", "1", "2", "40852").encode()
    (tmp_path / "documents.csv").write_bytes(data)
    report = index.Report()
    with index.open_index(tmp_path / "documents.csv") as (fh, _):
        found = list(index.select(index.rows(fh, report), codes.selected(("407", "408")),
                                  report))
    assert [(d.doc_id, d.judge) for d in found] == [
        ("1", "Ісаков Д. О."), ("2", "Іваненко І. І."), ("3", "Ісаков Д. О.")]
    assert (report.repaired_rows, report.skipped) == (1, 0)
