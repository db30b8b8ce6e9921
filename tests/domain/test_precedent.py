"""The precedent rules without a database: matching, pseudonymisation of free text, age bands, outcome."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from domain.actors import Actor, Role
from domain.household import Household
from domain.plan import Maatwerkplan, PlanStatus
from domain.precedent import (
    WITHHELD,
    PrecedentQuery,
    PrecedentSource,
    composition,
    find_precedents,
    storage_filter,
)
from tests.builders import DECISION, HOUSEHOLD, complete_content

TODAY = date(2026, 12, 1)
OTHER_TOWN = Actor(username="rb", display_name="Rob", role=Role.PROFESSIONAL, municipality_codes=frozenset({"GM0599"}))
SAME_TOWN = Actor(username="lv", display_name="Linda", role=Role.PROFESSIONAL, municipality_codes=frozenset({"GM0344"}))


def household(**extra: Any) -> Household:
    data = copy.deepcopy(HOUSEHOLD)
    data.update(extra)
    return Household.model_validate({**data, "case_number": "DB-2026-000007", "id": 7})


def decided(content: dict[str, Any] | None = None, status: PlanStatus = PlanStatus.VASTGESTELD,
            evaluations: list[dict[str, Any]] | None = None) -> Maatwerkplan:
    body = content or complete_content(None, leefgebied="financien")
    return Maatwerkplan.model_validate({**body, "id": 12, "case_number": "DB-2026-000007", "status": status,
                                        "decision": DECISION, "evaluations": evaluations or []})


def run(source: PrecedentSource, actor: Actor = OTHER_TOWN, **criteria: Any) -> list[Any]:
    found, _ = find_precedents([source], PrecedentQuery(**criteria), actor, TODAY)
    return [p for _, p in found]


def test_free_text_with_a_bsn_a_postcode_a_date_or_a_name_is_withheld_as_a_whole() -> None:
    content = complete_content(None, leefgebied="financien")
    content["doorbraak"] = "Betaling op 3 mei 2026 aan de verhuurder"
    content["sta_in_de_weg"]["toelichting"] = "Schuld sinds verhuizing naar 3531 CJ"
    content["actions"][0]["what"] = "Huurschuld aflossen, BSN 999993653 doorgeven"
    content["actions"][1]["what"] = "Ontruiming intrekken met Noë"
    content["actions"][1]["owner_organisation"] = "Mitros"
    [precedent] = run(PrecedentSource(decided(content), household()))
    assert precedent.doorbraak == precedent.sta_in_de_weg == WITHHELD
    assert [a.wat for a in precedent.acties] == [WITHHELD, WITHHELD]
    assert precedent.acties[1].eigenaar == "Mitros" and precedent.weggelaten == 4
    # The kinds are still recognised from the text that is not shown.
    assert precedent.acties[0].soorten[0] == "huurachterstand"


def test_case_number_only_within_the_own_municipality_and_ages_only_in_bands() -> None:
    source = PrecedentSource(decided(), household())
    [other] = run(source, OTHER_TOWN)
    [own] = run(source, SAME_TOWN)
    assert other.referentie == "GM0344-PLAN-000012" and not other.eigen_gemeente
    assert own.referentie == "DB-2026-000007" and own.eigen_gemeente
    assert run(source, Actor(username="l", display_name="LET", role=Role.LET))[0].referentie.startswith("GM0344-")
    members = [{"name": f"Lid {i}", "date_of_birth": born, "role": "overig"} for i, born in
               enumerate(["1959-12-02", "1959-12-01", "2008-12-02", "2008-12-01", "1950-01-01"])]
    assert composition(household(members=members), TODAY) == "4 volwassenen (18-22: 1, 45-66: 1, 67+: 2), 1 kind (0-17)"


def test_only_decided_plans_count_and_every_criterion_must_hold() -> None:
    concept = PrecedentSource(decided().model_copy(update={"status": PlanStatus.CONCEPT}), household())
    assert run(concept) == []
    source = PrecedentSource(decided(), household(), knelpunten=("Beslagvrije voet te laag",),
                             knelpunt_text="wetboek van burgerlijke rechtsvordering deurwaarders")
    assert run(source, rechtsgrond="pw_18_lid_1", actiesoort="huurachterstand", knelpunt="deurwaarders",
               leefgebied="Financiën", sta_in_de_weg="woning", zoek="Mitros")[0].overeenkomst == [
        "rechtsgrond", "sta-in-de-weg (leefgebied)", "sta-in-de-weg", "actiesoort", "knelpunt", "zoekwoorden"]
    for criteria in ({"rechtsgrond": "cjib_noodstop"}, {"actiesoort": "briefadres"}, {"knelpunt": "toeslagen"},
                     {"leefgebied": "huisvesting"}, {"zoek": "opvang kinderen"}, {"exclude_case": "DB-2026-000007"}):
        assert run(source, **criteria) == [], criteria


def test_the_outcome_compares_the_start_with_the_last_evaluation() -> None:
    evaluations = [{"moment": 0, "rapportcijfer": 4, "scores": {"financien": 2}},
                   {"moment": 6, "rapportcijfer": 7, "scores": {"financien": 4}},
                   {"moment": 12, "scores": {"werk_opleiding": 3}}]  # nothing about the sta-in-de-weg
    [precedent] = run(PrecedentSource(decided(status=PlanStatus.GEEVALUEERD, evaluations=evaluations), household()))
    outcome = precedent.uitkomst
    assert (outcome.zrm_start, outcome.zrm_laatst, outcome.laatste_moment) == (2, 4, 6)
    assert (outcome.rapportcijfer_start, outcome.rapportcijfer_laatst, outcome.geevalueerd) == (4, 7, True)
    assert outcome.samenvatting == "na 6 maanden: ZRM sta-in-de-weg 2 → 4; rapportcijfer 4 → 7; 0 van 2 acties gedaan"
    [fresh] = run(PrecedentSource(decided(), household()))
    assert fresh.uitkomst.samenvatting == "nog niet geëvalueerd: 0 van 2 acties gedaan"
    assert fresh.uitkomst.zrm_start == 1  # the household's problem score


def test_the_query_is_checked_and_turned_into_what_sql_can_filter() -> None:
    for bad in ({"rechtsgrond": "bestaat_niet"}, {"leefgebied": "maan"}, {"actiesoort": "x"}, {"limit": 0},
                {"limit": 101}, {"zoek": "x" * 201}, {"onbekend": 1}):
        with pytest.raises(ValidationError):
            PrecedentQuery(**bad)
    wanted = storage_filter(PrecedentQuery(actiesoort="briefadres", knelpunt="Geen Brïefadres", limit=3))
    assert wanted.knelpunt_words == ("geen", "briefadres") and wanted.candidates == 15
    assert "briefadres" in wanted.action_words and wanted.action_bases == ("wet_brp_2_39_briefadres",)
    assert PrecedentQuery(leefgebied="Financiën").leefgebied == "financien"


def test_the_cost_shift_keeps_transfers_apart_from_the_society_total() -> None:
    """Rent arrears of € 1,200 paid by the municipality to the landlord (an overdracht) against an eviction that
    costs € 10,000 of real costs: society saves € 10,000; the transfer is a verschuiving, no cost."""
    content = complete_content(None, leefgebied="financien")
    content["actions"][0]["cost_line_id"] = None
    content["rekensom"]["lines"] = [
        {"description": "Ontruiming", "scenario": "huidig_pad", "payer": "overig", "amount": "10000.00",
         "source": {"text": "Eigen schatting", "year": 2026}},
        {"description": "Huurachterstand betalen", "scenario": "doorbraak", "payer": "gemeente_participatiewet",
         "amount": "1200.00", "kind": "overdracht", "receiver": "woningcorporatie",
         "source": {"text": "Huurafrekening", "year": 2026}},
    ]
    [precedent] = run(PrecedentSource(decided(content), household()))
    shift = precedent.kosten
    assert (str(shift.totaal_huidig_pad), str(shift.totaal_doorbraak), str(shift.verschil)) == (
        "10000.00", "0.00", "10000.00")
    [transfer] = shift.verschuivingen
    assert (transfer.scenario, transfer.van, transfer.naar, str(transfer.bedrag)) == (
        "doorbraak", "gemeente_participatiewet", "woningcorporatie", "1200.00")
    net = {p.partij: (str(p.verschil), str(p.kosten_doorbraak)) for p in shift.partijen}
    assert net["gemeente_participatiewet"] == ("-1200.00", "0.00")
    assert net["woningcorporatie"] == ("1200.00", "0.00") and shift.verkeerde_zak
