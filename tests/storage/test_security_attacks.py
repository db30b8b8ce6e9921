"""Attacks of issue 15, each tried again: an environment variable, a file, a login or a copy of the
database must not grant or hide anything. One test (or a few) per finding; each names it.

Everything is fictional (BSNs 9999xxxxx, e-mail under .example); every test runs in seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.actors import Role
from domain.services import users as service
from domain.services.users import LoginFailed
from storage.bootstrap import SAMPLE_DB, Database, demo_copy, open_database, require_oefenomgeving, reset_demo
from storage.engine import DatabaseError
from storage.installation import file_is_oefenomgeving, is_oefenomgeving, mark_oefenomgeving
from storage.settings import Settings
from tests.storage.test_users import FAST, PASSWORD, bootstrap
from tui.cli.main import app as cli

# -- finding 3: the oefenomgeving is the database's marker, never an environment variable ------------------


@pytest.fixture
def real_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A real (unmarked) database with a beheer and a trainer account, opened with DOORBRAAK_DEMO=1 set."""
    monkeypatch.setenv("DOORBRAAK_DEMO", "1")
    db = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'echt.db'}"))
    bootstrap(db)
    admin = service.authenticate(db.uow(), FAST, "beheer", PASSWORD, demo_database=False)
    service.create_user(db.uow(), admin, FAST, username="trainer", display_name="Tim Trainer",
                        role=Role.TRAINER, password=PASSWORD)
    yield db
    db.close()


def test_demo_environment_variable_does_not_make_a_real_database_the_oefenomgeving(real_db: Database) -> None:
    assert not real_db.demo
    assert not hasattr(Settings(), "demo")


def test_trainer_cannot_log_in_on_a_real_database_whatever_the_environment(real_db: Database) -> None:
    with pytest.raises(LoginFailed, match="alleen in de oefenomgeving"):
        real_db.login("trainer", PASSWORD)


def test_trainer_cli_is_refused_on_a_real_database_with_demo_set(
    real_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOORBRAAK_USER", "trainer")
    monkeypatch.setenv("DOORBRAAK_PASSWORD", PASSWORD)
    result = CliRunner().invoke(cli, ["--database", real_db.settings.database_url, "audit", "verify"])
    assert result.exit_code != 0
    assert "alleen in de oefenomgeving" in result.output


def test_reset_refuses_a_real_database_and_leaves_it_alone(real_db: Database, tmp_path: Path) -> None:
    before = (tmp_path / "echt.db").stat().st_size
    with pytest.raises(DatabaseError, match="Alleen de oefenomgeving"):
        reset_demo(real_db)
    assert (tmp_path / "echt.db").stat().st_size == before


def test_sample_db_and_its_copies_carry_the_marker(tmp_path: Path) -> None:
    assert file_is_oefenomgeving(SAMPLE_DB)
    copy = demo_copy(target_dir=tmp_path / "demo")
    assert file_is_oefenomgeving(copy)
    db = open_database(Settings(database_url=f"sqlite:///{copy}"))
    try:
        assert db.demo
    finally:
        db.close()


def test_demo_and_serve_refuse_a_sample_without_the_marker(tmp_path: Path) -> None:
    unmarked = tmp_path / "niet-demo.db"
    open_database(Settings(database_url=f"sqlite:///{unmarked}")).close()
    with pytest.raises(DatabaseError, match="geen oefenomgeving"):
        require_oefenomgeving(unmarked)
    with pytest.raises(DatabaseError, match="geen oefenomgeving"):
        demo_copy(unmarked, target_dir=tmp_path / "demo")


def test_serve_refuses_when_sample_db_lost_its_marker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tui.cli import serve

    unmarked = tmp_path / "sample.db"
    open_database(Settings(database_url=f"sqlite:///{unmarked}")).close()
    monkeypatch.setattr(serve, "SAMPLE_DB", unmarked)
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code != 0 and "geen oefenomgeving" in result.output


def test_reset_keeps_a_copy_of_the_oefenomgeving(tmp_path: Path) -> None:
    copy = demo_copy(target_dir=tmp_path / "demo")
    db = open_database(Settings(database_url=f"sqlite:///{copy}"))
    with db.engine.begin() as connection:  # something a trainer did
        connection.exec_driver_sql("INSERT INTO installation (name, value) VALUES ('oefening', 'ja')")
    fresh = reset_demo(db)
    try:
        kept = sorted(copy.parent.glob("oefenomgeving.voor-opnieuw-*.db"))
        assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0
        with sqlite3.connect(kept[0]) as old:
            assert old.execute("SELECT value FROM installation WHERE name = 'oefening'").fetchone() == ("ja",)
        assert fresh.demo
    finally:
        fresh.close()


def test_postgres_is_never_the_oefenomgeving(postgres_db: Database) -> None:
    with postgres_db.engine.begin() as connection:
        mark_oefenomgeving(connection)
    assert not is_oefenomgeving(postgres_db.engine)
