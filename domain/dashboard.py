"""The monitoring dashboard of a municipality: what each figure counts, and the figures themselves.

The definitions are explained for people in docs/dashboard.md; this module is the single source. Storage
aggregates in SQL (see `domain.ports.DashboardRepository`); the service in `domain.services.dashboard`
assembles the figures below from those aggregates. Every figure names a `Drill` (figure key + bucket),
and the same repository answers "which households are behind this figure" with that key, from the
same SQL, so a number and its drill-down list can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from domain.jsondata import JsonObject
from domain.local_time import AMSTERDAM
from domain.rekensom import CENT, PAYER_ORDER, ZERO, Payer, round_cents

MAX_PERIOD_DAYS = 3660
"""A period of at most ten years (a typo in a year should not silently scan a century)."""


class Figure:
    """The keys of the figures (and of their drill-downs). Buckets are listed per figure in docs/dashboard.md."""

    CASELOAD_STATUS = "caseload.status"
    CASELOAD_PROFESSIONAL = "caseload.professional"
    CASELOAD_FLOW = "caseload.flow"
    NEW_BY_MONTH = "caseload.new_by_month"
    CLOSED_BY_MONTH = "caseload.closed_by_month"
    PLANS_STEP = "plans.step"
    OVERDUE_ACTIONS = "overdue.actions"
    OVERDUE_SETTLEMENTS = "overdue.settlements"
    LEAD_TIME_FIRST_ACTION = "lead_time.first_action"
    ESCALATIONS_STATUS = "escalations.status"
    ESCALATIONS_RESOLVED = "escalations.resolved"
    QUALITY_ZRM = "quality.zrm"
    QUALITY_RAPPORTCIJFER = "quality.rapportcijfer"
    REKENSOM_PROJECTED = "rekensom.projected"
    REALISED_PLANS = "realised.plans"
    REALISED_OVERBRUGGING = "realised.overbrugging"


FIGURES: tuple[str, ...] = tuple(v for k, v in vars(Figure).items() if k.isupper())


@dataclass(frozen=True)
class DashboardScope:
    """One municipality and one period [start, end] (both dates inclusive, Europe/Amsterdam days).

    `peildatum` is the day on which "past its deadline" is judged: the end of the period, or today when the
    period ends in the future. Timestamps (created_at) are compared with the UTC moments of the period's
    Amsterdam midnights.
    """

    municipality_code: str
    municipality_name: str
    start: date
    end: date
    peildatum: date

    @property
    def start_moment(self) -> datetime:
        return datetime.combine(self.start, time(0), tzinfo=AMSTERDAM).astimezone(UTC)

    @property
    def end_moment(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=AMSTERDAM).astimezone(UTC)

    def as_dict(self) -> dict[str, str]:
        return {
            "gemeente": self.municipality_code,
            "gemeentenaam": self.municipality_name,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "peildatum": self.peildatum.isoformat(),
        }


def scope_months(scope: DashboardScope) -> list[tuple[str, date]]:
    """The months of the period up to the peildatum (later months have no data yet): ('2026-03', first day
    of that month within the period). The trend figures have one bucket per month, zeros included."""
    last = min(scope.end, scope.peildatum)
    months: list[tuple[str, date]] = []
    day = scope.start
    while day <= last:
        months.append((day.strftime("%Y-%m"), day))
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return months


# -- what storage hands back -----------------------------------------------------------------------


ONE_ROW_PER_HOUSEHOLD = frozenset(
    {Figure.CASELOAD_STATUS, Figure.CASELOAD_PROFESSIONAL, Figure.PLANS_STEP, Figure.LEAD_TIME_FIRST_ACTION,
     Figure.NEW_BY_MONTH, Figure.CLOSED_BY_MONTH}
)
"""Figures whose rows are one per household, so the distinct total is the sum of the buckets."""


@dataclass(frozen=True)
class BucketCount:
    """One group of a counting figure: `rows` things (actions, escalations, ...) in `households` households."""

    bucket: str
    rows: int
    households: int


@dataclass(frozen=True)
class FigureCounts:
    buckets: list[BucketCount]
    households: int
    """Distinct households over all buckets (one household can be in several, e.g. two overdue actions)."""


@dataclass(frozen=True)
class LeadTimeFact:
    """A first decided plan version and the first day one of its household's actions was done (done_on)."""

    decided_on: date
    first_done_on: date | None


