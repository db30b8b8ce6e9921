"""Backup and restore of SQLite files: online copy, integrity checks, restore keeps the old file aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.errors import DomainError
from domain.services import households as service
from domain.services.households import parse_draft
from storage import backup as backups
from storage.bootstrap import open_database
from storage.settings import Settings
from tui.cli.main import app


def test_backup_while_open_and_restore(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    db = open_database(Settings(database_url=url))
    service.create_household(
        parse_draft({"name": "Voor de back-up", "municipality_code": "GM0014"}), db.uow(), db.actor)
    target = backups.backup(url, tmp_path / "b.db")  # the app still holds the database open
    service.create_household(parse_draft({"name": "Na de back-up", "municipality_code": "GM0014"}), db.uow(), db.actor)
    db.close()

    safety = backups.restore(url, target)
    assert safety is not None and safety.exists()
    db = open_database(Settings(database_url=url))
    from domain.caselist import CaseListQuery

    names = [r.name for r in service.list_cases(CaseListQuery(), db.uow(), db.actor).rows]
    assert names == ["Voor de back-up"]
    db.close()
    kept = open_database(Settings(database_url=f"sqlite:///{safety}"))
    assert service.list_cases(CaseListQuery(), kept.uow(), kept.actor).total == 2
    kept.close()


def test_restore_refuses_a_damaged_or_foreign_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    open_database(Settings(database_url=url)).close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DomainError, match="geen doorbraak-database"):
        backups.restore(url, junk)
    with pytest.raises(DomainError, match="bestaat niet"):
        backups.restore(url, tmp_path / "missing.db")


def test_postgres_is_pointed_to_pg_dump() -> None:
    with pytest.raises(DomainError, match="pg_dump"):
        backups.backup("postgresql+psycopg://postgres@127.0.0.1/test")


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    open_database(Settings(database_url=url)).close()
    runner = CliRunner()
    result = runner.invoke(app, ["--database", url, "backup", "-o", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and "Back-up gemaakt" in result.stdout
    result = runner.invoke(app, ["--database", url, "restore", str(tmp_path / "x.db"), "--ja"])
    assert result.exit_code == 0 and "Teruggezet" in result.stdout
