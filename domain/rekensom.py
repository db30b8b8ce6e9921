"""The maatschappelijke rekensom: cost of doormodderen (huidig pad) versus doorbreken (doorbraak), per payer.

The rules are the exact ones of DOMAIN.md (tests rely on them):

* a recurring line counts ``max(0, min(start + duration, H) - start)`` months of the horizon H;
  ``per_maand`` = amount x months, ``per_jaar`` = amount / 12 x months, ``eenmalig`` counts once if start < H;
* every line is multiplied by quantity x probability;
* with a yearly discount rate r, month m lies in year floor(m / 12) and weighs 1 / (1 + r) ** year;
* sums are exact per (scenario, payer), each rounded half up to cents; scenario totals are sums of the
  rounded payer sums; ``verschil`` = huidig_pad - doorbraak (positive = saving).

Arithmetic: amounts are kept in *twelfths of a euro-month* until the end, so without discounting the
unrounded payer sum is exact and rounding is exactly half up. Discount weights are computed with 50
significant digits.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain.validation import clean_text

CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)
TWELVE = Decimal(12)
MAX_LINES = 500
MAX_HORIZON = 120
DEFAULT_HORIZON = 12
_CONTEXT = decimal.Context(prec=50, rounding=decimal.ROUND_HALF_EVEN)


class Scenario(StrEnum):
    HUIDIG_PAD = "huidig_pad"
    DOORBRAAK = "doorbraak"

    @property
    def label(self) -> str:
        return SCENARIO_LABELS[self]

    @property
    def other(self) -> Scenario:
        return Scenario.DOORBRAAK if self is Scenario.HUIDIG_PAD else Scenario.HUIDIG_PAD


SCENARIO_LABELS = {Scenario.HUIDIG_PAD: "Huidig pad (doormodderen)", Scenario.DOORBRAAK: "Doorbraak (doorbreken)"}


class Payer(StrEnum):
    """The fixed list of payers (DOMAIN.md); the order is the order of every table."""

    GEMEENTE_PARTICIPATIEWET = "gemeente_participatiewet"
    GEMEENTE_WMO = "gemeente_wmo"
    GEMEENTE_JEUGDWET = "gemeente_jeugdwet"
    GEMEENTE_SCHULDHULP = "gemeente_schuldhulp"
    ZORGVERZEKERAAR = "zorgverzekeraar"
    ZORGKANTOOR = "zorgkantoor"
    TOESLAGEN = "toeslagen"
    UWV = "uwv"
    SVB = "svb"
    DUO = "duo"
    CJIB = "cjib"
    WONINGCORPORATIE = "woningcorporatie"
    JUSTITIE = "justitie"
    POLITIE = "politie"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return PAYER_LABELS[self]


PAYER_LABELS: dict[Payer, str] = {
    Payer.GEMEENTE_PARTICIPATIEWET: "Gemeente – Participatiewet",
    Payer.GEMEENTE_WMO: "Gemeente – Wmo",
    Payer.GEMEENTE_JEUGDWET: "Gemeente – Jeugdwet",
    Payer.GEMEENTE_SCHULDHULP: "Gemeente – schuldhulp",
    Payer.ZORGVERZEKERAAR: "Zorgverzekeraar (Zvw)",
    Payer.ZORGKANTOOR: "Zorgkantoor (Wlz)",
    Payer.TOESLAGEN: "Belastingdienst/Toeslagen",
    Payer.UWV: "UWV",
    Payer.SVB: "SVB",
    Payer.DUO: "DUO",
    Payer.CJIB: "CJIB",
    Payer.WONINGCORPORATIE: "Woningcorporatie",
    Payer.JUSTITIE: "Justitie/DJI",
    Payer.POLITIE: "Politie",
    Payer.OVERIG: "Overig",
}
PAYER_ORDER: dict[Payer, int] = {payer: index for index, payer in enumerate(Payer)}


class Frequency(StrEnum):
    EENMALIG = "eenmalig"
    PER_MAAND = "per_maand"
    PER_JAAR = "per_jaar"

    @property
    def label(self) -> str:
        return FREQUENCY_LABELS[self]


FREQUENCY_LABELS = {Frequency.EENMALIG: "eenmalig", Frequency.PER_MAAND: "per maand", Frequency.PER_JAAR: "per jaar"}


def _text(value: str) -> str:
    return clean_text(value)


def _required(value: str) -> str:
    value = clean_text(value)
    if not value:
        raise ValueError("Dit veld is verplicht.")
    return value


SourceText = Annotated[str, Field(max_length=300), AfterValidator(_text)]


class CostSource(BaseModel):
    """Where a figure comes from: a kengetal of the catalogue, or free text with a year."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kengetal_id: str | None = Field(default=None, max_length=60)
    text: SourceText = ""
    """Source as shown (for a kengetal: the publisher, or the municipality's own source)."""
    year: int | None = Field(default=None, ge=1950, le=2100)

    @model_validator(mode="after")
    def _complete(self) -> CostSource:
        if self.kengetal_id is None:
            if not self.text:
                raise ValueError("Geef een bron: een kengetal uit de catalogus of een omschrijving met jaartal.")
            if self.year is None:
                raise ValueError("Een eigen bron heeft een jaartal nodig.")
        return self

    def describe(self) -> str:
        year = str(self.year) if self.year is not None else "z.j."
        text = self.text or (self.kengetal_id or "")
        return f"{text} ({year})"


