"""The audit chain's HMAC key: read from its file outside the database, written once for a new chain, and checked
against the chain's last record before the first record a process appends. Without SQLAlchemy, so the raw SQLite
reader of `case show` (storage/raw_case.py) appends to the chain with the same rules as storage/audit.py."""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from domain.audit import AuditRecord, chain_hash
from storage.errors import DatabaseError
from storage.files import make_private_directory


class AuditKey(bytes):
    """The audit chain's HMAC key, read from `path`. When the file does not exist the key is `pending`: a
    random key that is written to `path` only when the first record of a database without records is made.
    A database that already has records is never given a new key: writes stop with a Dutch message
    (`check_key`) instead of starting a chain that `audit verify` would later blame on tampering."""

    path: Path
    pending: bool

    def __new__(cls, value: bytes, path: Path, *, pending: bool) -> AuditKey:
        key = super().__new__(cls, value)
        key.path = path
        key.pending = pending
        return key


def load_audit_key(path: Path) -> AuditKey:
    path = Path(path).expanduser()
    if path.exists():
        return AuditKey(read_key(path), path, pending=False)
    return AuditKey(secrets.token_bytes(32), path, pending=True)


def read_key(path: Path) -> bytes:
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        raise DatabaseError(f"Het sleutelbestand van het logboek ({path}) is onleesbaar.") from None
    if len(key) < 32:
        raise DatabaseError(f"Het sleutelbestand van het logboek ({path}) is te kort.")
    return key


def missing_key_message(path: Path) -> str:
    return (f"Het sleutelbestand van het logboek ({path}) ontbreekt, maar deze database heeft al een logboek. "
            "Zet het gedeelde sleutelbestand van uw organisatie terug; tot dan legt doorbraak niets vast "
            "(er wordt geen nieuwe sleutel gemaakt).")


def wrong_key_message(path: Path) -> str:
    return (f"Het sleutelbestand van het logboek ({path}) past niet bij deze database, of het laatste record van "
            "het logboek is gewijzigd. Gebruik het gedeelde sleutelbestand van uw organisatie en laat de "
            "beheerder 'doorbraak audit verify' uitvoeren; tot dan legt doorbraak niets vast.")


_CHECKED: set[tuple[str, bytes]] = set()
"""(database, key) pairs whose last record this process has verified: the check runs once, not per record."""


def chain_key(key: bytes, sequence: int, database: str, previous: Callable[[], AuditRecord | None]) -> bytes:
    """The key to chain record `sequence` with, or DatabaseError when it is missing or does not fit.

    The first record of a database writes a pending key to its file. Later records: the key must verify
    the last record (`previous()`, read by the caller's transaction; checked once per process and `database`);
    a pending key is re-read from its file first (another handle in this process may have written it meanwhile).
    Shared by the ORM's audit log (storage/audit.py) and the raw SQLite reader (storage/raw_case.py).
    """
    path = getattr(key, "path", None)
    if getattr(key, "pending", False) and path is not None:
        if sequence == 1:
            _write_new_key(path, key)
            key.pending = False  # type: ignore[attr-defined]
            return key
        if not path.exists():
            raise DatabaseError(missing_key_message(path))
        key = read_key(path)
    if sequence == 1:
        return key
    marker = (database, bytes(key))
    if marker in _CHECKED:
        return key
    record = previous()
    if record is not None:
        expected = chain_hash(key, record.previous_hash, record.sequence, record.at, record.event,
                              record.changes_digest)
        if not hmac.compare_digest(expected, record.hash):
            raise DatabaseError(wrong_key_message(path) if path else "De sleutel van het logboek past niet.")
    _CHECKED.add(marker)
    return key


def _write_new_key(path: Path, key: bytes) -> None:
    make_private_directory(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise DatabaseError(f"Het sleutelbestand van het logboek ({path}) is net door een ander proces gemaakt; "
                            "probeer het opnieuw.") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def usable_key(key: bytes) -> bytes:
    """The key as it is on disk now (a pending key is never used to sign anything outside the database)."""
    path = getattr(key, "path", None)
    if not getattr(key, "pending", False) or path is None:
        return key
    if not path.exists():
        raise DatabaseError(f"Het sleutelbestand van het logboek ({path}) ontbreekt; zonder de sleutel kan "
                            "doorbraak het logboek niet controleren of verankeren.")
    return read_key(path)


