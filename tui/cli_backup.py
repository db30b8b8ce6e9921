"""`doorbraak backup` and `doorbraak restore` (SQLite; PostgreSQL uses pg_dump, see README)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from domain.errors import DomainError
from storage import backup as backups
from tui.cli_common import CliState, report_error


def backup_command(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Doelbestand (standaard naast de database).")] = None,
) -> None:
    """Maak een back-up van de SQLite-database (veilig terwijl de app open is)."""
    state: CliState = ctx.obj
    try:
        target = backups.backup(state.settings().database_url, output)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Back-up gemaakt: {target}")


def restore_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="BACKUP.db", help="Het back-upbestand.")],
    yes: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False,
) -> None:
    """Zet een back-up terug. De huidige database wordt eerst apart bewaard."""
    state: CliState = ctx.obj
    url = state.settings().database_url
    if not yes and not typer.confirm(f"De database ({url}) vervangen door {file}?", default=False):
        raise typer.Exit(1)
    try:
        safety = backups.restore(url, file)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Teruggezet uit {file}.")
    if safety:
        typer.echo(f"De vorige database is bewaard als {safety}")


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
