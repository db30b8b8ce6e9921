"""Migration 0015 (costs versus transfers, price level) on a copy of a database from before it, on SQLite
and PostgreSQL: a line whose kengetal is an overdracht becomes one with the catalogue's payer and receiver;
every other line stays a real cost with its payer; amounts are untouched and old plans get no price level."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

from domain.rekensom import CostKind, Payer, Scenario
from domain.services import households as household_service
from domain.services import plans as service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.engine import make_engine
from storage.migrate import ALLOW_DOWNGRADE_FOR_TESTS, alembic_config, current_revisions, head_revisions
from storage.settings import Settings
from tests.builders import HOUSEHOLD, TEST_ACTOR, TickingClock, complete_content, problem_id

OLD_STYLE_LINES: list[dict[str, Any]] = [
    # As plans were written before 0015: the fine's increases booked as a cost "for CJIB", the benefit
    # itself as a cost of the Participatiewet.
    {"description": "CJIB-boete escalatie", "scenario": "huidig_pad", "payer": "cjib", "amount": "298.00",
     "quantity": "3", "source": {"kengetal_id": "cjib_boete_escalatie", "text": "advocacy", "year": None}},
    {"description": "Bijstandsuitkering", "scenario": "huidig_pad", "payer": "gemeente_participatiewet",
     "amount": "14000.00", "frequency": "per_jaar",
     "source": {"kengetal_id": "bijstand_uitkering", "text": "Berenschot", "year": 2018}},
]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_upgrade_to_0015_turns_transfer_kengetallen_into_overdrachten(
    backend: str, tmp_path: Any, request: pytest.FixtureRequest
) -> None:
    url = f"sqlite:///{tmp_path / 'before-0015.db'}" if backend == "sqlite" else request.getfixturevalue(
        "postgres_schema_url")
    db = open_database(Settings(database_url=url), clock=TickingClock())
    if backend == "postgres":
        db.logged_in = TEST_ACTOR  # a shared database needs a login
    household = household_service.create_household(parse_draft(HOUSEHOLD), db.uow(), db.actor)
    case = household.case_number
    assert case is not None
    content = complete_content(problem_id(household, "financien"))
    content["rekensom"]["lines"] += copy.deepcopy(OLD_STYLE_LINES)
    plan = service.start_plan(case, db.uow(), db.actor, content=content)
    before = [(ln.description, ln.payer, ln.amount, ln.quantity) for ln in plan.rekensom.lines]
    db.close()

    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes[ALLOW_DOWNGRADE_FOR_TESTS] = True  # doorbraak itself refuses downgrades
        command.downgrade(config, "0014_loket")
    columns = {c["name"] for c in inspect(engine).get_columns("plan_cost_line")}
    assert "kind" not in columns and "receiver" not in columns
    assert "0015_cost_kind" not in current_revisions(engine)
    engine.dispose()

    db = open_database(Settings(database_url=url))
    if backend == "postgres":
        db.logged_in = TEST_ACTOR  # a shared database needs a login
    assert current_revisions(db.engine) == head_revisions()
    upgraded = service.get_plan(case, db.uow(), db.actor)
    assert upgraded.rekensom.price_year is None  # amounts as decided, not re-indexed
    lines = {ln.description: ln for ln in upgraded.rekensom.lines}
    fine, benefit = lines["CJIB-boete escalatie"], lines["Bijstandsuitkering"]
    assert (fine.kind, fine.payer, fine.receiver) == (CostKind.OVERDRACHT, Payer.HUISHOUDEN, Payer.RIJK)
    assert (benefit.kind, benefit.payer, benefit.receiver) == (
        CostKind.OVERDRACHT, Payer.GEMEENTE_PARTICIPATIEWET, Payer.HUISHOUDEN)
    real = [ln for ln in upgraded.rekensom.lines if ln not in (fine, benefit)]
    assert len(real) == len(before) - 2
    assert all(ln.kind is CostKind.KOSTEN and ln.receiver is None for ln in real)
    # Amounts, quantities and every other payer unchanged.
    after = [(ln.description, ln.payer, ln.amount, ln.quantity) for ln in upgraded.rekensom.lines]
    assert [a for a in after if a[0] not in ("CJIB-boete escalatie",)] == [
        b for b in before if b[0] not in ("CJIB-boete escalatie",)]
    assert fine.amount == Decimal("298.00") and fine.quantity == Decimal("3")
    # The rekensom now: the household pays the increases to the Rijk and receives the benefit; the
    # society total holds only the real costs.
    overview = service.plan_overview(case, db.uow(), db.actor)
    result = overview.result
    assert result.row(Payer.RIJK).huidig_pad == Decimal("-894.00")
    assert result.row(Payer.HUISHOUDEN).huidig_pad == Decimal("894.00") - Decimal("14000.00")
    assert result.row(Payer.GEMEENTE_PARTICIPATIEWET).kosten_huidig_pad == Decimal("0.00")
    assert [(v.payer, v.receiver, v.amount) for v in result.verschuivingen if v.scenario is Scenario.HUIDIG_PAD] == [
        (Payer.HUISHOUDEN, Payer.RIJK, Decimal("894.00")),
        (Payer.GEMEENTE_PARTICIPATIEWET, Payer.HUISHOUDEN, Decimal("14000.00")),
    ]
    with db.engine.connect() as connection:
        kinds = dict(connection.execute(text("SELECT kind, count(*) FROM plan_cost_line GROUP BY kind")).all())
    assert kinds["overdracht"] == 2
    db.close()
