"""The versioned JSON case file (`doorbraak case export/import`), documented in docs/case-format.md.

A case file moves a household between databases (another municipality, a trainer's scenario).
Version 1 holds the household, members, problems and organisations; version 2 adds `plans`, every
version of the household's maatwerkplan (oldest first). Version 1 files are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from domain.errors import InvalidInput, Problem
from domain.household import Household, HouseholdStatus
from domain.jsondata import JsonObject
from domain.messages import invalid_input
from domain.plan import Maatwerkplan
from domain.plan_document import plan_to_document, plans_from_documents
from domain.services.households import HouseholdDraft

FORMAT: Final = "doorbraak-case"
FORMAT_VERSION: Final = 2
READABLE_VERSIONS = (1, 2)


class HouseholdDocument(HouseholdDraft):
    case_number: str | None = None
    status: HouseholdStatus = HouseholdStatus.AANGEMELD
    closed_on: date | None = None


class CaseDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["doorbraak-case"] = FORMAT
    format_version: Literal[1, 2] = FORMAT_VERSION
    exported_at: datetime | None = None
    household: HouseholdDocument
    plans: list[Any] = []
    """Version 2: the plan versions as plan documents (see domain/plan_document.py), oldest first."""


@dataclass(frozen=True)
class CaseFile:
    """A validated case file: the household and its plan documents (checked against the household)."""

    household: Household
    plans: list[JsonObject] = field(default_factory=list)


def document_from_household(
    household: Household, exported_at: datetime, plans: Sequence[Maatwerkplan] = ()
) -> JsonObject:
    data = household.model_dump(
        mode="json",
        exclude={
            "id": True,
            "version": True,
            "created_at": True,
            "updated_at": True,
            "members": {"__all__": {"id"}},
            # The member a problem belongs to is an id of this database: not carried (docs/people.md).
            "problems": {"__all__": {"id", "member_id"}},
            "organisations": {"__all__": {"id"}},
        },
    )
    return CaseDocument(
        household=HouseholdDocument.model_validate(data),
        exported_at=exported_at,
        plans=[plan_to_document(plan) for plan in plans],
    ).model_dump(mode="json")


def household_from_document(data: Any) -> Household:
    """Validate a whole case file; raise InvalidInput naming every problem (path and Dutch reason)."""
    return case_from_document(data).household


def loads_case_json(text: str) -> Any:
    """Parse a case file: a UTF-8 BOM is accepted (as for CSV); duplicate keys and NaN/Infinity are refused
    (a second "bsn" would otherwise silently win)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> JsonObject:
        seen: JsonObject = {}
        for key, value in pairs:
            if key in seen:
                raise InvalidInput([Problem(key, "komt twee keer voor in hetzelfde object.")])
            seen[key] = value
        return seen

    def no_constant(name: str) -> Any:
        raise InvalidInput([Problem("", f"{name} is geen getal in een casusbestand.")])

    try:
        return json.loads(text.removeprefix("\ufeff"), object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem("", f"Geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).")]) from None


EARLIEST_CLOSED_ON = date(1990, 1, 1)
_PLAIN_AMOUNT = re.compile(r"-?\d{1,12}(?:\.\d{1,2})?")


def _strict_problems(household: Any) -> list[Problem]:
    """What lenient validation would let through: "2" or true as a score, "1E+5" as an amount, a closing
    date that would purge the case at once or never."""
    problems: list[Problem] = []
    if not isinstance(household, dict):
        return problems
    for index, problem in enumerate(household.get("problems") or []):
        score = problem.get("score") if isinstance(problem, dict) else None
        if score is not None and (isinstance(score, bool) or not isinstance(score, int)):
            problems.append(Problem(f"household.problems.{index}.score", "moet een geheel getal van 1 tot 5 zijn."))
    for index, organisation in enumerate(household.get("organisations") or []):
        cost = organisation.get("yearly_cost") if isinstance(organisation, dict) else None
        plain = isinstance(cost, int | float) and not isinstance(cost, bool)
        if cost is not None and not plain and not (isinstance(cost, str) and _PLAIN_AMOUNT.fullmatch(cost)):
            problems.append(Problem(f"household.organisations.{index}.yearly_cost",
                                    "moet een bedrag zijn zoals 1250.00 (geen exponent of tekst)."))
    closed = household.get("closed_on")
    if isinstance(closed, str):
        try:
            day = date.fromisoformat(closed)
        except ValueError:
            day = None
        if day is not None and not EARLIEST_CLOSED_ON <= day <= date.today():
            problems.append(Problem("household.closed_on",
                                    f"moet tussen {EARLIEST_CLOSED_ON.isoformat()} en vandaag liggen."))
    return problems


def case_from_document(data: Any) -> CaseFile:
    """Validate a case file of version 1 or 2 with its plans; every problem is named, nothing is half-read.

    Plans are checked against the household (their obstacle names one of its problems by leefgebied).
    """
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "Een casusbestand is een JSON-object met 'format' en 'household'.")])
    if data.get("format") != FORMAT:
        raise InvalidInput([Problem("format", f"Dit is geen doorbraak-casusbestand (verwacht format '{FORMAT}').")])
    if data.get("format_version") not in READABLE_VERSIONS:
        wanted = ", ".join(str(v) for v in READABLE_VERSIONS)
        raise InvalidInput(
            [
                Problem(
                    "format_version", f"Versie {data.get('format_version')!r} wordt niet ondersteund (wel: {wanted})."
                )
            ]
        )
    if data.get("format_version") == 1 and "plans" in data:
        raise InvalidInput(
            [Problem("plans", "is een onbekend veld in versie 1 (plannen staan vanaf versie 2 in het bestand)")]
        )
    strict = _strict_problems(data.get("household"))
    if strict:
        raise InvalidInput(strict)
    try:
        document = CaseDocument.model_validate(data)
        household = Household.model_validate(document.household.model_dump())
    except ValidationError as exc:
        raise invalid_input(exc) from None
    plans = list(document.plans)
    if plans:
        # Check the plans against the household as it will be stored (problems numbered provisionally).
        numbered = household.model_copy(
            update={"problems": [p.model_copy(update={"id": i}) for i, p in enumerate(household.problems, start=1)]}
        )
        plans_from_documents(plans, numbered, prefix="plans")
    return CaseFile(household=household, plans=plans)
