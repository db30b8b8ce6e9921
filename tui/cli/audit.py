"""`doorbraak audit show CASE` and `doorbraak audit verify`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from domain.audit import KIND_LABELS, OBJECT_LABELS
from tui.cli.common import open_cli, write_stdout
from tui.render.format import format_datetime

app = typer.Typer(help="Het auditlogboek: wie zag of wijzigde wat.", no_args_is_help=True)



@app.command("show")
def show(
    ctx: typer.Context,
    case_number: Annotated[str, typer.Argument(metavar="CASUS")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Toon het logboek van één casus."""
    with open_cli(ctx) as services:
        records = services.audit.case_history(case_number.strip().upper())
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
def verify(
    ctx: typer.Context,
    checkpoint: Annotated[bool, typer.Option(
        "--checkpoint", help="Vergelijk met de ankerpunten buiten de database en schrijf dat van vandaag.")] = False,
    folder: Annotated[Path | None, typer.Option(
        "--ankermap", help="Map met ankerpunten (standaard logboek-ankers/ naast de database).")] = None,
) -> None:
    """Controleer dat geen enkele logregel is gewijzigd of verwijderd (hashketen, en met --checkpoint ook
    dat het logboek niet is ingekort, gewist of teruggezet sinds het laatste ankerpunt)."""
    with open_cli(ctx) as services:
        problems = services.audit.verify()
        written = None
        if checkpoint:
            where = folder or services.audit_anchor_folder()
            problems += services.check_audit_anchors(where)
            if not problems:
                written = services.write_audit_anchor(where)
    if problems:
        for problem in problems:
            typer.echo(f"Fout: {problem}", err=True)
        raise typer.Exit(1)
    write_stdout("Het auditlogboek is intact.")
    if written is not None:
        point, path = written
        write_stdout(f"Ankerpunt: record {point.sequence}, hash {point.hash} ({point.at.isoformat()}); "
                     f"bewaard in {path}")
