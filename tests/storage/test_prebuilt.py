"""Prebuilt reads on the driver's cursor (storage/prebuilt.py) return exactly what SQLAlchemy's execute returns,
and the repositories built on them exactly what their ORM paths build; a driver error stays SQLAlchemy's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field
from sqlalchemy import Column, Integer, MetaData, String, Table, select, text
from sqlalchemy.exc import DBAPIError

from domain.caselist import CaseListQuery, CaseSort
from domain.household import HouseholdStatus
from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from storage import households as household_storage
from storage import plans as plan_storage
from storage.bootstrap import Database, open_database
from storage.prebuilt import Prebuilt, construct
from storage.seed import seed_file
from storage.settings import Settings
from tests.builders import DECISION_REQUEST, HOUSEHOLD, complete_content, grant_mandate, problem_id


def typed(rows: Any) -> list[list[tuple[str, Any]]]:
    """Rows with each value's type beside it: 1 and True, or 1.5 and Decimal('1.5'), must not pass as equal."""
    return [[(type(value).__name__, value) for value in row] for row in rows]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prebuilt") / "seeded.db"
    seed_file(path, households=24, seed=2026)
    return path


@pytest.fixture
def seeded_db(seeded: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "copy.db"
    copy.write_bytes(seeded.read_bytes())
    return open_database(Settings(database_url=f"sqlite:///{copy}", audit_key_file=tmp_path / "audit.key"))


def with_plan(db: Database) -> str:
    """A household with a decided plan and a second (concept) version: every child table has rows."""
    household = household_service.create_household(parse_draft(HOUSEHOLD), db.uow(), db.actor)
    case = household.case_number
    assert case is not None
    content = complete_content(problem_id(household, "financien"))
    content["rekensom"]["lines"][1]["quantity"] = "2.5"
    content["rekensom"]["discount_rate"] = "0.0300"
    plan = plan_service.start_plan(case, db.uow(), db.actor, content=content)
    plan = plan_service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), grant_mandate(db.uow, db.actor))
    plan_service.new_plan_version(case, db.uow(), db.actor)
    return case


def reads(db: Database, case_numbers: list[str]) -> int:
    """Compare every prebuilt read of the hot paths with `Connection.execute` of the same statement."""
    compared = 0
    with db.uow() as uow:
        connection = uow.session.connection()
        for number in case_numbers:
            household_id = connection.execute(text("SELECT id FROM household WHERE case_number = :n"),
                                              {"n": number}).scalar_one()
            plan_ids = list(connection.execute(text("SELECT id FROM maatwerkplan WHERE household_id = :h"),
                                               {"h": household_id}).scalars())
            checks: list[tuple[Prebuilt, dict[str, Any]]] = [
                (household_storage._HOUSEHOLD_ROW, {"case_number": number}),
                (plan_storage._NEWEST_PLAN, {"case_number": number}),
                (plan_storage._VERSIONS, {"case_number": number}),
                *((read, {"household_id": household_id}) for read in household_storage._CHILD_ROWS.values()),
                *((read, {"plan_id": plan_id}) for read in plan_storage._CHILD_ROWS.values() for plan_id in plan_ids),
            ]
            for read, params in checks:
                expected = connection.execute(read.statement, params).all()
                assert typed(read.rows(connection, params)) == typed(expected)
                assert read.records(connection, params) == [tuple(row) for row in expected]
                compared += len(expected)
    return compared


def opened(db: Database, case_numbers: list[str]) -> None:
    """The repositories' prebuilt paths build exactly what their ORM paths (the writers') build."""
    with db.uow() as uow:
        for number in case_numbers:
            from_rows = uow.households.get(number)
            assert repr(from_rows) == repr(uow.households._to_domain(uow.households._row(number)))
            plan = uow.plans.current(number)
            if plan is None:
                continue
            assert repr(plan) == repr(uow.plans.get(number, plan.plan_version))
            orm_versions = [uow.plans.get(number, v.plan_version) for v in uow.plans.versions(number)]
            assert [(v.plan_version, v.status, v.decided_on, v.version) for v in uow.plans.versions(number)] == [
                (p.plan_version, p.status, p.decision.decided_on if p.decision else None, p.version)
                for p in orm_versions
            ]


def test_seeded_sqlite_reads_match_sqlalchemy_and_the_orm(seeded_db: Database) -> None:
    with seeded_db.uow() as uow:
        numbers = [r.case_number for r in uow.households.list_cases(CaseListQuery(limit=1000)).rows]
    assert len(numbers) == 24
    assert reads(seeded_db, numbers) > 24 * 3  # households, members, plans, their children
    opened(seeded_db, numbers)


def test_reads_match_on_both_back_ends(db: Database) -> None:
    case = with_plan(db)
    assert reads(db, [case]) > 10
    opened(db, [case])
    with db.uow() as uow:
        plan = uow.plans.current(case)
        assert plan is not None and plan.plan_version == 2
        line = plan.rekensom.lines[1]
        assert line.quantity == Decimal("2.5") and str(plan.rekensom.discount_rate) == "0.03"


