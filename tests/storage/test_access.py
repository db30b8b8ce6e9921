"""Role × use-case matrix for the household services, enforced in the services themselves (on the in-memory
fakes: the rules live in the services, not in SQL; tests/storage/test_rls.py checks the database's own rules)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from domain.access import AccessDenied, ReasonRequired
from domain.actors import Actor, Role
from domain.audit import AuditKind
from domain.caselist import CaseListQuery
from domain.services import households as service
from domain.services.audit import case_history, verify_audit
from domain.services.households import parse_draft
from tests.fakes import FakeDatabase

AMSTERDAM = frozenset({"GM0363"})
OWN = Actor(
    username="fbouzid",
    display_name="Fatima Bouzid",
    role=Role.PROFESSIONAL,
    municipality_codes=AMSTERDAM,
    team="Wijkteam Oost",
)
TEAMMATE = Actor(
    username="pjansen",
    display_name="Piet Jansen",
    role=Role.PROFESSIONAL,
    municipality_codes=AMSTERDAM,
    team="Wijkteam Oost",
)
OTHER_TEAM = Actor(
    username="kdevries",
    display_name="Kim de Vries",
    role=Role.PROFESSIONAL,
    municipality_codes=AMSTERDAM,
    team="Wijkteam West",
)
OTHER_TOWN = Actor(
    username="rbakker",
    display_name="Rob Bakker",
    role=Role.PROFESSIONAL,
    municipality_codes=frozenset({"GM0599"}),
    team="Wijkteam Oost",
)
COORDINATOR = Actor(
    username="coord", display_name="Carla Coördinator", role=Role.COORDINATOR, municipality_codes=AMSTERDAM
)
OTHER_COORDINATOR = Actor(
    username="coord2", display_name="Cees", role=Role.COORDINATOR, municipality_codes=frozenset({"GM0599"})
)
LET = Actor(username="let1", display_name="LET-lid", role=Role.LET)
BEHEER = Actor(username="beheer", display_name="Beheerder", role=Role.BEHEER)


@pytest.fixture
def case(fake_db: FakeDatabase) -> str:
    h = service.create_household(
        parse_draft({
            "name": "Huishouden Yilmaz",
            "municipality_code": "GM0363",
            "professional": "Fatima Bouzid",
            "team": "Wijkteam Oost",
        }),
        fake_db.uow(),
        OWN,
    )
    assert h.case_number
    return h.case_number


def outcome(call: Callable[[], Any]) -> str:
    try:
        call()
    except ReasonRequired:
        return "reason"
    except AccessDenied:
        return "denied"
    return "ok"


MATRIX = [
    # actor, view, edit, export, list-sees-case
    (OWN, "ok", "ok", "ok", True),
    (TEAMMATE, "ok", "ok", "ok", True),
    (OTHER_TEAM, "reason", "reason", "reason", True),
    (OTHER_TOWN, "denied", "denied", "denied", False),
    (COORDINATOR, "ok", "ok", "ok", True),
    (OTHER_COORDINATOR, "denied", "denied", "denied", False),
    (LET, "denied", "denied", "denied", None),
    (BEHEER, "denied", "denied", "denied", None),
]


@pytest.mark.parametrize(("actor", "view", "edit", "export", "sees"), MATRIX, ids=[m[0].username for m in MATRIX])
def test_role_matrix(
    fake_db: FakeDatabase, case: str, actor: Actor, view: str, edit: str, export: str, sees: bool | None
) -> None:
    db = fake_db
    assert outcome(lambda: service.get_household(case, db.uow(), actor)) == view
    version = service.get_household(case, db.uow(), COORDINATOR).version
    data = {
        "name": "Huishouden Yilmaz",
        "municipality_code": "GM0363",
        "professional": "Fatima Bouzid",
        "team": "Wijkteam Oost",
    }
    assert outcome(lambda: service.update_household(case, parse_draft(data), version, db.uow(), actor)) == edit
    assert outcome(lambda: service.export_household(case, db.uow(), actor)) == export
    if sees is None:
        assert outcome(lambda: service.list_cases(CaseListQuery(), db.uow(), actor)) == "denied"
    else:
        numbers = [r.case_number for r in service.list_cases(CaseListQuery(), db.uow(), actor).rows]
        assert (case in numbers) == sees


def test_break_glass_reason_is_logged(fake_db: FakeDatabase, case: str) -> None:
    db = fake_db
    with pytest.raises(ReasonRequired):
        service.get_household(case, db.uow(), OTHER_TEAM, purpose="   ")
    service.get_household(case, db.uow(), OTHER_TEAM, purpose="Vervanging tijdens vakantie van Fatima")
    reads = [r for r in case_history(case, db.uow(), COORDINATOR) if r.event.kind is AuditKind.READ]
    assert reads[-1].event.username == "kdevries"
    assert reads[-1].event.break_glass is True
    assert reads[-1].event.purpose == "Vervanging tijdens vakantie van Fatima"


def test_creating_outside_own_municipality_is_refused(fake_db: FakeDatabase) -> None:
    with pytest.raises(AccessDenied, match="GM0599"):
        service.create_household(parse_draft({"name": "X", "municipality_code": "GM0599"}), fake_db.uow(), OWN)


def test_audit_access(fake_db: FakeDatabase, case: str) -> None:
    assert outcome(lambda: case_history(case, fake_db.uow(), OWN)) == "denied"
    assert outcome(lambda: case_history(case, fake_db.uow(), COORDINATOR)) == "ok"
    assert outcome(lambda: verify_audit(fake_db.uow(), BEHEER)) == "ok"
    assert outcome(lambda: verify_audit(fake_db.uow(), LET)) == "denied"
