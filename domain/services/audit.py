"""Use cases on the audit trail: show what happened to a case, verify the chain."""

from __future__ import annotations

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditRecord
from domain.ports import UnitOfWork


def case_history(case_number: str, uow: UnitOfWork, actor: Actor) -> list[AuditRecord]:
    require(actor, Permission.VIEW_AUDIT)
    with uow:
        return list(uow.audit.records("household", case_number))


def verify_audit(uow: UnitOfWork, actor: Actor) -> list[str]:
    require(actor, Permission.VERIFY_AUDIT)
    with uow:
        return uow.audit.verify()
