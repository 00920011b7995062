"""``svidok stats …``: the Prosecutor General's Form № 1 figures."""

from __future__ import annotations

import csv
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from svidok.cli import io
from svidok.datafiles import load_yaml
from svidok.errors import InputRejected, SvidokError, UsageProblem
from svidok.records.stats import chart as chart_module
from svidok.records.stats import claims as claims_module
from svidok.records.stats import compose, figures, form1
from svidok.records.stats import export as export_module
from svidok.records.stats import series as series_module
from svidok.records.stats.series import Restatement
from svidok.records.stats.store import StatsStore

app = typer.Typer(help="Official statistics: the ОГП's Form № 1 figures on Art. 407/408 and more.",
                  no_args_is_help=True)


ArticlesOption = Annotated[str, typer.Option(help="Comma-separated articles, e.g. 407,408.")]
FromOption = Annotated[str, typer.Option("--from", help="First month, YYYY-MM.")]
ToOption = Annotated[str, typer.Option("--to", help="Last month, YYYY-MM.")]
SeriesOption = Annotated[str, typer.Option(help="form1 (with derived), opg_request or dbr.")]
MeasureOption = Annotated[str, typer.Option(help="registered, notice_of_suspicion, …")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the documented JSON shape.")]
DbOption = Annotated[
    Path | None, typer.Option("--db", help="Statistics database (default: user data dir).")
]


@app.command("ingest")
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Form № 1 workbooks (.xlsx).")],
    db: DbOption = None,
    json_out: JsonFlag = False,
) -> None:
    """Read ОГП Form № 1 workbooks into the statistics database. Exit 1 if any was rejected."""
    store = StatsStore(db)
    cells: list[form1.Cell] = []
    rejected = []
    try:
        for path in files:
            try:
                parsed = form1.parse(path)
            except SvidokError as exc:
                rejected.append(str(exc))
                io.err.print(f"rejected   {exc}", markup=False)
                continue
            new = store.add(parsed)
            cells += parsed
            if not json_out:
                state = "ingested" if new else "unchanged"
                io.out.print(f"{state:<10} {path.name}: {parsed[0].period_start:%Y-%m} – "
                             f"{parsed[0].period_end:%Y-%m}, {new} new cells", markup=False)
    finally:
        store.close()
    if json_out:
        io.emit_json([c.to_json() for c in cells])
    if rejected:
        raise typer.Exit(1)


@app.command("total")
def total(
    articles: ArticlesOption,
    start: FromOption,
    end: ToOption,
    series: SeriesOption = "form1",
    measure: MeasureOption = "registered",
    db: DbOption = None,
    json_out: JsonFlag = False,
) -> None:
    """Total for articles over months, composed from ingested and bundled figures."""
    first, last, wanted = _request(articles, start, end)
    pool, _ = _pool(db)
    result = compose.total(pool, wanted, first, last, series, measure)
    if json_out:
        io.emit_json(result.to_json())
        return
    flag = " (includes rounded figures)" if result.rounded else ""
    io.out.print(f"{'+'.join(wanted)} {measure}, {start} to {end}: [bold]{result.value:,}[/bold]"
                 f" ({series}){flag}")
    for part in result.parts:
        source = part.to_json()["source"]
        io.out.print(f"  {part.start:%Y-%m} – {part.end:%Y-%m}  {part.value:>9,}  {source}",
                     markup=False)
    for check in result.cross_checks:
        verdict = "agrees" if check["agrees"] else f"differs by {check['difference']:+,}"
        io.out.print(f"  cross-check: {check['value']:,} published for the same span, {verdict}",
                     markup=False)


def _request(articles: str, start: str, end: str) -> tuple[date, date, tuple[str, ...]]:
    first, last = compose.month_span(start, end)
    return first, last, tuple(a.strip() for a in articles.split(",") if a.strip())


def _pool(db: Path | None) -> tuple[list[figures.Figure], list[Restatement]]:
    with StatsStore(db) as store:
        return store.pool()


