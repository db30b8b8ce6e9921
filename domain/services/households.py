"""Use cases for the household case: create, edit, change status, list, show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from domain.access import AccessDenied, Permission, in_municipality, require
from domain.actors import Actor
from domain.audit import AuditKind, field_changes
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
from domain.jsondata import JsonObject
from domain.merge import MergeConflict, three_way_merge
from domain.messages import invalid_input
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.use_case import UseCase


class HouseholdDraft(BaseModel):
    """What a user may type for a household: everything but the identity, status and bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    name: RequiredName
    municipality_code: MunicipalityCode
    address: Address = Field(default_factory=Address)
    professional: ShortText = ""
    team: ShortText = ""
    members: list[Member] = Field(default_factory=list, max_length=40)
    problems: list[Problem] = Field(default_factory=list, max_length=60)
    organisations: list[InvolvedOrganisation] = Field(default_factory=list, max_length=100)


AUDIT_EXCLUDE: JsonObject = {  # a pydantic exclude spec (field → True or nested spec)
    "id": True,
    "version": True,
    "created_at": True,
    "updated_at": True,
    "members": {"__all__": {"id"}},
    "problems": {"__all__": {"id"}},
    "organisations": {"__all__": {"id"}},
}


def _content(household: Household | None) -> JsonObject | None:
    return None if household is None else household.model_dump(mode="json", exclude=AUDIT_EXCLUDE)


OBJECT_TYPE = "household"


def record_household(case: UseCase, kind: AuditKind, case_number: str, *, before: Household | None = None,
                     after: Household | None = None, purpose: str | None = None) -> None:
    """The household's audit record in the use case's transaction (its reason and break-glass flag by default)."""
    case.record(kind, OBJECT_TYPE, case_number, before=before, after=after, dump=_content, purpose=purpose)


def parse_draft(data: Mapping[str, Any]) -> HouseholdDraft:
    """Typed input (a form, a file) → the command, or InvalidInput with Dutch problems."""
    try:
        return HouseholdDraft.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def _check_municipality(actor: Actor, municipality_code: str) -> None:
    if not in_municipality(actor, municipality_code):
        raise AccessDenied(f"U werkt niet voor gemeente {municipality_code}; u kunt daar geen casus aanmaken.")


def _build(draft: HouseholdDraft, **identity: Any) -> Household:
    try:
        return Household.model_validate({**draft.model_dump(), **identity})
    except ValidationError as exc:
        raise invalid_input(exc) from None


