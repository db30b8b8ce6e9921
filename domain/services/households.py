"""Use cases for the household case: create, edit, change status, list, show."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from domain.actors import Actor
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
from domain.messages import invalid_input
from domain.ports import UnitOfWork


class HouseholdDraft(BaseModel):
    """What a user may type for a household: everything but the identity, status and bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    name: RequiredName
    municipality_code: MunicipalityCode
    address: Address = Field(default_factory=Address)
    professional: ShortText = ""
    members: list[Member] = Field(default_factory=list, max_length=40)
    problems: list[Problem] = Field(default_factory=list, max_length=60)
    organisations: list[InvolvedOrganisation] = Field(default_factory=list, max_length=100)


def parse_draft(data: dict[str, Any] | HouseholdDraft) -> HouseholdDraft:
    if isinstance(data, HouseholdDraft):
        return data
    try:
        return HouseholdDraft.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def _build(draft: HouseholdDraft, **identity: Any) -> Household:
    try:
        return Household.model_validate({**draft.model_dump(), **identity})
    except ValidationError as exc:
        raise invalid_input(exc) from None


def create_household(
    data: dict[str, Any] | HouseholdDraft, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> Household:
    draft = parse_draft(data)
    year = (today or date.today()).year
    with uow:
        case_number = uow.households.next_case_number(year)
        household = uow.households.add(_build(draft, case_number=case_number, professional=draft.professional or actor.display_name))
        uow.commit()
    return household


def update_household(
    case_number: str,
    data: dict[str, Any] | HouseholdDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
) -> Household:
    """Replace the editable content; refuse with StaleVersion when someone saved in between."""
    draft = parse_draft(data)
    with uow:
        current = uow.households.get(case_number)
        updated = _build(
            draft,
            id=current.id,
            case_number=current.case_number,
            status=current.status,
            version=expected_version,
            created_at=current.created_at,
        )
        saved = uow.households.save(updated)
        uow.commit()
    return saved


def change_status(
    case_number: str, new_status: HouseholdStatus, expected_version: int, uow: UnitOfWork, actor: Actor
) -> Household:
    with uow:
        household = uow.households.get(case_number)
        household.version = expected_version
        household.change_status(new_status)
        saved = uow.households.save(household)
        uow.commit()
    return saved


def get_household(case_number: str, uow: UnitOfWork, actor: Actor) -> Household:
    with uow:
        return uow.households.get(case_number)


def list_cases(query: CaseListQuery, uow: UnitOfWork, actor: Actor) -> CaseListPage:
    with uow:
        return uow.households.list_cases(query)


def import_household(household: Household, uow: UnitOfWork, actor: Actor, *, new_number: bool, today: date | None = None) -> Household:
    """Insert a complete household (from a case file). Keeps its case number unless told otherwise."""
    with uow:
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
        uow.commit()
    return saved
