"""Use cases on the audit trail: show what happened to a case, browse the whole log, verify the chain.

Who may see what (design choice, see docs/security.md):
- coordinators (and trainers, the owner) see a case's history with old → new values, for cases of
  their municipalities;
- beheer sees every record but never the old → new values (those are case content);
- the whole log is a list of records without values; limited to municipalities, only records about
  households of those municipalities remain.
Looking at the trail is itself recorded (NEN 7513: reading the log is an access too).
"""

from __future__ import annotations

from dataclasses import replace

from domain.access import AccessDenied, CaseAccess, Permission, case_access, has, require
from domain.actors import Actor
from domain.audit import AuditKind, AuditPage, AuditQuery, AuditRecord
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import linked_objects
from domain.services.use_case import audit_event

AUDIT_OBJECT = "audit"
"""object_type of the records that say someone looked at the trail (object_id: the case, or 'logboek')."""


def _without_values(record: AuditRecord) -> AuditRecord:
    if not record.event.changes:
        return record
    return replace(record, event=replace(record.event, changes={}))


def _looked(uow: UnitOfWork, actor: Actor, object_id: str, purpose: str) -> None:
    uow.audit.record(audit_event(actor, AuditKind.READ, AUDIT_OBJECT, object_id, purpose=purpose))


def case_history(case_number: str, uow: UnitOfWork, actor: Actor) -> list[AuditRecord]:
    """Every view and change of one case (the household and its maatwerkplan), oldest first."""
    require(actor, Permission.VIEW_AUDIT)
    sees_content = has(actor, Permission.VIEW_CASE)
    with uow:
        if sees_content and uow.households.exists(case_number):
            household = uow.households.get(case_number)
            access = case_access(actor, municipality_code=household.municipality_code,
                                 professional=household.professional, team=household.team)
            if access is not CaseAccess.ALLOWED:
                raise AccessDenied(f"U mag het logboek van casus {case_number} niet inzien.")
        # A case that no longer exists (destroyed) keeps only content-free records: nothing to hide.
        linked = linked_objects(uow, case_number) if uow.households.exists(case_number) else []
        records = list(uow.audit.case_records(case_number, linked))
        if not sees_content:
            records = [_without_values(r) for r in records]
        _looked(uow, actor, case_number, "logboek van de casus bekeken")
        uow.commit()
    return records


def audit_log(query: AuditQuery, uow: UnitOfWork, actor: Actor) -> AuditPage:
    """A page of the whole log (newest first), limited to the actor's municipalities."""
    require(actor, Permission.VIEW_AUDIT)
    with uow:
        page = uow.audit.page(query, actor.municipality_codes)
        if query.before is None:  # one record per query, not per page scrolled
            text = query.text.strip()
            uow.audit.record(audit_event(actor, AuditKind.SEARCH if text else AuditKind.READ, AUDIT_OBJECT, "logboek",
                                         purpose=f"zoekterm: {text}"[:200] if text else ""))
            uow.commit()
    return page


def verify_audit(uow: UnitOfWork, actor: Actor) -> list[str]:
    """Dutch descriptions of every break in the chain (empty: intact)."""
    require(actor, Permission.VERIFY_AUDIT)
    with uow:
        return uow.audit.verify()


class AuditService(Bound):
    """The audit trail use cases, bound to a unit of work and the actor."""

    def case_history(self, case_number: str) -> list[AuditRecord]:
        return case_history(case_number, self.uow, self.actor)

    def log(self, query: AuditQuery) -> AuditPage:
        return audit_log(query, self.uow, self.actor)

    def verify(self) -> list[str]:
        return verify_audit(self.uow, self.actor)
