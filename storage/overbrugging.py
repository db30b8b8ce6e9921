"""The overbrugging repository: rows ↔ domain, paged lists and the indexed queries behind the worklist."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from domain.household import HouseholdStatus
from domain.overbrugging import (
    AWAITING_SETTLEMENT,
    OVERBRUGGING_WORKFLOW,
    Overbrugging,
    OverbruggingListRow,
    OverbruggingPage,
    OverbruggingQuery,
    OverbruggingStatus,
    Settlement,
)
from domain.plan import ActionStatus, PlanStatus
from domain.signals import ActionCandidate, CaseOwner, OverbruggingCandidate
from storage.case_tables import OverbruggingCostRow, OverbruggingRow, OverbruggingStepRow
from storage.plan_tables import PlanActionRow, PlanRow
from storage.tables import HouseholdRow
from storage.workflow import (  # the helpers are re-exported: other repositories import them from here
    CaseWorkflowRepository,
    municipality_filter,
    not_null,
    owner_of,
)

UNFINISHED_ACTIONS = (ActionStatus.OPEN.value, ActionStatus.BEZIG.value, ActionStatus.VASTGELOPEN.value)
ACTION_TEXT_MAX = 80
CLOSED = (OverbruggingStatus.AFGESLOTEN.value, OverbruggingStatus.AFGEWEZEN.value)
AWAITING = tuple(s.value for s in AWAITING_SETTLEMENT)
REQUEST_COLUMNS = ("support_needed", "urgency_reason", "transition", "transition_note", "voorfinancier", "cap",
                   "expected_cost", "start_date", "max_duration_months", "settlement_deadline")
"""The request's columns that hold a field of the same name as they are."""
LIST_COLUMNS = ("transition", "voorfinancier", "cap", "total_costs", "start_date", "settlement_deadline")
"""What a list row reads besides id, case number, household name and state (same names on both sides)."""


