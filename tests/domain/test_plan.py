"""The maatwerkplan as a domain model: what blocks a decision, freezing, versions and their diff,
the legal-basis checks and the catalogue search. No database here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from domain.catalogues import legal_bases, search_legal_bases
from domain.errors import DomainError, IllegalTransition
from domain.household import Household
from domain.plan import (
    Action,
    ActionStatus,
    ChangeKind,
    Decision,
    Evaluation,
    Maatwerkplan,
    PlanContent,
    PlanFrozen,
    PlanIncomplete,
    PlanStatus,
    PlanStep,
    diff_plans,
    frozen_view,
    plan_warnings,
    stamp_done_on,
    steps_status,
    what_is_missing,
)
from domain.plan_document import plan_from_document, plan_to_document
from domain.rekensom import Payer
from tests.builders import DECISION, HOUSEHOLD, complete_content


@pytest.fixture
def household() -> Household:
    data = {**HOUSEHOLD, "case_number": "DB-2026-000042"}
    data["problems"] = [{**p, "id": 100 + i} for i, p in enumerate(HOUSEHOLD["problems"])]
    return Household.model_validate(data)


def plan(content: dict[str, Any] | None = None) -> Maatwerkplan:
    return Maatwerkplan.model_validate({**(content or {}), "case_number": "DB-2026-000042"})


def messages(items: list[Any]) -> list[str]:
    return [item.message for item in items]


def test_an_empty_plan_lists_everything_that_blocks_a_decision(household: Household) -> None:
    missing = what_is_missing(plan(), household)
    assert {m.step for m in missing} == {
        PlanStep.PERSPECTIEF,
        PlanStep.STA_IN_DE_WEG,
        PlanStep.DOORBRAAK,
        PlanStep.DOELEN,
        PlanStep.ACTIES,
        PlanStep.REKENSOM,
        PlanStep.JURIDISCH,
        PlanStep.TOESTEMMING,
    }
    text = " ".join(messages(missing))
    for phrase in (
        "perspectief",
        "sta-in-de-weg",
        "doorbraak",
        "doel",
        "actie",
        "rekensom is leeg",
        "toestemming",
        "privacygrondslag",
        "bevoegd gezag",
    ):
        assert phrase in text.lower()
    # In the order of the steps, so an overview can show them top-down.
    order = list(PlanStep)
    assert [order.index(m.step) for m in missing] == sorted(order.index(m.step) for m in missing)


def test_a_complete_plan_misses_nothing(household: Household) -> None:
    complete = plan(complete_content(100))
    assert what_is_missing(complete, household) == []
    assert all(steps_status(complete, household).values())


def test_a_deviating_action_without_legal_basis_is_flagged(household: Household) -> None:
    content = complete_content(100)
    content["actions"][0]["legal_basis_ids"] = []
    missing = what_is_missing(plan(content), household)
    assert messages(missing) == [
        "Actie 'Huurschuld aflossen (bijzondere bijstand, afwijke…' wijkt af van de standaard "
        "maar heeft geen rechtsgrond."
    ]
    assert missing[0].step is PlanStep.ACTIES
    # Not deviating: no basis needed.
    content["actions"][0]["deviating"] = False
    assert what_is_missing(plan(content), household) == []


def test_a_deviation_needs_facts_and_a_disproportionality_argument(household: Household) -> None:
    content = complete_content(100)
    content["juridisch"]["feiten"] = ""
    content["juridisch"]["onevenredigheid"] = ""
    content["actions"][0]["reasoning"]["onevenredigheid"] = ""
    found = messages(what_is_missing(plan(content), household))
    assert any("onevenredig" in m for m in found)
    assert "De feiten ontbreken (het plan wijkt af van de standaard)." in found


def test_rekensom_needs_both_scenarios_and_sources(household: Household) -> None:
    content = complete_content(100)
    content["rekensom"]["lines"] = [line for line in content["rekensom"]["lines"] if line["scenario"] == "huidig_pad"]
    content["actions"][0]["cost_line_id"] = None
    content["rekensom"]["lines"][0]["source"] = None
    found = messages(what_is_missing(plan(content), household))
    assert "De rekensom heeft geen kosten voor de doorbraak." in found
    assert "Kostenregel 'Huisuitzetting' heeft geen bron (kengetal of eigen bron met jaartal)." in found


def test_actions_need_an_owner_and_a_deadline(household: Household) -> None:
    content = complete_content(100)
    content["actions"][1]["owner_organisation"] = ""
    content["actions"][1]["deadline"] = None
    found = messages(what_is_missing(plan(content), household))
    assert found == [
        "Actie 'Ontruiming intrekken' heeft geen eigenaar (organisatie).",
        "Actie 'Ontruiming intrekken' heeft geen deadline.",
    ]


def test_the_obstacle_must_be_a_problem_of_this_household(household: Household) -> None:
    found = messages(what_is_missing(plan(complete_content(999)), household))
    assert found == ["De grootste sta-in-de-weg verwijst naar een probleem dat niet bij dit huishouden hoort."]


def test_warnings_do_not_block(household: Household) -> None:
    content = complete_content(100)
    content["goals"].append({"text": "Noë gaat naar de brugklas"})
    content["actions"][1]["owner_organisation"] = "Woonstichting X"
    warnings = messages(plan_warnings(plan(content), household))
    assert "Doel 'Noë gaat naar de brugklas' heeft nog geen actie." in warnings
    assert any("Woonstichting X" in w for w in warnings)
    assert what_is_missing(plan(content), household) == []


def test_ids_are_assigned_and_references_checked() -> None:
    p = plan(complete_content(100))
    assert [g.id for g in p.goals] == ["d1", "d2"]
    assert [a.id for a in p.actions] == ["a1", "a2"]
    assert [line.id for line in p.rekensom.lines] == ["k1", "k2", "k3", "k4"]
    bad = complete_content(100)
    bad["actions"][0]["cost_line_id"] = "k9"
    with pytest.raises(ValidationError, match="onbekende kostenregel 'k9'"):
        plan(bad)
    bad = complete_content(100)
    bad["actions"][0]["legal_basis_ids"] = ["wet_op_de_maan"]
    with pytest.raises(ValidationError, match="Onbekende rechtsgrond 'wet_op_de_maan'"):
        plan(bad)
    bad = complete_content(100)
    bad["goals"][1]["id"] = "d7"
    bad["goals"].append({"id": "d7", "text": "dubbel"})
    with pytest.raises(ValidationError, match="komt twee keer voor"):
        plan(bad)


def test_deciding_an_incomplete_plan_is_refused_with_the_list(household: Household) -> None:
    p = plan({"perspectief": "Rust in huis"})
    with pytest.raises(PlanIncomplete) as info:
        p.decide(Decision.model_validate(DECISION), household)
    assert p.status is PlanStatus.CONCEPT and p.decision is None
    assert "Het plan kan nog niet worden vastgesteld" in info.value.message
    assert info.value.missing == what_is_missing(p, household)
    assert "De doorbraak is niet beschreven." in info.value.message


def test_a_decided_version_is_frozen(household: Household) -> None:
    p = plan(complete_content(100))
    p.decide(Decision.model_validate(DECISION), household)
    assert p.status is PlanStatus.VASTGESTELD and p.is_frozen
    with pytest.raises(PlanFrozen, match="Versie 1 van het maatwerkplan is vastgesteld"):
        p.perspectief = "Iets anders"
    with pytest.raises(PlanFrozen):
        p.replace_content(PlanContent())
    with pytest.raises(IllegalTransition, match="al vastgesteld"):
        p.decide(Decision.model_validate(DECISION), household)
    # Execution and monitoring go on.
    p.start_execution()
    p.set_action_status("a1", ActionStatus.VASTGELOPEN, "Mitros reageert niet")
    assert p.actions[0].status is ActionStatus.VASTGELOPEN and p.actions[0].status_note == "Mitros reageert niet"
    with pytest.raises(IllegalTransition, match="evaluatiemoment"):
        p.complete_evaluation()
    p.record_evaluation(Evaluation(moment=0, rapportcijfer=4, scores={"financien": 1}))
    p.record_evaluation(Evaluation(moment=3, rapportcijfer=6, scores={"huisvesting": 3, "financien": 2}))
    p.record_evaluation(Evaluation(moment=3, rapportcijfer=7, scores={"financien": 2}))  # replaces moment 3
    assert [(e.moment, e.rapportcijfer) for e in p.evaluations] == [(0, 4), (3, 7)]
    p.complete_evaluation()
    assert p.status is PlanStatus.GEEVALUEERD
    with pytest.raises(IllegalTransition):
        p.set_action_status("a1", ActionStatus.GEDAAN)


def test_transitions_follow_the_method() -> None:
    p = plan()
    with pytest.raises(IllegalTransition, match="Alleen een vastgesteld plan"):
        p.start_execution()
    with pytest.raises(IllegalTransition, match="Alleen een plan in uitvoering"):
        p.complete_evaluation()


def test_evaluations_are_validated() -> None:
    with pytest.raises(ValidationError, match="0, 3, 6 of 12"):
        Evaluation(moment=4, rapportcijfer=6)
    with pytest.raises(ValidationError):
        Evaluation(moment=3, rapportcijfer=11)
    with pytest.raises(ValidationError, match="tussen 1 en 5"):
        Evaluation(moment=3, scores={"financien": 6})
    with pytest.raises(ValidationError, match="rapportcijfer of ten minste één ZRM-score"):
        Evaluation(moment=3)
    ordered = Evaluation(moment=12, scores={"justitie": 4, "financien": 3})
    assert list(ordered.scores) == ["financien", "justitie"]  # ZRM order


def test_a_new_version_copies_the_content_and_needs_a_new_decision(household: Household) -> None:
    v1 = plan(complete_content(100))
    v1.decide(Decision.model_validate(DECISION), household)
    v1.start_execution()
    v1.set_action_status("a2", ActionStatus.GEDAAN, today=date(2026, 11, 20))
    v1.record_evaluation(Evaluation(moment=0, rapportcijfer=5))
    v2 = v1.next_version("Fatima Bouzid")
    assert (v2.plan_version, v2.status, v2.decision, v2.consent) == (2, PlanStatus.CONCEPT, None, None)
    assert v2.created_by == "Fatima Bouzid"
    assert v2.perspectief == v1.perspectief and v2.actions[1].status is ActionStatus.GEDAAN
    assert v2.actions[1].done_on == date(2026, 11, 20)  # progress, with its day, comes along
    assert v2.evaluations == v1.evaluations
    assert [m.step for m in what_is_missing(v2, household)] == [PlanStep.TOESTEMMING]
    v2.perspectief = "Over een jaar een eigen huurcontract."  # a concept is editable
    assert v1.perspectief != v2.perspectief


def test_two_versions_compare_section_by_section(household: Household) -> None:
    v1 = plan(complete_content(100))
    v1.decide(Decision.model_validate(DECISION), household)
    v2 = v1.next_version()
    content = v2.content().model_dump()
    content["perspectief"] = "Over een jaar een eigen huurcontract."
    content["actions"][1]["deadline"] = date(2027, 1, 31)
    content["actions"].append({"what": "Budgetcoaching", "owner_organisation": "Gemeente Utrecht"})
    content["rekensom"]["lines"].pop(3)
    content["rekensom"]["horizon_months"] = 24
    content["juridisch"]["grondslagen"].append({"basis_id": "awb_3_4_lid_2"})
    v2.replace_content(PlanContent.model_validate(content))
    diff = diff_plans(v1, v2)
    assert (diff.old_version, diff.new_version) == (1, 2)
    assert [s.step for s in diff.sections] == list(PlanStep)
    changed = {s.step: {(c.path, c.kind, c.old, c.new) for c in s.changes} for s in diff.changed_sections}
    assert set(changed) == {
        PlanStep.PERSPECTIEF,
        PlanStep.ACTIES,
        PlanStep.REKENSOM,
        PlanStep.JURIDISCH,
        PlanStep.TOESTEMMING,
        PlanStep.BESLUIT,
    }
    assert changed[PlanStep.ACTIES] == {
        ("actions[a2].deadline", ChangeKind.GEWIJZIGD, "2026-12-20", "2027-01-31"),
        ("actions[a3]", ChangeKind.TOEGEVOEGD, "", "Budgetcoaching"),
    }
    assert changed[PlanStep.REKENSOM] == {
        ("rekensom.horizon_months", ChangeKind.GEWIJZIGD, "12", "24"),
        ("rekensom.lines[k4]", ChangeKind.VERWIJDERD, "Schuldhulptraject", ""),
    }
    assert ("juridisch.grondslagen[awb_3_4_lid_2].basis_id", ChangeKind.TOEGEVOEGD, "", "awb_3_4_lid_2") in changed[
        PlanStep.JURIDISCH
    ]
    assert ("consent", ChangeKind.VERWIJDERD, "Eline Jansen", "") in changed[PlanStep.TOESTEMMING]
    assert ("status", ChangeKind.GEWIJZIGD, "vastgesteld", "concept") in changed[PlanStep.BESLUIT]
    as_json = diff.to_dict()
    assert as_json["sections"][1]["section"] == "perspectief" and as_json["sections"][1]["changed"] is True
    assert diff_plans(v1, v1).is_empty


def test_legal_catalogue_has_the_seed_list_and_search_ignores_case_and_diacritics() -> None:
    ids = {b.id for b in legal_bases()}
    assert {
        "awb_3_4_lid_2",
        "awb_4_84",
        "pw_18_lid_1",
        "wmo_2_3_5",
        "wmo_2_1_3",
        "jeugdwet_1_1",
        "jeugdwet_1_2",
        "wlz_toegang",
        "kwijtschelding_gemeentelijke_belastingen",
        "cjib_noodstop",
        "toeslagen_betalingsregeling",
        "wgs_vroegsignalering",
        "avg_6",
        "avg_9",
    } <= ids
    assert [b.id for b in search_legal_bases("4:84")] == ["awb_4_84"]
    assert search_legal_bases("AWB")[0].wet.startswith("Algemene wet bestuursrecht")
    assert "wmo_2_3_5" in [b.id for b in search_legal_bases("CLIËNT")]  # "cliënt" in the text
    assert "wmo_2_3_5" in [b.id for b in search_legal_bases("client maatwerkvoorziening")]
    assert [b.id for b in search_legal_bases("ECLI:NL:RVS:2022:285")] == ["awb_3_4_lid_2"]
    assert {"avg_6", "avg_9", "uavg_30"} <= {b.id for b in search_legal_bases(privacy=True)}
    assert all(b.is_privacy for b in search_legal_bases(privacy=True))
    assert all("specifieke_regeling" in b.afwijkingen for b in search_legal_bases(ruimte="specifieke_regeling"))
    assert search_legal_bases("geen-bestaande-term-xyz") == []
    basis = next(b for b in legal_bases() if b.id == "awb_4_84")
    assert (
        basis.ruimte_label == "Inherente afwijkingsbevoegdheid (Awb 4:84)"
        and basis.title == "Algemene wet bestuursrecht (Awb), art. 4:84"
    )


def test_plan_document_roundtrip_links_the_obstacle_by_leefgebied(household: Household) -> None:
    p = plan(complete_content(101, leefgebied="huisvesting"))
    document = plan_to_document(p)
    assert document["sta_in_de_weg"] == {"leefgebied": "huisvesting", "toelichting": "Zonder woning lukt niets."}
    back = plan_from_document(document, household)
    assert back.sta_in_de_weg.problem_id == 101
    assert back.model_dump(exclude={"case_number"}) == p.model_dump(exclude={"case_number"})


def test_a_decided_plan_document_must_be_complete(household: Household) -> None:
    document = plan_to_document(plan(complete_content(100, leefgebied="financien")))
    document["status"] = "vastgesteld"
    with pytest.raises(Exception, match="besluit"):
        plan_from_document(document, household)
    document["decision"] = DECISION
    document["consent"] = None
    with pytest.raises(Exception, match="toestemming van de bewoner ontbreekt"):
        plan_from_document(document, household)


def test_an_action_done_has_the_day_it_was_done(household: Household) -> None:
    p = plan(complete_content(100))
    p.decide(Decision.model_validate(DECISION), household)
    today = date(2026, 11, 20)
    with pytest.raises(DomainError, match="Geef de datum"):
        p.set_action_status("a1", ActionStatus.GEDAAN)  # neither a day nor today
    assert p.set_action_status("a1", ActionStatus.GEDAAN, today=today).done_on == today
    # Marked done again (e.g. only the note changed): the day stays; a given day replaces it.
    assert p.set_action_status("a1", ActionStatus.GEDAAN, "klaar", today=date(2026, 11, 25)).done_on == today
    assert p.set_action_status("a1", ActionStatus.GEDAAN, done_on=date(2026, 11, 2), today=today).done_on == (
        date(2026, 11, 2))
    with pytest.raises(DomainError, match="in de toekomst"):
        p.set_action_status("a1", ActionStatus.GEDAAN, done_on=date(2026, 11, 21), today=today)
    with pytest.raises(DomainError, match="vóór 2000"):
        p.set_action_status("a1", ActionStatus.GEDAAN, done_on=date(1926, 11, 2), today=today)
    with pytest.raises(DomainError, match="Alleen een actie met status 'gedaan'"):
        p.set_action_status("a2", ActionStatus.BEZIG, done_on=date(2026, 11, 2), today=today)
    assert p.actions[0].done_on == date(2026, 11, 2)  # refused changes change nothing
    assert p.set_action_status("a1", ActionStatus.BEZIG, today=today).done_on is None  # leaves gedaan: cleared
    # The day is execution, not content: it may change on a decided plan.
    frozen = frozen_view(p)
    p.set_action_status("a1", ActionStatus.GEDAAN, done_on=date(2026, 11, 3), today=today)
    assert frozen_view(p) == frozen
    with pytest.raises(ValidationError, match="Alleen een actie met status 'gedaan'"):
        Action(what="Bellen", status=ActionStatus.OPEN, done_on=today)


def test_content_saves_stamp_the_day_of_actions_done() -> None:
    today = date(2026, 11, 20)
    before = [Action(id="a1", what="x", status=ActionStatus.GEDAAN, done_on=date(2026, 11, 1)),
              Action(id="a2", what="y", status=ActionStatus.GEDAAN)]  # done before the day existed
    after = [Action(id="a1", what="x", status=ActionStatus.GEDAAN),
             Action(id="a2", what="y", status=ActionStatus.GEDAAN),
             Action(id="a3", what="z", status=ActionStatus.GEDAAN),
             Action(id="a4", what="w", status=ActionStatus.GEDAAN, done_on=date(2026, 12, 1))]
    problems = stamp_done_on(before, after, today)
    assert [a.done_on for a in after[:3]] == [date(2026, 11, 1), None, today]
    assert problems == ["Actie 4 (w): De datum gedaan ligt in de toekomst."]


def test_realised_costs_per_payer() -> None:
    e = Evaluation(moment=3, rapportcijfer=6, realised_by_payer={"uwv": "10.5", "gemeente_wmo": "100"})
    assert list(e.realised_by_payer) == [Payer.GEMEENTE_WMO, Payer.UWV]  # the rekensom's payer order
    assert e.realised_by_payer[Payer.UWV] == Decimal("10.50") and e.realised_costs == Decimal("110.50")
    assert Evaluation(moment=3, rapportcijfer=6, realised_costs="110.50",
                      realised_by_payer={"uwv": "10.50", "gemeente_wmo": "100"}).realised_costs == Decimal("110.50")
    with pytest.raises(ValidationError, match="niet de som"):
        Evaluation(moment=3, rapportcijfer=6, realised_costs="100", realised_by_payer={"uwv": "10"})
    with pytest.raises(ValidationError):
        Evaluation(moment=3, rapportcijfer=6, realised_by_payer={"uwv": "-1"})
    with pytest.raises(ValidationError):
        Evaluation(moment=3, rapportcijfer=6, realised_by_payer={"de buurman": "1"})
    with pytest.raises(ValidationError):
        Evaluation(moment=3, rapportcijfer=6, realised_by_payer={"uwv": "1.005"})
    assert Evaluation(moment=3, rapportcijfer=6, realised_costs="5").realised_by_payer == {}
