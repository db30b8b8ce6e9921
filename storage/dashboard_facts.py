"""Load the facts of households that the dashboard's items are made from (domain/dashboard_items.py).

One statement per table for a batch of households (by id), so a rebuild of 100,000 households and the refresh
of the one household a save touched use the same code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, select

from domain.dashboard_items import HouseholdFacts, OverbruggingFacts, PlanFacts, cents
from domain.local_time import AMSTERDAM
from domain.overbrugging import Settlement, SettlementShare
from storage.case_tables import EscalationRow, OverbruggingCostRow, OverbruggingRow
from storage.people_tables import ZrmScoreRow
from storage.plan_summary import REKENSOM_TABLE
from storage.plan_tables import PlanActionRow, PlanEvaluationRow, PlanRow
from storage.tables import HouseholdRow


def _table(model: type[Any]) -> Any:
    return model.__table__


H, P, A, E = _table(HouseholdRow), _table(PlanRow), _table(PlanActionRow), _table(PlanEvaluationRow)
Z, ESC, OB, OC = _table(ZrmScoreRow), _table(EscalationRow), _table(OverbruggingRow), _table(OverbruggingCostRow)
R = REKENSOM_TABLE


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value.date()


def dutch_day(moment: datetime | str) -> date:
    """The Dutch calendar day of a stored UTC moment."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(AMSTERDAM).date()


def _split(text: str | None) -> dict[str, int] | None:
    data = json.loads(text or "{}")
    if not isinstance(data, dict) or not data:
        return None
    # As PostgreSQL's cast to numeric(14, 2): two decimals, half away from zero.
    return {str(payer): cents(Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
            for payer, amount in data.items()}


def _portions(amount: Any, shares_text: str | None) -> list[tuple[str, int]]:
    """The settlement split over the final payers, as the dashboard service splits it (Settlement.portions)."""
    shares = [SettlementShare.model_construct(payer=str(s.get("payer", "")),
                                              percentage=Decimal(str(s.get("percentage", "0"))))
              for s in json.loads(shares_text or "[]")]
    settlement = Settlement.model_construct(amount=Decimal(str(amount)).quantize(Decimal("0.01")), shares=shares,
                                            decided_on=date.min)
    return [(p.payer, cents(p.amount)) for p in settlement.portions()]


def load_facts(connection: Connection, household_ids: Sequence[int]) -> list[HouseholdFacts]:
    """The facts of these households (ids that no longer exist are left out)."""
    ids = sorted(set(household_ids))
    if not ids:
        return []
    facts: dict[int, HouseholdFacts] = {}
    for hid, code, created, closed, status, professional in connection.execute(
        select(H.c.id, H.c.municipality_code, H.c.created_at, H.c.closed_on, H.c.status, H.c.professional)
        .where(H.c.id.in_(ids))
    ):
        facts[hid] = HouseholdFacts(hid, code, dutch_day(created), _day(closed), status, professional or "")
    plans: dict[int, PlanFacts] = {}
    for pid, hid, version, status, decided, created in connection.execute(
        select(P.c.id, P.c.household_id, P.c.plan_version, P.c.status, P.c.decided_on, P.c.created_at)
        .where(P.c.household_id.in_(ids))
    ):
        plan = PlanFacts(pid, version, status, _day(decided), dutch_day(created))
        plans[pid] = plan
        facts[hid].plans.append(plan)
    if plans:
        plan_ids = sorted(plans)
        for pid, status, deadline, done in connection.execute(
            select(A.c.plan_id, A.c.status, A.c.deadline, A.c.done_on).where(A.c.plan_id.in_(plan_ids))
        ):
            plans[pid].actions.append((status, _day(deadline), _day(done)))
        for pid, moment, on, grade, realised, split in connection.execute(
            select(E.c.plan_id, E.c.moment, E.c.on_date, E.c.rapportcijfer, E.c.realised_costs, E.c.realised_by_payer)
            .where(E.c.plan_id.in_(plan_ids))
        ):
            plans[pid].evaluations.append((int(moment), _day(on), grade,
                                           None if realised is None else cents(realised), _split(split)))
        for pid, party, huidig, doorbraak, kosten_huidig, kosten_doorbraak in connection.execute(
            select(R.c.plan_id, R.c.payer, R.c.huidig_pad_cents, R.c.doorbraak_cents, R.c.kosten_huidig_pad_cents,
                   R.c.kosten_doorbraak_cents).where(R.c.plan_id.in_(plan_ids))
        ):
            plans[pid].rekensom.append((party, int(huidig), int(doorbraak), int(kosten_huidig),
                                        int(kosten_doorbraak)))
    for hid, member, leefgebied, scored_on, moment, score in connection.execute(
        select(Z.c.household_id, Z.c.member_id, Z.c.leefgebied, Z.c.scored_on, Z.c.moment, Z.c.score)
        .where(Z.c.household_id.in_(ids))
    ):
        # NULL moments first, as SQLite orders them (storage/score_summary.py orders by day, then moment).
        order = -1 if moment is None else int(moment)
        day = _day(scored_on)
        assert day is not None
        facts[hid].zrm.setdefault((member, leefgebied), []).append((day, order, int(score)))
    for hid, status, level, created_on, closed_on, submitted_on in connection.execute(
        select(ESC.c.household_id, ESC.c.status, ESC.c.level, ESC.c.created_on, ESC.c.closed_on, ESC.c.submitted_on)
        .where(ESC.c.household_id.in_(ids))
    ):
        created_day = _day(created_on)
        assert created_day is not None
        facts[hid].escalations.append((status, level, created_day, _day(closed_on), _day(submitted_on)))
    bridges: dict[int, OverbruggingFacts] = {}
    for oid, hid, status, deadline, voorfinancier, amount, shares, decided in connection.execute(
        select(OB.c.id, OB.c.household_id, OB.c.status, OB.c.settlement_deadline, OB.c.voorfinancier,
               OB.c.settlement_amount, OB.c.settlement_shares, OB.c.settlement_decided_on)
        .where(OB.c.household_id.in_(ids))
    ):
        settled = _day(decided) if amount is not None else None
        bridge = OverbruggingFacts(status, _day(deadline), str(voorfinancier), settled_on=settled,
                                   portions=_portions(amount, shares) if settled is not None else [])
        bridges[oid] = bridge
        facts[hid].overbruggingen.append(bridge)
    if bridges:
        for oid, booked_on, amount in connection.execute(
            select(OC.c.overbrugging_id, OC.c.booked_on, OC.c.amount).where(OC.c.overbrugging_id.in_(sorted(bridges)))
        ):
            bridges[oid].costs.append((_day(booked_on), cents(amount)))
    return [facts[i] for i in ids if i in facts]


__all__ = ["dutch_day", "load_facts"]
