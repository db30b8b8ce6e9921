"""Migration 0013 on a database from before it (SQLite and PostgreSQL): household ZRM scores of plan
evaluations move to one person by the documented rule (docs/people.md), and nothing else changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from domain.services.people import people_of
from storage.bootstrap import open_database
from storage.engine import make_engine
from storage.migrate import ALLOW_DOWNGRADE_FOR_TESTS, alembic_config, current_revisions, head_revisions
from storage.settings import Settings
from tests.builders import TEST_ACTOR, TickingClock, complete_content, grant_mandate, household_draft, problem_id

BEFORE = "0012_audit_head_definer"


def _case(db: Any, name: str, members: list[dict[str, Any]], scores: dict[str, int] | None) -> str:
    draft = household_draft(name, municipality_code="GM0344", members=members)
    case = household_service.create_household(parse_draft(draft), db.uow(), db.actor, today=date(2026, 9, 1))
    assert case.case_number is not None
    if scores is None:
        return case.case_number
    household = household_service.get_household(case.case_number, db.uow(), db.actor)
    plan = plan_service.start_plan(case.case_number, db.uow(), db.actor,
                                   content=complete_content(problem_id(household, "financien")))
    decider = grant_mandate(db.uow, db.actor, "GM0344")
    plan = plan_service.decide_plan(case.case_number, {"decided_on": "2026-09-10"}, plan.version, db.uow(), decider)
    plan = plan_service.start_execution(case.case_number, plan.version, db.uow(), db.actor)
    plan = plan_service.record_evaluation(case.case_number, {"moment": 0, "on_date": "2026-09-15", "scores": scores},
                                          plan.version, db.uow(), db.actor)
    plan_service.record_evaluation(case.case_number, {"moment": 3, "on_date": "2026-11-15",
                                                      "scores": {k: v + 1 for k, v in scores.items()}},
                                   plan.version, db.uow(), db.actor)
    return case.case_number


HEAD = {"name": "Fatima Bouzid", "date_of_birth": "1985-05-01", "role": "hoofdbewoner"}
PARTNER = {"name": "Karim Bouzid", "date_of_birth": "1979-03-03", "role": "partner"}
CHILD = {"name": "Noor Bouzid", "date_of_birth": "2010-01-01", "role": "kind"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'voor-0013.db'}"
    return str(request.getfixturevalue("postgres_schema_url"))


def test_household_scores_move_to_the_hoofdbewoner(url: str) -> None:
    db = open_database(Settings(database_url=url), clock=TickingClock())
    db.logged_in = TEST_ACTOR
    head = _case(db, "Huishouden Hoofd", [PARTNER, HEAD, CHILD], {"financien": 1, "huisvesting": 2})
    oldest = _case(db, "Huishouden Zonder Hoofd", [{**HEAD, "role": "partner"}, PARTNER], {"financien": 2})
    children = _case(db, "Huishouden Kinderen", [{**CHILD, "role": "overig"}], {"financien": 3})
    untouched = _case(db, "Huishouden Zonder Plan", [HEAD], None)
    db.close()

    # Back to the schema before 0013: the evaluations keep their household scores.
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes[ALLOW_DOWNGRADE_FOR_TESTS] = True  # doorbraak itself refuses downgrades
        command.downgrade(config, BEFORE)
    assert current_revisions(engine) == {BEFORE}
    names = set(inspect(engine).get_table_names())
    assert "zrm_score" not in names and "transition_check" not in names
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM plan_evaluation WHERE scores <> '{}'")).scalar()
    assert before == 6
    engine.dispose()

    db = open_database(Settings(database_url=url))
    db.logged_in = TEST_ACTOR
    assert current_revisions(db.engine) == head_revisions()

    def moved(case: str) -> dict[str, list[tuple[str, str, int, int | None]]]:
        people = people_of(case, db.uow(), db.actor, today=date(2026, 12, 1))
        return {p.member.name: [(s.scored_on.isoformat(), s.leefgebied, s.score, s.moment) for s in p.history]
                for p in people.persons if p.history}

    assert moved(head) == {"Fatima Bouzid": [
        ("2026-09-15", "financien", 1, 0), ("2026-09-15", "huisvesting", 2, 0),
        ("2026-11-15", "financien", 2, 3), ("2026-11-15", "huisvesting", 3, 3)]}
    assert moved(oldest) == {"Karim Bouzid": [("2026-09-15", "financien", 2, 0), ("2026-11-15", "financien", 3, 3)]}
    assert moved(children) == {}  # nobody of 18 or older: the scores stay in the evaluation only
    assert moved(untouched) == {}
    plan = plan_service.get_plan(head, db.uow(), db.actor)
    assert [e.scores for e in plan.evaluations] == [{"financien": 1, "huisvesting": 2},
                                                    {"financien": 2, "huisvesting": 3}]
    household = household_service.get_household(head, db.uow(), db.actor)
    assert [p.member_id for p in household.problems] == [None] * len(household.problems)
    db.close()
