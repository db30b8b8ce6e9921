"""Create the SQLAlchemy engine: SQLite (durable pragmas, local disks only) or PostgreSQL."""

from __future__ import annotations

import select
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

from storage.errors import DatabaseError as DatabaseError
from storage.sqlite_file import NETWORK_FS as NETWORK_FS
from storage.sqlite_file import apply_pragmas, prepare_file
from storage.sqlite_file import filesystem_type as filesystem_type


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database and for any other back end (a PostgreSQL URL's
    database name is no path: it was taken for one, and a start warned about the folder '.')."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    apply_pragmas(dbapi_connection)


def compact(engine: Engine) -> None:
    """After destroying data: VACUUM rebuilds a SQLite file so nothing lingers; on PostgreSQL a VACUUM of
    the database removes the dead rows from the heap now instead of whenever autovacuum comes by (tables
    this role does not own are skipped by PostgreSQL with a warning: run the purge as the owner)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
        return
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            # The trigram index keeps fragments of deleted rows until it is rebuilt from the table.
            if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'household_fts'").first():
                connection.exec_driver_sql("INSERT INTO household_fts(household_fts) VALUES ('rebuild')")
                connection.commit()
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("VACUUM")


def make_engine(url: str, *, key: str | None = None) -> Engine:
    """`key`: the raw SQLCipher key (64 hex digits) of an encrypted file (sqlite+pysqlcipher URL)."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None and not str(path).startswith("file:"):
            prepare_file(path)
        target = make_url(url) if key is None else make_url(url).set(password=f"x'{key}'")
        if make_url(url).get_driver_name() == "pysqlcipher" and key is None:
            raise DatabaseError("Een versleutelde database kan alleen met de sleutel worden geopend.")
        # hide_parameters: a SQL error's text never holds the statement's values (a BSN, a name).
        engine = create_engine(target, connect_args={"check_same_thread": False}, hide_parameters=True)
        # After the dialect's own connect hook, which gives SQLCipher the key before any other statement.
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if make_url(url).get_driver_name() != "psycopg":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "checkout", _closed_by_server)
    return engine


def _closed_by_server(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Checkout from the pool (PostgreSQL, psycopg): a connection the server has closed is replaced.

    Instead of `pool_pre_ping`, a round trip (`SELECT 1`) before every use case (~0.4 ms of a 9 ms register
    search under load), this looks without waiting whether the idle connection's socket has anything to read.
    An idle connection receives nothing (doorbraak uses no LISTEN/NOTIFY), except the server's goodbye: a
    terminated backend or a restarted server sends its FATAL error and closes the socket. Then, or when psycopg
    already knows the connection is closed or broken, `DisconnectionError` makes the pool connect anew, as a
    failed ping did. A connection lost without a word (a cut network) fails at its first statement, as it
    failed the ping before: SQLAlchemy then invalidates it and the error boundary tells the user in Dutch; the
    next use case gets a fresh connection (tests/storage/test_prebuilt.py kills backends to check both).
    """
    if dbapi_connection.closed or dbapi_connection.broken:
        raise DisconnectionError("de verbinding met de databaseserver is gesloten")
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        raise DisconnectionError("de verbinding met de databaseserver is onbruikbaar") from None
    if readable:
        raise DisconnectionError("de databaseserver heeft de verbinding gesloten")
