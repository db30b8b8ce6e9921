"""Use cases of the overbruggingsprocedure: request, decide, start, book costs, settle, repay, close.

Every write is one unit of work with its audit record. Write use cases return an `OverbruggingResult`:
the saved overbrugging plus Dutch warnings (over the cap, past the settlement deadline, ...) for the
screen to show; a warning never stops the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from domain.access import Permission, require
from domain.actors import Actor
from domain.errors import IllegalTransition
from domain.household import LegalFramework, LongText, RequiredName
from domain.mandate import overbrugging_ask
from domain.overbrugging import (
    OVERBRUGGING_WORKFLOW,
    CostBooking,
    Money,
    Overbrugging,
    OverbruggingPage,
    OverbruggingQuery,
    OverbruggingStatus,
    RequiredText,
    Settlement,
    SettlementShare,
    Transition,
)
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import parse, today_or
from domain.services.mandates import covering_mandate
from domain.services.workflow import CaseWorkflow, ChangeStatus, ItemChange, Loaded, NewItem, opening_step

OBJECT_TYPE = "overbrugging"
CORRECTION_MAX = Decimal("10000000")


class OverbruggingDraft(BaseModel):
    """What a user types for a request. Status, steps, costs and settlement come from the use cases."""

    model_config = ConfigDict(extra="forbid")

    support_needed: RequiredText
    urgency_reason: RequiredText
    transition: Transition
    transition_note: LongText = ""
    laws_in_dispute: list[LegalFramework] = Field(min_length=1, max_length=10)
    organisations_in_dispute: list[RequiredName] = Field(default_factory=list, max_length=20)
    voorfinancier: RequiredName
    cap: Decimal = Field(gt=0, le=CORRECTION_MAX, decimal_places=2)
    expected_cost: Money
    start_date: date
    max_duration_months: int = Field(ge=1, le=60)
    settlement_deadline: date


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


OVERBRUGGINGEN: CaseWorkflow[Overbrugging] = CaseWorkflow(
    OBJECT_TYPE, Permission.MANAGE_OVERBRUGGINGEN, OVERBRUGGING_WORKFLOW, lambda uow: uow.overbruggingen
)


def _result(overbrugging: Overbrugging, day: date) -> OverbruggingResult:
    return OverbruggingResult(overbrugging, overbrugging.warnings(day))


def _change(
    overbrugging_id: int,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    change: Callable[[Overbrugging], None],
    *,
    today: date | None,
    purpose: str,
) -> OverbruggingResult:
    saved = OVERBRUGGINGEN.change(overbrugging_id, expected_version, uow, actor, lambda ob, _: change(ob),
                                  purpose=purpose)
    return _result(saved, today_or(today))


def request_overbrugging(
    case_number: str,
    draft: OverbruggingDraft,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """File a new request (status aangevraagd) for a household."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(OverbruggingDraft, draft)

    def request(day: date) -> Overbrugging:
        return parse(Overbrugging, {**draft.model_dump(), "case_number": case_number,
                                    "steps": opening_step(OverbruggingStatus.AANGEVRAAGD, actor, day)})

    day = today_or(today)
    saved = OVERBRUGGINGEN.start(case_number, uow, actor, request, today=day, purpose=purpose)
    return _result(saved, day)


