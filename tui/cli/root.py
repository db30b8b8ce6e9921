"""The `doorbraak` command's Typer app (the console script is tui/cli/main.py). Without a sub-command it opens
the app on the user's database.

Start-up is kept to Typer and this file: every command group is a `LazyEntry` (tui/cli/lazy.py) whose
module is imported only when that group runs. Add a group with one `LazyEntry` line below; its module
defines `app` (a Typer) or `register(app)`. Import nothing heavy at the top of this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tui.cli.lazy import LazyEntry, LazyTyperGroup
from tui.cli.state import CliState
from tui.error_log import log_path

LAZY_COMMANDS = (
    LazyEntry("db", "tui.cli.db", "Databasebeheer."),
    LazyEntry("case", "tui.cli.case", "Casussen (huishoudens) bekijken, importeren en exporteren."),
    LazyEntry("persoon", "tui.cli.people",
              "Personen in een huishouden: ZRM per volwassene en de checklist bij 18 jaar."),
    LazyEntry("plan", "tui.cli.plan", "Het maatwerkplan: schrijven, vaststellen, uitvoeren, evalueren en exporteren."),
    LazyEntry("overbrugging", "tui.cli.overbrugging",
              "Overbruggingen: hulp start nu, wie betaalt wordt achteraf verrekend."),
    LazyEntry("escalation", "tui.cli.escalation",
              "Escalaties (lokaal → regionaal → LMM/LET) en het gepseudonimiseerde dossier."),
    LazyEntry("loket", "tui.cli.loket",
              "Het interdepartementaal loket: een knelpunt voorleggen aan een ministerie en de vraag opvolgen."),
    LazyEntry("report", "tui.cli.report",
              "Rapportages: dashboard, knelpunten (systeemleren), werklijst, doorlooptijden."),
    LazyEntry("register", "tui.cli.register",
              "Het Landelijk Maatwerkregister: zoeken, wie bel ik, importeren en exporteren."),
    LazyEntry("precedent", "tui.cli.precedent",
              "Precedenten: hoe is dit elders opgelost? (besloten plannen, gepseudonimiseerd)"),
    LazyEntry("audit", "tui.cli.audit", "Het auditlogboek: wie zag of wijzigde wat."),
    LazyEntry("user", "tui.cli.user", "Gebruikers en rollen (voor gedeelde databases)."),
    LazyEntry("mandaat", "tui.cli.mandate",
              "Het mandaatregister: wie mag plannen vaststellen en overbruggingen toekennen (beheer)."),
    LazyEntry("privacy", "tui.cli.privacy", "Privacy (AVG): bewaartermijnen en inzageverzoeken."),
    LazyEntry("backup", "tui.cli.backup", "Maak een back-up van de SQLite-database (veilig terwijl de app open is)."),
    LazyEntry("restore", "tui.cli.backup", "Zet een back-up terug. De huidige database wordt eerst apart bewaard."),
    LazyEntry("serve", "tui.cli.serve", "Toon doorbraak in een webbrowser: de oefenomgeving, of met --gedeeld "
              "de gedeelde database met inloggen."),
    LazyEntry("bench", "tui.cli.bench",
              "Meet elke snelle route (opstarten, zoeken, openen, rekensom, PDF, import, dashboard, geheugen)."),
)


class RootGroup(LazyTyperGroup):
    def __init__(self, **attrs: object) -> None:
        super().__init__(**attrs)
        for entry in LAZY_COMMANDS:
            self.add_lazy(entry)


app = typer.Typer(
    cls=RootGroup,
    help="doorbraak: de doorbraakmethode voor multiprobleemhuishoudens, in de terminal.",
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,  # Typer's completion options speak English and write into shell start-up files
    epilog=f"Onverwachte fouten worden zonder gegevens gelogd in {log_path()}.",
)


@app.callback()
def main_callback(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database", "-d", envvar="DOORBRAAK_DATABASE_URL", help="SQLAlchemy-URL van de database."),
    ] = None,
    show_version: Annotated[
        bool, typer.Option("--versie", help="Toon versie, schemaversie en soort database, en stop.")
    ] = False,
) -> None:
    """Zonder opdracht opent doorbraak de app op uw eigen database."""
    ctx.obj = CliState(database_url)
    if show_version:
        from tui.cli.health import print_version

        print_version(ctx.obj.settings())
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        from tui.cli import main

        if main.fast_start_tried or not main.run_app_fast(ctx.obj.database_url):
            _run_app(ctx.obj.settings())


def _run_app(settings: object) -> None:
    from domain.errors import DomainError
    from storage.bootstrap import open_services
    from storage.settings import Settings
    from tui.app import run_app  # imported late: CLI commands do not need Textual loaded
    from tui.cli.common import report_error

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
    self_test: Annotated[
        bool, typer.Option("--zelftest", help="Start zonder scherm, controleer dat de caselijst verschijnt, en stop.")
    ] = False,
) -> None:
    """Open de app op een verse kopie van de demodatabase (OEFENOMGEVING); het origineel blijft ongerept."""
    import tempfile
    from contextlib import ExitStack

    import platformdirs

    from domain.errors import DomainError
    from storage.app_name import APP_NAME
    from storage.bootstrap import demo_settings
    from tui.cli.common import report_error

    with ExitStack() as stack:
        target_dir = None
        if own_copy:  # `doorbraak serve` starts one demo per browser tab: each gets its own copy
            cache = Path(platformdirs.user_cache_dir(APP_NAME))
            cache.mkdir(parents=True, exist_ok=True)
            target_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oefenomgeving-", dir=cache)))
        if self_test and target_dir is None:  # never the user's usual oefenomgeving copy
            target_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zelftest-")))
        try:
            settings = demo_settings(ctx.obj.settings(), target_dir=target_dir)
        except DomainError as exc:
            report_error(exc)
        if self_test:
            _self_test(settings)
        else:
            _run_app(settings)


def _self_test(settings: object) -> None:
    from domain.errors import DomainError
    from storage.bootstrap import open_services
    from storage.settings import Settings
    from tui.app import smoke_test
    from tui.cli.common import report_error

    assert isinstance(settings, Settings)
    try:
        services = open_services(settings)
        try:
            typer.echo(smoke_test(services))
        finally:
            services.close()
    except DomainError as exc:
        report_error(exc)


@app.command()
def seed(
    output: Annotated[Path, typer.Option("--output", "-o", help="Het databasebestand dat wordt (over)schreven.")],
    households: Annotated[
        int, typer.Option("--households", "-n", min=1, max=1_000_000, help="Aantal huishoudens.")
    ] = 48,
    seed_value: Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator.")] = 2026,
) -> None:
    """Schrijf fictieve, deterministische demodata naar een nieuw SQLite-bestand."""
    from domain.errors import DomainError
    from storage.seed import seed_file
    from tui.cli.common import report_error

    try:
        stats = seed_file(output, households=households, seed=seed_value, progress=True)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Geschreven: {output} ({stats})")
