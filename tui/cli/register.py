"""`doorbraak register ...`: search the Landelijk Maatwerkregister, "wie bel ik?", import and export CSV."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from domain.errors import DomainError
from domain.jsondata import JsonObject
from domain.register import ImportRecord, RegisterContact, RegisterPage, parse_query
from storage.register_csv import RegisterCsvReader, export_register_file, write_register_csv
from tui.cli.common import EXIT_INVALID, open_cli, report_error, write_stdout
from tui.cli.overwrite import OverwriteOpt

app = typer.Typer(help="Het Landelijk Maatwerkregister: zoeken, wie bel ik, importeren en exporteren.",
                  no_args_is_help=True)

PROGRESS_FROM_BYTES = 1024 * 1024
"""Files from this size get a progress bar (on a terminal)."""


def contact_json(contact: RegisterContact, today: date) -> JsonObject:
    return {
        "id": contact.id,
        "externe_id": contact.external_id,
        "organisatie": contact.organisation,
        "organisatietype": contact.organisation_type.value,
        "team": contact.team,
        "functie": contact.role,
        "persoon": contact.person,
        "telefoon": contact.display_phone,
        "telefoon_e164": contact.phone,
        "spoedlijn": contact.display_urgent_phone,
        "email": contact.email,
        "bereikbaarheid": contact.availability,
        "landelijk": contact.landelijk,
        "gemeenten": contact.municipality_codes,
        "themas": contact.themes,
        "wetten": contact.legal_frameworks,
        "mandaat": contact.mandate.value,
        "laatst_geverifieerd": contact.last_verified.isoformat() if contact.last_verified else None,
        "ongeverifieerd": contact.is_unverified(today),
        "toelichting": contact.notes,
        "versie": contact.version,
    }


def contact_lines(contact: RegisterContact, today: date) -> list[str]:
    flag = "  [ONGEVERIFIEERD]" if contact.is_unverified(today) else ""
    reach = "  ".join(part for part in (
        contact.display_phone,
        f"spoed {contact.display_urgent_phone}" if contact.urgent_phone else "",
        contact.email,
    ) if part)
    region = contact.region_label
    if len(region) > 60:
        region = region[:57] + "..."
    return [
        f"{contact.id:>6}  {contact.label}{flag}",
        f"        {reach}",
        f"        {region} · {', '.join(contact.theme_labels) or 'geen thema'} · mandaat: {contact.mandate.label}",
    ]


def print_page(page: RegisterPage, today: date, as_json: bool) -> None:
    if as_json:
        payload = {
            "offset": page.offset,
            "limit": page.limit,
            "meer": page.has_more,
            "verbeterd": page.corrected_text,
            "contacten": [contact_json(c, today) for c in page.contacts],
        }
        write_stdout(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if page.corrected_text:
        write_stdout(f"Niets gevonden voor wat u typte; gezocht op: {page.corrected_text}")
    for contact in page.contacts:
        write_stdout("\n".join(contact_lines(contact, today)))
    more = " (er zijn meer; gebruik --offset)" if page.has_more else ""
    write_stdout(f"{len(page.contacts)} contact(en){more}")


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="ZOEKTEKST", help="Naam, organisatie, team, functie, gemeente, thema.")
    ] = "",
    gemeente: Annotated[str | None, typer.Option("--gemeente", "-g", help="CBS-code: alleen contacten voor deze "
                                                 "gemeente (en landelijke); die van de gemeente zelf eerst.")] = None,
    thema: Annotated[str | None, typer.Option("--thema", "-t", help="Themacode of -naam, bijv. schulden.")] = None,
    organisatie: Annotated[str | None, typer.Option("--organisatie", "-o", help="Alleen deze organisatie.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="Hoeveel contacten.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Vanaf contact (paginering).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Zoek in het register (hoofdletters, accenten en een tikfout maken niet uit)."""
    today = date.today()
    with open_cli(ctx) as services:
        page = services.register.search(
            parse_query({"text": query, "municipality_code": gemeente, "theme": thema, "organisation": organisatie,
                         "limit": limit, "offset": offset}),
            today=today,
        )
    print_page(page, today, as_json)