@app.command("series")
def series_(
    articles: ArticlesOption,
    start: FromOption,
    end: ToOption,
    series: SeriesOption = "form1",
    measure: MeasureOption = "registered",
    db: DbOption = None,
    json_out: JsonFlag = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """Month by month, from year-to-date reports and published monthly figures; gaps shown."""
    first, last, wanted = _request(articles, start, end)
    pool, restated = _pool(db)
    months = series_module.monthly(pool, wanted, first, last, series, measure)
    if json_out:
        io.emit_json({"articles": list(wanted), "series": series, "measure": measure,
                      "months": [m.to_json() for m in months],
                      "restatements": [r.to_json() for r in restated]})
        return
    if csv_out:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["month", "value", "note", "source"])
        writer.writerows([m.month, "" if m.value is None else m.value, m.note, m.source]
                         for m in months)
        return
    for m in months:
        shown = "—" if m.value is None else f"{m.value:,}"
        io.out.print(f"{m.month}  {shown:>9}  {m.note}", markup=False)
    for r in restated:
        io.out.print(f"restated: {r.article} {r.measure} to {r.period_end:%Y-%m}: "
                     f"{' then '.join(map(str, r.values))}", markup=False)


@app.command("check")
def check(
    claims_file: Annotated[
        Path | None, typer.Argument(metavar="CLAIMS.yaml", help="Claims to check.")
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Check the bundled example (the article's claims).")
    ] = False,
    db: DbOption = None,
    json_out: JsonFlag = False,
) -> None:
    """Confirm or contradict each claim, with the computed value and its sources."""
    if (claims_file is None) == (not example):
        raise UsageProblem("name a CLAIMS.yaml file, or --example")
    raw = load_yaml("official", "claims_example.yaml") if example else _read_claims(claims_file)
    pool, _ = _pool(db)
    verdicts = claims_module.check(list(raw.get("claims", [])), pool)
    if json_out:
        io.emit_json([v.to_json() for v in verdicts])
    else:
        for v in verdicts:
            io.out.print(f"{v.verdict.upper():<13} {v.text}\n              {v.reason}",
                         markup=False)
    if any(v.verdict == "contradicted" for v in verdicts):
        raise typer.Exit(1)


def _read_claims(path: Path | None) -> dict[str, Any]:
    assert path is not None  # noqa: S101 - checked by the caller
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputRejected(f"{path}: cannot read the claims ({exc})") from exc
    if not isinstance(raw, dict):
        raise InputRejected(f"{path}: expected a mapping with a 'claims' list")
    return raw


class ExportFormat(StrEnum):
    CSV = "csv"
    SQLITE = "sqlite"


@app.command("export")
def export(
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv or sqlite.")] = (
        ExportFormat.CSV
    ),
    db: DbOption = None,
) -> None:
    """Write every figure (ingested, derived, bundled) as CSV, or SQLite for Datasette."""
    with StatsStore(db) as store:
        cells = store.cells()
        pool, _ = store.pool(cells)
    if fmt is ExportFormat.CSV:
        count = export_module.to_csv(pool, out)
    else:
        count = export_module.to_sqlite(pool, cells, out)
    io.out.print(f"{count} figures written to {out}")


@app.command("chart")
def chart(
    articles: ArticlesOption,
    start: FromOption,
    end: ToOption,
    out: Annotated[Path, typer.Option("--out", help="FILE.svg or FILE.png.")],
    series: SeriesOption = "form1",
    measure: MeasureOption = "registered",
    db: DbOption = None,
) -> None:
    """Monthly bars with events marked; series and sources named on the chart."""
    first, last, wanted = _request(articles, start, end)
    pool, _ = _pool(db)
    months = series_module.monthly(pool, wanted, first, last, series, measure)
    title = f"Art. {' + '.join(wanted)}: {measure.replace('_', ' ')} per month, {start} to {end}"
    chart_module.draw(months, title, series, out, chart_module.events(first, last))
    io.out.print(f"chart written to {out}")
