"""Security commands for the database administrator:

- `doorbraak db sleutel` and `doorbraak db versleutel`: SQLCipher encryption of the SQLite file at rest;
- `doorbraak db beveilig` and `doorbraak db gebruiker`: row-level security on PostgreSQL with a personal
  database role per user (run as the role that owns the schema).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from domain.actors import Role
from domain.errors import DomainError
from storage.encryption import create_key_file, encrypt_copy, is_encrypted, load_key
from storage.engine import DatabaseError, is_sqlite, sqlite_path
from tui.cli.common import EXIT_INVALID, fail, open_cli, report_error
from tui.cli.state import CliState


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


def secure_command(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Option("--prefix", help="Voorvoegsel van de groepsrollen.")] = "doorbraak",
) -> None:
    """Zet rijbeveiliging (RLS) aan op PostgreSQL: groepsrollen, rechten en regels per gemeente."""
    with open_cli(ctx, login=False) as services:
        groups = services.secure_rls(prefix)
    typer.echo(f"Rijbeveiliging staat aan. Groepsrollen: {', '.join(groups)}.")
    typer.echo("Maak persoonlijke accounts met 'doorbraak db gebruiker' en zet auth = \"postgres\" in config.toml.")


def login_user_command(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(metavar="GEBRUIKERSNAAM")],
    name: Annotated[str, typer.Option("--naam", help="Weergavenaam.")],
    role: Annotated[Role, typer.Option("--rol", help="professional, coordinator, let of beheer.")],
    municipalities: Annotated[str, typer.Option("--gemeenten", help="CBS-codes, komma-gescheiden (leeg: alle).")] = "",
    team: Annotated[str, typer.Option("--team")] = "",
    prefix: Annotated[str, typer.Option("--prefix", help="Voorvoegsel van de groepsrollen.")] = "doorbraak",
) -> None:
    """Maak (of wijzig) een persoonlijke PostgreSQL-login in de groep van zijn rol, met zijn gemeenten."""
    from pydantic import ValidationError

    from domain.messages import invalid_input
    from domain.users import User, check_password_strength
    from tui.cli.user import _new_password

    codes = frozenset(c.strip().upper() for c in municipalities.split(",") if c.strip()) or None
    try:
        user = User(username=username, display_name=name, role=role, municipality_codes=codes, team=team)
    except ValidationError as exc:
        report_error(invalid_input(exc))
    password = _new_password()
    try:
        check_password_strength(password, user.username)
    except ValueError as exc:
        fail(str(exc), EXIT_INVALID)
    with open_cli(ctx, login=False) as services:
        services.create_database_login(user, password, prefix)
    typer.echo(f"Databaselogin {user.username} ({user.role.label}) is klaar.")


def register(db_app: typer.Typer) -> None:
    db_app.command("sleutel")(key_command)
    db_app.command("versleutel")(encrypt_command)
    db_app.command("beveilig")(secure_command)
    db_app.command("gebruiker")(login_user_command)
