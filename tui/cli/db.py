"""`doorbraak db`: the database itself — upgrade, keys, encryption, PostgreSQL roles."""

from __future__ import annotations

from typing import Annotated

import typer

from tui.cli import health, security
from tui.cli.common import open_cli

app = typer.Typer(help="Databasebeheer.", no_args_is_help=True)
security.register(app)
health.register(app)


@app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Breng het databaseschema naar de nieuwste versie (met eerst een reservekopie bij SQLite)."""
    with open_cli(ctx, login=False) as services:
        where = services.description
        backup = services.backup_path
    typer.echo(f"Database is bijgewerkt: {where}")
    if backup:
        typer.echo(f"Reservekopie van de oude versie: {backup}")


@app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(metavar="REVISIE", help="De oudere schemaversie.")] = "",
) -> None:
    """Een oudere schemaversie terugzetten kan niet; deze opdracht legt uit hoe u wél terug kunt."""
    from storage.migrate import DOWNGRADE_REFUSED

    typer.echo(f"Fout: {DOWNGRADE_REFUSED}", err=True)
    raise typer.Exit(1)


@app.command("dashboard-herbouw")
def db_dashboard_rebuild(ctx: typer.Context) -> None:
    """Tel de dashboardcijfers van alle huishoudens opnieuw (na een melding van 'doorbraak db check')."""
    from storage.health import missing_file

    missing = missing_file(ctx.obj.settings())
    if missing is not None:  # opening would make an empty database there: a recount has nothing to count
        typer.echo(f"Fout: er is geen database op {missing}.", err=True)
        raise typer.Exit(1)
    with open_cli(ctx) as services:
        services.dashboard.rebuild()
        where = services.description
    typer.echo(f"De dashboardcijfers zijn opnieuw geteld: {where}")
