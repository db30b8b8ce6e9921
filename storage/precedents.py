"""The precedent search's SQL: of every household the newest decided plan, filtered on structured fields.

The domain (domain/precedent.py) decides what matches and what may be shown; this module only preselects
candidates — the legal basis, the sta-in-de-weg's leefgebied, knelpunt words (in the knelpunt's accent-free
search text) and the keywords of a kind of action (in the action's lower-cased text, or the kind's first
basis on an action) — in the order the domain shows them, and loads them (lazily: the domain stops reading
once it has enough) through the plan and household repositories.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlmodel import col

from domain.plan import PlanStatus
from domain.precedent import DECIDED_STATUSES, PrecedentFilter, PrecedentSource
from storage.case_tables import EscalationKnelpuntRow, EscalationRow, KnelpuntRow
from storage.households import Clock, SqlHouseholdRepository, utcnow
from storage.plan_tables import PlanActionRow, PlanEvaluationRow, PlanLegalBasisRow, PlanRow
from storage.plans import SqlPlanRepository
from storage.tables import HouseholdRow


class SqlPrecedentRepository:
    def __init__(self, session: Session, clock: Clock = utcnow) -> None:
        self.session = session
        self.plans = SqlPlanRepository(session, clock)
        self.households = SqlHouseholdRepository(session, clock)

    def candidates(self, wanted: PrecedentFilter) -> Iterator[PrecedentSource]:
        decided = [status.value for status in DECIDED_STATUSES]
        newest = (
            select(col(PlanRow.household_id).label("household_id"), func.max(col(PlanRow.plan_version)).label("v"))
            .where(col(PlanRow.status).in_(decided))
            .group_by(col(PlanRow.household_id))
            .subquery()
        )
        stmt = (
            select(col(HouseholdRow.case_number), col(PlanRow.plan_version), col(PlanRow.household_id))
            .join(newest, and_(newest.c.household_id == col(PlanRow.household_id),
                               newest.c.v == col(PlanRow.plan_version)))
            .join(HouseholdRow, col(HouseholdRow.id) == col(PlanRow.household_id))
        )
        if wanted.exclude_case:
            stmt = stmt.where(col(HouseholdRow.case_number) != wanted.exclude_case)
        if wanted.rechtsgrond:
            stmt = stmt.where(exists().where(col(PlanLegalBasisRow.plan_id) == col(PlanRow.id),
                                             col(PlanLegalBasisRow.basis_id) == wanted.rechtsgrond))
        if wanted.leefgebied:
            stmt = stmt.where(col(PlanRow.obstacle_leefgebied) == wanted.leefgebied)
        for word in wanted.knelpunt_words:
            stmt = stmt.where(
                select(col(EscalationRow.id))
                .join(EscalationKnelpuntRow, col(EscalationKnelpuntRow.escalation_id) == col(EscalationRow.id))
                .join(KnelpuntRow, col(KnelpuntRow.id) == col(EscalationKnelpuntRow.knelpunt_id))
                .where(col(EscalationRow.household_id) == col(PlanRow.household_id),
                       col(KnelpuntRow.search_text).contains(word, autoescape=True))
                .exists()
            )
        if wanted.action_words or wanted.action_bases:
            by_words = exists().where(
                col(PlanActionRow.plan_id) == col(PlanRow.id),
                or_(*[func.lower(col(PlanActionRow.what)).contains(w, autoescape=True) for w in wanted.action_words]),
            )
            by_basis = exists().where(
                col(PlanLegalBasisRow.plan_id) == col(PlanRow.id),
                col(PlanLegalBasisRow.kind) == "actie",
                col(PlanLegalBasisRow.basis_id).in_(wanted.action_bases),
            )
            stmt = stmt.where(or_(by_words, by_basis))
        # The domain's order (domain/precedent.py, `find_precedents`): geëvalueerd first, then plans with an
        # evaluation, then the newest decision — so the domain can stop at the first `limit` matches.
        evaluated = case((col(PlanRow.status) == PlanStatus.GEEVALUEERD.value, 1), else_=0)
        has_evaluation = case((exists().where(col(PlanEvaluationRow.plan_id) == col(PlanRow.id)), 1), else_=0)
        stmt = stmt.order_by(evaluated.desc(), has_evaluation.desc(), col(PlanRow.decided_on).desc(),
                             col(PlanRow.id).desc()).limit(wanted.candidates)
        for case_number, plan_version, household_id in self.session.execute(stmt).all():
            knelpunten = self._knelpunten(household_id)
            yield PrecedentSource(
                plan=self.plans.get(case_number, plan_version),
                household=self.households.get(case_number),
                knelpunten=tuple(title for title, _ in knelpunten),
                knelpunt_text=" ".join(text for _, text in knelpunten),
            )

    def _knelpunten(self, household_id: int) -> list[tuple[str, str]]:
        rows = self.session.execute(
            select(col(KnelpuntRow.title), col(KnelpuntRow.search_text))
            .join(EscalationKnelpuntRow, col(EscalationKnelpuntRow.knelpunt_id) == col(KnelpuntRow.id))
            .join(EscalationRow, col(EscalationRow.id) == col(EscalationKnelpuntRow.escalation_id))
            .where(col(EscalationRow.household_id) == household_id)
            .distinct()
            .order_by(col(KnelpuntRow.title))
        ).all()
        return [(str(title), str(text)) for title, text in rows]