@app.command("suggest")
def suggest_command(
    ctx: typer.Context,
    organisatie: Annotated[str, typer.Argument(metavar="ORGANISATIE", help="Organisatie van de actie, bijv. CJIB.")],
    gemeente: Annotated[str | None, typer.Option("--gemeente", "-g", help="CBS-code van het huishouden.")] = None,
    thema: Annotated[str | None, typer.Option("--thema", "-t", help="Alleen contacten voor dit thema.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Wie bel ik? Contacten van een organisatie, die van de gemeente van het huishouden eerst."""
    today = date.today()
    with open_cli(ctx) as services:
        page = services.register.suggest(organisatie, gemeente, theme=thema, limit=limit,
                                        today=today)
    print_page(page, today, as_json)


@app.command("show")
def show_command(
    ctx: typer.Context,
    contact_id: Annotated[int, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Toon één registercontact."""
    today = date.today()
    with open_cli(ctx) as services:
        contact = services.register.get(contact_id)
    if as_json:
        write_stdout(json.dumps(contact_json(contact, today), ensure_ascii=False, indent=2))
        return
    lines = contact_lines(contact, today)
    if contact.legal_frameworks:
        lines.append(f"        wetten: {', '.join(contact.legal_frameworks)}")
    if contact.availability:
        lines.append(f"        bereikbaar: {contact.availability}")
    if contact.notes:
        lines.append(f"        {contact.notes}")
    verified = contact.last_verified.isoformat() if contact.last_verified else "nooit"
    lines.append(f"        externe id: {contact.external_id} · laatst geverifieerd: {verified}")
    write_stdout("\n".join(lines))


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="BESTAND.csv", help="CSV volgens docs/register-csv.md.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Alleen controleren; niets opslaan.")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Sla geweigerde regels over en bewaar de "
                                               "rest (standaard: bij één fout wordt niets opgeslagen).")] = False,
) -> None:
    """Importeer contacten uit CSV; bijwerken gaat op externe_id. Elke geweigerde regel wordt gemeld."""
    err = Console(stderr=True)
    try:
        reader = RegisterCsvReader(file)
    except DomainError as exc:
        report_error(exc)
    show_progress = reader.size >= PROGRESS_FROM_BYTES and err.is_terminal
    with open_cli(ctx) as services, Progress(
        TextColumn("Importeren"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=not show_progress,
    ) as progress:
        task = progress.add_task("import", total=reader.size)

        def tracked() -> Iterator[ImportRecord]:
            for index, record in enumerate(reader.records()):
                if index % 500 == 0:
                    progress.update(task, completed=reader.bytes_read)
                yield record

        report = services.register.import_contacts(tracked(), dry_run=dry_run, skip_invalid=skip_invalid)
    for rejected in report.rejected:
        typer.echo(f"  {rejected}", err=True)
    typer.echo(report.summary(), err=not (report.written or dry_run))
    if report.rejected and not report.written and not dry_run:
        typer.echo("Herstel de regels hierboven, of importeer met --skip-invalid om alleen de goede op te slaan.",
                   err=True)
    if report.rejected and not skip_invalid:
        raise typer.Exit(EXIT_INVALID)


@app.command("export")
def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Schrijf naar dit bestand (anders stdout).")
    ] = None,
    overwrite: OverwriteOpt = False,
) -> None:
    """Exporteer het hele register als CSV (veilig te openen in een spreadsheet)."""
    import sys

    with open_cli(ctx) as services:
        contacts = services.register.export_contacts()
        count = write_register_csv(contacts, sys.stdout) if output is None else export_register_file(
            contacts, output, overwrite=overwrite)
    if output is not None:
        typer.echo(f"Geschreven: {output} ({count} contacten)", err=True)


@app.command("genereer")
def generate_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Het CSV-bestand dat wordt geschreven.")],
    count: Annotated[int, typer.Option("--aantal", "-n", min=1, max=2_000_000, help="Aantal contacten.")] = 100_000,
    seed_value: Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator.")] = 2026,
) -> None:
    """Schrijf een fictief register als importbestand (voor benchmarks en oefenen); importeer het daarna."""
    from storage.seed.register import write_bulk_csv

    written = write_bulk_csv(output, count, seed=seed_value)
    typer.echo(f"Geschreven: {output} ({written} fictieve contacten)", err=True)


__all__ = ["app"]
