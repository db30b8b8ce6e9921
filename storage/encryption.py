"""Optional encryption of the SQLite file at rest with SQLCipher (`pip install -e '.[encryptie]'`).

Use the URL `sqlite+pysqlcipher:///path/doorbraak.db` and give the key outside the configuration:
the environment variable DOORBRAAK_DATABASE_KEY, or `database_key_file` (a file with 64 hex digits,
readable by its owner only, made by `doorbraak db sleutel FILE`). The key is a raw 256-bit key, so
SQLCipher skips its passphrase derivation and opening a connection stays fast.

A key next to the database it protects protects nothing against someone who copies the folder: that
is allowed (a laptop with full-disk encryption may do it) but reported as a warning.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy.engine import URL, make_url

from storage.engine import DatabaseError

KEY_ENV = "DOORBRAAK_DATABASE_KEY"
ENCRYPTED_DRIVER = "pysqlcipher"
_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")


def is_encrypted(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.get_driver_name() == ENCRYPTED_DRIVER


def sqlcipher() -> ModuleType:
    """The SQLCipher driver, or a Dutch explanation of how to install it."""
    try:
        import sqlcipher3  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise DatabaseError(
            "Deze database is versleuteld (sqlite+pysqlcipher), maar SQLCipher is niet geïnstalleerd. "
            "Installeer het met: pip install -e '.[encryptie]'."
        ) from None
    return sqlcipher3  # type: ignore[no-any-return]


def _check(key: str, where: str) -> str:
    key = key.strip()
    if not _HEX_KEY.match(key):
        raise DatabaseError(f"De databasesleutel in {where} is geen 64 hexadecimale tekens (256 bit).")
    return key.lower()


def load_key(key_file: Path | None, environ: Mapping[str, str] = os.environ) -> str:
    """The raw key (64 hex digits) from the environment or the key file; never from config.toml."""
    if environ.get(KEY_ENV):
        return _check(environ[KEY_ENV], KEY_ENV)
    if key_file is None:
        raise DatabaseError(
            f"Deze database is versleuteld. Geef de sleutel met {KEY_ENV} of met database_key_file "
            "(een sleutelbestand, te maken met 'doorbraak db sleutel BESTAND')."
        )
    path = key_file.expanduser()
    try:
        text = path.read_text(encoding="ascii")
    except OSError:
        raise DatabaseError(f"Het sleutelbestand {path} kan niet worden gelezen.") from None
    return _check(text, str(path))


def key_warnings(database: Path | None, key_file: Path | None, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Dutch warnings about where the key is kept (not errors: the owner may have good reasons)."""
    if environ.get(KEY_ENV) or key_file is None or database is None:
        return []
    warnings: list[str] = []
    path = key_file.expanduser().resolve()
    if path.parent == database.expanduser().resolve().parent:
        warnings.append(
            f"Het sleutelbestand {path.name} staat in dezelfde map als de versleutelde database: wie de map "
            "kopieert, heeft ook de sleutel. Bewaar de sleutel liever elders (of gebruik DOORBRAAK_DATABASE_KEY)."
        )
    if path.exists() and path.stat().st_mode & 0o077:
        warnings.append(f"Het sleutelbestand {path} is leesbaar voor anderen; zet de rechten op 600.")
    return warnings


def create_key_file(path: Path) -> Path:
    """Write a new random 256-bit key, readable by the owner only; never overwrites an existing key."""
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise DatabaseError(f"{path} bestaat al; een bestaande sleutel wordt nooit overschreven.") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    return path


def keyed_url(url: str, key: str) -> URL:
    """The engine URL with the raw key as SQLAlchemy's pysqlcipher 'password' (only in memory)."""
    return make_url(url).set(password=f"x'{key}'")


def connect(path: Path, key: str, *, read_only: bool = False) -> Any:
    """A DB-API connection on an encrypted file (for the backup API), the key already applied."""
    module = sqlcipher()
    target = f"file:{path}?mode=ro" if read_only else str(path)
    connection = module.connect(target, uri=read_only)
    connection.execute(f"PRAGMA key = \"x'{key}'\"")
    return connection


def encrypt_copy(plain: Path, target: Path, key: str) -> Path:
    """Write an encrypted copy of a plain SQLite database (sqlcipher_export); the original stays."""
    if target.exists():
        raise DatabaseError(f"{target} bestaat al.")
    module = sqlcipher()
    connection = module.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key}'"))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    return target
