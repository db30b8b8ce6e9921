"""The "plannen" seed step: households at every step of a plan, complete where decided, deterministic."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from domain.caselist import CaseListQuery
from domain.household import HouseholdStatus
from domain.plan import ActionStatus, PlanStatus, what_is_missing
from domain.services import plans as service
from storage.bootstrap import Database, open_database
from storage.seed import SEED_STEPS, fictional_data_problems, logical_dump, seed_file
from storage.settings import Settings

PLAN_TABLES = (
    "maatwerkplan",
    "plan_goal",
    "plan_action",
    "plan_cost_line",
    "plan_legal_basis",
    "plan_evaluation",
    "plan_draft",
    "kengetal_override",
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seeded.db"
    stats = seed_file(path, households=48, seed=2026)
    assert stats.extra["plannen"] > 0 and stats.extra["planversies"] >= stats.extra["plannen"]
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "copy.db"
    copy.write_bytes(seeded.read_bytes())
    return open_database(Settings(database_url=f"sqlite:///{copy}", audit_key_file=tmp_path / "audit.key"))


def test_the_plan_step_is_registered() -> None:
    assert "plannen" in [step.name for step in SEED_STEPS]


def test_every_step_of_a_plan_is_present_and_consistent(db: Database) -> None:
    with db.uow() as uow:
        page = uow.households.list_cases(CaseListQuery(limit=1000))
        statuses: Counter[PlanStatus] = Counter()
        actions: Counter[ActionStatus] = Counter()
        versions = 0
        for row in page.rows:
            household = uow.households.get(row.case_number)
            plan = uow.plans.current(row.case_number)
            if household.status is HouseholdStatus.AANGEMELD:
                assert plan is None
                continue
            if plan is None:
                assert household.status is HouseholdStatus.AFGESLOTEN
                continue
            expected = {
                HouseholdStatus.IN_BEHANDELING: PlanStatus.CONCEPT,
                HouseholdStatus.PLAN_VASTGESTELD: PlanStatus.VASTGESTELD,
                HouseholdStatus.UITVOERING: PlanStatus.IN_UITVOERING,
                HouseholdStatus.GEEVALUEERD: PlanStatus.GEEVALUEERD,
                HouseholdStatus.AFGESLOTEN: PlanStatus.GEEVALUEERD,
            }[household.status]
            assert plan.status is expected, row.case_number
            statuses[plan.status] += 1
            versions += len(uow.plans.versions(row.case_number))
            # The stored plan is valid as a whole (re-validated from its dump).
            type(plan).model_validate(plan.model_dump())
            if plan.status is not PlanStatus.CONCEPT:
                assert plan.decision is not None and what_is_missing(plan, household) == []
                assert not plan.rekensom_result().is_empty
            if plan.status is PlanStatus.GEEVALUEERD:
                assert any(e.moment > 0 for e in plan.evaluations)
            actions.update(a.status for a in plan.actions if plan.status is PlanStatus.IN_UITVOERING)
    assert set(statuses) == set(PlanStatus)
    assert set(actions) == set(ActionStatus)
    assert versions > sum(statuses.values())  # some plans were changed after their decision


def test_concepts_show_what_is_missing_and_one_has_a_draft(db: Database) -> None:
    with db.uow() as uow:
        rows = uow.households.list_cases(CaseListQuery(status=HouseholdStatus.IN_BEHANDELING)).rows
    missing_counts = {len(service.plan_overview(r.case_number, db.uow(), db.actor).missing) for r in rows}
    assert len(missing_counts) > 1 and max(missing_counts) > 1
    drafts = [r.case_number for r in rows if service.load_plan_for_editing(r.case_number, db.uow(), db.actor).draft]
    assert len(drafts) == 1
    workspace = service.load_plan_for_editing(drafts[0], db.uow(), db.actor)
    assert workspace.content["perspectief"].endswith("En dat de kinderen")


def test_a_changed_plan_has_two_decided_versions_to_compare(db: Database) -> None:
    with db.uow() as uow:
        rows = uow.households.list_cases(CaseListQuery(status=HouseholdStatus.UITVOERING)).rows
        changed = [r.case_number for r in rows if len(uow.plans.versions(r.case_number)) == 2]
    assert changed
    diff = service.compare_versions(changed[0], 1, 2, db.uow(), db.actor)
    assert {s.step.value for s in diff.changed_sections} >= {"acties", "besluit"}


def test_seed_is_deterministic_and_fictional(seeded: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    seed_file(again, households=48, seed=2026)
    first, second = logical_dump(seeded), logical_dump(again)
    for table in PLAN_TABLES:
        assert first[table] == second[table], table
        assert len(first[table]) > 1, table  # header plus at least one row
    assert fictional_data_problems(seeded) == []
