"""`doorbraak loket ...`: the interdepartementaal loket — a knelpunt handed to a ministry with a question, and
its follow-up (gesteld, in behandeling, beantwoord, opgelost, niet oplosbaar). See docs/let.md."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer

from domain.jsondata import JsonObject
from domain.loket import LoketStatus, LoketVraag, ministries
from domain.services.loket import AskLoket, ChangeLoketStatus
from tui.cli.common import open_cli, write_stdout
from tui.cli.parse import parse_date, parse_id
from tui.cli.workflow import JsonOpt, VersionOpt
from tui.render.format import local_date
from tui.render.loket import catalogue_lines, report_lines, vraag_lines, vraag_row

app = typer.Typer(
    help="Het interdepartementaal loket: een knelpunt voorleggen aan een ministerie en de vraag opvolgen.",
    no_args_is_help=True,
)

VraagArg = Annotated[str, typer.Argument(metavar="VRAAG", help="Nummer van de loketvraag, bijv. 4 of LV-4.")]
DateOpt = Annotated[str | None, typer.Option("--datum", help="Datum (JJJJ-MM-DD); standaard vandaag.")]
NoteOpt = Annotated[str, typer.Option("--notitie", help="Toelichting bij deze stap.")]


def vraag_json(vraag: LoketVraag, today: date) -> JsonObject:
    data = vraag.model_dump(mode="json", exclude={"created_at", "updated_at"})
    data.update(reference=vraag.reference, ministry_name=vraag.ministry_name, open=vraag.is_open,
                age_days=vraag.age_days(today) if vraag.is_open else None)
    return data


@app.command("vraag")
def ask_command(
    ctx: typer.Context,
    knelpunt: Annotated[str, typer.Argument(metavar="KNELPUNT", help="Het knelpunt, bijv. 3 of KP-3.")],
    ministry: Annotated[str, typer.Option("--ministerie", help="Code uit de catalogus: BZK, SZW, VWS, OCW, JenV, "
                                                                "FIN, FIN-TS, VRO, IenW (zie 'loket ministeries').")],
    question: Annotated[str, typer.Option("--vraag", help="De vraag aan het ministerie (zonder persoonsgegevens).")],
    on: DateOpt = None,
    note: NoteOpt = "",
) -> None:
    """Leg een knelpunt met een vraag voor aan een ministerie (status: gesteld)."""
    with open_cli(ctx) as services:
        vraag = services.loket.ask(
            AskLoket(parse_id(knelpunt, "knelpunt"), ministry, question, parse_date(on, "datum"), note)
        )
    write_stdout(f"Loketvraag {vraag.reference} gesteld aan {vraag.ministry_name}.")


@app.command("status")
def status_command(
    ctx: typer.Context,
    vraag_id: VraagArg,
    new_status: Annotated[LoketStatus, typer.Argument(metavar="STATUS",
                                                      help="in_behandeling, beantwoord, opgelost of niet_oplosbaar.")],
    answer: Annotated[str, typer.Option("--antwoord", help="Het antwoord (nodig bij 'beantwoord').")] = "",
    on: DateOpt = None,
    note: NoteOpt = "",
    version: VersionOpt = None,
) -> None:
    """Volg een loketvraag op: in behandeling, beantwoord (met het antwoord), opgelost of niet oplosbaar."""
    with open_cli(ctx) as services:
        number = parse_id(vraag_id, "vraag")
        expected = version if version is not None else services.loket.get(number).version
        vraag = services.loket.change_status(
            ChangeLoketStatus(number, new_status, expected, parse_date(on, "datum"), answer=answer, note=note)
        )
    write_stdout(f"{vraag.reference} is nu {vraag.status.label.lower()}.")


@app.command("show")
def show_command(ctx: typer.Context, vraag_id: VraagArg, as_json: JsonOpt = False) -> None:
    """Toon één loketvraag met het antwoord en elke stap."""
    with open_cli(ctx) as services:
        vraag = services.loket.get(parse_id(vraag_id, "vraag"))
        today = local_date(services.now())
    if as_json:
        write_stdout(json.dumps(vraag_json(vraag, today), ensure_ascii=False, indent=2))
        return
    write_stdout("\n".join(vraag_lines(vraag)))


@app.command("list")
def list_command(
    ctx: typer.Context,
    knelpunt: Annotated[str | None, typer.Option("--knelpunt", help="Alleen de vragen over dit knelpunt.")] = None,
    only_open: Annotated[bool, typer.Option("--open", help="Alleen open vragen (gesteld, in behandeling).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Toon de loketvragen, nieuwste eerst."""
    with open_cli(ctx) as services:
        questions = services.loket.questions(parse_id(knelpunt, "knelpunt") if knelpunt is not None else None)
        today = local_date(services.now())
    if only_open:
        questions = [q for q in questions if q.is_open]
    if as_json:
        write_stdout(json.dumps([vraag_json(q, today) for q in questions], ensure_ascii=False, indent=2))
        return
    for q in questions:
        write_stdout(vraag_row(q, q.age_days(today)))
    write_stdout(f"{len(questions)} loketvragen")


@app.command("ministeries")
def ministries_command(as_json: JsonOpt = False) -> None:
    """Toon de catalogus van ministeries en diensten (code en officiële naam)."""
    if as_json:
        write_stdout(json.dumps([{"code": m.code, "name": m.name, "topics": m.topics} for m in ministries().values()],
                                ensure_ascii=False, indent=2))
        return
    write_stdout("\n".join(catalogue_lines()))


@app.command("rapport")
def report_command(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Per ministerie: de vragen per status en de open vragen met hun leeftijd (ook in 'report knelpunten')."""
    with open_cli(ctx) as services:
        report = services.loket.report(today=local_date(services.now()))
    if as_json:
        write_stdout(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    write_stdout("\n".join(report_lines(report)))
