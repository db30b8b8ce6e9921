"""Use cases of the overbruggingsprocedure: request, decide, start, book costs, settle, repay, close.

Every write is one unit of work with its audit record. Write use cases return an `OverbruggingResult`:
the saved overbrugging plus Dutch warnings (over the cap, past the settlement deadline, ...) for the
screen to show; a warning never stops the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from domain.access import Permission
from domain.actors import Actor
from domain.errors import IllegalTransition
from domain.household import LongText, RequiredName
from domain.mandate import overbrugging_ask
from domain.overbrugging import (
    OVERBRUGGING_WORKFLOW,
    CostBooking,
    Money,
    Overbrugging,
    OverbruggingPage,
    OverbruggingQuery,
    OverbruggingRequest,
    OverbruggingStatus,
    Settlement,
    SettlementShare,
)
from domain.services.casework import parse
from domain.services.mandates import covering_mandate
from domain.services.workflow import CaseWorkflow, ItemChange, NewItem, Step, WorkflowService, opening_step

OBJECT_TYPE = "overbrugging"
CORRECTION_MAX = Decimal("10000000")


OverbruggingDraft = OverbruggingRequest
"""What a user types for a request. Status, steps, costs and settlement come from the use cases."""


class CostDraft(BaseModel):
    """A cost to book. A negative amount is a correction (tegenboeking) of an earlier booking."""

    model_config = ConfigDict(extra="forbid")

    amount: Decimal = Field(ge=-CORRECTION_MAX, le=CORRECTION_MAX, decimal_places=2)
    description: RequiredName
    booked_on: date | None = None


class SettlementDraft(BaseModel):
    """The settlement decision. Without an amount the booked costs are settled."""

    model_config = ConfigDict(extra="forbid")

    shares: list[SettlementShare] = Field(min_length=1, max_length=10)
    amount: Money | None = None
    decided_on: date | None = None
    note: LongText = ""


@dataclass(frozen=True)
class OverbruggingResult:
    overbrugging: Overbrugging
    warnings: list[str] = field(default_factory=list)


def _result(overbrugging: Overbrugging, step: Step[Overbrugging]) -> OverbruggingResult:
    return OverbruggingResult(overbrugging, overbrugging.warnings(step.today))


def _check_decision(step: Step[Overbrugging], new_status: OverbruggingStatus) -> None:
    """Toekennen is a decision: only by a holder of a mandate covering the kind `overbrugging` and the cap in
    the household's municipality, on the day of the step and today, and never by the one who requested it
    (four-eyes); otherwise NoMandate names who may."""
    if new_status is OverbruggingStatus.TOEGEKEND:
        ob = step.item
        OVERBRUGGING_WORKFLOW.check(ob.status, new_status)  # an illegal step says so, not "no mandate"
        requester = ob.steps[0] if ob.steps else None
        covering_mandate(
            step.uow, step.actor, overbrugging_ask(ob.cap, step.household.municipality_code),
            author=requester.by if requester else "", author_username=requester.username if requester else "",
            days=(step.day, step.today),
        )


OVERBRUGGINGEN: CaseWorkflow[Overbrugging, OverbruggingResult, OverbruggingQuery, OverbruggingPage] = CaseWorkflow(
    OBJECT_TYPE, Permission.MANAGE_OVERBRUGGINGEN, OVERBRUGGING_WORKFLOW, lambda uow: uow.overbruggingen,
    result=_result, guard=_check_decision,
)

get_overbrugging = OVERBRUGGINGEN.get
"""Load one overbrugging to show it (the view is audited)."""
list_overbruggingen = OVERBRUGGINGEN.list
"""A page of overbruggingen in the actor's municipalities, earliest settlement deadline first."""
change_overbrugging_status = OVERBRUGGINGEN.change_status
"""Toekennen (with a covering mandate, see `_check_decision`), afwijzen (with a reason), inzetten, afsluiten.
Settling has its own use case."""


def _request(draft: OverbruggingDraft, case_number: str, actor: Actor, day: date) -> Overbrugging:
    return parse(Overbrugging, {**draft.model_dump(), "case_number": case_number,
                                "steps": opening_step(OverbruggingStatus.AANGEVRAAGD, actor, day)})


