"""What opening a SQLite database file means, without SQLAlchemy: the file's folder and modes, the refusal of
network file systems, and the durable pragmas of every connection. Used by the engine (storage/engine.py) and by
the raw reader of `case show` (storage/raw_case.py), so both open a file the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.errors import DatabaseError
from storage.files import create_private_file, make_private, make_private_directory, protect
from storage.settings_sources import own_data_folder

# WAL does not work on network file systems (TRUST.md); these types are refused.
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs"}

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",  # 5 s was too short for ten `serve --gedeeld` logins at once on a busy laptop
    "PRAGMA secure_delete=ON",  # destroyed data is overwritten, not left in free pages
)
"""Run on every new connection, in this order (after SQLCipher's key, which the dialect gives first)."""


def filesystem_type(path: Path) -> str | None:
    """The file system type of the mount that holds `path` (Linux /proc/mounts), or None if unknown."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = path.resolve()
    best: tuple[int, str] | None = None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == Path(mount_point) or Path(mount_point) in target.parents
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def prepare_file(path: Path) -> None:
    """Before the first connection to the database file at `path` (not a `file:` URI): a folder we create is
    0700, a new database file 0600. An existing folder of our own (the default data folder) that others can read
    is made 0700; an existing database file and its -wal/-shm 0600. A network file system is refused (Dutch)."""
    make_private_directory(path.parent, tighten=path.parent.resolve() == own_data_folder().resolve())
    fs = filesystem_type(path.parent)
    if fs in NETWORK_FS:
        raise DatabaseError(
            f"De database staat op een netwerkschijf ({fs}). SQLite is daar niet betrouwbaar; "
            "gebruik een lokale schijf of PostgreSQL (DOORBRAAK_DATABASE_URL)."
        )
    if not create_private_file(path):  # SQLite gives its -wal/-shm the database file's mode
        for suffix in ("", "-wal", "-shm"):
            make_private(Path(f"{path}{suffix}"))
    protect(path)  # no export or copy is ever written over the open database


def apply_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()
