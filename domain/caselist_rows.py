"""The case list's rows and pages, without pydantic: what storage's raw first page (storage/raw_start.py) builds
before the app has imported its services, and what the case list table shows. `domain.caselist` re-exports them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from domain.household_kinds import HouseholdStatus


class CaseListRow(NamedTuple):
    """One row of the case list. Immutable like a frozen dataclass, but a named tuple: a page builds a hundred of
    them, and a frozen dataclass's `__init__` (one `object.__setattr__` per field, 0.52 µs a row) cost about a
    fifth of the first page at 100,000 households; a named tuple costs 0.19 µs."""

    case_number: str
    name: str
    municipality_name: str
    status: HouseholdStatus
    professional: str
    updated_at: datetime


COUNT_CAP = 10_000
"""A text search counts its matches up to this many; beyond it the total is shown as '10.000+'."""


@dataclass(frozen=True)
class CaseListPage:
    rows: list[CaseListRow]
    total: int
    offset: int
    limit: int
    total_exact: bool = True
    """False when a text search matched more than COUNT_CAP households: `total` is then a lower bound."""

    @property
    def has_more(self) -> bool:
        """Are there rows after this page?"""
        return self.offset + len(self.rows) < self.total or (not self.total_exact and len(self.rows) == self.limit)
