"""Use cases of the knelpunten register and its system-learning report.

The register holds no personal data: text with a BSN-like number or a postcode is refused (names and
dates cannot be recognised without a household; knelpunten raised from an escalation are also checked
against that household's names, see `domain.services.escalation.raise_knelpunt`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.dossier import EMPTY_IDENTIFIERS, HouseholdIdentifiers, identifier_problems
from domain.errors import InvalidInput, Problem, StaleVersion
from domain.household import LongText, RequiredName, ShortText
from domain.knelpunt import (
    Knelpunt,
    KnelpuntCategory,
    KnelpuntenReport,
    KnelpuntPage,
    KnelpuntQuery,
    KnelpuntStatus,
    build_report,
)
from domain.overbrugging import RequiredText
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import audit, parse, today_or, validated

OBJECT_TYPE = "knelpunt"


class KnelpuntDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: RequiredName
    category: KnelpuntCategory
    law: ShortText = ""
    article: ShortText = ""
    organisation: ShortText = ""
    ministry: ShortText = ""
    unintended_effect: RequiredText
    proposed_fix: LongText = ""
    signalled_on: date | None = None


TEXT_FIELDS = ("title", "law", "article", "organisation", "ministry", "unintended_effect", "proposed_fix")


def check_no_personal_data(draft: KnelpuntDraft, ids: HouseholdIdentifiers = EMPTY_IDENTIFIERS) -> None:
    """Refuse a knelpunt whose text holds a BSN-like number, a postcode or (given a household) its names."""
    problems = identifier_problems(
        ((name, str(getattr(draft, name))) for name in TEXT_FIELDS), ids, dates=False,
        why="Het knelpuntenregister bevat geen persoonsgegevens: haal ze uit de tekst.",
    )
    if problems:
        raise InvalidInput(problems)


def new_knelpunt(draft: KnelpuntDraft, day: date, *, via_escalation: bool = False) -> Knelpunt:
    signalled = draft.signalled_on or day
    return parse(
        Knelpunt,
        {
            **draft.model_dump(exclude={"signalled_on"}),
            "signalled_on": signalled,
            "occurrences": [{"on": signalled, "via_escalation": via_escalation}],
        },
    )


def _load(uow: UnitOfWork, knelpunt_id: int, expected_version: int) -> Knelpunt:
    knelpunt = uow.knelpunten.get(knelpunt_id)
    if knelpunt.version != expected_version:
        raise StaleVersion("Dit knelpunt")
    return knelpunt


def _save(uow: UnitOfWork, actor: Actor, before: Knelpunt, after: Knelpunt) -> Knelpunt:
    saved = uow.knelpunten.save(after)
    audit(uow, actor, AuditKind.UPDATE, OBJECT_TYPE, saved.reference, before=before, after=saved)
    uow.commit()
    return saved


def add_knelpunt(
    draft: KnelpuntDraft, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> Knelpunt:
    """Record a new knelpunt (status gesignaleerd, one occurrence on the signalling date)."""
    require(actor, Permission.MANAGE_KNELPUNTEN)
    check_no_personal_data(draft)
    with uow:
        saved = uow.knelpunten.add(new_knelpunt(draft, today_or(today)))
        audit(uow, actor, AuditKind.CREATE, OBJECT_TYPE, saved.reference, after=saved)
        uow.commit()
    return saved


def update_knelpunt(
    knelpunt_id: int, draft: KnelpuntDraft, expected_version: int, uow: UnitOfWork, actor: Actor
) -> Knelpunt:
    require(actor, Permission.MANAGE_KNELPUNTEN)
    check_no_personal_data(draft)
    with uow:
        current = _load(uow, knelpunt_id, expected_version)
        changes = draft.model_dump(exclude={"signalled_on"})
        if draft.signalled_on is not None:
            changes["signalled_on"] = draft.signalled_on
        updated = parse(Knelpunt, {**current.model_dump(), **changes})
        return _save(uow, actor, current, updated)


def get_knelpunt(knelpunt_id: int, uow: UnitOfWork, actor: Actor) -> Knelpunt:
    require(actor, Permission.VIEW_KNELPUNTEN)
    with uow:
        return uow.knelpunten.get(knelpunt_id)


def list_knelpunten(query: KnelpuntQuery, uow: UnitOfWork, actor: Actor) -> KnelpuntPage:
    """A page of the register, most recurring first."""
    require(actor, Permission.VIEW_KNELPUNTEN)
    with uow:
        return uow.knelpunten.page(query)


def change_knelpunt_status(
    knelpunt_id: int,
    new_status: KnelpuntStatus,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    on: date | None = None,
) -> Knelpunt:
    """Agenderen (put on a national or regional agenda) or mark as opgelost."""
    require(actor, Permission.MANAGE_KNELPUNTEN)
    with uow:
        current = _load(uow, knelpunt_id, expected_version)
        updated = current.model_copy(deep=True)
        validated(lambda: updated.change_status(new_status, on or date.today()))
        return _save(uow, actor, current, updated)


def record_occurrence(
    knelpunt_id: int, expected_version: int, uow: UnitOfWork, actor: Actor, *, on: date | None = None
) -> Knelpunt:
    """The knelpunt was met again (outside an escalation): recurrence + 1."""
    require(actor, Permission.MANAGE_KNELPUNTEN)
    with uow:
        current = _load(uow, knelpunt_id, expected_version)
        updated = current.model_copy(deep=True)
        validated(lambda: updated.occur(on or date.today()))
        return _save(uow, actor, current, updated)


def knelpunten_report(
    uow: UnitOfWork, actor: Actor, *, start: date | None = None, end: date | None = None
) -> KnelpuntenReport:
    """Counts by category, law, organisation, status and month, most recurring knelpunten first."""
    require(actor, Permission.VIEW_KNELPUNTEN)
    if start is not None and end is not None and end < start:
        raise InvalidInput([Problem("tot", "De einddatum ligt vóór de begindatum.")])
    with uow:
        facts = uow.knelpunten.occurrence_facts(start, end)
        first_seen = uow.knelpunten.first_seen(sorted({f.knelpunt_id for f in facts}))
    return build_report(facts, start, end, first_seen=first_seen)



@dataclass(frozen=True)
class UpdateKnelpunt:
    knelpunt_id: int
    draft: KnelpuntDraft
    expected_version: int


@dataclass(frozen=True)
class ChangeKnelpuntStatus:
    knelpunt_id: int
    new_status: KnelpuntStatus
    expected_version: int
    on: date | None = None


@dataclass(frozen=True)
class RecordOccurrence:
    knelpunt_id: int
    expected_version: int
    on: date | None = None


class KnelpuntService(Bound):
    """The knelpunten use cases, bound to a unit of work and the actor."""

    def add(self, draft: KnelpuntDraft, *, today: date | None = None) -> Knelpunt:
        return add_knelpunt(draft, self.uow, self.actor, today=today)

    def update(self, command: UpdateKnelpunt) -> Knelpunt:
        return update_knelpunt(command.knelpunt_id, command.draft, command.expected_version, self.uow, self.actor)

    def change_status(self, command: ChangeKnelpuntStatus) -> Knelpunt:
        return change_knelpunt_status(command.knelpunt_id, command.new_status, command.expected_version, self.uow,
                                      self.actor, on=command.on)

    def record_occurrence(self, command: RecordOccurrence) -> Knelpunt:
        return record_occurrence(command.knelpunt_id, command.expected_version, self.uow, self.actor, on=command.on)

    def get(self, knelpunt_id: int) -> Knelpunt:
        return get_knelpunt(knelpunt_id, self.uow, self.actor)

    def list(self, query: KnelpuntQuery) -> KnelpuntPage:
        return list_knelpunten(query, self.uow, self.actor)

    def report(self, *, start: date | None = None, end: date | None = None) -> KnelpuntenReport:
        return knelpunten_report(self.uow, self.actor, start=start, end=end)


__all__ = [
    "KnelpuntDraft",
    "add_knelpunt",
    "change_knelpunt_status",
    "get_knelpunt",
    "knelpunten_report",
    "list_knelpunten",
    "record_occurrence",
    "update_knelpunt",
]
