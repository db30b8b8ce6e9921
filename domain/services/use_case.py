"""The one template every use case follows: permission, case access with the logged reason, audit record.

    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)   # AccessDenied / ReasonRequired, break-glass noted
        ...change something...
        case.record(AuditKind.UPDATE, "household", case_number, before=old, after=new)
        case.commit()

The permission is checked before the transaction starts (a refusal costs no query); `open_case` loads the
household and checks the actor may work on it, remembering the reason and whether this is a logged
break-glass access; `record` writes the audit event in the same transaction with that reason and flag, so
a change and its audit record commit or roll back together. Leaving the block without `commit` rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

from pydantic import BaseModel

from domain.access import Permission, require, require_case
from domain.actors import Actor
from domain.audit import AuditEvent, AuditKind, field_changes
from domain.household import Household
from domain.jsondata import JsonObject
from domain.ports import UnitOfWork

AUDIT_EXCLUDE = {"version", "created_at", "updated_at"}
"""Bookkeeping fields that never appear as a change in the audit trail."""

Dump = Callable[[Any], JsonObject | None]
"""How an object becomes the dict whose leaves are compared for the audit trail's old → new values."""


def model_content(model: BaseModel | None) -> JsonObject | None:
    """The default `Dump`: every field but the bookkeeping ones."""
    return None if model is None else model.model_dump(mode="json", exclude=AUDIT_EXCLUDE)


def check_case(actor: Actor, household: Household, purpose: str) -> bool:
    """Raise AccessDenied/ReasonRequired unless the actor may open this case; True for a break-glass access."""
    assert household.case_number is not None
    return require_case(
        actor,
        household.case_number,
        municipality_code=household.municipality_code,
        professional=household.professional,
        team=household.team,
        purpose=purpose,
    )


def audit_event(
    actor: Actor,
    kind: AuditKind,
    object_type: str,
    object_id: str,
    *,
    before: object = None,
    after: object = None,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    dump: Dump = model_content,
    purpose: str = "",
    break_glass: bool = False,
    outcome: str = "ok",
) -> AuditEvent:
    """Who did what to which object. Reads and exports carry no values; changes carry old → new."""
    if changes is None:
        changes = {} if kind in (AuditKind.READ, AuditKind.EXPORT) else field_changes(dump(before), dump(after))
    return AuditEvent(
        kind=kind,
        object_type=object_type,
        object_id=object_id,
        username=actor.username,
        role=actor.role.value,
        outcome=outcome,
        purpose=purpose,
        break_glass=break_glass,
        changes=changes,
    )


class UseCase:
    """One use case in one transaction (see the module docstring)."""

    def __init__(self, uow: UnitOfWork, actor: Actor, permission: Permission | None = None) -> None:
        if permission is not None:
            require(actor, permission)
        self.uow = uow
        self.actor = actor
        self.purpose = ""
        """The reason given for opening the case (logged with every record of this use case)."""
        self.break_glass = False
        """True when the case lies outside the actor's caseload and was opened with a reason."""

    def __enter__(self) -> UseCase:
        self.uow.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.uow.__exit__(exc_type, exc, tb)

    def open_case(self, case_number: str, purpose: str = "") -> Household:
        """Load the household and check the actor may work on it (ReasonRequired without a needed reason)."""
        household = self.uow.households.get(case_number)
        self.allow_case(household, purpose)
        return household

    def allow_case(self, household: Household, purpose: str = "") -> None:
        """Check access to an already loaded household; remember the reason and the break-glass flag."""
        self.break_glass = check_case(self.actor, household, purpose)
        self.purpose = purpose

    def record(
        self,
        kind: AuditKind,
        object_type: str,
        object_id: str,
        *,
        before: object = None,
        after: object = None,
        changes: Mapping[str, tuple[Any, Any]] | None = None,
        dump: Dump = model_content,
        purpose: str | None = None,
        outcome: str = "ok",
    ) -> None:
        """Append the audit event in this transaction; the case's reason and break-glass flag by default."""
        self.uow.audit.record(
            audit_event(
                self.actor, kind, object_type, object_id, before=before, after=after, changes=changes, dump=dump,
                purpose=self.purpose if purpose is None else purpose, break_glass=self.break_glass,
                outcome=outcome,
            )
        )

    def commit(self) -> None:
        self.uow.commit()
