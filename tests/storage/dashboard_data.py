"""A small hand-built municipality for the dashboard tests, written through the services. The expected figures
are computed by hand below.

Period 2026-10-01 .. 2026-11-30 in Utrecht (GM0344), peildatum 2026-11-30:

* A (Fatima Bouzid): plan decided 2026-10-20, in uitvoering; action a2 marked done on 2026-11-10 (its
  done_on set to that day by the service), then a1 marked done with done_on 2026-11-01: the first action
  done is 12 days after the decision; evaluations at 0 months (2026-10-20: financiën 1, huisvesting 2,
  cijfer 4) and at 3 months (2026-11-25: financiën 3, huisvesting 2, cijfer 7, realised costs € 2.500:
  Participatiewet € 1.800, schuldhulp € 700); an overbrugging with
  € 200 booked on 2026-09-01 (before the period) and € 1.000 on 2026-10-15, settled on 2026-11-20 for
  € 1.200: Zorgkantoor Utrecht 60 % (€ 720), Gemeente Utrecht 40 % (€ 480).
* B (Fatima Bouzid): plan decided 2026-10-10, in uitvoering; a1 vastgelopen (deadline 2026-11-10) and a2 open
  (deadline 2026-11-15): both past the deadline; no action done; only the 0-month evaluation, with realised
  costs € 300 without a split per payer (as recorded before the split existed).
* C (Joost Mulder): a concept plan.
* D (Joost Mulder): registered 2026-10-15 (new in the period), no plan; an overbrugging (ingezet) with € 400
  booked on 2026-11-10 whose settlement deadline 2026-11-15 has passed; an escalation submitted 2026-10-05
  and solved 2026-11-04 (30 days, regionaal).
* E: a household in Amsterdam (GM0363) with a decided plan: in none of the figures.

The rekensom of every plan is `complete_content()`'s (huidig pad 32.745,33, doorbraak 4.900,00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from domain.escalation import EscalationStatus
from domain.overbrugging import OverbruggingStatus
from domain.plan import ActionStatus
from domain.services import escalation as escalation_service
from domain.services import households as household_service
from domain.services import overbrugging as overbrugging_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import (
    SettableClock,
    complete_content,
    decider_for,
    escalation_draft,
    grant_mandate,
    household_draft,
    overbrugging_draft,
    problem_id,
)

GEMEENTE = "GM0344"
START = date(2026, 10, 1)
END = date(2026, 11, 30)
TODAY = date(2026, 11, 30)


@dataclass
class Cases:
    a: str
    b: str
    c: str
    d: str
    e: str


def _household(db: Database, name: str, professional: str, code: str = GEMEENTE) -> str:
    data = household_draft(name, municipality_code=code, professional=professional, team="Wijkteam Zuid")
    h = household_service.create_household(parse_draft(data), db.uow(), db.actor, today=date(2026, 9, 1))
    assert h.case_number is not None
    return h.case_number


def _decided_plan(db: Database, case: str, decided_on: date, deadlines: tuple[str, str] | None = None) -> Any:
    household = household_service.get_household(case, db.uow(), db.actor)
    content = complete_content(problem_id(household, "financien"))
    if deadlines is not None:
        content["actions"][0]["deadline"], content["actions"][1]["deadline"] = deadlines
    plan = plan_service.start_plan(case, db.uow(), db.actor, content=content)
    decider = grant_mandate(db.uow, db.actor, household.municipality_code)
    plan = plan_service.decide_plan(case, {"decided_on": decided_on.isoformat()}, plan.version, db.uow(), decider)
    return plan_service.start_execution(case, plan.version, db.uow(), db.actor)


def _evaluation(db: Database, case: str, plan: Any, **data: Any) -> Any:
    return plan_service.record_evaluation(case, data, plan.version, db.uow(), db.actor)


def _overbrugging(db: Database, case: str, deadline: str) -> Any:
    draft = overbrugging_draft(voorfinancier="Gemeente Utrecht", settlement_deadline=deadline)
    result = overbrugging_service.request_overbrugging(case, draft, db.uow(), db.actor, today=date(2026, 8, 20))
    ob = result.overbrugging
    steps = ((OverbruggingStatus.TOEGEKEND, date(2026, 8, 21)), (OverbruggingStatus.INGEZET, date(2026, 8, 22)))
    for status, on in steps:
        actor = decider_for(db, case) if status is OverbruggingStatus.TOEGEKEND else db.actor
        ob = overbrugging_service.change_overbrugging_status(
            ob.id, status, ob.version, db.uow(), actor, today=on
        ).overbrugging
    return ob


def _book(db: Database, ob: Any, amount: str, on: str) -> Any:
    return overbrugging_service.book_cost(
        ob.id, {"amount": amount, "description": "Begeleiding", "booked_on": on}, ob.version, db.uow(), db.actor,
        today=date(2026, 11, 30),
    ).overbrugging


def build(db: Database) -> Cases:
    clock = SettableClock(datetime(2026, 9, 1, 9, 0, tzinfo=UTC))
    db.clock = clock
    a = _household(db, "Huishouden Aydın", "Fatima Bouzid")
    b = _household(db, "Huishouden de Boer", "Fatima Bouzid")
    c = _household(db, "Huishouden Claes", "Joost Mulder")
    clock.set(date(2026, 10, 15))
    d = _household(db, "Huishouden Dekker", "Joost Mulder")
    e = _household(db, "Huishouden Eelman", "Fatima Bouzid", code="GM0363")

    clock.set(date(2026, 10, 20))
    plan_a = _decided_plan(db, a, date(2026, 10, 20))
    plan_a = _evaluation(db, a, plan_a, moment=0, on_date="2026-10-20", rapportcijfer=4,
                         scores={"financien": 1, "huisvesting": 2})
    clock.set(date(2026, 11, 10))
    plan_a = plan_service.set_action_status(a, "a2", ActionStatus.GEDAAN, plan_a.version, db.uow(), db.actor,
                                            today=date(2026, 11, 10))
    plan_a = plan_service.set_action_status(a, "a1", ActionStatus.GEDAAN, plan_a.version, db.uow(), db.actor,
                                            done_on=date(2026, 11, 1), today=date(2026, 11, 10))
    plan_a = _evaluation(db, a, plan_a, moment=3, on_date="2026-11-25", rapportcijfer=7,
                         realised_by_payer={"gemeente_schuldhulp": "700", "gemeente_participatiewet": "1800.00"},
                         scores={"financien": 3, "huisvesting": 2})

    clock.set(date(2026, 10, 10))
    plan_b = _decided_plan(db, b, date(2026, 10, 10), deadlines=("2026-11-10", "2026-11-15"))
    plan_b = _evaluation(db, b, plan_b, moment=0, on_date="2026-10-10", rapportcijfer=5, scores={"financien": 2},
                         realised_costs="300.00")
    clock.set(date(2026, 11, 2))
    plan_service.set_action_status(b, "a1", ActionStatus.VASTGELOPEN, plan_b.version, db.uow(), db.actor)

    plan_service.start_plan(c, db.uow(), db.actor)

    ob_d = _overbrugging(db, d, "2026-11-15")
    _book(db, ob_d, "400.00", "2026-11-10")
    ob_a = _overbrugging(db, a, "2027-03-01")
    ob_a = _book(db, ob_a, "200.00", "2026-09-01")
    ob_a = _book(db, ob_a, "1000.00", "2026-10-15")
    overbrugging_service.settle_overbrugging(
        ob_a.id,
        {"shares": [{"payer": "Zorgkantoor Utrecht", "percentage": "60"},
                    {"payer": "Gemeente Utrecht", "percentage": "40"}]},
        ob_a.version, db.uow(), db.actor, today=date(2026, 11, 20),
    )

    esc = escalation_service.start_escalation(d, escalation_draft(level="regionaal"), db.uow(), db.actor,
                                              today=date(2026, 10, 5))
    assert esc.id is not None
    esc = escalation_service.change_escalation_status(esc.id, EscalationStatus.INGEDIEND, esc.version, db.uow(),
                                                      db.actor, on=date(2026, 10, 5))
    esc = escalation_service.change_escalation_status(esc.id, EscalationStatus.IN_BEHANDELING, esc.version,
                                                      db.uow(), db.actor, on=date(2026, 10, 12))
    escalation_service.change_escalation_status(esc.id, EscalationStatus.OPGELOST, esc.version, db.uow(), db.actor,
                                                on=date(2026, 11, 4))

    clock.set(date(2026, 10, 1))
    _decided_plan(db, e, date(2026, 10, 1))
    return Cases(a, b, c, d, e)
