"""A small, deterministic set of households built through the domain services (not sample.db)."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.household import HouseholdStatus
from domain.services.households import change_status, create_household, parse_draft
from storage.bootstrap import Database

TODAY = date(2026, 11, 1)

# (name, gemeente, professional, status path)
HOUSEHOLDS: list[tuple[str, str, str, list[HouseholdStatus]]] = [
    ("Familie Jansen", "GM0363", "Anna de Vries", [HouseholdStatus.IN_BEHANDELING]),
    ("Familie Özdemir", "GM0599", "Bram Visser", []),
    ("Huishouden El Amrani", "GM0344", "Anna de Vries",
     [HouseholdStatus.IN_BEHANDELING, HouseholdStatus.PLAN_VASTGESTELD]),
    ("Familie de Boer [oud]", "GM0014", "Chantal Bakker", []),
    ("Familie Smit", "GM1900", "Bram Visser", [HouseholdStatus.AFGESLOTEN]),
    ("Huishouden Pietersen", "GM0363", "Chantal Bakker", [HouseholdStatus.IN_BEHANDELING]),
    ("Familie Yilmaz", "GM0772", "Dewi Mulder", []),
    ("Familie Willems", "GM0935", "Dewi Mulder",
     [HouseholdStatus.IN_BEHANDELING, HouseholdStatus.PLAN_VASTGESTELD, HouseholdStatus.UITVOERING]),
]


def jansen_draft() -> dict[str, Any]:
    """The first household in full: members (one with a test-range BSN), problems, organisations."""
    return {
        "name": "Familie Jansen",
        "municipality_code": "GM0363",
        "professional": "Anna de Vries",
        "address": {"street": "Dorpsstraat", "house_number": "12", "postcode": "1234AB", "city": "Amsterdam"},
        "members": [
            {"name": "Petra Jansen", "date_of_birth": "1984-03-15", "role": "hoofdbewoner", "bsn": "999993653"},
            {"name": "Kees Jansen", "date_of_birth": "1982-07-01", "role": "partner"},
            {"name": "Sem Jansen", "date_of_birth": "2009-05-20", "role": "kind"},
        ],
        "problems": [
            {"leefgebied": "financien", "score": 1, "since": "2025-01-10",
             "description": "Huurachterstand van vier maanden; deurwaarder [CJIB] betrokken."},
            {"leefgebied": "huisvesting", "score": 2, "description": "Dreigende huisuitzetting."},
            {"leefgebied": "geestelijke_gezondheid", "score": 3},
        ],
        "organisations": [
            {"name": "Woonstad", "type": "woningcorporatie", "legal_framework": "Huurrecht (BW)",
             "product": "Huurovereenkomst", "yearly_cost": "0"},
            {"name": "Gemeente Amsterdam", "type": "gemeente", "legal_framework": "Participatiewet",
             "product": "Bijstandsuitkering", "yearly_cost": "14000.00"},
            {"name": "CJIB", "type": "landelijke_uitvoeringsorganisatie", "legal_framework": "Strafrecht",
             "product": "Inning boetes", "yearly_cost": "447.00"},
        ],
    }


def build(db: Database) -> list[str]:
    """Create the households in order; return their case numbers."""
    numbers: list[str] = []
    for index, (name, code, professional, path) in enumerate(HOUSEHOLDS):
        draft: dict[str, Any] = (
            jansen_draft() if index == 0 else {"name": name, "municipality_code": code, "professional": professional}
        )
        household = create_household(parse_draft(draft), db.uow(), db.actor, today=TODAY)
        assert household.case_number is not None
        number = household.case_number
        for status in path:
            household = change_status(number, status, household.version, db.uow(), db.actor)
        numbers.append(number)
    return numbers
