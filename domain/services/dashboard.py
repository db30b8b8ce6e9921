"""Use cases of the monitoring dashboard: the figures of a municipality and period, and the households behind
any figure. The TUI dashboard and `doorbraak report dashboard` both call `dashboard(...)`, so they agree.

Access: reports are for coordinators, trainers and single-user owners (Permission.VIEW_REPORTS together
with LIST_CASES: the LET sees reports on knelpunten, never a municipality's households), and only for a
municipality within the actor's own. A drill-down lists only households the actor may open.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from domain import reference
from domain.access import AccessDenied, Permission, in_municipality, require
from domain.actors import Actor
from domain.dashboard import (
    FIGURES,
    MAX_PERIOD_DAYS,
    AmountRow,
    Bucket,
    BucketCount,
    CountFigure,
    Dashboard,
    DashboardScope,
    Drill,
    DrillPage,
    DurationRow,
    Figure,
    FigureCounts,
    LeadTimeFigure,
    RealisedFigure,
    RealisedSums,
    ScoreSums,
    change_row,
    duration_row,
    realised_rows,
    rekensom_figure,
    scope_months,
)
from domain.errors import InvalidInput, Problem
from domain.escalation import ESCALATION_STATUS_LABELS, EscalationLevel, EscalationStatus
from domain.household import STATUS_LABELS, HouseholdStatus
from domain.overbrugging import OVERBRUGGING_STATUS_LABELS, OverbruggingStatus
from domain.plan import ACTION_STATUS_LABELS, ActionStatus, PlanStatus
from domain.ports import UnitOfWork
from domain.services.bound import Bound
from domain.services.casework import may_see, today_or
from domain.signals import CaseOwner
from domain.trend import month_label

_CODE = re.compile(r"^GM\d{4}$")
DRILL_PAGE_MAX = 500


def dashboard_scope(municipality_code: str, start: date, end: date, *, today: date | None = None) -> DashboardScope:
    """Validate the question (Dutch messages per field) and fix the peildatum."""
    problems = []
    code = municipality_code.strip().upper()
    name = ""
    if not _CODE.match(code):
        problems.append(Problem("gemeente", "is geen CBS-gemeentecode (zoals GM0363)"))
    else:
        name = reference.municipalities().get(code, "")
        if not name:
            problems.append(Problem("gemeente", f"{code} is geen bekende gemeente"))
    if end < start:
        problems.append(Problem("to", "ligt vóór de begindatum"))
    elif (end - start).days > MAX_PERIOD_DAYS:
        problems.append(Problem("to", "de periode is langer dan tien jaar"))
    if problems:
        raise InvalidInput(problems)
    return DashboardScope(code, name, start, end, min(end, today_or(today)))


def require_dashboard(actor: Actor, scope: DashboardScope) -> None:
    """Reports on a municipality: view_reports and list_cases, and the municipality among the actor's own."""
    require(actor, Permission.VIEW_REPORTS)
    require(actor, Permission.LIST_CASES)
    if not in_municipality(actor, scope.municipality_code):
        raise AccessDenied(f"U heeft geen toegang tot de gegevens van {scope.municipality_name}.")


def _count_figure(
    key: str, label: str, unit: str, counts: FigureCounts, labels: dict[str, str], *, all_labels: bool = True
) -> CountFigure:
    """Buckets in the order of `labels` (zeros included when `all_labels`), unknown ones after it."""
    by_key = {c.bucket: c for c in counts.buckets}
    keys = [k for k in labels if all_labels or k in by_key] + sorted(k for k in by_key if k not in labels)
    buckets = []
    for k in keys:
        c = by_key.get(k, BucketCount(k, 0, 0))
        buckets.append(Bucket(k, labels.get(k) or k or "(geen)", c.rows, c.households, Drill(key, k)))
    return CountFigure(key, label, unit, tuple(buckets), counts.households)


def _realised(sums: RealisedSums, settled_count: int,
              settled_cents: dict[str, int]) -> tuple[tuple[AmountRow, ...], tuple[AmountRow, ...]]:
    """Booked overbrugging costs per voorfinancier; decided settlements split over the final payers (each
    settlement's portions in cents, Settlement.portions, summed per payer)."""
    booked = tuple(AmountRow(who, who, amount.quantize(Decimal("0.01"))) for who, amount in
                   sums.booked_by_voorfinancier.items())
    settled = tuple(AmountRow(p, p, (Decimal(c) / 100).quantize(Decimal("0.01")))
                    for p, c in sorted(settled_cents.items()))
    return booked, settled


