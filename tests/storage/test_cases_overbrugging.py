"""Overbruggingen through the services on SQLite and PostgreSQL (the `db` fixture runs both)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.access import AccessDenied, ReasonRequired
from domain.actors import Actor, Role
from domain.errors import IllegalTransition, InvalidInput, NotFound, StaleVersion
from domain.overbrugging import OverbruggingQuery, OverbruggingStatus
from domain.services import overbrugging as service
from storage.bootstrap import Database
from tests.builders import DECIDER, TODAY, decider_for, make_household, overbrugging_draft

S = OverbruggingStatus


def started(db: Database, case_number: str, **extra: object) -> int:
    """Request, grant and start an overbrugging; return its id."""
    result = service.request_overbrugging(
        case_number, overbrugging_draft(**extra), db.uow(), db.actor, today=date(2026, 9, 1)
    )
    ob = result.overbrugging
    assert ob.id is not None
    ob = service.change_overbrugging_status(
        ob.id, S.TOEGEKEND, ob.version, db.uow(), decider_for(db, case_number), today=date(2026, 9, 2)
    ).overbrugging
    ob = service.change_overbrugging_status(
        ob.id, S.INGEZET, ob.version, db.uow(), db.actor, today=date(2026, 9, 3)
    ).overbrugging
    assert ob.id is not None
    return ob.id


def test_full_lifecycle_roundtrip(db: Database) -> None:
    case = make_household(db)
    oid = started(db, case)
    ob = service.get_overbrugging(oid, db.uow(), db.actor)
    assert ob.status is S.INGEZET and ob.case_number == case
    assert ob.laws_in_dispute[1].value == "Wmo 2015" and ob.organisations_in_dispute[1] == "Zorgkantoor Amstelland"
    assert ob.cap == Decimal("5000.00") and ob.expected_cost == Decimal("4200.00")

    result = service.book_cost(
        oid,
        {"amount": "2500.25", "description": "Begeleiding september", "booked_on": "2026-09-30"},
        ob.version,
        db.uow(),
        db.actor,
        today=TODAY,
    )
    assert result.warnings == []
    result = service.book_cost(
        oid,
        {"amount": "2600.00", "description": "Begeleiding oktober"},
        result.overbrugging.version,
        db.uow(),
        db.actor,
        today=TODAY,
    )
    assert result.overbrugging.total_costs == Decimal("5100.25")
    assert any("overschrijden het plafond" in w for w in result.warnings)
    assert result.overbrugging.costs[1].booked_on == TODAY and result.overbrugging.costs[1].by == db.actor.display_name

    result = service.settle_overbrugging(
        oid,
        {
            "shares": [
                {"payer": "Zorgkantoor Amstelland", "legal_framework": "Wlz", "percentage": "66.67"},
                {"payer": "Gemeente Amsterdam", "percentage": "33.33"},
            ],
            "note": "Wlz-indicatie met terugwerkende kracht",
        },
        result.overbrugging.version,
        db.uow(),
        db.actor,
        today=date(2026, 11, 5),
    )
    ob = result.overbrugging
    assert ob.status is S.VERREKENING_BESLOTEN and ob.settlement is not None
    assert ob.settlement.amount == Decimal("5100.25")  # the booked costs by default
    assert ob.settlement.shares[0].legal_framework is not None and ob.settlement.shares[0].percentage == Decimal(
        "66.67"
    )
    assert [(r.payer, r.amount) for r in ob.repayments()] == [("Zorgkantoor Amstelland", Decimal("3400.34"))]
    with pytest.raises(IllegalTransition, match="terugbetaling"):
        service.change_overbrugging_status(oid, S.AFGESLOTEN, ob.version, db.uow(), db.actor)
    ob = service.record_repayment(oid, date(2026, 11, 20), ob.version, db.uow(), db.actor).overbrugging
    ob = service.change_overbrugging_status(
        oid, S.AFGESLOTEN, ob.version, db.uow(), db.actor, on=date(2026, 11, 21)
    ).overbrugging
    again = service.get_overbrugging(oid, db.uow(), db.actor)
    assert again.status is S.AFGESLOTEN and again.settlement is not None
    assert again.settlement.repaid_on == date(2026, 11, 20) and again.settlement.note.startswith("Wlz")
    assert [(s.status, s.on) for s in again.steps] == [
        ("aangevraagd", date(2026, 9, 1)),
        ("toegekend", date(2026, 9, 2)),
        ("ingezet", date(2026, 9, 3)),
        ("verrekening_besloten", date(2026, 11, 5)),
        ("afgesloten", date(2026, 11, 21)),
    ]
    assert [s.username for s in again.steps] == [db.actor.username, DECIDER.username, *[db.actor.username] * 3]
    with db.uow() as uow:
        kinds = [r.event.kind.value for r in uow.audit.records("overbrugging", f"OB-{oid}")]
    assert kinds[0] == "create" and kinds.count("update") == 7 and "read" in kinds


def test_stale_save_is_refused_and_nothing_changes(db: Database) -> None:
    oid = started(db, make_household(db))
    version = service.get_overbrugging(oid, db.uow(), db.actor).version
    service.book_cost(oid, {"amount": "100", "description": "Eerste"}, version, db.uow(), db.actor)
    with pytest.raises(StaleVersion, match="intussen door iemand anders gewijzigd"):
        service.book_cost(oid, {"amount": "200", "description": "Tweede"}, version, db.uow(), db.actor)
    assert service.get_overbrugging(oid, db.uow(), db.actor).total_costs == Decimal("100.00")


def test_invalid_input_names_fields_and_writes_nothing(db: Database) -> None:
    case = make_household(db)
    with pytest.raises(InvalidInput) as info:
        service.request_overbrugging(
            case, overbrugging_draft(cap="-5", laws_in_dispute=[], voorfinancier=""), db.uow(), db.actor
        )
    assert {p.path for p in info.value.problems} >= {"cap", "laws_in_dispute", "voorfinancier"}
    assert service.list_overbruggingen(OverbruggingQuery(), db.uow(), db.actor).total == 0
    with pytest.raises(NotFound):
        service.request_overbrugging("DB-2026-999999", overbrugging_draft(), db.uow(), db.actor)
    with pytest.raises(NotFound, match="OB-999"):
        service.get_overbrugging(999, db.uow(), db.actor)


def test_update_request_details_until_closed(db: Database) -> None:
    case = make_household(db)
    ob = service.request_overbrugging(case, overbrugging_draft(), db.uow(), db.actor).overbrugging
    assert ob.id is not None
    result = service.update_overbrugging(ob.id, overbrugging_draft(cap="3000.00"), ob.version, db.uow(), db.actor)
    assert result.overbrugging.cap == Decimal("3000.00")
    assert "De verwachte kosten liggen boven het plafond." in result.warnings
    rejected = service.change_overbrugging_status(
        ob.id, S.AFGEWEZEN, result.overbrugging.version, db.uow(), db.actor, note="Betaler staat vast"
    ).overbrugging
    with pytest.raises(IllegalTransition, match="niet meer"):
        service.update_overbrugging(ob.id, overbrugging_draft(), rejected.version, db.uow(), db.actor)


def test_list_filters_and_pages(db: Database) -> None:
    amsterdam = make_household(db)
    rotterdam = make_household(db, name="Huishouden El Amrani", municipality_code="GM0599")
    late = started(db, amsterdam, settlement_deadline="2026-10-01")
    over = started(db, rotterdam, cap="100.00", expected_cost="50.00")
    version = service.get_overbrugging(over, db.uow(), db.actor).version
    service.book_cost(over, {"amount": "150", "description": "Factuur"}, version, db.uow(), db.actor)
    service.request_overbrugging(amsterdam, overbrugging_draft(settlement_deadline="2027-06-01"), db.uow(), db.actor)

    def ids(query: OverbruggingQuery, actor: Actor | None = None) -> list[int]:
        return [r.id for r in service.list_overbruggingen(query, db.uow(), actor or db.actor).rows]

    assert ids(OverbruggingQuery(past_deadline_on=TODAY)) == [late]
    assert ids(OverbruggingQuery(over_cap=True)) == [over]
    assert len(ids(OverbruggingQuery(case_number=amsterdam))) == 2
    assert len(ids(OverbruggingQuery(statuses=frozenset({S.AANGEVRAAGD})))) == 1
    page = service.list_overbruggingen(OverbruggingQuery(limit=2), db.uow(), db.actor)
    assert page.total == 3 and len(page.rows) == 2 and page.rows[0].id == late  # earliest deadline first
    assert page.rows[0].household_name == "Huishouden Özdemir" and page.rows[0].past_settlement_deadline(TODAY)
    rotterdam_coordinator = Actor(
        username="c", display_name="C", role=Role.COORDINATOR, municipality_codes=frozenset({"GM0599"})
    )
    assert ids(OverbruggingQuery(), rotterdam_coordinator) == [over]


def test_access_follows_the_case(db: Database) -> None:
    case = make_household(db)
    oid = started(db, case)
    other_team = Actor(
        username="k",
        display_name="Kim",
        role=Role.PROFESSIONAL,
        municipality_codes=frozenset({"GM0363"}),
        team="Wijkteam West",
    )
    with pytest.raises(ReasonRequired):
        service.get_overbrugging(oid, db.uow(), other_team)
    assert service.get_overbrugging(oid, db.uow(), other_team, purpose="Vervanging collega").id == oid
    with pytest.raises(AccessDenied):
        service.get_overbrugging(oid, db.uow(), Actor(username="l", display_name="LET", role=Role.LET))
    with pytest.raises(AccessDenied):
        service.list_overbruggingen(
            OverbruggingQuery(), db.uow(), Actor(username="b", display_name="B", role=Role.BEHEER)
        )
