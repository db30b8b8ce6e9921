"""A case's trail covers its plan, overbruggingen and escalations; destroying the case destroys their
old -> new values too (one tombstone per object), and the chain still verifies."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from domain.audit import AuditKind
from domain.household import HouseholdStatus
from domain.retention import RetentionSettings
from domain.services import households, overbrugging, plans, privacy
from domain.services.audit import case_history, verify_audit
from storage.bootstrap import Database
from tests.builders import TODAY, make_household, overbrugging_draft, submitted


def test_the_case_trail_covers_plan_overbrugging_and_escalation(db: Database) -> None:
    case = make_household(db)
    plan = plans.start_plan(case, db.uow(), db.actor)
    plans.update_plan(case, {"perspectief": "Over een jaar wonen Ayşe en Emre veilig"}, plan.version,
                      db.uow(), db.actor)
    overbrugging.request_overbrugging(case, overbrugging_draft(), db.uow(), db.actor, today=TODAY)
    submitted(db, case)
    kinds = {(r.event.object_type, r.event.kind) for r in case_history(case, db.uow(), db.actor)}
    assert {("household", AuditKind.CREATE), ("maatwerkplan", AuditKind.UPDATE),
            ("overbrugging", AuditKind.CREATE), ("escalation", AuditKind.UPDATE)} <= kinds


def test_purge_destroys_the_values_of_everything_that_belonged_to_the_case(db: Database) -> None:
    case = make_household(db)
    plan = plans.start_plan(case, db.uow(), db.actor)
    plans.update_plan(case, {"perspectief": "Ayşe wil weer rust"}, plan.version, db.uow(), db.actor)
    overbrugging.request_overbrugging(case, overbrugging_draft(), db.uow(), db.actor, today=TODAY)
    submitted(db, case)
    h = households.get_household(case, db.uow(), db.actor)
    for status in (HouseholdStatus.PLAN_VASTGESTELD, HouseholdStatus.UITVOERING, HouseholdStatus.AFGESLOTEN):
        if h.status is not status:
            with db.uow() as uow:
                current = uow.households.get(case)
                current.change_status(status, today=date(2010, 1, 1))
                h = uow.households.save(current)
                uow.commit()
    done = privacy.purge(db.uow(), db.actor, RetentionSettings(), date(2040, 1, 1), dry_run=False)
    assert [c.case_number for c in done] == [case]
    with db.engine.connect() as connection:
        left = connection.execute(text("select changes from audit_change")).scalars().all()
    assert not any("Ayşe" in body or "Özdemir" in body or "Emre" in body for body in left)
    with db.uow() as uow:  # the case is gone, so its linked objects are found by their tombstones
        tombstones = {r.event.object_type for r in uow.audit.records() if r.event.kind is AuditKind.PURGE}
    assert tombstones == {"household", "maatwerkplan", "overbrugging", "escalation"}
    assert verify_audit(db.uow(), db.actor) == []
