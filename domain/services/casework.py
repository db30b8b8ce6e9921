"""Shared plumbing for the case use cases: parsing user input, worklist visibility, audit, linked objects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from domain.access import CaseAccess, case_access
from domain.actors import Actor
from domain.audit import AuditKind
from domain.escalation import EscalationQuery
from domain.messages import invalid_input
from domain.overbrugging import OverbruggingQuery
from domain.ports import UnitOfWork
from domain.services.use_case import AUDIT_EXCLUDE, audit_event, model_content
from domain.signals import CaseOwner

ModelT = TypeVar("ModelT", bound=BaseModel)
T = TypeVar("T")

__all__ = ["AUDIT_EXCLUDE", "audit", "content", "linked_objects", "may_see", "parse", "today_or",
           "validated"]


def parse(model: type[ModelT], data: dict[str, Any] | ModelT) -> ModelT:
    """Validate user input into `model`, or raise InvalidInput with Dutch problems."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def validated(action: Callable[[], T]) -> T:
    """Run domain behaviour that assigns to validated models; a ValidationError becomes InvalidInput."""
    try:
        return action()
    except ValidationError as exc:
        raise invalid_input(exc) from None


def may_see(actor: Actor, owner: CaseOwner) -> bool:
    """Whether a worklist or inbox line about this case belongs in the actor's view (no break-glass there)."""
    access = case_access(
        actor, municipality_code=owner.municipality_code, professional=owner.professional, team=owner.team
    )
    return access is CaseAccess.ALLOWED


def content(model: BaseModel | None) -> dict[str, Any] | None:
    return model_content(model)


def audit(
    uow: UnitOfWork,
    actor: Actor,
    kind: AuditKind,
    object_type: str,
    object_id: str,
    *,
    before: BaseModel | None = None,
    after: BaseModel | None = None,
    purpose: str = "",
    break_glass: bool = False,
) -> None:
    """Transitional: new use cases record through `UseCase.record`."""
    uow.audit.record(audit_event(actor, kind, object_type, object_id, before=before, after=after,
                                 purpose=purpose, break_glass=break_glass))


def linked_objects(uow: UnitOfWork, case_number: str) -> list[tuple[str, str]]:
    """The audited objects that belong to a case besides the household and its plan: its overbruggingen
    and escalations, as (object_type, object_id) of their audit records. Call inside `with uow`."""
    linked: list[tuple[str, str]] = []
    overbruggingen = uow.overbruggingen.page(OverbruggingQuery(case_number=case_number, limit=1000))
    linked += [("overbrugging", row.reference) for row in overbruggingen.rows]
    escalations = uow.escalations.page(EscalationQuery(case_number=case_number, limit=1000))
    linked += [("escalation", row.reference) for row in escalations.rows]
    return linked


def today_or(today: date | None) -> date:
    return today or date.today()
