"""AVG duties: destroy what is past retention (with a content-free tombstone), and answer an inzageverzoek."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.access import Permission, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind, AuditRecord
from domain.errors import InvalidInput, Problem
from domain.household import Household
from domain.plan import Maatwerkplan
from domain.ports import UnitOfWork
from domain.retention import RetentionSettings, add_years, destroy_after
from domain.services.bound import Bound
from domain.services.casework import linked_objects
from domain.services.use_case import audit_event
from domain.validation import normalise_bsn


@dataclass(frozen=True)
class PurgeCandidate:
    case_number: str
    municipality_code: str
    closed_on: date
    destroy_after: date


def purge_candidates(uow: UnitOfWork, actor: Actor, settings: RetentionSettings, today: date) -> list[PurgeCandidate]:
    require(actor, Permission.PRIVACY_PURGE)
    shortest = min(
        policy.years_for_frameworks(set())  # a case without organisations is kept the shortest
        for policy in [settings.default, *settings.municipalities.values()]
    )
    # Nothing closed after this date can be due yet; the query narrows, the rule decides.
    cutoff = add_years(today, -shortest)
    found: list[PurgeCandidate] = []
    with uow:
        for household in uow.households.closed_before(cutoff):
            due = destroy_after(household, settings)
            if due is not None and due <= today and household.case_number and household.closed_on:
                found.append(
                    PurgeCandidate(household.case_number, household.municipality_code, household.closed_on, due)
                )
    return found


def purge(
    uow: UnitOfWork, actor: Actor, settings: RetentionSettings, today: date, *, dry_run: bool
) -> list[PurgeCandidate]:
    """Hard-delete every case past retention, in one transaction, leaving only a tombstone in the log."""
    candidates = purge_candidates(uow, actor, settings, today)
    if dry_run or not candidates:
        return candidates
    with uow:
        for candidate in candidates:
            number = candidate.case_number
            # The old -> new values of everything that belonged to the case go with it: the household,
            # each plan version, its overbruggingen and escalations. One tombstone per object.
            plans = {(r.event.object_type, r.event.object_id) for r in uow.audit.case_records(number)
                     if r.event.object_type == "maatwerkplan"}
            objects = [("household", number), *sorted(plans), *linked_objects(uow, number)]
            uow.households.delete(number)
            for object_type, object_id in objects:
                uow.audit.destroy_changes(object_type, object_id)
                uow.audit.record(audit_event(
                    actor, AuditKind.PURGE, object_type, object_id,
                    purpose=f"bewaartermijn verstreken op {candidate.destroy_after.isoformat()}"
                    + ("" if object_type == "household" else f" (casus {number})"),
                ))
        uow.commit()
    return candidates


@dataclass(frozen=True)
class SubjectAccessReport:
    """Everything stored about one person: the cases they are a member of and who saw or changed them."""

    households: list[Household]
    history: dict[str, list[AuditRecord]]
    """Per case: who saw or changed the household, its plan, overbruggingen and escalations."""
    plans: dict[str, list[Maatwerkplan]] = field(default_factory=dict)
    """Per case: every version of its maatwerkplan, oldest first."""


def subject_access(
    uow: UnitOfWork, actor: Actor, *, name: str = "", date_of_birth: date | None = None, bsn: str = ""
) -> SubjectAccessReport:
    require(actor, Permission.PRIVACY_EXPORT)
    if not bsn and not (name.strip() and date_of_birth):
        raise InvalidInput([Problem("", "Zoek een persoon op BSN, of op naam én geboortedatum.")])
    with uow:
        if bsn:
            numbers = uow.households.find_by_member_bsn(normalise_bsn(bsn))
        else:
            numbers = uow.households.find_by_member(name, date_of_birth)
        households = [h for h in (uow.households.get(number) for number in numbers)
                      if in_municipality(actor, h.municipality_code)]
        numbers = [h.case_number for h in households if h.case_number]
        history = {number: list(uow.audit.case_records(number, linked_objects(uow, number))) for number in numbers}
        plans = {number: [uow.plans.get(number, v.plan_version) for v in uow.plans.versions(number)]
                 for number in numbers}
        for number in numbers:
            uow.audit.record(audit_event(actor, AuditKind.EXPORT, "household", number,
                                         purpose="inzageverzoek (AVG art. 15)"))
        uow.commit()
    return SubjectAccessReport(households=households, history=history, plans=plans)


class PrivacyService(Bound):
    """The privacy use cases (retention, the right of access), bound to a unit of work and the actor."""

    def purge_candidates(self, settings: RetentionSettings, today: date) -> list[PurgeCandidate]:
        return purge_candidates(self.uow, self.actor, settings, today)

    def purge(self, settings: RetentionSettings, today: date, *, dry_run: bool) -> list[PurgeCandidate]:
        return purge(self.uow, self.actor, settings, today, dry_run=dry_run)

    def subject_access(self, *, name: str = "", date_of_birth: date | None = None,
                       bsn: str = "") -> SubjectAccessReport:
        return subject_access(self.uow, self.actor, name=name, date_of_birth=date_of_birth, bsn=bsn)
