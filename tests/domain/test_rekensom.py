"""The maatschappelijke rekensom against the exact rules of DOMAIN.md: hand-computed examples, edge cases,
and property tests against an independent reference implementation in exact fractions."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from domain.catalogues import (
    KengetalOverride,
    apply_overrides,
    cost_line_from_kengetal,
    kengetal,
    kengetallen,
)
from domain.rekensom import (
    CostLine,
    CostSource,
    Frequency,
    Payer,
    Rekensom,
    Scenario,
    calculate,
    counted_months,
    line_value,
    money_str,
)

SRC = CostSource(text="Testbron", year=2026)
D = Decimal


def line(
    scenario: str,
    payer: str,
    amount: str,
    frequency: str = "eenmalig",
    *,
    start: int = 0,
    duration: int | None = None,
    quantity: str = "1",
    probability: str = "1",
    key: str | None = None,
) -> CostLine:
    return CostLine(
        id=key,
        description=f"{payer} {amount}",
        scenario=Scenario(scenario),
        payer=Payer(payer),
        amount=D(amount),
        quantity=D(quantity),
        probability=D(probability),
        frequency=Frequency(frequency),
        start_month=start,
        duration_months=duration,
        source=SRC,
    )


# -- a hand-computed example ----------------------------------------------------------------------

EXAMPLE = [
    # huidig pad
    line("huidig_pad", "gemeente_participatiewet", "14000", "per_jaar"),  # 14000 × 12/12 = 14000
    line("huidig_pad", "gemeente_participatiewet", "2883", "per_jaar", start=3),  # 2883/12 × 9 = 2162.25
    line("huidig_pad", "woningcorporatie", "650", "per_maand", duration=6),  # 650 × 6 = 3900
    line("huidig_pad", "overig", "100000", start=6, probability="0.3"),  # 100000 × 0.3 = 30000
    line("huidig_pad", "cjib", "298", start=14),  # starts after the horizon: 0
    # doorbraak
    line("doorbraak", "gemeente_schuldhulp", "3900"),  # 3900
    line("doorbraak", "gemeente_schuldhulp", "1500"),  # 1500
    line("doorbraak", "gemeente_participatiewet", "14000", "per_jaar", duration=8),  # 9333.333…
    line("doorbraak", "gemeente_participatiewet", "2883", "per_jaar", start=3, duration=5),  # 1201.25
    line("doorbraak", "gemeente_wmo", "95.50", "per_maand", start=10, duration=6, quantity="2"),  # 2 months × 2 = 382
]


def test_hand_computed_example() -> None:
    result = calculate(Rekensom(lines=EXAMPLE))
    table = {r.payer.value: (str(r.huidig_pad), str(r.doorbraak), str(r.verschil)) for r in result.per_payer}
    assert table == {
        "gemeente_participatiewet": ("16162.25", "10534.58", "5627.67"),  # 10534.58333… rounds down
        "gemeente_schuldhulp": ("0.00", "5400.00", "-5400.00"),
        "gemeente_wmo": ("0.00", "382.00", "-382.00"),
        "cjib": ("0.00", "0.00", "0.00"),
        "woningcorporatie": ("3900.00", "0.00", "3900.00"),
        "overig": ("30000.00", "0.00", "30000.00"),
    }
    # Rows follow the fixed payer order.
    assert [r.payer for r in result.per_payer] == [
        Payer.GEMEENTE_PARTICIPATIEWET,
        Payer.GEMEENTE_WMO,
        Payer.GEMEENTE_SCHULDHULP,
        Payer.CJIB,
        Payer.WONINGCORPORATIE,
        Payer.OVERIG,
    ]
    assert result.totals == {Scenario.HUIDIG_PAD: D("50062.25"), Scenario.DOORBRAAK: D("16316.58")}
    assert result.verschil == D("33745.67")
    # The wrong pocket: the municipality's debt help and Wmo pay, others gain.
    assert [r.payer for r in result.payers_who_pay] == [Payer.GEMEENTE_SCHULDHULP, Payer.GEMEENTE_WMO]
    assert [r.payer for r in result.payers_who_gain] == [
        Payer.OVERIG,
        Payer.GEMEENTE_PARTICIPATIEWET,
        Payer.WONINGCORPORATIE,
    ]
    assert result.wrong_pocket


def test_payer_sums_are_exact_then_rounded_half_up() -> None:
    # Three times 1000 per year for one month: 83.333… each; exactly 250.00 together (not 3 × 83.33).
    lines = [line("huidig_pad", "uwv", "1000", "per_jaar", duration=1) for _ in range(3)]
    assert calculate(Rekensom(lines=lines)).row(Payer.UWV).huidig_pad == D("250.00")
    # 0.01 per year for 6 months is exactly 0.005: half up gives 0.01 (banker's rounding would give 0.00).
    half = calculate(Rekensom(lines=[line("doorbraak", "svb", "0.01", "per_jaar", duration=6)]))
    assert half.row(Payer.SVB).doorbraak == D("0.01")
    # Negative half-cents round away from zero as well (ROUND_HALF_UP on the exact sum).
    negative = calculate(Rekensom(lines=[line("doorbraak", "svb", "-0.01", "per_jaar", duration=6)]))
    assert negative.row(Payer.SVB).doorbraak == D("-0.01")


def test_totals_are_sums_of_rounded_payer_sums() -> None:
    # Two payers with 0.005 each: payer sums 0.01 + 0.01 = 0.02 (rounding the grand total would give 0.01).
    lines = [
        line("huidig_pad", "uwv", "0.01", "per_jaar", duration=6),
        line("huidig_pad", "svb", "0.01", "per_jaar", duration=6),
    ]
    assert calculate(Rekensom(lines=lines)).totals[Scenario.HUIDIG_PAD] == D("0.02")


@pytest.mark.parametrize(
    ("start", "duration", "horizon", "months"),
    [
        (0, None, 12, 12),
        (3, None, 12, 9),
        (0, 6, 12, 6),
        (10, 6, 12, 2),  # clipped at the horizon
        (12, 6, 12, 0),  # starts at the horizon
        (20, None, 12, 0),  # starts after it
        (0, 0, 12, 0),  # zero duration
        (11, 1, 12, 1),
        (0, 200, 120, 120),
        (0, None, 1, 1),
    ],
)
def test_counted_months(start: int, duration: int | None, horizon: int, months: int) -> None:
    assert counted_months(start, duration, horizon) == months
    per_month = line("huidig_pad", "uwv", "10", "per_maand", start=start, duration=duration)
    assert line_value(per_month, horizon) == D(10 * months)
    per_year = line("huidig_pad", "uwv", "120", "per_jaar", start=start, duration=duration)
    assert line_value(per_year, horizon) == D(10 * months)


@pytest.mark.parametrize(("start", "counts"), [(0, True), (11, True), (12, False), (40, False)])
def test_eenmalig_counts_once_if_it_starts_inside_the_horizon(start: int, counts: bool) -> None:
    once = line("huidig_pad", "cjib", "149", start=start, quantity="3", probability="0.5")
    assert line_value(once, 12) == (D("223.5") if counts else 0)


def test_default_horizon_is_twelve_months_and_default_duration_runs_to_its_end() -> None:
    rekensom = Rekensom(lines=[line("huidig_pad", "uwv", "100", "per_maand", start=2)])
    assert rekensom.horizon_months == 12
    assert calculate(rekensom).totals[Scenario.HUIDIG_PAD] == D("1000.00")
    assert calculate(rekensom.model_copy(update={"horizon_months": 24})).totals[Scenario.HUIDIG_PAD] == D("2200.00")


def test_discounting_weighs_each_year() -> None:
    # r = 10 %: months 0-11 weigh 1, months 12-23 weigh 1/1.1.
    lines = [
        line("huidig_pad", "uwv", "100", "per_maand", key="k1"),  # 1200 + 1200/1.1 = 2290.909…
        line("huidig_pad", "svb", "1000", start=12, key="k2"),  # 909.0909…
        line("huidig_pad", "duo", "1000", start=11, key="k3"),  # still year 0: 1000
        line("huidig_pad", "cjib", "1200", "per_jaar", start=6, duration=12, key="k4"),  # 600 + 600/1.1
        line("doorbraak", "politie", "0.11", start=12, quantity="0.05", key="k5"),  # exactly 0.005 → 0.01
    ]
    result = calculate(Rekensom(horizon_months=24, discount_rate=D("0.10"), lines=lines))
    assert result.row(Payer.UWV).huidig_pad == D("2290.91")
    assert result.row(Payer.SVB).huidig_pad == D("909.09")
    assert result.row(Payer.DUO).huidig_pad == D("1000.00")
    assert result.row(Payer.CJIB).huidig_pad == D("1145.45")
    assert result.row(Payer.POLITIE).doorbraak == D("0.01")
    assert result.line_values == {
        "k1": D("2290.91"),
        "k2": D("909.09"),
        "k3": D("1000.00"),
        "k4": D("1145.45"),
        "k5": D("0.01"),
    }
    # Without a rate nothing is discounted.
    plain = calculate(Rekensom(horizon_months=24, lines=lines))
    assert plain.row(Payer.UWV).huidig_pad == D("2400.00")


def test_discounting_inside_the_first_year_changes_nothing() -> None:
    lines = [line("huidig_pad", "uwv", "123.45", "per_maand")]
    assert (
        calculate(Rekensom(discount_rate=D("0.05"), lines=lines)).per_payer
        == calculate(Rekensom(lines=lines)).per_payer
    )


def test_empty_rekensom() -> None:
    result = calculate(Rekensom())
    assert result.is_empty and result.per_payer == ()
    assert result.totals == {Scenario.HUIDIG_PAD: D("0.00"), Scenario.DOORBRAAK: D("0.00")}
    assert money_str(result.verschil) == "0.00"
    assert not result.wrong_pocket


def test_invalid_lines_are_refused_in_dutch() -> None:
    with pytest.raises(ValidationError, match="eenmalige kostenpost heeft geen looptijd"):
        line("huidig_pad", "uwv", "10", "eenmalig", duration=3)
    with pytest.raises(ValidationError):
        line("huidig_pad", "uwv", "10", probability="1.5")
    with pytest.raises(ValidationError):
        line("huidig_pad", "uwv", "10.001")
    with pytest.raises(ValidationError, match="jaartal"):
        CostSource(text="Eigen schatting")
    with pytest.raises(ValidationError, match="Geef een bron"):
        CostSource()
    with pytest.raises(ValidationError):
        CostLine(description="x", scenario="huidig_pad", payer="belastingdienst", amount=D(1))  # type: ignore[arg-type]


def test_kengetallen_catalogue_has_the_seed_figures_with_source_and_year() -> None:
    items = {k.id: k for k in kengetallen()}
    assert items["bijstand_uitvoering"].bedrag == D("2883.00")
    assert items["bijstand_uitvoering"].source_label == "Berenschot (2018)"
    assert items["mo_feitelijk_dakloos"].bedrag == D("23236.00") and items["mo_feitelijk_dakloos"].jaar == 2011
    assert items["detentie_volwassene"].bedrag == D("95630.00")  # € 262 × 365
    assert items["zorgverzekering_wanbetaler"].bedrag is None and items["zorgverzekering_wanbetaler"].factor is None
    assert items["cjib_boete_escalatie"].jaar is None
    assert len(items) == 18
    assert all(k.bron for k in items.values())


def test_a_municipality_overrides_a_kengetal_with_its_own_source() -> None:
    own = KengetalOverride(
        municipality_code="GM0344",
        kengetal_id="bijstand_uitvoering",
        bedrag=D("3100.00"),
        bron="Gemeente Utrecht",
        jaar=2025,
    )
    items = {k.id: k for k in apply_overrides([own])}
    utrecht = items["bijstand_uitvoering"]
    assert (utrecht.bedrag, utrecht.bron, utrecht.jaar, utrecht.overridden) == (
        D("3100.00"),
        "Gemeente Utrecht",
        2025,
        True,
    )
    assert utrecht.standard_bedrag == D("2883.00") and utrecht.standard_bron == "Berenschot"
    assert not items["wmo_uitvoering"].overridden
    cost = cost_line_from_kengetal(utrecht, Scenario.HUIDIG_PAD, start_month=3)
    assert cost.amount == D("3100.00") and cost.frequency is Frequency.PER_JAAR
    assert cost.source == CostSource(kengetal_id="bijstand_uitvoering", text="Gemeente Utrecht", year=2025)
    assert line_value(cost) == D("2325")
    with pytest.raises(ValueError, match="zonder bedrag"):
        cost_line_from_kengetal(kengetal("zorgverzekering_wanbetaler"), Scenario.HUIDIG_PAD)


# -- property tests against an exact reference ----------------------------------------------------


def reference(lines: list[CostLine], horizon: int, rate: Decimal) -> dict[tuple[Scenario, Payer], Fraction]:
    """DOMAIN.md read literally, month by month, in exact fractions."""
    r = Fraction(rate)
    sums: dict[tuple[Scenario, Payer], Fraction] = {}
    for item in lines:
        factor = Fraction(item.quantity) * Fraction(item.probability)
        amount = Fraction(item.amount)
        total = Fraction(0)
        if item.frequency is Frequency.EENMALIG:
            if item.start_month < horizon:
                total = amount / (1 + r) ** (item.start_month // 12)
        else:
            duration = horizon if item.duration_months is None else item.duration_months
            end = min(item.start_month + duration, horizon)
            per_month = amount if item.frequency is Frequency.PER_MAAND else amount / 12
            for month in range(item.start_month, max(item.start_month, end)):
                total += per_month / (1 + r) ** (month // 12)
        key = (item.scenario, item.payer)
        sums[key] = sums.get(key, Fraction(0)) + total * factor
    return sums


def round_half_up(value: Fraction) -> Decimal:
    # Exact: scale to cents, then round half away from zero on the exact fraction.
    cents = value * 100
    sign = -1 if cents < 0 else 1
    whole, rest = divmod(abs(cents), 1)
    if rest >= Fraction(1, 2):
        whole += 1
    return (Decimal(sign * int(whole)) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


amounts = st.decimals(min_value=D("-5000"), max_value=D("250000"), places=2, allow_nan=False, allow_infinity=False)
fractions4 = st.sampled_from([D("1"), D("0.5"), D("0.25"), D("0.3333"), D("0.05"), D("0.0001"), D("0")])


@st.composite
def cost_lines(draw: st.DrawFn) -> CostLine:
    frequency = draw(st.sampled_from(list(Frequency)))
    return CostLine(
        description="regel",
        scenario=draw(st.sampled_from(list(Scenario))),
        payer=draw(st.sampled_from(list(Payer))),
        amount=draw(amounts),
        quantity=draw(st.sampled_from([D("1"), D("2"), D("0.5"), D("3.25"), D("0.05")])),
        probability=draw(fractions4),
        frequency=frequency,
        start_month=draw(st.integers(0, 40)),
        duration_months=None if frequency is Frequency.EENMALIG else draw(st.none() | st.integers(0, 40)),
        source=SRC,
    )


rekensommen = st.builds(
    lambda lines, horizon, rate: Rekensom(lines=lines, horizon_months=horizon, discount_rate=rate),
    st.lists(cost_lines(), max_size=25),
    st.integers(1, 36),
    st.sampled_from([D("0"), D("0"), D("0.03"), D("0.1"), D("0.0425"), D("1")]),
)


@settings(max_examples=300, deadline=None)
@given(rekensommen)
def test_matches_an_exact_month_by_month_reference(rekensom: Rekensom) -> None:
    result = calculate(rekensom)
    expected = reference(rekensom.lines, rekensom.horizon_months, rekensom.discount_rate)
    for row in result.per_payer:
        for scenario in Scenario:
            exact = expected.get((scenario, row.payer), Fraction(0))
            assert row.amount(scenario) == round_half_up(exact), (scenario, row.payer, exact)


@settings(max_examples=200, deadline=None)
@given(rekensommen)
def test_sum_of_payers_equals_totals(rekensom: Rekensom) -> None:
    result = calculate(rekensom)
    for scenario in Scenario:
        assert sum((r.amount(scenario) for r in result.per_payer), D(0)) == result.totals[scenario]
    assert sum((r.verschil for r in result.per_payer), D(0)) == result.verschil
    assert result.verschil == result.totals[Scenario.HUIDIG_PAD] - result.totals[Scenario.DOORBRAAK]
    assert {r.payer for r in result.per_payer} == {item.payer for item in rekensom.lines}
    for amount in (*result.totals.values(), result.verschil):
        assert amount.as_tuple().exponent == -2


@settings(max_examples=200, deadline=None)
@given(rekensommen)
def test_swapping_scenarios_flips_the_sign_of_verschil(rekensom: Rekensom) -> None:
    swapped = rekensom.model_copy(
        update={"lines": [item.model_copy(update={"scenario": item.scenario.other}) for item in rekensom.lines]}
    )
    original, mirrored = calculate(rekensom), calculate(swapped)
    assert mirrored.verschil == -original.verschil
    assert [(r.payer, -r.verschil) for r in original.per_payer] == [(r.payer, r.verschil) for r in mirrored.per_payer]
    assert {r.payer for r in mirrored.payers_who_pay} == {r.payer for r in original.payers_who_gain}


@settings(max_examples=100, deadline=None)
@given(st.lists(cost_lines(), max_size=15), st.integers(1, 36))
def test_line_order_does_not_matter_and_a_longer_horizon_never_counts_less_of_a_positive_line(
    lines: list[CostLine], horizon: int
) -> None:
    forward = calculate(Rekensom(lines=lines, horizon_months=horizon))
    backward = calculate(Rekensom(lines=list(reversed(lines)), horizon_months=horizon))
    assert forward.per_payer == backward.per_payer
    for item in lines:
        if item.amount >= 0:
            assert line_value(item, horizon + 1) >= line_value(item, horizon)
