"""`doorbraak audit show CASE` and `doorbraak audit verify`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from domain.audit import KIND_LABELS, OBJECT_LABELS
from domain.services.audit import case_history, verify_audit
from tui.cli.common import database, write_stdout
from tui.render.format import format_datetime

app = typer.Typer(help="Het auditlogboek: wie zag of wijzigde wat.", no_args_is_help=True)



@app.command("show")
def show(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Toon het logboek van één casus."""
    with database(ctx) as db:
        records = case_history(case_number.strip().upper(), db.uow(), db.actor)
    if as_json:
        write_stdout(json.dumps([
            {"seq": r.sequence, "at": r.at.isoformat(), "kind": r.event.kind.value, "user": r.event.username,
             "role": r.event.role, "object": r.event.object_type, "object_id": r.event.object_id,
             "purpose": r.event.purpose, "break_glass": r.event.break_glass,
             "changes": {k: list(v) for k, v in r.event.changes.items()}}
            for r in records
        ], ensure_ascii=False, indent=2, default=str))
        return
    for r in records:
        what = OBJECT_LABELS.get(r.event.object_type, r.event.object_type)
        if r.event.object_type != "household":
            what += f" {r.event.object_id}"
        line = f"{format_datetime(r.at)}  {r.event.username:<16} {what}: {KIND_LABELS[r.event.kind]}"
        if r.event.outcome != "ok":
            line += f" ({r.event.outcome})"
        if r.event.break_glass:
            line += "  BUITEN CASELOAD"
        if r.event.purpose:
            line += f"  (reden: {r.event.purpose})"
        write_stdout(line)
        for path, (old, new) in r.event.changes.items():
            write_stdout(f"    {path}: {old!r} → {new!r}")
    if not records:
        write_stdout("Geen logregels voor deze casus.")


@app.command("verify")
def verify(ctx: typer.Context) -> None:
    """Controleer dat geen enkele logregel is gewijzigd of verwijderd (hashketen)."""
    with database(ctx) as db:
        problems = verify_audit(db.uow(), db.actor)
    if problems:
        for problem in problems:
            typer.echo(f"Fout: {problem}", err=True)
        raise typer.Exit(1)
    write_stdout("Het auditlogboek is intact.")
