"""`doorbraak case show X --json` on a SQLite file takes the raw reader (storage/raw_case.py): in a fresh process
it loads no SQLAlchemy, and it answers like the ORM path — output, Dutch messages, exit codes, audit rows."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storage.audit import load_or_create_key
from storage.bootstrap import SAMPLE_DB

ORM_ONLY = "import storage.raw_case as raw\nraw.database_file = lambda settings: None\n"
"""Prepended to the script: the raw reader declines every database, so the command takes the ORM path."""

NOT_FOR_RAW_CASE_SHOW = ("sqlalchemy", "sqlmodel", "alembic", "fpdf", "textual", "argon2", "babel", "stdnum",
                         "storage.bootstrap", "storage.tables", "storage.plans", "domain.household",
                         "domain.plan", "domain.case_document", "typer.rich_utils")


def run(arguments: list[str], env: dict[str, str], *, orm: bool = False) -> subprocess.CompletedProcess[str]:
    script = (
        (ORM_ONLY if orm else "")
        + "import sys\n"
        "from tui.cli.main import main\n"
        f"sys.argv = ['doorbraak', *{arguments!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('MODULES ' + ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300,
                          check=False, stdin=subprocess.DEVNULL)


def split(done: subprocess.CompletedProcess[str]) -> tuple[str, set[str]]:
    lines = done.stderr.splitlines()
    modules = {line for line in lines if line.startswith("MODULES ")}
    return "\n".join(line for line in lines if not line.startswith("MODULES ")), set(
        modules.pop().split()[1:]) if modules else set()


@pytest.fixture
def twins(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """Two copies of sample.db in a private folder, one audit key."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    key = folder / "audit.key"
    load_or_create_key(key)
    raw, orm = folder / "raw.db", folder / "orm.db"
    shutil.copyfile(SAMPLE_DB, raw)
    shutil.copyfile(SAMPLE_DB, orm)
    return {**os.environ, "DOORBRAAK_AUDIT_KEY_FILE": str(key)}, raw, orm


def audit_rows(path: Path) -> list[tuple[Any, ...]]:
    """Without the moment and the hashes (the two runs are not at the same microsecond)."""
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT seq, kind, object_type, object_id, username, role, outcome, purpose, break_glass, changes_digest "
            "FROM audit_log ORDER BY seq").fetchall()


def without_moment(text: str) -> Any:
    document = json.loads(text)
    document.pop("exported_at")
    return document


def test_case_show_json_reads_without_sqlalchemy_and_writes_what_the_orm_path_writes(
        twins: tuple[dict[str, str], Path, Path]) -> None:
    env, raw, orm = twins
    for number, reason in (("DB-2026-000005", ""), ("DB-2025-000001", "controle na een melding")):
        arguments = ["case", "show", number.lower(), "--json", *(["--reden", reason] if reason else [])]
        fast = run(["-d", f"sqlite:///{raw}", *arguments], env)
        slow = run(["-d", f"sqlite:///{orm}", *arguments], env, orm=True)
        fast_err, loaded = split(fast)
        slow_err, slow_loaded = split(slow)
        assert fast.returncode == slow.returncode == 0, fast_err + slow_err
        assert "storage.raw_case" in loaded and "storage.plans" in slow_loaded
        assert not [name for name in NOT_FOR_RAW_CASE_SHOW if name in loaded]
        assert without_moment(fast.stdout) == without_moment(slow.stdout)
        assert fast.stdout.splitlines()[:3] == slow.stdout.splitlines()[:3]  # the text too, but the moment
        assert fast.stdout.splitlines()[4:] == slow.stdout.splitlines()[4:]
        assert fast_err == slow_err
    assert audit_rows(raw) == audit_rows(orm)
    assert [row[7] for row in audit_rows(raw)][-1] == "controle na een melding"


@pytest.mark.parametrize("number", ["DB-2026-999999", "xyz", "DB-2026-00000%", " "])
def test_unknown_or_bad_case_numbers_give_the_same_message_and_exit(
        twins: tuple[dict[str, str], Path, Path], number: str) -> None:
    env, raw, orm = twins
    fast = run(["-d", f"sqlite:///{raw}", "case", "show", number, "--json"], env)
    slow = run(["-d", f"sqlite:///{orm}", "case", "show", number, "--json"], env, orm=True)
    assert fast.returncode == slow.returncode != 0
    assert split(fast)[0] == split(slow)[0]
    assert fast.stdout == slow.stdout == ""
    assert "storage.raw_case" in split(fast)[1] and "sqlalchemy" not in split(fast)[1]
    assert audit_rows(raw) == audit_rows(orm) == []


