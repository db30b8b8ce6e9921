"""Use case: the pseudonymised export for action research (columns and rules in domain/research.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from domain.actors import Actor
from domain.audit import AuditKind
from domain.ports import UnitOfWork
from domain.research import person_rows, research_row
from domain.services.bound import Bound
from domain.services.dashboard import dashboard_scope, require_dashboard
from domain.services.use_case import audit_event

RESEARCH_OBJECT = "onderzoeksexport"


def research_export(
    municipality_code: str,
    start: date,
    end: date,
    key: bytes,
    write: Callable[[Mapping[str, str]], None],
    uow: UnitOfWork,
    actor: Actor,
    *,
    today: date | None = None,
    per_person: bool = False,
) -> int:
    """Write one row per caseload household with `write` (per_person: one row per member with a ZRM score,
    `PERSON_COLUMNS`); returns the number of rows. The export itself is logged in the audit trail (kind
    export, the municipality and period; no household ids)."""
    scope = dashboard_scope(municipality_code, start, end, today=today)
    require_dashboard(actor, scope)
    count = 0
    with uow:
        for facts in uow.dashboard.research_facts(scope):
            if per_person:
                for row in person_rows(facts, key, scope.end):
                    write(row)
                    count += 1
            else:
                write(research_row(facts, key, scope.end))
                count += 1
        uow.audit.record(audit_event(
            actor, AuditKind.EXPORT, RESEARCH_OBJECT,
            f"{scope.municipality_code}/{scope.start.isoformat()}/{scope.end.isoformat()}",
            purpose=f"pseudonieme onderzoeksexport, {count} {'personen' if per_person else 'huishoudens'}",
        ))
        uow.commit()
    return count



class ResearchService(Bound):
    """The pseudonymised research export, bound to a unit of work and the actor."""

    def export(self, municipality_code: str, start: date, end: date, key: bytes,
               write: Callable[[Mapping[str, str]], None], *, today: date | None = None,
               per_person: bool = False) -> int:
        return research_export(municipality_code, start, end, key, write, self.uow, self.actor, today=today,
                               per_person=per_person)

__all__ = ["research_export", "RESEARCH_OBJECT"]
