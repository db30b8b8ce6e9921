"""Accounts, argon2id login with back-off, and shared databases that require a login."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher as Argon2Hasher
from sqlalchemy import event
from typer.testing import CliRunner

from domain.access import AccessDenied
from domain.actors import Role
from domain.errors import InvalidInput
from domain.services import users as service
from domain.services.users import LoginFailed
from storage.bootstrap import Database, open_database
from storage.settings import Settings
from storage.users import Argon2PasswordHasher
from tests.storage.users_support import FAST, PASSWORD, bootstrap, login
from tui.cli.main import app


def test_first_account_must_be_beheer(db: Database) -> None:
    with pytest.raises(InvalidInput, match="eerste account"):
        service.create_user(
            db.uow(), db.actor, FAST, username="piet", display_name="Piet", role=Role.PROFESSIONAL, password=PASSWORD
        )
    bootstrap(db)
    admin = login(db, "beheer", PASSWORD)
    assert admin.role is Role.BEHEER
    service.create_user(
        db.uow(),
        admin,
        FAST,
        username="fbouzid",
        display_name="Fatima Bouzid",
        role=Role.PROFESSIONAL,
        password=PASSWORD,
        municipality_codes=frozenset({"GM0363"}),
        team="Wijkteam Oost",
    )
    actor = login(db, "FBouzid ", PASSWORD)
    assert actor.municipality_codes == frozenset({"GM0363"}) and actor.team == "Wijkteam Oost"
    with pytest.raises(AccessDenied):
        service.create_user(db.uow(), actor, FAST, username="x1", display_name="X", role=Role.BEHEER, password=PASSWORD)


def test_weak_password_and_bad_username_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="minstens 12"):
        service.create_user(
            db.uow(), db.actor, FAST, username="beheer", display_name="B", role=Role.BEHEER, password="kort"
        )
    with pytest.raises(InvalidInput, match="gebruikersnaam"):
        service.create_user(
            db.uow(), db.actor, FAST, username="Robert'); DROP", display_name="B", role=Role.BEHEER, password=PASSWORD
        )


def test_wrong_password_backs_off_and_is_logged(db: Database) -> None:
    bootstrap(db)
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    for _ in range(3):
        with pytest.raises(LoginFailed, match="onjuist"):
            login(db, "beheer", "fout wachtwoord!!", at=start)
    with pytest.raises(LoginFailed, match="onjuist, of het account is"):  # locked: the same answer
        login(db, "beheer", PASSWORD, at=start + timedelta(seconds=1))
    assert login(db, "beheer", PASSWORD, at=start + timedelta(seconds=3)).username == "beheer"
    with pytest.raises(LoginFailed, match="onjuist"):  # the message never reveals whether an account exists
        login(db, "bestaatniet", PASSWORD)
    with db.uow() as uow:
        outcomes = [r.event.outcome for r in uow.audit.records("user") if r.event.kind.value == "login"]
    assert outcomes.count("geweigerd") == 4 and outcomes.count("geblokkeerd") == 1 and outcomes[-2] == "ok"


def test_deactivated_and_trainer_accounts(db: Database) -> None:
    bootstrap(db)
    admin = login(db, "beheer", PASSWORD)
    service.create_user(
        db.uow(), admin, FAST, username="trainer", display_name="T", role=Role.TRAINER, password=PASSWORD
    )
    with pytest.raises(LoginFailed, match="oefenomgeving"):
        login(db, "trainer", PASSWORD)
    assert login(db, "trainer", PASSWORD, demo=True).role is Role.TRAINER
    service.set_active(db.uow(), admin, "trainer", False)
    with pytest.raises(LoginFailed):
        login(db, "trainer", PASSWORD, demo=True)


def test_outdated_hash_is_upgraded_at_login(fake_db: Database) -> None:
    bootstrap(fake_db)
    strong = Argon2PasswordHasher(Argon2Hasher(time_cost=2, memory_cost=2048, parallelism=1))
    service.authenticate(fake_db.uow(), strong, "beheer", PASSWORD, demo_database=False)
    with fake_db.uow() as uow:
        stored = uow.users.password_hash("beheer")
    assert stored is not None and "t=2" in stored


def test_two_logins_of_one_user_at_once_both_succeed_when_the_hash_is_upgraded(db: Database) -> None:
    """Two tabs of `serve --gedeeld` log the same person in at the same moment, and the stored hash is
    outdated: both logins upgrade it. The second one's upgrade used to fail the whole login on the row's
    version check (StaleDataError: 'Inloggen lukte niet door een storing', seen with ten tabs at once); now
    the first upgrade stands and both log in."""
    bootstrap(db)
    strong = Argon2PasswordHasher(Argon2Hasher(time_cost=2, memory_cost=2048, parallelism=1))
    other_tab: list[str] = []

    def meanwhile(conn: object, cursor: object, statement: str, *_: object) -> None:
        """Right before this login writes the new hash, the other tab (another session, as another process
        would be) logs the same user in from start to end."""
        if statement.lstrip().upper().startswith("UPDATE APP_USER") and not other_tab:
            other_tab.append("bezig")
            with ThreadPoolExecutor(1) as tab:
                actor = tab.submit(service.authenticate, db.uow(), strong, "beheer", PASSWORD,
                                   demo_database=False).result()
            other_tab.append(actor.username)

    event.listen(db.engine, "before_cursor_execute", meanwhile)
    try:
        first = service.authenticate(db.uow(), strong, "beheer", PASSWORD, demo_database=False)
    finally:
        event.remove(db.engine, "before_cursor_execute", meanwhile)
    assert first.username == "beheer" and other_tab == ["bezig", "beheer"]
    with db.uow() as uow:
        stored = uow.users.password_hash("beheer")
    assert stored is not None and "t=2" in stored and strong.verify(stored, PASSWORD)


def test_a_database_with_accounts_requires_login_in_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    db = open_database(Settings(database_url=url))
    assert not db.requires_login
    bootstrap(db)
    db.close()
    runner = CliRunner()
    result = runner.invoke(app, ["--database", url, "case", "list"])
    assert result.exit_code == 1 and "DOORBRAAK_PASSWORD" in result.stderr
    monkeypatch.setenv("DOORBRAAK_USER", "beheer")
    monkeypatch.setenv("DOORBRAAK_PASSWORD", "verkeerd wachtwoord")
    result = runner.invoke(app, ["--database", url, "user", "list"])
    assert result.exit_code == 1 and "onjuist" in result.stderr
    monkeypatch.setenv("DOORBRAAK_PASSWORD", PASSWORD)
    result = runner.invoke(app, ["--database", url, "user", "list"])
    assert result.exit_code == 0 and "beheer" in result.stdout
    result = runner.invoke(app, ["--database", url, "case", "list"])  # beheer sees no case content
    assert result.exit_code == 1 and "Beheerder" in result.stderr


@pytest.mark.postgres
def test_postgres_always_requires_login(postgres_migrated_url: str) -> None:
    db = open_database(Settings(database_url=postgres_migrated_url))
    assert db.requires_login
    with pytest.raises(AccessDenied):
        from domain.caselist import CaseListQuery
        from domain.services.households import list_cases

        list_cases(CaseListQuery(), db.uow(), db.actor)
    db.close()
