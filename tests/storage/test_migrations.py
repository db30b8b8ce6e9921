"""Migrations from code: fresh databases, upgrades of older ones with a backup, refusal of newer ones."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from domain.errors import DomainError
from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.engine import make_engine
from storage.migrate import (
    ALLOW_DOWNGRADE_FOR_TESTS,
    alembic_config,
    current_revisions,
    ensure_current,
    head_revisions,
)
from storage.settings import Settings


def test_fresh_database_is_at_head(tmp_path: Path) -> None:
    db = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'fresh.db'}"))
    assert current_revisions(db.engine) == head_revisions()
    assert db.backup_path is None
    db.close()


def test_sqlite_pragmas_are_durable(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # Ten `serve --gedeeld` sessions logging in at once on a loaded machine waited more than 5 s for the
        # write lock ("Inloggen lukte niet door een storing", SQLITE_BUSY): a writer now waits up to 30 s.
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    if len(list(alembic_config_revisions())) < 2:
        pytest.fail("expected more than one migration")
    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_households")
    engine.dispose()
    db = open_database(Settings(database_url=f"sqlite:///{path}"))
    service.create_household(parse_draft({"name": "Na de upgrade", "municipality_code": "GM0344"}), db.uow(), db.actor)
    assert current_revisions(db.engine) == head_revisions()
    assert db.backup_path is not None and db.backup_path.exists()
    with sqlite3.connect(db.backup_path) as backup:
        assert backup.execute("select version_num from alembic_version").fetchall() == [("0001_households",)]
    db.close()


def alembic_config_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    return [rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()]


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    open_database(Settings(database_url=url)).close()
    with sqlite3.connect(tmp_path / "newer.db") as connection:
        connection.execute("delete from alembic_version")
        connection.execute("insert into alembic_version values ('zzzz_future')")
    engine = make_engine(url)
    with pytest.raises(DomainError, match="nieuwere versie"):
        ensure_current(engine)
    engine.dispose()


def test_network_file_system_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import storage.sqlite_file as sqlite_file  # the file checks of the engine and of the raw reader

    monkeypatch.setattr(sqlite_file, "filesystem_type", lambda path: "nfs4")
    with pytest.raises(DomainError, match="netwerkschijf"):
        make_engine(f"sqlite:///{tmp_path / 'x.db'}")


def test_filesystem_type_of_tmp_is_known(tmp_path: Path) -> None:
    from storage.engine import filesystem_type

    assert filesystem_type(tmp_path) is not None


@pytest.mark.postgres
def test_postgres_database_is_at_head(postgres_db) -> None:  # type: ignore[no-untyped-def]
    assert current_revisions(postgres_db.engine) == head_revisions()


def test_upgrade_to_0009_keeps_plans_and_leaves_old_done_actions_without_a_day(tmp_path: Path) -> None:
    """A database from before 0009 with a done action and realised costs: after the upgrade the action has no
    day (it is not known) and the costs no split; both load, and the dashboard counts them honestly."""
    from datetime import date

    from domain.dashboard import REALISED_UNSPLIT
    from domain.plan import ActionStatus
    from domain.services import plans as plan_service
    from domain.services.dashboard import dashboard
    from tests.builders import TickingClock
    from tests.storage.dashboard_data import _decided_plan, _household

    path = tmp_path / "before-0009.db"
    url = f"sqlite:///{path}"
    db = open_database(Settings(database_url=url), clock=TickingClock())  # registered 1 November 2026
    case = _household(db, "Huishouden Oud", "Fatima Bouzid")
    plan = _decided_plan(db, case, date(2026, 10, 20))
    plan = plan_service.set_action_status(case, "a1", ActionStatus.GEDAAN, plan.version, db.uow(), db.actor,
                                          today=date(2026, 11, 1))
    plan_service.record_evaluation(case, {"moment": 3, "rapportcijfer": 6, "realised_costs": "250.00"},
                                   plan.version, db.uow(), db.actor)
    db.close()
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes[ALLOW_DOWNGRADE_FOR_TESTS] = True  # doorbraak itself refuses downgrades
        command.downgrade(config, "0008_case_search")
    with engine.connect() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(plan_action)"))}
        assert "done_on" not in columns and "0009_done_on" not in current_revisions(engine)
    engine.dispose()

    db = open_database(Settings(database_url=url))
    assert current_revisions(db.engine) == head_revisions() and db.backup_path is not None
    upgraded = plan_service.get_plan(case, db.uow(), db.actor)
    assert upgraded.actions[0].status is ActionStatus.GEDAAN and upgraded.actions[0].done_on is None
    assert upgraded.evaluations[-1].realised_costs == Decimal("250.00")
    assert upgraded.evaluations[-1].realised_by_payer == {}
    d = dashboard("GM0344", date(2026, 10, 1), date(2026, 11, 30), db.uow(), db.actor, today=date(2026, 11, 30))
    assert (d.lead_time.done.n, d.lead_time.pending) == (0, 1)  # done, but on an unknown day
    assert [(r.key, r.realised) for r in d.realised.per_payer if r.realised] == [
        (REALISED_UNSPLIT, Decimal("250.00"))]
    # Marked done again after the upgrade: now it gets its day.
    plan = plan_service.set_action_status(case, "a2", ActionStatus.GEDAAN, upgraded.version, db.uow(), db.actor,
                                          today=date(2026, 11, 10))
    d = dashboard("GM0344", date(2026, 10, 1), date(2026, 11, 30), db.uow(), db.actor, today=date(2026, 11, 30))
    assert (d.lead_time.done.n, d.lead_time.done.max_days) == (1, 21)
    db.close()


def test_upgrade_to_0016_keeps_decided_plans_and_adds_an_empty_mandate_register(tmp_path: Path) -> None:
    """A database from before 0016 with a decided plan (decision by name only): after the upgrade the plan and
    its children are intact, the decision names no register entry, and the register exists and is empty."""
    from datetime import date

    from domain.services import mandates
    from domain.services import plans as plan_service
    from tests.builders import TickingClock
    from tests.storage.dashboard_data import _decided_plan, _household

    url = f"sqlite:///{tmp_path / 'before-0016.db'}"
    db = open_database(Settings(database_url=url), clock=TickingClock())
    case = _household(db, "Huishouden Oud", "Fatima Bouzid")
    before = _decided_plan(db, case, date(2026, 10, 20))
    db.close()
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes[ALLOW_DOWNGRADE_FOR_TESTS] = True  # doorbraak itself refuses downgrades
        command.downgrade(config, "0015_cost_kind")
    with engine.connect() as connection:
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert "mandate" not in tables
        assert connection.execute(text("SELECT count(*) FROM plan_action")).scalar() == len(before.actions)
    engine.dispose()

    db = open_database(Settings(database_url=url))
    assert current_revisions(db.engine) == head_revisions() and db.backup_path is not None
    upgraded = plan_service.get_plan(case, db.uow(), db.actor)
    assert upgraded.decision is not None and upgraded.decision.decided_by == "Sanne de Wit"
    assert upgraded.decision.mandate_id is None and len(upgraded.actions) == len(before.actions)
    assert upgraded.rekensom == before.rekensom
    assert mandates.list_mandates(db.uow(), db.actor) == []
    db.close()


MADE_OUTSIDE_THE_MODELS = ("_fts", "installation", "ix_household_search_trgm", "ix_register_contact_search",
                           "search_grams", "search_vector")
"""What the migrations make that no SQLModel class describes: the full-text search of each back end (SQLite's
FTS5 tables, PostgreSQL's trigram index, letter-pair array and tsvector column) and the installation table."""


def _name(difference: tuple[object, ...]) -> str:
    for part in reversed(difference):
        name = getattr(part, "name", None)
        if isinstance(name, str):
            return name
    return ""


def test_the_migrations_make_what_the_models_describe(db) -> None:  # type: ignore[no-untyped-def]
    """Every table, column and index of the models exists after the migrations, and nothing else (apart from
    what is made outside the models), on SQLite and PostgreSQL: an index added to a model but not to a
    migration (or the other way round) would otherwise only show as a slow figure."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from storage import case_tables, people_tables, plan_tables, register_tables, tables  # noqa: F401

    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    structural = [d for d in differences if isinstance(d, tuple) and not (
        str(d[0]).startswith("remove_") and any(part in _name(d) for part in MADE_OUTSIDE_THE_MODELS))]
    assert structural == []
