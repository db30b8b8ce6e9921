"""The dashboard service on a hand-built municipality (SQLite and PostgreSQL): every figure against hand counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.dashboard import Drill, Figure
from domain.errors import InvalidInput
from domain.services.dashboard import dashboard, dashboard_cases
from storage.bootstrap import Database
from tests.storage.dashboard_data import END, GEMEENTE, START, TODAY, Cases, build


@pytest.fixture
def cases(db: Database) -> Cases:
    return build(db)


def counts(figure: object) -> dict[str, int]:
    return {b.key: b.count for b in figure.buckets if b.count}  # type: ignore[attr-defined]


def cases_of(db: Database, drill: Drill, actor: Actor | None = None) -> list[str]:
    page = dashboard_cases(GEMEENTE, START, END, drill, db.uow(), actor or db.actor, today=TODAY)
    return [c.case_number for c in page.cases]


def test_every_figure_equals_the_hand_count(db: Database, cases: Cases) -> None:
    d = dashboard(GEMEENTE, START, END, db.uow(), db.actor, today=TODAY)
    assert d.scope.peildatum == TODAY and d.scope.municipality_name == "Utrecht"
    assert d.caseload == 4
    assert counts(d.caseload_status) == {"aangemeld": 1, "in_behandeling": 1, "uitvoering": 2}
    assert counts(d.caseload_professional) == {"Fatima Bouzid": 2, "Joost Mulder": 2}
    assert counts(d.caseload_flow) == {"nieuw": 1}
    assert counts(d.plans_step) == {"geen": 1, "concept": 1, "in_uitvoering": 2}
    assert counts(d.overdue_actions) == {"open": 1, "vastgelopen": 1} and d.overdue_actions.households == 1
    assert counts(d.overdue_settlements) == {"ingezet": 1}
    lead = d.lead_time
    assert (lead.done.n, lead.done.mean_days, lead.done.median_days, lead.pending) == (1, 12.0, 12.0, 1)
    assert counts(d.escalations_status) == {"opgelost": 1}
    resolved = {r.key: r for r in d.escalations_resolved}
    assert (resolved["regionaal"].n, resolved["regionaal"].mean_days, resolved["alle"].n) == (1, 30.0, 1)
    zrm = {r.key: (r.n, r.mean_before, r.mean_after, r.mean_change) for r in d.quality_zrm}
    assert zrm == {"financien": (1, 1.0, 3.0, 2.0), "huisvesting": (1, 2.0, 2.0, 0.0)}
    grade = d.quality_rapportcijfer
    assert (grade.n, grade.mean_before, grade.mean_after, grade.mean_change) == (1, 4.0, 7.0, 3.0)
    # Two plans with complete_content()'s rekensom each (see tests/builders.py).
    r = d.rekensom
    assert r.plans == 2
    assert {p.key: (p.huidig_pad, p.doorbraak) for p in r.per_payer} == {
        "gemeente_participatiewet": (Decimal("0.00"), Decimal("6800.00")),
        "gemeente_wmo": (Decimal("15490.66"), Decimal("0.00")),
        "gemeente_schuldhulp": (Decimal("0.00"), Decimal("3000.00")),
        "overig": (Decimal("50000.00"), Decimal("0.00")),
    }
    assert (r.total.huidig_pad, r.total.doorbraak, r.total.verschil) == (
        Decimal("65490.66"), Decimal("9800.00"), Decimal("55690.66"))
    realised = d.realised
    assert (realised.plans, realised.plan_costs, realised.unsplit_plans) == (2, Decimal("2800.00"), 1)
    assert realised.projected_for_same_plans.total.doorbraak == Decimal("9800.00")
    # Per payer: A's split beside the doorbraak projection of A and B (3.400 / 1.500 each), B's total unsplit.
    assert {r.key: (r.realised, r.projected, r.huidig_pad) for r in realised.per_payer} == {
        "gemeente_participatiewet": (Decimal("1800.00"), Decimal("6800.00"), Decimal("0.00")),
        "gemeente_wmo": (Decimal("0.00"), Decimal("0.00"), Decimal("15490.66")),
        "gemeente_schuldhulp": (Decimal("700.00"), Decimal("3000.00"), Decimal("0.00")),
        "overig": (Decimal("0.00"), Decimal("0.00"), Decimal("50000.00")),
        "niet_per_betaler": (Decimal("300.00"), Decimal("0.00"), Decimal("0.00")),
    }
    assert [r.key for r in realised.per_payer][-1] == "niet_per_betaler"
    total = realised.per_payer_total
    assert (total.realised, total.projected, total.verschil) == (
        Decimal("2800.00"), Decimal("9800.00"), Decimal("-7000.00"))
    assert {a.key: a.amount for a in realised.booked_by_voorfinancier} == {"Gemeente Utrecht": Decimal("1400.00")}
    assert realised.overbruggingen == 2 and realised.settlements == 1
    assert {a.key: a.amount for a in realised.settled_by_payer} == {
        "Gemeente Utrecht": Decimal("480.00"), "Zorgkantoor Utrecht": Decimal("720.00")}


def test_drill_down_lists_the_households_behind_each_figure(db: Database, cases: Cases) -> None:
    assert cases_of(db, Drill(Figure.CASELOAD_STATUS)) == sorted([cases.a, cases.b, cases.c, cases.d])
    assert cases_of(db, Drill(Figure.CASELOAD_STATUS, "uitvoering")) == sorted([cases.a, cases.b])
    assert cases_of(db, Drill(Figure.PLANS_STEP, "geen")) == [cases.d]
    assert cases_of(db, Drill(Figure.OVERDUE_ACTIONS)) == [cases.b]
    assert cases_of(db, Drill(Figure.OVERDUE_SETTLEMENTS)) == [cases.d]
    assert cases_of(db, Drill(Figure.LEAD_TIME_FIRST_ACTION, "gedaan")) == [cases.a]
    assert cases_of(db, Drill(Figure.LEAD_TIME_FIRST_ACTION, "wacht")) == [cases.b]
    assert cases_of(db, Drill(Figure.ESCALATIONS_RESOLVED, "regionaal")) == [cases.d]
    assert cases_of(db, Drill(Figure.QUALITY_ZRM, "financien")) == [cases.a]
    assert cases_of(db, Drill(Figure.QUALITY_RAPPORTCIJFER)) == [cases.a]
    assert cases_of(db, Drill(Figure.REKENSOM_PROJECTED, "gemeente_wmo")) == sorted([cases.a, cases.b])
    assert cases_of(db, Drill(Figure.REALISED_PLANS)) == sorted([cases.a, cases.b])
    assert cases_of(db, Drill(Figure.REALISED_PLANS, "gemeente_schuldhulp")) == [cases.a]
    assert cases_of(db, Drill(Figure.REALISED_PLANS, "niet_per_betaler")) == [cases.b]
    assert cases_of(db, Drill(Figure.REALISED_OVERBRUGGING)) == sorted([cases.a, cases.d])
    assert cases.e not in cases_of(db, Drill(Figure.REKENSOM_PROJECTED))


def test_access_rules(db: Database, cases: Cases) -> None:
    coordinator = Actor(username="c", display_name="Coördinator", role=Role.COORDINATOR,
                        municipality_codes=frozenset({GEMEENTE}))
    assert dashboard(GEMEENTE, START, END, db.uow(), coordinator, today=TODAY).caseload == 4
    elsewhere = coordinator.model_copy(update={"municipality_codes": frozenset({"GM0363"})})
    with pytest.raises(AccessDenied, match="Utrecht"):
        dashboard(GEMEENTE, START, END, db.uow(), elsewhere, today=TODAY)
    for role in (Role.PROFESSIONAL, Role.LET, Role.BEHEER):
        with pytest.raises(AccessDenied):
            dashboard(GEMEENTE, START, END, db.uow(), coordinator.model_copy(update={"role": role}), today=TODAY)
    with pytest.raises(InvalidInput) as info:
        dashboard("GM9999", END, START, db.uow(), db.actor, today=TODAY)
    assert {p.path for p in info.value.problems} == {"gemeente", "to"}
    with pytest.raises(InvalidInput, match="figure"):
        cases_of(db, Drill("no.such.figure"))


def test_period_decides_what_counts(db: Database, cases: Cases) -> None:
    before = dashboard(GEMEENTE, date(2026, 9, 1), date(2026, 9, 30), db.uow(), db.actor, today=TODAY)
    # Everything is judged as of 30 September: no plan was decided yet, nothing was overdue.
    assert before.caseload == 3  # D was registered in October
    assert counts(before.plans_step) == {"geen": 3}  # the plans were made in October
    assert before.rekensom.plans == 0 and before.lead_time.done.n == 0
    assert {a.key: a.amount for a in before.realised.booked_by_voorfinancier} == {"Gemeente Utrecht": Decimal("200.00")}


def test_research_export_rows_on_both_databases(db: Database, cases: Cases) -> None:
    from domain.research import COLUMN_NAMES, pseudonym
    from domain.services.research import research_export

    rows: list[dict[str, str]] = []
    key = b"k" * 32
    assert research_export(GEMEENTE, START, END, key, lambda r: rows.append(dict(r)), db.uow(), db.actor) == 4
    assert all(tuple(r) == COLUMN_NAMES for r in rows)
    a = next(r for r in rows if r["pseudoniem"] == pseudonym(key, cases.a))
    assert (a["zrm_financien_voor"], a["zrm_financien_na"], a["rapportcijfer_na"]) == ("1", "3", "7")
    assert (a["verschil_totaal"], a["gerealiseerde_kosten"], a["acties_gedaan"]) == ("27845.33", "2500.00", "2")
    b = next(r for r in rows if r["pseudoniem"] == pseudonym(key, cases.b))
    assert (b["acties_over_deadline"], b["evaluatie_laatste_moment"], b["zrm_financien_na"]) == ("2", "0", "2")
