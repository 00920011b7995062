"""Summaries of selected decisions, and facts stored for them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import CliResult

Cli = Callable[..., CliResult]
FIXTURES = Path(__file__).parent / "fixtures" / "courts"
HEADER = ("doc_id\tcourt_code\tjudgment_code\tjustice_kind\tcategory_code\tcause_num\t"
          "adjudication_date\treceipt_date\tjudge\tdoc_url\tstatus\tdate_publ\n")


def index_file(tmp_path: Path) -> Path:
    rows = [("101", "1610", "40851", "2024-03-12"), ("102", "1610", "40851", "2024-03-20"),
            ("103", "0527", "40852", "2024-04-02"), ("104", "1313", "40851", "2024-12-30")]
    text = HEADER + "".join(
        f'{d}\t{c}\t1\t2\t{k}\t1/1/24\t"{day} 00:00:00+02"\t"{day} 00:00:00+02"\t"С. С."\t'
        f"http://od.reyestr.court.gov.ua/files/43/{d}.rtf\t1\t\"{day} 00:00:00+02\"\n"
        for d, c, k, day in rows)
    path = tmp_path / "documents.csv"
    path.write_text(text, encoding="utf-8")
    return path


def stored(tmp_path: Path, cli: Cli, texts: dict[str, str]) -> tuple[Path, CliResult]:
    """A store with the index ingested and the fixture ``texts`` (fixture -> file name)
    extracted into it; the extract run's result."""
    db = tmp_path / "c.db"
    cli("courts", "ingest", index_file(tmp_path), "--db", db, passphrase=None)
    folder = tmp_path / "texts"
    folder.mkdir()
    for fixture, name in texts.items():
        shutil.copy(FIXTURES / fixture, folder / name)
    return db, cli("courts", "extract", folder, "--store", "--db", db, passphrase=None)


def test_summary_by_month_week_region_and_article(tmp_path: Path, cli: Cli) -> None:
    db = tmp_path / "c.db"
    assert cli("courts", "ingest", index_file(tmp_path), "--db", db, passphrase=None).code == 0

    def summary(*args: str) -> list[tuple[str, int]]:
        out = cli("courts", "summary", *args, "--db", db, "--json", passphrase=None).out
        return [(g["label"], g["count"]) for g in json.loads(out)]

    assert summary("--by", "month") == [("2024-03", 2), ("2024-04", 1), ("2024-12", 1)]
    assert summary("--by", "week") == [("2024-W11", 1), ("2024-W12", 1), ("2024-W14", 1),
                                       ("2025-W01", 1)]
    assert summary("--by", "region") == [("Донецька область", 1), ("Львівська область", 1),
                                         ("Полтавська область", 2)]
    assert summary("--by", "month", "--article", "408") == [("2024-04", 1)]


def test_outcomes_come_from_stored_facts(tmp_path: Path, cli: Cli) -> None:
    db, result = stored(tmp_path, cli, {
        "prison_407_5.txt": "101.rtf", "probation_plea_407_4.txt": "102.rtf",
        "acquitted_407.txt": "999.rtf",  # not in the index
    })
    assert "not stored 999.rtf" in result.err
    out = cli("courts", "summary", "--by", "outcome", "--db", db, "--json", passphrase=None).out
    assert [(g["key"], g["count"]) for g in json.loads(out)] == [
        ("convicted", 1), ("not extracted", 2), ("probation", 1)]


def test_unknown_grouping_is_a_usage_problem(tmp_path: Path, cli: Cli) -> None:
    assert cli("courts", "summary", "--by", "judge", "--db", tmp_path / "c.db",
               passphrase=None).code == 64


def test_charts_of_months_outcomes_and_regions(tmp_path: Path, cli: Cli) -> None:
    db, _ = stored(tmp_path, cli, {"prison_407_5.txt": "101.rtf"})
    for kind in ("month", "outcomes", "region"):
        out = tmp_path / f"{kind}.png"
        assert cli("courts", "chart", "--kind", kind, "--out", out, "--db", db,
                   passphrase=None).code == 0
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert cli("courts", "chart", "--kind", "pie", "--out", tmp_path / "x.png", "--db", db,
               passphrase=None).code == 64
