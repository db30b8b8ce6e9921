"""Concepts of forms being typed, kept on the workstation so they survive a crash of the app or a lost
connection to the database (the form offers to restore them the next time it opens).

One small JSON file per (database, user, case) in the user's data directory, written atomically and
readable by the owner only; the file name is a hash, so it carries no case number or name. A draft is
removed as soon as the form is saved or its edits are discarded. Off (`local_drafts = false`) or for an
encrypted database nothing is written: a plain copy beside an encrypted file would defeat it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from domain.jsondata import JsonObject


class LocalDrafts:
    def __init__(self, directory: Path, scope: str) -> None:
        self.directory = directory
        self.scope = scope
        """Which database this is (its URL without password): drafts of another database never mix in."""

    def path(self, username: str, key: str) -> Path:
        digest = hashlib.sha256(f"{self.scope}\n{username}\n{key}".encode()).hexdigest()[:32]
        return self.directory / f"{digest}.json"

    def save(self, username: str, key: str, content: JsonObject) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.path(username, key)
        fd, tmp = tempfile.mkstemp(prefix=".concept.", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(content, fh, ensure_ascii=False, default=str)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self, username: str, key: str) -> JsonObject | None:
        try:
            data = json.loads(self.path(username, key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # none, or unreadable (then it is not worth an error: the database is the truth)
        return data if isinstance(data, dict) else None

    def discard(self, username: str, key: str) -> None:
        self.path(username, key).unlink(missing_ok=True)
