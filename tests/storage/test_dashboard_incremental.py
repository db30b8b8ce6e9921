"""The dashboard keeps some figures incrementally (storage/plan_summary.py: `plan_rekensom` and
`maatwerkplan.superseded_on`, written with every saved plan version). After every change made through the
services — a plan saved, decided, a new version, an evaluation with realised costs, actions done and
stuck, an action added, a case closed, an overbrugging — every figure must still equal a hand count in
plain SQL over the base tables, on SQLite and PostgreSQL, for two peildatums."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from domain.dashboard import DashboardScope
from domain.household import HouseholdStatus
from domain.overbrugging import OverbruggingStatus
from domain.plan import ActionStatus
from domain.rekensom import CostKind, CostLine, Frequency, Scenario, calculate_lines
from domain.services import households as household_service
from domain.services import overbrugging as overbrugging_service
from domain.services import plans as plan_service
from domain.services.dashboard import dashboard
from storage.bootstrap import Database
from tests.builders import complete_content, decider_for, overbrugging_draft, problem_id
from tests.storage.dashboard_data import END, GEMEENTE, START, TODAY, build

EARLY = date(2026, 11, 12)
"""A second peildatum: B's stuck action (deadline 10 November) is overdue, its open one (15th) not yet."""


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def hand_count(db: Database, peildatum: date) -> dict[str, Any]:
    """Every checked figure of GEMEENTE in START..END from the base tables, with Python doing the logic."""
    scope = DashboardScope(GEMEENTE, "", START, END, peildatum)
    with db.engine.connect() as c:
        q = lambda sql, **p: c.execute(text(sql), p).all()  # noqa: E731
        households = {
            hid: status for hid, status, created, closed in q(
                "SELECT id, status, created_at, closed_on FROM household WHERE municipality_code = :c", c=GEMEENTE)
            if _moment(created) < scope.end_moment and (closed is None or _day(closed) >= START)
        }
        versions = q("SELECT id, household_id, plan_version, status, decided_on, created_at FROM maatwerkplan")
        in_force: dict[int, tuple[int, str, int]] = {}
        for pid, hid, version, status, decided in ((v[0], v[1], v[2], v[3], _day(v[4])) for v in versions):
            if hid in households and status != "concept" and decided is not None and decided <= END and (
                    hid not in in_force or version > in_force[hid][2]):
                in_force[hid] = (pid, status, version)
        any_plan = {v[1] for v in versions if _moment(v[5]) < scope.end_moment}
        steps = Counter(in_force[h][1] if h in in_force else ("concept" if h in any_plan else "geen")
                        for h in households)
        overdue: Counter[str] = Counter()
        overdue_households = set()
        for hid, (pid, status, _) in in_force.items():
            if status not in ("vastgesteld", "in_uitvoering") or households[hid] == "afgesloten":
                continue
            for action_status, deadline in q("SELECT status, deadline FROM plan_action WHERE plan_id = :p", p=pid):
                if action_status != "gedaan" and deadline is not None and _day(deadline) < peildatum:
                    overdue[action_status] += 1
                    overdue_households.add(hid)
        settlements = Counter(
            s for hid, s, deadline in q("SELECT household_id, status, settlement_deadline FROM overbrugging")
            if hid in households and s in ("aangevraagd", "toegekend", "ingezet") and _day(deadline) < peildatum
        )
        parties: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal("0.00"), Decimal("0.00")])
        society = [Decimal("0.00"), Decimal("0.00")]
        for pid, _, _ in in_force.values():
            ((horizon, rate),) = q("SELECT horizon_months, discount_rate FROM maatwerkplan WHERE id = :p", p=pid)
            lines = [
                CostLine(description="x", scenario=s, payer=p, amount=Decimal(str(a)).quantize(Decimal("0.01")),
                         quantity=Decimal(str(qty)), probability=Decimal(str(prob)), frequency=Frequency(f),
                         start_month=sm, duration_months=dm, kind=CostKind(kind), receiver=receiver,
                         loan_months=loan)
                for s, p, a, qty, prob, f, sm, dm, kind, receiver, loan in q(
                    "SELECT scenario, payer, amount, quantity, probability, frequency, start_month, "
                    "duration_months, kind, receiver, loan_months FROM plan_cost_line WHERE plan_id = :p", p=pid)
            ]
            result = calculate_lines(lines, horizon, Decimal(str(rate)))
            society[0] += result.totals[Scenario.HUIDIG_PAD]
            society[1] += result.totals[Scenario.DOORBRAAK]
            for r in result.per_payer:
                parties[r.payer.value][0] += r.huidig_pad
                parties[r.payer.value][1] += r.doorbraak
        realised: dict[str, Decimal] = defaultdict(Decimal)
        realised_plans = 0
        for pid, _, _ in in_force.values():
            rows = [(moment, total, by_payer) for moment, on, total, by_payer in q(
                "SELECT moment, on_date, realised_costs, realised_by_payer FROM plan_evaluation WHERE plan_id = :p",
                p=pid) if total is not None and (on is None or _day(on) <= END)]
            if rows:
                realised_plans += 1
                _, total, by_payer = max(rows)
                split = json_loads(by_payer) or {"niet_per_betaler": str(total)}
                for payer, amount in split.items():
                    realised[payer] += Decimal(amount)
    return {
        "caseload": len(households),
        "status": dict(Counter(households.values())),
        "steps": dict(steps),
        "overdue": dict(overdue),
        "overdue_households": len(overdue_households),
        "settlements": dict(settlements),
        "plans": len(in_force),
        "parties": {k: tuple(v) for k, v in parties.items()},
        "society": tuple(society),
        "realised_plans": realised_plans,
        "realised": {k: v.quantize(Decimal("0.01")) for k, v in realised.items()},
    }


