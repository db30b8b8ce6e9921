"""`doorbraak --versie` and `doorbraak db check`: what beheer asks of an installation (storage/health.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storage.settings import Settings
from tui.cli.state import CliState


def print_version(settings: Settings) -> None:
    """Version, schema revision and database kind; never creates, upgrades or logs in."""
    from storage.health import app_version, database_kind, schema_state, where

    state = schema_state(settings)
    typer.echo(f"doorbraak {app_version()}")
    typer.echo(f"Schema: {state.describe()}")
    typer.echo(f"Database: {database_kind(settings.database_url)} ({where(settings.database_url)})")


def check_command(
    ctx: typer.Context,
    backup_days: Annotated[
        int, typer.Option("--backup-dagen", min=1, max=365, help="De nieuwste back-up mag hoogstens zo oud zijn.")
    ] = 1,
    backup_folder: Annotated[
        Path | None,
        typer.Option("--backup-map", help="Map met de back-ups (pg_dump-bestanden); standaard naast de database."),
    ] = None,
    prefix: Annotated[
        str, typer.Option("--prefix", help="Voorvoegsel van de groepsrollen (als bij 'db beveilig').")
    ] = "doorbraak",
) -> None:
    """Controleer de installatie: schema, migraties, rijbeveiliging, logboek, sleutels, bewaartermijnen, back-ups.

    Elke controle één regel met ok of fout; exitcode 0 als alles in orde is, anders 1.
    """
    from storage.health import run_checks

    state: CliState = ctx.obj
    failed = 0
    for check in run_checks(state.settings(), backup_days=backup_days, backup_folder=backup_folder,
                            rls_prefix=prefix):
        typer.echo(check.line())
        failed += not check.ok
    if failed:
        typer.echo(f"{failed} {'controle' if failed == 1 else 'controles'} niet in orde.", err=True)
        raise typer.Exit(1)
    typer.echo("Alles in orde.")


def register(db_app: typer.Typer) -> None:
    db_app.command("check")(check_command)