@dataclass(frozen=True)
class ResolvedFact:
    level: str
    status: str
    days: int


@dataclass(frozen=True)
class ScoreSums:
    """Paired before/after scores of `n` households (sums, so the mean is exact: sum / n)."""

    key: str
    n: int
    before: int
    after: int


@dataclass(frozen=True)
class RekensomSums:
    """The projected rekensom of a set of plans: per (scenario, payer) the sum of each plan's rounded sum."""

    plans: int
    cents: dict[tuple[str, str], int] = field(default_factory=dict)
    """(scenario, party) → cents (exact integers): the party's net effect (kosten + overdrachten paid −
    overdrachten received)."""
    kosten_cents: dict[str, int] | None = None
    """scenario → the society total in cents (the sum of each plan's rounded kosten per party); None: the
    sum of `cents` (sums from before overdrachten existed)."""


@dataclass(frozen=True)
class SettlementFact:
    amount: Decimal
    shares: list[JsonObject]
    """The stored shares: [{payer, legal_framework, percentage}]."""


_PAYERS = frozenset(p.value for p in Payer)
REALISED_UNSPLIT = "niet_per_betaler"
"""The bucket of realised plan costs recorded without a split per payer (before the split existed)."""


@dataclass(frozen=True)
class RealisedSums:
    plans: int
    """Plans in force with at least one evaluation with realised costs."""
    plan_costs: Decimal
    booked_by_voorfinancier: dict[str, Decimal]
    booked_overbruggingen: int
    settlements: list[SettlementFact]
    plan_costs_by_payer: dict[str, Decimal] = field(default_factory=dict)
    """payer → realised costs of those plans (their latest split); REALISED_UNSPLIT: costs without a split.
    The values add up to `plan_costs`."""
    unsplit_plans: int = 0
    """Plans whose latest realised costs have no split per payer."""


@dataclass(frozen=True)
class CaseRef:
    """A household behind a figure, with what access rules need."""

    case_number: str
    name: str
    status: str
    municipality_code: str
    professional: str
    team: str


@dataclass(frozen=True)
class DrillPage:
    total: int
    """Households behind the figure before the actor's access filter."""
    cases: list[CaseRef]
    hidden: int = 0
    """Households on this page the actor may not open (left out)."""


# -- the figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drill:
    """Which households are behind a figure: pass it to `domain.services.dashboard.dashboard_cases`."""

    figure: str
    bucket: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"figure": self.figure, "bucket": self.bucket}


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    count: int
    households: int
    drill: Drill

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "count": self.count, "households": self.households,
                "drill": self.drill.as_dict()}


@dataclass(frozen=True)
class CountFigure:
    key: str
    label: str
    unit: str
    """What `count` counts: huishoudens, acties, verrekeningen, escalaties."""
    buckets: tuple[Bucket, ...]
    households: int
    """Distinct households behind the figure."""

    @property
    def total(self) -> int:
        return sum(b.count for b in self.buckets)

    @property
    def drill(self) -> Drill:
        return Drill(self.key)

    def bucket(self, key: str) -> Bucket | None:
        return next((b for b in self.buckets if b.key == key), None)

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "unit": self.unit, "total": self.total,
                "households": self.households, "drill": self.drill.as_dict(),
                "buckets": [b.as_dict() for b in self.buckets]}


