"""`doorbraak user ...`: accounts for shared databases (beheer)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from domain.actors import Role
from tui.cli.common import open_cli, write_stdout

app = typer.Typer(help="Gebruikers en rollen (voor gedeelde databases).", no_args_is_help=True)


def _new_password() -> str:
    password = os.environ.get("DOORBRAAK_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        typer.echo("Fout: geef het wachtwoord via DOORBRAAK_NEW_PASSWORD of interactief.", err=True)
        raise typer.Exit(1)
    return str(typer.prompt("Nieuw wachtwoord", hide_input=True, confirmation_prompt=True))


@app.command("add")
def add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM")],
    name: Annotated[str, typer.Option("--naam", help="Weergavenaam.")],
    role: Annotated[Role, typer.Option("--rol", help="professional, coordinator, let, trainer of beheer.")],
    municipalities: Annotated[str, typer.Option("--gemeenten", help="CBS-codes, komma-gescheiden (leeg: alle).")] = "",
    team: Annotated[str, typer.Option("--team")] = "",
) -> None:
    """Maak een account. Het allereerste account van een database moet de rol beheer hebben."""
    with open_cli(ctx, login=False) as services:
        if services.users.has_accounts():
            from tui.cli.common import cli_login

            cli_login(services)
        codes = frozenset(c.strip().upper() for c in municipalities.split(",") if c.strip()) or None
        user = services.users.create(
            username=username, display_name=name, role=role, password=_new_password(), municipality_codes=codes,
            team=team,
        )
    write_stdout(f"Account {user.username} ({user.role.label}) is aangemaakt.")


@app.command("list")
def list_users(ctx: typer.Context) -> None:
    """Toon alle accounts."""
    with open_cli(ctx) as services:
        users = services.users.list()
    for u in users:
        codes = ",".join(sorted(u.municipality_codes)) if u.municipality_codes else "alle"
        state = "actief" if u.active else "gedeactiveerd"
        write_stdout(f"{u.username:<20} {u.display_name:<28} {u.role.label:<26} {codes:<20} {u.team:<20} {state}")


@app.command("deactivate")
def deactivate(ctx: typer.Context, username: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM")]) -> None:
    """Zet een account uit (inloggen kan dan niet meer; het logboek blijft)."""
    with open_cli(ctx) as services:
        services.users.set_active(username, False)
    write_stdout(f"Account {username} is gedeactiveerd.")


@app.command("activate")
def activate(ctx: typer.Context, username: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM")]) -> None:
    """Zet een account weer aan (en hef een blokkade na mislukte pogingen op)."""
    with open_cli(ctx) as services:
        services.users.set_active(username, True)
    write_stdout(f"Account {username} is geactiveerd.")


@app.command("passwd")
def passwd(ctx: typer.Context, username: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM")]) -> None:
    """Wijzig een wachtwoord (uw eigen, of als beheerder dat van een ander)."""
    with open_cli(ctx) as services:
        services.users.change_password(username, _new_password())
    write_stdout("Het wachtwoord is gewijzigd.")
