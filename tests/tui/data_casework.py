"""Casework test data for the Pilot tests, built only through the domain services (not sample.db).

On top of the households of `tests.tui.data` (today 01-11-2026):
- Familie Bakker: Jeugdwet support and a son who turns 18 on 15-01-2027 → a "wordt 18" signal;
- Familie Jansen: overbrugging OB (ingezet, € 800 booked, cap € 1.000) whose settlement deadline was
  01-09-2026 → "verrekening te laat";
- Huishouden Pietersen: an ingezette overbrugging with € 1.500 booked against a cap of € 1.200 → "plafond";
- Huishouden El Amrani: a lokale escalation submitted on 01-08-2026 → waiting longer than 8 weeks;
- three knelpunten with occurrences from May to October 2026 (a rising trend).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.escalation import EscalationStatus
from domain.knelpunt import KnelpuntStatus
from domain.overbrugging import OverbruggingStatus
from domain.services.escalation import change_escalation_status, start_escalation
from domain.services.households import create_household, parse_draft
from domain.services.knelpunten import KnelpuntDraft, add_knelpunt, change_knelpunt_status, record_occurrence
from domain.services.overbrugging import book_cost, change_overbrugging_status, request_overbrugging
from storage.bootstrap import Database
from tests.builders import decider_for
from tests.tui.data import TODAY, build

JANSEN_IDENTIFIERS = (
    "Jansen", "Petra", "Kees", "Sem", "999993653", "Dorpsstraat", "1234AB", "1234 AB",
    "1984-03-15", "15-03-1984", "1982-07-01", "01-07-1982", "2009-05-20", "20-05-2009",
)
"""Everything that identifies Familie Jansen (tests.tui.data.jansen_draft): none may leave in a dossier."""


@dataclass
class CaseworkData:
    numbers: list[str]
    bakker: str
    late_overbrugging: int
    over_cap_overbrugging: int
    waiting_escalation: int
    knelpunten: list[int]


def overbrugging_draft(**changes: Any) -> dict[str, Any]:
    return {
        "support_needed": "Begeleiding thuis, drie dagdelen per week",
        "urgency_reason": "Zonder begeleiding dreigt opname",
        "transition": "wmo-wlz",
        "laws_in_dispute": ["Wmo 2015", "Wlz"],
        "organisations_in_dispute": ["Gemeente Amsterdam", "Zorgkantoor Amstelland"],
        "voorfinancier": "Gemeente Amsterdam",
        "cap": "1000.00",
        "expected_cost": "900.00",
        "start_date": "2026-06-01",
        "max_duration_months": 6,
        "settlement_deadline": "2026-09-01",
    } | changes


def _running(db: Database, case_number: str, draft: dict[str, Any], cost: str) -> int:
    """Request, grant, start and book one cost, on dates in the past."""
    actor = db.actor
    result = request_overbrugging(case_number, draft, db.uow(), actor, today=date(2026, 6, 1))
    ob = result.overbrugging
    assert ob.id is not None
    steps = ((OverbruggingStatus.TOEGEKEND, date(2026, 6, 2)), (OverbruggingStatus.INGEZET, date(2026, 6, 3)))
    for status, on in steps:
        by = decider_for(db, case_number) if status is OverbruggingStatus.TOEGEKEND else actor
        ob = change_overbrugging_status(ob.id, status, ob.version, db.uow(), by, on=on, today=on).overbrugging
        assert ob.id is not None
    book_cost(ob.id, {"amount": cost, "description": "Factuur begeleiding juni", "booked_on": "2026-07-01"},
              ob.version, db.uow(), actor, today=date(2026, 7, 1))
    return ob.id


def build_casework(db: Database) -> CaseworkData:
    numbers = build(db)
    actor = db.actor
    bakker = create_household(
        parse_draft({
            "name": "Familie Bakker",
            "municipality_code": "GM0363",
            "professional": "Anna de Vries",
            "members": [
                {"name": "Ilse Bakker", "date_of_birth": "1980-02-02", "role": "hoofdbewoner"},
                {"name": "Daan Bakker", "date_of_birth": "2009-01-15", "role": "kind"},
            ],
            "organisations": [{"name": "Jeugdteam Noord", "type": "gemeente", "legal_framework": "Jeugdwet",
                               "product": "Ambulante jeugdhulp", "yearly_cost": "12000.00"}],
        }),
        db.uow(), actor, today=TODAY,
    )
    assert bakker.case_number is not None

    late = _running(db, numbers[0], overbrugging_draft(), "800.00")
    over_cap = _running(db, numbers[5], overbrugging_draft(cap="1200.00", expected_cost="1100.00",
                                                           settlement_deadline="2027-03-01",
                                                           organisations_in_dispute=[]), "1500.00")

    escalation = start_escalation(
        numbers[2],
        {"blockage": "De uitkering is gestopt omdat het adres in de BRP ontbreekt.",
         "requested_solution": "Een briefadres en herstel van de uitkering met terugwerkende kracht.",
         "domains": ["financien", "huisvesting"], "organisations": ["UWV", "Gemeente Utrecht"]},
        db.uow(), actor, today=date(2026, 7, 28),
    )
    assert escalation.id is not None
    change_escalation_status(escalation.id, EscalationStatus.INGEDIEND, escalation.version, db.uow(), actor,
                             on=date(2026, 8, 1), today=date(2026, 8, 1))

    knelpunten: list[int] = []
    versions: list[int] = []
    specs = [
        ("Jeugdhulp stopt abrupt op 18 jaar", "wet", "Jeugdwet", "Gemeenten", date(2026, 5, 4),
         [date(2026, 7, 1), date(2026, 8, 3), date(2026, 9, 7), date(2026, 10, 5), date(2026, 10, 20)]),
        ("Schotten tussen Wmo en Wlz", "financiering_schotten", "Wlz", "Zorgkantoren", date(2026, 6, 10),
         [date(2026, 9, 1), date(2026, 10, 2)]),
        ("Geen briefadres na detentie", "samenwerking", "Wet BRP", "Gemeenten", date(2026, 5, 20), []),
    ]
    for title, category, law, organisation, signalled, again in specs:
        k = add_knelpunt(KnelpuntDraft.model_validate(
            {"title": title, "category": category, "law": law, "organisation": organisation,
             "unintended_effect": "De hulp stopt of blijft uit terwijl de oplossing bekend is.",
             "signalled_on": signalled.isoformat()}), db.uow(), actor, today=signalled)
        assert k.id is not None
        for on in again:
            k = record_occurrence(k.id, k.version, db.uow(), actor, on=on)
            assert k.id is not None
        knelpunten.append(k.id)
        versions.append(k.version)
    change_knelpunt_status(knelpunten[0], KnelpuntStatus.GEAGENDEERD, versions[0], db.uow(), actor,
                           on=date(2026, 10, 21))
    return CaseworkData(numbers, bakker.case_number, late, over_cap, escalation.id, knelpunten)
