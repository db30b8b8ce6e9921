"""The in-memory fakes (tests/fakes.py) behave like the SQL repositories: one scenario through the household
and audit services, with the same assertions on the fakes and on a migrated SQLite file."""

from __future__ import annotations

import pytest

from domain.audit import AuditKind, AuditQuery
from domain.caselist import CaseListQuery, CaseSort
from domain.errors import NotFound, StaleVersion
from domain.household import HouseholdStatus
from domain.services import households as service
from domain.services.audit import audit_log, case_history, verify_audit
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import household_draft
from tests.fakes import FakeDatabase


@pytest.fixture(params=["fake", "sqlite"])
def twin(request: pytest.FixtureRequest) -> FakeDatabase | Database:
    database: FakeDatabase | Database = request.getfixturevalue("fake_db" if request.param == "fake" else "sqlite_db")
    return database


def test_households_and_their_audit_trail_behave_alike(twin: FakeDatabase | Database) -> None:
    db = twin
    first = service.create_household(parse_draft(household_draft(name="Huishouden Özdemir")), db.uow(), db.actor)
    second = service.create_household(parse_draft(household_draft(name="Familie Bakker", municipality_code="GM0599",
                                                       members=[])), db.uow(), db.actor)
    assert first.case_number and second.case_number
    assert (first.version, first.id is not None, all(m.id for m in first.members)) == (1, True, True)
    assert int(second.case_number[-6:]) == int(first.case_number[-6:]) + 1

    loaded = service.get_household(first.case_number, db.uow(), db.actor)
    data = {**loaded.model_dump(include=service.EDITABLE_FIELDS), "name": "Huishouden Özdemir-Kaya"}
    updated = service.update_household(first.case_number, parse_draft(data), loaded.version, db.uow(), db.actor)
    assert updated.version == 2 and [m.id for m in updated.members] == [m.id for m in loaded.members]
    with pytest.raises(StaleVersion):
        service.update_household(first.case_number, parse_draft({**data, "name": "Oud"}), loaded.version, db.uow(),
                                 db.actor)
    assert service.get_household(first.case_number, db.uow(), db.actor).name == "Huishouden Özdemir-Kaya"
    service.change_status(first.case_number, HouseholdStatus.IN_BEHANDELING, updated.version, db.uow(), db.actor)
    with pytest.raises(NotFound):
        service.get_household("DB-2026-999999", db.uow(), db.actor)

    def listed(**query: object) -> list[str]:
        return [r.case_number for r in service.list_cases(CaseListQuery(**query), db.uow(), db.actor).rows]

    assert listed(sort=CaseSort.NAME, descending=False) == [second.case_number, first.case_number]
    assert listed(text="ozdemir kaya") == [first.case_number]
    assert listed(text="emre") == [first.case_number]  # a member's name, without its accent
    assert listed(municipality_code="GM0599") == [second.case_number]
    assert listed(status=HouseholdStatus.IN_BEHANDELING) == [first.case_number]

    history = case_history(first.case_number, db.uow(), db.actor)
    kinds = [r.event.kind for r in history]
    assert kinds[0] is AuditKind.CREATE and kinds.count(AuditKind.UPDATE) == 2  # the stale save left nothing
    assert [r.sequence for r in history] == sorted(r.sequence for r in history)
    renamed = next(r for r in history if r.event.kind is AuditKind.UPDATE)
    assert renamed.event.changes["name"] == ("Huishouden Özdemir", "Huishouden Özdemir-Kaya")
    page = audit_log(AuditQuery(text=second.case_number), db.uow(), db.actor)
    assert {r.event.object_id for r in page.records} == {second.case_number}
    assert verify_audit(db.uow(), db.actor) == []
