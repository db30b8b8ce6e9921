"""The maatschappelijke rekensom: cost of doormodderen (huidig pad) versus doorbreken (doorbraak), per payer.

The rules are the exact ones of DOMAIN.md (tests rely on them):

* a recurring line counts ``max(0, min(start + duration, H) - start)`` months of the horizon H;
  ``per_maand`` = amount x months, ``per_jaar`` = amount / 12 x months, ``eenmalig`` counts once if start < H;
* every line is multiplied by quantity x probability;
* with a yearly discount rate r, month m lies in year floor(m / 12) and weighs 1 / (1 + r) ** year;
* sums are exact per (scenario, payer), each rounded half up to cents; scenario totals are sums of the
  rounded payer sums; ``verschil`` = huidig_pad - doorbraak (positive = saving).

Arithmetic: each (scenario, payer) sum is kept exactly, in twelfths of a euro, per year of the horizon.
It is turned into euros with one division at the end, Σ_y S_y·(1+r)^(Y−y) / (12·(1+r)^Y), so the
result is exact whenever it terminates and otherwise correct to 120 significant digits; rounding to
cents is then exactly half up.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property
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
_CONTEXT = decimal.Context(prec=120, rounding=decimal.ROUND_HALF_EVEN)


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


def _add_line(buckets: dict[int, Decimal], line: CostLine, horizon: int, split_years: bool) -> None:
    """Add the line's undiscounted value, in twelfths of a euro, to `buckets` (year → sum; exact).

    With `split_years` the months are put in the year they fall in (for discounting); otherwise all in 0.
    """
    start = line.start_month
    factor = line.quantity if line.probability == ONE else _CONTEXT.multiply(line.quantity, line.probability)
    frequency = line.frequency
    if frequency is Frequency.EENMALIG:
        if start >= horizon:
            return
        value = _CONTEXT.multiply(_CONTEXT.multiply(line.amount, TWELVE), factor)
        year = start // 12 if split_years else 0
        previous = buckets.get(year)
        buckets[year] = value if previous is None else _CONTEXT.add(previous, value)
        return
    duration = line.duration_months
    end = horizon if duration is None else min(start + duration, horizon)
    if end <= start:
        return
    per_month = line.amount if frequency is Frequency.PER_JAAR else _CONTEXT.multiply(line.amount, TWELVE)
    per_month = _CONTEXT.multiply(per_month, factor)
    month = start
    while month < end:
        year = month // 12 if split_years else 0
        year_end = min(end, (month // 12 + 1) * 12) if split_years else end
        value = _CONTEXT.multiply(per_month, Decimal(year_end - month))
        previous = buckets.get(year)
        buckets[year] = value if previous is None else _CONTEXT.add(previous, value)
        month = year_end


def _finish(buckets: dict[int, Decimal], rate: Decimal) -> Decimal:
    """Σ_y S_y / 12 / (1 + r)^y with a single division at the end (exact whenever the result terminates)."""
    if rate == ZERO:
        total = ZERO
        for value in buckets.values():
            total = _CONTEXT.add(total, value)
        return _CONTEXT.divide(total, TWELVE)
    base = _CONTEXT.add(ONE, rate)
    last = max(buckets)
    numerator = ZERO
    for year, value in buckets.items():
        numerator = _CONTEXT.add(numerator, _CONTEXT.multiply(value, _CONTEXT.power(base, last - year)))
    return _CONTEXT.divide(numerator, _CONTEXT.multiply(TWELVE, _CONTEXT.power(base, last)))


def line_value(line: CostLine, horizon: int = DEFAULT_HORIZON, discount_rate: Decimal = ZERO) -> Decimal:
    """The unrounded value of one line over the horizon (for showing a line's share)."""
    buckets: dict[int, Decimal] = {}
    _add_line(buckets, line, horizon, discount_rate != ZERO)
    return _finish(buckets, discount_rate) if buckets else ZERO


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
    lines: tuple[CostLine, ...] = ()

    @cached_property
    def line_values(self) -> dict[str, Decimal]:
        """Line id → its value over the horizon, rounded to cents (display only; sums use exact values).

        Computed on first use, so a recalculation while typing does not pay for it.
        """
        return {
            line.id: round_cents(line_value(line, self.horizon_months, self.discount_rate))
            for line in self.lines
            if line.id is not None
        }

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
    lines = tuple(lines)
    split_years = discount_rate != ZERO
    sums: dict[tuple[Scenario, Payer], dict[int, Decimal]] = {}
    for line in lines:
        key = (line.scenario, line.payer)
        buckets = sums.get(key)
        if buckets is None:
            buckets = sums[key] = {}
        _add_line(buckets, line, horizon, split_years)
    zero = ZERO * CENT

    def rounded(key: tuple[Scenario, Payer]) -> Decimal:
        buckets = sums.get(key)
        return round_cents(_finish(buckets, discount_rate)) if buckets else zero

    payers = sorted({payer for _, payer in sums}, key=PAYER_ORDER.__getitem__)
    rows = tuple(
        PayerResult(
            payer=payer,
            huidig_pad=rounded((Scenario.HUIDIG_PAD, payer)),
            doorbraak=rounded((Scenario.DOORBRAAK, payer)),
        )
        for payer in payers
    )
    return RekensomResult(horizon_months=horizon, discount_rate=discount_rate, per_payer=rows, lines=lines)


def money_str(value: Decimal) -> str:
    """Two decimals, dot separator (for JSON); never a float."""
    return str(round_cents(value))