def test_a_missing_file_a_database_with_logins_and_a_folder_others_can_read_answer_as_before(
        tmp_path: Path, twins: tuple[dict[str, str], Path, Path]) -> None:
    env, raw, orm = twins
    # A missing file: the ORM path creates an empty database, as it always did, and the case does not exist.
    fast = run(["-d", f"sqlite:///{tmp_path / 'data' / 'new-a.db'}", "case", "show", "DB-2026-000005", "--json"],
               env)
    slow = run(["-d", f"sqlite:///{tmp_path / 'data' / 'new-b.db'}", "case", "show", "DB-2026-000005", "--json"],
               env, orm=True)
    assert (fast.returncode, split(fast)[0]) == (slow.returncode, split(slow)[0]) == (
        1, "Fout: Casus DB-2026-000005 bestaat niet.")
    # Accounts: a login is needed, which only the ORM path does.
    for path in (raw, orm):
        with sqlite3.connect(path) as connection:
            connection.execute(
                "INSERT INTO app_user (username, display_name, role, team, password_hash, active, failed_logins, "
                "version) VALUES ('jan', 'Jan', 'professional', '', 'x', 1, 0, 1)")
    fast = run(["-d", f"sqlite:///{raw}", "case", "show", "DB-2026-000005", "--json"], env)
    slow = run(["-d", f"sqlite:///{orm}", "case", "show", "DB-2026-000005", "--json"], env, orm=True)
    assert (fast.returncode, split(fast)[0]) == (slow.returncode, split(slow)[0])
    assert fast.returncode == 1 and "inloggen" in split(fast)[0]
    # A folder others may read: the same warning, then the case.
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    shutil.copyfile(SAMPLE_DB, shared / "raw.db")
    shutil.copyfile(SAMPLE_DB, shared / "orm.db")
    fast = run(["-d", f"sqlite:///{shared / 'raw.db'}", "case", "show", "DB-2026-000005", "--json"], env)
    slow = run(["-d", f"sqlite:///{shared / 'orm.db'}", "case", "show", "DB-2026-000005", "--json"], env, orm=True)
    assert fast.returncode == slow.returncode == 0
    assert split(fast)[0].replace("raw.db", "X") == split(slow)[0].replace("orm.db", "X")
    assert "Waarschuwing: De map van de database" in split(fast)[0]
    assert oct(os.stat(shared / "raw.db").st_mode & 0o777) == oct(os.stat(shared / "orm.db").st_mode & 0o777)


def test_a_missing_audit_key_stops_the_view_as_on_the_orm_path(twins: tuple[dict[str, str], Path, Path],
                                                              tmp_path: Path) -> None:
    env, raw, orm = twins
    run(["-d", f"sqlite:///{raw}", "case", "show", "DB-2026-000005", "--json"], env)
    run(["-d", f"sqlite:///{orm}", "case", "show", "DB-2026-000005", "--json"], env, orm=True)
    elsewhere = {**env, "DOORBRAAK_AUDIT_KEY_FILE": str(tmp_path / "gone.key")}
    fast = run(["-d", f"sqlite:///{raw}", "case", "show", "DB-2026-000005", "--json"], elsewhere)
    slow = run(["-d", f"sqlite:///{orm}", "case", "show", "DB-2026-000005", "--json"], elsewhere, orm=True)
    assert fast.returncode == slow.returncode == 1
    assert split(fast)[0] == split(slow)[0] and "sleutelbestand" in split(fast)[0]
    assert fast.stdout == slow.stdout == ""
    assert audit_rows(raw) == audit_rows(orm)  # nothing recorded without the key


def test_processes_viewing_at_once_keep_one_chain(twins: tuple[dict[str, str], Path, Path]) -> None:
    env, raw, _ = twins
    script = ("import sys\nfrom tui.cli.main import main\n"
              f"sys.argv = ['doorbraak', '-d', 'sqlite:///{raw}', 'case', 'show', 'DB-2026-000005', '--json']\n"
              "main()\n")
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for _ in range(6)]
    for process in runs:
        assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    verify = subprocess.run([sys.executable, "-m", "tui", "-d", f"sqlite:///{raw}", "audit", "verify"], env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert [row[0] for row in audit_rows(raw)] == list(range(1, 6 * 3 + 1))  # household + 2 plan versions, each