def dashboard(
    municipality_code: str, start: date, end: date, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> Dashboard:
    """All figures of one municipality and period (definitions in docs/dashboard.md)."""
    scope = dashboard_scope(municipality_code, start, end, today=today)
    require_dashboard(actor, scope)
    with uow:
        # Every figure from the items kept per household (domain/dashboard_items.py): one statement.
        kept, refreshed = uow.dashboard.kept(scope)
        if refreshed:  # households changed by a session that could not keep their items: kept now
            uow.commit()
    counts = kept.counts
    status, professional, flow = (counts[Figure.CASELOAD_STATUS], counts[Figure.CASELOAD_PROFESSIONAL],
                                  counts[Figure.CASELOAD_FLOW])
    new_monthly, closed_monthly = counts[Figure.NEW_BY_MONTH], counts[Figure.CLOSED_BY_MONTH]
    steps, actions = counts[Figure.PLANS_STEP], counts[Figure.OVERDUE_ACTIONS]
    settlements, escalations = counts[Figure.OVERDUE_SETTLEMENTS], counts[Figure.ESCALATIONS_STATUS]
    resolved = kept.resolved
    scores = {s.key: s for s in kept.scores}
    projected, projected_realised, realised = kept.projected, kept.projected_realised, kept.realised

    done_days = kept.done_days
    lead_figure = LeadTimeFigure(
        Figure.LEAD_TIME_FIRST_ACTION,
        "Van besluit tot eerste actie gedaan",
        duration_row("gedaan", "Eerste actie gedaan", done_days, Drill(Figure.LEAD_TIME_FIRST_ACTION, "gedaan")),
        pending=kept.pending,
        pending_drill=Drill(Figure.LEAD_TIME_FIRST_ACTION, "wacht"),
    )
    levels: list[DurationRow] = [
        duration_row(level.value, level.label, [f.days for f in resolved if f.level == level.value],
                     Drill(Figure.ESCALATIONS_RESOLVED, level.value))
        for level in EscalationLevel
    ]
    levels.append(duration_row("alle", "Alle niveaus", [f.days for f in resolved], Drill(Figure.ESCALATIONS_RESOLVED)))
    zrm = tuple(
        change_row(scores[code], name, Drill(Figure.QUALITY_ZRM, code))
        for code, name in reference.leefgebieden().items()
        if code in scores
    )
    grade = scores.get("rapportcijfer")
    grade_row = change_row(grade or ScoreSums("rapportcijfer", 0, 0, 0), "Rapportcijfer (1–10)",
                           Drill(Figure.QUALITY_RAPPORTCIJFER))
    settled_count = kept.settled_count
    booked, settled = _realised(realised, settled_count, kept.settled_cents)
    projected_same = rekensom_figure(
        Figure.REALISED_PLANS, "Geprojecteerd voor dezelfde plannen", projected_realised, Drill(Figure.REALISED_PLANS)
    )
    plan_labels = {"geen": "Nog geen plan", **{s.value: s.label for s in PlanStatus}}
    month_labels = {key: month_label(key) for key, _ in scope_months(scope)}
    return Dashboard(
        scope=scope,
        caseload_status=_count_figure(Figure.CASELOAD_STATUS, "Caseload per status", "huishoudens", status,
                                      {s.value: STATUS_LABELS[s] for s in HouseholdStatus}),
        caseload_professional=_count_figure(Figure.CASELOAD_PROFESSIONAL, "Caseload per professional", "huishoudens",
                                            professional, {}),
        caseload_flow=_count_figure(Figure.CASELOAD_FLOW, "Instroom en uitstroom in de periode", "huishoudens", flow,
                                    {"nieuw": "Nieuw aangemeld", "afgesloten": "Afgesloten"}),
        plans_step=_count_figure(Figure.PLANS_STEP, "Plannen per stap", "huishoudens", steps, plan_labels),
        overdue_actions=_count_figure(
            Figure.OVERDUE_ACTIONS, "Acties over de deadline", "acties", actions,
            {s.value: ACTION_STATUS_LABELS[s] for s in ActionStatus if s is not ActionStatus.GEDAAN},
        ),
        overdue_settlements=_count_figure(
            Figure.OVERDUE_SETTLEMENTS, "Verrekeningen over de deadline", "overbruggingen", settlements,
            {s.value: OVERBRUGGING_STATUS_LABELS[s] for s in OverbruggingStatus
             if s in (OverbruggingStatus.AANGEVRAAGD, OverbruggingStatus.TOEGEKEND, OverbruggingStatus.INGEZET)},
        ),
        lead_time=lead_figure,
        escalations_status=_count_figure(Figure.ESCALATIONS_STATUS, "Escalaties per status", "escalaties",
                                         escalations, {s.value: ESCALATION_STATUS_LABELS[s] for s in EscalationStatus}),
        escalations_resolved=tuple(levels),
        quality_zrm=zrm,
        quality_rapportcijfer=grade_row,
        rekensom=rekensom_figure(Figure.REKENSOM_PROJECTED, "Maatschappelijke rekensom (geprojecteerd)", projected,
                                 Drill(Figure.REKENSOM_PROJECTED)),
        realised=RealisedFigure(
            key=Figure.REALISED_PLANS,
            label="Gerealiseerde kosten",
            plans=realised.plans,
            plan_costs=realised.plan_costs.quantize(Decimal("0.01")),
            projected_for_same_plans=projected_same,
            overbruggingen=realised.booked_overbruggingen,
            booked_by_voorfinancier=booked,
            settlements=settled_count,
            settled_by_payer=settled,
            plans_drill=Drill(Figure.REALISED_PLANS),
            overbrugging_drill=Drill(Figure.REALISED_OVERBRUGGING),
            per_payer=realised_rows(Figure.REALISED_PLANS, realised.plan_costs_by_payer, projected_same),
            unsplit_plans=realised.unsplit_plans,
        ),
        new_by_month=_count_figure(Figure.NEW_BY_MONTH, "Nieuw aangemeld per maand", "huishoudens", new_monthly,
                                   month_labels),
        closed_by_month=_count_figure(Figure.CLOSED_BY_MONTH, "Afgesloten per maand", "huishoudens",
                                      closed_monthly, month_labels),
    )


def dashboard_municipalities(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str, int]]:
    """The municipalities this actor may see the dashboard of and that have households: (CBS code, name,
    number of households registered), by name."""
    require(actor, Permission.VIEW_REPORTS)
    require(actor, Permission.LIST_CASES)
    with uow:
        return uow.dashboard.municipalities(actor.municipality_codes)


