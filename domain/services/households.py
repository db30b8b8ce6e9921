"""Use cases for the household case: create, edit, change status, list, show."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from domain.actors import Actor
from domain.audit import AuditEvent, AuditKind, field_changes
from domain.caselist import CaseListPage, CaseListQuery
from domain.errors import Conflict
from domain.household import (
    Address,
    Household,
    HouseholdStatus,
    InvolvedOrganisation,
    Member,
    MunicipalityCode,
    Problem,
    RequiredName,
    ShortText,
)
from domain.messages import invalid_input
from domain.ports import UnitOfWork


class HouseholdDraft(BaseModel):
    """What a user may type for a household: everything but the identity, status and bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    name: RequiredName
    municipality_code: MunicipalityCode
    address: Address = Field(default_factory=Address)
    professional: ShortText = ""
    members: list[Member] = Field(default_factory=list, max_length=40)
    problems: list[Problem] = Field(default_factory=list, max_length=60)
    organisations: list[InvolvedOrganisation] = Field(default_factory=list, max_length=100)


AUDIT_EXCLUDE: dict[str, Any] = {
    "id": True,
    "version": True,
    "created_at": True,
    "updated_at": True,
    "members": {"__all__": {"id"}},
    "problems": {"__all__": {"id"}},
    "organisations": {"__all__": {"id"}},
}


def _content(household: Household | None) -> dict[str, Any] | None:
    return None if household is None else household.model_dump(mode="json", exclude=AUDIT_EXCLUDE)


def audit_household(
    uow: UnitOfWork,
    actor: Actor,
    kind: AuditKind,
    case_number: str,
    *,
    before: Household | None = None,
    after: Household | None = None,
    purpose: str = "",
) -> None:
    """Record who did what to which case, in the same transaction as the change."""
    uow.audit.record(
        AuditEvent(
            kind=kind,
            object_type="household",
            object_id=case_number,
            username=actor.username,
            role=actor.role.value,
            purpose=purpose,
            changes=field_changes(_content(before), _content(after)) if kind is not AuditKind.READ else {},
        )
    )


def parse_draft(data: dict[str, Any] | HouseholdDraft) -> HouseholdDraft:
    if isinstance(data, HouseholdDraft):
        return data
    try:
        return HouseholdDraft.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def _build(draft: HouseholdDraft, **identity: Any) -> Household:
    try:
        return Household.model_validate({**draft.model_dump(), **identity})
    except ValidationError as exc:
        raise invalid_input(exc) from None


def create_household(
    data: dict[str, Any] | HouseholdDraft, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> Household:
    draft = parse_draft(data)
    year = (today or date.today()).year
    with uow:
        case_number = uow.households.next_case_number(year)
        household = uow.households.add(
            _build(draft, case_number=case_number, professional=draft.professional or actor.display_name)
        )
        audit_household(uow, actor, AuditKind.CREATE, case_number, after=household)
        uow.commit()
    return household


def update_household(
    case_number: str,
    data: dict[str, Any] | HouseholdDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
) -> Household:
    """Replace the editable content; refuse with StaleVersion when someone saved in between."""
    draft = parse_draft(data)
    with uow:
        current = uow.households.get(case_number)
        updated = _build(
            draft,
            id=current.id,
            case_number=current.case_number,
            status=current.status,
            version=expected_version,
            created_at=current.created_at,
        )
        saved = uow.households.save(updated)
        audit_household(uow, actor, AuditKind.UPDATE, case_number, before=current, after=saved)
        uow.commit()
    return saved


def change_status(
    case_number: str, new_status: HouseholdStatus, expected_version: int, uow: UnitOfWork, actor: Actor
) -> Household:
    with uow:
        household = uow.households.get(case_number)
        before = household.model_copy(deep=True)
        household.version = expected_version
        household.change_status(new_status)
        saved = uow.households.save(household)
        audit_household(uow, actor, AuditKind.UPDATE, case_number, before=before, after=saved)
        uow.commit()
    return saved


def get_household(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Household:
    """Load a case to show it; the view is recorded in the audit trail."""
    with uow:
        household = uow.households.get(case_number)
        audit_household(uow, actor, AuditKind.READ, case_number, purpose=purpose)
        uow.commit()
    return household


def export_household(case_number: str, uow: UnitOfWork, actor: Actor) -> Household:
    """Load a case for export (a file leaves the application): recorded as an export."""
    with uow:
        household = uow.households.get(case_number)
        audit_household(uow, actor, AuditKind.EXPORT, case_number)
        uow.commit()
    return household


def list_cases(query: CaseListQuery, uow: UnitOfWork, actor: Actor) -> CaseListPage:
    with uow:
        return uow.households.list_cases(query)


def import_household(
    household: Household, uow: UnitOfWork, actor: Actor, *, new_number: bool, today: date | None = None
) -> Household:
    """Insert a complete household (from a case file). Keeps its case number unless told otherwise."""
    with uow:
        if household.case_number is None or new_number:
            household = household.model_copy(
                update={"case_number": uow.households.next_case_number((today or date.today()).year)}
            )
        elif uow.households.exists(household.case_number):
            raise Conflict(
                f"Casusnummer {household.case_number} bestaat al in deze database. "
                "Importeer met --nieuw-nummer om een nieuw casusnummer te geven."
            )
        saved = uow.households.add(household.model_copy(update={"id": None, "version": 0}))
        assert saved.case_number is not None
        audit_household(uow, actor, AuditKind.CREATE, saved.case_number, after=saved, purpose="import")
        uow.commit()
    return saved
