"""The plain-language trend of a monthly series: first months against last months, by hand-checkable numbers."""

from __future__ import annotations

from decimal import Decimal

from domain.trend import Direction, trend


def test_rising_series_compares_the_first_and_last_three_months() -> None:
    result = trend([5, 5, 6, 6, 14, 9, 11, 9, 13, 16, 12, 14])  # the demo's knelpunten per month
    assert result.direction is Direction.STIJGEND
    assert (result.first_mean, result.last_mean, result.window) == (Decimal("5.33"), Decimal("14.00"), 3)
    assert result.change_percent == Decimal("163")
    assert result.describe() == (
        "Stijgend: gemiddeld 5,3 per maand in de eerste 3 maanden, 14,0 in de laatste 3 (+163 %)."
    )


def test_falling_level_and_short_series() -> None:
    assert trend([10, 10, 10, 2, 2, 2]).direction is Direction.DALEND
    assert trend([10, 10, 10, 10.5, 9.5, 10]).direction is Direction.GELIJK  # type: ignore[list-item]
    short = trend([1, 3])
    assert (short.direction, short.window) == (Direction.STIJGEND, 1)
    assert trend([4]).direction is Direction.ONBEKEND
    assert trend([4]).describe() == "Te weinig maanden voor een trend."
    assert trend([0, 0, 0, 0]).direction is Direction.GELIJK
    rising_from_nothing = trend([0, 0, 2, 3])
    assert rising_from_nothing.direction is Direction.STIJGEND and rising_from_nothing.change_percent is None
