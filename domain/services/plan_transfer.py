"""Moving plans in and out with a case file: import a plan document into a household, import a whole case
(household and every plan version) in one transaction, export a case with its plans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from domain.access import AccessDenied, Permission, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import Conflict
from domain.household import Household
from domain.plan import (
    Maatwerkplan,
    PlanStatus,
)
from domain.plan_document import plan_document_from_file, plan_from_document, plans_from_documents
from domain.ports import UnitOfWork
from domain.services.households import record_household
from domain.services.plan_common import follow_household, record_plan
from domain.services.use_case import UseCase

# -- import and export with the case file ---------------------------------------------------------


def import_plan(
    case_number: str, document: Mapping[str, Any], uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> Maatwerkplan:
    """Load a plan document (e.g. a trainer's scenario) into a household.

    No plan yet: it becomes version 1 (with its status). A concept current version: a concept document
    replaces its content. A decided current version: the document becomes the next version.
    """
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plan = plan_from_document(document, household)
        current = uow.plans.current(case_number)
        if current is not None and not current.is_frozen:
            if plan.status is not PlanStatus.CONCEPT:
                raise Conflict(
                    f"Casus {case_number} heeft een conceptversie; een vastgesteld plan kan die niet vervangen. "
                    "Stel het concept eerst vast of importeer een concept."
                )
            before = current.model_copy(deep=True)
            current.replace_content(plan.content())
            saved = uow.plans.save(current)
            record_plan(case, AuditKind.UPDATE, saved, case_number, before=before, purpose=purpose or "import")
        else:
            number = 1 if current is None else current.plan_version + 1
            plan = plan.model_copy(update={"plan_version": number, "created_by": plan.created_by or actor.display_name})
            saved = uow.plans.add(plan)
            record_plan(case, AuditKind.CREATE, saved, case_number, purpose=purpose or "import")
        follow_household(case, household, saved.status)
        case.commit()
    return saved


def import_plan_file(case_number: str, data: Any, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Maatwerkplan:
    """`import_plan` for a whole standalone plan file (format doorbraak-plan)."""
    return import_plan(case_number, plan_document_from_file(data), uow, actor, purpose=purpose)


def import_case(
    household: Household,
    plan_documents: Sequence[Mapping[str, Any]],
    uow: UnitOfWork,
    actor: Actor,
    *,
    new_number: bool,
    today: date | None = None,
) -> tuple[Household, list[Maatwerkplan]]:
    """Insert a household from a case file together with all its plan versions, in one transaction."""
    require(actor, Permission.CREATE_CASE)
    if not in_municipality(actor, household.municipality_code):
        raise AccessDenied(
            f"U werkt niet voor gemeente {household.municipality_code}; u kunt daar geen casus aanmaken."
        )
    with UseCase(uow, actor) as case:
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
        record_household(case, AuditKind.CREATE, saved.case_number, after=saved, purpose="import")
        plans = []
        for plan in plans_from_documents(list(plan_documents), saved):
            added = uow.plans.add(plan.model_copy(update={"case_number": saved.case_number}))
            record_plan(case, AuditKind.CREATE, added, saved.case_number, purpose="import")
            plans.append(added)
        case.commit()
    return saved, plans


def export_case(
    case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = ""
) -> tuple[Household, list[Maatwerkplan]]:
    """The household with every plan version, for a case file (audited as an export)."""
    with UseCase(uow, actor, Permission.EXPORT_CASE) as case:
        household = case.open_case(case_number, purpose)
        plans = [uow.plans.get(case_number, v.plan_version) for v in uow.plans.versions(case_number)]
        record_household(case, AuditKind.EXPORT, case_number)
        for plan in plans:
            record_plan(case, AuditKind.EXPORT, plan, case_number)
        case.commit()
    return household, plans
