"""The worklist: what needs a coordinator's attention today. A pure function over data a service supplies.

Signals (DOMAIN.md, overbrugging, escalation and "People and transitions" sections):
- a member turns 18 within 6 months and gets youth care: a Jeugdwet organisation or jeugdhulpaanbieder, a
  provision or problem that names youth care, or a problem of the member's own (`domain.people.
  youth_care_reasons`; no organisation needs to be entered) → verlengde jeugdhulp, the care after 18, or an
  overbrugging (not when the household already has a 18-/18+ overbrugging that was not refused);
- the big-5 checklist of a member from 6 months before to 6 months after the 18th birthday, while items are
  open (`domain.people`);
- an overbrugging whose settlement deadline has passed without a settlement;
- an overbrugging whose booked costs exceed its cap;
- a plan action past its deadline;
- an escalation submitted (ingediend / in behandeling) longer than a set number of weeks ago.

The service queries only candidates (members born in a date window, open overbruggingen past a date, ...);
this module decides exactly, so the edge cases (29 February, birthdays today) live in one tested place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from domain.local_time import dutch_date
from domain.overbrugging import add_months
from domain.people import (
    ADULT_AGE,
    ChecklistItem,
    OrganisationFact,
    ProblemFact,
    birthday_in,
    checklist_window,
    eighteenth_birthday,
    open_items,
    turning_18_text,
    youth_care_reasons,
)
from domain.signal_config import SignalConfig as SignalConfig

__all__ = ["ADULT_AGE", "birthday_in", "eighteenth_birthday"]  # re-exported: older callers import them from here


class SignalKind(StrEnum):
    WORDT_18 = "wordt_18"
    VERREKENING_VERLOPEN = "verrekening_verlopen"
    PLAFOND_OVERSCHREDEN = "plafond_overschreden"
    ACTIE_VERLOPEN = "actie_verlopen"
    ESCALATIE_WACHT = "escalatie_wacht"
    CHECKLIST_18 = "checklist_18"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: dict[SignalKind, str] = {
    SignalKind.WORDT_18: "Wordt 18",
    SignalKind.VERREKENING_VERLOPEN: "Verrekening te laat",
    SignalKind.PLAFOND_OVERSCHREDEN: "Plafond overschreden",
    SignalKind.ACTIE_VERLOPEN: "Actie over datum",
    SignalKind.ESCALATIE_WACHT: "Escalatie wacht",
    SignalKind.CHECKLIST_18: "Checklist 18 jaar",
}


class Severity(StrEnum):
    HOOG = "hoog"
    MIDDEL = "middel"
    LAAG = "laag"

    @property
    def rank(self) -> int:
        return {"hoog": 0, "middel": 1, "laag": 2}[self.value]

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Signal:
    kind: SignalKind
    case_number: str
    text: str
    due: date
    severity: Severity
    object_type: str
    """What to open: "household", "overbrugging", "escalation", "plan_action" or "member" (the checklist)."""
    object_id: str

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind.value,
            "case_number": self.case_number,
            "text": self.text,
            "due": self.due.isoformat(),
            "severity": self.severity.value,
            "object_type": self.object_type,
            "object_id": self.object_id,
        }


# -- candidate rows the service supplies ---------------------------------------------------------------------
@dataclass(frozen=True)
class CaseOwner:
    """Who a case belongs to, so the service can keep a professional's worklist to their own caseload."""

    municipality_code: str
    professional: str = ""
    team: str = ""


@dataclass(frozen=True)
class MemberCandidate:
    """A member born in the query window of an open household, with what the household holds about youth care.

    `reasons` may be given directly (tests, older callers); otherwise they come from the organisations and
    problems (`domain.people.youth_care_reasons`)."""

    case_number: str
    member_name: str
    date_of_birth: date
    has_transition_overbrugging: bool = False
    member_id: int | None = None
    organisations: tuple[OrganisationFact, ...] = ()
    problems: tuple[ProblemFact, ...] = ()
    reasons: tuple[str, ...] | None = None
    checklist_done: frozenset[str] = frozenset()
    """The checklist items already ticked (geregeld or niet van toepassing)."""

    def youth_care(self) -> list[str]:
        if self.reasons is not None:
            return list(self.reasons)
        return youth_care_reasons(self.member_id, self.organisations, self.problems)


@dataclass(frozen=True)
class OverbruggingCandidate:
    id: int
    case_number: str
    status: str
    settlement_deadline: date
    cap: Decimal
    total_costs: Decimal
    awaiting_settlement: bool
    closed: bool


@dataclass(frozen=True)
class ActionCandidate:
    case_number: str
    action_id: str
    description: str
    deadline: date
    done: bool = False


@dataclass(frozen=True)
class EscalationCandidate:
    id: int
    case_number: str
    level_label: str
    submitted_on: date
    waiting: bool


def birth_window(today: date, config: SignalConfig | None = None) -> tuple[date, date]:
    """Dates of birth that can turn 18 between today and today + N months, with a day of slack each side.

    The service queries this window (indexed) and `turning_18` decides exactly.
    """
    config = config or SignalConfig()
    first = birthday_in(today, today.year - ADULT_AGE) - timedelta(days=1)
    end = add_months(today, config.months_before_18)
    last = birthday_in(end, end.year - ADULT_AGE) + timedelta(days=1)
    return first, last


