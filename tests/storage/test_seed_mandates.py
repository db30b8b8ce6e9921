"""The demo's decisions follow the mandate register: every decided plan version of sample.db was decided by
its municipality's mandate holder, on a mandate that covers its deviation kinds, its municipal amount and
its decision date, and never by the plan's author; every granted overbrugging likewise (four-eyes)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from domain.mandate import overbrugging_ask, plan_ask, shortfalls
from domain.overbrugging import OverbruggingQuery
from storage.bootstrap import demo_copy, open_database
from storage.plan_tables import PlanRow
from storage.settings import Settings
from storage.tables import HouseholdRow


def test_every_demo_decision_is_covered_by_the_deciders_mandate(tmp_path: Path) -> None:
    db = open_database(Settings(database_url=f"sqlite:///{demo_copy(target_dir=tmp_path)}"))
    try:
        with db.uow() as uow:
            mandates = {m.id: m for m in uow.mandates.list()}
            assert len({m.municipality_code for m in mandates.values()}) == len(mandates) == 8
            decided = uow.session.execute(
                select(HouseholdRow.case_number, HouseholdRow.municipality_code, PlanRow.plan_version)
                .join(PlanRow, PlanRow.household_id == HouseholdRow.id)  # type: ignore[arg-type]
                .where(PlanRow.decided_by.is_not(None))  # type: ignore[union-attr]
            ).all()
            assert len(decided) >= 20
            for case, code, version in decided:
                plan = uow.plans.get(case, version)
                assert plan.decision is not None and plan.decision.mandate_id is not None
                mandate = mandates[plan.decision.mandate_id]
                assert mandate.municipality_code == code and plan.decision.decided_by == mandate.holder_name
                assert plan.created_by != mandate.holder_name, case
                assert shortfalls(mandate, plan_ask(plan, code), [plan.decision.decided_on]) == [], case
            codes = dict(uow.session.execute(select(HouseholdRow.case_number, HouseholdRow.municipality_code)).all())
            granted = 0
            for listed in uow.overbruggingen.page(OverbruggingQuery(limit=1000)).rows:
                item = uow.overbruggingen.get(listed.id)
                steps = {s.status: s for s in item.steps}
                if "toegekend" not in steps:
                    continue
                granted += 1
                code = codes[item.case_number]
                holder = next(m for m in mandates.values() if m.municipality_code == code)
                assert steps["toegekend"].username == holder.holder_username
                assert steps["aangevraagd"].by != steps["toegekend"].by
                assert shortfalls(holder, overbrugging_ask(item.cap, code), [steps["toegekend"].on]) == []
            assert granted >= 3
    finally:
        db.close()