def update_overbrugging(
    overbrugging_id: int,
    draft: OverbruggingDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Change the request's details (cap, period, parties, ...) while it is not closed or refused."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(OverbruggingDraft, draft)
    with uow:
        loaded = OVERBRUGGINGEN.load(uow, actor, overbrugging_id, purpose, expected_version)
        current = loaded.item
        if current.status.is_final:
            raise IllegalTransition(
                f"Een overbrugging met status '{current.status.label}' kan niet meer worden gewijzigd."
            )
        updated = parse(Overbrugging, {**current.model_dump(), **draft.model_dump()})
        saved = OVERBRUGGINGEN.save(uow, actor, current, updated, purpose=purpose, break_glass=loaded.break_glass)
    return _result(saved, today_or(today))


def get_overbrugging(overbrugging_id: int, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Overbrugging:
    """Load one overbrugging to show it (the view is audited)."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    return OVERBRUGGINGEN.get(overbrugging_id, uow, actor, purpose=purpose)


def list_overbruggingen(query: OverbruggingQuery, uow: UnitOfWork, actor: Actor) -> OverbruggingPage:
    """A page of overbruggingen in the actor's municipalities, earliest settlement deadline first."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    with uow:
        return uow.overbruggingen.page(query, actor.municipality_codes)


def change_overbrugging_status(
    overbrugging_id: int,
    new_status: OverbruggingStatus,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    on: date | None = None,
    note: str = "",
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Toekennen, afwijzen (with a reason), inzetten, afsluiten. Settling has its own use case.

    Toekennen is a decision: only by a holder of a mandate covering the kind `overbrugging` and the cap in
    the household's municipality, on the day of the step and today, and never by the one who requested it
    (four-eyes); otherwise NoMandate names who may.
    """
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    day = on or today_or(today)

    def step(ob: Overbrugging, loaded: Loaded[Overbrugging]) -> None:
        if new_status is OverbruggingStatus.TOEGEKEND:
            OVERBRUGGING_WORKFLOW.check(ob.status, new_status)  # an illegal step says so, not "no mandate"
            requester = ob.steps[0] if ob.steps else None
            covering_mandate(
                uow, actor, overbrugging_ask(ob.cap, loaded.household.municipality_code),
                author=requester.by if requester else "", author_username=requester.username if requester else "",
                days=(day, today_or(today)),
            )
        ob.change_status(new_status, on=day, by=actor.display_name, username=actor.username, note=note)

    saved = OVERBRUGGINGEN.change(overbrugging_id, expected_version, uow, actor, step, purpose=purpose)
    return _result(saved, today_or(today))


def book_cost(
    overbrugging_id: int,
    draft: CostDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Book an actual cost (or a correction). Exceeding the cap is returned as a warning, not refused."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(CostDraft, draft)
    day = today_or(today)

    def book(ob: Overbrugging) -> None:
        ob.book_cost(parse(CostBooking, {"booked_on": draft.booked_on or day, "amount": draft.amount,
                                         "description": draft.description, "by": actor.display_name}))

    return _change(overbrugging_id, expected_version, uow, actor, book, today=today, purpose=purpose)


def settle_overbrugging(
    overbrugging_id: int,
    draft: SettlementDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Record who finally pays (shares summing to 100 %); an ingezette overbrugging moves to verrekening_besloten."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(SettlementDraft, draft)
    day = today_or(today)

    def settle(ob: Overbrugging) -> None:
        settlement = parse(
            Settlement,
            {
                "shares": [share.model_dump() for share in draft.shares],
                "amount": draft.amount if draft.amount is not None else ob.total_costs,
                "decided_on": draft.decided_on or day,
                "note": draft.note,
            },
        )
        ob.settle(settlement, by=actor.display_name, username=actor.username)

    return _change(overbrugging_id, expected_version, uow, actor, settle, today=today, purpose=purpose)


def record_repayment(
    overbrugging_id: int,
    repaid_on: date,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Record that the final payer(s) repaid the voorfinancier; then the overbrugging can be closed."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    return _change(overbrugging_id, expected_version, uow, actor, lambda ob: ob.record_repayment(repaid_on),
                   today=today, purpose=purpose)


# -- typed commands and the bound service (what the TUI and the CLI call) ------------------------------------
RequestOverbrugging = NewItem[OverbruggingDraft]
UpdateOverbrugging = ItemChange[OverbruggingDraft]
BookCost = ItemChange[CostDraft]
SettleOverbrugging = ItemChange[SettlementDraft]
RecordRepayment = ItemChange[date]
"""The value is the day the voorfinancier was repaid."""


class OverbruggingService(Bound):
    """The overbrugging use cases, bound to a unit of work and the actor."""

    def request(self, command: RequestOverbrugging) -> OverbruggingResult:
        return request_overbrugging(command.case_number, command.draft, self.uow, self.actor, today=command.today,
                                    purpose=command.purpose)

    def update(self, command: UpdateOverbrugging) -> OverbruggingResult:
        return update_overbrugging(command.item_id, command.value, command.expected_version, self.uow,
                                   self.actor, today=command.today, purpose=command.purpose)

    def get(self, overbrugging_id: int, *, purpose: str = "") -> Overbrugging:
        return get_overbrugging(overbrugging_id, self.uow, self.actor, purpose=purpose)

    def list(self, query: OverbruggingQuery) -> OverbruggingPage:
        return list_overbruggingen(query, self.uow, self.actor)

    def change_status(self, command: ChangeStatus[OverbruggingStatus], *,
                      today: date | None = None) -> OverbruggingResult:
        return change_overbrugging_status(command.item_id, command.new_status, command.expected_version, self.uow,
                                          self.actor, on=command.on, note=command.note, today=today,
                                          purpose=command.purpose)

    def book_cost(self, command: BookCost) -> OverbruggingResult:
        return book_cost(command.item_id, command.value, command.expected_version, self.uow, self.actor,
                         today=command.today, purpose=command.purpose)

    def settle(self, command: SettleOverbrugging) -> OverbruggingResult:
        return settle_overbrugging(command.item_id, command.value, command.expected_version, self.uow,
                                   self.actor, today=command.today, purpose=command.purpose)

    def record_repayment(self, command: RecordRepayment) -> OverbruggingResult:
        return record_repayment(command.item_id, command.value, command.expected_version, self.uow,
                                self.actor, today=command.today, purpose=command.purpose)


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
