"""Who may read the audit trail, and how: a case's history, the whole log (paged, filtered), values hidden."""

from __future__ import annotations

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.audit import AuditKind, AuditQuery
from domain.services import households as service
from domain.services.audit import audit_log, case_history
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import TEST_ACTOR

AMSTERDAM = frozenset({"GM0363"})
COORDINATOR = Actor(username="coord", display_name="Carla", role=Role.COORDINATOR, municipality_codes=AMSTERDAM)
UTRECHT_COORDINATOR = Actor(username="coord2", display_name="Cees", role=Role.COORDINATOR,
                            municipality_codes=frozenset({"GM0344"}))
BEHEER = Actor(username="beheer", display_name="Bea", role=Role.BEHEER)
OTHER_TEAM = Actor(username="kdevries", display_name="Kim de Vries", role=Role.PROFESSIONAL,
                   municipality_codes=AMSTERDAM, team="Wijkteam West")


def two_cases(db: Database) -> tuple[str, str]:
    amsterdam = service.create_household(
        parse_draft({"name": "Huishouden Yilmaz", "municipality_code": "GM0363", "professional": "Fatima Bouzid",
         "team": "Wijkteam Oost"}), db.uow(), TEST_ACTOR)
    utrecht = service.create_household(parse_draft({"name": "Huishouden Bakker", "municipality_code": "GM0344"}),
                                       db.uow(), TEST_ACTOR)
    assert amsterdam.case_number and utrecht.case_number
    return amsterdam.case_number, utrecht.case_number


def test_case_history_is_for_coordinators_of_that_municipality(db: Database) -> None:
    amsterdam, _ = two_cases(db)
    h = service.get_household(amsterdam, db.uow(), TEST_ACTOR)
    service.update_household(amsterdam,
        parse_draft({**h.model_dump(include=service.EDITABLE_FIELDS), "name": "Huishouden Y."}),
                             h.version, db.uow(), TEST_ACTOR)
    records = case_history(amsterdam, db.uow(), COORDINATOR)
    assert records[-1].event.changes["name"] == ("Huishouden Yilmaz", "Huishouden Y.")
    with pytest.raises(AccessDenied):
        case_history(amsterdam, db.uow(), UTRECHT_COORDINATOR)
    with pytest.raises(AccessDenied):
        case_history(amsterdam, db.uow(), OTHER_TEAM)  # professionals never see the log


def test_beheer_sees_the_records_but_not_the_values(db: Database) -> None:
    amsterdam, _ = two_cases(db)
    records = case_history(amsterdam, db.uow(), BEHEER)
    assert records and records[0].event.kind is AuditKind.CREATE
    assert all(not r.event.changes for r in records)
    assert records[0].changes_digest  # there were values; they are only withheld


def test_looking_at_the_log_is_itself_logged(db: Database) -> None:
    amsterdam, _ = two_cases(db)
    case_history(amsterdam, db.uow(), COORDINATOR)
    audit_log(AuditQuery(text="coord"), db.uow(), BEHEER)
    page = audit_log(AuditQuery(), db.uow(), BEHEER)
    looked = [r for r in page.records if r.event.object_type == "audit"]
    assert (looked[0].event.kind, looked[0].event.purpose) == (AuditKind.SEARCH, "zoekterm: coord")
    assert any(r.event.username == "coord" and r.event.object_id == amsterdam for r in looked)


def test_whole_log_is_paged_newest_first_and_filtered(db: Database) -> None:
    amsterdam, utrecht = two_cases(db)
    for _ in range(5):
        service.get_household(utrecht, db.uow(), TEST_ACTOR)
    service.get_household(amsterdam, db.uow(), OTHER_TEAM, purpose="vervanging tijdens vakantie")
    first = audit_log(AuditQuery(limit=3), db.uow(), BEHEER)
    assert first.total >= 8 and len(first.records) == 3
    assert [r.sequence for r in first.records] == sorted((r.sequence for r in first.records), reverse=True)
    second = audit_log(AuditQuery(limit=3, before=first.records[-1].sequence), db.uow(), BEHEER)
    assert second.records[0].sequence == first.records[-1].sequence - 1  # no gap, no overlap
    outside = audit_log(AuditQuery(break_glass_only=True), db.uow(), BEHEER)
    assert [r.event.purpose for r in outside.records] == ["vervanging tijdens vakantie"]
    by_text = audit_log(AuditQuery(text="KDEVRIES"), db.uow(), BEHEER)
    assert {r.event.username for r in by_text.records} == {"kdevries"}
    creates = audit_log(AuditQuery(kind=AuditKind.CREATE), db.uow(), BEHEER)
    assert {r.event.object_id for r in creates.records} == {amsterdam, utrecht}
    assert all(not r.event.changes for r in creates.records)  # the list never carries values


def test_a_coordinator_sees_only_the_records_of_own_municipality(db: Database) -> None:
    amsterdam, utrecht = two_cases(db)
    service.get_household(utrecht, db.uow(), TEST_ACTOR)
    page = audit_log(AuditQuery(), db.uow(), COORDINATOR)
    assert {r.event.object_id for r in page.records} == {amsterdam}
