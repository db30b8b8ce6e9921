"""The database under test: the app's own `Database` (services) and a raw driver connection (baselines)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.actor import OWNER
from benchmarks.data import libpq_dsn, schema_url
from domain.audit import AuditEvent, AuditKind, chain_hash
from storage.bootstrap import Database, open_database
from storage.settings import Settings

_NAMED = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)")


@dataclass
class Backend:
    name: str
    """'sqlite' or 'postgres'."""
    db: Database
    raw: Any
    """sqlite3.Connection or psycopg.Connection, outside SQLAlchemy."""
    audit_key: bytes = field(repr=False, default=b"")

    @property
    def postgres(self) -> bool:
        return self.name == "postgres"

    def sql(self, statement: str) -> str:
        """Write baselines once with :name parameters; psycopg wants %(name)s."""
        return _NAMED.sub(r"%(\1)s", statement.replace("%", "%%")) if self.postgres else statement

    def rows(self, statement: str, params: dict[str, Any] | None = None) -> list[Any]:
        return list(self.raw.execute(self.sql(statement), params or {}).fetchall())

    def one(self, statement: str, params: dict[str, Any] | None = None) -> Any:
        return self.raw.execute(self.sql(statement), params or {}).fetchone()

    def record_view(self, object_type: str, object_id: str) -> None:
        """The raw twin of the audit record every view writes (NEN 7513), chained the same way, committed."""
        self.raw.execute(self.sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1"))
        sequence, previous = self.one("SELECT seq, hash FROM audit_head WHERE id = 1")
        at = datetime.now(UTC)
        event = AuditEvent(kind=AuditKind.READ, object_type=object_type, object_id=object_id,
                           username=OWNER.username, role=OWNER.role.value)
        digest = chain_hash(self.audit_key, str(previous), int(sequence), at, event, "")
        self.raw.execute(self.sql(
            "INSERT INTO audit_log (seq, at, kind, object_type, object_id, username, role, outcome, purpose, "
            "break_glass, changes_digest, previous_hash, hash) VALUES (:seq, :at, 'read', :type, :id, :user, "
            ":role, 'ok', '', :no, '', :previous, :hash)"),
            {"seq": sequence, "at": at if self.postgres else at.strftime("%Y-%m-%d %H:%M:%S.%f"), "type": object_type,
             "id": object_id, "user": OWNER.username, "role": OWNER.role.value, "no": False, "previous": previous,
             "hash": digest})
        self.raw.execute(self.sql("UPDATE audit_head SET hash = :hash WHERE id = 1"), {"hash": digest})
        self.raw.commit()


def _sqlite_raw(path: Path) -> sqlite3.Connection:
    # The same durability and privacy pragmas the app uses (storage/engine.py: secure_delete overwrites what a
    # write frees, which costs ~5 ms a commit here), so a committed baseline costs what the app's does.
    connection = sqlite3.connect(path, isolation_level="DEFERRED", check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000", "secure_delete=ON"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


@contextmanager
def sqlite_backend(path: Path, workdir: Path) -> Iterator[Backend]:
    settings = Settings(database_url=f"sqlite:///{path}", audit_key_file=workdir / "audit.key", local_drafts=False)
    db = open_database(settings)
    raw = _sqlite_raw(path)
    try:
        yield Backend("sqlite", db, raw, db.audit_key)
    finally:
        raw.close()
        db.close()


@contextmanager
def postgres_backend(url: str, schema: str, workdir: Path) -> Iterator[Backend]:
    settings = Settings(database_url=schema_url(url, schema), audit_key_file=workdir / "audit.key",
                        local_drafts=False)
    db = open_database(settings)
    db.logged_in = OWNER
    raw = psycopg.connect(libpq_dsn(url), options=f"-csearch_path={schema},public")
    try:
        yield Backend("postgres", db, raw, db.audit_key)
    finally:
        raw.close()
        db.close()


def migrate_postgres(url: str, schema: str, workdir: Path) -> None:
    """Create the schema's tables (the app's migrations), nothing else."""
    settings = Settings(database_url=schema_url(url, schema), audit_key_file=workdir / "audit.key")
    open_database(settings).close()
