"""Upgrade from every earlier schema revision, on SQLite and PostgreSQL, with data.

For each revision the test builds a database at exactly that revision (Alembic, step by step from empty),
writes a household with a member, a problem and an organisation into whatever columns the tables have
then, and opens it the way the app does (`open_database`: upgrade after a backup copy). The household must
come back whole through the services, also through the case list's search (its index is built by a later
migration for rows that already exist). The revisions are read from the migration folder, so a migration
another branch adds is covered without touching this file. Downgrades are refused in Dutch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, create_engine, text
from typer.testing import CliRunner

from domain.caselist import CaseListQuery
from storage.bootstrap import open_database
from storage.engine import DatabaseError
from storage.migrate import DOWNGRADE_REFUSED, alembic_config, declared_heads, downgrade, stored_revisions
from storage.settings import Settings
from tests.builders import TEST_ACTOR
from tui.cli.main import app


def older_revisions() -> list[str]:
    """Every revision but the head, oldest first (read from storage/migrations/versions)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    ordered = [rev.revision for rev in script.walk_revisions()][::-1]
    return [rev for rev in ordered if rev not in declared_heads()]


REVISIONS = older_revisions()
CASE = "DB-2025-000042"
KNOWN: dict[str, dict[str, Any]] = {
    "household": {
        "case_number": CASE, "name": "Familie Oudeversie", "sort_name": "familie oudeversie",
        "municipality_code": "GM0363", "municipality_name": "Amsterdam", "street": "Kerkstraat",
        "house_number": "12", "postcode": "1017 GC", "city": "Amsterdam", "status": "in_behandeling",
        "professional": "Anna de Vries", "team": "Centrum", "version": 1,
        "search_text": f"{CASE.lower()} familie oudeversie amsterdam anna de vries 1017gc kerkstraat amsterdam "
                       "petra oudeversie",
    },
    "member": {"position": 0, "name": "Petra Oudeversie", "date_of_birth": date(1984, 3, 15),
               "role": "hoofdbewoner", "bsn": "999993653"},
    "problem": {"position": 0, "leefgebied": "financien", "score": 2, "since": date(2024, 5, 1),
                "description": "Huurachterstand van vier maanden"},
    "involved_organisation": {"position": 0, "name": "Woonstad", "type": "woningcorporatie",
                              "legal_framework": "Overig", "product": "Huurovereenkomst",
                              "yearly_cost": Decimal("0")},
}


def filler(column: sa.Column[Any]) -> Any:
    """A value for a required column a later migration added and this test does not know by name."""
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer | sa.Numeric):
        return 0
    if isinstance(kind, sa.DateTime):
        return datetime(2025, 6, 1, tzinfo=UTC)
    if isinstance(kind, sa.Date):
        return date(2025, 6, 1)
    if isinstance(kind, sa.JSON):
        return {}
    return ""


def write_data(engine: Engine) -> None:
    """The household into the tables as they are at this revision (columns it lacks are left out)."""
    metadata = sa.MetaData()
    metadata.reflect(engine, only=list(KNOWN))
    now = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
    with engine.begin() as connection:
        household_id = None
        for name, known in KNOWN.items():
            table = metadata.tables[name]
            values: dict[str, Any] = {}
            for column in table.columns:
                if column.primary_key:
                    continue
                if column.name in known:
                    values[column.name] = known[column.name]
                elif column.name == "household_id":
                    values[column.name] = household_id
                elif column.name in ("created_at", "updated_at"):
                    values[column.name] = now
                elif not column.nullable and column.server_default is None:
                    values[column.name] = filler(column)
            result = connection.execute(table.insert().values(**values))
            if name == "household":
                household_id = result.inserted_primary_key[0]


def build_at(url: str, revision: str) -> None:
    from alembic import command

    engine = create_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    assert stored_revisions(engine) == {revision}
    write_data(engine)
    engine.dispose()


def check_upgraded(url: str, tmp_path: Path, *, postgres: bool) -> None:
    db = open_database(Settings(database_url=url, audit_key_file=tmp_path / "audit.key"))
    try:
        assert stored_revisions(db.engine) == set(declared_heads())
        if postgres:
            db.logged_in = TEST_ACTOR
        else:
            assert db.backup_path is not None and db.backup_path.exists()  # the copy before the upgrade
        services = db.services
        household = services.households.get(CASE)
        assert household.name == "Familie Oudeversie"
        assert [(m.name, m.bsn, m.date_of_birth) for m in household.members] == [
            ("Petra Oudeversie", "999993653", date(1984, 3, 15))]
        assert [(p.leefgebied, p.score) for p in household.problems] == [("financien", 2)]
        assert [o.name for o in household.organisations] == ["Woonstad"]
        found = services.households.list(CaseListQuery(text="oudeversie"))
        assert [row.case_number for row in found.rows] == [CASE]
        assert services.audit.verify() == []
    finally:
        db.close()


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_sqlite(revision: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oud.db'}"
    build_at(url, revision)
    check_upgraded(url, tmp_path, postgres=False)


@pytest.fixture
def schema_url(postgres_url: str) -> Iterator[str]:
    schema = f"u_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{sep}options=-csearch_path%3D{schema},public"
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_postgres(revision: str, schema_url: str, tmp_path: Path) -> None:
    build_at(schema_url, revision)
    check_upgraded(schema_url, tmp_path, postgres=True)


def test_every_revision_is_covered() -> None:
    """The list is the migration folder: one per file but the head (a new migration joins by itself)."""
    files = [p for p in (Path(__file__).resolve().parents[2] / "storage/migrations/versions").glob("*.py")
             if p.name != "__init__.py"]
    assert len(REVISIONS) == len(files) - 1 >= 12 - 1


def test_a_downgrade_is_refused_in_dutch_and_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw.db'}"
    db = open_database(Settings(database_url=url, audit_key_file=tmp_path / "audit.key"))
    try:
        with pytest.raises(DatabaseError) as refused:
            downgrade(db.engine, REVISIONS[-1])
        assert refused.value.message == DOWNGRADE_REFUSED and "kan niet" in DOWNGRADE_REFUSED
        assert stored_revisions(db.engine) == set(declared_heads())
    finally:
        db.close()
    result = CliRunner().invoke(app, ["-d", url, "db", "downgrade", REVISIONS[0]])
    assert result.exit_code == 1 and "terugzetten naar een oudere schemaversie kan niet" in result.output