request_overbrugging = OVERBRUGGINGEN.opener(_request, parse_as=OverbruggingDraft)
"""File a new request (status aangevraagd) for a household."""
RequestOverbrugging = NewItem[OverbruggingDraft]


def _replace_request(current: Overbrugging, draft: OverbruggingDraft, step: Step[Overbrugging]) -> Overbrugging:
    if current.status.is_final:
        raise IllegalTransition(f"Een overbrugging met status '{current.status.label}' kan niet meer worden gewijzigd.")
    return parse(Overbrugging, {**current.model_dump(), **draft.model_dump()})


def _book(ob: Overbrugging, draft: CostDraft, step: Step[Overbrugging]) -> None:
    ob.book_cost(parse(CostBooking, {"booked_on": draft.booked_on or step.today, "amount": draft.amount,
                                     "description": draft.description, "by": step.actor.display_name}))


def _settle(ob: Overbrugging, draft: SettlementDraft, step: Step[Overbrugging]) -> None:
    settlement = parse(
        Settlement,
        {
            "shares": [share.model_dump() for share in draft.shares],
            "amount": draft.amount if draft.amount is not None else ob.total_costs,
            "decided_on": draft.decided_on or step.today,
            "note": draft.note,
        },
    )
    ob.settle(settlement, by=step.actor.display_name, username=step.actor.username)


def _repaid(ob: Overbrugging, repaid_on: date, step: Step[Overbrugging]) -> None:
    ob.record_repayment(repaid_on)


update_overbrugging = OVERBRUGGINGEN.edit(_replace_request, parse_as=OverbruggingDraft)
"""Change the request's details (cap, period, parties, ...) while it is not closed or refused."""
UpdateOverbrugging = ItemChange[OverbruggingDraft]
book_cost = OVERBRUGGINGEN.edit(_book, parse_as=CostDraft)
"""Book an actual cost (or a correction). Exceeding the cap is returned as a warning, not refused."""
BookCost = ItemChange[CostDraft]
settle_overbrugging = OVERBRUGGINGEN.edit(_settle, parse_as=SettlementDraft)
"""Record who finally pays (shares summing to 100 %); an ingezette overbrugging moves to verrekening_besloten."""
SettleOverbrugging = ItemChange[SettlementDraft]
record_repayment = OVERBRUGGINGEN.edit(_repaid)
"""Record that the final payer(s) repaid the voorfinancier; then the overbrugging can be closed."""
RecordRepayment = ItemChange[date]
"""The value is the day the voorfinancier was repaid."""


# -- the bound service (what the TUI and the CLI call) --------------------------------------------------------


class OverbruggingService(WorkflowService[Overbrugging, OverbruggingResult, OverbruggingQuery, OverbruggingPage]):
    """Request, book, settle and repay an overbrugging (the shared `get`, `list` and `change_status` come
    from `WorkflowService`)."""

    flow = OVERBRUGGINGEN

    def request(self, command: RequestOverbrugging) -> OverbruggingResult:
        return request_overbrugging.run(command, self.uow, self.actor)

    def update(self, command: UpdateOverbrugging) -> OverbruggingResult:
        return update_overbrugging.run(command, self.uow, self.actor)

    def book_cost(self, command: BookCost) -> OverbruggingResult:
        return book_cost.run(command, self.uow, self.actor)

    def settle(self, command: SettleOverbrugging) -> OverbruggingResult:
        return settle_overbrugging.run(command, self.uow, self.actor)

    def record_repayment(self, command: RecordRepayment) -> OverbruggingResult:
        return record_repayment.run(command, self.uow, self.actor)


__all__ = [
    "BookCost",
    "CostDraft",
    "OverbruggingService",
    "RecordRepayment",
    "RequestOverbrugging",
    "SettleOverbrugging",
    "UpdateOverbrugging",
    "OverbruggingDraft",
    "OverbruggingResult",
    "SettlementDraft",
    "book_cost",
    "change_overbrugging_status",
    "get_overbrugging",
    "list_overbruggingen",
    "record_repayment",
    "request_overbrugging",
    "settle_overbrugging",
    "update_overbrugging",
]