Amount = Annotated[Decimal, Field(ge=Decimal("-10000000"), le=Decimal("10000000"), decimal_places=2)]


class CostLine(BaseModel):
    """One cost line of the rekensom. `id` is a short key (k1, k2, ...) that actions refer to."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str | None = Field(default=None, max_length=20)
    description: Annotated[str, Field(max_length=200), AfterValidator(_required)]
    scenario: Scenario
    payer: Payer
    amount: Amount
    quantity: Decimal = Field(default=ONE, ge=0, le=Decimal("100000"), decimal_places=4)
    probability: Decimal = Field(default=ONE, ge=0, le=1, decimal_places=4)
    frequency: Frequency = Frequency.EENMALIG
    start_month: int = Field(default=0, ge=0, le=1200)
    duration_months: int | None = Field(default=None, ge=0, le=1200)
    """Recurring lines only; None = to the end of the horizon."""
    source: CostSource | None = None

    @model_validator(mode="after")
    def _duration_only_when_recurring(self) -> CostLine:
        if self.frequency is Frequency.EENMALIG and self.duration_months is not None:
            raise ValueError("Een eenmalige kostenpost heeft geen looptijd; laat de looptijd leeg.")
        return self


class Rekensom(BaseModel):
    """The lines plus the horizon and the optional yearly discount rate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    horizon_months: int = Field(default=DEFAULT_HORIZON, ge=1, le=MAX_HORIZON)
    discount_rate: Decimal = Field(default=ZERO, ge=0, le=1, decimal_places=4)
    """Yearly rate r (0.03 = 3 %); 0 means no discounting."""
    lines: list[CostLine] = Field(default_factory=list, max_length=MAX_LINES)

    @property
    def is_empty(self) -> bool:
        return not self.lines


# -- calculation ----------------------------------------------------------------------------------


def counted_months(start: int, duration: int | None, horizon: int) -> int:
    """Months of a recurring line inside the horizon: max(0, min(start + duration, H) - start)."""
    end = horizon if duration is None else min(start + duration, horizon)
    return max(0, end - start)


def _year_weights(horizon: int, rate: Decimal) -> list[Decimal]:
    """1 / (1 + r) ** year for every year that the horizon touches."""
    years = (horizon + 11) // 12
    if rate == ZERO:
        return [ONE] * years
    base = _CONTEXT.add(ONE, rate)
    return [_CONTEXT.divide(ONE, _CONTEXT.power(base, year)) for year in range(years)]


def _weighted_months(start: int, end: int, weights: Sequence[Decimal]) -> Decimal:
    """Sum of the month weights for months start .. end-1 (end <= horizon)."""
    total = ZERO
    month = start
    while month < end:
        year = month // 12
        year_end = min(end, (year + 1) * 12)
        total = _CONTEXT.add(total, _CONTEXT.multiply(weights[year], Decimal(year_end - month)))
        month = year_end
    return total


