"""``svidok stats …``: the Prosecutor General's Form № 1 figures."""

from __future__ import annotations

from typing import Annotated

import typer

from svidok.cli import io
from svidok.records.stats import compose, figures

app = typer.Typer(help="Official statistics: the ОГП's Form № 1 figures on Art. 407/408 and more.",
                  no_args_is_help=True)


@app.command("total")
def total(
    articles: Annotated[str, typer.Option(help="Comma-separated articles, e.g. 407,408.")],
    start: Annotated[str, typer.Option("--from", help="First month, YYYY-MM.")],
    end: Annotated[str, typer.Option("--to", help="Last month, YYYY-MM.")],
    series: Annotated[
        str, typer.Option(help="form1 (with derived), opg_request or dbr.")
    ] = "form1",
    measure: Annotated[str, typer.Option(help="registered, notice_of_suspicion, …")] = "registered",
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the documented JSON shape.")
    ] = False,
) -> None:
    """Total for articles over months, composed from published figures, with cross-checks."""
    first, last = compose.month_span(start, end)
    wanted = tuple(a.strip() for a in articles.split(",") if a.strip())
    result = compose.total(figures.bundled(), wanted, first, last, series, measure)
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
