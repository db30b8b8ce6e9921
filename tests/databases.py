"""Fresh test databases without paying for the migrations each time.

Migrating an empty SQLite file to the newest schema runs every Alembic revision (~0.1-0.3 s); a test suite
that opens several hundred databases pays that over and over. Each test process migrates one template
once and copies its file for every new database: the copy is byte for byte what the migrations wrote (they
insert nothing that depends on the test, e.g. no audit key), and `open_database` then finds it current.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from storage.bootstrap import open_database
from storage.settings import Settings

_template: Path | None = None


def _migrated_template() -> Path:
    global _template
    if _template is None:
        directory = Path(tempfile.mkdtemp(prefix="doorbraak-template-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        path = directory / "migrated.db"
        open_database(Settings(database_url=f"sqlite:///{path}", audit_key_file=directory / "audit.key")).close()
        _template = path
    return _template


def migrated_sqlite(path: Path) -> Path:
    """Put an empty database at the newest schema at `path` (unless a file is already there); returns `path`."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_template(), path)
    return path
