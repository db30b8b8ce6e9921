"""Use case: the pseudonymised export for action research (columns and rules in domain/research.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from domain.actors import Actor
from domain.audit import AuditEvent, AuditKind
from domain.ports import UnitOfWork
from domain.research import research_row
from domain.services.dashboard import dashboard_scope, require_dashboard

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
) -> int:
    """Write one row per caseload household with `write`; returns the number of rows. The export itself is
    logged in the audit trail (kind export, the municipality and period; no household ids)."""
    scope = dashboard_scope(municipality_code, start, end, today=today)
    require_dashboard(actor, scope)
    count = 0
    with uow:
        for facts in uow.dashboard.research_facts(scope):
            write(research_row(facts, key, scope.end))
            count += 1
        uow.audit.record(
            AuditEvent(
                kind=AuditKind.EXPORT,
                object_type=RESEARCH_OBJECT,
                object_id=f"{scope.municipality_code}/{scope.start.isoformat()}/{scope.end.isoformat()}",
                username=actor.username,
                role=actor.role.value,
                purpose=f"pseudonieme onderzoeksexport, {count} huishoudens",
            )
        )
        uow.commit()
    return count


__all__ = ["research_export", "RESEARCH_OBJECT"]