def case_list_through_sqlalchemy(db: Database, query: CaseListQuery, codes: frozenset[str] | None) -> list[Any]:
    """The unfiltered case list as the ORM builds it, for comparison."""
    from sqlmodel import col

    from storage.tables import HouseholdRow

    stmt = select(HouseholdRow)
    if codes is not None:
        stmt = stmt.where(col(HouseholdRow.municipality_code).in_(sorted(codes)))
    if query.status is not None:
        stmt = stmt.where(col(HouseholdRow.status) == query.status.value)
    sort = household_storage.SORT_COLUMNS[query.sort]
    order = [sort.desc(), col(HouseholdRow.id).desc()] if query.descending else [sort.asc(), col(HouseholdRow.id)]
    with db.uow() as uow:
        rows = uow.session.scalars(stmt.order_by(*order).offset(query.offset).limit(query.limit)).all()
        return [(r.case_number, r.name, r.municipality_name, HouseholdStatus(r.status), r.professional,
                 household_storage.as_utc(r.updated_at)) for r in rows]


@pytest.mark.parametrize("codes", [None, frozenset(), frozenset({"GM0363"}), frozenset({"GM0363", "GM0599",
                                                                                          "GM0344"})])
def test_the_unfiltered_case_list_matches_sqlalchemy(seeded_db: Database, codes: frozenset[str] | None) -> None:
    for query in (CaseListQuery(limit=7), CaseListQuery(sort=CaseSort.NAME, descending=False, offset=3, limit=5),
                  CaseListQuery(status=HouseholdStatus.IN_BEHANDELING, limit=50)):
        with seeded_db.uow() as uow:
            page = uow.households.list_cases(query, codes)
        expected = case_list_through_sqlalchemy(seeded_db, query, codes)
        assert [tuple(row) for row in page.rows] == expected
        assert all(row.updated_at.tzinfo is not None for row in page.rows)
        with seeded_db.uow() as uow:
            stmt = select(household_storage.HouseholdRow.id)  # type: ignore[call-overload]
            everything = len(uow.session.execute(stmt).all()) if codes is None else None
        if everything is not None and query.status is None:
            assert page.total == everything
    if codes == frozenset():
        with seeded_db.uow() as uow:
            assert uow.households.list_cases(CaseListQuery(), codes).total == 0


MISSING = Table("not_a_table", MetaData(), Column("id", Integer), Column("name", String))


def test_a_driver_error_is_sqlalchemys_without_values(db: Database) -> None:
    read = Prebuilt(select(MISSING).where(MISSING.c.name == "999993653"))
    with db.uow() as uow, pytest.raises(DBAPIError) as raised:
        read.rows(uow.session.connection(), {})
    assert "999993653" not in str(raised.value) and not raised.value.connection_invalidated


@pytest.mark.postgres
def test_a_killed_server_connection_gives_a_clean_error_then_works_again(postgres_db: Database) -> None:
    case = with_plan(postgres_db)
    with postgres_db.uow() as uow:
        connection = uow.session.connection()
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with postgres_db.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(DBAPIError) as raised:
            household_storage._HOUSEHOLD_ROW.rows(connection, {"case_number": case})
        assert raised.value.connection_invalidated
    # The pool does not hand the dead connection out again: the next use case just works.
    household = household_service.get_household(case, postgres_db.uow(), postgres_db.actor)
    assert household.case_number == case


def rebuilt(value: Any) -> Any:
    """The same value with every model made again by pydantic's own `model_construct`."""
    if isinstance(value, BaseModel):
        return type(value).model_construct(**{name: rebuilt(v) for name, v in value.__dict__.items()})
    if isinstance(value, list):
        return [rebuilt(v) for v in value]
    if isinstance(value, dict):
        return {k: rebuilt(v) for k, v in value.items()}
    return value


def same_models(ours: Any, theirs: Any) -> None:
    assert type(ours) is type(theirs)
    if isinstance(ours, BaseModel):
        assert ours.model_fields_set == theirs.model_fields_set
        assert ours.__pydantic_extra__ == theirs.__pydantic_extra__
        assert ours.__pydantic_private__ == theirs.__pydantic_private__
        assert list(ours.__dict__) == list(theirs.__dict__)
        for name in ours.__dict__:
            same_models(ours.__dict__[name], theirs.__dict__[name])
    elif isinstance(ours, list):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            same_models(a, b)
    else:
        assert ours == theirs and type(ours) is type(theirs)


def test_construct_makes_what_model_construct_makes(seeded_db: Database) -> None:
    with seeded_db.uow() as uow:
        numbers = [r.case_number for r in uow.households.list_cases(CaseListQuery(limit=1000)).rows]
        for number in numbers:
            household = uow.households.get(number)
            same_models(household, rebuilt(household))
            assert repr(household) == repr(rebuilt(household)) and household == rebuilt(household)
            plan = uow.plans.current(number)
            if plan is not None:
                same_models(plan, rebuilt(plan))
                assert plan.model_dump() == rebuilt(plan).model_dump()


def test_construct_leaves_missing_fields_and_aliases_to_pydantic() -> None:
    class Aliased(BaseModel):
        name: str = Field(alias="naam")
        size: int = 3

    class Plain(BaseModel):
        name: str
        tags: list[str] = Field(default_factory=list)

    assert construct(Aliased, naam="a", size=1) == Aliased.model_construct(naam="a", size=1)
    partial = construct(Plain, name="a")  # a default to fill: pydantic's own construction
    assert partial.tags == [] and partial.model_fields_set == {"name"}
    assert construct(Plain, name="a", tags=["x"]).model_fields_set == {"name", "tags"}
