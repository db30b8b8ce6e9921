"""Bewaartermijnen: how long a closed case is kept, per legal framework, overridable per municipality.

Defaults from TRUST.md (to be confirmed by each municipality's records officer, hence configuration):
Jeugdwet 20 years, Wmo 15, Participatiewet 10; a case with none of these: 5 (design choice).
A case is kept for the longest period of the frameworks of its involved organisations.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from domain.household_kinds import LegalFramework

if TYPE_CHECKING:
    from domain.household import Household


class RetentionPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    jeugdwet_years: int = Field(default=20, ge=1, le=100)
    wmo_years: int = Field(default=15, ge=1, le=100)
    participatiewet_years: int = Field(default=10, ge=1, le=100)
    default_years: int = Field(default=5, ge=1, le=100)

    def years_for(self, household: Household) -> int:
        return self.years_for_frameworks({org.legal_framework for org in household.organisations})

    def years_for_frameworks(self, frameworks: set[LegalFramework]) -> int:
        """The years a case is kept whose involved organisations work under `frameworks`."""
        years = [self.default_years]
        if LegalFramework.JEUGDWET in frameworks:
            years.append(self.jeugdwet_years)
        if LegalFramework.WMO in frameworks:
            years.append(self.wmo_years)
        if LegalFramework.PARTICIPATIEWET in frameworks:
            years.append(self.participatiewet_years)
        return max(years)


class RetentionSettings(BaseModel):
    """The default policy plus overrides per municipality (CBS code → policy)."""

    model_config = ConfigDict(extra="forbid")

    default: RetentionPolicy = Field(default_factory=RetentionPolicy)
    municipalities: dict[str, RetentionPolicy] = Field(default_factory=dict)

    def policy_for(self, municipality_code: str) -> RetentionPolicy:
        return self.municipalities.get(municipality_code, self.default)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year + years, month=3, day=1)


def destroy_after(household: Household, settings: RetentionSettings) -> date | None:
    """The first day the case may be destroyed, or None while it is not closed."""
    if household.closed_on is None:
        return None
    return add_years(household.closed_on, settings.policy_for(household.municipality_code).years_for(household))