@dataclass(frozen=True)
class DurationRow:
    key: str
    label: str
    n: int
    mean_days: float | None
    median_days: float | None
    max_days: int | None
    drill: Drill

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "n": self.n, "mean_days": self.mean_days,
                "median_days": self.median_days, "max_days": self.max_days, "drill": self.drill.as_dict()}


def duration_row(key: str, label: str, days: list[int], drill: Drill) -> DurationRow:
    values = sorted(days)
    if not values:
        return DurationRow(key, label, 0, None, None, None, drill)
    mid = len(values) // 2
    median = float(values[mid]) if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return DurationRow(key, label, len(values), round(sum(values) / len(values), 1), median, values[-1], drill)


@dataclass(frozen=True)
class LeadTimeFigure:
    key: str
    label: str
    done: DurationRow
    """Plans with a first action done: days from the decision to that action."""
    pending: int
    """Plans decided in the period without any action done yet."""
    pending_drill: Drill

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, **self.done.as_dict(), "pending": self.pending,
                "pending_drill": self.pending_drill.as_dict()}


@dataclass(frozen=True)
class ChangeRow:
    """Mean score before and after, and the mean change, over `n` paired households."""

    key: str
    label: str
    n: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    drill: Drill

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "n": self.n, "mean_before": self.mean_before,
                "mean_after": self.mean_after, "mean_change": self.mean_change, "drill": self.drill.as_dict()}


def change_row(sums: ScoreSums, label: str, drill: Drill) -> ChangeRow:
    if sums.n == 0:
        return ChangeRow(sums.key, label, 0, None, None, None, drill)
    return ChangeRow(
        sums.key, label, sums.n, round(sums.before / sums.n, 2), round(sums.after / sums.n, 2),
        round((sums.after - sums.before) / sums.n, 2), drill,
    )


@dataclass(frozen=True)
class MoneyRow:
    key: str
    label: str
    huidig_pad: Decimal
    doorbraak: Decimal

    @property
    def verschil(self) -> Decimal:
        return self.huidig_pad - self.doorbraak

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "huidig_pad": str(self.huidig_pad),
                "doorbraak": str(self.doorbraak), "verschil": str(self.verschil)}


@dataclass(frozen=True)
class RekensomFigure:
    key: str
    label: str
    plans: int
    per_payer: tuple[MoneyRow, ...]
    drill: Drill
    society: tuple[Decimal, Decimal] | None = None
    """(huidig pad, doorbraak): the society total (real costs only); None: the sum of the rows."""

    @property
    def total(self) -> MoneyRow:
        """The saldo voor de samenleving: real costs only (overdrachten between parties cancel)."""
        if self.society is not None:
            return MoneyRow("totaal", "Saldo voor de samenleving", *self.society)
        return MoneyRow(
            "totaal", "Totaal",
            sum((r.huidig_pad for r in self.per_payer), ZERO * CENT),
            sum((r.doorbraak for r in self.per_payer), ZERO * CENT),
        )

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "plans": self.plans, "drill": self.drill.as_dict(),
                "per_payer": [r.as_dict() for r in self.per_payer], "total": self.total.as_dict()}


def rekensom_figure(key: str, label: str, sums: RekensomSums, drill: Drill) -> RekensomFigure:
    payers = sorted({payer for _, payer in sums.cents}, key=lambda p: PAYER_ORDER.get(Payer(p), 99))

    def euros(scenario: str, payer: str) -> Decimal:
        return (Decimal(sums.cents.get((scenario, payer), 0)) * CENT).quantize(CENT)

    rows = tuple(MoneyRow(p, Payer(p).label, euros("huidig_pad", p), euros("doorbraak", p)) for p in payers)
    society = None
    if sums.kosten_cents is not None:
        kosten = sums.kosten_cents
        society = (
            (Decimal(kosten.get("huidig_pad", 0)) * CENT).quantize(CENT),
            (Decimal(kosten.get("doorbraak", 0)) * CENT).quantize(CENT),
        )
    return RekensomFigure(key, label, sums.plans, rows, drill, society=society)