def json_loads(value: Any) -> dict[str, str]:
    import json

    return dict(json.loads(value or "{}"))


def counts(figure: Any) -> dict[str, int]:
    return {b.key: b.count for b in figure.buckets if b.count}


def check(db: Database) -> dict[str, Any]:
    """The dashboard equals the hand count at both peildatums; returns the hand count at TODAY."""
    hands = {}
    for peildatum in (TODAY, EARLY):
        d = dashboard(GEMEENTE, START, END, db.uow(), db.actor, today=peildatum)
        hand = hand_count(db, peildatum)
        assert d.caseload == hand["caseload"]
        assert counts(d.caseload_status) == hand["status"]
        assert counts(d.plans_step) == hand["steps"]
        assert counts(d.overdue_actions) == hand["overdue"], peildatum
        assert d.overdue_actions.households == hand["overdue_households"], peildatum
        assert counts(d.overdue_settlements) == hand["settlements"], peildatum
        assert d.rekensom.plans == hand["plans"]
        assert {p.key: (p.huidig_pad, p.doorbraak) for p in d.rekensom.per_payer} == hand["parties"]
        assert (d.rekensom.total.huidig_pad, d.rekensom.total.doorbraak) == hand["society"]
        assert d.realised.plans == hand["realised_plans"]
        assert {r.key: r.realised for r in d.realised.per_payer if r.realised} == {
            k: v for k, v in hand["realised"].items() if v}
        assert d.realised.plan_costs == sum(hand["realised"].values(), Decimal("0.00"))
        hands[peildatum] = hand
    return hands[TODAY]


def _decide(db: Database, case: str, version: int, on: date) -> Any:
    return plan_service.decide_plan(case, {"decided_on": on.isoformat()}, version, db.uow(), decider_for(db, case),
                                    today=TODAY)


