"""`doorbraak backup` and `doorbraak restore` (SQLite, also encrypted; PostgreSQL uses pg_dump, see
docs/security.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from domain.errors import DomainError
from storage import backup as backups
from storage.audit import load_audit_key
from storage.bootstrap import database_key
from tui.cli.common import report_error
from tui.cli.overwrite import OverwriteOpt
from tui.cli.state import CliState


def backup_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Doelbestand (standaard naast de database).")
    ] = None,
    overwrite: OverwriteOpt = False,
) -> None:
    """Maak een back-up van de SQLite-database (veilig terwijl de app open is)."""
    state: CliState = ctx.obj
    try:
        settings = state.settings()
        target = backups.backup(settings.database_url, output, key=database_key(settings), overwrite=overwrite)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Back-up gemaakt: {target}")
    try:
        anchor = backups.anchor_backup(settings.database_url, target, load_audit_key(settings.audit_key_file),
                                       key=database_key(settings))
    except DomainError as exc:  # the backup itself is made and checked; say why its checkpoint is missing
        typer.echo(f"Waarschuwing: geen ankerpunt van het logboek geschreven: {exc}", err=True)
        return
    if anchor is not None:
        typer.echo(f"Ankerpunt van het logboek: {anchor}")


def restore_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="BACKUP.db", help="Het back-upbestand.")],
    yes: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False,
) -> None:
    """Zet een back-up terug. De huidige database wordt eerst apart bewaard."""
    state: CliState = ctx.obj
    settings = state.settings()
    url = settings.database_url
    if not yes and not typer.confirm(f"De database ({url}) vervangen door {file}?", default=False):
        raise typer.Exit(1)
    try:
        safety = backups.restore(url, file, key=database_key(settings))
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Teruggezet uit {file}.")
    if safety:
        typer.echo(f"De vorige database is bewaard als {safety}")


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
