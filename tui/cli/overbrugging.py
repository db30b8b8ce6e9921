"""`doorbraak overbrugging ...`: request, decide, start, book costs, settle, repay and close overbruggingen."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import typer

from domain.errors import InvalidInput, Problem
from domain.household import LegalFramework
from domain.overbrugging import (
    Overbrugging,
    OverbruggingListRow,
    OverbruggingQuery,
    OverbruggingStatus,
    SettlementShare,
    Transition,
)
from domain.services import overbrugging as service
from domain.services.casework import validated
from tui.cli.common import open_cli, write_stdout
from tui.cli.parse import parse_date, parse_id, parse_money
from tui.cli.workflow import JsonOpt, VersionOpt, WorkflowCommands, option
from tui.render.format import format_date, format_money
from tui.render.workflow import overbrugging_text

app = typer.Typer(help="Overbruggingen: hulp start nu, wie betaalt wordt achteraf verrekend.", no_args_is_help=True)

ID_HELP = "Nummer van de overbrugging, bijv. 12 of OB-12."
IdArg = Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]


def overbrugging_json(ob: Overbrugging, today: date) -> dict[str, Any]:
    data = ob.model_dump(mode="json")
    data["reference"] = ob.reference
    data["total_costs"] = str(ob.total_costs)
    data["over_cap"] = ob.over_cap
    data["end_date"] = ob.end_date.isoformat()
    data["repayments"] = [{"payer": r.payer, "amount": str(r.amount)} for r in ob.repayments()]
    data["warnings"] = ob.warnings(today)
    return data


def report(result: service.OverbruggingResult, message: str) -> None:
    write_stdout(message)
    for warning in result.warnings:
        typer.echo(f"Waarschuwing: {warning}", err=True)


commands = WorkflowCommands(app, lambda services: services.overbruggingen, ID_HELP)


@app.command("new")
def new_command(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS", help="Casusnummer, bijv. DB-2026-000123.")],
    support: Annotated[str, typer.Option("--ondersteuning", help="Welke ondersteuning is nodig.")],
    urgency: Annotated[str, typer.Option("--urgentie", help="Waarom dit niet kan wachten.")],
    transition: Annotated[Transition, typer.Option("--overgang", help="De overgang tussen wetten.")],
    laws: Annotated[list[LegalFramework], typer.Option("--wet", help="Wet in geschil (herhaal de optie).")],
    voorfinancier: Annotated[str, typer.Option("--voorfinancier", help="Wie betaalt voor.")],
    cap: Annotated[str, typer.Option("--plafond", help="Plafond in euro, bijv. 5000 of 5.000,00.")],
    start: Annotated[str, typer.Option("--start", help="Startdatum (JJJJ-MM-DD).")],
    months: Annotated[int, typer.Option("--maanden", min=1, max=60, help="Maximale duur in maanden.")],
    deadline: Annotated[str, typer.Option("--verrekenen-voor", help="Uiterste datum van de verrekening.")],
    expected: Annotated[str | None, typer.Option("--verwacht", help="Verwachte kosten in euro.")] = None,
    organisations: Annotated[
        list[str] | None, typer.Option("--organisatie", help="Organisatie in geschil (herhaal de optie).")
    ] = None,
    transition_note: Annotated[str, typer.Option("--overgang-toelichting", help="Toelichting op de overgang.")] = "",
    requested_on: Annotated[
        str | None, typer.Option("--datum", help="Datum van de aanvraag; standaard vandaag.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Vraag een overbrugging aan voor een huishouden."""
    with open_cli(ctx) as services:
        today = parse_date(requested_on, "datum") or date.today()
        command = validated(lambda: service.OverbruggingDraft(
            support_needed=support, urgency_reason=urgency, transition=transition, transition_note=transition_note,
            laws_in_dispute=laws, organisations_in_dispute=organisations or [], voorfinancier=voorfinancier,
            cap=parse_money(cap, "plafond"), expected_cost=parse_money(expected, "verwacht") or Decimal("0.00"),
            start_date=parse_date(start, "start"), max_duration_months=months,
            settlement_deadline=parse_date(deadline, "verrekenen-voor"),
        ))
        result = services.overbruggingen.request(
            service.RequestOverbrugging(case_number.strip().upper(), command, today=today)
        )
    if as_json:
        write_stdout(json.dumps(overbrugging_json(result.overbrugging, today), ensure_ascii=False, indent=2))
    else:
        report(result, f"Aangevraagd: {result.overbrugging.reference} voor {result.overbrugging.case_number}")


commands.add_list(
    states=OverbruggingStatus, help="Toon overbruggingen, vroegste verrekendatum eerst.",
    extra=[
        option("overdue", Annotated[bool, typer.Option("--verlopen", help="Alleen met een verstreken verrekendatum.")],
               False),
        option("over_cap", Annotated[bool, typer.Option("--boven-plafond",
                                                        help="Alleen met kosten boven het plafond.")], False),
    ],
    query=lambda filters, today: OverbruggingQuery(
        case_number=filters.case_number, statuses=filters.statuses,
        past_deadline_on=today if filters.extra["overdue"] else None, over_cap=filters.extra["over_cap"],
        offset=filters.offset, limit=filters.limit,
    ),
    key="overbruggingen", noun="overbruggingen",
    row_json=lambda row, today: {"over_cap": row.over_cap, "past_deadline": row.past_settlement_deadline(today)},
    row_text=lambda row, today: list_line(row, today),
)