def test_figures_follow_every_change_made_through_the_services(db: Database) -> None:
    cases = build(db)
    first = check(db)
    assert first["plans"] == 2 and first["overdue"] == {"open": 1, "vastgelopen": 1}

    # C: the concept is saved with a whole plan, decided and carried out: a third plan in force.
    household = household_service.get_household(cases.c, db.uow(), db.actor)
    plan_c = plan_service.get_plan(cases.c, db.uow(), db.actor)
    content = complete_content(problem_id(household, "financien"))
    content["rekensom"]["lines"][0]["amount"] = "80000.00"  # another rekensom than A's and B's
    plan_c = plan_service.update_plan(cases.c, content, plan_c.version, db.uow(), db.actor)
    assert check(db)["plans"] == 2  # still a concept
    plan_c = _decide(db, cases.c, plan_c.version, date(2026, 11, 5))
    plan_c = plan_service.start_execution(cases.c, plan_c.version, db.uow(), db.actor)
    after_c = check(db)
    assert after_c["plans"] == 3 and after_c["parties"] != first["parties"]

    # A: a new version with a cheaper rekensom and an action past its deadline, decided: it replaces version 1.
    plan_a = plan_service.new_plan_version(cases.a, db.uow(), db.actor)
    content_a = plan_a.content().model_dump(mode="json")
    content_a["rekensom"]["lines"][1]["amount"] = "12000.00"
    content_a["consent"] = complete_content(None)["consent"]  # a new version needs a new consent
    content_a["actions"].append({"what": "Budgetcoach inschakelen", "owner_organisation": "Buurtteam",
                                 "deadline": "2026-11-03", "goal_id": "d1"})
    plan_a = plan_service.update_plan(cases.a, content_a, plan_a.version, db.uow(), db.actor)
    assert check(db) == after_c  # a concept version changes nothing
    plan_a = _decide(db, cases.a, plan_a.version, date(2026, 11, 21))
    after_a = check(db)
    assert after_a["parties"] != after_c["parties"]
    assert after_a["overdue"] == {"open": 2, "vastgelopen": 1}  # the new action; version 1's are not counted

    # B: an evaluation with realised costs per payer; an action done, the stuck one open again.
    plan_b = plan_service.get_plan(cases.b, db.uow(), db.actor)
    plan_b = plan_service.record_evaluation(
        cases.b, {"moment": 3, "on_date": "2026-11-20", "rapportcijfer": 6, "scores": {"financien": 3},
                  "realised_by_payer": {"gemeente_wmo": "450.50"}}, plan_b.version, db.uow(), db.actor)
    assert check(db)["realised"]["gemeente_wmo"] == Decimal("450.50")
    plan_b = plan_service.set_action_status(cases.b, "a2", ActionStatus.GEDAAN, plan_b.version, db.uow(), db.actor,
                                            today=date(2026, 11, 22))
    plan_b = plan_service.set_action_status(cases.b, "a1", ActionStatus.OPEN, plan_b.version, db.uow(), db.actor)
    assert check(db)["overdue"] == {"open": 2}

    # C: an overbrugging whose settlement deadline passes within the period.
    draft = overbrugging_draft(voorfinancier="Gemeente Utrecht", settlement_deadline="2026-11-11")
    ob = overbrugging_service.request_overbrugging(cases.c, draft, db.uow(), db.actor,
                                                   today=date(2026, 10, 20)).overbrugging
    assert check(db)["settlements"] == {"aangevraagd": 1, "ingezet": 1}
    ob = overbrugging_service.change_overbrugging_status(ob.id, OverbruggingStatus.TOEGEKEND, ob.version, db.uow(),
                                                         decider_for(db, cases.c), today=date(2026, 10, 21))
    assert check(db)["settlements"] == {"toegekend": 1, "ingezet": 1}

    # A is closed: its overdue actions no longer count (the worklist rule), the plan stays in force.
    for status in (HouseholdStatus.AFGESLOTEN,):
        h = household_service.get_household(cases.a, db.uow(), db.actor)
        household_service.change_status(cases.a, status, h.version, db.uow(), db.actor)
    closed = check(db)
    assert closed["overdue"] == {"open": 1} and closed["plans"] == 3
