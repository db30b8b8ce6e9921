"""One place that wires settings → engine → migrations → unit of work, for the TUI, the CLI and tests."""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from domain.actors import Actor, Role, local_owner
from domain.services.bound import UseCases
from domain.services.users import (
    LOGIN_REFUSED,
    UNLOCK_REFUSED,
    LoginFailed,
    authenticate,
    has_accounts,
    record_lock,
    record_login,
    record_unlock,
    unlock,
)
from domain.users import User
from storage.app_name import APP_NAME
from storage.audit import load_audit_key
from storage.drafts import LocalDrafts
from storage.encryption import is_encrypted, key_warnings, load_key, sqlcipher
from storage.engine import DatabaseError, is_sqlite, make_engine, sqlite_path
from storage.files import make_private_directory, readable_by_others
from storage.households import Clock, utcnow
from storage.installation import file_is_oefenomgeving, is_oefenomgeving
from storage.migrate import current_revisions, ensure_current, head_revisions
from storage.settings import Settings
from storage.unit_of_work import SqlUnitOfWork, session_factory
from storage.users import Argon2PasswordHasher

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

    from storage.audit_checkpoint import Checkpoint, SignedCheck, SignedCheckpoint

SAMPLE_DB = Path(__file__).resolve().parent / "sample.db"
"""The oefenomgeving's data, shipped in the wheel as package data. In a checkout storage/sample.db is a link to
the sample.db at the repository's root (which `doorbraak seed --output sample.db` writes)."""


