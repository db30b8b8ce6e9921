"""The `doorbraak` command. Without a sub-command it opens the app on the user's database."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import platformdirs
import typer

from domain.errors import DomainError
from storage.bootstrap import demo_settings, open_services
from storage.settings import APP_NAME
from tui.cli import (
    audit,
    backup,
    bench,
    case,
    mandate,
    plan,
    privacy,
    register,
    security,
    serve,
    user,
)
from tui.cli.common import CliState, open_cli, report_error
from tui.cli.errors import run_guarded
from tui.cli.escalation import app as escalation_app
from tui.cli.overbrugging import app as overbrugging_app
from tui.cli.report import app as report_app
from tui.error_log import log_path

app = typer.Typer(
    help="doorbraak: de doorbraakmethode voor multiprobleemhuishoudens, in de terminal.",
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,  # Typer's completion options speak English and write into shell start-up files
    epilog=f"Onverwachte fouten worden zonder gegevens gelogd in {log_path()}.",
)
db_app = typer.Typer(help="Databasebeheer.", no_args_is_help=True)
app.add_typer(db_app, name="db")
security.register(db_app)
app.add_typer(case.app, name="case")
app.add_typer(plan.app, name="plan")
backup.register(app)
serve.register(app)
bench.register(app)
app.add_typer(audit.app, name="audit")
app.add_typer(user.app, name="user")
app.add_typer(mandate.app, name="mandaat")
app.add_typer(privacy.app, name="privacy")
app.add_typer(overbrugging_app, name="overbrugging")
app.add_typer(escalation_app, name="escalation")
app.add_typer(report_app, name="report")
app.add_typer(register.app, name="register")


@app.callback()
def main_callback(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database", "-d", envvar="DOORBRAAK_DATABASE_URL", help="SQLAlchemy-URL van de database."),
    ] = None,
) -> None:
    """Zonder opdracht opent doorbraak de app op uw eigen database."""
    ctx.obj = CliState(database_url)
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj.settings())


def _run_app(settings: object) -> None:
    from storage.settings import Settings
    from tui.app import run_app  # imported late: CLI commands do not need Textual loaded

    assert isinstance(settings, Settings)
    try:
        services = open_services(settings)
    except DomainError as exc:
        report_error(exc)
    try:
        run_app(services)
    finally:
        services.close()


@app.command()
def demo(
    ctx: typer.Context,
    own_copy: Annotated[
        bool, typer.Option("--eigen-kopie", help="Een eigen kopie voor deze sessie (verwijderd na afloop).")
    ] = False,
) -> None:
    """Open de app op een verse kopie van de demodatabase (OEFENOMGEVING); het origineel blijft ongerept."""
    with ExitStack() as stack:
        target_dir = None
        if own_copy:  # `doorbraak serve` starts one demo per browser tab: each gets its own copy
            cache = Path(platformdirs.user_cache_dir(APP_NAME))
            cache.mkdir(parents=True, exist_ok=True)
            target_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oefenomgeving-", dir=cache)))
        try:
            settings = demo_settings(ctx.obj.settings(), target_dir=target_dir)
        except DomainError as exc:
            report_error(exc)
        _run_app(settings)


@app.command()
def seed(
    output: Annotated[Path, typer.Option("--output", "-o", help="Het databasebestand dat wordt (over)schreven.")],
    households: Annotated[
        int, typer.Option("--households", "-n", min=1, max=1_000_000, help="Aantal huishoudens.")
    ] = 48,
    seed_value: Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator.")] = 2026,
) -> None:
    """Schrijf fictieve, deterministische demodata naar een nieuw SQLite-bestand."""
    from storage.seed import seed_file

    try:
        stats = seed_file(output, households=households, seed=seed_value, progress=True)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Geschreven: {output} ({stats})")


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Breng het databaseschema naar de nieuwste versie (met eerst een reservekopie bij SQLite)."""
    with open_cli(ctx, login=False) as services:
        where = services.description
        backup = services.backup_path
    typer.echo(f"Database is bijgewerkt: {where}")
    if backup:
        typer.echo(f"Reservekopie van de oude versie: {backup}")


def main() -> None:
    """The console script: Typer's app inside the one error boundary (tui/cli/errors.py)."""
    run_guarded(app)
