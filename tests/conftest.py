"""Shared fixtures: a migrated database on a temp SQLite file and on the real PostgreSQL server.

PostgreSQL tests get a database of their own, cloned from a migrated template (tests/databases.py), or,
where a test needs to migrate itself, a fresh empty schema; both have random names, so the parallel workers
(pytest-xdist) never share one. Locally they are skipped when no server answers; in CI (CI=true or
DOORBRAAK_REQUIRE_POSTGRES=1) a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Each Pilot test's app reuses the CSS the process parsed before (tui/css_cache.py), in memory only: the tests
# (and the processes they start) never read or write the parsed CSS kept next to the bytecode. Set before any
# import of the app.
os.environ["DOORBRAAK_CSS_CACHE"] = "memory"

import pytest
from sqlalchemy import create_engine, text

from storage.bootstrap import Database, open_database
from storage.settings import Settings
from tests.builders import TEST_ACTOR, TickingClock
from tests.databases import cloned_postgres, ensure_postgres_template, migrated_sqlite
from tests.fakes import FakeDatabase

POSTGRES_URL = os.environ.get("DOORBRAAK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("CI") == "true" or os.environ.get("DOORBRAAK_REQUIRE_POSTGRES") == "1"


# The longest tests (measured on the 2-core machine, 2026-12-06) start first: under pytest-xdist's
# `worksteal` a long test that is drawn last runs alone while the other worker idles. Then the rest of
# the Pilot and browser tests (seconds each), and the fast unit tests last, to fill the gaps at the end.
LONGEST_FIRST = (
    "tests/tui/test_plan_editor.py::test_write_a_whole_plan_by_keyboard",
    "tests/tui/test_keyboard_fuzz.py::",
    "tests/cli/test_bench_cli.py::test_quick_bench_on_sqlite",
    "tests/tui/test_tour.py::test_the_whole_tour_forward_and_back_changes_no_data",
    "tests/test_typing.py::",
    "tests/tui/test_cost_line_kind.py::test_a_free_line_becomes_an_overdracht",
    "tests/cli/test_bench_cli.py::test_quick_bench_on_postgres_with_the_load_test",
    "tests/e2e/test_serve_shared.py::",
    "tests/tui/test_cost_line_kind.py::test_an_overdracht_without_a_receiver",
)
SLOW_FOLDERS = ("tests/tui/", "tests/e2e/", "tests/release/")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml): three workers for every two cores. The tests wait about a third of their
    time (Pilot pauses, thread workers, subprocesses, the PostgreSQL server, Chromium): on the 2-core
    machine the sum of the test durations was 1,084 s against 740 s of CPU with two workers, and a third
    worker took the suite from 566 s to 450 s (2026-12-06, idle)."""
    cores = len(os.sched_getaffinity(0))
    return max(1, cores + cores // 2)


def _run_order(item: pytest.Item) -> int:
    for place, prefix in enumerate(LONGEST_FIRST):
        if item.nodeid.startswith(prefix):
            return place
    return len(LONGEST_FIRST) + (0 if item.nodeid.startswith(SLOW_FOLDERS) else 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest tests first (a stable sort: within a group the files keep their order)."""
    items.sort(key=_run_order)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real config, data or cache directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DOORBRAAK_DATABASE_URL", raising=False)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    path = migrated_sqlite(tmp_path / "test.db")
    db = open_database(Settings(database_url=f"sqlite:///{path}"), clock=TickingClock())
    yield db
    db.close()


@pytest.fixture
def fake_db() -> FakeDatabase:
    """An in-memory stand-in for a database (tests/fakes.py): for service tests that need no SQL."""
    return FakeDatabase()


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
        # Parallel workers (pytest-xdist) run this at the same moment: CREATE EXTENSION IF NOT EXISTS is not
        # safe against itself, so they take turns under a transaction-scoped advisory lock.
        connection.execute(text("SELECT pg_advisory_xact_lock(4242)"))
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


@pytest.fixture(scope="session")
def postgres_template(postgres_url: str) -> str:
    return ensure_postgres_template(postgres_url)


@pytest.fixture
def postgres_migrated_url(postgres_url: str, postgres_template: str) -> Iterator[str]:
    """A URL of a new database of its own at the newest schema (a clone of the migrated template)."""
    with cloned_postgres(postgres_url, postgres_template) as url:
        yield url


@pytest.fixture
def postgres_db(postgres_migrated_url: str) -> Iterator[Database]:
    db = open_database(Settings(database_url=postgres_migrated_url), clock=TickingClock())
    db.logged_in = TEST_ACTOR  # a shared database needs a login; tests skip the password step
    yield db
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """Runs the test on both back ends."""
    fixture = "sqlite_db" if request.param == "sqlite" else "postgres_db"
    database: Database = request.getfixturevalue(fixture)
    return database