@dataclass
class Database:
    """An open, migrated database and the means to start units of work on it."""

    settings: Settings
    engine: Engine
    backup_path: Path | None = None
    clock: Clock = utcnow
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    audit_key: bytes = field(init=False, repr=False)
    logged_in: Actor | None = field(default=None, repr=False)
    _requires_login: bool | None = field(default=None, init=False, repr=False)
    _demo: bool | None = field(default=None, init=False, repr=False)
    _services: Services | None = field(default=None, init=False, repr=False)
    warnings: list[str] = field(default_factory=list)
    """Dutch warnings to show once at start (e.g. an encryption key kept next to the database)."""

    def __post_init__(self) -> None:
        self._sessions = session_factory(self.engine)
        self.audit_key = load_audit_key(self.settings.audit_key_file)

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._sessions, self.audit_key, self.clock)

    @property
    def actor(self) -> Actor:
        """The logged-in user; in single-user mode the local owner (may do everything)."""
        if self.logged_in is not None:
            return self.logged_in
        if self.requires_login:
            # Not logged in on a shared database: an actor without any permission on cases.
            return Actor(username=self.settings.user, display_name=self.settings.display_name, role=Role.LET,
                         municipality_codes=frozenset())
        return local_owner(self.settings.user, self.settings.display_name)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @property
    def requires_login(self) -> bool:
        """Shared databases (PostgreSQL, or any database with accounts) need a login."""
        if self._requires_login is None:
            self._requires_login = self.is_postgres or has_accounts(self.uow())
        return self._requires_login

    @property
    def demo(self) -> bool:
        """The oefenomgeving: decided by the marker in the database itself, never by a setting."""
        if self._demo is None:
            self._demo = is_oefenomgeving(self.engine)
        return self._demo

    @property
    def uses_database_logins(self) -> bool:
        """Every user logs in with a personal PostgreSQL role (row-level security), not an app account."""
        return self.is_postgres and self.settings.auth == "postgres"

    def login(self, username: str, password: str) -> Actor:
        if self.uses_database_logins:
            self.logged_in = self._login_as_database_role(username, password)
            return self.logged_in
        self.logged_in = authenticate(
            self.uow(), Argon2PasswordHasher(), username, password, demo_database=self.demo,
            workstation=socket.gethostname(),
        )
        return self.logged_in

    def _login_as_database_role(self, username: str, password: str) -> Actor:
        """Connect as the user's own PostgreSQL role; from then on every query runs under its policies."""
        from storage.rls import database_user

        username = username.strip().lower()
        url = make_url(self.settings.database_url).set(username=username, password=password or None)
        engine = make_engine(url.render_as_string(hide_password=False))
        try:
            with engine.connect() as connection:
                user = database_user(connection)
        except DBAPIError as error:
            engine.dispose()
            if _refusal_kind(error) in SERVER_TROUBLE:  # the server, not the account: say so
                reason = _server_refusal(self.settings.database_url, error) or LOGIN_REFUSED
                raise LoginFailed(reason[:1].upper() + reason[1:]) from None
            # PostgreSQL logs the refused login itself (log_connections); no detail for the user.
            raise LoginFailed(LOGIN_REFUSED) from None
        if user is None:
            engine.dispose()
            raise LoginFailed("Dit databaseaccount hoort niet bij een actieve doorbraak-gebruiker.")
        if current_revisions(engine) != head_revisions():
            engine.dispose()
            raise DatabaseError("Het databaseschema is niet bijgewerkt. Vraag de beheerder 'doorbraak db upgrade' "
                                "en 'doorbraak db beveilig' uit te voeren.")
        self.engine.dispose()
        self.engine = engine
        self._sessions = session_factory(engine)
        actor = user.actor(socket.gethostname())
        record_login(self.uow(), actor)
        return actor

    # -- the idle lock (tui/lock.py): recorded in the audit trail ----------------------------------------------
    @property
    def lock_needs_password(self) -> bool:
        """A locked screen asks the password again; single-user mode has none (the OS account guards it)."""
        return self.requires_login and self.logged_in is not None

    def lock(self, reason: str) -> None:
        record_lock(self.uow(), self.actor, reason)

    def unlock(self, password: str) -> None:
        """Open a locked screen with the logged-in user's password; LoginFailed (Dutch) when refused."""
        actor = self.actor
        if not self.lock_needs_password:
            record_unlock(self.uow(), actor, accepted=True, purpose="zonder wachtwoord (één gebruiker)")
            return
        if not self.uses_database_logins:
            unlock(self.uow(), Argon2PasswordHasher(), actor, password)
            return
        url = make_url(self.settings.database_url).set(username=actor.username, password=password or None)
        engine = make_engine(url.render_as_string(hide_password=False))
        try:
            with engine.connect():
                pass  # the server accepting this login is the password check; nothing is read
        except DBAPIError:
            record_unlock(self.uow(), actor, accepted=False, purpose="PostgreSQL-login")
            raise LoginFailed(UNLOCK_REFUSED) from None
        finally:
            engine.dispose()
        record_unlock(self.uow(), actor, accepted=True, purpose="PostgreSQL-login")

    @property
    def description(self) -> str:
        """Where the data lives, without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def drafts(self) -> LocalDrafts | None:
        """Where forms keep their unsaved concept; None when switched off or the database is encrypted."""
        if not self.settings.local_drafts or is_encrypted(self.settings.database_url):
            return None
        directory = Path(platformdirs.user_data_dir(APP_NAME)) / "concepten"
        return LocalDrafts(directory, make_url(self.settings.database_url).render_as_string(hide_password=True))

    def close(self) -> None:
        self.engine.dispose()

    @property
    def services(self) -> Services:
        """The one `Services` object bound to this database (made on first use)."""
        if self._services is None:
            self._services = Services(self)
        return self._services


class Exports:
    """What a screen needs to put a rendered file on disk (tui/render renders it), as `services.exports`."""

    def write_file(self, path: Path, data: bytes, *, overwrite: bool = False) -> None:
        """The one safe writer (storage/files.py): private temp file, fsync, rename; no silent overwrite."""
        from storage.files import write_file

        write_file(path, data, overwrite=overwrite)


class Services(UseCases):
    """What bootstrap hands the TUI and the CLI: every use case bound to a unit of work and the actor
    (`services.households.get(...)`), and the little else a screen needs (settings, drafts, login, ...).

    Screens and CLI commands take this object; they never see `Database`, a session or a unit of work.
    """

    def __init__(self, db: Database) -> None:
        super().__init__(db.uow, lambda: db.actor, hasher=Argon2PasswordHasher())
        self.db = db
        """The database behind (for storage and tests; screens and CLI commands never reach for it)."""
        self.exports = Exports()

    @property
    def settings(self) -> Settings:
        return self.db.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.db.settings = settings

    @property
    def demo(self) -> bool:
        """This is the oefenomgeving (a copy of sample.db)."""
        return self.db.demo

    @property
    def warnings(self) -> list[str]:
        return self.db.warnings

    @property
    def description(self) -> str:
        return self.db.description

    @property
    def drafts(self) -> LocalDrafts | None:
        return self.db.drafts

    @property
    def is_postgres(self) -> bool:
        return self.db.is_postgres

    @property
    def requires_login(self) -> bool:
        return self.db.requires_login

    @property
    def logged_in(self) -> Actor | None:
        return self.db.logged_in

    @property
    def uses_database_logins(self) -> bool:
        return self.db.uses_database_logins

    def login(self, username: str, password: str) -> Actor:
        return self.db.login(username, password)

    @property
    def lock_needs_password(self) -> bool:
        return self.db.lock_needs_password

    def lock(self, reason: str) -> None:
        """Record that the screen was locked (idle lock); `reason` in Dutch, e.g. 'na 15 minuten zonder invoer'."""
        self.db.lock(reason)

    def unlock(self, password: str) -> None:
        """Check the password of the logged-in user and record the unlock; LoginFailed when refused."""
        self.db.unlock(password)

    def now(self) -> datetime:
        """The database's clock (tests use a fixed one)."""
        return self.db.clock()

    @property
    def backup_path(self) -> Path | None:
        return self.db.backup_path

    # -- administration on the database itself (CLI only): row-level security, audit anchors ----------------
    def secure_rls(self, prefix: str) -> list[str]:
        """Row-level security on PostgreSQL (`doorbraak db beveilig`); returns the group roles."""
        from storage.rls import secure

        return secure(self.db.engine, prefix)

    def create_database_login(self, user: User, password: str, prefix: str) -> None:
        from storage.rls import create_login

        create_login(self.db.engine, user, password, prefix)

    def audit_anchor_folder(self) -> Path:
        from storage import audit_checkpoint

        return audit_checkpoint.default_folder(self.db.engine)

    def check_audit_anchors(self, folder: Path) -> list[str]:
        """Dutch problems: every checkpoint in `folder` must still hold for this database."""
        from storage import audit_checkpoint

        return audit_checkpoint.check(self.db.engine, self.db.audit_key, folder)

    def write_audit_anchor(self, folder: Path) -> tuple[Checkpoint, Path]:
        from storage import audit_checkpoint

        return audit_checkpoint.write(self.db.engine, self.db.audit_key, folder)

    def check_signed_audit_anchors(self, folder: Path, public_key: Ed25519PublicKey | None) -> SignedCheck:
        """The beheerder's signed checkpoints in `folder`, checked with their public key (only counted without)."""
        from storage import audit_checkpoint

        return audit_checkpoint.check_signed(self.db.engine, public_key, folder)

    def sign_audit_anchor(self, folder: Path, key: Ed25519PrivateKey) -> tuple[SignedCheckpoint, Path, str]:
        """Sign the head with the beheerder's private key (the caller has checked the chain first)."""
        from storage import audit_checkpoint

        return audit_checkpoint.sign(self.db.engine, key, folder)

    def compact(self) -> None:
        """Give the space of deleted rows back to the file system (after a purge)."""
        from storage.engine import compact

        compact(self.db.engine)

    def close(self) -> None:
        self.db.close()


