"""Shared plumbing for CLI commands: open the database from settings, turn domain errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from domain.access import ReasonRequired
from domain.errors import Conflict, DomainError, InvalidInput
from storage.files import FileRefused
from tui.cli.state import CliState as CliState

# storage.bootstrap (SQLAlchemy, the tables) is imported when a command opens the database, not with this module:
# `case show --json` on a SQLite file reads without it (storage/raw_case.py).
if TYPE_CHECKING:
    from storage.bootstrap import Services

EXIT_ERROR = 1
EXIT_INVALID = 2

ReasonOpt = Annotated[
    str,
    typer.Option("--reden", help="Waarom u een casus buiten uw caseload opent (wordt vastgelegd in het logboek)."),
]
"""For commands that show a case: outside one's caseload the services ask a reason (break-glass)."""


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    typer.echo(f"Fout: {message}", err=True)
    raise typer.Exit(code)


def _reason_hint() -> str:
    """Point to --reden only where the command has it (not every command that opens a case does)."""
    import click

    context = click.get_current_context(silent=True)
    if context is not None and any(param.name == "reden" for param in context.command.params):
        return 'Geef die mee met --reden "...".'
    return ("Deze opdracht kent geen --reden: open de casus in de app (die vraagt om de reden) of met "
            "'doorbraak case show CASUS --reden \"...\"'.")


def report_error(error: DomainError) -> NoReturn:
    if isinstance(error, InvalidInput):
        count = len(error.problems)
        typer.echo(f"Fout: {count} {'probleem' if count == 1 else 'problemen'} gevonden, er is niets opgeslagen:",
                   err=True)
        for problem in error.problems:
            typer.echo(f"  - {problem}", err=True)
        raise typer.Exit(EXIT_INVALID)
    if isinstance(error, ReasonRequired):
        fail(f"{error.message} {_reason_hint()}")
    # Rejected input exits 2 like invalid input: a case number that exists already, a file not written.
    fail(error.message, EXIT_INVALID if isinstance(error, Conflict | FileRefused) else EXIT_ERROR)


def cli_login(services: Services) -> None:
    """Log in on a shared database: user from DOORBRAAK_USER, password from DOORBRAAK_PASSWORD or a prompt."""
    password = os.environ.get("DOORBRAAK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            fail("Deze database vraagt om inloggen: zet DOORBRAAK_USER en DOORBRAAK_PASSWORD.")
        password = typer.prompt(f"Wachtwoord voor {services.settings.user}", hide_input=True)
    services.login(services.settings.user, password)


@contextmanager
def open_cli(ctx: typer.Context, *, login: bool = True) -> Iterator[Services]:
    """Open the configured database (and log in where it is shared) and hand out its bound services;
    every DomainError becomes a Dutch message and a non-zero exit."""
    from storage.bootstrap import open_services

    state: CliState = ctx.obj
    try:
        services = open_services(state.settings())
    except DomainError as exc:
        report_error(exc)
    for warning in services.warnings:
        typer.echo(f"Waarschuwing: {warning}", err=True)
    try:
        if login and services.requires_login:
            cli_login(services)
    except DomainError as exc:
        services.close()
        report_error(exc)
    try:
        yield services
    except DomainError as exc:
        report_error(exc)
    finally:
        services.close()


def write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
