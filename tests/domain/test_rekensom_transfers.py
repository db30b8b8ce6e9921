"""Costs versus transfers (DOMAIN.md "Costs versus transfers"): four cases computed by hand, to the cent, per
party (the household included) and for society, plus the rules a line must follow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from domain.catalogues import cost_line_from_kengetal, kengetal, kengetallen
from domain.rekensom import (
    CostKind,
    CostLine,
    CostSource,
    Frequency,
    Payer,
    Rekensom,
    RekensomResult,
    Scenario,
    calculate,
    loan_summary,
)

D = Decimal
H, B = Scenario.HUIDIG_PAD, Scenario.DOORBRAAK
OWN = CostSource(text="Testbron", year=2026)


def transfer(scenario: Scenario, payer: Payer, receiver: Payer, amount: str, **kw: object) -> CostLine:
    return CostLine(
        description="overdracht",
        scenario=scenario,
        payer=payer,
        receiver=receiver,
        kind=CostKind.OVERDRACHT,
        amount=D(amount),
        source=OWN,
        **kw,
    )  # type: ignore[arg-type]


def cost(scenario: Scenario, payer: Payer, amount: str, **kw: object) -> CostLine:
    return CostLine(description="kosten", scenario=scenario, payer=payer, amount=D(amount), source=OWN, **kw)  # type: ignore[arg-type]


def table(result: RekensomResult) -> dict[str, tuple[str, str, str]]:
    return {r.payer.value: (str(r.huidig_pad), str(r.doorbraak), str(r.verschil)) for r in result.per_payer}


def shifts(result: RekensomResult) -> list[tuple[str, str, str, str]]:
    return [(v.scenario.value, v.payer.value, v.receiver.value, str(v.amount)) for v in result.verschuivingen]


def test_a_fine_with_two_statutory_increases_under_both_scenarios() -> None:
    """Huidig pad: a € 149 WAHV sanction is not paid; the two statutory increases follow (+50 % = € 74.50,
    then +100 % of € 223.50 = € 223.50: € 298.00 from the dated table), and CJIB and the deurwaarder spend
    € 35.00 of effort. Doorbraak: the sanction is paid in time via a betalingsregeling."""
    on = date(2026, 3, 1)
    increases = cost_line_from_kengetal(kengetal("cjib_boete_escalatie"), H, on=on)
    assert (increases.amount, increases.kind, increases.payer, increases.receiver) == (
        D("298.00"),
        CostKind.OVERDRACHT,
        Payer.HUISHOUDEN,
        Payer.RIJK,
    )
    assert "art. 23 lid 3" in increases.source.text and "+€ 74,50" in increases.source.text  # type: ignore[union-attr]
    lines = [
        transfer(H, Payer.HUISHOUDEN, Payer.RIJK, "149.00"),
        increases,
        cost(H, Payer.CJIB, "35.00"),
        transfer(B, Payer.HUISHOUDEN, Payer.RIJK, "149.00"),
    ]
    result = calculate(Rekensom(lines=lines))
    assert table(result) == {
        "huishouden": ("447.00", "149.00", "298.00"),
        "cjib": ("35.00", "0.00", "35.00"),
        "rijk": ("-447.00", "-149.00", "-298.00"),
    }
    assert result.totals == {H: D("35.00"), B: D("0.00")}  # society: only CJIB's effort is a real cost
    assert result.verschil == D("35.00")
    assert shifts(result) == [
        ("huidig_pad", "huishouden", "rijk", "447.00"),
        ("doorbraak", "huishouden", "rijk", "149.00"),
    ]
    # Wrong pocket: the Rijk forgoes € 298 of increases while the household and CJIB gain.
    assert [r.payer for r in result.payers_who_pay] == [Payer.RIJK]
    assert [r.payer for r in result.payers_who_gain] == [Payer.HUISHOUDEN, Payer.CJIB]
    assert result.wrong_pocket


def test_a_saneringskrediet_repaid_over_36_months_with_a_default_probability() -> None:
    """€ 8,200 paid out in month 3 by the kredietbank, repaid in 36 instalments of € 227.777…; horizon 12:
    9 instalments inside it (€ 2,050.00), a restschuld of 27/36 × 8,200 = € 6,150.00, of which 20 % is
    expected never to come back: € 1,230.00, a cost of the kredietbank (DOMAIN.md); the household owes it still."""
    item = kengetal("saneringskrediet")
    line = cost_line_from_kengetal(item, B, amount=D("8200.00"), start_month=3, default_probability=D("0.2"))
    assert (line.kind, line.payer, line.receiver, line.loan_months) == (
        CostKind.OVERDRACHT,
        Payer.KREDIETBANK,
        Payer.HUISHOUDEN,
        36,
    )
    result = calculate(Rekensom(lines=[line, cost(B, Payer.GEMEENTE_SCHULDHULP, "1500.00")]))
    assert table(result) == {
        "huishouden": ("0.00", "0.00", "0.00"),  # receives 8,200, repays 2,050 and owes 6,150
        "gemeente_schuldhulp": ("0.00", "1500.00", "-1500.00"),
        "kredietbank": ("0.00", "1230.00", "-1230.00"),  # the expected default, a real cost
    }
    assert result.totals == {H: D("0.00"), B: D("2730.00")}  # 1,500.00 + the lender's expected loss 1,230.00
    assert shifts(result) == [
        ("doorbraak", "huishouden", "kredietbank", "8200.00"),  # 2,050.00 repaid + 6,150.00 restschuld
        ("doorbraak", "kredietbank", "huishouden", "8200.00"),  # the outlay
    ]
    summary = loan_summary(line, 12)
    assert (summary.outlay, summary.repaid, summary.restschuld, summary.expected_default) == (
        D("8200.00"),
        D("2050.00"),
        D("6150.00"),
        D("1230.00"),
    )


def test_a_loan_rounds_once_per_party_and_is_neutral_when_repaid_inside_the_horizon() -> None:
    # From month 0 over 12 months: 12/36 × 8,200 = 2,733.333…; restschuld 5,466.666…; 20 % = 1,093.333…
    line = transfer(B, Payer.KREDIETBANK, Payer.HUISHOUDEN, "8200.00", loan_months=36, default_probability=D("0.2"))
    result = calculate(Rekensom(lines=[line]))
    assert table(result) == {
        "huishouden": ("0.00", "0.00", "0.00"),
        "kredietbank": ("0.00", "1093.33", "-1093.33"),
    }
    assert result.totals == {H: D("0.00"), B: D("1093.33")}
    summary = loan_summary(line, 12)
    assert (summary.repaid, summary.restschuld, summary.expected_default) == (D("2733.33"), D("5466.67"), D("1093.33"))
    # Horizon 36: every instalment falls inside it; nothing left to default on.
    full = calculate(Rekensom(horizon_months=36, lines=[line]))
    assert table(full) == {"huishouden": ("0.00", "0.00", "0.00"), "kredietbank": ("0.00", "0.00", "0.00")}
    assert full.totals == {H: D("0.00"), B: D("0.00")}


def test_the_wanbetalersbijdrage_is_a_transfer_from_the_household_to_the_fund() -> None:
    """Huidig pad: from month 6 the CAK withholds a bestuursrechtelijke premie of € 165.00 a month (chance
    0.8): 165 × 6 × 0.8 = € 792.00, household → Zorgverzekeringsfonds; not a cost of the insurer. Doorbraak:
    schuldhulp (€ 1,500 of 2005 at prijspeil 2025: 1500 × 3755.4177 / 2366.7 = 2380.1607… → € 2,380.16)."""
    premie = cost_line_from_kengetal(
        kengetal("zorgverzekering_wanbetaler"), H, amount=D("165.00"), start_month=6, probability=D("0.8")
    )
    assert (premie.payer, premie.receiver, premie.frequency) == (
        Payer.HUISHOUDEN,
        Payer.ZORGVERZEKERINGSFONDS,
        Frequency.PER_MAAND,
    )
    help_ = cost_line_from_kengetal(kengetal("schuldhulpverlening_traject"), B, price_year=2025)
    assert help_.amount == D("2380.16") and help_.source.amount == D("1500.00")  # type: ignore[union-attr]
    result = calculate(Rekensom(lines=[premie, help_]))
    assert table(result) == {
        "huishouden": ("792.00", "0.00", "792.00"),
        "gemeente_schuldhulp": ("0.00", "2380.16", "-2380.16"),
        "zorgverzekeringsfonds": ("-792.00", "0.00", "-792.00"),
    }
    assert Payer.ZORGVERZEKERAAR not in {r.payer for r in result.per_payer}
    assert result.totals == {H: D("0.00"), B: D("2380.16")}
    assert shifts(result) == [("huidig_pad", "huishouden", "zorgverzekeringsfonds", "792.00")]


def test_an_eviction_real_costs_versus_rent_arrears_as_a_transfer() -> None:
    """Huidig pad: six months of € 650 rent arrears (household → corporatie, € 3,900.00); with chance 0.3 an
    eviction in month 8 (€ 100,000 of 2015 at prijspeil 2025 = € 134,564.20; × 0.3 = € 40,369.26) and opvang
    for the 4 months left (€ 23,236 of 2011 = € 33,374.47 a year; / 12 × 4 × 0.3 = 3,337.447 → € 3,337.45).
    Doorbraak: bijzondere bijstand pays the arrears (gemeente → corporatie) and schuldhulp (€ 2,380.16)."""
    arrears = cost_line_from_kengetal(kengetal("huurachterstand"), H, amount=D("650.00"), duration_months=6)
    eviction = cost_line_from_kengetal(
        kengetal("huisuitzetting"), H, price_year=2025, probability=D("0.3"), start_month=8
    )
    opvang = cost_line_from_kengetal(
        kengetal("mo_feitelijk_dakloos"), H, price_year=2025, probability=D("0.3"), start_month=8
    )
    assert (eviction.amount, opvang.amount) == (D("134564.20"), D("33374.47"))
    lines = [
        arrears,
        eviction,
        opvang,
        transfer(B, Payer.GEMEENTE_PARTICIPATIEWET, Payer.WONINGCORPORATIE, "3900.00"),
        cost_line_from_kengetal(kengetal("schuldhulpverlening_traject"), B, price_year=2025),
    ]
    result = calculate(Rekensom(lines=lines, price_year=2025))
    assert table(result) == {
        "huishouden": ("3900.00", "0.00", "3900.00"),
        "gemeente_participatiewet": ("0.00", "3900.00", "-3900.00"),
        "gemeente_wmo": ("3337.45", "0.00", "3337.45"),
        "gemeente_schuldhulp": ("0.00", "2380.16", "-2380.16"),
        "woningcorporatie": ("-3900.00", "-3900.00", "0.00"),
        "overig": ("40369.26", "0.00", "40369.26"),
    }
    assert result.totals == {H: D("43706.71"), B: D("2380.16")}
    assert result.verschil == D("41326.55")
    assert shifts(result) == [
        ("huidig_pad", "huishouden", "woningcorporatie", "3900.00"),
        ("doorbraak", "gemeente_participatiewet", "woningcorporatie", "3900.00"),
    ]
    # The wrong pocket, household included: the Participatiewet and schuldhulp pay, the household,
    # the Wmo and the rest of society gain.
    assert [r.payer for r in result.payers_who_pay] == [Payer.GEMEENTE_PARTICIPATIEWET, Payer.GEMEENTE_SCHULDHULP]
    assert [r.payer for r in result.payers_who_gain] == [Payer.OVERIG, Payer.HUISHOUDEN, Payer.GEMEENTE_WMO]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "overdracht"}, "ontvanger"),
        ({"kind": "overdracht", "receiver": "gemeente_wmo"}, "dezelfde partij"),
        ({"receiver": "huishouden"}, "geen ontvanger"),
        ({"loan_months": 36}, "overdracht"),
        ({"kind": "overdracht", "receiver": "huishouden", "loan_months": 36, "frequency": "per_maand"}, "eenmalig"),
        ({"default_probability": "0.1"}, "lening"),
    ],
)
def test_a_line_says_what_is_wrong_with_its_kind(fields: dict[str, object], message: str) -> None:
    data = {
        "description": "x",
        "scenario": "huidig_pad",
        "payer": "gemeente_wmo",
        "amount": "10",
        "source": {"text": "t", "year": 2026},
        **fields,
    }
    with pytest.raises(ValidationError, match=message):
        CostLine.model_validate(data)


def test_every_kengetal_has_a_kind_payer_and_for_a_transfer_a_receiver() -> None:
    kinds = {k.id: (k.soort.value, k.betaler.value, k.ontvanger.value if k.ontvanger else None) for k in kengetallen()}
    assert kinds["bijstand_uitkering"] == ("overdracht", "gemeente_participatiewet", "huishouden")
    assert kinds["bijstand_uitvoering"] == ("kosten", "gemeente_participatiewet", None)
    assert kinds["cjib_boete_escalatie"] == ("overdracht", "huishouden", "rijk")
    assert kinds["zorgverzekering_wanbetaler"] == ("overdracht", "huishouden", "zorgverzekeringsfonds")
    assert kinds["huurachterstand"] == ("overdracht", "huishouden", "woningcorporatie")
    assert kinds["saneringskrediet"] == ("overdracht", "kredietbank", "huishouden")
    assert kinds["multiprobleemgezin_gemeente"] == ("kosten", "gemeente", None)
    assert kinds["huisuitzetting"] == ("kosten", "overig", None)
    # No kengetal with an amount is booked on "overig" except the eviction's rough total over many payers.
    assert [k.id for k in kengetallen() if k.betaler is Payer.OVERIG and k.bedrag is not None] == ["huisuitzetting"]
