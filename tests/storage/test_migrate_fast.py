"""Opening a current database answers the schema question without Alembic (start-up time), and the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storage.bootstrap import Database, open_database
from storage.migrate import declared_heads, head_revisions, newest_revision, stored_revisions
from storage.settings import Settings

ROOT = Path(__file__).resolve().parent.parent.parent


def test_declared_heads_are_alembics_heads() -> None:
    assert declared_heads() == head_revisions()


def test_the_newest_migration_file_is_the_head() -> None:
    # A new migration is numbered after the head it builds on (COMMON rules); start-up trusts this file.
    assert {newest_revision()} == head_revisions()


def test_stored_revisions(db: Database, tmp_path: Path) -> None:
    assert stored_revisions(db.engine) == head_revisions()
    empty = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'leeg.db'}"))
    with empty.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
    assert stored_revisions(empty.engine) is None
    empty.close()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    open_database(Settings(database_url=url, audit_key_file=tmp_path / "audit.key")).close()  # created: Alembic
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from storage.bootstrap import open_database\n"
        "from storage.settings import Settings\n"
        f"open_database(Settings(database_url={url!r}, audit_key_file=Path({str(tmp_path / 'audit.key')!r}))).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_migration_history_has_one_head() -> None:
    # Two heads mean two migrations were written side by side: merge them (down_revision a tuple), or a
    # database upgraded along one branch and the code disagree about "current".
    assert len(declared_heads()) == 1, f"more than one Alembic head: {sorted(declared_heads())}"
