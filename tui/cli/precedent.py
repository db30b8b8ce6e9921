"""`doorbraak precedent search`: how a similar knelpunt was solved elsewhere (decided plans, pseudonymised)."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import ValidationError

from domain.messages import invalid_input
from domain.precedent import MAX_RESULTS, PrecedentQuery
from tui.cli.common import open_cli, report_error, write_stdout
from tui.render.precedent import page_json, page_text

app = typer.Typer(help="Precedenten: hoe is dit elders opgelost? (besloten plannen, gepseudonimiseerd)",
                  no_args_is_help=True)


@app.command("search")
def search_command(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(metavar="ZOEK", help="Woorden in sta-in-de-weg, doorbraak of acties.")] = "",
    knelpunt: Annotated[
        str, typer.Option("--knelpunt", help="Woorden uit een knelpunt (titel, wet, organisatie).")
    ] = "",
    rechtsgrond: Annotated[
        str | None, typer.Option("--rechtsgrond", help="Id van een rechtsgrond (zie 'plan rechtsgronden').")
    ] = None,
    leefgebied: Annotated[
        str | None, typer.Option("--leefgebied", help="Leefgebied van de sta-in-de-weg, bijv. huisvesting.")
    ] = None,
    sta_in_de_weg: Annotated[str, typer.Option("--sta-in-de-weg", help="Woorden uit de sta-in-de-weg.")] = "",
    actiesoort: Annotated[
        str | None, typer.Option("--actiesoort", help="Soort actie (zie 'plan rechtsgronden --soorten').")
    ] = None,
    exclude: Annotated[
        str | None, typer.Option("--behalve", metavar="CASUS", help="Laat het plan van deze casus weg.")
    ] = None,
    limit: Annotated[int, typer.Option("--max", min=1, max=MAX_RESULTS, help="Hoeveel precedenten ten hoogste.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Zoek besloten plannen op knelpunt, rechtsgrond, sta-in-de-weg en soort actie (het zoeken wordt gelogd)."""
    try:
        query = PrecedentQuery(knelpunt=knelpunt, rechtsgrond=rechtsgrond, leefgebied=leefgebied,
                               sta_in_de_weg=sta_in_de_weg, actiesoort=actiesoort, zoek=words,
                               exclude_case=exclude, limit=limit)
    except ValidationError as exc:
        report_error(invalid_input(exc))
    with open_cli(ctx) as services:
        page = services.precedents.search(query)
    write_stdout(page_json(page) if as_json else page_text(page))
