"""Attacks of issue 15, each tried again: an environment variable, a file, a login or a copy of the
database must not grant or hide anything. One test (or a few) per finding; each names it.

Everything is fictional (BSNs 9999xxxxx, e-mail under .example); every test runs in seconds.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.actors import Role
from domain.services import users as service
from domain.services.users import LoginFailed
from storage.bootstrap import SAMPLE_DB, Database, demo_copy, open_database, require_oefenomgeving, reset_demo
from storage.engine import DatabaseError
from storage.files import FileRefused, write_file
from storage.installation import file_is_oefenomgeving, is_oefenomgeving, mark_oefenomgeving
from storage.settings import Settings
from storage.users import Argon2PasswordHasher
from tests.storage.users_support import FAST, PASSWORD, bootstrap
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


# -- finding 7: one safe writer for every file ---------------------------------------------------------------


def test_writer_creates_a_private_file_under_a_random_temp_name(tmp_path: Path) -> None:
    target = tmp_path / "inzage.json"
    planted = tmp_path / "elders.txt"
    planted.write_text("van iemand anders")
    (tmp_path / "inzage.json.tmp").symlink_to(planted)  # the old predictable temp name, planted
    write_file(target, b'{"bsn": "999993653"}')
    assert planted.read_text() == "van iemand anders"
    assert target.read_bytes() == b'{"bsn": "999993653"}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".inzage.json.")]


def test_writer_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("eerder")
    with pytest.raises(FileRefused, match="bestaat al.*--overschrijf"):
        write_file(target, b"nieuw")
    assert target.read_text() == "eerder"
    write_file(target, b"nieuw", overwrite=True)
    assert target.read_text() == "nieuw"


def test_writer_never_writes_onto_a_link_a_directory_or_a_device(tmp_path: Path) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("blijft")
    link = tmp_path / "link.json"
    link.symlink_to(victim)
    with pytest.raises(FileRefused, match="koppeling"):
        write_file(link, b"x", overwrite=True)
    assert victim.read_text() == "blijft"
    with pytest.raises(FileRefused, match="is een map"):
        write_file(tmp_path, b"x", overwrite=True)
    with pytest.raises(FileRefused, match="geen gewoon bestand"):
        write_file(Path("/dev/null"), b"x", overwrite=True)
    with pytest.raises(FileRefused, match="bestaat niet"):
        write_file(tmp_path / "nergens" / "x.json", b"x")


def test_cli_case_export_refuses_the_open_database_and_existing_files(tmp_path: Path) -> None:
    database = tmp_path / "echt.db"
    url = f"sqlite:///{database}"
    db = open_database(Settings(database_url=url))
    from domain.services import households
    from tests.builders import household_draft

    saved = households.create_household(household_draft("Familie Export"), db.uow(), db.actor)
    db.close()
    size = database.stat().st_size
    runner = CliRunner()
    result = runner.invoke(cli, ["--database", url, "case", "export", saved.case_number, "-o", str(database),
                                 "--overschrijf"])
    assert result.exit_code != 0 and "geopende database" in result.output
    assert database.stat().st_size == size
    out = tmp_path / "casus.json"
    out.write_text("eerder")
    result = runner.invoke(cli, ["--database", url, "case", "export", saved.case_number, "-o", str(out)])
    assert result.exit_code != 0 and "--overschrijf" in result.output and out.read_text() == "eerder"
    result = runner.invoke(cli, ["--database", url, "case", "export", saved.case_number, "-o", str(out),
                                 "--overschrijf"])
    assert result.exit_code == 0, result.output
    assert "Familie Export" in out.read_text() and stat.S_IMODE(out.stat().st_mode) == 0o600
    result = runner.invoke(cli, ["--database", url, "case", "export", saved.case_number, "-o", "/dev/null",
                                 "--overschrijf"])
    assert result.exit_code != 0 and "geen gewoon bestand" in result.output


def test_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "doorbraak"
    db = open_database(Settings(database_url=f"sqlite:///{folder / 'doorbraak.db'}"))
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in ("doorbraak.db", "doorbraak.db-wal"):
            if (folder / name).exists():
                assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    finally:
        db.close()


def test_backup_is_private_and_never_replaces_a_file_silently(tmp_path: Path) -> None:
    from storage import backup as backups

    url = f"sqlite:///{tmp_path / 'echt.db'}"
    open_database(Settings(database_url=url)).close()
    target = backups.backup(url, tmp_path / "kopie.db")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileRefused, match="bestaat al"):
        backups.backup(url, target)
    backups.backup(url, target, overwrite=True)


# -- finding 6: a login never tells whether an account exists, is locked or is switched off -------------------


MOMENT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # one moment: the back-off lasts through the test


def _refusal(db: Database, username: str, password: str, hasher: Argon2PasswordHasher) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(LoginFailed) as refused:
        service.authenticate(db.uow(), hasher, username, password, demo_database=False, now=lambda: MOMENT)
    return str(refused.value), time.perf_counter() - started


def test_login_answers_alike_for_unknown_wrong_locked_and_deactivated(sqlite_db: Database) -> None:
    real = Argon2PasswordHasher()  # the production cost: the dummy hash has the same parameters
    assert not real.needs_rehash(service.DUMMY_HASH_FOR_TIMING)
    service.create_user(sqlite_db.uow(), sqlite_db.actor, real, username="beheer", display_name="B",
                        role=Role.BEHEER, password=PASSWORD)
    admin = service.authenticate(sqlite_db.uow(), real, "beheer", PASSWORD, demo_database=False)
    for name in ("avries", "uitgezet", "geblokt"):
        service.create_user(sqlite_db.uow(), admin, real, username=name, display_name=name,
                            role=Role.PROFESSIONAL, password=PASSWORD, municipality_codes=frozenset({"GM0363"}))
    service.set_active(sqlite_db.uow(), admin, "uitgezet", False)
    for _ in range(3):
        _refusal(sqlite_db, "geblokt", "fout wachtwoord!", real)
    cases = {
        "onbekend": ("bestaatniet", PASSWORD),
        "fout": ("avries", "fout wachtwoord!"),
        "geblokkeerd": ("geblokt", PASSWORD),  # even the right password while locked
        "uitgezet": ("uitgezet", PASSWORD),
    }
    messages: dict[str, str] = {}
    fastest: dict[str, float] = {}
    for _ in range(3):  # interleaved, the fastest of three: robust against a busy machine
        for case, (username, password) in cases.items():
            messages[case], seconds = _refusal(sqlite_db, username, password, real)
            fastest[case] = min(fastest.get(case, seconds), seconds)
    assert len(set(messages.values())) == 1, messages
    reference = fastest["fout"]
    for case, seconds in fastest.items():
        assert 0.6 * reference < seconds < 1.6 * reference, (case, fastest)
