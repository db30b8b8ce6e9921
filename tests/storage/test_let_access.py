"""The LET sees only pseudonymised dossiers and knelpunten: never a name, BSN, address or date of birth.

Every use case the LET may call is called here and its whole result searched for the household's
identifying data; every other use case on cases must refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.audit import AuditQuery
from domain.caselist import CaseListQuery
from domain.escalation import EscalationQuery
from domain.knelpunt import KnelpuntQuery
from domain.overbrugging import OverbruggingQuery
from domain.register import parse_query
from domain.retention import RetentionSettings
from domain.services import escalation, households, knelpunten, overbrugging, plans, privacy, register, signals
from domain.services.audit import audit_log, case_history
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import TODAY, make_household, submitted

LET = Actor(username="let1", display_name="LET-lid", role=Role.LET)
IDENTIFYING = ["Özdemir", "Ayşe", "Emre", "999993653", "Dapperstraat", "1093 BS", "1093BS", "1984-02-29",
               "2009-02-14", "29-02-1984"]


def leaks(result: Any) -> list[str]:
    text = result.model_dump_json() if hasattr(result, "model_dump_json") else repr(result)
    return [needle for needle in IDENTIFYING if needle in text]


def test_what_the_let_may_see_carries_no_identifying_data(sqlite_db: Database) -> None:
    db = sqlite_db
    case = make_household(db)
    eid = submitted(db, case)
    e = escalation.get_escalation(eid, db.uow(), db.actor)
    escalation.raise_knelpunt(eid, {"title": "Boete loopt op bij gestopte uitkering", "category": "uitvoering",
                                    "organisation": "CJIB", "unintended_effect": "Schulden groeien door"},
                              e.version, db.uow(), db.actor, today=TODAY)
    seen: list[Any] = [
        escalation.view_dossier(eid, db.uow(), LET, today=TODAY),
        knelpunten.list_knelpunten(KnelpuntQuery(), db.uow(), LET),
        knelpunten.knelpunten_report(db.uow(), LET),
        escalation.resolution_times(db.uow(), LET),
        register.search_contacts(parse_query({"text": "CJIB"}), db.uow(), LET, today=TODAY),
    ]
    page = seen[1]
    assert page.total == 1
    seen.append(knelpunten.get_knelpunt(page.rows[0].id, db.uow(), LET))
    for result in seen:
        assert leaks(result) == [], type(result).__name__
    dossier = seen[0]
    assert len(dossier.members) == 2 and dossier.knelpunten == ["Boete loopt op bij gestopte uitkering"]


def refused(call: Callable[[], Any]) -> bool:
    try:
        call()
    except AccessDenied:
        return True
    return False


def test_everything_else_is_refused(sqlite_db: Database) -> None:
    db = sqlite_db
    case = make_household(db)
    eid = submitted(db, case)
    calls: dict[str, Callable[[], Any]] = {
        "list_cases": lambda: households.list_cases(CaseListQuery(), db.uow(), LET),
        "get_household": lambda: households.get_household(case, db.uow(), LET, purpose="nieuwsgierig"),
        "export_household": lambda: households.export_household(case, db.uow(), LET),
        "update_household": lambda: households.update_household(
            case, parse_draft({"name": "X", "municipality_code": "GM0363"}), 1, db.uow(), LET),
        "create_household": lambda: households.create_household(
            parse_draft({"name": "X", "municipality_code": "GM0363"}), db.uow(), LET),
        "worklist": lambda: signals.worklist(db.uow(), LET, today=TODAY),
        "get_plan": lambda: plans.get_plan(case, db.uow(), LET),
        "plan_overview": lambda: plans.plan_overview(case, db.uow(), LET),
        "get_escalation": lambda: escalation.get_escalation(eid, db.uow(), LET),
        "list_escalations": lambda: escalation.list_escalations(EscalationQuery(), db.uow(), LET),
        "export_dossier": lambda: escalation.export_dossier(eid, db.uow(), LET),
        "list_overbruggingen": lambda: overbrugging.list_overbruggingen(OverbruggingQuery(), db.uow(), LET),
        "case_history": lambda: case_history(case, db.uow(), LET),
        "audit_log": lambda: audit_log(AuditQuery(), db.uow(), LET),
        "subject_access": lambda: privacy.subject_access(db.uow(), LET, bsn="999993653"),
        "purge": lambda: privacy.purge(db.uow(), LET, RetentionSettings(), date(2040, 1, 1), dry_run=True),
    }
    allowed = [name for name, call in calls.items() if not refused(call)]
    assert allowed == []
