"""View models of the case workflows: what an escalation and an overbrugging show, formatted once.

`doorbraak escalation show` / `doorbraak overbrugging show` (plain text, `*_text` below) and the detail
screens (Rich, `tui/screens/*_detail.py`) both render from these, so a date, an amount, a label or a step
reads the same on the command line and on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.escalation import Escalation, EscalationStatus
from domain.overbrugging import Overbrugging, OverbruggingStatus
from domain.workflow import StatusStep
from tui.render.format import format_date, format_money

NONE = "—"


# -- steps ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StepView:
    on: str
    status: str
    by: str
    username: str
    note: str

    @property
    def by_with_username(self) -> str:
        """The name, and the login name when it differs (the screen's "Door" column)."""
        return self.by + (f" ({self.username})" if self.username and self.username != self.by else "")


def step_views(steps: Sequence[StatusStep], label: Callable[[str], str]) -> list[StepView]:
    return [StepView(format_date(s.on), label(s.status), s.by, s.username, s.note) for s in steps]


def step_lines(steps: Sequence[StepView], width: int) -> list[str]:
    """`  dd-mm-jjjj  <status padded to width> name — note` per step (the CLI's "Stappen:")."""
    return [f"  {s.on}  {s.status:<{width}} {s.by}" + (f" — {s.note}" if s.note else "") for s in steps]


# -- escalation -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RouteView:
    on: str
    level: str
    description: str
    outcome: str


@dataclass(frozen=True)
class ConsentView:
    given: bool
    given_on: str
    expires_on: str
    expired: bool
    recipients: list[str]
    scope: str


@dataclass(frozen=True)
class EscalationView:
    reference: str
    case_number: str
    level: str
    status: str
    created_on: str
    submitted_on: str
    started_on: str
    closed_on: str
    waiting_days: int | None
    resolution_days: int | None
    previous: str
    """"ESC-3" when this escalation continues an earlier one, else empty."""
    routes: list[RouteView]
    consent: ConsentView
    steps: list[StepView]


def escalation_status_label(value: str) -> str:
    return EscalationStatus(value).label


def escalation_view(e: Escalation, today: date) -> EscalationView:
    c = e.consent
    return EscalationView(
        reference=e.reference,
        case_number=e.case_number,
        level=e.level.label,
        status=e.status.label,
        created_on=format_date(e.created_on),
        submitted_on=format_date(e.submitted_on),
        started_on=format_date(e.started_on),
        closed_on=format_date(e.closed_on),
        waiting_days=e.waiting_days(today),
        resolution_days=e.time_to_resolution_days,
        previous=f"ESC-{e.previous_id}" if e.previous_id else "",
        routes=[RouteView(format_date(r.tried_on), r.level.label, r.description, r.outcome) for r in e.routes_tried],
        consent=ConsentView(
            given=c.given,
            given_on=format_date(c.given_on),
            expires_on=format_date(c.expires_on),
            expired=c.expires_on is not None and c.expires_on < today,
            recipients=list(c.recipients),
            scope=c.scope,
        ),
        steps=step_views(e.steps, escalation_status_label),
    )


def escalation_text(e: Escalation, today: date) -> str:
    """`doorbraak escalation show`."""
    v = escalation_view(e, today)
    c = v.consent
    lines = [
        f"{v.reference}  {v.case_number}  {v.level}  {v.status}",
        f"Aangemaakt {v.created_on}   Ingediend {v.submitted_on or NONE}   Afgerond {v.closed_on or NONE}",
    ]
    if v.waiting_days is not None:
        lines.append(f"Wacht al {v.waiting_days} dagen op antwoord.")
    if v.resolution_days is not None:
        lines.append(f"Doorlooptijd tot besluit: {v.resolution_days} dagen.")
    lines += [
        f"Urgent: {'ja' if e.urgent else 'nee'}" + (f" — {e.urgency_note}" if e.urgency_note else ""),
        f"Complex: {'ja' if e.complex else 'nee'}" + (f" — {e.complexity_note}" if e.complexity_note else ""),
        f"Leefgebieden: {', '.join(e.domains) or NONE}",
        f"Organisaties: {', '.join(e.organisations) or NONE}",
        f"Blokkade ({e.blockage_kind.label.lower()}): {e.blockage or NONE}",
        f"Gevraagde oplossing: {e.requested_solution or NONE}",
        "Geprobeerde routes:",
        *(f"  {r.on}  {r.level:<9} {r.description}" + (f" — {r.outcome}" if r.outcome else "") for r in v.routes),
        f"Toestemming: {'ja' if c.given else 'nee'}, gegeven {c.given_on or NONE}, "
        f"tot {c.expires_on or NONE}, aan {', '.join(c.recipients) or NONE}"
        + (f", voor: {c.scope}" if c.scope else ""),
        f"Knelpunten: {', '.join(f'KP-{k}' for k in e.knelpunt_ids) or NONE}",
    ]
    if v.previous:
        lines.append(f"Vervolg op {v.previous}.")
    lines += ["Stappen:", *step_lines(v.steps, 15)]
    return "\n".join(lines)


# -- overbrugging ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CostView:
    on: str
    amount: str
    description: str
    by: str


@dataclass(frozen=True)
class ShareView:
    payer: str
    legal_framework: str
    percentage: Decimal
    portion: str

    @property
    def percentage_text(self) -> str:
        """60 % / 33,33 % (Dutch decimal comma, no trailing zeros)."""
        return f"{self.percentage.normalize():f} %".replace(".", ",")


@dataclass(frozen=True)
class RepaymentView:
    payer: str
    amount: str


@dataclass(frozen=True)
class SettlementView:
    decided_on: str
    amount: str
    shares: list[ShareView]
    repayments: list[RepaymentView]
    due: str
    """What the final payers owe the voorfinancier in total (empty when nothing)."""
    repaid_on: str
    note: str


@dataclass(frozen=True)
class OverbruggingView:
    reference: str
    case_number: str
    status: str
    transition: str
    transition_note: str
    laws: str
    organisations: str
    voorfinancier: str
    support_needed: str
    urgency_reason: str
    cap: str
    expected_cost: str
    total_costs: str
    over_cap: bool
    remaining: str
    start_date: str
    end_date: str
    max_duration_months: int
    settlement_deadline: str
    steps: list[StepView]
    costs: list[CostView]
    settlement: SettlementView | None
    warnings: list[str]


def overbrugging_status_label(value: str) -> str:
    return OverbruggingStatus(value).label


def settlement_view(ob: Overbrugging) -> SettlementView | None:
    s = ob.settlement
    if s is None:
        return None
    repayments = ob.repayments()
    return SettlementView(
        decided_on=format_date(s.decided_on),
        amount=format_money(s.amount),
        shares=[
            ShareView(share.payer, share.legal_framework.value if share.legal_framework else "", share.percentage,
                      format_money(portion.amount))
            for share, portion in zip(s.shares, s.portions(), strict=True)
        ],
        repayments=[RepaymentView(r.payer, format_money(r.amount)) for r in repayments],
        due=format_money(sum((r.amount for r in repayments), Decimal("0"))) if repayments else "",
        repaid_on=format_date(s.repaid_on),
        note=s.note,
    )


def overbrugging_view(ob: Overbrugging, today: date) -> OverbruggingView:
    return OverbruggingView(
        reference=ob.reference,
        case_number=ob.case_number,
        status=ob.status.label,
        transition=ob.transition.label,
        transition_note=ob.transition_note,
        laws=", ".join(law.value for law in ob.laws_in_dispute),
        organisations=", ".join(ob.organisations_in_dispute),
        voorfinancier=ob.voorfinancier,
        support_needed=ob.support_needed,
        urgency_reason=ob.urgency_reason,
        cap=format_money(ob.cap),
        expected_cost=format_money(ob.expected_cost),
        total_costs=format_money(ob.total_costs),
        over_cap=ob.over_cap,
        remaining=format_money(ob.remaining),
        start_date=format_date(ob.start_date),
        end_date=format_date(ob.end_date),
        max_duration_months=ob.max_duration_months,
        settlement_deadline=format_date(ob.settlement_deadline),
        steps=step_views(ob.steps, overbrugging_status_label),
        costs=[CostView(format_date(c.booked_on), format_money(c.amount), c.description, c.by) for c in ob.costs],
        settlement=settlement_view(ob),
        warnings=ob.warnings(today),
    )


def overbrugging_text(ob: Overbrugging, today: date) -> str:
    """`doorbraak overbrugging show`."""
    v = overbrugging_view(ob, today)
    lines = [
        f"{v.reference}  {v.case_number}  {v.status}",
        f"Ondersteuning: {v.support_needed}",
        f"Waarom urgent: {v.urgency_reason}",
        f"Overgang: {v.transition}" + (f" ({v.transition_note})" if v.transition_note else ""),
        f"Wetten in geschil: {v.laws}",
        f"Organisaties in geschil: {v.organisations or NONE}",
        f"Voorfinancier: {v.voorfinancier}",
        f"Plafond: {v.cap}   Verwacht: {v.expected_cost}   Geboekt: {v.total_costs}   Resterend: {v.remaining}",
        f"Start: {v.start_date}   Uiterlijk tot: {v.end_date} ({v.max_duration_months} mnd)   "
        f"Verrekenen vóór: {v.settlement_deadline}",
        "",
        "Stappen:",
        *step_lines(v.steps, 22),
    ]
    if v.costs:
        lines += ["Kosten:", *(f"  {c.on}  {c.amount:>14}  {c.description}" for c in v.costs)]
    s = v.settlement
    if s is not None:
        lines += [
            "Verrekening:",
            f"  besloten {s.decided_on}, bedrag {s.amount}",
            *(f"  - {share.payer}: {share.percentage} %" for share in s.shares),
            *(f"  terug te betalen aan {v.voorfinancier} door {r.payer}: {r.amount}" for r in s.repayments),
            f"  terugbetaald: {s.repaid_on or 'nog niet'}",
        ]
    for warning in v.warnings:
        lines.append(f"Let op: {warning}" if not warning.startswith("Let op") else warning)
    return "\n".join(lines)
