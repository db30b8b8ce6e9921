"""Shared fixtures: a migrated database on a temp SQLite file and on the real PostgreSQL server.

PostgreSQL tests use a fresh schema per test. Locally they are skipped when no server answers;
in CI (CI=true or DOORBRAAK_REQUIRE_POSTGRES=1) a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from domain.actors import Actor, Role
from storage.bootstrap import Database, open_database
from storage.settings import Settings

POSTGRES_URL = os.environ.get("DOORBRAAK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("CI") == "true" or os.environ.get("DOORBRAAK_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real config, data or cache directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DOORBRAAK_DATABASE_URL", raising=False)


class TickingClock:
    """A deterministic clock: starts at a fixed moment and moves one second per call."""

    def __init__(self, start: datetime = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'test.db'}"), clock=TickingClock())
    yield db
    db.close()


def _postgres_available() -> bool:
    try:
        engine = create_engine(POSTGRES_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> str:
    if not _postgres_available():
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required in CI but does not answer at {POSTGRES_URL}")
        pytest.skip("PostgreSQL server not reachable")
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        # Extensions live in public so every test schema can see their operator classes.
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema (plus public for extensions)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{sep}options=-csearch_path%3D{schema},public"
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


# Tests act with every permission (as the single-user owner does) unless they test access itself.
TEST_ACTOR = Actor(username="test", display_name="Test Eigenaar", role=Role.EIGENAAR)


@pytest.fixture
def postgres_db(postgres_schema_url: str) -> Iterator[Database]:
    db = open_database(Settings(database_url=postgres_schema_url), clock=TickingClock())
    db.logged_in = TEST_ACTOR  # a shared database needs a login; tests skip the password step
    yield db
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """Runs the test on both back ends."""
    fixture = "sqlite_db" if request.param == "sqlite" else "postgres_db"
    database: Database = request.getfixturevalue(fixture)
    return database
