"""Fresh test databases without paying for the migrations each time (SQLite files and PostgreSQL databases).

Migrating an empty SQLite file to the newest schema runs every Alembic revision (~0.1-0.3 s); a test suite
that opens several hundred databases pays that over and over. Each test process migrates one template
once and copies its file for every new database: the copy is byte for byte what the migrations wrote (they
insert nothing that depends on the test, e.g. no audit key), and `open_database` then finds it current.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from storage.bootstrap import open_database
from storage.settings import Settings

_template: Path | None = None


def _migrated_template() -> Path:
    global _template
    if _template is None:
        directory = Path(tempfile.mkdtemp(prefix="doorbraak-template-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        path = directory / "migrated.db"
        open_database(Settings(database_url=f"sqlite:///{path}", audit_key_file=directory / "audit.key")).close()
        _template = path
    return _template


def migrated_sqlite(path: Path) -> Path:
    """Put an empty database at the newest schema at `path` (unless a file is already there); returns `path`."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_template(), path)
    return path


# -- PostgreSQL: one migrated template database, cloned for each test ---------------------------------------
# Migrating a fresh schema costs ~0.4 s (about 150 DDL statements); cloning a database that is already at the
# newest schema costs ~0.04 s (CREATE DATABASE … TEMPLATE, PostgreSQL's WAL_LOG strategy copies the few pages).
# The template's name carries a hash of the migration files, so a changed migration builds a new template and
# a run never clones a schema that its own migrations would not have made. The parallel workers take turns
# building it under an advisory lock; it is kept between runs (the CI machine's server outlives a run).

MIGRATIONS = Path(__file__).resolve().parents[1] / "storage" / "migrations"
TEMPLATE_PREFIX = "doorbraak_test_template_"
KEPT_TEMPLATES = 3
"""Templates kept on the server: this run's and the two newest of other migration files."""


def template_name() -> str:
    digest = hashlib.sha256()
    for path in sorted(MIGRATIONS.rglob("*.py")):
        digest.update(path.relative_to(MIGRATIONS).as_posix().encode())
        digest.update(path.read_bytes())
    return TEMPLATE_PREFIX + digest.hexdigest()[:16]


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def ensure_postgres_template(server_url: str) -> str:
    """The name of a database at the newest schema (with the extensions the schema needs), built once."""
    name = template_name()
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(4243)"))
            try:
                exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
                if exists.first() is None:
                    _build_template(connection, server_url, name)
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(4243)"))
    finally:
        admin.dispose()
    return name


def _build_template(connection: Connection, server_url: str, name: str) -> None:
    building = f"{name}_building"
    connection.execute(text(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)'))
    connection.execute(text(f'CREATE DATABASE "{building}"'))
    url = with_database(server_url, building)
    extensions = create_engine(url)
    with extensions.begin() as setup:
        setup.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        setup.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
    extensions.dispose()
    open_database(Settings(database_url=url)).close()
    # Only a finished template gets its name: a run that dies while building leaves "…_building" behind.
    connection.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
    # Templates of other migration files: another checkout (a branch with a new migration) may be testing
    # against this server right now, so the newest few stay; older ones go.
    older = connection.execute(
        text("SELECT datname FROM pg_database WHERE datname LIKE :p AND datname <> :n ORDER BY oid DESC"),
        {"p": TEMPLATE_PREFIX + "%", "n": name},
    ).scalars().all()[KEPT_TEMPLATES - 1:]
    connection.execute(text("SET lock_timeout = '1s'"))  # a template another run is cloning right now stays
    for old in older:
        with contextlib.suppress(DBAPIError):
            connection.execute(text(f'DROP DATABASE "{old}"'))


@contextlib.contextmanager
def cloned_postgres(server_url: str, template: str) -> Iterator[str]:
    """A new database cloned from the template; dropped afterwards (with any connection a test left open)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        try:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY WAL_LOG'))
        except DBAPIError:  # dropped by a run of other migration files in the meantime: build it again
            template = ensure_postgres_template(server_url)
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY WAL_LOG'))
    try:
        yield with_database(server_url, name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
