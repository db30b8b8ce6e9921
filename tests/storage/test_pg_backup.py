"""The documented PostgreSQL backup (pg_dump / pg_restore, docs/security.md) restores a working database:
the cases are there and the audit chain still verifies."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from domain.caselist import CaseListQuery
from domain.services import households as service
from domain.services.audit import verify_audit
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.builders import TEST_ACTOR, household_draft

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")]


def _libpq(url: str, database: str | None = None) -> tuple[list[str], dict[str, str]]:
    parsed = make_url(url)
    args = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres"]
    return args + ["-d", database or parsed.database or "test"], {**os.environ, "PGPASSWORD": parsed.password or ""}


def test_pg_dump_and_pg_restore_round_trip(postgres_schema_url: str, tmp_path: Path) -> None:
    db = open_database(Settings(database_url=postgres_schema_url))
    db.logged_in = TEST_ACTOR
    created = service.create_household(parse_draft(household_draft()), db.uow(), db.actor)
    assert created.case_number
    service.get_household(created.case_number, db.uow(), db.actor)
    schema = make_url(postgres_schema_url).query["options"].split("=", 1)[1].split(",")[0]
    db.close()
    dump = tmp_path / "doorbraak.dump"
    connection, env = _libpq(postgres_schema_url)
    subprocess.run(["pg_dump", *connection, "--format=custom", f"--schema={schema}", f"--file={dump}"],
                   check=True, env=env, capture_output=True)
    target = f"restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_schema_url.split("?")[0], isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{target}"'))
    try:
        # As documented: the extensions the search needs come first (they live outside the dumped schema).
        extensions = create_engine(make_url(postgres_schema_url.split("?")[0]).set(database=target))
        with extensions.begin() as c:
            c.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            c.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
        extensions.dispose()
        connection, env = _libpq(postgres_schema_url, target)
        result = subprocess.run(["pg_restore", *connection, "--no-owner", "--exit-on-error", str(dump)],
                                env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        restored_url = make_url(postgres_schema_url).set(database=target).render_as_string(hide_password=False)
        restored = open_database(Settings(database_url=restored_url))
        restored.logged_in = TEST_ACTOR
        rows = service.list_cases(CaseListQuery(), restored.uow(), restored.actor).rows
        assert [r.case_number for r in rows] == [created.case_number]
        assert verify_audit(restored.uow(), restored.actor) == []  # same audit key file: chain intact
        restored.close()
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{target}" WITH (FORCE)'))
        admin.dispose()
