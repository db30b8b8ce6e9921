"""`doorbraak report dashboard`: JSON equals hand-computed figures (hand-built data) and a plain-SQL hand count
over a copy of sample.db; CSV and text from the same service."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from domain.rekensom import CostLine, Scenario, calculate_lines
from storage.bootstrap import SAMPLE_DB, open_database
from storage.settings import Settings
from tests.storage.dashboard_data import build
from tui.cli.main import app
from tui.render.dashboard_text import CSV_COLUMNS

runner = CliRunner()


def invoke(url: str, *args: str) -> Any:
    return runner.invoke(app, ["--database", url, *args])


def dashboard_json(url: str, code: str, start: str, end: str, *extra: str) -> dict[str, Any]:
    result = invoke(url, "report", "dashboard", "--gemeente", code, "--from", start, "--to", end, "--json", *extra)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def buckets(figure: dict[str, Any]) -> dict[str, int]:
    return {b["key"]: b["count"] for b in figure["buckets"] if b["count"]}


def test_json_equals_hand_computed_figures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hand.db'}"
    db = open_database(Settings(database_url=url))
    cases = build(db)
    db.close()
    data = dashboard_json(url, "GM0344", "2026-10-01", "2026-11-30", "--peildatum", "2026-11-30", "--casussen")
    assert data["scope"] == {"gemeente": "GM0344", "gemeentenaam": "Utrecht", "from": "2026-10-01",
                             "to": "2026-11-30", "peildatum": "2026-11-30"}
    assert data["caseload"] == 4
    assert buckets(data["caseload_status"]) == {"aangemeld": 1, "in_behandeling": 1, "uitvoering": 2}
    assert buckets(data["plans_step"]) == {"geen": 1, "concept": 1, "in_uitvoering": 2}
    assert (data["overdue_actions"]["total"], data["overdue_actions"]["households"]) == (2, 1)
    assert data["overdue_settlements"]["total"] == 1
    lead = data["lead_time_first_action"]
    assert (lead["n"], lead["mean_days"], lead["median_days"], lead["pending"]) == (1, 12.0, 12.0, 1)
    assert [(r["key"], r["n"], r["mean_days"]) for r in data["escalations_resolved"] if r["n"]] == [
        ("regionaal", 1, 30.0), ("alle", 1, 30.0)]
    assert {r["key"]: r["mean_change"] for r in data["quality_zrm"]} == {"financien": 2.0, "huisvesting": 0.0}
    assert data["quality_rapportcijfer"]["mean_change"] == 3.0
    assert data["rekensom_projected"]["total"] == {"key": "totaal", "label": "Saldo voor de samenleving",
                                                   "huidig_pad": "65490.66",
                                                   "doorbraak": "9800.00", "verschil": "55690.66"}
    realised = data["realised"]
    assert (realised["plan_costs"], realised["booked_total"], realised["settled_total"]) == (
        "2800.00", "1400.00", "1200.00")
    assert {r["key"]: r["realised"] for r in realised["per_payer"] if r["realised"] != "0.00"} == {
        "gemeente_participatiewet": "1800.00", "gemeente_schuldhulp": "700.00", "niet_per_betaler": "300.00"}
    assert realised["per_payer_total"]["verschil"] == "-7000.00" and realised["unsplit_plans"] == 1
    # The drill-down lists: the households behind each figure.
    assert data["cases"]["plans.step"]["in_uitvoering"] == sorted([cases.a, cases.b])
    assert data["cases"]["overdue.actions"][""] == [cases.b]
    assert data["cases"]["lead_time.first_action"]["gedaan"] == [cases.a]
    assert cases.e not in data["cases"]["rekensom.projected"][""]

    as_csv = invoke(url, "report", "dashboard", "--gemeente", "GM0344", "--from", "2026-10-01", "--to", "2026-11-30",
                    "--peildatum", "2026-11-30", "--csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    total = next(r for r in rows if r["figuur"] == "rekensom.projected" and r["sleutel"] == "totaal"
                 and r["maat"] == "verschil")
    assert total["waarde"] == "55690.66"
    realised_rows = {(r["sleutel"], r["maat"]): r["waarde"] for r in rows if r["figuur"] == "realised.plans"}
    assert realised_rows[("gemeente_schuldhulp", "gerealiseerd")] == "700.00"
    # (a leading minus is quoted by the CSV writer's formula guard)
    assert realised_rows[("totaal", "gerealiseerd_min_doorbraak")] == "'-7000.00"
    text = invoke(url, "report", "dashboard", "--gemeente", "GM0344", "--van", "2026-10-01", "--tot", "2026-11-30")
    assert text.exit_code == 0 and "Dashboard Utrecht (GM0344)" in text.stdout and "€\xa065.490,66" in text.stdout

    bad = invoke(url, "report", "dashboard", "--gemeente", "GM9999", "--from", "2026-12-01", "--to", "2026-11-01")
    assert bad.exit_code == 2 and "gemeente" in bad.stderr and "begindatum" in bad.stderr


# -- over sample.db, against a hand count in plain SQL -----------------------------------------------

START, END = date(2024, 1, 1), date(2026, 10, 31)
END_MOMENT = "2026-10-31 23:00:00"  # Amsterdam midnight after END (winter time), in UTC as SQLite stores it


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("sample") / "sample.db"
    shutil.copyfile(SAMPLE_DB, copy)
    return copy


def hand_count(path: Path, code: str) -> dict[str, Any]:
    con = sqlite3.connect(path)
    q = con.execute
    households = {
        hid: (status, professional)
        for hid, status, professional, created, closed in q(
            "SELECT id, status, professional, created_at, closed_on FROM household WHERE municipality_code = ?",
            (code,),
        )
        if created < END_MOMENT and (closed is None or closed >= START.isoformat())
    }
    # The plan in force: the highest decided version (decided on or before END) per household.
    in_force: dict[int, tuple[int, str, int]] = {}
    for pid, hid, version, status, decided in q(
        "SELECT id, household_id, plan_version, status, decided_on FROM maatwerkplan"
    ):
        decided_in_time = status != "concept" and decided and decided <= END.isoformat()
        if hid in households and decided_in_time and (hid not in in_force or version > in_force[hid][2]):
            in_force[hid] = (pid, status, version)
    any_plan = {hid for (hid,) in q("SELECT household_id FROM maatwerkplan WHERE created_at < ?", (END_MOMENT,))}
    steps = Counter(in_force[h][1] if h in in_force else ("concept" if h in any_plan else "geen") for h in households)
    overdue = Counter()
    for hid, (pid, status, _) in in_force.items():
        if status not in ("vastgesteld", "in_uitvoering") or households[hid][0] == "afgesloten":
            continue
        for (action_status,) in q(
            "SELECT status FROM plan_action WHERE plan_id = ? AND deadline < ? AND status != 'gedaan'",
            (pid, END.isoformat()),
        ):
            overdue[action_status] += 1
    settlements = Counter(
        s for (hid, s, deadline) in q("SELECT household_id, status, settlement_deadline FROM overbrugging")
        if hid in households and s in ("aangevraagd", "toegekend", "ingezet") and deadline < END.isoformat()
    )
    escalations = Counter(
        s for hid, s, created, closed in q("SELECT household_id, status, created_on, closed_on FROM escalation")
        if hid in households and created <= END.isoformat() and (closed is None or closed >= START.isoformat())
    )
    resolved = [
        (date.fromisoformat(closed) - date.fromisoformat(submitted)).days
        for hid, s, submitted, closed in q("SELECT e.household_id, e.status, e.submitted_on, e.closed_on FROM "
                                           "escalation e JOIN household h ON h.id = e.household_id "
                                           "WHERE h.municipality_code = ?", (code,))
        if s in ("opgelost", "niet_opgelost", "teruggelegd") and submitted and START.isoformat() <= closed
        and closed <= END.isoformat()
    ]
    # ZRM per adult person (zrm_score, in the households with a plan in force) and the rapportcijfer per plan in
    # force: the first and the last score (by date, then moment), the last one in the period.
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    units: list[dict[str, list[tuple[str, int, int]]]] = []
    for hid, (pid, _, _) in in_force.items():
        grades: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for moment, on, grade in q(
            "SELECT moment, on_date, rapportcijfer FROM plan_evaluation WHERE plan_id = ? AND on_date <= ?",
            (pid, END.isoformat()),
        ):
            if grade is not None:
                grades["rapportcijfer"].append((on, moment, grade))
        units.append(grades)
        people: dict[int, dict[str, list[tuple[str, int, int]]]] = defaultdict(lambda: defaultdict(list))
        for member, key, moment, on, score in q(
            "SELECT member_id, leefgebied, moment, scored_on, score FROM zrm_score "
            "WHERE household_id = ? AND scored_on <= ?", (hid, END.isoformat()),
        ):
            people[member][key].append((on, -1 if moment is None else moment, score))
        units.extend(people.values())
    for series in units:
        for key, points in series.items():
            points.sort()
            if len(points) >= 2 and START.isoformat() <= points[-1][0]:
                pairs[key].append((points[0][2], points[-1][2]))
    # The rekensom of each plan in force with the domain's own calculation.
    totals: dict[str, Decimal] = defaultdict(Decimal)
    parties: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal("0.00"), Decimal("0.00")])
    for pid, _, _ in in_force.values():
        (horizon,) = q("SELECT horizon_months FROM maatwerkplan WHERE id = ?", (pid,)).fetchone()
        lines = [
            CostLine(description="x", scenario=s, payer=p, amount=Decimal(str(a)).quantize(Decimal("0.01")),
                     quantity=Decimal(str(qty)), probability=Decimal(str(prob)), frequency=f, start_month=sm,
                     duration_months=dm, kind=kind, receiver=receiver, loan_months=loan,
                     default_probability=None if default is None else Decimal(str(default)))
            for s, p, a, qty, prob, f, sm, dm, kind, receiver, loan, default in q(
                "SELECT scenario, payer, amount, quantity, probability, frequency, start_month, duration_months, "
                "kind, receiver, loan_months, default_probability FROM plan_cost_line WHERE plan_id = ?", (pid,))
        ]
        result = calculate_lines(lines, horizon)
        # The society total: real costs only (overdrachten cancel); per party: its net effect.
        totals["huidig_pad"] += result.totals[Scenario.HUIDIG_PAD]
        totals["doorbraak"] += result.totals[Scenario.DOORBRAAK]
        for r in result.per_payer:
            parties[r.payer.value][0] += r.huidig_pad
            parties[r.payer.value][1] += r.doorbraak
    # Lead time: each household's first decided version decided in the period, to the first day an action of
    # any of its versions was done (on or after that decision day).
    versions: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    for hid, version, decided in q("SELECT household_id, plan_version, decided_on FROM maatwerkplan"):
        versions[hid].append((version, decided))
    done_days: list[int] = []
    pending = 0
    for hid in households:
        decided_versions = sorted((v, d) for v, d in versions.get(hid, []) if d is not None)
        if not decided_versions or not START.isoformat() <= decided_versions[0][1] <= END.isoformat():
            continue
        decided_on = date.fromisoformat(decided_versions[0][1])
        days = [
            date.fromisoformat(done) for (done,) in q(
                "SELECT a.done_on FROM plan_action a JOIN maatwerkplan p ON p.id = a.plan_id "
                "WHERE p.household_id = ? AND a.status = 'gedaan' AND a.done_on IS NOT NULL", (hid,))
            if date.fromisoformat(done) >= decided_on
        ]
        if days:
            done_days.append((min(days) - decided_on).days)
        else:
            pending += 1
    # Realised costs: per plan in force its latest evaluation (by moment, up to END) with realised costs.
    realised: dict[str, Decimal] = defaultdict(Decimal)
    for pid, _, _ in in_force.values():
        rows = [
            (moment, total, by_payer) for moment, on, total, by_payer in q(
                "SELECT moment, on_date, realised_costs, realised_by_payer FROM plan_evaluation WHERE plan_id = ?",
                (pid,))
            if total is not None and (on is None or on <= END.isoformat())
        ]
        if not rows:
            continue
        _, total, by_payer = max(rows)
        split = json.loads(by_payer)
        assert sum((Decimal(v) for v in split.values()), Decimal(0)) == Decimal(str(total)).quantize(Decimal("0.01"))
        for payer, amount in (split or {"niet_per_betaler": str(total)}).items():
            realised[payer] += Decimal(amount)
    con.close()
    return {
        "lead_days": sorted(done_days),
        "lead_pending": pending,
        "realised": {k: v.quantize(Decimal("0.01")) for k, v in realised.items()},
        "caseload": len(households),
        "status": Counter(s for s, _ in households.values()),
        "professional": Counter(p for _, p in households.values()),
        "steps": steps,
        "overdue": overdue,
        "settlements": settlements,
        "escalations": escalations,
        "resolved": sorted(resolved),
        "pairs": pairs,
        "plans": len(in_force),
        "totals": totals,
        "parties": parties,
    }


def municipalities(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [c for (c,) in con.execute("SELECT DISTINCT municipality_code FROM household ORDER BY 1")]


def test_sample_db_figures_equal_a_plain_sql_hand_count(sample: Path) -> None:
    url = f"sqlite:///{sample}"
    seen_nonzero: Counter[str] = Counter()
    for code in municipalities(sample):
        data = dashboard_json(url, code, START.isoformat(), END.isoformat(), "--peildatum", END.isoformat())
        hand = hand_count(sample, code)
        assert data["caseload"] == hand["caseload"], code
        assert buckets(data["caseload_status"]) == dict(hand["status"]), code
        assert buckets(data["caseload_professional"]) == dict(hand["professional"]), code
        assert buckets(data["plans_step"]) == dict(hand["steps"]), code
        assert buckets(data["overdue_actions"]) == dict(hand["overdue"]), code
        assert buckets(data["overdue_settlements"]) == dict(hand["settlements"]), code
        assert buckets(data["escalations_status"]) == dict(hand["escalations"]), code
        alle = data["escalations_resolved"][-1]
        assert alle["n"] == len(hand["resolved"]) and alle["max_days"] == (max(hand["resolved"], default=None)), code
        for row in [*data["quality_zrm"], data["quality_rapportcijfer"]]:
            pairs = hand["pairs"].get(row["key"], [])
            assert row["n"] == len(pairs), (code, row["key"])
            if pairs:
                assert row["mean_change"] == round(sum(a - b for b, a in pairs) / len(pairs), 2), (code, row["key"])
        assert set(hand["pairs"]) <= {r["key"] for r in data["quality_zrm"]} | {"rapportcijfer"}
        rekensom = data["rekensom_projected"]
        assert rekensom["plans"] == hand["plans"], code
        assert Decimal(rekensom["total"]["huidig_pad"]) == hand["totals"]["huidig_pad"], code
        assert Decimal(rekensom["total"]["doorbraak"]) == hand["totals"]["doorbraak"], code
        assert {r["key"]: [Decimal(r["huidig_pad"]), Decimal(r["doorbraak"])] for r in rekensom["per_payer"]} == (
            dict(hand["parties"])), code
        lead = data["lead_time_first_action"]
        assert (lead["n"], lead["pending"]) == (len(hand["lead_days"]), hand["lead_pending"]), code
        if hand["lead_days"]:
            assert lead["max_days"] == hand["lead_days"][-1], code
            assert lead["mean_days"] == round(sum(hand["lead_days"]) / len(hand["lead_days"]), 1), code
        realised = {r["key"]: Decimal(r["realised"]) for r in data["realised"]["per_payer"] if r["realised"] != "0.00"}
        assert realised == hand["realised"], code
        assert Decimal(data["realised"]["plan_costs"]) == sum(hand["realised"].values(), Decimal("0.00")), code
        for key, value in (("lead", lead["n"]), ("realised", len(realised)),
                           ("caseload", data["caseload"]), ("overdue", data["overdue_actions"]["total"]),
                           ("zrm", len(data["quality_zrm"])), ("plans", rekensom["plans"]),
                           ("escalations", data["escalations_status"]["total"])):
            seen_nonzero[key] += bool(value)
    # sample.db is rich enough that every kind of figure is non-trivial somewhere.
    assert all(seen_nonzero[k] for k in ("caseload", "overdue", "zrm", "plans", "escalations", "lead", "realised")), \
        seen_nonzero
