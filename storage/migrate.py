"""Schema migrations (Alembic), run from code: `doorbraak db upgrade` and on opening an older database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from storage.engine import DatabaseError, is_sqlite, sqlite_path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction per run."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def backup_sqlite(engine: Engine, suffix: str) -> Path | None:
    """Copy a SQLite database with VACUUM INTO (safe while it is open, unlike a file copy)."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{suffix}-{stamp}{path.suffix}")
    with engine.connect() as connection:
        connection.exec_driver_sql("VACUUM INTO ?", (str(target),))
    return target


def ensure_current(engine: Engine) -> Path | None:
    """Create or upgrade the schema. An older SQLite database is backed up first; returns the backup path.

    A database written by a newer doorbraak is refused rather than damaged.
    """
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
