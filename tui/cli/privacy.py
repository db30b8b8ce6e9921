"""`doorbraak privacy ...`: retention purge and the inzageverzoek (subject access)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from domain.errors import DomainError
from storage.backup import other_backups, remove_automatic_copies
from tui.cli.common import open_cli, report_error, write_stdout
from tui.cli.overwrite import OverwriteOpt
from tui.render.format import format_date
from tui.render.inzage import InzageFormat, inzage_document, inzage_json, write_inzage

app = typer.Typer(help="Privacy (AVG): bewaartermijnen en inzageverzoeken.", no_args_is_help=True)


@app.command("purge")
def purge(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Toon alleen wat vernietigd zou worden.")] = False,
    today: Annotated[str | None, typer.Option("--datum", help="Peildatum JJJJ-MM-DD (standaard vandaag).")] = None,
) -> None:
    """Vernietig afgesloten casussen waarvan de bewaartermijn is verstreken (met een inhoudsloze logregel)."""
    day = date.fromisoformat(today) if today else date.today()
    with open_cli(ctx) as services:
        done = services.privacy.purge(services.settings.retention, day, dry_run=dry_run)
        if done and not dry_run:
            services.compact()
            removed = remove_automatic_copies(services.settings.database_url)
            kept = other_backups(services.settings.database_url)
    verb = "Zou vernietigen" if dry_run else "Vernietigd"
    for c in done:
        write_stdout(f"{verb}: {c.case_number} ({c.municipality_code}), afgesloten {format_date(c.closed_on)}, "
                     f"termijn verstreken {format_date(c.destroy_after)}")
    write_stdout(f"{len(done)} casus(sen) {'te vernietigen' if dry_run else 'vernietigd'}.")
    if done and not dry_run:
        for copy in removed:
            write_stdout(f"Automatische kopie verwijderd (bevatte de vernietigde gegevens nog): {copy}")
        if kept:
            typer.echo(f"Let op: {len(kept)} back-up(s) naast de database bevatten de vernietigde casussen nog, "
                       "tot hun eigen bewaartermijn verstrijkt.", err=True)


@app.command("export")
def export(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--naam", help="Volledige naam van de persoon.")] = "",
    birth: Annotated[str | None, typer.Option("--geboortedatum", help="JJJJ-MM-DD")] = None,
    bsn: Annotated[str, typer.Option("--bsn", help="Of zoek op BSN.")] = "",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Bestand: .json (volledig) of .pdf (voor een brief; BSN afgeschermd).")] = None,
    overwrite: OverwriteOpt = False,
) -> None:
    """Inzageverzoek: alle gegevens over één persoon, met wie ze zag of wijzigde, als JSON of PDF."""
    fmt = InzageFormat.PDF if output is not None and output.suffix.lower() == ".pdf" else InzageFormat.JSON
    with open_cli(ctx) as services:
        report = services.privacy.subject_access(
            name=name, date_of_birth=date.fromisoformat(birth) if birth else None, bsn=bsn
        )
    document = inzage_document(report, datetime.now(UTC))
    if output is None:
        write_stdout(inzage_json(document).decode("utf-8"))
        return
    try:
        write_inzage(document, output, fmt, overwrite=overwrite)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Geschreven: {output} ({len(report.households)} casus(sen))", err=True)