class SqlOverbruggingRepository(
    CaseWorkflowRepository[Overbrugging], item=Overbrugging, page=OverbruggingPage, workflow=OVERBRUGGING_WORKFLOW,
    reference="Overbrugging OB-", row=OverbruggingRow, steps=OverbruggingStepRow, children=(OverbruggingCostRow,),
):
    # -- reading ---------------------------------------------------------------------------------
    def _content(self, row: OverbruggingRow, item_id: int) -> dict[str, Any]:
        settlement: Settlement | None = None
        if row.settlement_shares is not None:
            settlement = Settlement.model_validate(
                {
                    "shares": json.loads(row.settlement_shares),
                    "amount": row.settlement_amount,
                    "decided_on": row.settlement_decided_on,
                    "repaid_on": row.settlement_repaid_on,
                    "note": row.settlement_note or "",
                }
            )
        request = {name: getattr(row, name) for name in REQUEST_COLUMNS}
        return {
            **request,
            "laws_in_dispute": json.loads(row.laws_in_dispute),
            "organisations_in_dispute": json.loads(row.organisations_in_dispute),
            "costs": [
                {"id": c.id, "booked_on": c.booked_on, "amount": c.amount, "description": c.description,
                 "by": c.by_name}
                for c in self._children_of(OverbruggingCostRow, item_id)
            ],
            "settlement": settlement,
        }

    def _filters(self, query: OverbruggingQuery) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if query.past_deadline_on is not None:
            found.append(col(OverbruggingRow.status).in_(AWAITING))
            found.append(col(OverbruggingRow.settlement_deadline) < query.past_deadline_on)
        if query.over_cap:
            found.append(col(OverbruggingRow.total_costs) > col(OverbruggingRow.cap))
        return found

    def _list_columns(self) -> tuple[Any, ...]:
        return tuple(col(getattr(OverbruggingRow, name)) for name in LIST_COLUMNS)

    def _list_order(self) -> tuple[Any, ...]:
        """Earliest settlement deadline first."""
        return (col(OverbruggingRow.settlement_deadline), col(OverbruggingRow.id))

    def _list_row(self, common: dict[str, Any], columns: Sequence[Any]) -> OverbruggingListRow:
        return OverbruggingListRow(**common, **dict(zip(LIST_COLUMNS, columns, strict=True)))

    def signal_candidates(
        self, today: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[OverbruggingCandidate, CaseOwner]]:
        past_deadline = and_(
            col(OverbruggingRow.status).in_(AWAITING),
            col(OverbruggingRow.settlement_deadline) < today,
        )
        over_cap = and_(
            col(OverbruggingRow.status).not_in(CLOSED),
            col(OverbruggingRow.total_costs) > col(OverbruggingRow.cap),
        )
        stmt = (
            select(
                col(OverbruggingRow.id),
                col(HouseholdRow.case_number),
                col(OverbruggingRow.status),
                col(OverbruggingRow.settlement_deadline),
                col(OverbruggingRow.cap),
                col(OverbruggingRow.total_costs),
                col(HouseholdRow.municipality_code),
                col(HouseholdRow.professional),
                col(HouseholdRow.team),
            )
            .join(HouseholdRow, col(HouseholdRow.id) == col(OverbruggingRow.household_id))
            .where(or_(past_deadline, over_cap), *municipality_filter(municipality_codes))
            .order_by(col(OverbruggingRow.id))
        )
        found: list[tuple[OverbruggingCandidate, CaseOwner]] = []
        for r in self.session.execute(stmt):
            status = OverbruggingStatus(r[2])
            found.append(
                (
                    OverbruggingCandidate(
                        id=not_null(r[0]),
                        case_number=r[1],
                        status=status.value,
                        settlement_deadline=r[3],
                        cap=r[4],
                        total_costs=r[5],
                        awaiting_settlement=status in AWAITING_SETTLEMENT,
                        closed=status.is_final,
                    ),
                    owner_of(r[6], r[7], r[8]),
                )
            )
        return found

    def overdue_plan_actions(
        self, today: date, municipality_codes: frozenset[str] | None = None
    ) -> list[tuple[ActionCandidate, CaseOwner]]:
        """Unfinished actions past their deadline in each open household's newest decided plan (read-only).

        Uses the plan module's tables and its (status, deadline) index; older decided versions that a newer
        decided version replaced are skipped, so an action is never reported twice.
        """
        decided = (PlanStatus.VASTGESTELD.value, PlanStatus.IN_UITVOERING.value)
        newer = aliased(PlanRow)
        newest = ~exists().where(
            col(newer.household_id) == col(PlanRow.household_id),
            col(newer.status).in_(decided),
            col(newer.plan_version) > col(PlanRow.plan_version),
        )
        stmt = (
            select(
                col(HouseholdRow.case_number),
                col(PlanActionRow.key),
                col(PlanActionRow.what),
                col(PlanActionRow.owner_organisation),
                col(PlanActionRow.deadline),
                col(HouseholdRow.municipality_code),
                col(HouseholdRow.professional),
                col(HouseholdRow.team),
            )
            .join(PlanRow, col(PlanRow.id) == col(PlanActionRow.plan_id))
            .join(HouseholdRow, col(HouseholdRow.id) == col(PlanRow.household_id))
            .where(
                col(PlanActionRow.status).in_(UNFINISHED_ACTIONS),
                col(PlanActionRow.deadline) < today,
                col(PlanRow.status).in_(decided),
                newest,
                col(HouseholdRow.status) != HouseholdStatus.AFGESLOTEN.value,
                *municipality_filter(municipality_codes),
            )
            .order_by(col(PlanActionRow.deadline), col(HouseholdRow.case_number), col(PlanActionRow.position))
        )
        found: list[tuple[ActionCandidate, CaseOwner]] = []
        for r in self.session.execute(stmt):
            what = " ".join(str(r[2]).split())
            what = what if len(what) <= ACTION_TEXT_MAX else what[: ACTION_TEXT_MAX - 1] + "…"
            description = f"{what} ({r[3]})" if r[3] else what
            found.append(
                (
                    ActionCandidate(case_number=r[0], action_id=r[1], description=description, deadline=not_null(r[4])),
                    owner_of(r[5], r[6], r[7]),
                )
            )
        return found

    # -- writing ---------------------------------------------------------------------------------
    def _fill(self, row: OverbruggingRow, ob: Overbrugging) -> None:
        row.support_needed = ob.support_needed
        row.urgency_reason = ob.urgency_reason
        row.transition = ob.transition.value
        row.transition_note = ob.transition_note
        row.laws_in_dispute = json.dumps([law.value for law in ob.laws_in_dispute], ensure_ascii=False)
        row.organisations_in_dispute = json.dumps(ob.organisations_in_dispute, ensure_ascii=False)
        row.voorfinancier = ob.voorfinancier
        row.cap = ob.cap
        row.expected_cost = ob.expected_cost
        row.total_costs = ob.total_costs
        row.start_date = ob.start_date
        row.max_duration_months = ob.max_duration_months
        row.settlement_deadline = ob.settlement_deadline
        row.status = ob.status.value
        s = ob.settlement
        row.settlement_shares = (
            None
            if s is None
            else json.dumps(
                [
                    {
                        "payer": sh.payer,
                        "legal_framework": sh.legal_framework.value if sh.legal_framework else None,
                        "percentage": str(sh.percentage),
                    }
                    for sh in s.shares
                ],
                ensure_ascii=False,
            )
        )
        row.settlement_amount = None if s is None else s.amount
        row.settlement_decided_on = None if s is None else s.decided_on
        row.settlement_repaid_on = None if s is None else s.repaid_on
        row.settlement_note = None if s is None else s.note

    def _add_children(self, overbrugging_id: int, ob: Overbrugging) -> None:
        self.session.add_all(
            OverbruggingCostRow(
                overbrugging_id=overbrugging_id,
                position=i,
                booked_on=c.booked_on,
                amount=c.amount,
                description=c.description,
                by_name=c.by,
            )
            for i, c in enumerate(ob.costs)
        )