def _line_twelfths(line: CostLine, horizon: int, weights: Sequence[Decimal], discounted: bool) -> Decimal:
    """The line's value over the horizon, in twelfths of a euro (exact without discounting)."""
    start = line.start_month
    frequency = line.frequency
    if frequency is Frequency.EENMALIG:
        if start >= horizon:
            return ZERO
        value = _CONTEXT.multiply(line.amount, TWELVE)
        if discounted:
            value = _CONTEXT.multiply(value, weights[start // 12])
    else:
        duration = line.duration_months
        end = horizon if duration is None else min(start + duration, horizon)
        if end <= start:
            return ZERO
        months = _weighted_months(start, end, weights) if discounted else Decimal(end - start)
        value = _CONTEXT.multiply(line.amount, months)
        if frequency is Frequency.PER_MAAND:
            value = _CONTEXT.multiply(value, TWELVE)
    quantity = line.quantity
    if quantity != ONE:
        value = _CONTEXT.multiply(value, quantity)
    probability = line.probability
    if probability != ONE:
        value = _CONTEXT.multiply(value, probability)
    return value


def line_value(line: CostLine, horizon: int = DEFAULT_HORIZON, discount_rate: Decimal = ZERO) -> Decimal:
    """The unrounded value of one line over the horizon (for showing a line's share)."""
    weights = _year_weights(horizon, discount_rate)
    return _CONTEXT.divide(_line_twelfths(line, horizon, weights, discount_rate != ZERO), TWELVE)


def round_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=_CONTEXT)


@dataclass(frozen=True)
class PayerResult:
    """One row of the per-payer table. `verschil` > 0: this payer saves money with the doorbraak."""

    payer: Payer
    huidig_pad: Decimal
    doorbraak: Decimal

    @property
    def verschil(self) -> Decimal:
        return self.huidig_pad - self.doorbraak

    def amount(self, scenario: Scenario) -> Decimal:
        return self.huidig_pad if scenario is Scenario.HUIDIG_PAD else self.doorbraak


@dataclass(frozen=True)
class RekensomResult:
    horizon_months: int
    discount_rate: Decimal
    per_payer: tuple[PayerResult, ...]
    """Payers that have at least one line, in the fixed payer order."""
    line_values: dict[str, Decimal]
    """Line id → its value over the horizon, rounded to cents (for display only; sums use exact values)."""

    @property
    def totals(self) -> dict[Scenario, Decimal]:
        return {
            Scenario.HUIDIG_PAD: sum((row.huidig_pad for row in self.per_payer), ZERO) + ZERO * CENT,
            Scenario.DOORBRAAK: sum((row.doorbraak for row in self.per_payer), ZERO) + ZERO * CENT,
        }

    @property
    def verschil(self) -> Decimal:
        totals = self.totals
        return totals[Scenario.HUIDIG_PAD] - totals[Scenario.DOORBRAAK]

    @property
    def is_empty(self) -> bool:
        return not self.per_payer

    @property
    def payers_who_pay(self) -> tuple[PayerResult, ...]:
        """Payers for whom the doorbraak costs more than the huidig pad, biggest extra cost first."""
        return tuple(
            sorted((r for r in self.per_payer if r.verschil < 0), key=lambda r: (r.verschil, PAYER_ORDER[r.payer]))
        )

    @property
    def payers_who_gain(self) -> tuple[PayerResult, ...]:
        """Payers who save with the doorbraak, biggest saving first."""
        return tuple(
            sorted((r for r in self.per_payer if r.verschil > 0), key=lambda r: (-r.verschil, PAYER_ORDER[r.payer]))
        )

    @property
    def wrong_pocket(self) -> bool:
        """True when some payer pays for the doorbraak while another one gains (the "wrong pocket" problem)."""
        return bool(self.payers_who_pay) and bool(self.payers_who_gain)

    def row(self, payer: Payer) -> PayerResult:
        for row in self.per_payer:
            if row.payer is payer:
                return row
        return PayerResult(payer=payer, huidig_pad=ZERO * CENT, doorbraak=ZERO * CENT)


def calculate(rekensom: Rekensom) -> RekensomResult:
    """Apply the rules of DOMAIN.md to every line. Pure and fast (a few microseconds per line)."""
    return calculate_lines(rekensom.lines, rekensom.horizon_months, rekensom.discount_rate)


def calculate_lines(
    lines: Iterable[CostLine], horizon: int = DEFAULT_HORIZON, discount_rate: Decimal = ZERO
) -> RekensomResult:
    weights = _year_weights(horizon, discount_rate)
    discounted = discount_rate != ZERO
    sums: dict[tuple[Scenario, Payer], Decimal] = {}
    line_values: dict[str, Decimal] = {}
    add = _CONTEXT.add
    for line in lines:
        value = _line_twelfths(line, horizon, weights, discounted)
        key = (line.scenario, line.payer)
        previous = sums.get(key)
        sums[key] = value if previous is None else add(previous, value)
        if line.id is not None:
            line_values[line.id] = round_cents(_CONTEXT.divide(value, TWELVE))
    payers = sorted({payer for _, payer in sums}, key=PAYER_ORDER.__getitem__)
    zero = ZERO * CENT
    rows = []
    for payer in payers:
        current = sums.get((Scenario.HUIDIG_PAD, payer))
        doorbraak = sums.get((Scenario.DOORBRAAK, payer))
        rows.append(
            PayerResult(
                payer=payer,
                huidig_pad=zero if current is None else round_cents(_CONTEXT.divide(current, TWELVE)),
                doorbraak=zero if doorbraak is None else round_cents(_CONTEXT.divide(doorbraak, TWELVE)),
            )
        )
    return RekensomResult(
        horizon_months=horizon, discount_rate=discount_rate, per_payer=tuple(rows), line_values=line_values
    )


def money_str(value: Decimal) -> str:
    """Two decimals, dot separator (for JSON); never a float."""
    return str(round_cents(value))
