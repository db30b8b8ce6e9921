"""The dashboard's kept items (domain/dashboard_items.py, storage/dashboard_items.py) against the row-by-row SQL
of storage/dashboard.py, which stays the definition (and answers the drill-downs): every figure of every
municipality of sample.db for fixed and random periods, on SQLite and on PostgreSQL; and the items kept through
the services' commits equal a rebuild from scratch."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from domain.dashboard import DashboardScope
from domain.dashboard_items import KeptFigures
from domain.services import plans as plan_service
from domain.services.dashboard import dashboard, dashboard_scope, rebuild_dashboard
from storage.bootstrap import Database
from storage.dashboard import SqlDashboardRepository
from storage.dashboard_items import differing_municipalities, rebuild
from tests.storage.dashboard_data import GEMEENTE, build


def differences(repo: SqlDashboardRepository, scope: DashboardScope, kept: KeptFigures) -> list[Any]:
    """What the kept figures say differently from the row-by-row methods (empty: all equal)."""
    found: list[Any] = []
    for figure, counts in kept.counts.items():
        if repo.counts(scope, figure) != counts:
            found.append((figure, repo.counts(scope, figure), counts))
    lead = repo.lead_times(scope)
    days = sorted((f.first_done_on - f.decided_on).days for f in lead if f.first_done_on is not None)
    pending = sum(1 for f in lead if f.first_done_on is None)
    if (days, pending) != (kept.done_days, kept.pending):
        found.append(("lead", days, pending, kept.done_days, kept.pending))
    if sorted(repo.resolved(scope), key=repr) != sorted(kept.resolved, key=repr):
        found.append(("resolved", repo.resolved(scope), kept.resolved))
    if repo.score_changes(scope) != kept.scores:
        found.append(("scores", repo.score_changes(scope), kept.scores))
    for realised_only, mine in ((False, kept.projected), (True, kept.projected_realised)):
        if repo.projected(scope, realised_only=realised_only) != mine:
            found.append(("projected", realised_only, repo.projected(scope, realised_only=realised_only), mine))
    rows = repo.realised(scope)
    for name in ("plans", "plan_costs", "plan_costs_by_payer", "unsplit_plans", "booked_by_voorfinancier",
                 "booked_overbruggingen"):
        if getattr(rows, name) != getattr(kept.realised, name):
            found.append(("realised", name, getattr(rows, name), getattr(kept.realised, name)))
    if len(rows.settlements) != kept.settled_count:
        found.append(("settlements", len(rows.settlements), kept.settled_count))
    return found


def periods(seed: int, count: int) -> list[tuple[date, date, date]]:
    """(start, end, today): the bench's period, a half year, a month, a day, and random ones (also ending in the
    future, so the peildatum is today, and starting after the last data)."""
    fixed = [(date(2025, 1, 1), date(2026, 10, 31), date(2026, 10, 31)),
             (date(2026, 1, 1), date(2026, 6, 30), date(2026, 12, 6)),
             (date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 31)),
             (date(2026, 5, 12), date(2026, 5, 12), date(2026, 5, 12)),
             (date(2026, 1, 1), date(2026, 12, 31), date(2026, 11, 2)),
             (date(2027, 1, 1), date(2027, 6, 30), date(2027, 2, 1))]
    rng = random.Random(seed)
    drawn = []
    for _ in range(count):
        start = date(2024, 6, 1) + timedelta(days=rng.randrange(0, 950))
        end = start + timedelta(days=rng.randrange(0, 500))
        drawn.append((start, end, start + timedelta(days=rng.randrange(0, 700))))
    return fixed + drawn


def check_every_municipality(db: Database, seed: int, count: int) -> int:
    with Session(db.engine) as session:
        codes = [r[0] for r in session.execute(text("SELECT DISTINCT municipality_code FROM household"))]
        repo = SqlDashboardRepository(session)
        checked = 0
        for code in sorted(codes):
            for start, end, today in periods(seed, count):
                scope = dashboard_scope(code, start, end, today=today)
                kept, refreshed = repo.kept(scope)
                assert refreshed == 0
                assert differences(repo, scope, kept) == [], (code, start, end, today)
                checked += 1
    return checked


def test_every_figure_from_the_kept_items_equals_the_row_by_row_sql(sample: Database) -> None:
    assert check_every_municipality(sample, seed=18, count=24) >= 8 * 30
    sample.close()


def cells(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as c:
        return sorted(tuple(r) for r in c.execute(text("SELECT * FROM dashboard_cell")))


def test_items_kept_by_the_services_commits_equal_a_rebuild(db: Database) -> None:
    """Through the services on both back ends (the `db` fixture): households, plans and their actions and
    evaluations, an overbrugging with costs and a settlement, an escalation; every commit kept the items."""
    cases = build(db)
    plan = plan_service.get_plan(cases.b, db.uow(), db.actor)
    plan_service.record_evaluation(
        cases.b, {"moment": 6, "on_date": "2026-11-28", "rapportcijfer": 9, "scores": {"financien": 4}},
        plan.version, db.uow(), db.actor)
    with db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM dashboard_pending")).scalar_one() == 0
    kept = cells(db)
    assert kept
    with db.engine.begin() as c:
        rebuild(c)
    assert cells(db) == kept
    assert check_every_municipality(db, seed=6, count=6) >= 12
    figures = dashboard(GEMEENTE, date(2026, 10, 1), date(2026, 11, 30), db.uow(), db.actor, today=date(2026, 11, 30))
    assert figures.caseload_status.households == 4


def test_a_change_outside_the_app_is_kept_when_the_dashboard_is_next_asked(sample: Database) -> None:
    """A change by psql (or a session that may not keep the items) marks the household; the next dashboard keeps
    its items before it sums, so the figures follow the change."""
    with sample.engine.begin() as c:
        hid, code = c.execute(text("SELECT id, municipality_code FROM household WHERE status <> 'afgesloten' "
                                   "ORDER BY id LIMIT 1")).one()
        c.execute(text("UPDATE household SET status = 'afgesloten', closed_on = '2026-11-01' WHERE id = :id"),
                  {"id": hid})
        assert c.execute(text("SELECT household_id FROM dashboard_pending")).scalars().all() == [hid]
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    figures = dashboard(code, start, end, sample.uow(), sample.actor, today=date(2026, 12, 6))
    closed = {b.key: b.households for b in figures.caseload_flow.buckets}["afgesloten"]
    with sample.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM dashboard_pending")).scalar_one() == 0
        by_hand = c.execute(text("SELECT count(*) FROM household WHERE municipality_code = :code AND closed_on "
                                 "BETWEEN '2026-01-01' AND '2026-12-31'"), {"code": code}).scalar_one()
    assert closed == by_hand >= 1
    assert check_every_municipality(sample, seed=2, count=4) >= 8
    sample.close()


def test_a_cell_changed_by_hand_is_found_and_a_recount_repairs_it(sample: Database) -> None:
    with sample.engine.begin() as c:
        assert differing_municipalities(c) == []
        c.execute(text("UPDATE dashboard_cell SET n = n + 5 WHERE municipality_code = 'GM0344' AND figure = "
                       "'caseload.status' AND since = '9999-12-31' AND due = '0001-01-01'"))
        assert differing_municipalities(c) == ["GM0344"]
    rebuild_dashboard(sample.uow(), sample.actor)
    with sample.engine.connect() as c:
        assert differing_municipalities(c) == []
    sample.close()
