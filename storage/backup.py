"""Backup and restore of a SQLite database with the online backup API (safe while the app runs).

PostgreSQL deployments use pg_dump/pg_restore (see docs/security.md); a file copy of a live SQLite
database is never safe, so we never do one. An encrypted (SQLCipher) database is backed up encrypted
with the same key, and only a backup that opens with that key can be restored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.encryption import connect as encrypted_connect
from storage.encryption import sqlcipher
from storage.engine import DatabaseError, is_sqlite, sqlite_path
from storage.files import new_file, write_file
from storage.migrate import declared_heads, known_revisions
from storage.rls import ALL_TABLES


def _open(path: Path, key: str | None, *, read_only: bool = False) -> Any:
    """A DB-API connection: plain sqlite3, or SQLCipher with the key applied."""
    if key is not None:
        return encrypted_connect(path, key, read_only=read_only)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True) if read_only else sqlite3.connect(path)


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


def _copy(source: Path, target: Path, key: str | None = None, *, overwrite: bool = False) -> None:
    """Copy with the backup API into a private temp file, fsync, then rename (storage/files.py): the target
    is never half written, never a link, device or the open database, and replaced only when asked."""
    with new_file(target, overwrite=overwrite) as tmp:
        src, dst = _open(source, key, read_only=True), _open(tmp, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            src.close()
            dst.close()


def check_database_file(path: Path, key: str | None = None) -> None:
    """Refuse anything that is not an intact doorbraak database of a version we know (and, encrypted,
    one that does not open with this key)."""
    if not path.is_file():
        raise DatabaseError(f"Bestand {path} bestaat niet.")
    errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
    if key is not None:
        errors += (sqlcipher().DatabaseError,)  # SQLCipher has its own exception classes
    connection = None
    try:
        connection = _open(path, key, read_only=True)
        result = connection.execute("PRAGMA integrity_check").fetchone()
        revisions = {row[0] for row in connection.execute("select version_num from alembic_version")}
    except errors:
        extra = " (of de sleutel past er niet bij)" if key is not None else ""
        raise DatabaseError(f"{path.name} is geen doorbraak-database{extra}.") from None
    finally:
        if connection is not None:
            connection.close()
    if not result or result[0] != "ok":
        raise DatabaseError(f"{path.name} is beschadigd (integriteitscontrole mislukt).")
    known = known_revisions()
    if not revisions or not revisions <= known:
        raise DatabaseError(
            f"{path.name} is gemaakt met een andere versie van doorbraak en kan niet worden teruggezet.")


MANIFEST_SUFFIX = ".manifest.json"


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + MANIFEST_SUFFIX)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _contents(path: Path, key: str | None) -> tuple[list[str], list[str]]:
    """The backup's schema revisions and tables (sorted)."""
    connection = _open(path, key, read_only=True)
    try:
        revisions = sorted(str(row[0]) for row in connection.execute("select version_num from alembic_version"))
        tables = sorted(str(row[0]) for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
    finally:
        connection.close()
    return revisions, tables


def _write_manifest(backup_file: Path, key: str | None, *, overwrite: bool) -> Path:
    revisions, tables = _contents(backup_file, key)
    body = {"bestand": backup_file.name, "sha256": _sha256(backup_file), "schema": revisions, "tabellen": tables}
    return write_file(manifest_path(backup_file), (json.dumps(body, indent=2) + "\n").encode("utf-8"),
                      overwrite=overwrite)


def check_manifest(backup_file: Path, key: str | None = None) -> None:
    """Refuse a backup without its manifest, with another checksum, or missing tables (Dutch messages)."""
    manifest = manifest_path(backup_file)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        expected_sha, revisions, tables = str(data["sha256"]), list(data["schema"]), list(data["tabellen"])
    except (OSError, ValueError, KeyError, TypeError):
        raise DatabaseError(f"Bij {backup_file.name} hoort een leesbaar manifest ({manifest.name}), gemaakt door "
                            "'doorbraak backup'; zonder manifest wordt niets teruggezet.") from None
    if not hmac.compare_digest(_sha256(backup_file), expected_sha):
        raise DatabaseError(f"{backup_file.name} is na de back-up gewijzigd of beschadigd (de controlesom klopt "
                            "niet met het manifest); er is niets teruggezet.")
    found_revisions, found_tables = _contents(backup_file, key)
    missing = sorted(set(tables) - set(found_tables))
    if set(found_revisions) == set(declared_heads()):  # at the newest schema: every table the RLS map names
        missing = sorted(set(missing) | (ALL_TABLES - set(found_tables)))
    if found_revisions != sorted(revisions) or missing:
        detail = f" (ontbrekende tabellen: {', '.join(missing)})" if missing else ""
        raise DatabaseError(f"{backup_file.name} past niet bij zijn manifest{detail}; er is niets teruggezet.")


def backup(url: str, target: Path | None = None, *, key: str | None = None, overwrite: bool = False) -> Path:
    source = _require_sqlite_file(url)
    if not source.exists():
        raise DatabaseError(f"Database {source} bestaat nog niet.")
    target = target or default_backup_path(source)
    if target.resolve() == source.resolve():
        raise DatabaseError("Het back-upbestand mag niet de database zelf zijn.")
    _copy(source, target, key, overwrite=overwrite)
    check_database_file(target, key)
    _write_manifest(target, key, overwrite=overwrite)
    return target


def anchor_backup(url: str, backup_file: Path, audit_key: bytes, *, key: str | None = None) -> Path | None:
    """Write the audit checkpoint of the state a backup holds into `logboek-ankers/` beside it: the head of
    the copy, under the live database's name. A later restore of an older backup, or a cut of the log, is then
    reported by `audit verify --checkpoint --ankermap` over that folder. None when the log is still empty."""
    from sqlalchemy.engine import make_url

    from storage import audit_checkpoint

    connection = _open(backup_file, key, read_only=True)
    try:
        row = connection.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    except sqlite3.Error:
        raise DatabaseError(f"{backup_file.name} heeft geen leesbare kop van het logboek.") from None
    finally:
        connection.close()
    if row is None or int(row[0]) == 0:
        return None
    _, path = audit_checkpoint.write_head(audit_checkpoint.url_id(make_url(url)), int(row[0]), str(row[1]),
                                          audit_key, backup_file.resolve().parent / audit_checkpoint.FOLDER)
    return path


def restore(url: str, backup_file: Path, *, key: str | None = None) -> Path | None:
    """Replace the database with a backup. The current database is first saved aside; returns that copy."""
    target = _require_sqlite_file(url)
    check_database_file(backup_file, key)
    check_manifest(backup_file, key)
    safety = None
    if target.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        safety = target.with_name(f"{target.stem}.voor-herstel-{stamp}{target.suffix}")
        _copy(target, safety, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write the backup into the live file through the backup API, so open WAL state is replaced consistently.
    src, dst = _open(backup_file, key, read_only=True), _open(target, key)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return safety


AUTOMATIC_COPIES = ("voor-herstel", "voor-upgrade", "voor-opnieuw")
"""The copies doorbraak makes by itself beside a SQLite database (before a restore, an upgrade, a demo reset)."""


def remove_automatic_copies(url: str) -> list[Path]:
    """After a purge: the automatic copies still hold what was destroyed, so they go too (returns them).

    Backups made on purpose (`doorbraak backup`) are not touched; `other_backups` lists those beside the
    database, so the purge can say they still hold destroyed cases until their own retention ends.
    """
    path = sqlite_path(url) if is_sqlite(url) else None
    if path is None:
        return []
    removed: list[Path] = []
    for kind in AUTOMATIC_COPIES:
        for copy in sorted(path.parent.glob(f"{path.stem}.{kind}-*{path.suffix}")):
            for companion in (copy, *(Path(f"{copy}{suffix}") for suffix in ("-wal", "-shm", "-journal"))):
                companion.unlink(missing_ok=True)
            removed.append(copy)
    return removed


def other_backups(url: str) -> list[Path]:
    path = sqlite_path(url) if is_sqlite(url) else None
    return [] if path is None else sorted(path.parent.glob(f"{path.stem}.backup-*{path.suffix}"))


__all__ = ["backup", "restore", "check_database_file"]