def list_line(row: OverbruggingListRow, today: date) -> str:
    flags = ("  TE LAAT" if row.past_settlement_deadline(today) else "") + ("  BOVEN PLAFOND" if row.over_cap else "")
    return (
        f"{row.reference:<8} {row.case_number}  {row.household_name[:28]:<28}  {row.status.label:<20}  "
        f"{format_money(row.total_costs):>13} / {format_money(row.cap):>13}  "
        f"verrekenen vóór {format_date(row.settlement_deadline)}{flags}"
    )


commands.add_show(help="Toon één overbrugging met stappen, kosten en verrekening.", to_json=overbrugging_json,
                  to_text=overbrugging_text)
commands.add_status(
    states=OverbruggingStatus, help="Zet een overbrugging in de volgende status (verrekenen gaat met 'verreken').",
    status_help="toegekend, afgewezen, ingezet, afgesloten.", note_help="Toelichting (verplicht bij afwijzen).",
    date_help="Datum van de stap (JJJJ-MM-DD); standaard vandaag.",
    done=lambda result: report(result, f"{result.overbrugging.reference} is nu "
                                       f"{result.overbrugging.status.label.lower()}."),
)


@app.command("kosten")
def cost_command(
    ctx: typer.Context,
    overbrugging_id: IdArg,
    amount: Annotated[str, typer.Argument(metavar="BEDRAG", help="Bedrag in euro; negatief is een correctie.")],
    description: Annotated[str, typer.Option("--omschrijving", help="Waarvoor (factuur, periode).")],
    on: Annotated[str | None, typer.Option("--datum", help="Boekdatum; standaard vandaag.")] = None,
    version: VersionOpt = None,
) -> None:
    """Boek werkelijke kosten op een overbrugging (boven het plafond geeft een waarschuwing)."""
    with open_cli(ctx) as services:
        number = parse_id(overbrugging_id)
        draft = validated(lambda: service.CostDraft(amount=parse_money(amount, "bedrag"), description=description,
                                                    booked_on=parse_date(on, "datum")))
        result = services.overbruggingen.book_cost(
            service.BookCost(number, draft, commands.version(services, number, version))
        )
    ob = result.overbrugging
    report(result, f"Geboekt op {ob.reference}; totaal {format_money(ob.total_costs)} van {format_money(ob.cap)}.")


def parse_share(text: str) -> SettlementShare:
    """`Zorgkantoor=60` or `Zorgkantoor` (100 %)."""
    name, sep, pct = text.rpartition("=")
    if not sep:
        return validated(lambda: SettlementShare(payer=text.strip(), percentage=Decimal(100)))
    percentage = parse_money(pct, "betaler")
    if percentage is None:
        raise InvalidInput([Problem("betaler", f"Geef een percentage bij '{text}', bijv. Zorgkantoor=60.")])
    return validated(lambda: SettlementShare(payer=name.strip(), percentage=percentage))


@app.command("verreken")
def settle_command(
    ctx: typer.Context,
    overbrugging_id: IdArg,
    payers: Annotated[list[str], typer.Option("--betaler", help="Eindbetaler met aandeel: NAAM=PERCENTAGE (herhaal).")],
    amount: Annotated[
        str | None, typer.Option("--bedrag", help="Te verrekenen bedrag; standaard de geboekte kosten.")
    ] = None,
    on: Annotated[str | None, typer.Option("--datum", help="Datum van het besluit; standaard vandaag.")] = None,
    note: Annotated[str, typer.Option("--toelichting")] = "",
    version: VersionOpt = None,
) -> None:
    """Leg de verrekening vast: wie betaalt uiteindelijk, in welke aandelen (samen 100 %)."""
    with open_cli(ctx) as services:
        number = parse_id(overbrugging_id)
        command = validated(lambda: service.SettlementDraft(
            shares=[parse_share(p) for p in payers], amount=parse_money(amount, "bedrag"),
            decided_on=parse_date(on, "datum"), note=note,
        ))
        result = services.overbruggingen.settle(
            service.SettleOverbrugging(number, command, commands.version(services, number, version))
        )
    ob = result.overbrugging
    report(result, f"Verrekening vastgelegd voor {ob.reference}.")
    for repayment in ob.repayments():
        write_stdout(f"  {repayment.payer} betaalt {format_money(repayment.amount)} terug aan {ob.voorfinancier}")


@app.command("terugbetaald")
def repaid_command(
    ctx: typer.Context,
    overbrugging_id: IdArg,
    on: Annotated[str | None, typer.Option("--datum", help="Datum van de terugbetaling; standaard vandaag.")] = None,
    version: VersionOpt = None,
) -> None:
    """Leg vast dat de voorfinancier is terugbetaald."""
    with open_cli(ctx) as services:
        number = parse_id(overbrugging_id)
        result = services.overbruggingen.record_repayment(
            service.RecordRepayment(number, parse_date(on, "datum") or date.today(),
                                    commands.version(services, number, version))
        )
    report(result, f"Terugbetaling vastgelegd voor {result.overbrugging.reference}.")
