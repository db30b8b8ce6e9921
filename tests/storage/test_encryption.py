"""SQLCipher at rest: an encrypted file cannot be read without its key, and backs up and restores encrypted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.caselist import CaseListQuery
from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.engine import DatabaseError
from storage.settings import Settings
from tests.builders import TEST_ACTOR
from tui.cli.main import app

pytest.importorskip("sqlcipher3", reason="SQLCipher (the 'encryptie' extra) is not installed")

NAME = "Huishouden Geheimhouding"


def encrypted_settings(path: Path, key_file: Path) -> Settings:
    return Settings(database_url=f"sqlite+pysqlcipher:///{path}", database_key_file=key_file)


def make_key(tmp_path: Path, name: str = "sleutel.hex") -> Path:
    keys = tmp_path / "keys"
    result = CliRunner().invoke(app, ["db", "sleutel", str(keys / name)])
    assert result.exit_code == 0, result.output
    return keys / name


def test_an_encrypted_file_cannot_be_read_without_its_key(tmp_path: Path) -> None:
    key_file = make_key(tmp_path)
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert CliRunner().invoke(app, ["db", "sleutel", str(key_file)]).exit_code != 0  # never overwritten
    path = tmp_path / "data" / "geheim.db"
    db = open_database(encrypted_settings(path, key_file))
    service.create_household(parse_draft({"name": NAME, "municipality_code": "GM0363",
                              "members": [{"name": "Mila Geheim", "date_of_birth": "1990-01-01",
                                           "bsn": "999993653"}]}), db.uow(), TEST_ACTOR)
    db.close()
    raw = b"".join(p.read_bytes() for p in path.parent.glob("geheim.db*"))
    assert NAME.encode() not in raw and b"999993653" not in raw and b"SQLite format 3" not in raw
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as plain:
        plain.execute("select * from household").fetchall()
    other = make_key(tmp_path, "andere.hex")
    with pytest.raises(DatabaseError, match="sleutel past niet"):
        open_database(encrypted_settings(path, other))
    with pytest.raises(DatabaseError, match="DOORBRAAK_DATABASE_KEY"):
        open_database(Settings(database_url=f"sqlite+pysqlcipher:///{path}"))
    again = open_database(encrypted_settings(path, key_file))
    assert [r.name for r in service.list_cases(CaseListQuery(), again.uow(), TEST_ACTOR).rows] == [NAME]
    again.close()


def test_encrypted_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = make_key(tmp_path)
    monkeypatch.setenv("DOORBRAAK_DATABASE_KEY", key_file.read_text().strip())
    path = tmp_path / "geheim.db"
    url = f"sqlite+pysqlcipher:///{path}"
    db = open_database(Settings(database_url=url))
    service.create_household(parse_draft({"name": NAME, "municipality_code": "GM0363"}), db.uow(), TEST_ACTOR)
    runner = CliRunner()
    backup = tmp_path / "kopie.db"
    result = runner.invoke(app, ["--database", url, "backup", "-o", str(backup)])  # while it is open
    db.close()
    assert result.exit_code == 0, result.output
    assert NAME.encode() not in backup.read_bytes() and not backup.read_bytes().startswith(b"SQLite format 3")
    restored = tmp_path / "hersteld.db"
    restored_url = f"sqlite+pysqlcipher:///{restored}"
    result = runner.invoke(app, ["--database", restored_url, "restore", str(backup), "--ja"])
    assert result.exit_code == 0, result.output
    db = open_database(Settings(database_url=restored_url))
    assert [r.name for r in service.list_cases(CaseListQuery(), db.uow(), TEST_ACTOR).rows] == [NAME]
    db.close()
    monkeypatch.setenv("DOORBRAAK_DATABASE_KEY", "ab" * 32)  # the wrong key: refused, nothing replaced
    result = runner.invoke(app, ["--database", restored_url, "restore", str(backup), "--ja"])
    assert result.exit_code == 1 and "sleutel past er niet bij" in result.stderr


def test_encrypt_a_plain_database_and_warn_about_a_key_next_to_it(tmp_path: Path) -> None:
    plain = tmp_path / "gewoon.db"
    db = open_database(Settings(database_url=f"sqlite:///{plain}"))
    service.create_household(parse_draft({"name": NAME, "municipality_code": "GM0363"}), db.uow(), TEST_ACTOR)
    db.close()
    key_file = tmp_path / "naast-de-database.hex"
    runner = CliRunner()
    assert runner.invoke(app, ["db", "sleutel", str(key_file)]).exit_code == 0
    target = tmp_path / "versleuteld.db"
    result = runner.invoke(app, ["--database", f"sqlite:///{plain}", "db", "versleutel", "--naar", str(target),
                                 "--sleutel", str(key_file)])
    assert result.exit_code == 0, result.output
    assert NAME.encode() not in target.read_bytes()
    db = open_database(encrypted_settings(target, key_file))
    assert [r.name for r in service.list_cases(CaseListQuery(), db.uow(), TEST_ACTOR).rows] == [NAME]
    assert any("dezelfde map" in w for w in db.warnings)
    db.close()
