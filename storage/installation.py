"""What kind of database this is, read from the database itself (table `installation`, migration 0010).

The oefenomgeving is decided by a marker the seed writes into sample.db (and so into every copy of it),
never by a setting or an environment variable: rights must come from the database and the login only.
Only a SQLite file can be the oefenomgeving; a PostgreSQL database never is, whatever its table says.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported where it is used: the TUI's fast start reads the marker without it
    from sqlalchemy import Connection, Engine

KIND = "kind"
OEFENOMGEVING = "oefenomgeving"


def mark_oefenomgeving(connection: Connection) -> None:
    """Write the marker (the seed does this for every file it writes: all of its data is fictional)."""
    from sqlalchemy import text

    connection.execute(text("DELETE FROM installation WHERE name = :name"), {"name": KIND})
    connection.execute(text("INSERT INTO installation (name, value) VALUES (:name, :value)"),
                       {"name": KIND, "value": OEFENOMGEVING})


def is_oefenomgeving(engine: Engine) -> bool:
    """True only for a SQLite database that carries the oefenomgeving marker."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    if engine.dialect.name != "sqlite":
        return False
    try:
        with engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM installation WHERE name = :name"), {"name": KIND}
            ).scalar_one_or_none()
    except DBAPIError:  # an older schema without the table: not the oefenomgeving
        return False
    return value == OEFENOMGEVING


def file_is_oefenomgeving(path: Path) -> bool:
    """The same check on a SQLite file, read-only and without the app's pragmas (sample.db stays as it is)."""
    try:
        with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM installation WHERE name = ?", (KIND,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == OEFENOMGEVING
