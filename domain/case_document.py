"""The versioned JSON case file (`doorbraak case export/import`), documented in docs/case-format.md.

A case file moves a household between databases (another municipality, a trainer's scenario).
Version 1 holds the household, members, problems and organisations; later versions add the plan.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from domain.errors import InvalidInput, Problem
from domain.household import Household, HouseholdStatus
from domain.messages import invalid_input
from domain.services.households import HouseholdDraft

FORMAT = "doorbraak-case"
FORMAT_VERSION = 1


class HouseholdDocument(HouseholdDraft):
    case_number: str | None = None
    status: HouseholdStatus = HouseholdStatus.AANGEMELD
    closed_on: date | None = None


class CaseDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["doorbraak-case"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    exported_at: datetime | None = None
    household: HouseholdDocument


def document_from_household(household: Household, exported_at: datetime) -> dict[str, Any]:
    data = household.model_dump(
        mode="json",
        exclude={
            "id": True,
            "version": True,
            "created_at": True,
            "updated_at": True,
            "members": {"__all__": {"id"}},
            "problems": {"__all__": {"id"}},
            "organisations": {"__all__": {"id"}},
        },
    )
    return CaseDocument(household=HouseholdDocument.model_validate(data), exported_at=exported_at).model_dump(mode="json")


def household_from_document(data: Any) -> Household:
    """Validate a whole case file; raise InvalidInput naming every problem (path and Dutch reason)."""
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "Een casusbestand is een JSON-object met 'format' en 'household'.")])
    if data.get("format") != FORMAT:
        raise InvalidInput([Problem("format", f"Dit is geen doorbraak-casusbestand (verwacht format '{FORMAT}').")])
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(
            [Problem("format_version", f"Versie {data.get('format_version')!r} wordt niet ondersteund (wel: {FORMAT_VERSION}).")]
        )
    try:
        document = CaseDocument.model_validate(data)
        household = document.household
        return Household.model_validate(household.model_dump())
    except ValidationError as exc:
        raise invalid_input(exc) from None