@dataclass(frozen=True)
class AmountRow:
    key: str
    label: str
    amount: Decimal

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "amount": str(self.amount)}


@dataclass(frozen=True)
class RealisedRow:
    """Realised costs of one payer beside what the plans projected for it (the doorbraak scenario is the
    plan being carried out; the huidig pad is what would have happened without it)."""

    key: str
    label: str
    realised: Decimal
    projected: Decimal
    """The doorbraak projection of the same plans for this payer (over the plans' horizon)."""
    huidig_pad: Decimal
    drill: Drill

    @property
    def verschil(self) -> Decimal:
        """Realised minus projected (> 0: more spent than the doorbraak projected so far)."""
        return self.realised - self.projected

    def as_dict(self) -> JsonObject:
        return {"key": self.key, "label": self.label, "realised": str(self.realised),
                "projected": str(self.projected), "huidig_pad": str(self.huidig_pad),
                "verschil": str(self.verschil), "drill": self.drill.as_dict()}


def realised_rows(
    figure_key: str, by_payer: dict[str, Decimal], projected: RekensomFigure
) -> tuple[RealisedRow, ...]:
    """One row per payer that has realised or projected costs in these plans, in the rekensom's payer order;
    realised costs without a split per payer last (projected 0)."""
    proj = {r.key: r for r in projected.per_payer}
    keys = [k for k in {*by_payer, *proj} if k != REALISED_UNSPLIT]
    keys.sort(key=lambda k: PAYER_ORDER[Payer(k)] if k in _PAYERS else len(PAYER_ORDER))
    if REALISED_UNSPLIT in by_payer:
        keys.append(REALISED_UNSPLIT)
    zero = ZERO * CENT
    rows = []
    for k in keys:
        label = ("Niet per betaler vastgelegd" if k == REALISED_UNSPLIT
                 else Payer(k).label if k in _PAYERS else k)
        p = proj.get(k)
        rows.append(RealisedRow(
            k, label, by_payer.get(k, zero).quantize(CENT), p.doorbraak if p else zero,
            p.huidig_pad if p else zero, Drill(figure_key, k),
        ))
    return tuple(rows)


@dataclass(frozen=True)
class RealisedFigure:
    """What the data model holds about realised costs (see docs/dashboard.md for what it lacks)."""

    key: str
    label: str
    plans: int
    plan_costs: Decimal
    """Sum of each plan's latest recorded realised costs (all payers together; per payer: `per_payer`)."""
    projected_for_same_plans: RekensomFigure
    """The projection of exactly those plans, to compare with."""
    overbruggingen: int
    booked_by_voorfinancier: tuple[AmountRow, ...]
    settlements: int
    settled_by_payer: tuple[AmountRow, ...]
    plans_drill: Drill
    overbrugging_drill: Drill
    per_payer: tuple[RealisedRow, ...] = ()
    """Realised versus projected per payer for the same plans (see `realised_rows`); the rows add up to
    `plan_costs` and to `projected_for_same_plans.total`."""
    unsplit_plans: int = 0
    """Plans whose realised costs were recorded without a split per payer (row `niet_per_betaler`)."""

    @property
    def per_payer_total(self) -> RealisedRow:
        zero = ZERO * CENT
        return RealisedRow(
            "totaal", "Totaal", sum((r.realised for r in self.per_payer), zero),
            sum((r.projected for r in self.per_payer), zero), sum((r.huidig_pad for r in self.per_payer), zero),
            self.plans_drill,
        )

    @property
    def booked_total(self) -> Decimal:
        return sum((r.amount for r in self.booked_by_voorfinancier), ZERO * CENT)

    @property
    def settled_total(self) -> Decimal:
        return sum((r.amount for r in self.settled_by_payer), ZERO * CENT)

    def as_dict(self) -> JsonObject:
        return {
            "key": self.key, "label": self.label,
            "plans": self.plans, "plan_costs": str(self.plan_costs),
            "projected_for_same_plans": self.projected_for_same_plans.as_dict(),
            "per_payer": [r.as_dict() for r in self.per_payer],
            "per_payer_total": self.per_payer_total.as_dict(),
            "unsplit_plans": self.unsplit_plans,
            "plans_drill": self.plans_drill.as_dict(),
            "overbruggingen": self.overbruggingen, "booked_total": str(self.booked_total),
            "booked_by_voorfinancier": [r.as_dict() for r in self.booked_by_voorfinancier],
            "settlements": self.settlements, "settled_total": str(self.settled_total),
            "settled_by_payer": [r.as_dict() for r in self.settled_by_payer],
            "overbrugging_drill": self.overbrugging_drill.as_dict(),
        }