def create_household(
    draft: HouseholdDraft, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> Household:
    require(actor, Permission.CREATE_CASE)
    _check_municipality(actor, draft.municipality_code)
    year = (today or date.today()).year
    with UseCase(uow, actor) as case:
        case_number = uow.households.next_case_number(year)
        household = uow.households.add(
            _build(draft, case_number=case_number, professional=draft.professional or actor.display_name)
        )
        record_household(case, AuditKind.CREATE, case_number, after=household)
        case.commit()
    return household


def update_household(
    case_number: str,
    draft: HouseholdDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
) -> Household:
    """Replace the editable content; refuse with StaleVersion when someone saved in between."""
    require(actor, Permission.EDIT_CASE)
    _check_municipality(actor, draft.municipality_code)
    with UseCase(uow, actor) as case:
        current = case.open_case(case_number, purpose)
        updated = _build(
            draft,
            id=current.id,
            case_number=current.case_number,
            status=current.status,
            closed_on=current.closed_on,
            version=expected_version,
            created_at=current.created_at,
        )
        saved = uow.households.save(updated)
        record_household(case, AuditKind.UPDATE, case_number, before=current, after=saved)
        case.commit()
    return saved


def change_status(
    case_number: str,
    new_status: HouseholdStatus,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    purpose: str = "",
) -> Household:
    with UseCase(uow, actor, Permission.EDIT_CASE) as case:
        household = case.open_case(case_number, purpose)
        before = household.model_copy(deep=True)
        household.version = expected_version
        household.change_status(new_status)
        saved = uow.households.save(household)
        record_household(case, AuditKind.UPDATE, case_number, before=before, after=saved)
        case.commit()
    return saved


def get_household(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Household:
    """Load a case to show it; the view is recorded in the audit trail.

    Outside the actor's caseload this raises ReasonRequired until a reason (`purpose`) is given.
    """
    with UseCase(uow, actor, Permission.VIEW_CASE) as case:
        household = case.open_case(case_number, purpose)
        record_household(case, AuditKind.READ, case_number)
        case.commit()
    return household


def export_household(case_number: str, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Household:
    """Load a case for export (a file leaves the application): recorded as an export."""
    with UseCase(uow, actor, Permission.EXPORT_CASE) as case:
        household = case.open_case(case_number, purpose)
        record_household(case, AuditKind.EXPORT, case_number)
        case.commit()
    return household


def list_cases(query: CaseListQuery, uow: UnitOfWork, actor: Actor) -> CaseListPage:
    """A page of the case list, limited to the actor's municipalities."""
    with UseCase(uow, actor, Permission.LIST_CASES):
        return uow.households.list_cases(query, actor.municipality_codes)


def import_household(
    household: Household, uow: UnitOfWork, actor: Actor, *, new_number: bool, today: date | None = None
) -> Household:
    """Insert a complete household (from a case file). Keeps its case number unless told otherwise."""
    require(actor, Permission.CREATE_CASE)
    _check_municipality(actor, household.municipality_code)
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
        case.commit()
    return saved


EDITABLE_FIELDS = {"name", "municipality_code", "address", "professional", "team", "members", "problems",
                   "organisations"}


def merge_after_conflict(
    case_number: str, base: Household, mine: HouseholdDraft, uow: UnitOfWork, actor: Actor, *,
    purpose: str = "samenvoegen na gelijktijdige wijziging",
) -> tuple[JsonObject, list[MergeConflict], Household]:
    """After a StaleVersion: combine my edits with what was saved meanwhile.

    Returns the merged draft (save it with the returned household's version), the conflicts to decide,
    and the current saved household.
    """
    current = get_household(case_number, uow, actor, purpose=purpose)
    merged, conflicts = three_way_merge(
        base.model_dump(mode="json", include=EDITABLE_FIELDS),
        mine.model_dump(mode="json"),
        current.model_dump(mode="json", include=EDITABLE_FIELDS),
    )
    return merged, conflicts, current


@dataclass(frozen=True)
class SaveConflict:
    """What the user needs to decide after a refused save: what the other save changed, and a merge."""

    current: Household
    """The household as saved now (reload = continue from this)."""
    their_changes: dict[str, tuple[Any, Any]]
    """Field path → (what I opened, what they saved); BSNs masked."""
    merged: JsonObject
    """My edits on top of theirs where they do not collide (save with `current.version`)."""
    conflicts: list[MergeConflict]
    """Fields both changed differently; in `merged` their value stands until I change it again."""
    changed_by: list[str]
    """Who saved in between (usernames, from the audit trail)."""


def explain_conflict(
    case_number: str, base: Household, mine: HouseholdDraft, uow: UnitOfWork, actor: Actor, *,
    purpose: str = "",
) -> SaveConflict:
    """After a StaleVersion on `update_household`: everything the conflict dialog shows."""
    merged, conflicts, current = merge_after_conflict(
        case_number, base, mine, uow, actor, purpose=purpose or "samenvoegen na gelijktijdige wijziging"
    )
    with uow:
        updates = [r for r in uow.audit.records("household", case_number) if r.event.kind is AuditKind.UPDATE]
    # Every save raises the version by one and writes one UPDATE record: the last few are theirs.
    in_between = max(0, current.version - base.version)
    theirs = updates[len(updates) - in_between:] if in_between else []
    changed_by = list(dict.fromkeys(r.event.username for r in theirs))
    return SaveConflict(current=current, their_changes=field_changes(_content(base), _content(current)),
                        merged=merged, conflicts=conflicts, changed_by=changed_by)


@dataclass(frozen=True)
class UpdateHousehold:
    """Replace a household's editable content; refused (StaleVersion) when someone saved in between."""

    case_number: str
    draft: HouseholdDraft
    expected_version: int
    purpose: str = ""


@dataclass(frozen=True)
class ChangeHouseholdStatus:
    case_number: str
    new_status: HouseholdStatus
    expected_version: int
    purpose: str = ""


class HouseholdService(Bound):
    """The household use cases, bound to a unit of work and the actor."""

    def create(self, draft: HouseholdDraft, *, today: date | None = None) -> Household:
        return create_household(draft, self.uow, self.actor, today=today)

    def update(self, command: UpdateHousehold) -> Household:
        return update_household(command.case_number, command.draft, command.expected_version, self.uow, self.actor,
                                purpose=command.purpose)

    def change_status(self, command: ChangeHouseholdStatus) -> Household:
        return change_status(command.case_number, command.new_status, command.expected_version, self.uow,
                             self.actor, purpose=command.purpose)

    def get(self, case_number: str, *, purpose: str = "") -> Household:
        return get_household(case_number, self.uow, self.actor, purpose=purpose)

    def export(self, case_number: str, *, purpose: str = "") -> Household:
        return export_household(case_number, self.uow, self.actor, purpose=purpose)

    def list(self, query: CaseListQuery) -> CaseListPage:
        return list_cases(query, self.uow, self.actor)

    def import_household(self, household: Household, *, new_number: bool, today: date | None = None) -> Household:
        return import_household(household, self.uow, self.actor, new_number=new_number, today=today)

    def explain_conflict(self, case_number: str, base: Household, mine: HouseholdDraft, *,
                         purpose: str = "") -> SaveConflict:
        return explain_conflict(case_number, base, mine, self.uow, self.actor, purpose=purpose)
