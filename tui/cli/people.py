"""`doorbraak persoon ...`: the ZRM per adult person and the big-5 checklist at 18 (docs/people.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from domain import reference
from domain.errors import InvalidInput, Problem
from domain.local_time import amsterdam_day
from domain.people import ChecklistItem, ChecklistOutcome
from domain.services.people import People, Person, RecordZrm, TickChecklist
from tui.cli.common import ReasonOpt, open_cli, write_stdout
from tui.cli.parse import parse_date
from tui.render.format import format_date

app = typer.Typer(help="Personen in een huishouden: ZRM per volwassene en de checklist bij 18 jaar.",
                  no_args_is_help=True)

CaseArg = Annotated[str, typer.Argument(metavar="CASUS", help="Casusnummer, bijv. DB-2026-000123.")]
MemberOpt = Annotated[str, typer.Option("--lid", help="Naam van het gezinslid (zoals in de casus).")]
OUTCOMES = {"geregeld": ChecklistOutcome.GEDAAN, "nvt": ChecklistOutcome.NVT, "open": None}


def _person(people: People, name: str) -> Person:
    wanted = " ".join(name.split()).casefold()
    found = [p for p in people.persons if p.member.name.casefold() == wanted]
    if len(found) != 1:
        names = ", ".join(p.member.name for p in people.persons) or "geen"
        raise InvalidInput([Problem("lid", f"Geen (eenduidig) gezinslid '{name}'. Leden: {names}.")])
    return found[0]


def _show(person: Person) -> str:
    names = reference.leefgebieden()
    lines = [f"{person.member.name} ({person.age} jaar)"]
    if person.adult:
        lines += [f"  {format_date(s.scored_on)}  {names.get(s.leefgebied, s.leefgebied)}: {s.score}"
                  + (f" (evaluatie {s.moment} mnd)" if s.moment is not None else "") for s in person.history]
        if not person.history:
            lines.append("  nog geen ZRM-score")
    if person.checklist is not None:
        lines.append(f"  Checklist 18 jaar (18 op {format_date(person.checklist.birthday)}):")
        for item in ChecklistItem:
            tick = person.ticks.get(item)
            state = "open" if tick is None else ("geregeld" if tick.outcome is ChecklistOutcome.GEDAAN else "nvt")
            lines.append(f"    [{state:<8}] {item.value:<18} {item.label}")
    return "\n".join(lines)


@app.command("toon")
def show_command(ctx: typer.Context, case_number: CaseArg, reden: ReasonOpt = "") -> None:
    """De ZRM per volwassene (met geschiedenis) en de checklist bij 18 jaar van iedereen in de casus."""
    with open_cli(ctx) as services:
        people = services.people.of(case_number.strip().upper(), purpose=reden)
    write_stdout("\n".join(_show(p) for p in people.persons))


@app.command("zrm")
def zrm_command(
    ctx: typer.Context,
    case_number: CaseArg,
    lid: MemberOpt,
    score: Annotated[list[str], typer.Option("--score", help="LEEFGEBIED=1..5, bijv. financien=2 (herhaalbaar).")],
    datum: Annotated[str | None, typer.Option("--datum", help="Datum van de score (JJJJ-MM-DD; standaard vandaag).")]
    = None,
    reden: ReasonOpt = "",
) -> None:
    """Scoor de ZRM van één volwassen gezinslid op een datum (een score op dezelfde dag vervangt de vorige)."""
    scores: dict[str, int] = {}
    for item in score:
        code, _, value = item.partition("=")
        if not value.strip().isdigit():
            raise InvalidInput([Problem("score", f"'{item}' is geen LEEFGEBIED=SCORE (bijv. financien=2).")])
        scores[code.strip()] = int(value.strip())
    case = case_number.strip().upper()
    with open_cli(ctx) as services:
        person = _person(services.people.of(case, purpose=reden), lid)
        assert person.member.id is not None
        day = parse_date(datum, "datum")
        today = amsterdam_day(services.now())
        services.people.record_zrm(RecordZrm(case, person.member.id, day or today, scores, purpose=reden),
                                   today=today)
        person = services.people.of(case, purpose=reden).person(person.member.id)
    write_stdout(_show(person))


@app.command("checklist")
def checklist_command(
    ctx: typer.Context,
    case_number: CaseArg,
    lid: MemberOpt,
    punt: Annotated[ChecklistItem, typer.Option("--punt", help="Het punt van de checklist.")],
    status: Annotated[str, typer.Option("--status", help="geregeld, nvt of open.")] = "geregeld",
    toelichting: Annotated[str, typer.Option("--toelichting", help="Korte toelichting (optioneel).")] = "",
    reden: ReasonOpt = "",
) -> None:
    """Vink een punt van de big-5-checklist bij 18 jaar af (geregeld of nvt) of zet het weer open."""
    if status not in OUTCOMES:
        raise InvalidInput([Problem("status", "Kies geregeld, nvt of open.")])
    case = case_number.strip().upper()
    with open_cli(ctx) as services:
        person = _person(services.people.of(case, purpose=reden), lid)
        assert person.member.id is not None
        people = services.people.tick(
            TickChecklist(case, person.member.id, punt, OUTCOMES[status], toelichting, purpose=reden),
            today=amsterdam_day(services.now()))
    write_stdout(_show(people.person(person.member.id)))
