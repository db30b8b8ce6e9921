"""Use case: search precedents — decided plans of other households, pseudonymised (domain/precedent.py).

Every search is logged: one `search` record for the query (its criteria, how many were shown; no household
data), and one `read` record per precedent shown, on that plan version (`maatwerkplan`, `CASE/VERSION`), so
the audit trail of the household whose plan was shown says who saw it as a precedent, and when.
"""

from __future__ import annotations

from datetime import date

from domain.access import Permission
from domain.actors import Actor
from domain.audit import AuditKind
from domain.ports import UnitOfWork
from domain.precedent import PrecedentPage, PrecedentQuery, find_precedents, storage_filter
from domain.services.bound import Bound
from domain.services.casework import today_or
from domain.services.plan_common import PLAN_OBJECT
from domain.services.use_case import UseCase

PRECEDENT_OBJECT = "precedenten"
PRECEDENT_PERMISSION = Permission.VIEW_CASE
"""Who may search: whoever works on cases (professionals, coordinators, trainers, the owner)."""


def search_precedents(
    query: PrecedentQuery, uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> PrecedentPage:
    day = today_or(today)
    with UseCase(uow, actor, PRECEDENT_PERMISSION) as case:
        found, seen = find_precedents(case.uow.precedents.candidates(storage_filter(query)), query, actor, day)
        criteria = query.criteria
        summary = ", ".join(criteria) or "alle besloten plannen"
        case.record(AuditKind.SEARCH, PRECEDENT_OBJECT, "zoekopdracht",
                    purpose=f"precedenten gezocht: {summary}; {len(found)} getoond")
        for source, precedent in found:
            shown = "eigen gemeente" if precedent.eigen_gemeente else "gepseudonimiseerd"
            case.record(AuditKind.READ, PLAN_OBJECT, f"{source.plan.case_number}/{source.plan.plan_version}",
                        purpose=f"bekeken als precedent ({shown})")
        case.commit()
    return PrecedentPage(criteria=criteria, precedenten=[p for _, p in found], bekeken=seen)


class PrecedentService(Bound):
    """The precedent search, bound to a unit of work and the actor."""

    def search(self, query: PrecedentQuery, *, today: date | None = None) -> PrecedentPage:
        return search_precedents(query, self.uow, self.actor, today=today)


__all__ = ["PRECEDENT_OBJECT", "PrecedentService", "search_precedents"]
