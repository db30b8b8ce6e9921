"""What every plan use case shares inside its `UseCase` (domain/services/use_case.py): the plan's audit record
and the household's status following its plan. Used by `plans`, `plan_transfer` and `precedents`."""

from __future__ import annotations

from domain.audit import AuditKind
from domain.household import ALLOWED_TRANSITIONS, Household, HouseholdStatus
from domain.jsondata import JsonObject
from domain.plan import (
    Maatwerkplan,
    PlanStatus,
)
from domain.services.households import record_household
from domain.services.use_case import UseCase

PLAN_OBJECT = "maatwerkplan"


def plan_record(plan: Maatwerkplan | None) -> JsonObject | None:
    """The plan as the audit trail compares it (old → new): its content and status, not its identity."""
    if plan is None:
        return None
    return plan.model_dump(mode="json", exclude={"id", "version", "created_at", "updated_at"})


def record_plan(
    case: UseCase,
    kind: AuditKind,
    plan: Maatwerkplan | None,
    case_number: str,
    *,
    before: Maatwerkplan | None = None,
    purpose: str | None = None,
) -> None:
    """The plan version's audit record in the use case's transaction (its reason and break-glass flag by
    default). Reads and exports carry no values; changes carry old → new."""
    object_id = case_number if plan is None else f"{case_number}/v{plan.plan_version}"
    case.record(kind, PLAN_OBJECT, object_id, before=before, after=plan, dump=plan_record, purpose=purpose)


# The household's status follows its plan where the household's own status machine allows it.
HOUSEHOLD_PATH: dict[PlanStatus, tuple[HouseholdStatus, ...]] = {
    PlanStatus.CONCEPT: (HouseholdStatus.IN_BEHANDELING,),
    PlanStatus.VASTGESTELD: (HouseholdStatus.IN_BEHANDELING, HouseholdStatus.PLAN_VASTGESTELD),
    PlanStatus.IN_UITVOERING: (HouseholdStatus.UITVOERING,),
    PlanStatus.GEEVALUEERD: (HouseholdStatus.GEEVALUEERD,),
}


def follow_household(case: UseCase, household: Household, status: PlanStatus) -> Household:
    """Move the household along `HOUSEHOLD_PATH` for the plan's new status, audited in the same transaction."""
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
    saved = case.uow.households.save(household)
    assert saved.case_number is not None
    record_household(case, AuditKind.UPDATE, saved.case_number, before=before, after=saved,
                     purpose=case.purpose or "status volgt maatwerkplan")
    return saved
