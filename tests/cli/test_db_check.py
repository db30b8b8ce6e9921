"""`doorbraak db check` on a healthy and on a broken database, SQLite and PostgreSQL (real files, real server).

Each check is one Dutch line starting with ok or fout; exit 0 only when every line is ok.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from storage import backup as backups
from storage.bootstrap import SAMPLE_DB, Database
from storage.rls import GROUPS, Names, secure
from tests.builders import closed_case
from tui.cli.main import app


def check(db: Database, *extra: str) -> tuple[int, dict[str, str]]:
    """Run the command; returns the exit code and {check name: 'ok …' / 'fout …'}."""
    result = CliRunner().invoke(app, ["-d", db.settings.database_url, "db", "check", *extra])
    lines = [line for line in result.stdout.splitlines() if line.startswith(("ok", "fout"))]
    assert lines, result.output
    parsed = {line.split(None, 1)[1].split(":", 1)[0]: line for line in lines}
    return result.exit_code, parsed


@pytest.fixture
def prefix(db: Database) -> Iterator[str]:
    """PostgreSQL: `db beveilig` with roles of its own, dropped afterwards (roles live in the whole cluster)."""
    name = f"c{uuid.uuid4().hex[:8]}"
    if db.is_postgres:
        secure(db.engine, name)
    yield name
    if db.is_postgres:
        with db.engine.begin() as connection:
            for role in [Names(name).group(r) for r in GROUPS]:
                connection.execute(text(f'DROP OWNED BY "{role}"'))
                connection.execute(text(f'DROP ROLE "{role}"'))


def fresh_backup(db: Database, folder: Path) -> list[str]:
    """A backup made now: `doorbraak backup` beside a SQLite file, a dump file in a folder for PostgreSQL."""
    if db.is_postgres:
        folder.mkdir(exist_ok=True)
        (folder / "doorbraak-2026-12-06.dump").write_bytes(b"PGDMP")
        return ["--backup-map", str(folder)]
    backups.backup(db.settings.database_url)
    return []


def test_a_healthy_database_is_all_ok(db: Database, prefix: str, tmp_path: Path) -> None:
    closed_case(db, "Recent", "Overig", date.today() - timedelta(days=30))  # kept for years yet
    options = fresh_backup(db, tmp_path / "dumps")
    code, lines = check(db, "--prefix", prefix, *options)
    assert code == 0, lines
    assert all(line.startswith("ok") for line in lines.values()), lines
    expected = {"Eén migratiegeschiedenis", "Schema bijgewerkt", "Sleutel van het logboek", "Logboek intact",
                "Bewaartermijnen", "Back-up jonger dan 1 dag"}
    assert expected <= set(lines)
    assert ("Rijbeveiliging (RLS)" in lines) == db.is_postgres
    assert "de nieuwste" in lines["Schema bijgewerkt"]


def test_a_broken_database_says_what_is_wrong_and_exits_1(db: Database, prefix: str, tmp_path: Path) -> None:
    closed_case(db, "Oud", "Overig", date(2015, 1, 1))  # 5 years after closing: long overdue
    options = fresh_backup(db, tmp_path / "dumps")
    stale = time.time() - 3 * 86400
    for old in (tmp_path / "dumps").glob("*") if db.is_postgres else backups.other_backups(db.settings.database_url):
        os.utime(old, (stale, stale))
    Path(db.settings.audit_key_file).write_text(secrets.token_hex(32))  # another organisation's key
    if db.is_postgres:
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE household NO FORCE ROW LEVEL SECURITY"))

    code, lines = check(db, "--prefix", prefix, *options)
    assert code == 1
    assert lines["Eén migratiegeschiedenis"].startswith("ok")
    assert lines["Schema bijgewerkt"].startswith("ok")
    assert lines["Logboek intact"].startswith("fout")  # the chain does not hold under this key
    assert lines["Bewaartermijnen"].startswith("fout") and "1 gesloten casussen" in lines["Bewaartermijnen"]
    assert lines["Back-up jonger dan 1 dag"].startswith("fout") and "3 dagen oud" in lines["Back-up jonger dan 1 dag"]
    if db.is_postgres:
        assert lines["Rijbeveiliging (RLS)"].startswith("fout") and "household" in lines["Rijbeveiliging (RLS)"]


def test_an_old_schema_a_missing_key_and_no_backup(sqlite_db: Database) -> None:
    closed_case(sqlite_db, "Recent", "Overig", date.today())
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0011_audit_guard'"))
    Path(sqlite_db.settings.audit_key_file).unlink()
    code, lines = check(sqlite_db)
    assert code == 1
    assert lines["Schema bijgewerkt"].startswith("fout") and "db upgrade" in lines["Schema bijgewerkt"]
    assert lines["Sleutel van het logboek"].startswith("fout") and "ontbreekt" in lines["Sleutel van het logboek"]
    assert lines["Logboek intact"].startswith("fout") and "niet gecontroleerd" in lines["Logboek intact"]
    assert lines["Back-up jonger dan 1 dag"].startswith("fout") and "geen back-up" in lines["Back-up jonger dan 1 dag"]


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nergens.db"
    result = CliRunner().invoke(app, ["-d", f"sqlite:///{missing}", "db", "check"])
    assert result.exit_code == 1
    assert "fout  Schema bijgewerkt: nog geen database" in result.stdout
    assert not missing.exists()
    version = CliRunner().invoke(app, ["-d", f"sqlite:///{missing}", "--versie"])
    assert version.exit_code == 0 and "Database: SQLite" in version.stdout and not missing.exists()


def test_a_cell_changed_by_hand_is_named_and_the_recount_repairs_it(tmp_path: Path) -> None:
    """`db check` names the municipality whose dashboard sums differ; `db dashboard-herbouw` recounts (exit 0);
    on a path without a database it makes none and says so (exit 1); an extra argument is refused (exit 2)."""
    copy = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE_DB, copy)
    url = f"sqlite:///{copy}"
    runner = CliRunner()
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE dashboard_cell SET n = n + 5 WHERE municipality_code = 'GM0344' AND "
                           "figure = 'caseload.status' AND since = '9999-12-31' AND due = '0001-01-01'")
    found = runner.invoke(app, ["-d", url, "db", "check"])
    assert "fout  Dashboardcijfers: wijken af van de huishoudens in GM0344" in found.stdout
    repaired = runner.invoke(app, ["-d", url, "db", "dashboard-herbouw"])
    assert repaired.exit_code == 0 and "opnieuw geteld" in repaired.stdout
    assert "ok    Dashboardcijfers" in runner.invoke(app, ["-d", url, "db", "check"]).stdout
    missing = tmp_path / "elders" / "geen.db"
    refused = runner.invoke(app, ["-d", f"sqlite:///{missing}", "db", "dashboard-herbouw"])
    assert refused.exit_code == 1 and "geen database" in refused.output and not missing.parent.exists()
    assert runner.invoke(app, ["-d", url, "db", "dashboard-herbouw", "extra"]).exit_code == 2
