"""The precedent search on real databases (the `db` fixture runs SQLite and PostgreSQL).

Three households: Utrecht (GM0344) with a decided, evaluated plan for rent arrears and a knelpunt raised by its
escalation; Amsterdam (GM0363) with a decided plan using the CJIB-noodstop; a third with only a concept. A
professional of Amsterdam finds the Utrecht plan without its case number, names, BSN, address or birth dates.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.audit import AuditKind
from domain.household import Household
from domain.knelpunt import KnelpuntCategory
from domain.precedent import WITHHELD, PrecedentQuery
from domain.services import escalation as escalation_service
from domain.services import households as household_service
from domain.services import plans as plan_service
from domain.services.households import parse_draft
from domain.services.knelpunten import KnelpuntDraft
from domain.services.precedents import PRECEDENT_OBJECT, search_precedents
from storage.bootstrap import Database
from tests.builders import (
    DECISION_REQUEST,
    EXPECTED_TOTALS,
    HOUSEHOLD,
    complete_content,
    decider_for,
    household_draft,
    problem_id,
)

AMSTERDAMMER = Actor(username="fbouzid", display_name="Fatima Bouzid", role=Role.PROFESSIONAL,
                     municipality_codes=frozenset({"GM0363"}), team="Wijkteam Oost")
TODAY = date(2026, 12, 1)


def _decided(db: Database, household: Household, content: dict[str, Any]) -> str:
    case = household.case_number
    assert case is not None
    plan = plan_service.start_plan(case, db.uow(), db.actor, content=content)
    plan_service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), decider_for(db, case))  # four eyes
    return case


@pytest.fixture
def cases(db: Database) -> dict[str, str]:
    utrecht = household_service.create_household(parse_draft(HOUSEHOLD), db.uow(), db.actor)
    content = complete_content(problem_id(utrecht, "financien"))
    content["actions"][1]["what"] = "Ontruiming intrekken, afgesproken met Eline"  # a name: withheld
    utrecht_case = _decided(db, utrecht, content)
    plan = plan_service.get_plan(utrecht_case, db.uow(), db.actor)
    plan = plan_service.record_evaluation(
        utrecht_case, {"moment": 3, "on_date": "2026-11-20", "rapportcijfer": 7, "scores": {"financien": 3}},
        plan.version, db.uow(), db.actor)
    escalation = escalation_service.start_escalation(utrecht_case, _escalation(), db.uow(), db.actor,
                                                     today=date(2026, 9, 1))
    assert escalation.id is not None
    escalation_service.raise_knelpunt(
        escalation.id, KnelpuntDraft(title="Beslagvrije voet te laag bij samenloop",
                                     category=KnelpuntCategory.UITVOERING, unintended_effect="Geen leefgeld"),
        escalation.version, db.uow(), db.actor, today=date(2026, 9, 2))

    amsterdam = household_service.create_household(parse_draft(household_draft()), db.uow(), db.actor)
    content = complete_content(problem_id(amsterdam, "huisvesting"))
    content["actions"][0].update(what="Noodstop aanvragen bij het CJIB", legal_basis_ids=["cjib_noodstop"])
    content["actions"][1]["what"] = "Budgetcoaching elke week"
    content["juridisch"]["grondslagen"] = [{"basis_id": "cjib_noodstop", "toelichting": ""}]
    amsterdam_case = _decided(db, amsterdam, content)

    concept = household_service.create_household(parse_draft({**HOUSEHOLD, "name": "Huishouden Concept"}),
                                                 db.uow(), db.actor)
    assert concept.case_number is not None
    plan_service.start_plan(concept.case_number, db.uow(), db.actor,
                            content=complete_content(problem_id(concept, "financien")))
    return {"utrecht": utrecht_case, "amsterdam": amsterdam_case, "concept": concept.case_number}


def _escalation() -> Any:
    from tests.builders import escalation_draft

    return escalation_draft(level="lokaal", routes_tried=[])


def search(db: Database, actor: Actor | None = None, **criteria: Any) -> list[Any]:
    page = search_precedents(PrecedentQuery(**criteria), db.uow(), actor or db.actor, today=TODAY)
    return page.precedenten


def test_only_decided_plans_are_precedents_and_each_criterion_filters(db: Database, cases: dict[str, str]) -> None:
    everything = search(db)
    assert sorted(p.referentie for p in everything) == sorted([cases["utrecht"], cases["amsterdam"]])
    assert everything[0].referentie == cases["utrecht"]  # evaluated plans first

    assert [p.referentie for p in search(db, rechtsgrond="cjib_noodstop")] == [cases["amsterdam"]]
    assert [p.referentie for p in search(db, rechtsgrond="awb_4_84")] == [cases["utrecht"]]
    assert [p.referentie for p in search(db, leefgebied="huisvesting")] == [cases["amsterdam"]]
    assert [p.referentie for p in search(db, actiesoort="huurachterstand")] == [cases["utrecht"]]
    assert [p.referentie for p in search(db, actiesoort="boete_cjib")] == [cases["amsterdam"]]
    assert [p.referentie for p in search(db, knelpunt="beslagvrije samenloop")] == [cases["utrecht"]]
    assert search(db, knelpunt="bestaat niet") == []
    assert [p.referentie for p in search(db, sta_in_de_weg="woning")] == sorted(
        [cases["utrecht"], cases["amsterdam"]], key=[cases["utrecht"], cases["amsterdam"]].index)
    assert [p.referentie for p in search(db, zoek="budgetcoaching")] == [cases["amsterdam"]]
    assert [p.referentie for p in search(db, exclude_case=cases["utrecht"])] == [cases["amsterdam"]]
    assert search(db, rechtsgrond="cjib_noodstop", leefgebied="financien") == []


def test_what_was_decided_on_which_basis_at_what_cost_and_how_it_turned_out(
    db: Database, cases: dict[str, str]
) -> None:
    found = search(db, actiesoort="huurachterstand")[0]
    assert found.overeenkomst == ["actiesoort"]
    assert found.doorbraak.startswith("De gemeente lost de huurschuld")
    assert [a.rechtsgronden for a in found.acties][0] == ["awb_4_84", "pw_18_lid_1"]
    assert {b.id for b in found.rechtsgronden} == {"awb_4_84", "pw_18_lid_1", "avg_6"}
    assert next(b for b in found.rechtsgronden if b.id == "awb_4_84").officieel_id == "BWBR0005537"
    assert str(found.kosten.totaal_huidig_pad) == EXPECTED_TOTALS["huidig_pad"]
    assert str(found.kosten.totaal_doorbraak) == EXPECTED_TOTALS["doorbraak"]
    assert str(found.kosten.verschil) == EXPECTED_TOTALS["verschil"]
    assert {p.partij for p in found.kosten.partijen} >= {"overig", "gemeente_participatiewet"}
    assert (found.uitkomst.zrm_start, found.uitkomst.zrm_laatst, found.uitkomst.rapportcijfer_laatst) == (1, 3, 7)
    assert found.uitkomst.laatste_moment == 3
    assert found.samenstelling == "1 volwassene (27-44: 1), 1 kind (0-17)"
    assert found.besloten_in == "2026-11"


def test_another_municipality_sees_no_case_number_name_or_identifier(db: Database, cases: dict[str, str]) -> None:
    found = {p.gemeente: p for p in search(db, AMSTERDAMMER)}
    own, other = found["Amsterdam"], found["Utrecht"]
    assert own.referentie == cases["amsterdam"] and own.eigen_gemeente
    assert not other.eigen_gemeente and other.referentie.startswith("GM0344-PLAN-")
    text = json.dumps(other.model_dump(mode="json"), ensure_ascii=False)
    for secret in (cases["utrecht"], "Jansen", "Eline", "Çelik", "999993653", "Kanaalstraat", "3531", "1988",
                   "2012-02-10", "030-0000000", "Sanne de Wit", "Lokale gebruiker"):
        assert secret not in text, secret
    # The action whose text names a member is withheld as a whole, and counted.
    assert other.acties[1].wat == WITHHELD and other.weggelaten == 1


def test_every_search_and_every_precedent_shown_is_in_the_audit_trail(db: Database, cases: dict[str, str]) -> None:
    search(db, AMSTERDAMMER, rechtsgrond="awb_4_84")
    with db.uow() as uow:
        searches = [r.event for r in uow.audit.records(PRECEDENT_OBJECT) if r.event.username == "fbouzid"]
        shown = [r.event for r in uow.audit.case_records(cases["utrecht"]) if r.event.username == "fbouzid"]
    assert len(searches) == 1 and searches[0].kind is AuditKind.SEARCH
    assert "Awb" in searches[0].purpose and "1 getoond" in searches[0].purpose
    assert [(e.kind, e.object_id) for e in shown] == [(AuditKind.READ, f"{cases['utrecht']}/1")]
    assert "gepseudonimiseerd" in shown[0].purpose


def test_only_casework_roles_may_search(db: Database, cases: dict[str, str]) -> None:
    with pytest.raises(AccessDenied):
        search(db, Actor(username="beheer", display_name="Beheerder", role=Role.BEHEER))
