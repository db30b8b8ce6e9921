"""`score_series` (storage/score_summary.py): per ZRM series of a person and per rapportcijfer series of a plan
version, its first and last score, kept in the transaction that changes the scores; the dashboard's score
changes read it. Checked against plain Python over the base rows: after the migration's backfill, after
scores recorded through the services (new, replaced, earlier-dated, evaluations), and the dashboard's score
changes for periods that end before, during and after the scores (the series with later scores are then
computed from the scores themselves)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from domain.dashboard import DashboardScope, Figure
from domain.services import people as people_service
from domain.services import plans as plan_service
from domain.services.dashboard import dashboard_scope
from storage.bootstrap import Database
from storage.dashboard import SqlDashboardRepository
from storage.migrations.versions import __name__ as versions_package
from storage.score_summary import rebuild_score_series
from tests.storage.dashboard_data import build

Series = dict[tuple[str, int, str], tuple[int, int, date, int, date, int]]
"""(kind, unit, key) -> (household, moments, first_on, first_score, last_on, last_score)."""


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def scores_by_unit(c: Connection) -> dict[tuple[str, int, str], list[tuple[int, date, int, int]]]:
    """(kind, unit, key) -> [(household, day, order, score)] in the dashboard's order (date, then moment)."""
    units: dict[tuple[str, int, str], list[tuple[int, date, int, int]]] = defaultdict(list)
    for hid, member, leefgebied, on, moment, score in c.execute(text(
            "SELECT household_id, member_id, leefgebied, scored_on, moment, score FROM zrm_score")):
        units[("zrm", member, leefgebied)].append((hid, _day(on), moment if moment is not None else -1, score))
    for hid, plan, on, moment, grade in c.execute(text(
            "SELECT p.household_id, e.plan_id, e.on_date, e.moment, e.rapportcijfer FROM plan_evaluation e "
            "JOIN maatwerkplan p ON p.id = e.plan_id WHERE e.on_date IS NOT NULL AND e.rapportcijfer IS NOT NULL")):
        units[("plan", plan, "rapportcijfer")].append((hid, _day(on), moment, grade))
    for rows in units.values():
        rows.sort(key=lambda r: (r[1], r[2]))
    return units


def expected_series(c: Connection) -> Series:
    return {unit: (rows[0][0], len(rows), rows[0][1], rows[0][3], rows[-1][1], rows[-1][3])
            for unit, rows in scores_by_unit(c).items()}


def kept_series(c: Connection) -> Series:
    found: Series = {}
    for hid, member, plan, key, n, first_on, first, last_on, last in c.execute(text(
            "SELECT household_id, member_id, plan_id, key, moments, first_on, first_score, last_on, last_score "
            "FROM score_series")):
        unit = ("zrm", member, key) if member is not None else ("plan", plan, key)
        assert unit not in found
        found[unit] = (hid, n, _day(first_on), first, _day(last_on), last)
    return found


def hand_score_changes(c: Connection, scope: DashboardScope) -> dict[str, tuple[int, int, int]]:
    """key -> (pairs, sum before, sum after): the definition of docs/dashboard.md in plain Python."""
    households = {
        hid for hid, created, closed in c.execute(text(
            "SELECT id, created_at, closed_on FROM household WHERE municipality_code = :c"),
            {"c": scope.municipality_code})
        if _moment(created) < scope.end_moment and (closed is None or _day(closed) >= scope.start)
    }
    in_force: dict[int, tuple[int, int]] = {}
    for pid, hid, version, status, decided in c.execute(text(
            "SELECT id, household_id, plan_version, status, decided_on FROM maatwerkplan")):
        if (hid in households and status != "concept" and decided is not None and _day(decided) <= scope.end
                and (hid not in in_force or version > in_force[hid][1])):
            in_force[hid] = (pid, version)
    plans = {pid for pid, _ in in_force.values()}
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (kind, unit, key), rows in scores_by_unit(c).items():
        if (kind == "zrm" and rows[0][0] not in in_force) or (kind == "plan" and unit not in plans):
            continue
        upto = [r for r in rows if r[1] <= scope.end]
        if len(upto) >= 2 and scope.start <= upto[-1][1] <= scope.end:
            sums[key][0] += 1
            sums[key][1] += upto[0][3]
            sums[key][2] += upto[-1][3]
    return {k: (n, b, a) for k, (n, b, a) in sums.items()}


