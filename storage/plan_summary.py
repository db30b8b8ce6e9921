"""Summary rows of plan versions that the dashboard reads instead of recomputing them (issue 18).

Both are written in the same transaction as the plan version they summarise, by the plan repository
(`storage/plans.py`) and by the bulk seed (`storage/seed/plans.py`); migration 0017 filled them in for the
plans that existed before:

* `plan_rekensom`: per plan version and party its rekensom result, exactly as the plan screen shows it
  (`domain.rekensom.calculate`, rounded per plan): net effect and real costs (kosten) per scenario, in
  cents. Written with the version's cost lines (they are rewritten together on every save).
* `maatwerkplan.superseded_on`: the first day a *later* version of the same household was decided (the
  lowest `decided_on` of the decided versions with a higher version number), or NULL. So a version is the
  plan in force at the end of a period exactly when it was decided on or before that day and
  `superseded_on` is NULL or after it: the definition of docs/dashboard.md ("the newest version decided on
  or before the end"), without a NOT EXISTS over every other version. Recomputed for the whole household
  whenever one of its versions is saved (a household has a handful of versions).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, and_, func, select, update
from sqlalchemy.orm import aliased
from sqlmodel import col

from domain.plan import Maatwerkplan, PlanStatus
from domain.rekensom import calculate
from storage.plan_tables import PlanRekensomRow, PlanRow
from storage.tables import RowValues

CONCEPT = PlanStatus.CONCEPT.value


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _cents(amount: Any) -> int:
    return int(amount * 100)


def rekensom_rows(plan_id: int, plan: Maatwerkplan) -> list[RowValues]:
    """The `plan_rekensom` rows of a plan version: one per party of its rekensom result."""
    result = calculate(plan.rekensom)
    return [
        {
            "plan_id": plan_id,
            "payer": row.payer.value,
            "huidig_pad_cents": _cents(row.huidig_pad),
            "doorbraak_cents": _cents(row.doorbraak),
            "kosten_huidig_pad_cents": _cents(row.kosten_huidig_pad),
            "kosten_doorbraak_cents": _cents(row.kosten_doorbraak),
        }
        for row in result.per_payer
    ]


def superseded_statement(household_id: int | None = None) -> Any:
    """UPDATE maatwerkplan SET superseded_on = (the first decision day of a later decided version), for one
    household, or for every plan (`household_id` None: the migration's backfill and the bulk seed)."""
    plan = _table(PlanRow)
    later = aliased(plan, name="later")
    first_later_decision = (
        select(func.min(later.c.decided_on))
        .where(
            later.c.household_id == plan.c.household_id,
            later.c.status != CONCEPT,
            later.c.decided_on.is_not(None),
            later.c.plan_version > plan.c.plan_version,
        )
        .scalar_subquery()
    )
    stmt = update(plan).values(superseded_on=first_later_decision)
    if household_id is not None:
        stmt = stmt.where(plan.c.household_id == household_id)
    return stmt


def refresh_superseded(connection: Connection, household_id: int) -> None:
    """Recompute `superseded_on` of every version of one household (after one of them was saved)."""
    connection.execute(superseded_statement(household_id))


def in_force_at(end: Any, plan: Any = None) -> Any:
    """The condition "this version is the plan in force at the end of the period" on `maatwerkplan`."""
    p = plan if plan is not None else PlanRow
    return and_(
        col(p.status) != CONCEPT,
        col(p.decided_on).is_not(None),
        col(p.decided_on) <= end,
        (col(p.superseded_on).is_(None)) | (col(p.superseded_on) > end),
    )


REKENSOM_TABLE = _table(PlanRekensomRow)

__all__ = ["REKENSOM_TABLE", "in_force_at", "refresh_superseded", "rekensom_rows", "superseded_statement"]
