"""Use cases of the overbruggingsprocedure: request, decide, start, book costs, settle, repay, close.

Every write is one unit of work with its audit record. Write use cases return an `OverbruggingResult`:
the saved overbrugging plus Dutch warnings (over the cap, past the settlement deadline, ...) for the
screen to show; a warning never stops the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from domain.access import Permission, require
from domain.actors import Actor
from domain.audit import AuditKind
from domain.errors import IllegalTransition, StaleVersion
from domain.household import LegalFramework, LongText, RequiredName
from domain.overbrugging import (
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
from domain.services.casework import audit, open_case, parse, today_or, validated

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


def _load(uow: UnitOfWork, actor: Actor, overbrugging_id: int, purpose: str) -> tuple[Overbrugging, bool]:
    overbrugging = uow.overbruggingen.get(overbrugging_id)
    _, break_glass = open_case(uow, actor, overbrugging.case_number, purpose)
    return overbrugging, break_glass


def _check_version(overbrugging: Overbrugging, expected_version: int) -> None:
    if overbrugging.version != expected_version:
        raise StaleVersion("Deze overbrugging")


def _write(
    uow: UnitOfWork,
    actor: Actor,
    before: Overbrugging,
    after: Overbrugging,
    *,
    today: date,
    purpose: str,
    break_glass: bool,
) -> OverbruggingResult:
    saved = uow.overbruggingen.save(after)
    audit(uow, actor, AuditKind.UPDATE, OBJECT_TYPE, saved.reference, before=before, after=saved,
          purpose=purpose, break_glass=break_glass)
    uow.commit()
    return OverbruggingResult(saved, saved.warnings(today))


def request_overbrugging(
    case_number: str,
    data: dict[str, Any] | OverbruggingDraft,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """File a new request (status aangevraagd) for a household."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(OverbruggingDraft, data)
    day = today_or(today)
    with uow:
        _, break_glass = open_case(uow, actor, case_number, purpose)
        overbrugging = parse(
            Overbrugging,
            {
                **draft.model_dump(),
                "case_number": case_number,
                "steps": [{"status": OverbruggingStatus.AANGEVRAAGD.value, "on": day, "by": actor.display_name,
                           "username": actor.username}],
            },
        )
        saved = uow.overbruggingen.add(overbrugging)
        audit(uow, actor, AuditKind.CREATE, OBJECT_TYPE, saved.reference, after=saved, purpose=purpose,
              break_glass=break_glass)
        uow.commit()
    return OverbruggingResult(saved, saved.warnings(day))


def update_overbrugging(
    overbrugging_id: int,
    data: dict[str, Any] | OverbruggingDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Change the request's details (cap, period, parties, ...) while it is not closed or refused."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(OverbruggingDraft, data)
    with uow:
        current, break_glass = _load(uow, actor, overbrugging_id, purpose)
        _check_version(current, expected_version)
        if current.status.is_final:
            raise IllegalTransition(
                f"Een overbrugging met status '{current.status.label}' kan niet meer worden gewijzigd."
            )
        updated = parse(Overbrugging, {**current.model_dump(), **draft.model_dump()})
        return _write(uow, actor, current, updated, today=today_or(today), purpose=purpose, break_glass=break_glass)


def get_overbrugging(overbrugging_id: int, uow: UnitOfWork, actor: Actor, *, purpose: str = "") -> Overbrugging:
    """Load one overbrugging to show it (the view is audited)."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    with uow:
        overbrugging, break_glass = _load(uow, actor, overbrugging_id, purpose)
        audit(uow, actor, AuditKind.READ, OBJECT_TYPE, overbrugging.reference, purpose=purpose, break_glass=break_glass)
        uow.commit()
    return overbrugging


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
    """Toekennen, afwijzen (with a reason), inzetten, afsluiten. Settling has its own use case."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    day = today_or(today)
    with uow:
        current, break_glass = _load(uow, actor, overbrugging_id, purpose)
        _check_version(current, expected_version)
        updated = current.model_copy(deep=True)
        validated(lambda: updated.change_status(new_status, on=on or day, by=actor.display_name,
                                                username=actor.username, note=note))
        return _write(uow, actor, current, updated, today=day, purpose=purpose, break_glass=break_glass)


def book_cost(
    overbrugging_id: int,
    data: dict[str, Any] | CostDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Book an actual cost (or a correction). Exceeding the cap is returned as a warning, not refused."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(CostDraft, data)
    day = today_or(today)
    with uow:
        current, break_glass = _load(uow, actor, overbrugging_id, purpose)
        _check_version(current, expected_version)
        updated = current.model_copy(deep=True)
        cost = parse(CostBooking, {"booked_on": draft.booked_on or day, "amount": draft.amount,
                                   "description": draft.description, "by": actor.display_name})
        validated(lambda: updated.book_cost(cost))
        return _write(uow, actor, current, updated, today=day, purpose=purpose, break_glass=break_glass)


def settle_overbrugging(
    overbrugging_id: int,
    data: dict[str, Any] | SettlementDraft,
    expected_version: int,
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    purpose: str = "",
) -> OverbruggingResult:
    """Record who finally pays (shares summing to 100 %); an ingezette overbrugging moves to verrekening_besloten."""
    require(actor, Permission.MANAGE_OVERBRUGGINGEN)
    draft = parse(SettlementDraft, data)
    day = today_or(today)
    with uow:
        current, break_glass = _load(uow, actor, overbrugging_id, purpose)
        _check_version(current, expected_version)
        updated = current.model_copy(deep=True)
        settlement = parse(
            Settlement,
            {
                "shares": [share.model_dump() for share in draft.shares],
                "amount": draft.amount if draft.amount is not None else current.total_costs,
                "decided_on": draft.decided_on or day,
                "note": draft.note,
            },
        )
        validated(lambda: updated.settle(settlement, by=actor.display_name, username=actor.username))
        return _write(uow, actor, current, updated, today=day, purpose=purpose, break_glass=break_glass)


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
    day = today_or(today)
    with uow:
        current, break_glass = _load(uow, actor, overbrugging_id, purpose)
        _check_version(current, expected_version)
        updated = current.model_copy(deep=True)
        validated(lambda: updated.record_repayment(repaid_on))
        return _write(uow, actor, current, updated, today=day, purpose=purpose, break_glass=break_glass)


__all__ = [
    "CostDraft",
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