def app_score_changes(db: Database, scope: DashboardScope) -> dict[str, tuple[int, int, int]]:
    with Session(db.engine) as session:
        repo = SqlDashboardRepository(session)
        found = {s.key: (s.n, s.before, s.after) for s in repo.score_changes(scope)}
        # The drill-down rows are the same pairs: one row per pair, per key.
        zrm = {b.bucket: b.rows for b in repo.counts(scope, Figure.QUALITY_ZRM).buckets}
        grade = {b.bucket: b.rows for b in repo.counts(scope, Figure.QUALITY_RAPPORTCIJFER).buckets}
    assert {**zrm, **grade} == {k: n for k, (n, _, _) in found.items()}
    return found


def test_the_migration_and_a_rebuild_give_the_series_of_the_scores(sample: Database) -> None:
    with sample.engine.begin() as c:
        expected = expected_series(c)
        assert len(expected) > 100 and any(k[0] == "plan" for k in expected)
        assert kept_series(c) == expected  # sample.db as shipped, or as migration 0018 filled it in
        c.execute(text("DELETE FROM score_series"))
        module = __import__(f"{versions_package}.0018_score_series", fromlist=["_INSERT"])
        c.execute(text(module._INSERT + module._PICK.format(module._ZRM)))
        c.execute(text(module._INSERT + module._PICK.format(module._GRADE)))
        assert kept_series(c) == expected  # the migration's own SQL
        rebuild_score_series(c)
        assert kept_series(c) == expected
    sample.close()


@pytest.mark.parametrize(("start", "end", "pairs"), [
    (date(2025, 1, 1), date(2026, 10, 31), True),  # the bench's period
    (date(2026, 1, 1), date(2026, 6, 30), True),  # many series with scores after the end
    (date(2025, 6, 1), date(2025, 12, 31), True),
    (date(2026, 11, 1), date(2026, 11, 30), False),  # after the last score of sample.db
    (date(2024, 1, 1), date(2027, 12, 31), True),  # every score inside
])
def test_score_changes_equal_a_hand_count_for_any_period(sample: Database, start: date, end: date,
                                                         pairs: bool) -> None:
    with sample.engine.connect() as c:
        codes = [r[0] for r in c.execute(text("SELECT DISTINCT municipality_code FROM household ORDER BY 1"))]
        checked = 0
        for code in codes:
            scope = dashboard_scope(code, start, end, today=end)
            expected = hand_score_changes(c, scope)
            assert app_score_changes(sample, scope) == expected, code
            checked += sum(n for n, _, _ in expected.values())
    assert (checked > 0) == pairs
    sample.close()


def test_scores_recorded_through_the_services_keep_their_series(db: Database) -> None:
    cases = build(db)

    def check() -> None:
        with db.engine.connect() as c:
            assert kept_series(c) == expected_series(c)

    check()
    people = people_service.people_of(cases.a, db.uow(), db.actor, today=date(2026, 11, 2))
    member_id = next(p.member.id for p in people.persons if p.adult)
    assert member_id is not None
    record = people_service.record_zrm
    for on, scores in ((date(2026, 10, 1), {"financien": 2, "huisvesting": 3}),
                       (date(2026, 11, 1), {"financien": 4}),  # a later score: the last one moves
                       (date(2026, 11, 1), {"financien": 5}),  # the same day again: replaced
                       (date(2026, 9, 1), {"financien": 1, "huisvesting": 1})):  # earlier: the first one moves
        record(people_service.RecordZrm(cases.a, member_id, on, scores), db.uow(), db.actor, today=date(2026, 11, 2))
        check()
    with db.engine.connect() as c:
        financien = kept_series(c)[("zrm", member_id, "financien")]
    assert financien[2:4] == (date(2026, 9, 1), 1)  # the earlier score became the first

    plan_b = plan_service.get_plan(cases.b, db.uow(), db.actor)
    for moment, on, grade in ((3, "2026-11-20", 6), (6, "2026-11-25", 8)):
        plan_b = plan_service.record_evaluation(
            cases.b, {"moment": moment, "on_date": on, "rapportcijfer": grade, "scores": {"financien": 3}},
            plan_b.version, db.uow(), db.actor)
        check()
