"""`score_series`: per scored unit its first and last score, kept for the dashboard's score changes (issue 18).

A unit is an adult's ZRM on one leefgebied (`zrm_score`, ordered by `scored_on`) or a plan version's
rapportcijfer (`plan_evaluation` with a date and a grade, ordered by date and moment): the same series and
order as the dashboard's definition (docs/dashboard.md, "Kwaliteit"). The rows are rewritten from the base
rows in the transaction that changes a unit's scores: `storage/people.py` after ZRM scores are stored,
`storage/plans.py` after a plan version's evaluations are written, the bulk seed and migration 0018 for
everything at once. Deleting a member, a plan version or a household deletes its rows (foreign keys).

How the dashboard uses them (storage/dashboard.py, `_pairs`): a series whose last score lies on or before
the end of the period has no later score to leave out, so its first and last score are the pair; only a
series with scores after the end (a period in the past) is computed from its scores, as before.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, Integer, Table, case, cast, delete, func, insert, literal, null, select

from storage.people_tables import ScoreSeriesRow, ZrmScoreRow
from storage.plan_tables import PlanEvaluationRow, PlanRow

RAPPORTCIJFER = "rapportcijfer"
SERIES: Table = ScoreSeriesRow.__table__  # type: ignore[attr-defined]
_ZRM: Table = ZrmScoreRow.__table__  # type: ignore[attr-defined]
_EVALUATION: Table = PlanEvaluationRow.__table__  # type: ignore[attr-defined]
_PLAN: Table = PlanRow.__table__  # type: ignore[attr-defined]
_COLUMNS = ("household_id", "member_id", "plan_id", "key", "moments", "first_on", "first_score", "last_on",
            "last_score")


def _series(ordered: Any) -> Any:
    """One row per unit from (household_id, member_id, plan_id, key, on_date, score, rn, n) rows: the score at
    position 1 is the first, the one at position n the last."""
    s = ordered.subquery("ordered")
    return select(
        s.c.household_id, s.c.member_id, s.c.plan_id, s.c.key, func.count(),
        func.max(case((s.c.rn == 1, s.c.on_date))), func.max(case((s.c.rn == 1, s.c.score))),
        func.max(case((s.c.rn == s.c.n, s.c.on_date))), func.max(case((s.c.rn == s.c.n, s.c.score))),
    ).group_by(s.c.household_id, s.c.member_id, s.c.plan_id, s.c.key)


def zrm_series(member_ids: Collection[int] | None = None) -> Any:
    """The ZRM series of these members (None: of everybody)."""
    z = _ZRM
    unit = (z.c.member_id, z.c.leefgebied)
    ordered = select(
        z.c.household_id, z.c.member_id, cast(null(), Integer).label("plan_id"), z.c.leefgebied.label("key"),
        z.c.scored_on.label("on_date"), z.c.score,
        func.row_number().over(partition_by=unit, order_by=(z.c.scored_on, z.c.moment)).label("rn"),
        func.count().over(partition_by=unit).label("n"),
    )
    if member_ids is not None:
        ordered = ordered.where(z.c.member_id.in_(sorted(member_ids)))
    return _series(ordered)


def grade_series(plan_ids: Collection[int] | None = None) -> Any:
    """The rapportcijfer series of these plan versions (None: of every version)."""
    e = _EVALUATION
    ordered = (
        select(
            _PLAN.c.household_id, cast(null(), Integer).label("member_id"), e.c.plan_id,
            literal(RAPPORTCIJFER).label("key"),
            e.c.on_date, e.c.rapportcijfer.label("score"),
            func.row_number().over(partition_by=e.c.plan_id, order_by=(e.c.on_date, e.c.moment)).label("rn"),
            func.count().over(partition_by=e.c.plan_id).label("n"),
        )
        .join(_PLAN, _PLAN.c.id == e.c.plan_id)
        .where(e.c.on_date.is_not(None), e.c.rapportcijfer.is_not(None))
    )
    if plan_ids is not None:
        ordered = ordered.where(e.c.plan_id.in_(sorted(plan_ids)))
    return _series(ordered)


def _insert(series: Any) -> Any:
    return insert(SERIES).from_select(list(_COLUMNS), series)


def refresh_zrm_series(connection: Connection, member_ids: Collection[int]) -> None:
    """Rewrite the ZRM series of these members (after their scores changed)."""
    if member_ids:
        connection.execute(delete(SERIES).where(SERIES.c.member_id.in_(sorted(member_ids))))
        connection.execute(_insert(zrm_series(member_ids)))


def refresh_grade_series(connection: Connection, plan_id: int) -> None:
    """Rewrite the rapportcijfer series of one plan version (after its evaluations were written)."""
    connection.execute(delete(SERIES).where(SERIES.c.plan_id == plan_id))
    connection.execute(_insert(grade_series([plan_id])))


def rebuild_score_series(connection: Connection) -> None:
    """Every series from scratch (the bulk seed; a check that the kept rows are right)."""
    connection.execute(delete(SERIES))
    connection.execute(_insert(zrm_series()))
    connection.execute(_insert(grade_series()))


__all__ = ["RAPPORTCIJFER", "SERIES", "grade_series", "rebuild_score_series", "refresh_grade_series",
           "refresh_zrm_series", "zrm_series"]
