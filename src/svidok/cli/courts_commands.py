"""``svidok courts …``: the court decisions register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from svidok.cli import io
from svidok.errors import SvidokError, UsageProblem
from svidok.records.courts import chart, codes, engine, fetch, index, summary, texts
from svidok.records.courts.store import CourtsStore

app = typer.Typer(help="The court decisions register (ЄДРСР): index, texts, facts, summaries.",
                  no_args_is_help=True)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the documented JSON shape.")]


@app.command("ingest")
def ingest(
    source: Annotated[Path, typer.Argument(metavar="INDEX",
                                           help="documents.csv or edrsr_data_YYYY.zip.")],
    dicts: Annotated[
        Path | None, typer.Option("--dicts", help="Folder with the dictionaries' CSV files.")
    ] = None,
    select: Annotated[
        str, typer.Option(help="407, 408, military (comma-separated).")
    ] = "407,408",
    db: Annotated[
        Path | None, typer.Option("--db", help="Courts database (default: user data dir).")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Select criminal decisions on Art. 407/408 (or the military chapter) from the index."""
    wanted = codes.selected(tuple(s.strip() for s in select.split(",") if s.strip()))
    report = index.Report()
    with CourtsStore(db) as store, index.open_index(source) as (fh, archive):
        written = store.add(index.select(index.rows(fh, report), wanted, report))
        store.add_dictionary(index.dictionaries(archive, dicts, report))
    summary = {"rows": report.rows, "selected": report.selected, "written": written,
               "by_article": report.by_article,
               "criminal_without_category": report.criminal_without_category,
               "skipped_rows": report.skipped, "repaired_rows": report.repaired_rows,
               "dictionaries": report.dictionaries,
               "repaired_names": report.repaired_names}
    if json_out:
        io.emit_json(summary)
        return
    io.out.print(f"{report.rows:,} rows read, {report.selected:,} selected "
                 f"({', '.join(f'ст. {a}: {n:,}' for a, n in sorted(report.by_article.items()))})")
    if report.criminal_without_category:
        io.out.print(f"{report.criminal_without_category:,} criminal documents have no category: "
                     "possibly missed")
    if report.skipped:
        io.out.print(f"{report.skipped:,} malformed rows skipped")


@app.command("texts")
def texts_(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Decision files as published.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write DIR_OUT/<name>.txt for each file.")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Decision files (RTF, Rtf2Html HTML, text) to normalised plain text. Exit 1 on any error."""
    if not directory.is_dir():
        raise UsageProblem(f"{directory}: not a folder")
    results, failed = [], 0
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        try:
            text = texts.read(path)
        except SvidokError as exc:
            failed += 1
            io.err.print(f"rejected   {exc}", markup=False)
            continue
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.txt").write_text(text + "\n", encoding="utf-8")
        results.append({"file": path.name, "chars": len(text), "text": text})
        if not json_out:
            first = next((line for line in text.splitlines() if line.strip()), "")
            io.out.print(f"{path.name}: {len(text):,} chars  {first[:60]}", markup=False)
    if json_out:
        io.emit_json(results)
    if failed:
        raise typer.Exit(1)


@app.command("extract")
def extract_(
    source: Annotated[Path, typer.Argument(metavar="FILE|DIR", help="A decision, or a folder.")],
    store_facts: Annotated[
        bool, typer.Option("--store", help="Save facts for ingested decisions (<doc_id>.rtf).")
    ] = False,
    engine_name: Annotated[
        str, typer.Option("--engine", help="local (default) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Local Dask worker processes.")] = 2,
    db: Annotated[
        Path | None, typer.Option("--db", help="Courts database (default: user data dir).")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Facts of decisions: case, court, date, form, instance, charges, outcome, sentence, …"""
    paths = sorted(p for p in source.iterdir() if p.is_file()) if source.is_dir() else [source]
    results, failed = [], 0
    store = CourtsStore(db) if store_facts else None
    for done in engine.run(paths, engine_name, scheduler, workers):
        if "error" in done:
            failed += 1
            io.err.print(f"rejected   {done['error']}", markup=False)
            continue
        results.append(done)
        facts = {name: fact["value"] for name, fact in done["facts"].items()}
        stem = Path(done["file"]).stem
        if store is not None and not store.put_facts(stem, done["facts"]):
            io.err.print(f"not stored {done['file']}: no ingested decision {stem}", markup=False)
        if not json_out:
            io.out.print(f"{done['file']}: {facts.get('form')} {facts.get('case_number')} "
                         f"{facts.get('decision_date')} {facts.get('outcome')} "
                         f"{facts.get('charges')} sentence {facts.get('sentence')}",
                         markup=False)
    if store is not None:
        store.close()
    if json_out:
        io.emit_json(results if source.is_dir() else (results[0] if results else None))
    if failed:
        raise typer.Exit(1)


@app.command("fetch")
def fetch_(
    ids: Annotated[str, typer.Option("--ids", help="Comma-separated doc_ids from the index.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for <doc_id>.rtf (the cache).")],
    rate: Annotated[float, typer.Option(min=0.01, max=5.0, help="Requests per second.")] = 1.0,
    db: Annotated[
        Path | None, typer.Option("--db", help="Courts database (default: user data dir).")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Download decision texts by their doc_url: rate-limited, retried, resumable."""
    wanted = [i.strip() for i in ids.split(",") if i.strip()]
    with CourtsStore(db) as store:
        urls = store.urls(wanted)
    fetcher = fetch.Fetcher(out, rate=rate)
    results = []
    try:
        for doc_id in wanted:
            result = fetcher.fetch(doc_id, urls[doc_id]) if doc_id in urls else \
                fetch.Result(doc_id, "failed", None, "not in the ingested index")
            results.append(result)
            if not json_out:
                io.out.print(f"{result.status:<8} {doc_id} {result.detail}", markup=False)
    finally:
        fetcher.close()
    if json_out:
        io.emit_json([{"doc_id": r.doc_id, "status": r.status,
                       "path": None if r.path is None else str(r.path), "detail": r.detail}
                      for r in results])
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command("summary")
def summary_(
    by: Annotated[str, typer.Option("--by", help="month, week, region, court or outcome.")],
    article: Annotated[str | None, typer.Option(help="Only this article, e.g. 407.")] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Courts database (default: user data dir).")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Counts of selected decisions by month, week, region, court or outcome."""
    with CourtsStore(db) as store:
        groups = summary.summarise(store, by, article)
    if json_out:
        io.emit_json([g.to_json() for g in groups])
        return
    for g in groups:
        io.out.print(f"{g.label:<40} {g.count:>8,}", markup=False)


@app.command("chart")
def chart_(
    kind: Annotated[str, typer.Option("--kind", help="month, outcomes or region.")],
    out: Annotated[Path, typer.Option("--out", help="FILE.svg or FILE.png.")],
    article: Annotated[str | None, typer.Option(help="Only this article, e.g. 407.")] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Courts database (default: user data dir).")
    ] = None,
) -> None:
    """Decisions per month, outcome shares over time, or decisions by region."""
    with CourtsStore(db) as store:
        chart.draw(store, kind, out, article)
    io.out.print(f"chart written to {out}")
