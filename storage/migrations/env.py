"""Alembic environment: runs on the connection handed in by storage.migrate (or a URL from alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from storage import (
    case_tables,  # noqa: F401
    dashboard_tables,  # noqa: F401
    people_tables,  # noqa: F401
    plan_tables,  # noqa: F401
    register_tables,  # noqa: F401
    tables,  # noqa: F401  (registers the tables on the metadata)
)
from storage.engine import DatabaseError
from storage.migrate import ALLOW_DOWNGRADE_FOR_TESTS, DOWNGRADE_REFUSED

config = context.config
target_metadata = SQLModel.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    _refuse_downgrades()
    with context.begin_transaction():
        context.run_migrations()


def _refuse_downgrades() -> None:
    """doorbraak only ever moves a schema forward: a downgrade (`alembic downgrade`, from code or the command
    line) is refused before any step runs, in Dutch; going back means restoring the backup made before the
    upgrade (docs/deployment.md, Upgrades)."""
    if config.attributes.get(ALLOW_DOWNGRADE_FOR_TESTS):
        return  # a test building a database from before a migration (never set by doorbraak itself)
    migration_context = context.get_context()
    steps_of = migration_context._migrations_fn
    if steps_of is None:
        return

    def forward_only(heads, ctx):  # type: ignore[no-untyped-def]
        steps = list(steps_of(heads, ctx))
        if any(not step.is_upgrade for step in steps):
            raise DatabaseError(DOWNGRADE_REFUSED)
        return steps

    migration_context._migrations_fn = forward_only


run_migrations()
