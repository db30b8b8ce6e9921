"""The overbrugging aggregate: the state machine (property-based), settlement shares, warnings, corrections."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from domain.errors import IllegalTransition, InvalidInput
from domain.messages import dutch_problems
from domain.overbrugging import (
    OVERBRUGGING_TRANSITIONS,
    CostBooking,
    Overbrugging,
    OverbruggingStatus,
    Settlement,
    add_months,
)

S = OverbruggingStatus


def make(**overrides: Any) -> Overbrugging:
    data: dict[str, Any] = {
        "case_number": "DB-2026-000001",
        "support_needed": "Begeleid wonen na 18 jaar",
        "urgency_reason": "Zonder begeleiding dreigt dakloosheid",
        "transition": "18-/18+",
        "laws_in_dispute": ["Jeugdwet", "Wmo 2015"],
        "organisations_in_dispute": ["Gemeente Utrecht", "Zorgkantoor Midden"],
        "voorfinancier": "Gemeente Utrecht",
        "cap": "5000.00",
        "expected_cost": "4000.00",
        "start_date": "2026-09-01",
        "max_duration_months": 6,
        "settlement_deadline": "2026-12-01",
    }
    data.update(overrides)
    return Overbrugging.model_validate(data)


def settlement(*shares: tuple[str, str], amount: str = "1000.00", decided_on: date = date(2026, 10, 1)) -> Settlement:
    return Settlement.model_validate(
        {"shares": [{"payer": p, "percentage": pct} for p, pct in shares], "amount": amount, "decided_on": decided_on}
    )


def walk_to(ob: Overbrugging, target: S) -> Overbrugging:
    """Drive an overbrugging along the happy path up to `target`."""
    day = date(2026, 9, 2)
    order = [S.TOEGEKEND, S.INGEZET, S.VERREKENING_BESLOTEN, S.AFGESLOTEN]
    if target is S.AFGEWEZEN:
        ob.change_status(S.AFGEWEZEN, on=day, by="Coördinator", note="Geen geschil over de betaler")
        return ob
    for status in order[: order.index(target) + 1] if target in order else []:
        if status is S.VERREKENING_BESLOTEN:
            ob.book_cost(CostBooking(booked_on=day, amount=Decimal("1000.00"), description="Factuur"))
            ob.settle(settlement(("Zorgkantoor Midden", "100")), by="Coördinator")
        elif status is S.AFGESLOTEN:
            ob.record_repayment(date(2026, 10, 15))
            ob.change_status(S.AFGESLOTEN, on=date(2026, 10, 16), by="Coördinator")
        else:
            ob.change_status(status, on=day, by="Coördinator")
    return ob


def test_valid_request_and_derived_values() -> None:
    ob = make()
    assert ob.status is S.AANGEVRAAGD
    assert ob.end_date == date(2027, 3, 1)
    assert ob.total_costs == Decimal("0.00") and not ob.over_cap
    assert ob.warnings(date(2026, 9, 1)) == []


def test_every_problem_named_in_dutch() -> None:
    with pytest.raises(ValidationError) as info:
        make(support_needed=" ", laws_in_dispute=[], cap="0", start_date="2026-09-01", settlement_deadline="2026-08-01")
    found = {p.path: p.reason for p in dutch_problems(info.value)}
    assert found["support_needed"] == "Dit veld is verplicht."
    assert "laws_in_dispute" in found
    assert found["cap"] == "moet groter zijn dan 0"
    with pytest.raises(ValidationError) as info:
        make(settlement_deadline="2026-08-01")
    assert "verrekendatum ligt vóór de startdatum" in str(dutch_problems(info.value))
    with pytest.raises(ValidationError) as info:
        make(transition="overig")
    assert "Beschrijf de overgang" in str(dutch_problems(info.value))


def test_happy_path_records_who_and_when() -> None:
    ob = walk_to(make(), S.AFGESLOTEN)
    assert ob.status is S.AFGESLOTEN
    assert [s.status for s in ob.steps] == ["toegekend", "ingezet", "verrekening_besloten", "afgesloten"]
    assert all(s.by == "Coördinator" for s in ob.steps)
    assert ob.steps[-1].on == date(2026, 10, 16)


def test_verrekening_only_through_settle_and_closing_needs_repayment() -> None:
    ob = walk_to(make(), S.INGEZET)
    with pytest.raises(IllegalTransition, match="Leg de verrekening vast"):
        ob.change_status(S.VERREKENING_BESLOTEN, on=date(2026, 10, 1), by="x")
    ob.settle(settlement(("Zorgkantoor Midden", "60"), ("Gemeente Utrecht", "40")), by="x")
    with pytest.raises(IllegalTransition, match="terugbetaling"):
        ob.change_status(S.AFGESLOTEN, on=date(2026, 10, 2), by="x")


def test_closing_without_repayment_when_voorfinancier_pays_everything() -> None:
    ob = walk_to(make(), S.INGEZET)
    ob.settle(settlement(("gemeente utrecht", "100")), by="x")  # the voorfinancier itself, any case
    assert ob.repayments() == []
    ob.change_status(S.AFGESLOTEN, on=date(2026, 10, 2), by="x")
    assert ob.status is S.AFGESLOTEN


def test_rejection_needs_a_reason() -> None:
    with pytest.raises(InvalidInput, match="reden"):
        make().change_status(S.AFGEWEZEN, on=date(2026, 9, 2), by="x")


def test_step_dates_cannot_go_back() -> None:
    ob = make()
    ob.change_status(S.TOEGEKEND, on=date(2026, 9, 5), by="x")
    with pytest.raises(InvalidInput, match="vóór de vorige stap"):
        ob.change_status(S.INGEZET, on=date(2026, 9, 4), by="x")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list(S)), max_size=8), st.sampled_from(list(S)))
def test_only_legal_transitions_are_accepted(path: list[S], start: S) -> None:
    """Whatever sequence is tried, a change succeeds exactly when the machine allows it."""
    ob = walk_to(make(), start)
    for target in path:
        before = ob.status
        allowed = target in OVERBRUGGING_TRANSITIONS[before]
        try:
            if target is S.VERREKENING_BESLOTEN and before is S.INGEZET:
                ob.settle(settlement(("Zorgkantoor Midden", "100"), decided_on=date(2026, 10, 22)), by="x")
            elif target is S.AFGESLOTEN and before is S.VERREKENING_BESLOTEN:
                if ob.settlement is not None and ob.settlement.repaid_on is None:
                    ob.record_repayment(date(2026, 10, 22))
                ob.change_status(target, on=date(2026, 10, 22), by="x")
            else:
                ob.change_status(target, on=date(2026, 10, 22), by="x", note="reden")
        except IllegalTransition:
            assert not allowed, f"{before} → {target} should be allowed"
            assert ob.status is before
        else:
            assert allowed, f"{before} → {target} should be refused"
            assert ob.status is target
            assert ob.steps[-1].status == target.value


def test_final_states_allow_nothing() -> None:
    for final in (S.AFGESLOTEN, S.AFGEWEZEN):
        assert OVERBRUGGING_TRANSITIONS[final] == frozenset()


# -- settlement ---------------------------------------------------------------------------------------------
def test_shares_must_sum_to_exactly_100() -> None:
    with pytest.raises(ValidationError) as info:
        settlement(("A", "60"), ("B", "39.99"))
    assert "99.99 %" in str(dutch_problems(info.value))
    with pytest.raises(ValidationError, match="één keer"):
        settlement(("A", "50"), ("a", "50"))
    assert settlement(("A", "33.33"), ("B", "33.33"), ("C", "33.34")).shares[2].percentage == Decimal("33.34")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=100_000_000),
)
def test_portions_add_up_to_the_amount_in_cents(weights: list[int], cents: int) -> None:
    total = sum(weights)
    # Turn arbitrary weights into percentages with 2 decimals that sum to exactly 100.
    pcts = [Decimal(w * 10_000 // total) / 100 for w in weights]
    pcts[0] += Decimal(100) - sum(pcts)
    if any(p <= 0 for p in pcts):
        return
    s = Settlement(
        shares=[{"payer": f"Betaler {i}", "percentage": p} for i, p in enumerate(pcts)],  # type: ignore[misc]
        amount=Decimal(cents) / 100,
        decided_on=date(2026, 10, 1),
    )
    portions = s.portions()
    assert sum(p.amount for p in portions) == s.amount
    assert all(p.amount == p.amount.quantize(Decimal("0.01")) for p in portions)
    for portion, share in zip(portions, s.shares, strict=True):
        assert abs(portion.amount - s.amount * share.percentage / 100) <= Decimal("0.01") * len(portions)


def test_repayments_exclude_the_voorfinancier() -> None:
    s = settlement(("Zorgkantoor Midden", "60"), ("Gemeente Utrecht", "40"), amount="5200.50")
    assert [(r.payer, r.amount) for r in s.repayments("Gemeente Utrecht")] == [
        ("Zorgkantoor Midden", Decimal("3120.30"))
    ]


# -- costs and warnings -------------------------------------------------------------------------------------
def test_costs_only_while_running_and_cap_warns() -> None:
    ob = make()
    with pytest.raises(IllegalTransition, match="ingezet"):
        ob.book_cost(CostBooking(booked_on=date(2026, 9, 10), amount=Decimal("100"), description="x"))
    ob = walk_to(make(), S.INGEZET)
    ob.book_cost(CostBooking(booked_on=date(2026, 9, 10), amount=Decimal("4999.99"), description="Sept"))
    assert not ob.over_cap
    ob.book_cost(CostBooking(booked_on=date(2026, 9, 11), amount=Decimal("0.02"), description="Rente"))
    assert ob.over_cap and ob.remaining == Decimal("-0.01")
    assert any("overschrijden het plafond" in w for w in ob.warnings(date(2026, 9, 12)))


def test_corrections_cannot_go_below_zero_and_zero_is_refused() -> None:
    ob = walk_to(make(), S.INGEZET)
    ob.book_cost(CostBooking(booked_on=date(2026, 9, 10), amount=Decimal("100.00"), description="Factuur"))
    ob.book_cost(CostBooking(booked_on=date(2026, 9, 11), amount=Decimal("-40.00"), description="Correctie"))
    assert ob.total_costs == Decimal("60.00")
    with pytest.raises(InvalidInput, match="onder nul"):
        ob.book_cost(CostBooking(booked_on=date(2026, 9, 12), amount=Decimal("-60.01"), description="Te veel"))
    with pytest.raises(ValidationError):
        CostBooking(booked_on=date(2026, 9, 12), amount=Decimal("0"), description="Niets")
    with pytest.raises(InvalidInput, match="vóór de startdatum"):
        ob.book_cost(CostBooking(booked_on=date(2026, 8, 31), amount=Decimal("1"), description="Te vroeg"))


def test_warnings_for_deadline_expected_cost_and_late_costs() -> None:
    ob = make(expected_cost="6000.00", settlement_deadline="2026-10-01")
    warnings = ob.warnings(date(2026, 10, 2))
    assert "De verwachte kosten liggen boven het plafond." in warnings
    assert "De uiterste datum voor de verrekening is verstreken." in warnings
    assert not ob.past_settlement_deadline(date(2026, 10, 1))  # the deadline day itself is in time
    ob = walk_to(make(), S.INGEZET)
    ob.book_cost(CostBooking(booked_on=date(2027, 3, 2), amount=Decimal("10"), description="Na afloop"))
    assert any("maximale looptijd" in w for w in ob.warnings(date(2027, 3, 2)))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 5, 1), 24, date(2028, 5, 1)),
    ],
)
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
