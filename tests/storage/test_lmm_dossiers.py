"""The LMM-inbox and the LMM/LET's handling, on SQLite and PostgreSQL: only submitted national escalations
whose consent covers the LMM/LET today, only pseudonymised content, every view audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import IllegalTransition, InvalidInput, StaleVersion
from domain.escalation import Escalation, EscalationStatus
from domain.lmm import NO_CONSENT, WITHHELD_NOTE, LmmQuery
from domain.services import escalation as escalation_service
from domain.services import households
from domain.services.households import parse_draft
from domain.services.lmm import lmm_dossier, lmm_dossiers, record_lmm_handling
from storage.bootstrap import Database
from tests.builders import TODAY, escalation_draft, make_household, submitted

E = EscalationStatus
LET = Actor(username="let1", display_name="LET-lid", role=Role.LET)
PROFESSIONAL = Actor(username="fb", display_name="Fatima Bouzid", role=Role.PROFESSIONAL, team="Wijkteam Oost")
IDENTIFYING = ["Özdemir", "Ayşe", "Emre", "999993653", "Dapperstraat", "1093 BS", "1093BS", "1984-02-29",
               "2009-02-14", "29-02-1984", "14-02-2009", "Rik", "Rotterdam-Zuid", "Coolsingel", "3011"]


def leaks(result: Any, case_numbers: list[str]) -> list[str]:
    text = result.model_dump_json()
    return [needle for needle in [*IDENTIFYING, *case_numbers] if needle in text]


def legacy_submitted(db: Database, case: str, recipients: list[str]) -> int:
    """A national escalation submitted before the recipients rule existed (written past the service)."""
    with db.uow() as uow:
        draft = escalation_draft().model_dump()
        draft["consent"]["recipients"] = recipients
        e = uow.escalations.add(Escalation.model_validate({
            **draft, "case_number": case, "status": "ingediend", "created_on": date(2026, 9, 1),
            "submitted_on": date(2026, 9, 3),
            "steps": [{"status": "concept", "on": date(2026, 9, 1), "by": "Oud"},
                      {"status": "ingediend", "on": date(2026, 9, 3), "by": "Oud"}],
        }))
        uow.commit()
    assert e.id is not None
    return e.id


@pytest.fixture
def scene(db: Database) -> dict[str, Any]:
    amsterdam = make_household(db)
    rotterdam = make_household(
        db, name="Huishouden Rik", municipality_code="GM0599",
        address={"street": "Coolsingel", "house_number": "1", "postcode": "3011 AD", "city": "Rotterdam"},
        members=[{"name": "Rik Rotterdam-Zuid", "date_of_birth": "1970-01-01", "role": "hoofdbewoner"}])
    waiting = submitted(db, amsterdam, on=date(2026, 9, 2))
    started = submitted(db, rotterdam, on=date(2026, 8, 20))
    e = escalation_service.get_escalation(started, db.uow(), db.actor)
    escalation_service.change_escalation_status(started, E.IN_BEHANDELING, e.version, db.uow(), db.actor,
                                                on=date(2026, 8, 25), note="Opgepakt; Rik belt zelf")
    concept = escalation_service.start_escalation(amsterdam, escalation_draft(), db.uow(), db.actor, today=TODAY)
    regional = submitted(db, amsterdam, level="regionaal")
    expired = submitted(db, amsterdam, consent={"given": True, "given_on": "2026-08-15", "scope": "Delen met LMM",
                                                "recipients": ["LMM", "LET"], "expires_on": "2026-10-01"})
    other_recipients = legacy_submitted(db, amsterdam, ["Regionaal escalatieteam"])
    return {"cases": [amsterdam, rotterdam], "waiting": waiting, "started": started, "concept": concept.id,
            "regional": regional, "expired": expired, "other_recipients": other_recipients}


def test_the_inbox_lists_only_what_the_consent_covers(db: Database, scene: dict[str, Any]) -> None:
    page = lmm_dossiers(LmmQuery(), db.uow(), LET, today=TODAY)
    assert [r.escalation_id for r in page.rows] == [scene["started"], scene["waiting"]]  # oldest submission first
    assert page.total == 2 and leaks(page, scene["cases"]) == []
    first = page.rows[0]
    assert (first.municipality, first.status, first.waiting_days) == ("Rotterdam", E.IN_BEHANDELING, 73)
    assert first.reference.startswith("GM0599-ESC-") and first.composition == "1 volwassene (45-66 jaar)"
    assert first.knelpunt == "De boete loopt op terwijl de uitkering is stopgezet" and not first.withheld
    assert {(m.code, m.count) for m in page.municipalities} == {("GM0363", 1), ("GM0599", 1)}
    only = lmm_dossiers(LmmQuery(municipality_code="GM0363"), db.uow(), LET, today=TODAY)
    assert [r.escalation_id for r in only.rows] == [scene["waiting"]]
    assert only.status_counts == {E.INGEDIEND: 1}
    started = lmm_dossiers(LmmQuery(statuses=frozenset({E.IN_BEHANDELING})), db.uow(), LET, today=TODAY)
    assert [r.escalation_id for r in started.rows] == [scene["started"]]
    second = lmm_dossiers(LmmQuery(offset=1, limit=1), db.uow(), LET, today=TODAY)
    assert [r.escalation_id for r in second.rows] == [scene["waiting"]] and second.total == 2
    # The day after the consent ran out, it is gone from the inbox too.
    assert lmm_dossiers(LmmQuery(), db.uow(), LET, today=date(2027, 8, 16)).total == 0


def test_opening_is_refused_outside_the_rule_and_audited_inside(db: Database, scene: dict[str, Any]) -> None:
    for key in ("concept", "regional"):
        with pytest.raises(AccessDenied, match="landelijke"):
            lmm_dossier(scene[key], db.uow(), LET, today=TODAY)
    for key in ("expired", "other_recipients"):
        with pytest.raises(AccessDenied) as refused:
            lmm_dossier(scene[key], db.uow(), LET, today=TODAY)
        assert refused.value.message == NO_CONSENT
        with pytest.raises((AccessDenied, InvalidInput)):
            escalation_service.view_dossier(scene[key], db.uow(), LET, today=TODAY)
    view = lmm_dossier(scene["started"], db.uow(), LET, today=TODAY)
    assert view.dossier is not None and leaks(view, scene["cases"]) == []
    assert view.next_states == [E.OPGELOST, E.NIET_OPGELOST, E.TERUGGELEGD]
    # The municipality's step note named a member: withheld, not shown.
    assert [(s.status, s.note) for s in view.steps] == [(E.INGEDIEND, ""), (E.IN_BEHANDELING, WITHHELD_NOTE)]
    lmm_dossiers(LmmQuery(), db.uow(), LET, today=TODAY)
    with db.uow() as uow:
        opened = [r.event for r in uow.audit.records("escalation", f"ESC-{scene['started']}")
                  if r.event.username == "let1"]
        listed = [r.event for r in uow.audit.records("escalation", "lmm-inbox")]
    assert [(e.kind.value, e.purpose) for e in opened] == [("read", "gepseudonimiseerd dossier (LMM/LET)")]
    assert listed[-1].username == "let1" and view.row.reference in listed[-1].purpose
    assert leaks_text(" ".join(e.purpose for e in listed), scene["cases"]) == []


def leaks_text(text: str, case_numbers: list[str]) -> list[str]:
    return [needle for needle in [*IDENTIFYING, *case_numbers] if needle in text]


def test_the_let_records_its_handling(db: Database, scene: dict[str, Any]) -> None:
    eid = scene["waiting"]
    view = lmm_dossier(eid, db.uow(), LET, today=TODAY)
    assert view.next_states == [E.IN_BEHANDELING, E.TERUGGELEGD]
    with pytest.raises(IllegalTransition, match="indienen doet de gemeente"):
        record_lmm_handling(eid, E.INGEDIEND, view.version, db.uow(), LET, today=TODAY)
    with pytest.raises(InvalidInput, match="BSN"):
        record_lmm_handling(eid, E.IN_BEHANDELING, view.version, db.uow(), LET, note="SVB kent 999993653",
                            today=TODAY)
    with pytest.raises(InvalidInput, match="teruggelegd"):
        record_lmm_handling(eid, E.TERUGGELEGD, view.version, db.uow(), LET, today=TODAY)
    with pytest.raises(AccessDenied, match="afhandelen"):
        record_lmm_handling(eid, E.IN_BEHANDELING, view.version, db.uow(), PROFESSIONAL, today=TODAY)
    taken = record_lmm_handling(eid, E.IN_BEHANDELING, view.version, db.uow(), LET, on=date(2026, 10, 1),
                                note="Casusregisseur LET toegewezen", today=TODAY)
    assert taken.row.status is E.IN_BEHANDELING and taken.row.started_on == date(2026, 10, 1)
    with pytest.raises(StaleVersion):
        record_lmm_handling(eid, E.OPGELOST, view.version, db.uow(), LET, today=TODAY)
    done = record_lmm_handling(eid, E.OPGELOST, taken.version, db.uow(), LET, on=date(2026, 10, 29),
                               note="CJIB-noodstop toegepast", today=TODAY)
    assert (done.row.status, done.row.resolution_days, done.next_states) == (E.OPGELOST, 57, [])
    assert [s.note for s in done.steps] == ["", "Casusregisseur LET toegewezen", "CJIB-noodstop toegepast"]
    # The municipality sees the LET's answer in its own escalation, with who and when, and the audit trail.
    mine = escalation_service.get_escalation(eid, db.uow(), db.actor)
    assert [(s.status, s.by) for s in mine.steps][-2:] == [("in_behandeling", "LET-lid"), ("opgelost", "LET-lid")]
    assert mine.closed_on == date(2026, 10, 29) and mine.blockage and len(mine.routes_tried) == 2  # rest intact
    with db.uow() as uow:
        updates = [r.event for r in uow.audit.records("escalation", f"ESC-{eid}") if r.event.kind.value == "update"]
    assert [(u.username, "status" in u.changes) for u in updates][-2:] == [("let1", True), ("let1", True)]


def test_an_identifier_that_appeared_later_is_withheld_without_saying_what(
    db: Database, scene: dict[str, Any]
) -> None:
    amsterdam = scene["cases"][0]
    h = households.get_household(amsterdam, db.uow(), db.actor)
    data = h.model_dump(include=households.EDITABLE_FIELDS)
    data["members"] = [*data["members"], {"name": "Boete Vermeer", "date_of_birth": "2012-01-01", "role": "kind"}]
    households.update_household(amsterdam, parse_draft(data), h.version, db.uow(), db.actor)
    row = next(r for r in lmm_dossiers(LmmQuery(), db.uow(), LET, today=TODAY).rows
               if r.escalation_id == scene["waiting"])
    assert row.knelpunt == "" and row.composition == "" and "'Blokkade (knelpunt)'" in row.withheld[0]
    assert "Boete" not in row.model_dump_json() and "Vermeer" not in row.model_dump_json()
    with pytest.raises(InvalidInput) as refused:
        escalation_service.view_dossier(scene["waiting"], db.uow(), LET, today=TODAY)
    assert "Boete" not in refused.value.message and "Blokkade" in refused.value.message
    # The municipality itself is told exactly what was found.
    with pytest.raises(InvalidInput, match=r"naam uit het huishouden \(boete\)"):
        escalation_service.view_dossier(scene["waiting"], db.uow(), db.actor, today=TODAY)


def test_roles_with_case_access_see_only_their_caseload(db: Database, scene: dict[str, Any]) -> None:
    own = Actor(username="fb", display_name="Fatima Bouzid", role=Role.COORDINATOR,
                municipality_codes=frozenset({"GM0363"}))
    assert [r.escalation_id for r in lmm_dossiers(LmmQuery(), db.uow(), own, today=TODAY).rows] == [scene["waiting"]]
    with pytest.raises(AccessDenied):
        lmm_dossier(scene["started"], db.uow(), own, today=TODAY)  # Rotterdam is outside this coordinator's area
    with pytest.raises(AccessDenied):
        lmm_dossiers(LmmQuery(), db.uow(), PROFESSIONAL, today=TODAY)  # no right to dossiers at all


def test_submitting_nationally_needs_the_lmm_or_let_as_recipient(db: Database) -> None:
    case = make_household(db)
    e = escalation_service.start_escalation(
        case, escalation_draft(consent={"given": True, "given_on": "2026-08-15", "scope": "Delen in de regio",
                                        "recipients": ["Regionaal escalatieteam"], "expires_on": "2027-08-15"}),
        db.uow(), db.actor, today=date(2026, 9, 1))
    assert e.id is not None
    check = escalation_service.check_escalation(e.id, db.uow(), db.actor, today=TODAY)
    assert [p.path for p in check.missing_criteria] == ["consent.recipients"]
    assert "voeg 'LMM' en 'LET' toe" in check.missing_criteria[0].reason
    with pytest.raises(InvalidInput, match="voeg 'LMM' en 'LET' toe"):
        escalation_service.change_escalation_status(e.id, E.INGEDIEND, e.version, db.uow(), db.actor, today=TODAY)
    with pytest.raises(InvalidInput, match="LMM"):
        escalation_service.export_dossier(e.id, db.uow(), db.actor, today=TODAY)
    fixed = escalation_service.update_escalation(e.id, escalation_draft(), e.version, db.uow(), db.actor)
    done = escalation_service.change_escalation_status(e.id, E.INGEDIEND, fixed.version, db.uow(), db.actor,
                                                       today=TODAY)
    assert done.status is E.INGEDIEND
    # A regional escalation needs no national recipient.
    regional = submitted(db, case, level="regionaal", consent={
        "given": True, "given_on": "2026-08-15", "scope": "Delen in de regio", "recipients": ["Regionaal team"],
        "expires_on": "2027-08-15"})
    assert escalation_service.get_escalation(regional, db.uow(), db.actor).status is E.INGEDIEND
