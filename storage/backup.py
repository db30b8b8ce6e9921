"""Backup and restore of a SQLite database with the online backup API (safe while the app runs).

PostgreSQL deployments use pg_dump/pg_restore (see README); a file copy of a live SQLite database
is never safe, so we never do one.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage.engine import DatabaseError, is_sqlite, sqlite_path
from storage.migrate import known_revisions


def _require_sqlite_file(url: str) -> Path:
    if not is_sqlite(url):
        raise DatabaseError(
            "Back-up en herstel in doorbraak zijn er voor SQLite. Gebruik voor PostgreSQL pg_dump en pg_restore."
        )
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("Deze database staat niet in een bestand.")
    return path


def default_backup_path(source: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return source.with_name(f"{source.stem}.backup-{stamp}{source.suffix}")


def _copy(source: Path, target: Path) -> None:
    """Copy with the backup API into a temp file, fsync, then rename: the target is never half written."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(tmp) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    tmp.replace(target)


def check_database_file(path: Path) -> None:
    """Refuse anything that is not an intact doorbraak database of a version we know."""
    if not path.is_file():
        raise DatabaseError(f"Bestand {path} bestaat niet.")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchone()
            revisions = {row[0] for row in connection.execute("select version_num from alembic_version")}
    except sqlite3.DatabaseError:
        raise DatabaseError(f"{path.name} is geen doorbraak-database.") from None
    if not result or result[0] != "ok":
        raise DatabaseError(f"{path.name} is beschadigd (integriteitscontrole mislukt).")
    known = known_revisions()
    if not revisions or not revisions <= known:
        raise DatabaseError(f"{path.name} is gemaakt met een andere versie van doorbraak en kan niet worden teruggezet.")


def backup(url: str, target: Path | None = None) -> Path:
    source = _require_sqlite_file(url)
    if not source.exists():
        raise DatabaseError(f"Database {source} bestaat nog niet.")
    target = target or default_backup_path(source)
    if target.resolve() == source.resolve():
        raise DatabaseError("Het back-upbestand mag niet de database zelf zijn.")
    _copy(source, target)
    check_database_file(target)
    return target


def restore(url: str, backup_file: Path) -> Path | None:
    """Replace the database with a backup. The current database is first saved aside; returns that copy."""
    target = _require_sqlite_file(url)
    check_database_file(backup_file)
    safety = None
    if target.exists():
        safety = target.with_name(f"{target.stem}.voor-herstel-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}{target.suffix}")
        _copy(target, safety)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write the backup into the live file through the backup API, so open WAL state is replaced consistently.
    with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return safety


__all__ = ["backup", "restore", "check_database_file"]
