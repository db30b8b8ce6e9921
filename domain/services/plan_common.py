"""What every plan use case shares: opening the case with the access check, the plan's audit record, and the
household's status following its plan. Used by `plans` and `plan_transfer`."""

from __future__ import annotations

from typing import Any

from domain.access import Permission, require, require_case
from domain.actors import Actor
from domain.audit import AuditEvent, AuditKind, field_changes
from domain.household import ALLOWED_TRANSITIONS, Household, HouseholdStatus
from domain.plan import (
    Maatwerkplan,
    PlanStatus,
)
from domain.ports import UnitOfWork
from domain.services.households import audit_household

PLAN_OBJECT = "maatwerkplan"


# -- plumbing -------------------------------------------------------------------------------------


def open_case(
    uow: UnitOfWork, actor: Actor, case_number: str, permission: Permission, purpose: str
) -> tuple[Household, bool]:
    require(actor, permission)
    household = uow.households.get(case_number)
    break_glass = require_case(
        actor,
        case_number,
        municipality_code=household.municipality_code,
        professional=household.professional,
        team=household.team,
        purpose=purpose,
    )
    return household, break_glass


def plan_record(plan: Maatwerkplan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return plan.model_dump(mode="json", exclude={"id", "version", "created_at", "updated_at"})


def audit_plan(
    uow: UnitOfWork,
    actor: Actor,
    kind: AuditKind,
    plan: Maatwerkplan | None,
    case_number: str,
    *,
    before: Maatwerkplan | None = None,
    purpose: str = "",
    break_glass: bool = False,
) -> None:
    object_id = case_number if plan is None else f"{case_number}/v{plan.plan_version}"
    changes = (
        {} if kind in (AuditKind.READ, AuditKind.EXPORT) else field_changes(plan_record(before), plan_record(plan))
    )
    uow.audit.record(
        AuditEvent(
            kind=kind,
            object_type=PLAN_OBJECT,
            object_id=object_id,
            username=actor.username,
            role=actor.role.value,
            purpose=purpose,
            break_glass=break_glass,
            changes=changes,
        )
    )


# The household's status follows its plan where the household's own status machine allows it.
HOUSEHOLD_PATH: dict[PlanStatus, tuple[HouseholdStatus, ...]] = {
    PlanStatus.CONCEPT: (HouseholdStatus.IN_BEHANDELING,),
    PlanStatus.VASTGESTELD: (HouseholdStatus.IN_BEHANDELING, HouseholdStatus.PLAN_VASTGESTELD),
    PlanStatus.IN_UITVOERING: (HouseholdStatus.UITVOERING,),
    PlanStatus.GEEVALUEERD: (HouseholdStatus.GEEVALUEERD,),
}


def follow_household(
    uow: UnitOfWork, actor: Actor, household: Household, status: PlanStatus, purpose: str, break_glass: bool
) -> Household:
    before = household.model_copy(deep=True)
    changed = False
    for target in HOUSEHOLD_PATH[status]:
        if household.status is target:
            continue
        if target not in ALLOWED_TRANSITIONS[household.status]:
            break
        household.change_status(target)
        changed = True
    if not changed:
        return household
    saved = uow.households.save(household)
    assert saved.case_number is not None
    audit_household(
        uow,
        actor,
        AuditKind.UPDATE,
        saved.case_number,
        before=before,
        after=saved,
        purpose=purpose or "status volgt maatwerkplan",
        break_glass=break_glass,
    )
    return saved
