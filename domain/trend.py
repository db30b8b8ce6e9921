"""A plain-language trend over a monthly series: is it rising, falling or about level? (design choice)

Compares the mean of the first `window` periods with the mean of the last `window` periods. A change of
less than `tolerance` (relative) counts as level. Simple on purpose: a professional must be able to check
it by hand from the numbers beside the bars. Fewer than 2 × `window` periods: the halves are compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

MONTH_NAMES = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def month_label(month: str) -> str:
    """`2026-03` → `mrt 2026` (the months of a monthly series, in Dutch)."""
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"


class Direction(StrEnum):
    STIJGEND = "stijgend"
    DALEND = "dalend"
    GELIJK = "gelijk"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Trend:
    direction: Direction
    first_mean: Decimal
    last_mean: Decimal
    window: int
    """How many periods were averaged at each end."""

    @property
    def change_percent(self) -> Decimal | None:
        if self.first_mean == 0:
            return None
        change = (self.last_mean - self.first_mean) / self.first_mean * 100
        return change.quantize(Decimal("1"), rounding=ROUND_HALF_UP)

    def describe(self, unit: str = "per maand", period: str = "maanden") -> str:
        """`Stijgend: gemiddeld 5,3 per maand in de eerste 3 maanden, 14,0 in de laatste 3 (+163 %).`"""
        if self.direction is Direction.ONBEKEND:
            return "Te weinig maanden voor een trend."

        def dutch(value: Decimal) -> str:
            return f"{value:.1f}".replace(".", ",")

        change = self.change_percent
        percent = "" if change is None else f" ({'+' if change > 0 else ''}{change} %)"
        return (
            f"{self.direction.value.capitalize()}: gemiddeld {dutch(self.first_mean)} {unit} in de eerste "
            f"{self.window} {period}, {dutch(self.last_mean)} in de laatste {self.window}{percent}."
        )


def trend(values: Sequence[int | Decimal], *, window: int = 3, tolerance: Decimal = Decimal("0.10")) -> Trend:
    count = len(values)
    if count < 2:
        zero = Decimal(0)
        return Trend(Direction.ONBEKEND, zero, zero, 0)
    size = min(window, count // 2)
    first = Decimal(sum(values[:size])) / size
    last = Decimal(sum(values[-size:])) / size
    first_mean = first.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    last_mean = last.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if first == 0 and last == 0:
        direction = Direction.GELIJK
    elif first == 0:
        direction = Direction.STIJGEND
    elif abs(last - first) / first < tolerance:
        direction = Direction.GELIJK
    else:
        direction = Direction.STIJGEND if last > first else Direction.DALEND
    return Trend(direction, first_mean, last_mean, size)
