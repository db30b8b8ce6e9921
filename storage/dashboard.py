"""The dashboard's aggregates, in SQL (read-only). Definitions: domain/dashboard.py and docs/dashboard.md.

Every figure is one SELECT of (household_id, bucket) rows, built by `_rows`; counting a figure groups
those rows, drilling down selects the distinct households from the very same rows. So a number and the
list of households behind it come from one query and cannot disagree. Nothing here loads households into
Python: the results are per-bucket counts and sums, plus a few small fact lists (durations of
escalations closed in the period, settlements decided in the period) whose size is that of the figure.

Kept incrementally (storage/plan_summary.py, written in the transaction that saves a plan version): the plan
in force is one comparison on the version's `superseded_on`, and the projected rekensom is the sum of each
plan in force's `plan_rekensom` rows (its result per party as the domain computed it, rounded per plan).
Everything that depends on the period or on "today" is computed here at query time from indexed rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ColumnElement,
    Numeric,
    and_,
    case,
    cast,
    distinct,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased
from sqlmodel import col

from domain.dashboard import (
    ONE_ROW_PER_HOUSEHOLD,
    REALISED_UNSPLIT,
    BucketCount,
    CaseRef,
    DashboardScope,
    Drill,
    DrillPage,
    Figure,
    FigureCounts,
    LeadTimeFact,
    RealisedSums,
    RekensomSums,
    ResolvedFact,
    ScoreSums,
    SettlementFact,
    scope_months,
)
from domain.dashboard_items import KeptFigures, kept_figures
from domain.escalation import FINAL_STATES
from domain.household import HouseholdStatus
from domain.local_time import AMSTERDAM
from domain.overbrugging import AWAITING_SETTLEMENT
from domain.plan import ActionStatus, PlanStatus
from domain.rekensom import CostKind, CostLine, Frequency, Payer, Scenario
from domain.research import ResearchFacts
from storage.case_tables import EscalationRow, OverbruggingCostRow, OverbruggingRow
from storage.dashboard_items import rebuild, refresh_pending, sums
from storage.households import as_utc
from storage.people_tables import ZrmScoreRow
from storage.plan_summary import REKENSOM_TABLE, in_force_at
from storage.plan_tables import PlanActionRow, PlanCostLineRow, PlanEvaluationRow, PlanRow
from storage.score_summary import RAPPORTCIJFER, SERIES
from storage.tables import HouseholdRow, MemberRow

H = HouseholdRow
Query = Any
"""A SELECT statement (SQLAlchemy's variadic Select type does not help here)."""
CONCEPT = PlanStatus.CONCEPT.value
UNFINISHED = (ActionStatus.OPEN.value, ActionStatus.BEZIG.value, ActionStatus.VASTGELOPEN.value)
EXECUTING = (PlanStatus.VASTGESTELD.value, PlanStatus.IN_UITVOERING.value)
AWAITING = tuple(sorted(s.value for s in AWAITING_SETTLEMENT))
FINAL = tuple(sorted(s.value for s in FINAL_STATES))
UNSPLIT = REALISED_UNSPLIT


def _caseload(scope: DashboardScope, municipality: ColumnElement[str] | None = None) -> list[ColumnElement[bool]]:
    """Households of the municipality that existed by the end of the period and were not closed before it.
    `municipality`: the column expression compared with the code (by default the indexed column itself)."""
    return [
        (col(H.municipality_code) if municipality is None else municipality) == scope.municipality_code,
        col(H.created_at) < scope.end_moment,
        # One comparison, not an OR: SQLite would otherwise walk ix_household_closed_on for every municipality.
        func.coalesce(col(H.closed_on), date.max) >= scope.start,
    ]


class SqlDashboardRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    # -- building blocks -----------------------------------------------------------------------------
    def _in_force(self, scope: DashboardScope, *, looked_up: bool = False) -> Any:
        """The plan in force of each caseload household: its newest version decided on or before the end
        (one comparison on the version's own row: `superseded_on`, storage/plan_summary.py).

        `looked_up`: the query is driven from a few other rows that name the household, so SQLite must not
        start from the municipality's caseload index (PostgreSQL's planner weighs this itself)."""
        unindexed = looked_up and not self._postgres
        caseload = _caseload(scope, func.coalesce(col(H.municipality_code), "") if unindexed else None)
        return (
            select(
                col(PlanRow.id).label("plan_id"),
                col(PlanRow.household_id).label("household_id"),
                col(PlanRow.status).label("status"),
                col(PlanRow.horizon_months).label("horizon"),
                col(PlanRow.discount_rate).label("discount_rate"),
            )
            .join(H, col(H.id) == col(PlanRow.household_id))
            .where(*caseload, in_force_at(scope.end))
            .subquery("in_force")
        )

    def _rows(self, scope: DashboardScope, figure: str) -> Any:
        """The (household_id, bucket) rows of a figure, as a subquery."""
        builder = getattr(self, "_rows_" + figure.replace(".", "_"), None)
        if builder is None:
            raise ValueError(f"unknown dashboard figure {figure!r}")
        stmt: Query = builder(scope)
        return stmt.subquery("figure")

    def _rows_caseload_status(self, scope: DashboardScope) -> Query:
        return select(col(H.id).label("household_id"), col(H.status).label("bucket")).where(*_caseload(scope))

    def _rows_caseload_professional(self, scope: DashboardScope) -> Query:
        return select(col(H.id).label("household_id"), col(H.professional).label("bucket")).where(*_caseload(scope))

    def _rows_caseload_flow(self, scope: DashboardScope) -> Query:
        code = col(H.municipality_code) == scope.municipality_code
        new: Query = select(col(H.id).label("household_id"), literal("nieuw").label("bucket")).where(
            code, col(H.created_at) >= scope.start_moment, col(H.created_at) < scope.end_moment
        )
        closed: Query = select(col(H.id).label("household_id"), literal("afgesloten").label("bucket")).where(
            code, col(H.closed_on) >= scope.start, col(H.closed_on) <= scope.end
        )
        flow = union_all(new, closed).subquery("flow")
        return select(flow.c.household_id, flow.c.bucket)

    def _rows_caseload_new_by_month(self, scope: DashboardScope) -> Query:
        # The month of a UTC moment in Dutch time, exactly: compare with the UTC moments of Amsterdam midnights.
        months = scope_months(scope)
        if not months:
            return select(col(H.id).label("household_id"), literal("").label("bucket")).where(false())
        starts = [_amsterdam_midnight(first.replace(day=1)) for _, first in months[1:]]
        bucket = case(*[(col(H.created_at) < start, literal(key)) for (key, _), start in zip(months, starts,
                                                                                             strict=False)],
                      else_=literal(months[-1][0])) if starts else literal(months[0][0])
        last = min(scope.end, scope.peildatum)
        return select(col(H.id).label("household_id"), bucket.label("bucket")).where(
            col(H.municipality_code) == scope.municipality_code, col(H.created_at) >= scope.start_moment,
            col(H.created_at) < _amsterdam_midnight(last + timedelta(days=1)),
        )

    def _rows_caseload_closed_by_month(self, scope: DashboardScope) -> Query:
        months = scope_months(scope)
        if not months:
            return select(col(H.id).label("household_id"), literal("").label("bucket")).where(false())
        bucket = case(*[(col(H.closed_on) < first.replace(day=1), literal(key))
                        for (key, _), (_, first) in zip(months, months[1:], strict=False)],
                      else_=literal(months[-1][0])) if len(months) > 1 else literal(months[0][0])
        return select(col(H.id).label("household_id"), bucket.label("bucket")).where(
            col(H.municipality_code) == scope.municipality_code, col(H.closed_on) >= scope.start,
            col(H.closed_on) <= min(scope.end, scope.peildatum),
        )

    def _rows_plans_step(self, scope: DashboardScope) -> Query:
        # The status of the household's plan in force: one indexed lookup per household (at most one version
        # is in force at a day, by the definition of superseded_on).
        in_force = (
            select(col(PlanRow.status)).where(col(PlanRow.household_id) == col(H.id), in_force_at(scope.end))
            .scalar_subquery()
        )
        concept = exists().where(
            col(PlanRow.household_id) == col(H.id), col(PlanRow.created_at) < scope.end_moment
        )
        bucket = func.coalesce(in_force, case((concept, literal(CONCEPT)), else_=literal("geen")))
        return select(col(H.id).label("household_id"), bucket.label("bucket")).where(*_caseload(scope))

    def _overdue(self, scope: DashboardScope) -> list[ColumnElement[bool]]:
        """Unfinished actions with a deadline before the peildatum. On SQLite both are wrapped, so that its
        planner does not walk ix_plan_action_status_deadline (the open actions of every municipality) but
        finds the actions per plan in force, by plan_id; PostgreSQL's planner needs the plain columns for
        its row estimates."""
        if self._postgres:
            return [col(PlanActionRow.status).in_(UNFINISHED), col(PlanActionRow.deadline) < scope.peildatum]
        return [(col(PlanActionRow.status) + "").in_(UNFINISHED),
                func.coalesce(col(PlanActionRow.deadline), date.max) < scope.peildatum]

    def _rows_overdue_actions(self, scope: DashboardScope) -> Query:
        force = self._in_force(scope)
        return (
            select(force.c.household_id, col(PlanActionRow.status).label("bucket"))
            .join(PlanActionRow, col(PlanActionRow.plan_id) == force.c.plan_id)
            .join(H, col(H.id) == force.c.household_id)
            .where(
                force.c.status.in_(EXECUTING),
                *self._overdue(scope),
                col(H.status) != HouseholdStatus.AFGESLOTEN.value,
            )
        )

    def _rows_overdue_settlements(self, scope: DashboardScope) -> Query:
        return (
            select(col(H.id).label("household_id"), col(OverbruggingRow.status).label("bucket"))
            .join(OverbruggingRow, col(OverbruggingRow.household_id) == col(H.id))
            .where(
                *_caseload(scope),
                col(OverbruggingRow.status).in_(AWAITING),
                col(OverbruggingRow.settlement_deadline) < scope.peildatum,
            )
        )

    def _rows_escalations_status(self, scope: DashboardScope) -> Query:
        return (
            select(col(H.id).label("household_id"), col(EscalationRow.status).label("bucket"))
            .join(EscalationRow, col(EscalationRow.household_id) == col(H.id))
            .where(
                *_caseload(scope),
                col(EscalationRow.created_on) <= scope.end,
                or_(col(EscalationRow.closed_on).is_(None), col(EscalationRow.closed_on) >= scope.start),
            )
        )

    def _resolved(self, scope: DashboardScope) -> Query:
        return (
            select(
                col(H.id).label("household_id"),
                col(EscalationRow.level).label("bucket"),
                col(EscalationRow.status).label("status"),
                col(EscalationRow.submitted_on).label("submitted_on"),
                col(EscalationRow.closed_on).label("closed_on"),
            )
            .join(EscalationRow, col(EscalationRow.household_id) == col(H.id))
            .where(
                col(H.municipality_code) == scope.municipality_code,
                col(EscalationRow.status).in_(FINAL),
                col(EscalationRow.submitted_on).is_not(None),
                col(EscalationRow.closed_on) >= scope.start,
                col(EscalationRow.closed_on) <= scope.end,
            )
        )

    def _rows_escalations_resolved(self, scope: DashboardScope) -> Query:
        resolved = self._resolved(scope).subquery("resolved")
        return select(resolved.c.household_id, resolved.c.bucket)

    def _lead_times(self, scope: DashboardScope) -> Query:
        """First decided version per caseload household, decided in the period, with the first day an action
        of any of the household's plan versions was done (`done_on`, on or after the decision day)."""
        earlier = aliased(PlanRow)
        version = aliased(PlanRow)
        a = PlanActionRow
        first_done = (
            select(func.min(col(a.done_on)))
            .join(version, col(version.id) == col(a.plan_id))
            .where(
                col(version.household_id) == col(PlanRow.household_id),
                col(a.status) == ActionStatus.GEDAAN.value,
                col(a.done_on).is_not(None),
                col(a.done_on) >= col(PlanRow.decided_on),
            )
            .scalar_subquery()
        )
        return (
            select(
                col(H.id).label("household_id"),
                col(PlanRow.decided_on).label("decided_on"),
                first_done.label("first_done_on"),
            )
            .join(PlanRow, col(PlanRow.household_id) == col(H.id))
            .where(
                *_caseload(scope),
                col(PlanRow.decided_on).is_not(None),
                col(PlanRow.decided_on) >= scope.start,
                col(PlanRow.decided_on) <= scope.end,
                ~exists().where(
                    col(earlier.household_id) == col(PlanRow.household_id),
                    col(earlier.decided_on).is_not(None),
                    col(earlier.plan_version) < col(PlanRow.plan_version),
                ),
            )
        )

    def _rows_lead_time_first_action(self, scope: DashboardScope) -> Query:
        facts = self._lead_times(scope).subquery("lead")
        bucket = case((facts.c.first_done_on.is_not(None), literal("gedaan")), else_=literal("wacht"))
        return select(facts.c.household_id, bucket.label("bucket"))

    def _scores(self, scope: DashboardScope) -> Any:
        """(unit, household, key, moment, on_date, score) up to the end, for the households with a plan in force,
        of the series that have scores after the end (the others are read from `score_series`, see `_pairs`):
        the ZRM per adult person (unit = the member, `zrm_score`) and the rapportcijfer per plan (unit = the
        plan, its evaluations)."""
        force = self._in_force(scope, looked_up=True)
        e = PlanEvaluationRow
        z = ZrmScoreRow
        s = SERIES
        # Driven from the series with a score after the end (an index range on last_on: none when the period
        # ends today), not from every household of the municipality.
        late = and_(s.c.last_on > scope.end, s.c.first_on <= scope.end)
        zrm = (
            select(
                col(z.member_id).label("unit"), force.c.household_id, col(z.leefgebied).label("key"),
                col(z.moment).label("moment"), col(z.scored_on).label("on_date"), col(z.score).label("score"),
            )
            .select_from(s)
            .join(force, force.c.household_id == s.c.household_id)
            .join(z, and_(col(z.member_id) == s.c.member_id, col(z.leefgebied) == s.c.key))
            .where(late, s.c.member_id.is_not(None), col(z.scored_on) <= scope.end)
        )
        grade = (
            select(
                force.c.plan_id.label("unit"), force.c.household_id, literal(RAPPORTCIJFER).label("key"),
                col(e.moment).label("moment"), col(e.on_date).label("on_date"),
                col(e.rapportcijfer).label("score"),
            )
            .select_from(s)
            .join(force, force.c.plan_id == s.c.plan_id)
            .join(e, col(e.plan_id) == s.c.plan_id)
            .where(late, col(e.on_date).is_not(None), col(e.on_date) <= scope.end, col(e.rapportcijfer).is_not(None))
        )
        return union_all(zrm, grade).subquery("scores")

    def _pairs(self, scope: DashboardScope) -> Any:
        """Per unit (person or plan) and key: the first and the last score up to the end, the last one in the
        period, at least two scores. A series whose last score lies on or before the end is one `score_series`
        row (storage/score_summary.py); only series with later scores (a period in the past) are sorted here."""
        force = self._in_force(scope)
        s = SERIES
        # One index lookup per household finds its ZRM series and the rapportcijfer series of its versions; of
        # the latter only the version in force counts. (SQLite: last_on wrapped, so that its planner does not walk
        # ix_score_series_last_on, meant for the few late series below, over every municipality.)
        last_on = s.c.last_on if self._postgres else func.coalesce(s.c.last_on, s.c.first_on)
        kept: Query = (
            select(force.c.household_id, s.c.key.label("bucket"), s.c.first_score.label("before"),
                   s.c.last_score.label("after"))
            .select_from(force)
            .join(s, s.c.household_id == force.c.household_id)
            .where(or_(s.c.plan_id.is_(None), s.c.plan_id == force.c.plan_id),
                   s.c.moments >= 2, last_on >= scope.start, last_on <= scope.end)
        )
        sc = self._scores(scope)
        order = (sc.c.on_date, sc.c.moment)
        # One sort: the position in the series and the series' length over the same window; the last score
        # is the one at the last position.
        first = func.row_number().over(partition_by=(sc.c.unit, sc.c.key), order_by=order)
        length = func.count().over(partition_by=(sc.c.unit, sc.c.key), order_by=order, rows=(None, None))
        ranked = select(sc, first.label("rn_first"), length.label("n")).subquery("ranked")
        per_unit = (
            select(
                ranked.c.household_id,
                ranked.c.key,
                func.count().label("moments"),
                func.max(case((ranked.c.rn_first == 1, ranked.c.score))).label("before"),
                func.max(case((ranked.c.rn_first == ranked.c.n, ranked.c.score))).label("after"),
                func.max(case((ranked.c.rn_first == ranked.c.n, ranked.c.on_date))).label("last_on"),
            )
            .group_by(ranked.c.unit, ranked.c.key, ranked.c.household_id)  # the window's order: no sort
            .subquery("per_unit")
        )
        cut: Query = (
            select(per_unit.c.household_id, per_unit.c.key.label("bucket"), per_unit.c.before, per_unit.c.after)
            .where(per_unit.c.moments >= 2, per_unit.c.last_on >= scope.start, per_unit.c.last_on <= scope.end)
        )
        return union_all(kept, cut).subquery("pairs")

    def _rows_quality_zrm(self, scope: DashboardScope) -> Query:
        p = self._pairs(scope)
        return select(p.c.household_id, p.c.bucket).where(p.c.bucket != RAPPORTCIJFER)

    def _rows_quality_rapportcijfer(self, scope: DashboardScope) -> Query:
        p = self._pairs(scope)
        return select(p.c.household_id, p.c.bucket).where(p.c.bucket == RAPPORTCIJFER)

    def _rows_rekensom_projected(self, scope: DashboardScope) -> Query:
        force = self._in_force(scope)
        payers = select(force.c.household_id, col(PlanCostLineRow.payer).label("bucket")).join(
            PlanCostLineRow, col(PlanCostLineRow.plan_id) == force.c.plan_id
        )
        receivers = (
            select(force.c.household_id, col(PlanCostLineRow.receiver).label("bucket"))
            .join(PlanCostLineRow, col(PlanCostLineRow.plan_id) == force.c.plan_id)
            .where(col(PlanCostLineRow.receiver).is_not(None))
        )
        both = union_all(payers, receivers).subquery("parties")
        return select(both.c.household_id, both.c.bucket).distinct()

    def _realised_plans(self, scope: DashboardScope) -> Query:
        """Per plan in force: the latest evaluation (up to the end) that records realised costs."""
        force = self._in_force(scope)
        e = PlanEvaluationRow
        later = aliased(PlanEvaluationRow)
        return (
            select(
                force.c.plan_id, force.c.household_id, literal("plan").label("bucket"),
                cast(func.round(col(e.realised_costs) * 100), BigInteger).label("cents"),
                col(e.realised_by_payer).label("by_payer"),
            )
            .join(e, col(e.plan_id) == force.c.plan_id)
            .where(
                col(e.realised_costs).is_not(None),
                or_(col(e.on_date).is_(None), col(e.on_date) <= scope.end),
                ~exists().where(
                    col(later.plan_id) == col(e.plan_id),
                    col(later.realised_costs).is_not(None),
                    or_(col(later.on_date).is_(None), col(later.on_date) <= scope.end),
                    col(later.moment) > col(e.moment),
                ),
            )
        )

    def _realised_per_payer(self, scope: DashboardScope) -> Query:
        """(plan, household, payer, cents) of the realised plans: their per-payer split, and the whole realised
        costs under UNSPLIT for a plan whose evaluation has no split (recorded before the split existed)."""
        r = self._realised_plans(scope).subquery("realised")
        if self._postgres:
            pairs = func.json_each_text(cast(r.c.by_payer, JSON)).table_valued("key", "value").alias("p")
        else:
            pairs = func.json_each(r.c.by_payer).table_valued("key", "value").alias("p")
        # One walk over the realised plans: a plan without a split ('{}' or NULL) finds no pair and keeps one
        # row with its whole realised costs.
        split_cents = cast(func.round(cast(pairs.c.value, Numeric(14, 2)) * 100), BigInteger)
        return (
            select(r.c.plan_id, r.c.household_id, func.coalesce(pairs.c.key, UNSPLIT).label("bucket"),
                   case((pairs.c.key.is_(None), r.c.cents), else_=split_cents).label("cents"))
            .select_from(r)
            .join(pairs, true(), isouter=True)
            .subquery("per_payer")
        )

    def _rows_realised_plans(self, scope: DashboardScope) -> Query:
        """One row per realised plan and payer of its split (UNSPLIT: no split); the bucket is the payer."""
        r = self._realised_per_payer(scope)
        return select(r.c.household_id, r.c.bucket)

    def _rows_realised_overbrugging(self, scope: DashboardScope) -> Query:
        code = col(H.municipality_code) == scope.municipality_code
        booked: Query = (
            select(col(H.id).label("household_id"), literal("geboekt").label("bucket"))
            .join(OverbruggingRow, col(OverbruggingRow.household_id) == col(H.id))
            .join(OverbruggingCostRow, col(OverbruggingCostRow.overbrugging_id) == col(OverbruggingRow.id))
            .where(
                code, col(OverbruggingCostRow.booked_on) >= scope.start, col(OverbruggingCostRow.booked_on) <= scope.end
            )
        )
        settled: Query = (
            select(col(H.id).label("household_id"), literal("verrekend").label("bucket"))
            .join(OverbruggingRow, col(OverbruggingRow.household_id) == col(H.id))
            .where(
                code,
                col(OverbruggingRow.settlement_decided_on) >= scope.start,
                col(OverbruggingRow.settlement_decided_on) <= scope.end,
            )
        )
        rows = union_all(booked, settled).subquery("overbrugging_rows")
        return select(rows.c.household_id, rows.c.bucket).distinct()

    # -- the port ----------------------------------------------------------------------------------
    def rebuild_kept(self) -> None:
        rebuild(self.session.connection())

    def kept(self, scope: DashboardScope) -> tuple[KeptFigures, int]:
        """Every figure from the kept items (storage/dashboard_items.py), after refreshing the households
        still pending (changed by a session that could not refresh them); and how many those were."""
        connection = self.session.connection()
        refreshed = refresh_pending(connection)
        return kept_figures(sums(connection, scope)), refreshed

    def counts(self, scope: DashboardScope, figure: str) -> FigureCounts:
        rows = self._rows(scope, figure)
        if figure in ONE_ROW_PER_HOUSEHOLD:  # no household is in two buckets: the total is the sum
            stmt = (select(rows.c.bucket, func.count()).group_by(rows.c.bucket).order_by(rows.c.bucket))
            buckets = [BucketCount(str(b or ""), int(n), int(n)) for b, n in self.session.execute(stmt)]
            return FigureCounts(buckets, sum(b.households for b in buckets))
        # Rows per bucket and household in one walk; the households per bucket and in all are counted here
        # (a second statement for the distinct total would walk the figure's rows again).
        per_household = select(rows.c.bucket, rows.c.household_id, func.count()).group_by(
            rows.c.bucket, rows.c.household_id)
        counted: dict[str, list[int]] = {}
        households: set[int] = set()
        for bucket, household_id, n in self.session.execute(per_household):
            entry = counted.setdefault(str(bucket or ""), [0, 0])
            entry[0] += int(n)
            entry[1] += 1
            households.add(household_id)
        return FigureCounts([BucketCount(b, n, h) for b, (n, h) in sorted(counted.items())], len(households))

    def drill(self, scope: DashboardScope, drill: Drill, limit: int = 100, offset: int = 0) -> DrillPage:
        rows = self._rows(scope, drill.figure)
        ids = select(rows.c.household_id)
        if drill.bucket is not None:
            ids = ids.where(rows.c.bucket == drill.bucket)
        ids_sub = ids.distinct().subquery("ids")
        total = self.session.execute(select(func.count()).select_from(ids_sub)).scalar_one()
        stmt = (
            select(col(H.case_number), col(H.name), col(H.status), col(H.municipality_code), col(H.professional),
                   col(H.team))
            .where(col(H.id).in_(select(ids_sub.c.household_id)))
            .order_by(col(H.case_number))
            .limit(limit)
            .offset(offset)
        )
        cases = [CaseRef(*map(str, r)) for r in self.session.execute(stmt)]
        return DrillPage(total=int(total), cases=cases)

    def lead_times(self, scope: DashboardScope) -> list[LeadTimeFact]:
        facts = self._lead_times(scope).subquery("lead")
        stmt = select(facts.c.decided_on, facts.c.first_done_on)
        return [
            LeadTimeFact(decided_on=_day(d), first_done_on=None if done is None else _day(done))
            for d, done in self.session.execute(stmt)
        ]

    def resolved(self, scope: DashboardScope) -> list[ResolvedFact]:
        r = self._resolved(scope).subquery("resolved")
        stmt = select(r.c.bucket, r.c.status, r.c.submitted_on, r.c.closed_on)
        return [ResolvedFact(str(level), str(status), (closed - submitted).days)
                for level, status, submitted, closed in self.session.execute(stmt)]

    def score_changes(self, scope: DashboardScope) -> list[ScoreSums]:
        p = self._pairs(scope)
        stmt = (
            select(p.c.bucket, func.count(), func.sum(p.c.before), func.sum(p.c.after))
            .group_by(p.c.bucket)
            .order_by(p.c.bucket)
        )
        return [ScoreSums(str(k), int(n), int(b or 0), int(a or 0)) for k, n, b, a in self.session.execute(stmt)]

    def projected(self, scope: DashboardScope, *, realised_only: bool = False) -> RekensomSums:
        """Each plan in force's own rekensom result per party (`plan_rekensom`, written when the version was
        saved with the domain's calculation, rounded per plan), summed."""
        force = self._in_force(scope)
        if realised_only:  # the plans with an evaluation that records realised costs (as _realised_plans)
            e = PlanEvaluationRow
            recorded = exists().where(
                col(e.plan_id) == force.c.plan_id, col(e.realised_costs).is_not(None),
                or_(col(e.on_date).is_(None), col(e.on_date) <= scope.end),
            )
            plans = select(force.c.plan_id).where(recorded).subquery("plans")
        else:
            plans = select(force.c.plan_id).subquery("plans")
        r = REKENSOM_TABLE
        stmt = (
            select(r.c.payer, func.sum(r.c.huidig_pad_cents), func.sum(r.c.doorbraak_cents),
                   func.sum(r.c.kosten_huidig_pad_cents), func.sum(r.c.kosten_doorbraak_cents))
            .join(plans, plans.c.plan_id == r.c.plan_id)
            .group_by(r.c.payer)
        )
        cents: dict[tuple[str, str], int] = {}
        kosten = {Scenario.HUIDIG_PAD.value: 0, Scenario.DOORBRAAK.value: 0}
        for payer, huidig, doorbraak, kosten_huidig, kosten_doorbraak in self.session.execute(stmt):
            cents[(Scenario.HUIDIG_PAD.value, str(payer))] = int(huidig)
            cents[(Scenario.DOORBRAAK.value, str(payer))] = int(doorbraak)
            kosten[Scenario.HUIDIG_PAD.value] += int(kosten_huidig)
            kosten[Scenario.DOORBRAAK.value] += int(kosten_doorbraak)
        count = self.session.execute(select(func.count()).select_from(plans)).scalar_one()
        return RekensomSums(plans=int(count), cents=cents, kosten_cents=kosten)

    def research_facts(self, scope: DashboardScope, batch_size: int = 500) -> Iterator[ResearchFacts]:
        return research_facts(self, scope, batch_size)

    def municipalities(self, codes: frozenset[str] | None = None) -> list[tuple[str, str, int]]:
        stmt = (select(col(H.municipality_code), func.min(col(H.municipality_name)), func.count())
                .group_by(col(H.municipality_code)))
        if codes is not None:
            stmt = stmt.where(col(H.municipality_code).in_(sorted(codes)))
        return sorted(((code, name, n) for code, name, n in self.session.execute(stmt)), key=lambda r: r[1])

    def realised(self, scope: DashboardScope) -> RealisedSums:
        r = self._realised_plans(scope).subquery("realised")
        plans, plan_cents = self.session.execute(select(func.count(), func.sum(r.c.cents))).one()
        per = self._realised_per_payer(scope)
        by_payer: dict[str, Decimal] = {}
        unsplit_plans = 0
        for payer, total, n in self.session.execute(
            select(per.c.bucket, func.sum(per.c.cents), func.count(distinct(per.c.plan_id))).group_by(per.c.bucket)
        ):
            by_payer[str(payer)] = Decimal(int(total or 0)) / 100
            if payer == UNSPLIT:
                unsplit_plans = int(n)
        code = col(H.municipality_code) == scope.municipality_code
        cost_cents = cast(func.round(col(OverbruggingCostRow.amount) * 100), BigInteger)
        booked_stmt = (
            select(col(OverbruggingRow.voorfinancier), func.sum(cost_cents),
                   func.count(distinct(col(OverbruggingRow.id))))
            .select_from(H)
            .join(OverbruggingRow, col(OverbruggingRow.household_id) == col(H.id))
            .join(OverbruggingCostRow, col(OverbruggingCostRow.overbrugging_id) == col(OverbruggingRow.id))
            .where(code, col(OverbruggingCostRow.booked_on) >= scope.start,
                   col(OverbruggingCostRow.booked_on) <= scope.end)
            .group_by(col(OverbruggingRow.voorfinancier))
            .order_by(col(OverbruggingRow.voorfinancier))
        )
        booked: dict[str, Decimal] = {}
        booked_overbruggingen = 0
        for who, total, n in self.session.execute(booked_stmt):
            booked[str(who)] = Decimal(int(total)) / 100
            booked_overbruggingen += int(n)
        settled_stmt = (
            select(col(OverbruggingRow.settlement_amount), col(OverbruggingRow.settlement_shares))
            .join(H, col(H.id) == col(OverbruggingRow.household_id))
            .where(
                code,
                col(OverbruggingRow.settlement_amount).is_not(None),
                col(OverbruggingRow.settlement_decided_on) >= scope.start,
                col(OverbruggingRow.settlement_decided_on) <= scope.end,
            )
            .order_by(col(OverbruggingRow.id))
        )
        settlements = [
            SettlementFact(amount=Decimal(str(amount)).quantize(Decimal("0.01")), shares=json.loads(shares or "[]"))
            for amount, shares in self.session.execute(settled_stmt)
        ]
        return RealisedSums(
            plans=int(plans),
            plan_costs=Decimal(int(plan_cents or 0)) / 100,
            plan_costs_by_payer=by_payer,
            unsplit_plans=unsplit_plans,
            booked_by_voorfinancier=booked,
            booked_overbruggingen=booked_overbruggingen,
            settlements=settlements,
        )


def _amsterdam_midnight(day: date) -> datetime:
    """The UTC moment at which `day` begins in the Netherlands."""
    return datetime.combine(day, time(0), tzinfo=AMSTERDAM).astimezone(UTC)


def _day(value: date | str) -> date:
    if isinstance(value, str):  # SQLite hands back MIN() of a date column as text
        return date.fromisoformat(value)
    return value


def _moment(value: datetime | str) -> datetime:
    if isinstance(value, str):  # SQLite hands back MIN() of a timestamp column as text
        value = datetime.fromisoformat(value)
    return as_utc(value)


def figures_with_rows() -> Sequence[str]:
    """The figure keys `_rows` knows (every one can be drilled into)."""
    return [
        f for f in vars(Figure).values()
        if isinstance(f, str) and hasattr(SqlDashboardRepository, "_rows_" + f.replace(".", "_"))
    ]


__all__ = ["SqlDashboardRepository", "figures_with_rows"]


# -- the research export (pseudonymised rows; see domain/research.py) ---------------------------------


def research_facts(repo: SqlDashboardRepository, scope: DashboardScope, batch_size: int) -> Iterator[ResearchFacts]:
    """The caseload's households in id order, in batches (keyset paging), each with its plan in force."""
    last_id = 0
    session = repo.session
    while True:
        households = session.execute(
            select(col(H.id), col(H.case_number), col(H.municipality_code), col(H.status), col(H.created_at),
                   col(H.closed_on))
            .where(*_caseload(scope), col(H.id) > last_id)
            .order_by(col(H.id))
            .limit(batch_size)
        ).all()
        if not households:
            return
        ids = [h[0] for h in households if h[0] is not None]
        last_id = ids[-1]
        facts = {
            hid: ResearchFacts(case_number=str(case), municipality_code=str(code), status=str(status),
                               created_at=_moment(created), closed_on=closed)
            for hid, case, code, status, created, closed in households
        }
        persons: dict[int, tuple[int, str, date, list[tuple[date, str, int]]]] = {}
        for hid, member_id, role, born in session.execute(
            select(col(MemberRow.household_id), col(MemberRow.id), col(MemberRow.role), col(MemberRow.date_of_birth))
            .where(col(MemberRow.household_id).in_(ids))
            .order_by(col(MemberRow.household_id), col(MemberRow.position), col(MemberRow.id))
        ):
            facts[hid].members.append((str(role), born))
            persons[int(member_id or 0)] = (len(facts[hid].members) - 1, str(role), born, [])
        for hid, member_id, day, leefgebied, score in session.execute(
            select(col(ZrmScoreRow.household_id), col(ZrmScoreRow.member_id), col(ZrmScoreRow.scored_on),
                   col(ZrmScoreRow.leefgebied), col(ZrmScoreRow.score))
            .where(col(ZrmScoreRow.household_id).in_(ids), col(ZrmScoreRow.scored_on) <= scope.end)
            .order_by(col(ZrmScoreRow.household_id), col(ZrmScoreRow.member_id), col(ZrmScoreRow.scored_on))
        ):
            person = persons[int(member_id)]
            if not person[3]:
                facts[hid].persons.append(person)
            person[3].append((day, str(leefgebied), int(score)))
        force = repo._in_force(scope)
        plans: dict[int, ResearchFacts] = {}
        for plan_id, hid, status, horizon, rate, version, decided, obstacle in session.execute(
            select(force.c.plan_id, force.c.household_id, force.c.status, force.c.horizon, force.c.discount_rate,
                   col(PlanRow.plan_version), col(PlanRow.decided_on), col(PlanRow.obstacle_leefgebied))
            .join(PlanRow, col(PlanRow.id) == force.c.plan_id)
            .where(force.c.household_id.in_(ids))
        ):
            f = facts[hid]
            f.plan_version, f.plan_status, f.decided_on = int(version), str(status), decided
            f.obstacle_leefgebied, f.horizon_months = str(obstacle or ""), int(horizon)
            f.discount_rate = Decimal(str(rate))
            plans[plan_id] = f
        if plans:
            _plan_details(repo, scope, plans)
        for table in (EscalationRow, OverbruggingRow):
            column = col(table.household_id)
            for hid, n in session.execute(select(column, func.count()).where(column.in_(ids)).group_by(column)):
                if table is EscalationRow:
                    facts[hid].escalations = int(n)
                else:
                    facts[hid].overbruggingen = int(n)
        yield from (facts[i] for i in ids)


def _plan_details(repo: SqlDashboardRepository, scope: DashboardScope, plans: dict[int, ResearchFacts]) -> None:
    session = repo.session
    plan_ids = list(plans)
    for line in session.execute(
        select(PlanCostLineRow).where(col(PlanCostLineRow.plan_id).in_(plan_ids))
        .order_by(col(PlanCostLineRow.plan_id), col(PlanCostLineRow.position))
    ).scalars():
        plans[line.plan_id].cost_lines.append(_cost_line(line))
    e = PlanEvaluationRow
    for plan_id, moment, grade, scores, realised in session.execute(
        select(col(e.plan_id), col(e.moment), col(e.rapportcijfer), col(e.scores), col(e.realised_costs))
        .where(col(e.plan_id).in_(plan_ids), or_(col(e.on_date).is_(None), col(e.on_date) <= scope.end))
    ):
        costs = None if realised is None else Decimal(str(realised)).quantize(Decimal("0.01"))
        plans[plan_id].evaluations.append((int(moment), grade, json.loads(scores or "{}"), costs))
    a = PlanActionRow
    done = func.sum(case((col(a.status) == ActionStatus.GEDAAN.value, 1), else_=0))
    overdue = func.sum(case((and_(col(a.status).in_(UNFINISHED), col(a.deadline) < scope.end), 1), else_=0))
    for plan_id, n, n_done, n_overdue in session.execute(
        select(col(a.plan_id), func.count(), done, overdue).where(col(a.plan_id).in_(plan_ids)).group_by(col(a.plan_id))
    ):
        f = plans[plan_id]
        f.actions, f.actions_done, f.actions_overdue = int(n), int(n_done or 0), int(n_overdue or 0)


def _cost_line(r: PlanCostLineRow) -> CostLine:
    return CostLine.model_construct(
        id=r.key, description="", scenario=Scenario(r.scenario), payer=Payer(r.payer),
        amount=Decimal(str(r.amount)).quantize(Decimal("0.01")),
        quantity=Decimal(str(r.quantity)),
        probability=Decimal(str(r.probability)),
        frequency=Frequency(r.frequency),
        start_month=r.start_month,
        duration_months=r.duration_months,
        source=None,
        kind=CostKind(r.kind),
        receiver=None if r.receiver is None else Payer(r.receiver),
        loan_months=r.loan_months,
        default_probability=None if r.default_probability is None else Decimal(str(r.default_probability)),
    )