def dashboard_cases(
    municipality_code: str,
    start: date,
    end: date,
    drill: Drill,
    uow: UnitOfWork,
    actor: Actor,
    *,
    limit: int = 100,
    offset: int = 0,
    today: date | None = None,
) -> DrillPage:
    """The households behind a figure (one page), leaving out those the actor may not open."""
    scope = dashboard_scope(municipality_code, start, end, today=today)
    require_dashboard(actor, scope)
    if drill.figure not in FIGURES:
        raise InvalidInput([Problem("figure", f"{drill.figure!r} is geen cijfer van het dashboard")])
    limit = max(1, min(limit, DRILL_PAGE_MAX))
    with uow:
        page = uow.dashboard.drill(scope, drill, limit=limit, offset=max(0, offset))
    visible = [
        c for c in page.cases
        if may_see(actor, CaseOwner(municipality_code=c.municipality_code, professional=c.professional, team=c.team))
    ]
    return DrillPage(total=page.total, cases=visible, hidden=len(page.cases) - len(visible))



def rebuild_dashboard(uow: UnitOfWork, actor: Actor) -> None:
    """Count the kept figures of every household the actor's database session sees anew (after `doorbraak db
    check` found them changed by hand). Who may see the dashboard may recount it."""
    require(actor, Permission.VIEW_REPORTS)
    require(actor, Permission.LIST_CASES)
    with uow:
        uow.dashboard.rebuild_kept()
        uow.commit()


class DashboardService(Bound):
    """The dashboard use cases, bound to a unit of work and the actor."""

    def show(self, municipality_code: str, start: date, end: date, *, today: date | None = None) -> Dashboard:
        return dashboard(municipality_code, start, end, self.uow, self.actor, today=today)

    def municipalities(self) -> list[tuple[str, str, int]]:
        return dashboard_municipalities(self.uow, self.actor)

    def rebuild(self) -> None:
        rebuild_dashboard(self.uow, self.actor)

    def cases(self, municipality_code: str, start: date, end: date, drill: Drill, *, limit: int = 100,
              offset: int = 0, today: date | None = None) -> DrillPage:
        return dashboard_cases(municipality_code, start, end, drill, self.uow, self.actor, limit=limit,
                               offset=offset, today=today)

__all__ = ["dashboard", "dashboard_cases", "dashboard_scope", "rebuild_dashboard"]
