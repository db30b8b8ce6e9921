"""The household case (huishouden / casus): members, problems per leefgebied, involved organisations.

Models are pydantic and validate on construction and on assignment, so an invalid household cannot exist.
Every user-facing validation message is Dutch.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from domain import reference
from domain.errors import IllegalTransition
from domain.household_kinds import MEMBER_ROLE_LABELS as MEMBER_ROLE_LABELS
from domain.household_kinds import ORGANISATION_TYPE_LABELS as ORGANISATION_TYPE_LABELS
from domain.household_kinds import STATUS_LABELS as STATUS_LABELS
from domain.household_kinds import HouseholdStatus as HouseholdStatus
from domain.household_kinds import LegalFramework as LegalFramework
from domain.household_kinds import MemberRole as MemberRole
from domain.household_kinds import OrganisationType as OrganisationType
from domain.validation import check_birth_date, check_case_number, clean_text, normalise_bsn, normalise_postcode

# Short limits keep screens and exports sane and stop absurd input (a 10 MB name) at the edge.
NAME_MAX = 120
TEXT_MAX = 4000


def _clean(value: str) -> str:
    return clean_text(value)


# Invisible characters that change how a name is shown (bidi overrides, zero-width space, soft hyphen):
# "Jan\u202eneS" displays as another name. ZWJ/ZWNJ stay allowed: some scripts need them.
_SPOOFING = re.compile("[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _required(value: str) -> str:
    value = clean_text(value)
    if _SPOOFING.search(value):
        raise ValueError("Een naam mag geen onzichtbare tekens of tekens voor de schrijfrichting bevatten.")
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


ShortText = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_clean)]
LongText = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_clean)]
def _municipality_code(value: str) -> str:
    value = value.strip().upper()
    reference.municipality_name(value)
    return value


MunicipalityCode = Annotated[str, Field(max_length=6), AfterValidator(_municipality_code)]
RequiredName = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_required)]


# The lifecycle runs forward; a case can be closed early (withdrawn, moved) or reopened into treatment,
# and a plan can go back to treatment when it has to be rewritten. (design choice)
ALLOWED_TRANSITIONS: dict[HouseholdStatus, frozenset[HouseholdStatus]] = {
    HouseholdStatus.AANGEMELD: frozenset({HouseholdStatus.IN_BEHANDELING, HouseholdStatus.AFGESLOTEN}),
    HouseholdStatus.IN_BEHANDELING: frozenset({HouseholdStatus.PLAN_VASTGESTELD, HouseholdStatus.AFGESLOTEN}),
    HouseholdStatus.PLAN_VASTGESTELD: frozenset(
        {HouseholdStatus.UITVOERING, HouseholdStatus.IN_BEHANDELING, HouseholdStatus.AFGESLOTEN}
    ),
    HouseholdStatus.UITVOERING: frozenset(
        {HouseholdStatus.GEEVALUEERD, HouseholdStatus.IN_BEHANDELING, HouseholdStatus.AFGESLOTEN}
    ),
    HouseholdStatus.GEEVALUEERD: frozenset(
        {HouseholdStatus.AFGESLOTEN, HouseholdStatus.UITVOERING, HouseholdStatus.IN_BEHANDELING}
    ),
    HouseholdStatus.AFGESLOTEN: frozenset({HouseholdStatus.IN_BEHANDELING}),
}


def check_transition(current: HouseholdStatus, new: HouseholdStatus) -> None:
    if new == current:
        return
    if new not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(s.label for s in sorted(ALLOWED_TRANSITIONS[current], key=list(HouseholdStatus).index))
        raise IllegalTransition(
            f"Een casus met status '{current.label}' kan niet naar '{new.label}'. Wel mogelijk: {allowed}."
        )


class Member(BaseModel):
    """A household member. The BSN is optional (only where a statutory task needs it)."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    name: RequiredName
    date_of_birth: date
    role: MemberRole = MemberRole.OVERIG
    bsn: str | None = None

    @field_validator("bsn", mode="before")
    @classmethod
    def _bsn(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValueError("Een BSN bestaat uit 9 cijfers (0-9).")
        return normalise_bsn(value)

    @field_validator("date_of_birth")
    @classmethod
    def _birth(cls, value: date) -> date:
        return check_birth_date(value, date.today())


class Problem(BaseModel):
    """A problem on one ZRM leefgebied with its score (1 acute … 5 fully self-reliant)."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    leefgebied: str
    score: int = Field(ge=1, le=5)
    since: date | None = None
    description: LongText = ""
    member_id: int | None = None
    """The member the problem belongs to (optional; None: the household's). Must be a member of the household."""

    @field_validator("leefgebied")
    @classmethod
    def _leefgebied(cls, value: str) -> str:
        if value not in reference.leefgebieden():
            raise ValueError(f"Onbekend leefgebied {value!r}.")
        return value

    @field_validator("since")
    @classmethod
    def _since(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError("De begindatum ligt in de toekomst.")
        return value

    @property
    def leefgebied_label(self) -> str:
        return reference.leefgebieden()[self.leefgebied]


class InvolvedOrganisation(BaseModel):
    """An organisation involved with the household: what it provides, under which law, at what yearly cost."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    name: RequiredName
    type: OrganisationType = OrganisationType.OVERIG
    legal_framework: LegalFramework = LegalFramework.OVERIG
    product: ShortText = ""
    yearly_cost: Decimal = Field(default=Decimal("0.00"), ge=0, le=Decimal("10000000"), decimal_places=2)


class Address(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    street: ShortText = ""
    house_number: Annotated[str, Field(max_length=12), AfterValidator(_clean)] = ""
    postcode: str = ""
    city: ShortText = ""

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str) -> str:
        return normalise_postcode(value) if value.strip() else ""


class Household(BaseModel):
    """The aggregate root of a case. `version` guards against lost updates."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    case_number: str | None = None
    name: RequiredName
    municipality_code: MunicipalityCode
    address: Address = Field(default_factory=Address)
    status: HouseholdStatus = HouseholdStatus.AANGEMELD
    professional: ShortText = ""
    team: ShortText = ""
    """The wijkteam that holds the case; its members may open it without giving a reason."""
    members: list[Member] = Field(default_factory=list, max_length=40)
    problems: list[Problem] = Field(default_factory=list, max_length=60)
    organisations: list[InvolvedOrganisation] = Field(default_factory=list, max_length=100)
    closed_on: date | None = None
    """When the case was closed; retention periods count from here."""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("case_number")
    @classmethod
    def _case_number(cls, value: str | None) -> str | None:
        return None if value is None else check_case_number(value)

    @model_validator(mode="after")
    def _one_problem_per_leefgebied(self) -> Household:
        seen: set[str] = set()
        for problem in self.problems:
            if problem.leefgebied in seen:
                raise ValueError(f"Leefgebied {problem.leefgebied_label} staat er twee keer in.")
            seen.add(problem.leefgebied)
        ids = {m.id for m in self.members if m.id is not None}
        for problem in self.problems:
            if problem.member_id is not None and problem.member_id not in ids:
                raise ValueError(f"Het probleem op {problem.leefgebied_label} hoort bij iemand die geen lid is.")
        return self

    @property
    def municipality_name(self) -> str:
        return reference.municipalities()[self.municipality_code]

    def change_status(self, new: HouseholdStatus, today: date | None = None) -> None:
        check_transition(self.status, new)
        if new is HouseholdStatus.AFGESLOTEN and self.status is not HouseholdStatus.AFGESLOTEN:
            self.closed_on = today or date.today()
        elif new is not HouseholdStatus.AFGESLOTEN:
            self.closed_on = None
        self.status = new
