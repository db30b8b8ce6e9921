"""The newest schema revision as the migration files name it, read without Alembic or SQLAlchemy: the cheap
answer to "is this database current?" at every start (storage/migrate.py's `ensure_current`, and the raw SQLite
reader of `case show`, storage/raw_case.py). storage/migrate.py re-exports these names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

REVISION_LINE = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def newest_revision() -> str | None:
    """The `revision` of the highest-numbered migration file (files are numbered `NNNN_name.py`, one head),
    read with a regular expression: the cheap answer to "is this database current?" at every start. Only a
    guess to be confirmed — `ensure_current` falls back to `declared_heads` and Alembic when it differs.
    tests/storage/test_migrate_fast.py checks it is Alembic's head."""
    numbered = sorted(p for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
    if not numbered:
        return None
    found = REVISION_LINE.search(numbered[-1].read_text(encoding="utf-8"))
    return found.group(1) if found else None
