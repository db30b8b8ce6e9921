"""Under row-level security the LET's own database role can record its handling of a national escalation,
and nothing else: no other column of the escalation, no other level, no way back to a concept."""

from __future__ import annotations

import pytest

from domain.escalation import EscalationStatus
from domain.lmm import LmmQuery
from domain.services.lmm import lmm_dossier, lmm_dossiers, record_lmm_handling
from storage.bootstrap import open_database
from storage.settings import Settings
from tests.storage.rls_support import PASSWORD, Secured, refused, rows

pytestmark = pytest.mark.postgres


def test_the_let_role_records_handling_and_may_change_nothing_else(secured: Secured) -> None:
    db = open_database(Settings(database_url=secured.url, auth="postgres"))
    db.login(secured.login("lotte"), PASSWORD)
    page = lmm_dossiers(LmmQuery(), db.uow(), db.actor)
    assert page.total == 1 and page.rows[0].municipality == "Rotterdam"
    eid = page.rows[0].escalation_id
    view = lmm_dossier(eid, db.uow(), db.actor)
    done = record_lmm_handling(eid, EscalationStatus.IN_BEHANDELING, view.version, db.uow(), db.actor,
                               note="Casusregisseur toegewezen")
    assert done.row.status is EscalationStatus.IN_BEHANDELING and done.steps[-1].note == "Casusregisseur toegewezen"
    db.close()
    let = secured.engine_as("lotte")
    assert refused(let, "UPDATE escalation SET blockage = 'iets anders'")  # column not granted
    assert refused(let, "UPDATE escalation SET level = 'lokaal'")
    assert refused(let, "UPDATE escalation SET status = 'concept'")  # WITH CHECK: only handling states
    assert refused(let, "DELETE FROM escalation_step")
    assert refused(let, "UPDATE escalation_step SET note = 'x'")
    assert refused(let, "INSERT INTO escalation_route (escalation_id, position, level, tried_on, description, "
                        f"outcome) VALUES ({eid}, 9, 'lokaal', '2026-01-01', 'x', '')")
    assert rows(let, "SELECT status FROM escalation") == ["in_behandeling"]
    let.dispose()
