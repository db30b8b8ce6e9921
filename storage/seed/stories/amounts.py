"""Statutory amounts of 2026 the demo data uses, with their source.

Kinderbijslag (AKW, paid by the SVB per child per quarter, after the quarter) from 1 January 2026:
0-5 years € 295,07 · 6-11 years € 358,30 · 12-17 years € 421,53 per quarter. Source: SVB, "Bedragen
kinderbijslag" (svb.nl, amounts from the first quarter of 2026), as reproduced on slimgeldbeheer.nl
("Kinderbijslag 2026: actuele bedragen per leeftijd"); the svb.nl page itself was not in the stored
material this was checked against. The amount rises from the quarter after the 6th and 12th birthday
and ends at 18 (AKW art. 7). A teenager thus brings in about € 1.686 a year, never € 3.820.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.validation import age_on

KINDERBIJSLAG_2026_PER_QUARTER: tuple[tuple[int, int, Decimal], ...] = (
    (0, 5, Decimal("295.07")),
    (6, 11, Decimal("358.30")),
    (12, 17, Decimal("421.53")),
)
KINDERBIJSLAG_SOURCE = "SVB, bedragen kinderbijslag per 1 januari 2026 (per kind per kwartaal)"


def kinderbijslag_per_quarter(age: int) -> Decimal:
    """The 2026 quarterly amount for a child of this age; nothing from 18."""
    for low, high, amount in KINDERBIJSLAG_2026_PER_QUARTER:
        if low <= age <= high:
            return amount
    return Decimal("0.00")


def kinderbijslag_per_year(births: list[date], on: date) -> Decimal:
    """Four quarters at the children's ages on `on` (the yearly figure a case file records)."""
    return sum((4 * kinderbijslag_per_quarter(age_on(born, on)) for born in births), Decimal("0.00"))
