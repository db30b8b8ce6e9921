"""Checkpoints of the audit chain outside the database: what anchors its end.

The chain itself (storage/audit.py) shows any edit of a record, and the head only moves forward
(migration 0011). But whoever controls the database completely (a copy of the SQLite file, the owner role
with its triggers dropped, a restore of an older backup) can cut the end off and make the head agree.
That is caught only by something kept elsewhere: a checkpoint file per day with the head's sequence
number and hash, signed with the audit key (HMAC), written by `doorbraak audit verify --checkpoint`
into a folder outside the database (by default `logboek-ankers/` beside the SQLite file; for PostgreSQL in
the user's data folder; better still a folder only the beheerder can write, or a copy sent off the machine).
Every later check compares the database with all checkpoints kept there: a record that a checkpoint saw
must still be there with the same hash, and the head may not be behind it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, text

from storage.audit import usable_key
from storage.engine import sqlite_path
from storage.files import make_private_directory, write_file
from storage.settings import APP_NAME

FOLDER = "logboek-ankers"


@dataclass(frozen=True)
class Checkpoint:
    database: str
    sequence: int
    hash: str
    at: datetime

    def message(self) -> bytes:
        return f"doorbraak-anker|{self.database}|{self.sequence}|{self.hash}|{self.at.isoformat()}".encode()


def default_folder(engine: Engine) -> Path:
    path = sqlite_path(engine.url.render_as_string(hide_password=True)) if engine.dialect.name == "sqlite" else None
    if path is not None and not str(path).startswith("file:"):
        return path.resolve().parent / FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME)) / FOLDER


def database_id(engine: Engine) -> str:
    """Which database a checkpoint belongs to (its location, never a password)."""
    url = engine.url
    if engine.dialect.name == "sqlite" and url.database:
        return f"sqlite:{Path(url.database).resolve()}"
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def _file_prefix(database: str) -> str:
    return f"anker-{hashlib.sha256(database.encode()).hexdigest()[:12]}-"


def _sign(key: bytes, checkpoint: Checkpoint) -> str:
    return hmac.new(key, checkpoint.message(), hashlib.sha256).hexdigest()


def _head(engine: Engine) -> tuple[int, str]:
    with engine.connect() as connection:
        row = connection.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    return int(row[0]), str(row[1])


def check(engine: Engine, key: bytes, folder: Path) -> list[str]:
    """Dutch problems: every checkpoint in `folder` for this database must still hold."""
    key = usable_key(key)
    database = database_id(engine)
    head_sequence, _ = _head(engine)
    problems: list[str] = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.glob(f"{_file_prefix(database)}*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            checkpoint = Checkpoint(database=str(data["database"]), sequence=int(data["seq"]),
                                    hash=str(data["hash"]), at=datetime.fromisoformat(str(data["at"])))
            signature = str(data["mac"])
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(f"Ankerpunt {path.name} is onleesbaar.")
            continue
        if checkpoint.database != database or not hmac.compare_digest(signature, _sign(key, checkpoint)):
            problems.append(f"Ankerpunt {path.name} is niet met deze sleutel ondertekend of is gewijzigd.")
            continue
        with engine.connect() as connection:
            found = connection.execute(text("SELECT hash FROM audit_log WHERE seq = :seq"),
                                       {"seq": checkpoint.sequence}).scalar_one_or_none()
        gone = found is None or found != checkpoint.hash or head_sequence < checkpoint.sequence
        if checkpoint.sequence > 0 and gone:
            problems.append(
                f"Het logboek is ingekort, gewist of teruggezet: record {checkpoint.sequence} uit het ankerpunt van "
                f"{checkpoint.at.date().isoformat()} ({path.name}) ontbreekt of is anders."
            )
    return problems


def write(engine: Engine, key: bytes, folder: Path, *, now: datetime | None = None) -> tuple[Checkpoint, Path]:
    """Write (or replace) today's checkpoint for this database; returns it and its file."""
    key = usable_key(key)
    sequence, head_hash = _head(engine)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    checkpoint = Checkpoint(database=database_id(engine), sequence=sequence, hash=head_hash, at=moment)
    make_private_directory(folder)
    target = folder / f"{_file_prefix(checkpoint.database)}{moment.date().isoformat()}.json"
    body = {"database": checkpoint.database, "seq": sequence, "hash": head_hash, "at": moment.isoformat(),
            "mac": _sign(key, checkpoint)}
    write_file(target, (json.dumps(body, indent=2) + "\n").encode("utf-8"), overwrite=True)
    return checkpoint, target
