"""The mandate register and the decisions that need it (issue 17 item 1), on SQLite and PostgreSQL:
the author never decides, a mandate covers a municipality, its deviation kinds, an amount and a period,
the requester of an overbrugging never grants it, and the beschikking carries the bezwaar clause."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import InvalidInput
from domain.mandate import NoMandate
from domain.overbrugging import OverbruggingStatus
from domain.plan import PlanStatus
from domain.services import mandates as mandate_service
from domain.services import overbrugging as overbrugging_service
from domain.services import plans as plan_service
from domain.services.mandates import RevokeMandate
from storage.bootstrap import Database
from tests.builders import (
    DECIDER,
    DECISION_REQUEST,
    complete_content,
    grant_mandate,
    make_household,
    mandate_draft,
    overbrugging_draft,
    problem_id,
)
from tui.render.beschikking import render
from tui.render.plan import ExportFormat

AUTHOR = Actor(username="m.kaya", display_name="Mehmet Kaya", role=Role.PROFESSIONAL,
               municipality_codes=frozenset({"GM0344"}))


def concept(db: Database) -> tuple[str, Any]:
    """A complete concept plan in Utrecht (GM0344) written by AUTHOR; municipal amount € 4.900,00."""
    from domain.services import households

    case = make_household(db, municipality_code="GM0344", professional=AUTHOR.display_name)
    household = households.get_household(case, db.uow(), db.actor)
    plan = plan_service.start_plan(case, db.uow(), AUTHOR, content=complete_content(problem_id(household, "financien")))
    assert plan.created_by == "Mehmet Kaya"
    return case, plan


def refused(db: Database, case: str, plan: Any, actor: Actor) -> str:
    with pytest.raises(NoMandate) as info:
        plan_service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), actor)
    assert plan_service.get_plan(case, db.uow(), db.actor).status is PlanStatus.CONCEPT
    return info.value.message


def test_the_author_cannot_decide_even_with_a_mandate(db: Database) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor, holder_username=AUTHOR.username, holder_name=AUTHOR.display_name)
    grant_mandate(db.uow, db.actor)  # Sanne de Wit may
    message = refused(db, case, plan, AUTHOR)
    assert message.startswith("U mag dit plan niet vaststellen: u heeft het plan zelf opgesteld")
    assert "Beslissen mag: Sanne de Wit (s.dewit, M-2)." in message  # the author's own mandate is not offered


def test_a_mandate_for_another_municipality_is_refused(db: Database) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor, "GM0363")  # Amsterdam
    message = refused(db, case, plan, DECIDER)
    assert "het mandaat geldt voor Amsterdam, niet voor Utrecht" in message
    assert "Niemand in het mandaatregister van Utrecht heeft een mandaat dat dit dekt" in message


def test_an_amount_above_the_mandate_is_refused(db: Database) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor, max_amount="4899.99")
    message = refused(db, case, plan, DECIDER)
    assert "het bedrag € 4.900,00 ligt boven het maximum van € 4.899,99" in message
    grant_mandate(db.uow, db.actor, max_amount="4900.00")  # exactly the amount: covered
    saved = plan_service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), DECIDER)
    assert saved.status is PlanStatus.VASTGESTELD and saved.decision is not None
    assert saved.decision.mandate_id == 2 and saved.decision.decided_by == "Sanne de Wit"


def test_an_expired_or_revoked_mandate_is_refused(db: Database) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor, valid_from="2025-01-01", valid_until="2026-01-31")
    assert "het mandaat is op 05-11-2026 verlopen" in refused(db, case, plan, DECIDER)
    current = grant_mandate(db.uow, db.actor, valid_from="2026-01-01")
    assert current is DECIDER
    newest = mandate_service.list_mandates(db.uow(), db.actor)[-1].mandate
    assert newest.id is not None
    mandate_service.revoke_mandate(RevokeMandate(mandate_id=newest.id, reason="Andere functie",
                                                 expected_version=newest.version, revoked_on=date(2026, 11, 1)),
                                   db.uow(), db.actor)
    assert "ingetrokken" in refused(db, case, plan, DECIDER)


def test_a_deviation_kind_outside_the_mandate_is_refused(db: Database) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor, deviation_kinds=("lening",))
    message = refused(db, case, plan, DECIDER)
    assert "vallen er niet onder" in message


def test_a_covering_mandate_decides_and_the_beschikking_holds_the_bezwaar_clause(db: Database,
                                                                                tmp_path: Path) -> None:
    case, plan = concept(db)
    grant_mandate(db.uow, db.actor)
    saved = plan_service.decide_plan(case, {**DECISION_REQUEST, "toelichting": "Spoed."}, plan.version, db.uow(),
                                     DECIDER)
    assert saved.decision is not None and saved.decision.mandate.startswith("M-1, maatwerkfunctionaris Utrecht")
    data = plan_service.beschikking(case, db.uow(), db.actor)
    assert data.mandate is not None and data.mandate.id == saved.decision.mandate_id
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render(data, ExportFormat.PDF,
                                                                                 date(2026, 11, 6)))).pages)
    flat = " ".join(text.split())
    for expected in ("Beschikking maatwerkplan", "Bezwaar", "binnen zes weken", "Awb 6:7 en 6:8",
                     "college van burgemeester en wethouders van Utrecht (Awb 6:4)", "Sanne de Wit",
                     "krachtens mandaat (Awb 10:1, 10:2 en 10:10)", "M-1", "05-11-2026", "Rechtsgronden"):
        assert expected in flat, expected
    markdown = render(data, ExportFormat.MD, date(2026, 11, 6)).decode()
    assert "## Bezwaar" in markdown and "zes weken" in markdown


def test_a_concept_has_no_beschikking(db: Database) -> None:
    from domain.errors import IllegalTransition

    case, _ = concept(db)
    with pytest.raises(IllegalTransition, match="nog niet vastgesteld"):
        plan_service.beschikking(case, db.uow(), db.actor)


def _requested(db: Database, requester: Actor, **extra: Any) -> tuple[str, Any]:
    case = make_household(db, municipality_code="GM0344", professional=AUTHOR.display_name)
    ob = overbrugging_service.request_overbrugging(case, overbrugging_draft(**extra), db.uow(), requester,
                                                   today=date(2026, 9, 1)).overbrugging
    return case, ob


def test_the_requester_cannot_grant_an_overbrugging(db: Database) -> None:
    case, ob = _requested(db, AUTHOR)
    grant_mandate(db.uow, db.actor, holder_username=AUTHOR.username, holder_name=AUTHOR.display_name)
    with pytest.raises(NoMandate) as info:
        overbrugging_service.change_overbrugging_status(ob.id, OverbruggingStatus.TOEGEKEND, ob.version, db.uow(),
                                                        AUTHOR, today=date(2026, 9, 2))
    assert info.value.message.startswith("U mag deze overbrugging niet toekennen: u heeft de overbrugging zelf "
                                         "aangevraagd")
    granted = overbrugging_service.change_overbrugging_status(
        ob.id, OverbruggingStatus.TOEGEKEND, ob.version, db.uow(), grant_mandate(db.uow, db.actor),
        today=date(2026, 9, 2)).overbrugging
    assert granted.status is OverbruggingStatus.TOEGEKEND and granted.steps[-1].username == "s.dewit"


def test_granting_an_overbrugging_needs_the_kind_and_the_cap(db: Database) -> None:
    case, ob = _requested(db, AUTHOR, cap="5000.00")
    grant_mandate(db.uow, db.actor, deviation_kinds=("bijzondere_bijstand",), max_amount="4000.00")
    with pytest.raises(NoMandate) as info:
        overbrugging_service.change_overbrugging_status(ob.id, OverbruggingStatus.TOEGEKEND, ob.version, db.uow(),
                                                        DECIDER, today=date(2026, 9, 2))
    assert "Overbrugging" in info.value.message and "boven het maximum van € 4.000,00" in info.value.message
    # Refusing (afwijzen) is no grant: it needs no mandate.
    refused_ob = overbrugging_service.change_overbrugging_status(
        ob.id, OverbruggingStatus.AFGEWEZEN, ob.version, db.uow(), db.actor, note="Geen spoed",
        today=date(2026, 9, 2)).overbrugging
    assert refused_ob.status is OverbruggingStatus.AFGEWEZEN


def test_the_register_is_kept_by_beheer_and_every_change_is_audited(db: Database) -> None:
    with pytest.raises(AccessDenied):
        mandate_service.add_mandate(mandate_draft(), db.uow(), AUTHOR)
    with pytest.raises(InvalidInput):
        mandate_service.add_mandate(mandate_draft(valid_from="2027-01-01", valid_until="2026-01-01"), db.uow(),
                                    db.actor)
    with pytest.raises(InvalidInput):
        mandate_service.add_mandate(mandate_draft(deviation_kinds=("privacy",)), db.uow(), db.actor)
    saved = mandate_service.add_mandate(mandate_draft(), db.uow(), db.actor)
    assert saved.id is not None
    revoked = mandate_service.revoke_mandate(RevokeMandate(mandate_id=saved.id, reason="Vertrokken",
                                                           expected_version=saved.version), db.uow(), db.actor)
    assert revoked.revoked_on is not None and revoked.revoked_by == db.actor.username
    rows = mandate_service.list_mandates(db.uow(), db.actor)
    assert [(r.mandate.reference, r.state) for r in rows] == [("M-1", "ingetrokken")]
    with db.uow() as uow:
        records = list(uow.audit.records(object_type="mandate", object_id="M-1"))
    assert [(r.event.kind.value, r.event.purpose) for r in records] == [("create", "mandaat voor s.dewit"),
                                                                        ("update", "ingetrokken")]
    assert "revoked_on" in dict(records[1].event.changes)


def test_with_accounts_the_holder_is_an_account_that_edits_cases(db: Database) -> None:
    from domain.services import users
    from storage.users import Argon2PasswordHasher

    hasher = Argon2PasswordHasher()
    beheer = Actor(username="beheer", display_name="Beheer", role=Role.BEHEER)
    users.create_user(db.uow(), beheer, hasher, username="beheer", display_name="Beheer", role=Role.BEHEER,
                      password="lang-genoeg-wachtwoord-1")
    with pytest.raises(InvalidInput, match="geen actief account s.dewit"):
        mandate_service.add_mandate(mandate_draft(), db.uow(), beheer)
    users.create_user(db.uow(), beheer, hasher, username="s.dewit", display_name="S. de Wit (Utrecht)",
                      role=Role.COORDINATOR, password="lang-genoeg-wachtwoord-2",
                      municipality_codes=frozenset({"GM0344"}))
    with pytest.raises(InvalidInput, match="werkt niet voor Amsterdam"):
        mandate_service.add_mandate(mandate_draft("GM0363"), db.uow(), beheer)
    with pytest.raises(InvalidInput, match="geen plan"):
        mandate_service.add_mandate(mandate_draft(holder_username="beheer"), db.uow(), beheer)
    saved = mandate_service.add_mandate(mandate_draft(), db.uow(), beheer)
    assert saved.holder_name == "S. de Wit (Utrecht)" and saved.registered_by == "beheer"
