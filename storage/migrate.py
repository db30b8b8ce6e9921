"""Schema migrations (Alembic), run from code: `doorbraak db upgrade` and on opening an older database."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from storage.engine import DatabaseError, is_sqlite, sqlite_path
from storage.files import create_private_file
from storage.schema_revision import MIGRATIONS_DIR as MIGRATIONS_DIR
from storage.schema_revision import REVISION_LINE as REVISION_LINE
from storage.schema_revision import newest_revision as newest_revision

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a schema is created, upgraded or inspected: its import (with every
# dialect's DDL module) was a third of the app's start-up, and a current database needs none of it.


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


@cache
def declared_heads() -> frozenset[str]:
    """The head revisions as the migration files declare them (`revision`, `down_revision`), read without
    importing Alembic or the migrations. tests/storage/test_migrate_fast.py checks it equals Alembic's."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        assignments = {
            target.id: node.value
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        if "revision" not in assignments:
            continue
        revisions.add(ast.literal_eval(assignments["revision"]))
        down = ast.literal_eval(assignments["down_revision"]) if "down_revision" in assignments else None
        parents.update(down if isinstance(down, tuple | list) else [down] if down else [])
    return frozenset(revisions - parents)


def stored_revisions(engine: Engine) -> set[str] | None:
    """The revisions recorded in the database's alembic_version table; None when it has none (yet)."""
    try:
        with engine.connect() as connection:
            return {str(row[0]) for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except DBAPIError:
        return None


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction per run."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


ALLOW_DOWNGRADE_FOR_TESTS = "doorbraak_tests_may_downgrade"
"""Set to True in an Alembic config's attributes, a test may downgrade (to build a database from before a
migration); nothing in doorbraak sets it."""

DOWNGRADE_REFUSED = (
    "Een database terugzetten naar een oudere schemaversie kan niet: doorbraak werkt een schema alleen bij. "
    "Wilt u terug naar een oudere versie van doorbraak, zet dan de back-up terug van vóór de upgrade "
    "(SQLite: het bestand NAAM.voor-upgrade-TIJD.db naast de database; PostgreSQL: uw pg_dump van vóór de "
    "upgrade). Zie docs/deployment.md, 'Upgrades'."
)


def downgrade(engine: Engine, revision: str) -> None:
    """Alembic's downgrade, which the migration environment refuses (DatabaseError, DOWNGRADE_REFUSED)
    before any step runs; there for `doorbraak db downgrade`, which says so instead of trying."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def backup_sqlite(engine: Engine, suffix: str) -> Path | None:
    """Copy a SQLite database with VACUUM INTO (safe while it is open, unlike a file copy)."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{suffix}-{stamp}{path.suffix}")
    create_private_file(target)  # VACUUM INTO fills an empty file and keeps its mode 0600
    with engine.connect() as connection:
        connection.exec_driver_sql("VACUUM INTO ?", (str(target),))
    return target


def ensure_current(engine: Engine) -> Path | None:
    """Create or upgrade the schema. An older SQLite database is backed up first; returns the backup path.

    A database written by a newer doorbraak is refused rather than damaged.
    """
    stored = stored_revisions(engine)
    if stored is not None and stored == {newest_revision()}:
        return None  # the common case: one query and one small file read, no Alembic, no parsing
    if stored == set(declared_heads()):
        return None  # answered without Alembic
    heads = head_revisions()
    if is_empty(engine):
        upgrade(engine)
        return None
    current = current_revisions(engine)
    if current == heads:
        return None
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseError(
            "Deze database is gemaakt met een nieuwere versie van doorbraak "
            f"(schema {', '.join(sorted(unknown))}). Werk doorbraak bij."
        )
    backup = backup_sqlite(engine, "voor-upgrade") if is_sqlite(str(engine.url)) else None
    upgrade(engine)
    return backup
