"""Households with a maatwerkplan at different steps, built through the services (fictional data only).

* `blank`: a household with problems and organisations but no plan yet (to write one by keyboard);
* `concept`: a complete concept that nothing blocks from being decided;
* `partial`: a concept that has only a perspective (most steps still missing);
* `decided`: a decided version 1 (frozen);
* `versions`: version 1 decided, version 2 a changed concept (to compare).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from domain.household import Household
from domain.plan import PlanStep
from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import grant_mandate
from tests.tui.pilot_support import open_test_database

HOUSEHOLD: dict[str, Any] = {
    "name": "Huishouden Bakker-Çelik",
    "municipality_code": "GM0344",
    "professional": "Lokale gebruiker",
    "address": {"street": "Kanaalstraat", "house_number": "7", "postcode": "3531 CJ", "city": "Utrecht"},
    "members": [
        {"name": "Eline Bakker", "date_of_birth": "1988-06-01", "role": "hoofdbewoner", "bsn": "999993653"},
        {"name": "Noë Çelik", "date_of_birth": "2012-02-10", "role": "kind"},
    ],
    "problems": [
        {"leefgebied": "financien", "score": 1, "description": "Huurschuld € 3.400 en CJIB-boetes [oud]"},
        {"leefgebied": "huisvesting", "score": 2, "description": "Dreigende huisuitzetting"},
    ],
    "organisations": [
        {"name": "Gemeente Utrecht", "type": "gemeente", "legal_framework": "Participatiewet"},
        {"name": "Mitros", "type": "woningcorporatie", "legal_framework": "Huurrecht (BW)"},
        {"name": "CJIB", "type": "landelijke_uitvoeringsorganisatie", "legal_framework": "Strafrecht"},
    ],
}

DECISION_REQUEST: dict[str, Any] = {"decided_on": "2026-11-05"}
"""Decided by `tests.builders.DECIDER` (Sanne de Wit), on a mandate `grant_mandate` registers."""


def complete_content(problem_id: int | None) -> dict[str, Any]:
    """A concept that nothing blocks: two goals, a deviating action with a legal basis, four cost lines."""
    return {
        "in_kaart": {"samenvatting": "Twaalf hulpverleners; de huurschuld blokkeert alles.", "datum": "2026-10-01"},
        "perspectief": "Over een jaar wonen we hier nog, zonder deurwaarder, en gaat Noë naar de brugklas.",
        "sta_in_de_weg": {"problem_id": problem_id, "toelichting": "Zonder woning lukt niets."},
        "doorbraak": "De gemeente lost de huurschuld in één keer af; Mitros ziet af van ontruiming.",
        "goals": [
            {"text": "Geen huurachterstand meer", "leefgebied": "financien", "target_score": 3},
            {"text": "Woning behouden", "leefgebied": "huisvesting", "target_score": 4},
        ],
        "actions": [
            {
                "what": "Huurschuld aflossen (bijzondere bijstand, afwijkend van de beleidsregel)",
                "owner_organisation": "Gemeente Utrecht",
                "contact": "Team maatwerk, 030-0000000",
                "deadline": "2026-12-15",
                "goal_id": "d1",
                "cost_line_id": "k3",
                "deviating": True,
                "legal_basis_ids": ["awb_4_84"],
                "reasoning": {"onevenredigheid": "Uitzetting kost de samenleving veel meer dan de schuld."},
            },
            {"what": "Ontruiming intrekken", "owner_organisation": "Mitros", "deadline": "2026-12-20", "goal_id": "d2"},
        ],
        "rekensom": {
            "horizon_months": 12,
            "lines": [
                {"description": "Huisuitzetting", "scenario": "huidig_pad", "payer": "overig", "amount": "100000.00",
                 "probability": "0.25", "start_month": 3,
                 "source": {"kengetal_id": "huisuitzetting", "text": "Stadlander", "year": 2015}},
                {"description": "Maatschappelijke opvang", "scenario": "huidig_pad", "payer": "gemeente_wmo",
                 "amount": "23236.00", "frequency": "per_jaar", "start_month": 4, "probability": "0.5",
                 "source": {"kengetal_id": "mo_feitelijk_dakloos", "text": "Cebeon", "year": 2011}},
                {"description": "Aflossing huurschuld", "scenario": "doorbraak", "payer": "gemeente_participatiewet",
                 "amount": "3400.00", "source": {"text": "Huurafrekening Mitros", "year": 2026}},
                {"description": "Schuldhulptraject", "scenario": "doorbraak", "payer": "gemeente_schuldhulp",
                 "amount": "1500.00", "source": {"kengetal_id": "schuldhulpverlening_traject",
                                                  "text": "Stichting Zwerfjongeren", "year": 2005}},
            ],
        },
        "juridisch": {
            "bevoegd_gezag": "College van B en W van Utrecht",
            "wettelijk_kader": "Participatiewet, Awb",
            "grondslagen": [{"basis_id": "awb_4_84", "toelichting": "Afwijken van de beleidsregel."}],
            "feiten": "Huurschuld van € 3.400; ontruiming aangezegd.",
            "onevenredigheid": "Ontruiming van een gezin met een kind is onevenredig.",
            "risicos": "Precedentwerking; beperkt door het eenmalige karakter.",
            "privacy_grondslagen": [{"basis_id": "avg_6", "toelichting": "Wettelijke taak"}],
        },
        "consent": {"given_by": "Eline Bakker", "given_on": "2026-11-02", "method": "schriftelijk",
                    "scope": "Delen van de huurschuldgegevens met Mitros en het CJIB."},
    }


@dataclass
class PlanData:
    db: Database
    blank: str
    concept: str
    partial: str
    decided: str
    versions: str


def _household(db: Database, name: str) -> Household:
    household = household_service.create_household(parse_draft({**HOUSEHOLD, "name": name}), db.uow(), db.actor)
    assert household.case_number is not None
    return household


def _finance(household: Household) -> int:
    problem = next(p for p in household.problems if p.leefgebied == "financien")
    assert problem.id is not None
    return problem.id


def build_plans(db: Database) -> PlanData:
    uow, actor = db.uow, db.actor
    blank = _household(db, "Huishouden Bakker-Çelik")
    concept = _household(db, "Huishouden Visser")
    plan_service.start_plan(str(concept.case_number), uow(), actor, content=complete_content(_finance(concept)))
    partial = _household(db, "Huishouden De Jong")
    plan_service.start_plan(str(partial.case_number), uow(), actor,
                            content={"perspectief": "Over een jaar hebben we rust in huis."})
    decided = _household(db, "Huishouden Mulder")
    plan = plan_service.start_plan(str(decided.case_number), uow(), actor,
                                   content=complete_content(_finance(decided)))
    decider = grant_mandate(uow, actor)
    plan_service.decide_plan(str(decided.case_number), DECISION_REQUEST, plan.version, uow(), decider)
    versions = _household(db, "Huishouden Smit")
    case = str(versions.case_number)
    plan = plan_service.start_plan(case, uow(), actor, content=complete_content(_finance(versions)))
    plan = plan_service.decide_plan(case, DECISION_REQUEST, plan.version, uow(), decider)
    plan = plan_service.new_plan_version(case, uow(), actor)
    plan_service.update_section(case, PlanStep.DOORBRAAK,
                                "De gemeente lost de huurschuld af en betaalt drie maanden huur door.",
                                plan.version, uow(), actor)
    return PlanData(db, str(blank.case_number), str(concept.case_number), str(partial.case_number),
                    str(decided.case_number), case)


def open_plan_database(path: Path) -> PlanData:
    return build_plans(open_test_database(path))
