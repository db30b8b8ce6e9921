"""The bound services and the use-case template, on an in-memory unit of work (no database).

What the template promises: the permission is checked before a transaction starts, a case outside the
caseload needs a reason (logged, break-glass), and the audit record commits or rolls back with the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Any

import pytest

from domain.access import AccessDenied, ReasonRequired
from domain.actors import Actor, Role
from domain.audit import AuditEvent, AuditKind
from domain.errors import NotFound, StaleVersion
from domain.household import Household, HouseholdStatus
from domain.services.bound import UseCases
from domain.services.households import ChangeHouseholdStatus, HouseholdDraft, UpdateHousehold

OWNER = Actor(username="fbouzid", display_name="Fatima Bouzid", role=Role.PROFESSIONAL,
              municipality_codes=frozenset({"GM0363"}), team="Wijkteam Oost")
COLLEAGUE = Actor(username="pjansen", display_name="Piet Jansen", role=Role.PROFESSIONAL,
                  municipality_codes=frozenset({"GM0363"}), team="Wijkteam West")
LET = Actor(username="let", display_name="LET", role=Role.LET, municipality_codes=frozenset())


class FakeHouseholds:
    def __init__(self, store: dict[str, Household]) -> None:
        self.store = store

    def get(self, case_number: str) -> Household:
        if case_number not in self.store:
            raise NotFound(f"Casus {case_number} bestaat niet.")
        return self.store[case_number].model_copy(deep=True)

    def next_case_number(self, year: int) -> str:
        return f"DB-{year}-{len(self.store) + 1:06d}"

    def add(self, household: Household) -> Household:
        saved = household.model_copy(update={"id": len(self.store) + 1, "version": 1})
        assert saved.case_number is not None
        self.store[saved.case_number] = saved
        return saved

    def save(self, household: Household) -> Household:
        assert household.case_number is not None
        if self.store[household.case_number].version != household.version:
            raise StaleVersion()
        saved = household.model_copy(update={"version": household.version + 1})
        self.store[household.case_number] = saved
        return saved


class FakeAudit:
    def __init__(self) -> None:
        self.pending: list[AuditEvent] = []

    def record(self, event: AuditEvent) -> None:
        self.pending.append(event)


class FakeUnitOfWork:
    """One transaction over dicts: a commit keeps the changes and the audit events, leaving undoes both."""

    def __init__(self) -> None:
        self.committed: dict[str, Household] = {}
        self.log: list[AuditEvent] = []
        self.entered = 0

    def __enter__(self) -> FakeUnitOfWork:
        self.entered += 1
        self.households = FakeHouseholds(dict(self.committed))
        self.audit = FakeAudit()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        del self.households, self.audit  # what was not committed is gone

    def commit(self) -> None:
        self.committed = dict(self.households.store)
        self.log += self.audit.pending
        self.audit.pending = []


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def who() -> dict[str, Actor]:
    return {"actor": OWNER}


@pytest.fixture
def services(uow: FakeUnitOfWork, who: dict[str, Actor]) -> Iterator[UseCases]:
    yield UseCases(lambda: uow, lambda: who["actor"])  # type: ignore[arg-type, return-value]


def draft(**extra: Any) -> HouseholdDraft:
    return HouseholdDraft.model_validate({"name": "Huishouden Özdemir", "municipality_code": "GM0363",
                                          "professional": "Fatima Bouzid", "team": "Wijkteam Oost", **extra})


def test_a_write_and_its_audit_record_commit_together(services: UseCases, uow: FakeUnitOfWork) -> None:
    created = services.households.create(draft())
    assert created.case_number in uow.committed
    assert [(e.kind, e.object_type, e.object_id, e.username) for e in uow.log] == [
        (AuditKind.CREATE, "household", created.case_number, "fbouzid")]
    assert uow.log[0].changes["name"] == (None, "Huishouden Özdemir")


def test_a_refused_save_leaves_no_audit_record(services: UseCases, uow: FakeUnitOfWork) -> None:
    created = services.households.create(draft())
    assert created.case_number is not None
    with pytest.raises(StaleVersion):
        services.households.update(UpdateHousehold(created.case_number, draft(name="Huishouden Yilmaz"),
                                                   expected_version=created.version - 1))
    assert [e.kind for e in uow.log] == [AuditKind.CREATE]
    assert uow.committed[created.case_number].name == "Huishouden Özdemir"


def test_a_case_outside_the_caseload_needs_a_reason_that_is_logged(
    services: UseCases, uow: FakeUnitOfWork, who: dict[str, Actor]
) -> None:
    number = services.households.create(draft()).case_number
    assert number is not None
    who["actor"] = COLLEAGUE  # the actor is asked for at every call (it changes at login)
    with pytest.raises(ReasonRequired):
        services.households.get(number)
    assert [e.kind for e in uow.log] == [AuditKind.CREATE]  # a refusal records nothing
    services.households.get(number, purpose="waarneming tijdens verlof")
    read = uow.log[-1]
    assert (read.kind, read.username, read.purpose, read.break_glass, dict(read.changes)) == (
        AuditKind.READ, "pjansen", "waarneming tijdens verlof", True, {})


def test_the_reason_goes_with_a_change_too(services: UseCases, uow: FakeUnitOfWork, who: dict[str, Actor]) -> None:
    created = services.households.create(draft())
    assert created.case_number is not None
    who["actor"] = COLLEAGUE
    saved = services.households.change_status(ChangeHouseholdStatus(
        created.case_number, HouseholdStatus.IN_BEHANDELING, created.version, purpose="overdracht"))
    assert saved.status is HouseholdStatus.IN_BEHANDELING
    update = uow.log[-1]
    assert (update.kind, update.purpose, update.break_glass) == (AuditKind.UPDATE, "overdracht", True)
    assert update.changes["status"] == ("aangemeld", "in_behandeling")


def test_the_permission_is_checked_before_a_transaction_starts(
    services: UseCases, uow: FakeUnitOfWork, who: dict[str, Actor]
) -> None:
    who["actor"] = LET
    with pytest.raises(AccessDenied):
        services.households.get("DB-2026-000001")
    assert uow.entered == 0
