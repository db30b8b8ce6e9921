"""The TUI's first screen on a plain SQLite file, read with the standard library's `sqlite3` (issue 18).

Importing SQLAlchemy, its ORM, SQLModel, the tables and the services costs several times what a bare Textual app
needs to show the same first page (docs/performance.md). So on the files the raw reader of `case show --json`
takes (storage/raw_case.py: a plain SQLite file without accounts whose schema is current, opened with the same
checks and pragmas, the local owner as actor), the app paints the case list's first page from here and opens the
real services right after the first paint (tui/starting.py). Everything else takes today's path: `open_start`
returns None.

The page is exactly what `domain.services.households.list_cases` answers for the case list's opening query (no
text, no status, sorted on the last change, newest first, for an actor who sees every municipality): the same
two statements as `storage.households.HouseholdRepository._unfiltered_page` runs, in one read transaction.
Listing is not audited, so nothing is written. tests/storage/test_raw_start.py compares both paths.

On PostgreSQL every start is a login (a shared database; `storage.bootstrap.Database.requires_login`), and the login
screen needs nothing from the database: `login_start` hands the app what that screen shows, so it is painted before
SQLAlchemy is imported and the engine opened, and the services open while the user types (tui/starting.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from domain.access import Permission, require
from domain.caselist_rows import CaseListPage, CaseListRow
from domain.household_kinds import HouseholdStatus
from domain.roles import Acting, NotLoggedIn
from storage.installation import file_is_oefenomgeving
from storage.raw_case import RawSettings, database_file, open_raw

COUNT = "SELECT count(*) FROM household"
PAGE = ("SELECT case_number, name, municipality_name, status, professional, updated_at FROM household "
        "ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET 0")
"""`_unfiltered_statements` for (sqlite, UPDATED_AT, descending) without conditions: the count and the page."""

_STATUSES = {status.value: status for status in HouseholdStatus}


@dataclass(frozen=True)
class RawStart:
    """What the first screen shows before the services exist: who works, whether this is the oefenomgeving,
    the warnings of opening, and the case list's first page — or, on PostgreSQL, that a login comes first."""

    actor: Acting
    demo: bool
    first_page: CaseListPage | None
    warnings: list[str] = field(default_factory=list)
    requires_login: bool = False
    description: str = ""
    """Where the data lives, without a password (as `Database.description`), for the login screen."""
    uses_database_logins: bool = False


def first_page(connection: sqlite3.Connection, limit: int) -> CaseListPage:
    """The case list's first page without filter, newest change first (in one read transaction)."""
    connection.execute("BEGIN")
    try:
        total = connection.execute(COUNT).fetchone()[0]
        rows = connection.execute(PAGE, (limit,)).fetchall()
    finally:
        connection.execute("COMMIT")
    parse = datetime.fromisoformat
    return CaseListPage(
        rows=[CaseListRow(case_number=r[0], name=r[1], municipality_name=r[2], status=_STATUSES[r[3]],
                          professional=r[4], updated_at=parse(r[5] + "+00:00")) for r in rows],
        total=total, offset=0, limit=limit, total_exact=True,
    )


def open_start(settings: RawSettings, limit: int) -> RawStart | None:
    """Open the file as `open_raw` does (DomainError in Dutch on a refused file), read the first page and close
    again; None when the raw reader does not take this database or actor (the caller then opens the services)."""
    path = database_file(settings)
    db = open_raw(settings)
    if db is None or path is None:
        return None
    try:
        if db.actor.municipality_codes is not None:  # the local owner sees every municipality
            return None
        require(db.actor, Permission.LIST_CASES)
        page = first_page(db.connection, limit)
    except sqlite3.Error:  # whatever it is, the services' path says it in its own words
        return None
    finally:
        db.close()
    return RawStart(actor=db.actor, demo=file_is_oefenomgeving(path), first_page=page, warnings=db.warnings)


POSTGRES_SCHEMES = ("postgresql+psycopg",)
"""The PostgreSQL URLs with the driver the app installs (settings.py's example); any other takes the services'
start, which names a missing driver before a login screen is shown."""


def without_password(url: str) -> str:
    """The URL with its password replaced by `***`, as SQLAlchemy's `render_as_string(hide_password=True)` shows
    it (the query is left as given: it never holds the password, libpq takes that from the user info)."""
    parts = urlsplit(url)
    user_info, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in user_info:
        return url
    return urlunsplit(parts._replace(netloc=f"{user_info.partition(':')[0]}:***@{host}"))


def login_start(settings: RawSettings) -> RawStart | None:
    """The start of a PostgreSQL database: its login screen, before anything is opened (None for other URLs).
    Whether the database answers and its schema is current is known once the services are open, right after
    the login screen's first paint; a refusal then ends the app with the same Dutch message as before."""
    scheme = settings.database_url.partition("://")[0]
    if scheme not in POSTGRES_SCHEMES:
        return None
    return RawStart(
        actor=NotLoggedIn(username=settings.user, display_name=settings.display_name), demo=False,
        first_page=None, requires_login=True, description=without_password(settings.database_url),
        uses_database_logins=settings.auth == "postgres",
    )


__all__ = ["RawStart", "first_page", "login_start", "open_start", "without_password"]
