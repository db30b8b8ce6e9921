"""`doorbraak db sleutel` and `doorbraak db versleutel`: SQLCipher encryption of the SQLite file at rest."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from domain.errors import DomainError
from storage.encryption import create_key_file, encrypt_copy, is_encrypted, load_key
from storage.engine import DatabaseError, is_sqlite, sqlite_path
from tui.cli_common import CliState, report_error


def key_command(
    file: Annotated[Path, typer.Argument(metavar="SLEUTELBESTAND", help="Nieuw bestand voor de sleutel.")],
) -> None:
    """Maak een nieuwe databasesleutel (256 bit, alleen leesbaar voor u). Bewaar hem buiten de databasemap."""
    try:
        path = create_key_file(file)
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Sleutel geschreven: {path}")
    typer.echo("Zonder deze sleutel is een versleutelde database niet meer te openen: maak er een reservekopie "
               "van op een veilige plek (niet naast de database).")


def encrypt_command(
    ctx: typer.Context,
    target: Annotated[Path, typer.Option("--naar", help="Het nieuwe, versleutelde databasebestand.")],
    key_file: Annotated[Path | None, typer.Option("--sleutel", help="Sleutelbestand (of DOORBRAAK_DATABASE_KEY).")]
    = None,
) -> None:
    """Schrijf een versleutelde kopie van de (onversleutelde) SQLite-database; het origineel blijft staan."""
    state: CliState = ctx.obj
    url = state.settings().database_url
    try:
        if not is_sqlite(url) or is_encrypted(url):
            raise DatabaseError("Versleutelen kan alleen vanuit een onversleutelde SQLite-database.")
        source = sqlite_path(url)
        if source is None or not source.exists():
            raise DatabaseError("De database bestaat nog niet.")
        done = encrypt_copy(source, target, load_key(key_file))
    except DomainError as exc:
        report_error(exc)
    typer.echo(f"Versleutelde kopie geschreven: {done}")
    typer.echo(f"Gebruik hem met database_url = \"sqlite+pysqlcipher:///{done.resolve()}\" en de sleutel in "
               "DOORBRAAK_DATABASE_KEY of database_key_file. Vernietig daarna het onversleutelde origineel.")


def register(db_app: typer.Typer) -> None:
    db_app.command("sleutel")(key_command)
    db_app.command("versleutel")(encrypt_command)
