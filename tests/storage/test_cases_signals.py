"""The worklist from the database on SQLite and PostgreSQL: candidate queries, caseload, leap days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NoReturn

from domain.actors import Actor, Role
from domain.escalation import EscalationStatus
from domain.household import HouseholdStatus
from domain.overbrugging import OverbruggingStatus
from domain.services import escalation as escalation_service
from domain.services import households
from domain.services import overbrugging as overbrugging_service
from domain.services.households import parse_draft
from domain.services.signals import worklist
from domain.signals import SignalConfig, SignalKind
from storage.bootstrap import Database
from storage.unit_of_work import SqlUnitOfWork
from tests.builders import TODAY, escalation_draft, make_household, overbrugging_draft

JEUGDWET = [{"name": "Jeugdhulp Oost", "type": "jeugdhulpaanbieder", "legal_framework": "Jeugdwet"}]
NO_JEUGDWET = [{"name": "CJIB", "legal_framework": "Strafrecht"}]


def child(name: str, born: str) -> list[dict[str, Any]]:
    return [
        {"name": "Ouder Test", "date_of_birth": "1980-01-01", "role": "hoofdbewoner"},
        {"name": name, "date_of_birth": born, "role": "kind"},
    ]


class NoHouseholdLoads(SqlUnitOfWork):
    """A unit of work whose household repository refuses to load whole households."""

    def __enter__(self) -> NoHouseholdLoads:
        super().__enter__()

        def refuse(*args: object, **kwargs: object) -> NoReturn:
            raise AssertionError("the worklist must query candidates, not load households")

        self.households.get = refuse  # type: ignore[method-assign]
        self.households.list_cases = refuse  # type: ignore[method-assign]
        return self


def kinds(signals: list[Any]) -> list[tuple[str, str]]:
    """The signals but the big-5 checklist ones (tests/storage/test_people.py covers those)."""
    return [(s.kind.value, s.case_number) for s in without_checklist(signals)]


def without_checklist(signals: list[Any]) -> list[Any]:
    return [s for s in signals if s.kind is not SignalKind.CHECKLIST_18]


def test_worklist_from_the_database(db: Database) -> None:
    turning = make_household(db, name="Huishouden A", members=child("Emre Aydın", "2009-02-14"), organisations=JEUGDWET)
    make_household(db, name="Huishouden B", members=child("Bo Bakker", "2009-01-01"), organisations=NO_JEUGDWET)
    too_late = make_household(db, name="Huishouden C", members=child("Cas", "2009-05-02"), organisations=JEUGDWET)
    closed = make_household(db, name="Huishouden D", members=child("Dewi", "2009-03-01"), organisations=JEUGDWET)
    h = households.get_household(closed, db.uow(), db.actor)
    households.change_status(closed, HouseholdStatus.AFGESLOTEN, h.version, db.uow(), db.actor)
    covered = make_household(db, name="Huishouden E", members=child("Eva", "2009-04-01"), organisations=JEUGDWET)
    overbrugging_service.request_overbrugging(covered, overbrugging_draft(), db.uow(), db.actor, today=TODAY)

    late = overbrugging_service.request_overbrugging(
        too_late,
        overbrugging_draft(transition="wmo-wlz", settlement_deadline="2026-10-15"),
        db.uow(),
        db.actor,
        today=date(2026, 9, 1),
    ).overbrugging
    assert late.id is not None
    waiting = escalation_service.start_escalation(
        turning, escalation_draft(), db.uow(), db.actor, today=date(2026, 8, 16)
    )
    assert waiting.id is not None
    escalation_service.change_escalation_status(
        waiting.id, EscalationStatus.INGEDIEND, waiting.version, db.uow(), db.actor, on=date(2026, 8, 20)
    )

    uow = NoHouseholdLoads(db._sessions, db.audit_key, db.clock)  # type: ignore[arg-type]  # noqa: SLF001
    signals = without_checklist(worklist(uow, db.actor, today=TODAY))
    assert kinds(signals) == [
        ("verrekening_verlopen", too_late),  # high first, then by due date
        ("escalatie_wacht", turning),
        ("wordt_18", turning),
    ]
    assert "Emre Aydın wordt 18 op 14-02-2027" in signals[2].text
    assert signals[0].object_type == "overbrugging" and signals[0].object_id == str(late.id)
    # A longer wait threshold and a filter on kinds.
    relaxed = worklist(db.uow(), db.actor, today=TODAY, config=SignalConfig(escalation_wait_weeks=20))
    assert SignalKind.ESCALATIE_WACHT not in {s.kind for s in relaxed}
    only = worklist(db.uow(), db.actor, today=TODAY, kinds=frozenset({SignalKind.WORDT_18}))
    assert kinds(only) == [("wordt_18", turning)]


def test_over_cap_and_leap_day_from_the_database(db: Database) -> None:
    leap = make_household(db, name="Huishouden Schrikkel", members=child("Sam", "2008-02-29"), organisations=JEUGDWET)
    ob = overbrugging_service.request_overbrugging(
        leap,
        overbrugging_draft(
            transition="overig",
            transition_note="Zvw naar Wlz",
            cap="100.00",
            expected_cost="80.00",
            start_date="2025-09-01",
            settlement_deadline="2026-12-01",
        ),
        db.uow(),
        db.actor,
        today=date(2025, 9, 1),
    ).overbrugging
    assert ob.id is not None
    from tests.builders import decider_for

    for status in (OverbruggingStatus.TOEGEKEND, OverbruggingStatus.INGEZET):
        actor = decider_for(db, ob.case_number) if status is OverbruggingStatus.TOEGEKEND else db.actor
        ob = overbrugging_service.change_overbrugging_status(
            ob.id, status, ob.version, db.uow(), actor, today=date(2025, 9, 2)
        ).overbrugging
    overbrugging_service.book_cost(
        ob.id, {"amount": "120", "description": "Factuur", "booked_on": "2025-10-01"}, ob.version, db.uow(), db.actor
    )
    on_28_feb = without_checklist(worklist(db.uow(), db.actor, today=date(2026, 2, 28)))
    assert kinds(on_28_feb) == [("wordt_18", leap), ("plafond_overschreden", leap)]
    assert on_28_feb[0].due == date(2026, 3, 1)
    assert kinds(worklist(db.uow(), db.actor, today=date(2026, 3, 2))) == [("plafond_overschreden", leap)]


def test_professionals_see_only_their_caseload(db: Database) -> None:
    own = make_household(db, name="Huishouden Oost", members=child("Ole", "2009-02-01"), organisations=JEUGDWET)
    other = make_household(
        db,
        name="Huishouden West",
        members=child("Wim", "2009-02-02"),
        organisations=JEUGDWET,
        professional="Kim de Vries",
        team="Wijkteam West",
    )
    oost = Actor(
        username="fbouzid",
        display_name="Fatima Bouzid",
        role=Role.PROFESSIONAL,
        municipality_codes=frozenset({"GM0363"}),
        team="Wijkteam Oost",
    )
    rotterdam = Actor(username="c", display_name="C", role=Role.COORDINATOR, municipality_codes=frozenset({"GM0599"}))
    assert kinds(worklist(db.uow(), oost, today=TODAY)) == [("wordt_18", own)]
    assert {c for _, c in kinds(worklist(db.uow(), db.actor, today=TODAY))} == {own, other}
    assert worklist(db.uow(), rotterdam, today=TODAY) == []
    assert kinds(worklist(db.uow(), db.actor, today=TODAY - timedelta(days=400))) == []


def test_plan_actions_past_their_deadline(db: Database) -> None:
    """Read-only use of the plan module's tables: newest decided version only, unfinished actions only."""
    from domain.plan import ActionStatus
    from domain.services import plans
    from tests.builders import DECISION_REQUEST, HOUSEHOLD, complete_content, grant_mandate, problem_id

    household = households.create_household(parse_draft(HOUSEHOLD), db.uow(), db.actor)
    case = household.case_number
    assert case is not None
    plan = plans.start_plan(case, db.uow(), db.actor, content=complete_content(problem_id(household, "financien")))
    assert worklist(db.uow(), db.actor, today=date(2027, 1, 1), kinds=frozenset({SignalKind.ACTIE_VERLOPEN})) == []
    plan = plans.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), grant_mandate(db.uow, db.actor))
    actions = worklist(db.uow(), db.actor, today=date(2027, 1, 1), kinds=frozenset({SignalKind.ACTIE_VERLOPEN}))
    assert [(s.case_number, s.object_id, s.due) for s in actions] == [
        (case, plan.actions[0].id, date(2026, 12, 15)),
        (case, plan.actions[1].id, date(2026, 12, 20)),
    ]
    assert "Ontruiming intrekken (Mitros)" in actions[1].text
    assert worklist(db.uow(), db.actor, today=date(2026, 12, 15), kinds=frozenset({SignalKind.ACTIE_VERLOPEN})) == []
    first = plan.actions[0].id
    assert first is not None
    plan = plans.set_action_status(case, first, ActionStatus.GEDAAN, plan.version, db.uow(), db.actor)
    plans.new_plan_version(case, db.uow(), db.actor)  # a concept successor does not duplicate the actions
    actions = worklist(db.uow(), db.actor, today=date(2027, 1, 1), kinds=frozenset({SignalKind.ACTIE_VERLOPEN}))
    assert [s.object_id for s in actions] == [plan.actions[1].id]
