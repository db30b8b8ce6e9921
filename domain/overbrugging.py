"""The overbruggingsprocedure: support starts now, who pays is settled afterwards.

An overbrugging belongs to one household. It records the support needed, why it cannot wait, the
transition between laws that causes the dispute (18-/18+, Wmo↔Wlz, ...), who pre-finances it
(the voorfinancier), a cap and the expected cost, the period and the deadline for settlement. Costs are
booked against it while it runs; afterwards a settlement names the final payer(s) with shares summing to
100 %, the amount and the repayment to the voorfinancier. (design choice, DOMAIN.md)

States: aangevraagd → toegekend → ingezet → verrekening_besloten → afgesloten, or aangevraagd → afgewezen.
Every step keeps who took it and on which date. Exceeding the cap is a warning, never a refusal: help
must not stop because an invoice is higher than estimated.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from domain.errors import IllegalTransition, InvalidInput, Problem
from domain.household import TEXT_MAX, LegalFramework, LongText, RequiredName
from domain.validation import clean_text
from domain.workflow import CaseItem, Workflow, WorkflowState
from domain.workflow import StatusStep as StatusStep  # re-exported for older callers

CENT = Decimal("0.01")
HUNDRED = Decimal("100")
MONEY_MAX = Decimal("10000000")


def _required(value: str) -> str:
    value = clean_text(value)
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


RequiredText = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_required)]
Money = Annotated[Decimal, Field(ge=0, le=MONEY_MAX, decimal_places=2)]
PositiveMoney = Annotated[Decimal, Field(gt=0, le=MONEY_MAX, decimal_places=2)]


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


class Transition(StrEnum):
    """The transition between laws that makes the payer disputed."""

    ACHTTIEN = "18-/18+"
    WMO_WLZ = "wmo-wlz"
    ZVW_JEUGDWET = "zvw-jeugdwet"
    JEUGDWET_WMO = "jeugdwet-wmo"
    JEUGDWET_WLZ = "jeugdwet-wlz"
    WMO_ZVW = "wmo-zvw"
    ZVW_WLZ = "zvw-wlz"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return TRANSITION_LABELS[self]


TRANSITION_LABELS: dict[Transition, str] = {
    Transition.ACHTTIEN: "18-/18+ (Jeugdwet eindigt)",
    Transition.WMO_WLZ: "Wmo 2015 ↔ Wlz",
    Transition.ZVW_JEUGDWET: "Zvw ↔ Jeugdwet",
    Transition.JEUGDWET_WMO: "Jeugdwet → Wmo 2015",
    Transition.JEUGDWET_WLZ: "Jeugdwet ↔ Wlz",
    Transition.WMO_ZVW: "Wmo 2015 ↔ Zvw",
    Transition.ZVW_WLZ: "Zvw ↔ Wlz",
    Transition.OVERIG: "Andere overgang",
}


class OverbruggingStatus(WorkflowState):
    AANGEVRAAGD = "aangevraagd"
    TOEGEKEND = "toegekend"
    INGEZET = "ingezet"
    VERREKENING_BESLOTEN = "verrekening_besloten"
    AFGESLOTEN = "afgesloten"
    AFGEWEZEN = "afgewezen"


OVERBRUGGING_STATUS_LABELS: dict[OverbruggingStatus, str] = {
    OverbruggingStatus.AANGEVRAAGD: "Aangevraagd",
    OverbruggingStatus.TOEGEKEND: "Toegekend",
    OverbruggingStatus.INGEZET: "Ingezet",
    OverbruggingStatus.VERREKENING_BESLOTEN: "Verrekening besloten",
    OverbruggingStatus.AFGESLOTEN: "Afgesloten",
    OverbruggingStatus.AFGEWEZEN: "Afgewezen",
}

OVERBRUGGING_TRANSITIONS: dict[OverbruggingStatus, frozenset[OverbruggingStatus]] = {
    OverbruggingStatus.AANGEVRAAGD: frozenset({OverbruggingStatus.TOEGEKEND, OverbruggingStatus.AFGEWEZEN}),
    OverbruggingStatus.TOEGEKEND: frozenset({OverbruggingStatus.INGEZET}),
    OverbruggingStatus.INGEZET: frozenset({OverbruggingStatus.VERREKENING_BESLOTEN}),
    OverbruggingStatus.VERREKENING_BESLOTEN: frozenset({OverbruggingStatus.AFGESLOTEN}),
    OverbruggingStatus.AFGESLOTEN: frozenset(),
    OverbruggingStatus.AFGEWEZEN: frozenset(),
}

AWAITING_SETTLEMENT = frozenset(
    {OverbruggingStatus.AANGEVRAAGD, OverbruggingStatus.TOEGEKEND, OverbruggingStatus.INGEZET}
)
"""States in which the settlement is still to be decided (the deadline signal applies)."""

COSTS_ALLOWED = frozenset({OverbruggingStatus.INGEZET, OverbruggingStatus.VERREKENING_BESLOTEN})
"""Costs are booked while the support runs, and late invoices until the file is closed."""


OVERBRUGGING_WORKFLOW: Workflow[OverbruggingStatus] = Workflow(
    "overbrugging", tuple(OverbruggingStatus), OVERBRUGGING_TRANSITIONS, OVERBRUGGING_STATUS_LABELS
)


def check_overbrugging_transition(current: OverbruggingStatus, new: OverbruggingStatus) -> None:
    OVERBRUGGING_WORKFLOW.check(current, new)


class CostBooking(BaseModel):
    """An actual cost booked against the overbrugging (an invoice, a payment).

    A negative amount is a correction (tegenboeking): bookings are never edited or deleted.
    """

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    booked_on: date
    amount: Annotated[Decimal, Field(ge=-MONEY_MAX, le=MONEY_MAX, decimal_places=2)]
    description: RequiredName
    by: str = Field(default="", max_length=120)

    @field_validator("amount")
    @classmethod
    def _not_zero(cls, value: Decimal) -> Decimal:
        if value == 0:
            raise ValueError("Een boeking van € 0 heeft geen zin.")
        return value


class SettlementShare(BaseModel):
    """One final payer and the share of the costs it carries."""

    model_config = ConfigDict(extra="forbid")

    payer: RequiredName
    legal_framework: LegalFramework | None = None
    percentage: Annotated[Decimal, Field(gt=0, le=HUNDRED, decimal_places=2)]


class Repayment(BaseModel):
    model_config = ConfigDict(frozen=True)

    payer: str
    amount: Decimal


class Settlement(BaseModel):
    """Who finally pays: one payer with 100 %, or shares that add up to exactly 100 %."""

    model_config = ConfigDict(extra="forbid")

    shares: list[SettlementShare] = Field(min_length=1, max_length=10)
    amount: Money
    decided_on: date
    repaid_on: date | None = None
    note: LongText = ""

    @model_validator(mode="after")
    def _shares_make_a_whole(self) -> Settlement:
        total = sum((share.percentage for share in self.shares), Decimal(0))
        if total != HUNDRED:
            raise ValueError(f"De aandelen tellen op tot {total} %; dat moet precies 100 % zijn.")
        payers = [share.payer.casefold() for share in self.shares]
        if len(set(payers)) != len(payers):
            raise ValueError("Elke betaler mag maar één keer voorkomen.")
        if self.repaid_on is not None and self.repaid_on < self.decided_on:
            raise ValueError("De terugbetaling ligt vóór het verrekenbesluit.")
        return self

    def portions(self) -> list[Repayment]:
        """The amount split by share, in cents; rounding differences go to the largest share."""
        raw = [round_cents(self.amount * share.percentage / HUNDRED) for share in self.shares]
        difference = self.amount - sum(raw, Decimal(0))
        if difference:
            largest = max(range(len(self.shares)), key=lambda i: (self.shares[i].percentage, -i))
            raw[largest] += difference
        return [Repayment(payer=share.payer, amount=amount) for share, amount in zip(self.shares, raw, strict=True)]

    def repayments(self, voorfinancier: str) -> list[Repayment]:
        """What each final payer owes the voorfinancier (its own share it simply keeps)."""
        own = voorfinancier.casefold()
        return [p for p in self.portions() if p.payer.casefold() != own and p.amount > 0]


class OverbruggingRequest(BaseModel):
    """What a user types for a request. Status, steps, costs and settlement come from the use cases."""

    model_config = ConfigDict(extra="forbid")

    support_needed: RequiredText
    urgency_reason: RequiredText
    transition: Transition
    transition_note: LongText = ""
    laws_in_dispute: list[LegalFramework] = Field(min_length=1, max_length=10)
    organisations_in_dispute: list[RequiredName] = Field(default_factory=list, max_length=20)
    voorfinancier: RequiredName
    cap: PositiveMoney
    expected_cost: Money
    start_date: date
    max_duration_months: int = Field(ge=1, le=60)
    settlement_deadline: date

    @field_validator("laws_in_dispute")
    @classmethod
    def _distinct_laws(cls, value: list[LegalFramework]) -> list[LegalFramework]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _consistent(self) -> OverbruggingRequest:
        if self.settlement_deadline < self.start_date:
            raise ValueError("De uiterste verrekendatum ligt vóór de startdatum.")
        if self.transition is Transition.OVERIG and not self.transition_note:
            raise ValueError("Beschrijf de overgang bij 'Andere overgang'.")
        return self


class Overbrugging(OverbruggingRequest, CaseItem):
    """The aggregate: request, steps, booked costs and the settlement. `version` guards against lost updates."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    status: OverbruggingStatus = OverbruggingStatus.AANGEVRAAGD
    steps: list[StatusStep] = Field(default_factory=list)
    costs: list[CostBooking] = Field(default_factory=list, max_length=2000)
    settlement: Settlement | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    # -- derived -------------------------------------------------------------------------------------
    @property
    def reference(self) -> str:
        return f"OB-{self.id}" if self.id is not None else "OB-nieuw"

    @property
    def total_costs(self) -> Decimal:
        return sum((cost.amount for cost in self.costs), Decimal("0.00"))

    @property
    def over_cap(self) -> bool:
        return self.total_costs > self.cap

    @property
    def remaining(self) -> Decimal:
        return self.cap - self.total_costs

    @property
    def end_date(self) -> date:
        """The last day the support may run (start + maximum duration)."""
        return add_months(self.start_date, self.max_duration_months)

    def past_settlement_deadline(self, today: date) -> bool:
        return self.status in AWAITING_SETTLEMENT and self.settlement_deadline < today

    def repayments(self) -> list[Repayment]:
        return [] if self.settlement is None else self.settlement.repayments(self.voorfinancier)

    def warnings(self, today: date) -> list[str]:
        """Dutch warnings for the user; none of them stops the work."""
        found: list[str] = []
        if self.expected_cost > self.cap:
            found.append("De verwachte kosten liggen boven het plafond.")
        if self.over_cap:
            found.append("Let op: de geboekte kosten overschrijden het plafond van deze overbrugging.")
        if any(cost.booked_on > self.end_date for cost in self.costs):
            found.append("Er zijn kosten geboekt na de maximale looptijd van de overbrugging.")
        if self.past_settlement_deadline(today):
            found.append("De uiterste datum voor de verrekening is verstreken.")
        if (
            self.settlement is not None
            and self.status is not OverbruggingStatus.AFGESLOTEN
            and self.settlement.amount != self.total_costs
        ):
            found.append("Het verrekende bedrag wijkt af van de geboekte kosten.")
        return found

    # -- behaviour -----------------------------------------------------------------------------------
    def _step(self, new: OverbruggingStatus, on: date, by: str, username: str, note: str) -> None:
        OVERBRUGGING_WORKFLOW.check_step_date(self.steps, on)
        self.steps = OVERBRUGGING_WORKFLOW.append(self.steps, new, on=on, by=by, username=username, note=note)
        self.status = new

    def next_states(self) -> list[OverbruggingStatus]:
        """The states a plain step may reach; the settlement has its own use case (`settle`)."""
        return OVERBRUGGING_WORKFLOW.next_states(
            self.status, without=frozenset({OverbruggingStatus.VERREKENING_BESLOTEN})
        )

    def change_status(self, new: OverbruggingStatus, *, on: date, by: str, username: str = "", note: str = "") -> None:
        OVERBRUGGING_WORKFLOW.check(self.status, new)
        if new is OverbruggingStatus.VERREKENING_BESLOTEN:
            raise IllegalTransition(
                "Leg de verrekening vast (betaler(s), bedrag, datum); dan wordt de status bijgewerkt."
            )
        if new is OverbruggingStatus.AFGESLOTEN:
            assert self.settlement is not None  # verrekening_besloten always has one
            if self.repayments() and self.settlement.repaid_on is None:
                raise IllegalTransition(
                    "Leg eerst de terugbetaling aan de voorfinancier vast; dan kan de overbrugging dicht."
                )
        if new is OverbruggingStatus.AFGEWEZEN and not note:
            raise InvalidInput([Problem("toelichting", "Geef de reden van de afwijzing.")])
        self._step(new, on, by, username, note)

    def book_cost(self, cost: CostBooking) -> None:
        if self.status not in COSTS_ALLOWED:
            raise IllegalTransition(
                f"Kosten boeken kan alleen als de overbrugging is ingezet (nu: {self.status.label})."
            )
        if cost.booked_on < self.start_date:
            raise InvalidInput([Problem("datum", "De kosten liggen vóór de startdatum van de overbrugging.")])
        if self.total_costs + cost.amount < 0:
            raise InvalidInput([Problem("bedrag", "Een correctie kan de geboekte kosten niet onder nul brengen.")])
        self.costs = [*self.costs, cost]

    def settle(self, settlement: Settlement, *, by: str, username: str = "") -> None:
        """Record (or correct) the settlement; from `ingezet` this moves to `verrekening_besloten`."""
        if self.status is OverbruggingStatus.INGEZET:
            OVERBRUGGING_WORKFLOW.check_step_date(self.steps, settlement.decided_on)
            self.settlement = settlement
            self._step(OverbruggingStatus.VERREKENING_BESLOTEN, settlement.decided_on, by, username, settlement.note)
        elif self.status is OverbruggingStatus.VERREKENING_BESLOTEN:
            self.settlement = settlement
        else:
            raise IllegalTransition(
                f"Een verrekening vastleggen kan alleen bij een ingezette overbrugging (nu: {self.status.label})."
            )

    def record_repayment(self, repaid_on: date) -> None:
        if self.settlement is None or self.status is not OverbruggingStatus.VERREKENING_BESLOTEN:
            raise IllegalTransition("Een terugbetaling hoort bij een besloten verrekening.")
        if repaid_on < self.settlement.decided_on:
            raise InvalidInput([Problem("datum", "De terugbetaling ligt vóór het verrekenbesluit.")])
        self.settlement = self.settlement.model_copy(update={"repaid_on": repaid_on})


# -- list queries (paged in storage, never the whole table) ------------------------------------------------
class OverbruggingQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    case_number: str | None = None
    statuses: frozenset[OverbruggingStatus] | None = None
    past_deadline_on: date | None = None
    """Only those still awaiting settlement whose deadline lies before this date."""
    over_cap: bool = False
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)


class OverbruggingListRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    case_number: str
    household_name: str
    status: OverbruggingStatus
    transition: Transition
    voorfinancier: str
    cap: Decimal
    total_costs: Decimal
    start_date: date
    settlement_deadline: date

    @property
    def reference(self) -> str:
        return f"OB-{self.id}"

    @property
    def over_cap(self) -> bool:
        return self.total_costs > self.cap

    def past_settlement_deadline(self, today: date) -> bool:
        return self.status in AWAITING_SETTLEMENT and self.settlement_deadline < today


class OverbruggingPage(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: list[OverbruggingListRow]
    total: int
    offset: int
    limit: int
