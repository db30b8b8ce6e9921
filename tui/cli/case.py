"""`doorbraak case ...`: list, show, import and export households as versioned JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from domain.errors import DomainError, InvalidInput, Problem
from domain.household_kinds import CaseSort, HouseholdStatus
from tui.cli.common import CliState, ReasonOpt, open_cli, report_error, write_stdout
from tui.cli.overwrite import OverwriteOpt

# Kept light (issue 18): `case show --json` on a SQLite file runs without the household models, the case file's
# pydantic documents, SQLAlchemy or the renderers; each command imports what it needs itself.

app = typer.Typer(help="Casussen (huishoudens) bekijken, importeren en exporteren.", no_args_is_help=True)

MAX_IMPORT_BYTES = 50 * 1024 * 1024


@app.command("list")
def list_command(
    ctx: typer.Context,
    zoek: Annotated[str, typer.Option("--zoek", "-z", help="Filter op casusnummer, naam, gemeente, ...")] = "",
    status: Annotated[HouseholdStatus | None, typer.Option(help="Alleen casussen met deze status.")] = None,
    sort: Annotated[CaseSort, typer.Option("--sorteer", help="Sorteerkolom.")] = CaseSort.UPDATED_AT,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Hoeveel rijen.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Vanaf rij (paginering).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Toon de casuslijst."""
    from domain.caselist import CaseListQuery

    with open_cli(ctx) as services:
        query = CaseListQuery(text=zoek, status=status, sort=sort, limit=limit, offset=offset,
                              descending=sort == CaseSort.UPDATED_AT)
        page = services.households.list(query)
    if as_json:
        payload = {
            "total": page.total,
            "total_exact": page.total_exact,
            "offset": page.offset,
            "limit": page.limit,
            "cases": [
                {
                    "case_number": r.case_number,
                    "name": r.name,
                    "municipality": r.municipality_name,
                    "status": r.status.value,
                    "professional": r.professional,
                    "updated_at": r.updated_at.isoformat(),
                }
                for r in page.rows
            ],
        }
        write_stdout(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from tui.render.format import format_datetime

    for r in page.rows:
        write_stdout(
            f"{r.case_number}  {r.name[:32]:<32}  {r.municipality_name[:18]:<18}  {r.status.label:<16}  "
            f"{r.professional[:20]:<20}  {format_datetime(r.updated_at)}"
        )
    write_stdout(f"{len(page.rows)} van {page.total}{'' if page.total_exact else '+'} casussen")


@app.command("show")
def show_command(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS", help="Casusnummer, bijv. DB-2026-000123.")],
    as_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON (het casusbestandsformaat).")] = False,
    reden: ReasonOpt = "",
) -> None:
    """Toon één casus."""
    if as_json and _show_json_raw(ctx.obj, case_number.strip().upper(), reden):
        return
    from domain.case_document import document_from_household
    from domain.validation import mask_bsn
    from tui.render.format import format_date, format_money

    with open_cli(ctx) as services:
        if as_json:
            household, plans = services.plans.export_case(case_number.strip().upper(), purpose=reden)
        else:
            household = services.households.get(case_number.strip().upper(), purpose=reden)
    if as_json:
        document = document_from_household(household, datetime.now(UTC), plans)
        write_stdout(json.dumps(document, ensure_ascii=False, indent=2))
        return
    lines = [
        f"{household.case_number}  {household.name}",
        f"Gemeente: {household.municipality_name} ({household.municipality_code})   Status: {household.status.label}",
        f"Adres: {household.address.street} {household.address.house_number}, {household.address.postcode} "
        f"{household.address.city}".rstrip(", "),
        f"Professional: {household.professional}",
        "",
        "Leden:",
        *(f"  - {m.name} ({m.role.value}), geboren {format_date(m.date_of_birth)}"
          + (f", BSN {mask_bsn(m.bsn)}" if m.bsn else "") for m in household.members),
        "Problemen per leefgebied:",
        *(f"  - {p.leefgebied_label}: score {p.score}  {p.description}" for p in household.problems),
        "Betrokken organisaties:",
        *(f"  - {o.name} ({o.legal_framework.value}) {o.product}  {format_money(o.yearly_cost)} per jaar"
          for o in household.organisations),
    ]
    write_stdout("\n".join(lines))


def _show_json_raw(state: CliState, case_number: str, reden: str) -> bool:
    """`case show --json` through the raw SQLite reader (storage/raw_case.py); False when it does not apply.

    The one dispatch point between the two paths. The raw reader exists for start-up time: SQLAlchemy, the ORM,
    SQLModel and the tables cost several times the whole work of this command (docs/performance.md, issue 18).
    It takes a plain SQLite file without accounts whose schema is current, and answers with the same document,
    audit records, messages and exit codes as the services do. Everything else — PostgreSQL, an encrypted
    file, a URI with options, a new or outdated file, a database with logins — returns False here and goes
    through `open_cli` and the services below, which handle all of it.
    """
    from storage.raw_case import case_document, open_raw
    from storage.settings_sources import plain_settings

    settings = plain_settings(state.database_url)
    if settings is None:  # settings the raw reader does not read: `Settings` validates them on the ORM path
        return False
    try:
        db = open_raw(settings)
    except DomainError as exc:
        report_error(exc)
    if db is None:
        return False
    try:
        for warning in db.warnings:
            typer.echo(f"Waarschuwing: {warning}", err=True)
        content = db.export_case(case_number, purpose=reden)
    except DomainError as exc:
        report_error(exc)
    finally:
        db.close()
    write_stdout(json.dumps(case_document(content, datetime.now(UTC)), ensure_ascii=False, indent=2))
    return True


def read_case_file(path: Path) -> Any:
    from domain.case_document import loads_case_json

    if not path.is_file():
        raise InvalidInput([Problem("", f"Bestand {path} bestaat niet.")])
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput([Problem("", f"Bestand is groter dan {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput([Problem("", "Bestand is geen UTF-8-tekst.")]) from None
    return loads_case_json(text)


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="BESTAND.json", help="Casusbestand (format doorbraak-case).")],
    new_number: Annotated[bool, typer.Option("--nieuw-nummer", help="Geef een nieuw casusnummer.")] = False,
) -> None:
    """Importeer een casus uit een JSON-casusbestand. Bij één fout wordt niets opgeslagen."""
    from domain.case_document import case_from_document

    try:
        case_file = case_from_document(read_case_file(file))
    except InvalidInput as exc:
        report_error(exc)
    with open_cli(ctx) as services:
        if case_file.plans:
            saved, plans = services.plans.import_case(case_file.household, case_file.plans, new_number=new_number)
        else:
            saved, plans = services.households.import_household(case_file.household, new_number=new_number), []
    suffix = f" (met {len(plans)} planversie{'s' if len(plans) != 1 else ''})" if plans else ""
    write_stdout(f"Geïmporteerd als {saved.case_number}: {saved.name}{suffix}")


@app.command("export")
def export_command(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Schrijf naar dit bestand.")] = None,
    reden: ReasonOpt = "",
    overwrite: OverwriteOpt = False,
) -> None:
    """Exporteer een casus als JSON-casusbestand (naar stdout of --output)."""
    from domain.case_document import document_from_household
    from storage.files import write_file

    with open_cli(ctx) as services:
        household, plans = services.plans.export_case(case_number.strip().upper(), purpose=reden)
    text = json.dumps(document_from_household(household, datetime.now(UTC), plans), ensure_ascii=False, indent=2)
    if output is None:
        write_stdout(text)
        return
    try:
        write_file(output, (text + "\n").encode("utf-8"), overwrite=overwrite)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Geschreven: {output}", err=True)


__all__ = ["app", "report_error"]
