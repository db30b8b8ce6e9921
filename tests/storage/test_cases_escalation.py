"""Escalations, dossier export and knelpunt links through the services on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import IllegalTransition, InvalidInput, StaleVersion
from domain.escalation import EscalationLevel, EscalationQuery, EscalationStatus
from domain.services import escalation as service
from domain.services import knelpunten as knelpunt_service
from storage.bootstrap import Database
from tests.builders import TODAY, escalation_draft, make_household, submitted

E = EscalationStatus


def test_roundtrip_and_lifecycle(db: Database) -> None:
    case = make_household(db)
    suggestion = service.suggest_escalation(case, db.uow(), db.actor)
    assert suggestion.domains == ["financien", "huisvesting"]  # score 1 and 2, not the 4
    assert suggestion.organisations == ["Jeugdhulp Oost", "CJIB"]
    eid = submitted(db, case)
    e = service.get_escalation(eid, db.uow(), db.actor)
    assert (e.level, e.status, e.submitted_on) == (EscalationLevel.LANDELIJK, E.INGEDIEND, date(2026, 9, 2))
    assert e.routes_tried[0].outcome == "Geen mandaat" and e.consent.recipients == ["LMM", "LET"]
    assert e.consent.expires_on == date(2027, 8, 15) and e.domains == ["financien", "huisvesting"]
    e = service.change_escalation_status(eid, E.IN_BEHANDELING, e.version, db.uow(), db.actor, on=date(2026, 9, 9))
    e = service.change_escalation_status(
        eid, E.OPGELOST, e.version, db.uow(), db.actor, on=date(2026, 10, 28), note="Noodstop toegepast"
    )
    again = service.get_escalation(eid, db.uow(), db.actor)
    assert again.time_to_resolution_days == 56 and again.steps[-1].note == "Noodstop toegepast"
    assert [s.status for s in again.steps] == ["concept", "ingediend", "in_behandeling", "opgelost"]
    rows = {r.level: r for r in service.resolution_times(db.uow(), db.actor)}
    assert rows["lmm_let"].closed == 1 and rows["lmm_let"].mean_days == 56.0


def test_submission_checks_criteria_and_personal_data(db: Database) -> None:
    case = make_household(db)
    e = service.start_escalation(
        case,
        escalation_draft(urgent=False, blockage="Emre krijgt geen Wmo-indicatie"),
        db.uow(),
        db.actor,
        today=date(2026, 9, 1),
    )
    assert e.id is not None
    check = service.check_escalation(e.id, db.uow(), db.actor, today=TODAY)
    assert [p.path for p in check.missing_criteria] == ["urgent"]
    assert [p.path for p in check.personal_data] == ["blockage"] and "Emre" in check.personal_data[0].reason
    assert not check.ready_to_submit and not check.ready_to_export
    with pytest.raises(InvalidInput) as info:
        service.change_escalation_status(e.id, E.INGEDIEND, e.version, db.uow(), db.actor, today=TODAY)
    assert {p.path for p in info.value.problems} == {"urgent", "blockage"}
    assert service.get_escalation(e.id, db.uow(), db.actor).status is E.CONCEPT
    with pytest.raises(InvalidInput, match="blockage"):
        service.export_dossier(e.id, db.uow(), db.actor, today=TODAY)
    fixed = service.update_escalation(e.id, escalation_draft(), e.version, db.uow(), db.actor)
    assert service.check_escalation(e.id, db.uow(), db.actor, today=TODAY).ready_to_submit
    with pytest.raises(StaleVersion):
        service.update_escalation(e.id, escalation_draft(), e.version, db.uow(), db.actor)
    submitted_e = service.change_escalation_status(e.id, E.INGEDIEND, fixed.version, db.uow(), db.actor, today=TODAY)
    with pytest.raises(IllegalTransition, match="concept"):
        service.update_escalation(e.id, escalation_draft(), submitted_e.version, db.uow(), db.actor)


def test_export_dossier_is_pseudonymised_and_audited(db: Database) -> None:
    case = make_household(db)
    eid = submitted(db, case)
    dossier = service.export_dossier(eid, db.uow(), db.actor, today=TODAY)
    text = dossier.model_dump_json()
    for forbidden in ("Özdemir", "Ayşe", "Emre", "999993653", "1093", "Dapperstraat", "1984-02-29", "2009-02-14", case):
        assert forbidden not in text
    assert [(m.initials, m.age_band) for m in dossier.members] == [("A.Ö.", "27-44"), ("E.Ö.", "12-17")]
    assert dossier.composition == "1 volwassene (27-44 jaar), 1 kind (12-17 jaar)"
    assert dossier.municipality == "Amsterdam"
    with db.uow() as uow:
        household_events = [(r.event.kind.value, r.event.purpose) for r in uow.audit.records("household", case)]
        escalation_events = [r.event.kind.value for r in uow.audit.records("escalation", f"ESC-{eid}")]
    assert ("export", f"Gepseudonimiseerd escalatiedossier ESC-{eid}") in household_events
    assert "export" in escalation_events


def test_inbox_order_and_waiting_filter(db: Database) -> None:
    case = make_household(db)
    newer = submitted(db, case, on=date(2026, 10, 20))
    older = submitted(db, case, on=date(2026, 8, 20))
    concept = service.start_escalation(case, escalation_draft(), db.uow(), db.actor, today=TODAY)
    closed = submitted(db, case, on=date(2026, 9, 1))
    c = service.get_escalation(closed, db.uow(), db.actor)
    service.change_escalation_status(
        closed, E.TERUGGELEGD, c.version, db.uow(), db.actor, on=date(2026, 9, 5), note="Eerst regionaal proberen"
    )
    page = service.list_escalations(EscalationQuery(), db.uow(), db.actor)
    assert [r.id for r in page.rows] == [older, newer, concept.id, closed]
    assert page.rows[0].waiting_days(TODAY) == 73 and page.rows[3].time_to_resolution_days == 4
    assert [r.id for r in service.inbox(db.uow(), db.actor, today=TODAY).rows] == [older, newer]
    assert [r.id for r in service.inbox(db.uow(), db.actor, today=TODAY, waiting_longer_than_weeks=8).rows] == [older]
    levels = frozenset({EscalationLevel.LOKAAL})
    assert service.inbox(db.uow(), db.actor, levels=levels).total == 0


def test_escalate_further_continues_one_level_up(db: Database) -> None:
    case = make_household(db)
    eid = submitted(db, case, level="regionaal")
    e = service.get_escalation(eid, db.uow(), db.actor)
    with pytest.raises(IllegalTransition, match="niet is opgelost"):
        service.escalate_further(eid, db.uow(), db.actor)
    e = service.change_escalation_status(eid, E.IN_BEHANDELING, e.version, db.uow(), db.actor, on=date(2026, 9, 3))
    service.change_escalation_status(
        eid, E.NIET_OPGELOST, e.version, db.uow(), db.actor, on=date(2026, 10, 1), note="Geen mandaat in de regio"
    )
    follow = service.escalate_further(eid, db.uow(), db.actor, today=TODAY)
    assert follow.level is EscalationLevel.LANDELIJK and follow.status is E.CONCEPT and follow.previous_id == eid
    assert follow.routes_tried[-1].level is EscalationLevel.REGIONAAL
    assert follow.routes_tried[-1].outcome == "Niet opgelost: Geen mandaat in de regio"
    assert follow.blockage == e.blockage


def test_knelpunten_linked_from_escalations_count_without_naming_them(db: Database) -> None:
    case = make_household(db)
    eid = submitted(db, case)
    e = service.get_escalation(eid, db.uow(), db.actor)
    with pytest.raises(InvalidInput, match="naam uit het huishouden"):
        service.raise_knelpunt(
            eid,
            {"title": "Boete Özdemir", "category": "uitvoering", "unintended_effect": "Boete loopt op"},
            e.version,
            db.uow(),
            db.actor,
        )
    e, k = service.raise_knelpunt(
        eid,
        {
            "title": "Boete loopt op bij gestopte uitkering",
            "category": "uitvoering",
            "law": "WAHV",
            "organisation": "CJIB",
            "unintended_effect": "Schuld groeit zonder inkomen",
        },
        e.version,
        db.uow(),
        db.actor,
        today=TODAY,
    )
    assert k.id is not None and e.knelpunt_ids == [k.id] and (k.recurrence, k.linked_escalations) == (1, 1)
    other = submitted(db, make_household(db, name="Huishouden Jansen"))
    o = service.get_escalation(other, db.uow(), db.actor)
    o, k = service.link_knelpunt(other, k.id, o.version, db.uow(), db.actor, today=TODAY)
    assert (k.recurrence, k.linked_escalations) == (2, 2)
    with pytest.raises(IllegalTransition, match="al aan deze escalatie"):
        service.link_knelpunt(other, k.id, o.version, db.uow(), db.actor)
    dossier = service.export_dossier(other, db.uow(), db.actor, today=TODAY)
    assert dossier.knelpunten == ["Boete loopt op bij gestopte uitkering"]
    register = knelpunt_service.get_knelpunt(k.id, db.uow(), db.actor).model_dump_json()
    assert case not in register and "Özdemir" not in register


def test_let_sees_only_submitted_national_dossiers(db: Database) -> None:
    case = make_household(db)
    eid = submitted(db, case)
    local = service.start_escalation(case, escalation_draft(level="lokaal"), db.uow(), db.actor, today=TODAY)
    let = Actor(username="let1", display_name="LET-lid", role=Role.LET)
    assert service.view_dossier(eid, db.uow(), let, today=TODAY).level == "LMM/LET"
    assert local.id is not None
    with pytest.raises(AccessDenied, match="landelijke"):
        service.view_dossier(local.id, db.uow(), let, today=TODAY)
    with pytest.raises(AccessDenied):
        service.get_escalation(eid, db.uow(), let)
    with pytest.raises(AccessDenied):
        service.export_dossier(eid, db.uow(), let)
    elsewhere = Actor(username="c2", display_name="C2", role=Role.COORDINATOR, municipality_codes=frozenset({"GM0599"}))
    with pytest.raises(AccessDenied):
        service.view_dossier(eid, db.uow(), elsewhere, today=TODAY)
    assert service.view_dossier(eid, db.uow(), db.actor, today=TODAY).reference.startswith("GM0363-ESC-")
