"""Kinds of plan action and the legal bases that fit them (domain/reference/actiesoorten.json)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from domain.action_kinds import (
    ActionKind,
    action_kind,
    action_kinds,
    bases_with_suggestions,
    kinds_of,
    suggested_bases,
)
from domain.catalogues import legal_basis


def test_the_kinds_the_issue_names_have_the_bases_that_fit() -> None:
    expected_first = {
        "uitstel_van_betaling": "awb_4_94",
        "lening": "pw_48_lid_2",
        "briefadres": "wet_brp_2_39_briefadres",
        "premieachterstand": "zvw_18a_18g",
        "huurachterstand": "pw_35",
        "boete_cjib": "cjib_noodstop",
        "beslag": "rv_475c_beslagvrije_voet",
        "kwijtschelding": "kwijtschelding_gemeentelijke_belastingen",
        "ontheffing_arbeidsplicht": "pw_9_lid_2",
        "leerplicht": "leerplichtwet_11_verzuim",
    }
    for code, first in expected_first.items():
        assert action_kind(code).rechtsgronden[0] == first, code
    # Every suggested basis can justify a deviation of that kind or is a privacy basis of a kind without one.
    for kind in action_kinds():
        for basis in kind.bases:
            assert basis.id == legal_basis(basis.id).id
        if kind.zonder_afwijking:
            assert all(basis.is_privacy for basis in kind.bases), kind.code


@pytest.mark.parametrize(
    ("what", "kind"),
    [
        ("Huurachterstand betalen uit bijzondere bijstand", "huurachterstand"),
        ("Saneringskrediet verstrekken en schuldeisers uitbetalen", "schuldregeling"),
        ("Noodstop aanvragen bij het CJIB", "boete_cjib"),
        ("Uitstel van betaling aanvragen voor de aanslag", "uitstel_van_betaling"),
        ("Briefadres regelen bij de daklozenopvang", "briefadres"),
        ("PREMIEACHTERSTAND met het CAK regelen", "premieachterstand"),
        ("Eén regisseur aanwijzen met doorzettingsmacht", "regie"),
        ("Opleiding toestaan met behoud van uitkering", "ontheffing_arbeidsplicht"),
        ("Renteloze lening voor de waarborgsom", "lening"),
    ],
)
def test_an_action_is_recognised_by_its_words(what: str, kind: str) -> None:
    assert kinds_of(what)[0].code == kind


def test_without_matching_words_the_cited_basis_decides_and_otherwise_no_kind() -> None:
    assert kinds_of("Afspraken met de ggz over voorrang") == ()
    assert [k.code for k in kinds_of("Iets regelen", ["wet_brp_2_39_briefadres"])] == ["briefadres"]
    assert suggested_bases("Afspraken met de ggz") == (None, ())


def test_the_picker_puts_the_fitting_bases_first_and_keeps_the_rest() -> None:
    kind, suggested = suggested_bases("Huurachterstand betalen uit bijzondere bijstand")
    assert kind is not None and kind.code == "huurachterstand"
    everything, count = bases_with_suggestions("", suggested)
    assert count == len(suggested) == 5
    assert [b.id for b in everything[:2]] == ["pw_35", "pw_48_lid_2"]
    assert len(everything) == len({b.id for b in everything})  # nothing twice
    # A search narrows both: only the fitting bases that match come first.
    found, count = bases_with_suggestions("4:84", suggested)
    assert count == 1 and found[0].id == "awb_4_84"
    found, count = bases_with_suggestions("briefadres", suggested)
    assert count == 0 and [b.id for b in found] == ["wet_brp_2_39_briefadres"]


def test_a_kind_with_an_unknown_basis_or_a_capitalised_keyword_is_refused() -> None:
    good = {"code": "x", "naam": "Iets", "trefwoorden": ["iets"], "rechtsgronden": ["awb_4_84"]}
    ActionKind.model_validate(good)
    for change in ({"rechtsgronden": ["bestaat_niet"]}, {"trefwoorden": ["Hoofdletter"]}, {"rechtsgronden": []},
                   {"rechtsgronden": ["awb_4_84", "awb_4_84"]}, {"trefwoorden": ["één"]}):
        with pytest.raises(ValidationError):
            ActionKind.model_validate({**good, **change})
