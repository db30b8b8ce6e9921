"""`doorbraak mandaat ...`: the mandate register (beheer): who may decide a plan or grant an overbrugging.

See docs/mandaat.md. Every change is audited; a revoked mandate stays in the register.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from pydantic import ValidationError

from domain.errors import InvalidInput, Problem
from domain.mandate import MandateDraft, deviation_kinds
from domain.messages import invalid_input
from domain.services.mandates import MandateRow, RevokeMandate
from tui.cli.common import open_cli, report_error, write_stdout
from tui.cli.parse import parse_date, parse_money
from tui.render.format import format_date, format_money

app = typer.Typer(help="Het mandaatregister: wie mag plannen vaststellen en overbruggingen toekennen (beheer).",
                  no_args_is_help=True)


def _mandate_id(value: str) -> int:
    text = value.strip().upper().removeprefix("M-")
    if not text.isdigit() or len(text) > 9:
        report_error(InvalidInput([Problem("MANDAAT", f"'{value}' is geen mandaatnummer (bijv. M-3).")]))
    return int(text)


def _row_json(row: MandateRow) -> dict[str, object]:
    m = row.mandate
    return {
        "mandaat": m.reference, "houder": m.holder_username, "naam": m.holder_name, "functie": m.function,
        "gemeente": m.municipality_code, "afwijkingen": list(m.deviation_kinds), "max_bedrag": str(m.max_amount),
        "geldig_van": m.valid_from.isoformat(), "geldig_tot": m.valid_until.isoformat(),
        "verleend_door": m.granted_by, "status": row.state,
        "ingetrokken_op": m.revoked_on.isoformat() if m.revoked_on else None,
    }


@app.command("list")
def list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Als JSON.")] = False,
) -> None:
    """Toon het mandaatregister van uw gemeenten (ook ingetrokken en verlopen mandaten)."""
    with open_cli(ctx) as services:
        rows = services.mandates.list()
    if as_json:
        write_stdout(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        write_stdout("Het mandaatregister is leeg.")
        return
    for row in rows:
        m = row.mandate
        write_stdout(
            f"{m.reference:<6} {m.municipality_code} {m.holder_username:<16} {m.holder_name:<24} "
            f"tot {format_money(m.max_amount):>12}  {format_date(m.valid_from)} t/m {format_date(m.valid_until)}  "
            f"{row.state:<15} {', '.join(m.deviation_kinds) or 'geen afwijkingen'}"
        )


@app.command("soorten")
def kinds_command() -> None:
    """Toon de soorten afwijking die een mandaat kan dekken (codes voor --afwijking)."""
    for code, label in deviation_kinds().items():
        write_stdout(f"{code:<26} {label}")


@app.command("add")
def add_command(
    ctx: typer.Context,
    holder: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM", help="Het account van de mandaathouder.")],
    municipality: Annotated[str, typer.Option("--gemeente", help="CBS-code, bijv. GM0344.")],
    amount: Annotated[str, typer.Option("--max-bedrag", help="Hoogste bedrag per plan, bijv. 25000,00.")],
    valid_from: Annotated[str, typer.Option("--van", help="Eerste geldige dag (JJJJ-MM-DD).")],
    valid_until: Annotated[str, typer.Option("--tot", help="Laatste geldige dag (JJJJ-MM-DD).")],
    granted_by: Annotated[str, typer.Option("--verleend-door",
                                            help="Mandaatgever en mandaatbesluit, bijv. 'College van B en W "
                                                 "van Utrecht, mandaatbesluit sociaal domein 2026'.")],
    kinds: Annotated[list[str] | None, typer.Option("--afwijking",
                                                     help="Soort afwijking (herhaalbaar; zie 'mandaat soorten').")]
    = None,
    name: Annotated[str, typer.Option("--naam", help="Naam (alleen zonder accounts; anders die van het account).")]
    = "",
    function: Annotated[str, typer.Option("--functie", help="Functie van de mandaathouder.")] = "maatwerkfunctionaris",
) -> None:
    """Leg een mandaat vast (Awb 10:1 ff.): gemeente, soorten afwijking, bedrag per plan, periode, mandaatgever."""
    with open_cli(ctx) as services:  # inside: a refused value is reported like every other (exit 2)
        amount_value = parse_money(amount, "--max-bedrag")
        start, end = parse_date(valid_from, "--van"), parse_date(valid_until, "--tot")
        problems = [Problem(option, "Verplicht.") for option, value in
                    (("--max-bedrag", amount_value), ("--van", start), ("--tot", end)) if value is None]
        if problems:
            raise InvalidInput(problems)
        try:
            draft = MandateDraft.model_validate({
                "holder_username": holder, "holder_name": name, "municipality_code": municipality,
                "deviation_kinds": tuple(kinds or ()), "max_amount": amount_value, "valid_from": start,
                "valid_until": end, "granted_by": granted_by, "function": function,
            })
        except ValidationError as exc:
            raise invalid_input(exc) from None
        saved = services.mandates.add(draft)
    write_stdout(f"Mandaat {saved.reference} vastgelegd: {saved.holder_name} ({saved.holder_username}), "
                 f"{saved.municipality_name}, tot {format_money(saved.max_amount)} per plan, "
                 f"{format_date(saved.valid_from)} t/m {format_date(saved.valid_until)}.")


@app.command("intrekken")
def revoke_command(
    ctx: typer.Context,
    mandate: Annotated[str, typer.Argument(metavar="MANDAAT", help="Het mandaatnummer, bijv. M-3.")],
    reason: Annotated[str, typer.Option("--reden", help="Waarom het mandaat wordt ingetrokken.")],
    on: Annotated[str | None, typer.Option("--per", help="Vanaf welke dag (standaard vandaag).")] = None,
) -> None:
    """Trek een mandaat in (Awb 10:8); het blijft in het register, maar dekt vanaf die dag niets meer."""
    mandate_id = _mandate_id(mandate)
    with open_cli(ctx) as services:
        day: date | None = parse_date(on, "--per")
        current = next((r.mandate for r in services.mandates.list() if r.mandate.id == mandate_id), None)
        if current is None:
            report_error(InvalidInput([Problem("MANDAAT", f"Mandaat M-{mandate_id} staat niet in uw register.")]))
        try:
            command = RevokeMandate(mandate_id=mandate_id, reason=reason, expected_version=current.version,
                                    revoked_on=day)
        except ValidationError as exc:
            raise invalid_input(exc) from None
        saved = services.mandates.revoke(command)
    write_stdout(f"Mandaat {saved.reference} is ingetrokken per {format_date(saved.revoked_on)}.")