def database_key(settings: Settings) -> str | None:
    """The SQLCipher key when the configured database is encrypted (else None)."""
    return load_key(settings.database_key_file) if is_encrypted(settings.database_url) else None


def open_database(settings: Settings, *, clock: Clock = utcnow) -> Database:
    if settings.auth == "postgres" and not is_sqlite(settings.database_url):
        # Nothing to connect with until the user logs in with their own role (see Database.login).
        return Database(settings=settings, engine=make_engine(settings.database_url), clock=clock)
    key = database_key(settings)
    if key is not None:
        sqlcipher()  # a clear message when the extra is not installed
    engine = make_engine(settings.database_url, key=key)
    try:
        backup = ensure_current(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:  # connection refused, not a database file, ...
        engine.dispose()
        if key is not None:
            raise DatabaseError(
                "De versleutelde database kon niet worden geopend: de sleutel past niet bij dit bestand, "
                "of het is geen doorbraak-database."
            ) from exc
        raise DatabaseError(_not_opened(settings.database_url, exc)) from exc
    db = Database(settings=settings, engine=engine, backup_path=backup, clock=clock)
    if key is not None:
        db.warnings = key_warnings(sqlite_path(settings.database_url), settings.database_key_file)
    folder = sqlite_path(settings.database_url)
    if folder is not None and not str(folder).startswith("file:") and readable_by_others(folder.parent):
        # A folder the user chose (doorbraak's own is made 0700 by make_engine): its mode is theirs to set.
        db.warnings.append(f"De map van de database ({folder.parent}) is te openen door andere gebruikers van "
                           f"deze computer; zet de rechten op 700 (chmod 700 '{folder.parent}').")
    return db


def _not_opened(url: str, error: Exception) -> str:
    """Why the database could not be opened, in Dutch, without the driver's text (it may quote values)."""
    path = sqlite_path(url)
    if path is not None and "file is not a database" in str(getattr(error, "orig", "")):
        return (f"{path} is geen doorbraak-database: het bestand is geen SQLite-database, of het is beschadigd. "
                "Kies het juiste bestand, of zet een back-up terug ('doorbraak restore').")
    if path is None:
        reason = _server_refusal(url, error)
        if reason is not None:
            return f"De database kon niet worden geopend: {reason}"
    return f"De database kon niet worden geopend: {type(error).__name__}."


CONNECTION_FAILURES = (
    # (words in libpq's or the server's English message, the SQLSTATE the server meant); the first match counts.
    ("password authentication failed", "28P01"),
    ("no pg_hba.conf entry", "28000"),
    ('role "', "28000"),
    ('database "', "3D000"),
    ("too many clients", "53300"),
    ("remaining connection slots", "53300"),
    ("starting up", "57P03"),
    ("shutting down", "57P03"),
    ("connection refused", "unreachable"),
    ("timeout expired", "unreachable"),
    ("could not translate host name", "unreachable"),
    ("failed to resolve host", "unreachable"),
    ("no route to host", "unreachable"),
    ("network is unreachable", "unreachable"),
)
"""psycopg reports a refused connection without a SQLSTATE: its message says which refusal it was. Only the kind
is taken from it (never shown: a server's message may quote values); a server that speaks another language
falls back to the error's type."""


def _refusal_kind(error: Exception) -> str | None:
    """The SQLSTATE of a refused connection (or "unreachable"), None when not known."""
    driver_error = getattr(error, "orig", None)
    code = getattr(driver_error, "sqlstate", None)
    if code is None:
        message = str(driver_error).lower()
        code = next((kind for words, kind in CONNECTION_FAILURES if words.lower() in message), None)
    return code


SERVER_TROUBLE = ("unreachable", "53300", "57P03")
"""Refusals that are the server's, not the login's: a login screen may say them (a wrong role or password it may
not: that would tell whether an account exists)."""


def _server_refusal(url: str, error: Exception) -> str | None:
    """A PostgreSQL server's reason for refusing a connection, in Dutch, with the address from the URL (never
    its password): something the beheerder can act on. None when the reason is not known."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    if not isinstance(error, OperationalError):
        return None
    code = _refusal_kind(error)
    if code is None:
        return None
    address = make_url(url)
    server = f"{address.host or 'localhost'}:{address.port or 5432}"
    reasons = {
        "unreachable": f"de databaseserver op {server} is niet bereikbaar. Draait de server, en kloppen het adres "
                       "en de poort in de database-URL?",
        "28P01": f"de databaseserver op {server} weigert het wachtwoord van rol '{address.username}'.",
        "28000": f"de databaseserver op {server} laat rol '{address.username}' niet toe (de rol bestaat niet, "
                 "of pg_hba.conf staat haar niet toe).",
        "3D000": f"database '{address.database}' bestaat niet op {server} (zie docs/deployment.md om haar aan te "
                 "maken).",
        "53300": f"de databaseserver op {server} heeft geen verbindingen meer vrij; probeer het later opnieuw.",
        "57P03": f"de databaseserver op {server} start nog op of sluit af; probeer het zo opnieuw.",
    }
    return reasons.get(code)


NOT_A_DEMO = ("Dit is geen oefenomgeving: de database draagt het kenmerk van de voorbeeldgegevens niet. "
              "Maak de demodatabase opnieuw met 'doorbraak seed --output sample.db'.")


def demo_copy(sample: Path = SAMPLE_DB, target_dir: Path | None = None) -> Path:
    """A fresh copy of sample.db for `doorbraak demo`, so the original stays pristine.

    Refused when sample.db does not carry the oefenomgeving marker (see storage/installation.py).
    """
    if not sample.exists():
        raise DatabaseError(f"De demodatabase {sample} ontbreekt; maak hem met 'doorbraak seed --output sample.db'.")
    require_oefenomgeving(sample)
    own = target_dir is None
    target_dir = target_dir or Path(platformdirs.user_cache_dir(APP_NAME))
    make_private_directory(target_dir, tighten=own)
    target = target_dir / "oefenomgeving.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    # The backup API copies a consistent snapshot even if sample.db were open elsewhere.
    with sqlite3.connect(f"file:{sample}?mode=ro", uri=True) as source, sqlite3.connect(target) as dest:
        source.backup(dest)
    return target


def open_services(settings: Settings, *, clock: Clock = utcnow) -> Services:
    """Open the configured database and bind every use case to it (the one entry of the TUI and the CLI)."""
    return open_database(settings, clock=clock).services


def require_oefenomgeving(path: Path) -> None:
    """Raise a Dutch DatabaseError unless the SQLite file at `path` carries the oefenomgeving marker."""
    if not file_is_oefenomgeving(path):
        raise DatabaseError(NOT_A_DEMO)


KEEP_RESET_COPIES = 3


def reset_demo(db: Database, sample: Path = SAMPLE_DB) -> Database:
    """Start the oefenomgeving again: close `db`, put a fresh copy of sample.db in its place, open that.

    Only for a database that carries the oefenomgeving marker: a real database is never overwritten.
    The old file is kept beside it first (`oefenomgeving.voor-opnieuw-TIME.db`, the last few).
    """
    path = db.engine.url.database
    if not db.demo or db.engine.dialect.name != "sqlite" or not path:
        raise DatabaseError("Alleen de oefenomgeving kan opnieuw beginnen; deze database blijft zoals hij is.")
    require_oefenomgeving(sample)
    target = Path(path)
    kept = target.with_name(f"{target.stem}.voor-opnieuw-{db.clock().strftime('%Y%m%dT%H%M%S%f')}.db")
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as source, sqlite3.connect(kept) as dest:
        source.backup(dest)
    os.chmod(kept, 0o600)
    for old in sorted(target.parent.glob(f"{target.stem}.voor-opnieuw-*.db"))[:-KEEP_RESET_COPIES]:
        old.unlink(missing_ok=True)
    wait_until_idle(db.engine)
    db.close()
    copy = demo_copy(sample, target_dir=target.parent)
    if copy != target:  # demo_copy always writes oefenomgeving.db; keep the file the settings point to
        copy.replace(target)
    return open_database(db.settings, clock=db.clock)


RESET_WAIT_SECONDS = 10.0


def wait_until_idle(engine: Engine, seconds: float = RESET_WAIT_SECONDS) -> bool:
    """Wait (bounded) until no connection of `engine` is in use. The app's sections close before a reset,
    but a background thread that was already querying cannot be stopped: it finishes its unit of work.
    Replacing the file under its open connection left it reading a file that no longer matched its WAL
    (sqlite3.DatabaseError in that worker, found by the keyboard soak). False when it did not get idle."""
    checked_out = getattr(engine.pool, "checkedout", None)
    if not callable(checked_out):
        return True
    deadline = time.monotonic() + seconds
    while checked_out() > 0:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def demo_settings(base: Settings | None = None, *, target_dir: Path | None = None) -> Settings:
    base = base or Settings()
    return base.model_copy(update={"database_url": f"sqlite:///{demo_copy(target_dir=target_dir)}"})


def reset_demo_services(services: Services, sample: Path = SAMPLE_DB) -> Services:
    """`reset_demo` for the app: the fresh copy, bound again."""
    return reset_demo(services.db, sample).services


__all__ = [
    "Database", "Exports", "LocalDrafts", "Services", "demo_copy", "demo_settings", "open_database",
    "open_services", "require_oefenomgeving", "reset_demo", "reset_demo_services",
]
