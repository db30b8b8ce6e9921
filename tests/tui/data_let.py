"""A shared test database with accounts, national escalations for the LMM-inbox and casework on a case
outside Anna de Vries's caseload (Huishouden Pietersen) — built through the services, all fictional.

On top of tests.tui.data (today 01-11-2026) and the accounts of tests.tui.data_trust:
- Familie Jansen (GM0363): LMM/LET, submitted 02-09-2026, taken in behandeling 09-09-2026 by the
  municipality with a note that names a member (the LET must not see it); consent LMM + LET until 2027;
- Huishouden El Amrani (GM0344): LMM/LET, submitted 01-10-2026, waiting;
- Familie Özdemir (GM0599): LMM/LET concept (not for the LET);
- Familie Willems (GM0935): LMM/LET submitted, consent expired on 15-10-2026 (not for the LET any more);
- Huishouden Pietersen (GM0363, Chantal Bakker's case): an overbrugging and a lokale escalation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from domain.audit import AuditKind
from domain.escalation import EscalationStatus
from domain.services.audit import case_history
from domain.services.escalation import change_escalation_status, get_escalation, start_escalation
from domain.services.mandates import add_mandate
from domain.services.overbrugging import request_overbrugging
from domain.services.users import create_user
from storage.bootstrap import Database
from tests.builders import escalation_draft, mandate_draft
from tests.tui.data import build
from tests.tui.data_casework import JANSEN_IDENTIFIERS, overbrugging_draft
from tests.tui.data_trust import ACCOUNTS, PASSWORD, _Hasher, open_shared
from tests.tui.pilot_support import open_test_database

JANSEN, EL_AMRANI, OZDEMIR, WILLEMS, PIETERSEN = 0, 2, 1, 7, 5
JANSEN_NOTE = "Petra belt zelf met het LET"
"""The municipality's note on the step in behandeling: it names a member, so the LET sees it withheld."""

__all__ = ["JANSEN_IDENTIFIERS", "PASSWORD", "LetData", "build_let", "trail"]


@dataclass
class LetData:
    numbers: list[str]
    jansen: int
    el_amrani: int
    concept: int
    expired: int
    pietersen_overbrugging: int
    pietersen_escalation: int


def _national(db: Database, case: str, submitted_on: date | None, **changes: Any) -> int:
    e = start_escalation(case, escalation_draft(**changes), db.uow(), db.actor, today=date(2026, 8, 20))
    assert e.id is not None
    if submitted_on is not None:
        change_escalation_status(e.id, EscalationStatus.INGEDIEND, e.version, db.uow(), db.actor, on=submitted_on,
                                 today=submitted_on)
    return e.id


def build_let(path: Path) -> LetData:
    db = open_test_database(path)
    try:
        numbers = build(db)
        jansen = _national(db, numbers[JANSEN], date(2026, 9, 2))
        e = get_escalation(jansen, db.uow(), db.actor)
        change_escalation_status(jansen, EscalationStatus.IN_BEHANDELING, e.version, db.uow(), db.actor,
                                 on=date(2026, 9, 9), note=JANSEN_NOTE)
        el_amrani = _national(db, numbers[EL_AMRANI], date(2026, 10, 1),
                              blockage="Geen briefadres, dus geen uitkering en geen schuldhulp",
                              requested_solution="Een briefadres via de gemeente en herstel van de uitkering")
        concept = _national(db, numbers[OZDEMIR], None)
        expired = _national(db, numbers[WILLEMS], date(2026, 9, 1), consent={
            "given": True, "given_on": "2026-08-15", "scope": "Delen met LMM en LET", "recipients": ["LMM", "LET"],
            "expires_on": "2026-10-15"})
        ob = request_overbrugging(numbers[PIETERSEN], overbrugging_draft(settlement_deadline="2027-03-01"),
                                  db.uow(), db.actor, today=date(2026, 10, 1)).overbrugging
        local = start_escalation(numbers[PIETERSEN], {
            "blockage": "De woningcorporatie wacht op een besluit van de gemeente over de huurachterstand.",
            "requested_solution": "Een betalingsregeling en uitstel van de ontruiming.",
        }, db.uow(), db.actor, today=date(2026, 10, 20))
        assert ob.id is not None and local.id is not None
        # Anna de Vries may grant overbruggingen in Amsterdam (she did not request Pietersen's).
        add_mandate(mandate_draft("GM0363", holder_username="avries", holder_name="Anna de Vries"), db.uow(),
                    db.actor)
        hasher = _Hasher()
        for username, name, role, codes, team in ACCOUNTS:
            create_user(db.uow(), db.actor, hasher, username=username, display_name=name, role=role,
                        password=PASSWORD, municipality_codes=codes, team=team)
    finally:
        db.close()
    return LetData(numbers, jansen, el_amrani, concept, expired, ob.id, local.id)


def trail(path: Path, case_number: str) -> list[tuple[AuditKind, str, str, bool, str]]:
    """(kind, object, user, break-glass, reason) of every record of the case, read by a coordinator."""
    coordinator = open_shared(path)
    coordinator.login("ccoord", PASSWORD)
    try:
        return [(r.event.kind, r.event.object_id, r.event.username, r.event.break_glass, r.event.purpose)
                for r in case_history(case_number, coordinator.uow(), coordinator.actor)]
    finally:
        coordinator.close()