def money(value: Decimal) -> Decimal:
    return round_cents(value)


@dataclass(frozen=True)
class Dashboard:
    scope: DashboardScope
    caseload_status: CountFigure
    caseload_professional: CountFigure
    caseload_flow: CountFigure
    plans_step: CountFigure
    overdue_actions: CountFigure
    overdue_settlements: CountFigure
    lead_time: LeadTimeFigure
    escalations_status: CountFigure
    escalations_resolved: tuple[DurationRow, ...]
    quality_zrm: tuple[ChangeRow, ...]
    quality_rapportcijfer: ChangeRow
    rekensom: RekensomFigure
    realised: RealisedFigure
    new_by_month: CountFigure
    """Households registered per month of the period (up to the peildatum): the trend of the inflow."""
    closed_by_month: CountFigure
    """Households closed per month of the period (up to the peildatum)."""

    @property
    def caseload(self) -> int:
        return self.caseload_status.total

    def drills(self) -> list[Drill]:
        """Every drill-down the figures name (each once), for lists of the households behind them."""
        found: list[Drill] = []
        counting = (self.caseload_status, self.caseload_professional, self.caseload_flow, self.new_by_month,
                    self.closed_by_month, self.plans_step, self.overdue_actions, self.overdue_settlements,
                    self.escalations_status)
        for figure in counting:
            found += [figure.drill, *(b.drill for b in figure.buckets)]
        found += [self.lead_time.done.drill, self.lead_time.pending_drill]
        found += [r.drill for r in self.escalations_resolved]
        found += [r.drill for r in self.quality_zrm] + [Drill(Figure.QUALITY_ZRM), self.quality_rapportcijfer.drill]
        found += [self.rekensom.drill, *(Drill(self.rekensom.key, r.key) for r in self.rekensom.per_payer)]
        found += [self.realised.plans_drill, *(r.drill for r in self.realised.per_payer),
                  self.realised.overbrugging_drill]
        found += [Drill(Figure.REALISED_OVERBRUGGING, "geboekt"), Drill(Figure.REALISED_OVERBRUGGING, "verrekend")]
        return list(dict.fromkeys(found))

    def as_dict(self) -> JsonObject:
        return {
            "scope": self.scope.as_dict(),
            "caseload": self.caseload,
            "caseload_status": self.caseload_status.as_dict(),
            "caseload_professional": self.caseload_professional.as_dict(),
            "caseload_flow": self.caseload_flow.as_dict(),
            "new_by_month": self.new_by_month.as_dict(),
            "closed_by_month": self.closed_by_month.as_dict(),
            "plans_step": self.plans_step.as_dict(),
            "overdue_actions": self.overdue_actions.as_dict(),
            "overdue_settlements": self.overdue_settlements.as_dict(),
            "lead_time_first_action": self.lead_time.as_dict(),
            "escalations_status": self.escalations_status.as_dict(),
            "escalations_resolved": [r.as_dict() for r in self.escalations_resolved],
            "quality_zrm": [r.as_dict() for r in self.quality_zrm],
            "quality_rapportcijfer": self.quality_rapportcijfer.as_dict(),
            "rekensom_projected": self.rekensom.as_dict(),
            "realised": self.realised.as_dict(),
        }
