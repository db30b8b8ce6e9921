"""`doorbraak audit show CASE` and `doorbraak audit verify`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from domain.audit import KIND_LABELS, OBJECT_LABELS
from domain.errors import DomainError
from storage.audit_checkpoint import (
    create_signing_keys,
    fingerprint,
    load_private_key,
    load_public_key,
    private_key_is_encrypted,
)
from tui.cli.common import open_cli, report_error, write_stdout
from tui.cli.state import CliState
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


PublicKeyOpt = Annotated[Path | None, typer.Option(
    "--publieke-sleutel", help="Publieke sleutel van de beheerder (PEM) om ondertekende ankerpunten mee te "
    "controleren (standaard audit_public_key_file uit de instellingen).")]


@app.command("verify")
def verify(
    ctx: typer.Context,
    checkpoint: Annotated[bool, typer.Option(
        "--checkpoint", help="Vergelijk met de ankerpunten buiten de database en schrijf dat van vandaag.")] = False,
    folder: Annotated[Path | None, typer.Option(
        "--ankermap", help="Map met ankerpunten (standaard logboek-ankers/ naast de database).")] = None,
    public_key: PublicKeyOpt = None,
) -> None:
    """Controleer dat geen enkele logregel is gewijzigd of verwijderd (hashketen, en met --checkpoint ook
    dat het logboek niet is ingekort, gewist of teruggezet sinds het laatste ankerpunt)."""
    state: CliState = ctx.obj
    key_file = public_key or (state.settings().audit_public_key_file if checkpoint else None)
    try:
        public = load_public_key(key_file) if key_file is not None else None
    except DomainError as exc:
        report_error(exc)
    with open_cli(ctx) as services:
        problems = services.audit.verify()
        written = None
        signed = None
        if checkpoint:
            where = folder or services.audit_anchor_folder()
            problems += services.check_audit_anchors(where)
            signed = services.check_signed_audit_anchors(where, public)
            problems += signed.problems
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
    if signed is not None and signed.latest is not None:
        last = signed.latest
        write_stdout(f"Ondertekende ankerpunten gecontroleerd: {signed.verified} (sleutel "
                     f"{fingerprint(last.public_key)}); het laatste: record {last.sequence} van "
                     f"{format_datetime(last.at)}. Vergelijk dit met uw eigen kopie: ontbreekt een later "
                     "ankerpunt, dan is het bestand verwijderd.")
    elif signed is not None and signed.unchecked:
        noun = "ankerpunt" if signed.unchecked == 1 else "ankerpunten"
        write_stdout(f"Let op: {signed.unchecked} ondertekende {noun} niet gecontroleerd; geef de publieke sleutel "
                     "van de beheerder op met --publieke-sleutel.")


@app.command("onderteken")
def sign(
    ctx: typer.Context,
    private_key: Annotated[Path, typer.Option(
        "--sleutel", help="De privésleutel van de beheerder (PEM, van 'audit sleutelpaar').")],
    folder: Annotated[Path | None, typer.Option(
        "--ankermap", help="Map voor het ondertekende ankerpunt (standaard logboek-ankers/ naast de database).")]
    = None,
) -> None:
    """Beheer: controleer de keten en de ankerpunten en onderteken dan de kop van het logboek met de
    privésleutel van de beheerder. Bewaar de afgedrukte regels ook zelf, buiten deze computer."""
    try:
        key = load_private_key(private_key, _passphrase(private_key))
    except DomainError as exc:
        report_error(exc)
    with open_cli(ctx) as services:
        problems = services.audit.verify()
        where = folder or services.audit_anchor_folder()
        problems += services.check_audit_anchors(where)
        # The signed checkpoints made before are checked with this key's own public half.
        problems += services.check_signed_audit_anchors(where, key.public_key()).problems
        if problems:
            for problem in problems:
                typer.echo(f"Fout: {problem}", err=True)
            typer.echo("Fout: er is niets ondertekend; onderzoek eerst wat hierboven staat.", err=True)
            raise typer.Exit(1)
        point, path, body = services.sign_audit_anchor(where, key)
    write_stdout(f"Ondertekend: record {point.sequence}, hash {point.hash} ({format_datetime(point.at)}), "
                 f"sleutel {fingerprint(point.public_key)}; bewaard in {path}")
    write_stdout(body)


def _passphrase(private_key: Path) -> bytes | None:
    if not private_key_is_encrypted(private_key):
        return None
    return str(typer.prompt("Wachtwoord van de ondertekensleutel", hide_input=True)).encode("utf-8")


@app.command("sleutelpaar")
def key_pair(
    private_key: Annotated[Path, typer.Option(
        "--prive", help="Waar de privésleutel komt (alleen bij de beheerder, nooit op een werkplek).")],
    public_key: Annotated[Path, typer.Option(
        "--publiek", help="Waar de publieke sleutel komt (die mag op elke werkplek staan).")],
    no_passphrase: Annotated[bool, typer.Option(
        "--zonder-wachtwoord", help="De privésleutel niet met een wachtwoord versleutelen (bijv. voor een "
        "geplande taak op een beveiligde beheercomputer).")] = False,
) -> None:
    """Beheer: maak het sleutelpaar (Ed25519) waarmee de beheerder ankerpunten ondertekent."""
    passphrase = None
    if not no_passphrase:
        typed = str(typer.prompt("Wachtwoord voor de privésleutel", hide_input=True,
                                 confirmation_prompt="Herhaal het wachtwoord"))
        if len(typed) < 12:
            typer.echo("Fout: kies een wachtwoord van minstens 12 tekens; er is niets gemaakt.", err=True)
            raise typer.Exit(2)
        passphrase = typed.encode("utf-8")
    try:
        shown = create_signing_keys(private_key, public_key, passphrase)
    except DomainError as exc:
        report_error(exc)
    write_stdout(f"Sleutelpaar gemaakt. Vingerafdruk: {shown}")
    write_stdout(f"Privésleutel: {private_key} — bewaar die alleen bij de beheerder (niet op een werkplek, niet "
                 "naast de database).")
    write_stdout(f"Publieke sleutel: {public_key} — zet die in de instellingen als audit_public_key_file.")