def turning_18(candidates: Iterable[MemberCandidate], today: date, config: SignalConfig) -> list[Signal]:
    horizon = add_months(today, config.months_before_18)
    found: list[Signal] = []
    for c in candidates:
        birthday = eighteenth_birthday(c.date_of_birth)
        if not today <= birthday <= horizon or c.has_transition_overbrugging:
            continue
        reasons = c.youth_care()
        if not reasons:
            continue
        soon = birthday <= today + timedelta(days=60)
        found.append(
            Signal(
                kind=SignalKind.WORDT_18,
                case_number=c.case_number,
                text=turning_18_text(c.member_name, birthday, reasons),
                due=birthday,
                severity=Severity.HOOG if soon else Severity.MIDDEL,
                object_type="household",
                object_id=c.case_number,
            )
        )
    return found


def checklist_signals(candidates: Iterable[MemberCandidate], today: date) -> list[Signal]:
    """One signal per member whose big-5 checklist is open today (6 months before to 6 months after 18)."""
    found: list[Signal] = []
    for c in candidates:
        window = checklist_window(c.date_of_birth)
        if c.member_id is None or not window.contains(today):
            continue
        missing = open_items(c.checklist_done)
        if not missing:
            continue
        total = len(ChecklistItem)
        when = "werd" if window.birthday < today else "wordt"
        found.append(
            Signal(
                kind=SignalKind.CHECKLIST_18,
                case_number=c.case_number,
                text=(
                    f"{c.member_name} {when} 18 op {dutch_date(window.birthday)}: {len(missing)} van {total} "
                    f"punten open: {', '.join(item.label.lower() for item in missing)}."
                ),
                due=window.birthday,
                severity=Severity.HOOG if window.birthday <= today + timedelta(days=30) else Severity.LAAG,
                object_type="member",
                object_id=str(c.member_id),
            )
        )
    return found


def overbrugging_signals(candidates: Iterable[OverbruggingCandidate], today: date) -> list[Signal]:
    found: list[Signal] = []
    for c in candidates:
        if c.awaiting_settlement and c.settlement_deadline < today:
            days = (today - c.settlement_deadline).days
            found.append(
                Signal(
                    kind=SignalKind.VERREKENING_VERLOPEN,
                    case_number=c.case_number,
                    text=(
                        f"Overbrugging OB-{c.id}: de verrekening had uiterlijk {dutch_date(c.settlement_deadline)} "
                        f"besloten moeten zijn ({days} {'dag' if days == 1 else 'dagen'} te laat)."
                    ),
                    due=c.settlement_deadline,
                    severity=Severity.HOOG,
                    object_type="overbrugging",
                    object_id=str(c.id),
                )
            )
        if not c.closed and c.total_costs > c.cap:
            found.append(
                Signal(
                    kind=SignalKind.PLAFOND_OVERSCHREDEN,
                    case_number=c.case_number,
                    text=f"Overbrugging OB-{c.id}: de geboekte kosten liggen boven het plafond.",
                    due=today,
                    severity=Severity.MIDDEL,
                    object_type="overbrugging",
                    object_id=str(c.id),
                )
            )
    return found


def action_signals(candidates: Iterable[ActionCandidate], today: date) -> list[Signal]:
    return [
        Signal(
            kind=SignalKind.ACTIE_VERLOPEN,
            case_number=c.case_number,
            text=f"Actie '{c.description}' had op {dutch_date(c.deadline)} klaar moeten zijn.",
            due=c.deadline,
            severity=Severity.MIDDEL,
            object_type="plan_action",
            object_id=c.action_id,
        )
        for c in candidates
        if not c.done and c.deadline < today
    ]


def escalation_signals(candidates: Iterable[EscalationCandidate], today: date, config: SignalConfig) -> list[Signal]:
    found: list[Signal] = []
    for c in candidates:
        due = c.submitted_on + timedelta(weeks=config.escalation_wait_weeks)
        if not c.waiting or due >= today:
            continue
        weeks = (today - c.submitted_on).days // 7
        found.append(
            Signal(
                kind=SignalKind.ESCALATIE_WACHT,
                case_number=c.case_number,
                text=(
                    f"Escalatie ESC-{c.id} ({c.level_label}) wacht al {weeks} weken op een antwoord "
                    f"(ingediend {dutch_date(c.submitted_on)})."
                ),
                due=due,
                severity=Severity.HOOG if weeks >= 2 * config.escalation_wait_weeks else Severity.MIDDEL,
                object_type="escalation",
                object_id=str(c.id),
            )
        )
    return found


def compute_signals(
    today: date,
    *,
    members: Iterable[MemberCandidate] = (),
    overbruggingen: Iterable[OverbruggingCandidate] = (),
    actions: Iterable[ActionCandidate] = (),
    escalations: Iterable[EscalationCandidate] = (),
    config: SignalConfig | None = None,
) -> list[Signal]:
    """All signals, most severe first, then by due date and case number."""
    config = config or SignalConfig()
    members = list(members)
    signals = [
        *turning_18(members, today, config),
        *checklist_signals(members, today),
        *overbrugging_signals(overbruggingen, today),
        *action_signals(actions, today),
        *escalation_signals(escalations, today, config),
    ]
    signals.sort(key=lambda s: (s.severity.rank, s.due, s.case_number, s.kind.value, s.object_id))
    return signals
