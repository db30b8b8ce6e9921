"""Maatwerkplan services on real databases (the `db` fixture runs SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from domain.access import AccessDenied
from domain.actors import Actor, Role
from domain.errors import Conflict, InvalidInput, NotFound, StaleVersion
from domain.household import Household, HouseholdStatus
from domain.plan import ActionStatus, PlanFrozen, PlanIncomplete, PlanStatus, PlanStep
from domain.rekensom import Payer, Scenario
from domain.services import households as household_service
from domain.services import plans as service
from domain.services.households import parse_draft
from storage.bootstrap import Database
from tests.builders import (
    DECISION_REQUEST,
    EXPECTED_TOTALS,
    HOUSEHOLD,
    complete_content,
    grant_mandate,
    problem_id,
)


def new_household(db: Database, **extra: Any) -> Household:
    return household_service.create_household(parse_draft({**HOUSEHOLD, **extra}), db.uow(), db.actor)


def number(household: Household) -> str:
    assert household.case_number is not None
    return household.case_number


def decided(db: Database) -> tuple[Household, Any]:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor, content=complete_content(problem_id(household, "financien")))
    plan = service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), grant_mandate(db.uow, db.actor))
    return household, plan


def test_a_full_plan_roundtrips_exactly(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    content = complete_content(problem_id(household, "financien"))
    content["rekensom"]["discount_rate"] = "0.0300"
    content["rekensom"]["lines"][1]["quantity"] = "2.5"
    content["rekensom"]["lines"][1]["duration_months"] = 5
    content["actions"][0]["contact_id"] = 17
    plan = service.start_plan(case, db.uow(), db.actor, content=content)
    assert plan.sta_in_de_weg.leefgebied == "financien"  # kept beside the id
    loaded = service.get_plan(case, db.uow(), db.actor)
    assert loaded.model_dump(exclude={"updated_at", "created_at"}) == plan.model_dump(
        exclude={"updated_at", "created_at"}
    )
    assert loaded.content() == plan.content()
    assert str(loaded.rekensom.lines[1].quantity) == "2.5" and str(loaded.rekensom.discount_rate) == "0.03"
    assert str(loaded.rekensom.lines[0].amount) == "100000.00"
    assert loaded.actions[0].legal_basis_ids == ["awb_4_84", "pw_18_lid_1"]
    assert loaded.juridisch.grondslagen[0].toelichting.startswith("Afwijken")
    assert loaded.created_by == db.actor.display_name and loaded.created_at is not None
    assert loaded.created_at.tzinfo is not None


def test_overview_computes_the_rekensom_and_what_is_missing(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor)
    overview = service.plan_overview(case, db.uow(), db.actor)
    assert not overview.can_decide and len(overview.missing) >= 8
    service.update_plan(case, complete_content(problem_id(household, "financien")), plan.version, db.uow(), db.actor)
    overview = service.plan_overview(case, db.uow(), db.actor)
    assert overview.missing == [] and overview.can_decide
    totals = overview.result.totals
    assert (str(totals[Scenario.HUIDIG_PAD]), str(totals[Scenario.DOORBRAAK]), str(overview.result.verschil)) == (
        EXPECTED_TOTALS["huidig_pad"],
        EXPECTED_TOTALS["doorbraak"],
        EXPECTED_TOTALS["verschil"],
    )
    assert [b.id for b in overview.legal_bases] == ["awb_4_84", "pw_18_lid_1", "avg_6"]
    assert overview.result.row(Payer.GEMEENTE_SCHULDHULP).verschil == Decimal("-1500.00")


def test_stale_save_is_refused_and_nothing_changes(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor)
    first = service.update_section(case, PlanStep.PERSPECTIEF, "Eerste", plan.version, db.uow(), db.actor)
    assert first.version == plan.version + 1
    with pytest.raises(StaleVersion, match="Dit maatwerkplan is intussen door iemand anders gewijzigd"):
        service.update_section(case, PlanStep.PERSPECTIEF, "Tweede", plan.version, db.uow(), db.actor)
    assert service.get_plan(case, db.uow(), db.actor).perspectief == "Eerste"


def test_invalid_content_is_refused_in_dutch_and_not_saved(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor)
    content = complete_content(problem_id(household, "financien"))
    content["rekensom"]["lines"][0]["amount"] = "12,50"
    content["rekensom"]["lines"][1]["probability"] = "2"
    with pytest.raises(InvalidInput) as info:
        service.update_plan(case, content, plan.version, db.uow(), db.actor)
    paths = {p.path for p in info.value.problems}
    assert paths == {"rekensom.lines.0.amount", "rekensom.lines.1.probability"}
    other = complete_content(None, leefgebied="justitie")  # the household has no problem there
    with pytest.raises(InvalidInput, match="Kies een probleem van dit huishouden"):
        service.update_plan(case, other, plan.version, db.uow(), db.actor)
    assert service.get_plan(case, db.uow(), db.actor).version == plan.version


def test_obstacle_can_be_given_by_leefgebied(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor)
    saved = service.update_section(
        case, PlanStep.STA_IN_DE_WEG, {"leefgebied": "huisvesting"}, plan.version, db.uow(), db.actor
    )
    assert saved.sta_in_de_weg.problem_id == problem_id(household, "huisvesting")


def test_deciding_refuses_an_incomplete_plan_with_the_list(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor)
    with pytest.raises(PlanIncomplete) as info:
        service.decide_plan(case, DECISION_REQUEST, plan.version, db.uow(), db.actor)
    assert {m.step for m in info.value.missing} >= {PlanStep.PERSPECTIEF, PlanStep.TOESTEMMING}
    assert service.get_plan(case, db.uow(), db.actor).status is PlanStatus.CONCEPT


def test_the_household_follows_its_plan_through_every_step(db: Database) -> None:
    household, plan = decided(db)
    case = number(household)
    assert plan.status is PlanStatus.VASTGESTELD and plan.decision is not None
    assert household_service.get_household(case, db.uow(), db.actor).status is HouseholdStatus.PLAN_VASTGESTELD
    plan = service.start_execution(case, plan.version, db.uow(), db.actor)
    assert household_service.get_household(case, db.uow(), db.actor).status is HouseholdStatus.UITVOERING
    plan = service.set_action_status(case, "a1", ActionStatus.GEDAAN, plan.version, db.uow(), db.actor)
    plan = service.set_action_status(
        case, "a2", ActionStatus.VASTGELOPEN, plan.version, db.uow(), db.actor, note="Mitros wacht op het vonnis"
    )
    plan = service.record_evaluation(
        case, {"moment": 0, "rapportcijfer": 4, "scores": {"financien": 1}}, plan.version, db.uow(), db.actor
    )
    plan = service.record_evaluation(
        case,
        {"moment": 3, "rapportcijfer": 7, "scores": {"financien": 3}, "realised_costs": "4650.00"},
        plan.version,
        db.uow(),
        db.actor,
    )
    plan = service.complete_evaluation(case, plan.version, db.uow(), db.actor)
    assert plan.status is PlanStatus.GEEVALUEERD
    loaded = service.get_plan(case, db.uow(), db.actor)
    assert [a.status for a in loaded.actions] == [ActionStatus.GEDAAN, ActionStatus.VASTGELOPEN]
    assert loaded.actions[1].status_note == "Mitros wacht op het vonnis"
    assert [(e.moment, e.rapportcijfer, e.scores) for e in loaded.evaluations] == [
        (0, 4, {"financien": 1}),
        (3, 7, {"financien": 3}),
    ]
    assert loaded.evaluations[1].realised_costs == Decimal("4650.00")
    assert household_service.get_household(case, db.uow(), db.actor).status is HouseholdStatus.GEEVALUEERD


def test_a_decided_version_is_frozen_and_a_new_version_is_kept_beside_it(db: Database) -> None:
    household, v1 = decided(db)
    case = number(household)
    with pytest.raises(PlanFrozen, match="Maak een nieuwe versie"):
        service.update_section(case, PlanStep.PERSPECTIEF, "Anders", v1.version, db.uow(), db.actor)
    with pytest.raises(PlanFrozen):
        service.save_draft(case, {"perspectief": "Anders"}, db.uow(), db.actor)
    v2 = service.new_plan_version(case, db.uow(), db.actor)
    assert (v2.plan_version, v2.status, v2.consent, v2.decision) == (2, PlanStatus.CONCEPT, None, None)
    with pytest.raises(Conflict, match="nog een concept"):
        service.new_plan_version(case, db.uow(), db.actor)
    v2 = service.update_section(
        case, PlanStep.PERSPECTIEF, "Over een jaar een eigen contract.", v2.version, db.uow(), db.actor
    )
    versions = service.plan_versions(case, db.uow(), db.actor)
    assert [(v.plan_version, v.status) for v in versions] == [(1, PlanStatus.VASTGESTELD), (2, PlanStatus.CONCEPT)]
    assert versions[0].decided_by == "Sanne de Wit"
    assert service.get_plan(case, db.uow(), db.actor, plan_version=1).perspectief.startswith("Over een jaar wonen")
    diff = service.compare_versions(case, 1, 2, db.uow(), db.actor)
    assert [s.step for s in diff.changed_sections] == [PlanStep.PERSPECTIEF, PlanStep.TOESTEMMING, PlanStep.BESLUIT]
    with pytest.raises(NotFound, match="geen maatwerkplan versie 7"):
        service.get_plan(case, db.uow(), db.actor, plan_version=7)


def test_draft_autosave_keeps_invalid_input_and_loading_prefers_the_newest(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    # Before any plan exists, typing is saved too.
    saved = service.save_draft(
        case, {"perspectief": "Rust", "rekensom": {"horizon_months": "twaalf"}}, db.uow(), db.actor
    )
    assert saved.saved_at is not None and [p.path for p in saved.problems] == ["rekensom.horizon_months"]
    workspace = service.load_plan_for_editing(case, db.uow(), db.actor)
    assert workspace.plan is None and workspace.prefer_draft and workspace.content["perspectief"] == "Rust"
    assert workspace.problems and not workspace.draft_outdated
    plan = service.start_plan(case, db.uow(), db.actor)  # clears the draft
    assert service.load_plan_for_editing(case, db.uow(), db.actor).draft is None
    service.save_draft(case, {"perspectief": "Rust in huis", "goals": [{"text": ""}]}, db.uow(), db.actor)
    service.save_draft(case, {"perspectief": "Rust in huis en op school"}, db.uow(), db.actor)  # replaces
    workspace = service.load_plan_for_editing(case, db.uow(), db.actor)
    assert workspace.prefer_draft and workspace.content == {"perspectief": "Rust in huis en op school"}
    assert workspace.problems == [] and workspace.plan is not None and workspace.plan.perspectief == ""
    # Another user's draft is theirs alone.
    other = Actor(username="fbouzid", display_name="Fatima Bouzid", role=Role.COORDINATOR)
    assert service.load_plan_for_editing(case, db.uow(), other).draft is None
    # Saving the plan clears the draft; a later plan save makes an older draft second choice.
    plan = service.update_plan(case, {"perspectief": "Definitief"}, plan.version, db.uow(), db.actor)
    assert service.load_plan_for_editing(case, db.uow(), db.actor).draft is None
    service.save_draft(case, {"perspectief": "Nog een idee"}, db.uow(), other)
    service.update_section(case, PlanStep.DOORBRAAK, "Aflossen", plan.version, db.uow(), db.actor)
    workspace = service.load_plan_for_editing(case, db.uow(), other)
    assert workspace.draft is not None and not workspace.prefer_draft and workspace.draft_outdated
    assert workspace.content["perspectief"] == "Definitief"
    service.discard_draft(case, db.uow(), other)
    assert service.load_plan_for_editing(case, db.uow(), other).draft is None


def test_draft_size_is_limited(db: Database) -> None:
    case = number(new_household(db))
    with pytest.raises(InvalidInput, match="groter dan"):
        service.save_draft(case, {"perspectief": "x" * (1024 * 1024 + 10)}, db.uow(), db.actor)


def test_kengetal_overrides_per_municipality(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    standard = {k.id: k for k in service.kengetallen_for("GM0344", db.uow(), db.actor)}
    assert (
        standard["bijstand_uitvoering"].bedrag == Decimal("2883.00") and not standard["bijstand_uitvoering"].overridden
    )
    own = service.set_kengetal_override(
        "GM0344", "bijstand_uitvoering", "3100.00", "Gemeente Utrecht, begroting", 2025, db.uow(), db.actor
    )
    assert (
        own.overridden and own.bedrag == Decimal("3100.00") and own.source_label == "Gemeente Utrecht, begroting (2025)"
    )
    again = service.set_kengetal_override(
        "GM0344", "bijstand_uitvoering", "3150.00", "Gemeente Utrecht", 2026, db.uow(), db.actor
    )
    assert again.bedrag == Decimal("3150.00")  # replaced, not duplicated
    assert {k.id: k for k in service.kengetallen_for("GM0363", db.uow(), db.actor)}[
        "bijstand_uitvoering"
    ].bedrag == Decimal("2883.00")
    plan = service.start_plan(case, db.uow(), db.actor)
    plan = service.add_cost_line_from_kengetal(
        case, "bijstand_uitvoering", Scenario.HUIDIG_PAD, plan.version, db.uow(), db.actor, start_month=6
    )
    line = plan.rekensom.lines[0]
    assert (line.id, line.amount, line.payer, line.source and line.source.text) == (
        "k1",
        Decimal("3150.00"),
        Payer.GEMEENTE_PARTICIPATIEWET,
        "Gemeente Utrecht",
    )
    assert str(plan.rekensom_result().totals[Scenario.HUIDIG_PAD]) == "1575.00"  # 3150 / 12 × 6
    with pytest.raises(InvalidInput, match="zonder bedrag"):
        service.add_cost_line_from_kengetal(
            case, "zorgverzekering_wanbetaler", Scenario.HUIDIG_PAD, plan.version, db.uow(), db.actor
        )
    with pytest.raises(NotFound):
        service.set_kengetal_override("GM0344", "bestaat_niet", "1", "x", 2025, db.uow(), db.actor)
    with pytest.raises(InvalidInput):
        service.set_kengetal_override("GM0344", "wmo_uitvoering", "-5", "x", 2025, db.uow(), db.actor)
    professional = Actor(username="p", display_name="P", role=Role.PROFESSIONAL)
    with pytest.raises(AccessDenied):
        service.set_kengetal_override("GM0344", "wmo_uitvoering", "600", "x", 2025, db.uow(), professional)
    assert service.remove_kengetal_override("GM0344", "bijstand_uitvoering", db.uow(), db.actor)
    assert not service.remove_kengetal_override("GM0344", "bijstand_uitvoering", db.uow(), db.actor)


def test_plan_events_are_audited(db: Database) -> None:
    household, plan = decided(db)
    case = number(household)
    service.export_plan(case, db.uow(), db.actor)
    with db.uow() as uow:
        records = list(uow.audit.records(object_type="maatwerkplan", object_id=f"{case}/v1"))
        assert uow.audit.verify() == []
    kinds = [r.event.kind.value for r in records]
    assert kinds[0] == "create" and "update" in kinds and kinds[-1] == "export"
    decision = next(r for r in records if r.event.kind.value == "update" and "status" in r.event.changes)
    assert decision.event.changes["status"] == ("concept", "vastgesteld")


def test_access_is_checked(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    service.start_plan(case, db.uow(), db.actor)
    let = Actor(username="let", display_name="LET", role=Role.LET)
    with pytest.raises(AccessDenied):
        service.get_plan(case, db.uow(), let)
    elsewhere = Actor(username="a", display_name="A", role=Role.COORDINATOR, municipality_codes=frozenset({"GM0363"}))
    with pytest.raises(AccessDenied):
        service.plan_overview(case, db.uow(), elsewhere)


def test_case_file_moves_a_household_with_all_plan_versions(db: Database) -> None:
    household, v1 = decided(db)
    case = number(household)
    v2 = service.new_plan_version(case, db.uow(), db.actor)
    service.update_section(case, PlanStep.DOORBRAAK, "Andere doorbraak", v2.version, db.uow(), db.actor)
    exported_household, plans = service.export_case(case, db.uow(), db.actor)
    from domain.plan_document import plan_to_document

    documents = [plan_to_document(p) for p in plans]
    imported, imported_plans = service.import_case(exported_household, documents, db.uow(), db.actor, new_number=True)
    assert imported.case_number != case
    assert [(p.plan_version, p.status) for p in imported_plans] == [
        (1, PlanStatus.VASTGESTELD),
        (2, PlanStatus.CONCEPT),
    ]
    # The obstacle points at the new household's own problem.
    assert imported_plans[0].sta_in_de_weg.problem_id == problem_id(imported, "financien")
    assert imported_plans[0].sta_in_de_weg.problem_id != v1.sta_in_de_weg.problem_id
    assert imported_plans[1].doorbraak == "Andere doorbraak"


def test_import_plan_into_existing_household(db: Database) -> None:
    from domain.plan_document import plan_to_document

    source, v1 = decided(db)
    document = plan_to_document(v1)
    target = number(new_household(db))
    first = service.import_plan(target, document, db.uow(), db.actor)
    assert (first.plan_version, first.status) == (1, PlanStatus.VASTGESTELD)
    assert household_service.get_household(target, db.uow(), db.actor).status is HouseholdStatus.PLAN_VASTGESTELD
    second = service.import_plan(target, document, db.uow(), db.actor)  # a decided plan becomes the next version
    assert second.plan_version == 2
    concept = {**document, "status": "concept", "decision": None, "perspectief": "Concept uit een scenario"}
    v3 = service.new_plan_version(target, db.uow(), db.actor)
    replaced = service.import_plan(target, concept, db.uow(), db.actor)  # replaces the concept's content
    assert (replaced.plan_version, replaced.perspectief) == (v3.plan_version, "Concept uit een scenario")
    with pytest.raises(Conflict, match="conceptversie"):
        service.import_plan(target, document, db.uow(), db.actor)


def test_deleting_a_household_removes_its_plans(db: Database) -> None:
    household, _ = decided(db)
    case = number(household)
    service.new_plan_version(case, db.uow(), db.actor)
    service.save_draft(case, {"perspectief": "x"}, db.uow(), db.actor)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM household WHERE case_number = :c"), {"c": case})
        for table in ("maatwerkplan", "plan_action", "plan_cost_line", "plan_legal_basis", "plan_draft"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_a_removed_obstacle_problem_does_not_block_other_sections(db: Database) -> None:
    household = new_household(db)
    case = number(household)
    plan = service.start_plan(case, db.uow(), db.actor, content=complete_content(problem_id(household, "financien")))
    household = household_service.get_household(case, db.uow(), db.actor)  # its status followed the plan
    assert household.status is HouseholdStatus.IN_BEHANDELING
    data = household.model_dump(
        include={"name", "municipality_code", "address", "professional", "members", "problems", "organisations"}
    )
    data["problems"] = [p for p in data["problems"] if p["leefgebied"] != "financien"]
    household_service.update_household(case, parse_draft(data), household.version, db.uow(), db.actor)
    saved = service.update_section(case, PlanStep.DOORBRAAK, "Nieuwe doorbraak", plan.version, db.uow(), db.actor)
    missing = service.plan_overview(case, db.uow(), db.actor).missing
    assert [m.message for m in missing] == [
        "De grootste sta-in-de-weg verwijst naar een probleem dat niet bij dit huishouden hoort."
    ]
    with pytest.raises(InvalidInput, match="Kies een probleem van dit huishouden"):
        service.update_section(case, PlanStep.STA_IN_DE_WEG, {"problem_id": 987654}, saved.version, db.uow(), db.actor)
    with pytest.raises(InvalidInput, match="niet via de planinhoud"):
        service.update_section(case, PlanStep.BESLUIT, {}, saved.version, db.uow(), db.actor)
