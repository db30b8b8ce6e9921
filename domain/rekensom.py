"""The maatschappelijke rekensom: cost of doormodderen (huidig pad) versus doorbreken (doorbraak), per party.

The rules are the exact ones of DOMAIN.md (tests rely on them):

* a line is ``kosten`` (a real cost: uses resources) or an ``overdracht`` (money from a payer to a receiver);
  the household is a party; per (scenario, party) net = kosten it pays + overdrachten it pays − overdrachten
  it receives; the society total per scenario is the sum of the rounded kosten sums only; overdrachten are
  shown separately as verschuivingen (payer → receiver);
* a loan is an overdracht with a repayment term: the outlay (lender → borrower) in its month, repayments
  (borrower → lender) of amount / term monthly from that month on; what is still unpaid at the end of the
  horizon is a restschuld (borrower → lender), of which p × restschuld is expected never to be repaid: a loss
  for the lender, a verschuiving to the borrower (like kwijtschelding), not a cost to society;

* a recurring line counts ``max(0, min(start + duration, H) - start)`` months of the horizon H;
  ``per_maand`` = amount x months, ``per_jaar`` = amount / 12 x months, ``eenmalig`` counts once if start < H;
* every line is multiplied by quantity x probability;
* with a yearly discount rate r, month m lies in year floor(m / 12) and weighs 1 / (1 + r) ** year;
* sums are exact per (scenario, party), each rounded half up to cents; scenario totals are sums of the
  rounded kosten sums; ``verschil`` = huidig_pad - doorbraak (positive = saving, or: that party is better off).

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
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from domain.payers import PAYER_LABELS as PAYER_LABELS
from domain.payers import PAYER_ORDER as PAYER_ORDER
from domain.payers import Payer as Payer
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




class CostKind(StrEnum):
    """A real cost (uses resources) or an overdracht (money from one party to another; DOMAIN.md)."""

    KOSTEN = "kosten"
    OVERDRACHT = "overdracht"

    @property
    def label(self) -> str:
        return COST_KIND_LABELS[self]


COST_KIND_LABELS = {CostKind.KOSTEN: "kosten", CostKind.OVERDRACHT: "overdracht"}


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
    amount: Decimal | None = Field(default=None, ge=Decimal("-10000000"), le=Decimal("10000000"), decimal_places=2)
    """The source's own figure in prices of `year`, when the line's amount was indexed from it (else None)."""

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
    kind: CostKind = CostKind.KOSTEN
    """Real cost (`payer` uses resources) or overdracht (money from `payer` to `receiver`)."""
    receiver: Payer | None = None
    """Overdrachten only: who receives the money."""
    loan_months: int | None = Field(default=None, ge=1, le=600)
    """A loan (an overdracht from lender `payer` to borrower `receiver`): repaid in this many equal monthly
    instalments from `start_month` on."""
    default_probability: Decimal | None = Field(default=None, ge=0, le=1, decimal_places=4)
    """A loan's chance that what is unpaid at the end of the horizon is never repaid (None = 0)."""

    @model_validator(mode="after")
    def _consistent(self) -> CostLine:
        if self.loan_months is not None:
            if self.kind is not CostKind.OVERDRACHT:
                raise ValueError("Een lening is een overdracht (van de kredietverstrekker aan de lener).")
            if self.frequency is not Frequency.EENMALIG:
                raise ValueError("Een lening wordt eenmalig verstrekt; de aflossing volgt uit de looptijd.")
            if self.duration_months is not None:
                raise ValueError("Een lening heeft een aflostermijn, geen looptijd; laat de looptijd leeg.")
        elif self.default_probability is not None:
            raise ValueError("Een kans op niet terugbetalen hoort alleen bij een lening.")
        if self.frequency is Frequency.EENMALIG and self.duration_months is not None:
            raise ValueError("Een eenmalige kostenpost heeft geen looptijd; laat de looptijd leeg.")
        if self.kind is CostKind.KOSTEN and self.receiver is not None:
            raise ValueError(
                "Kosten hebben geen ontvanger; kies 'overdracht' als er geld van de een naar de ander gaat."
            )
        if self.kind is CostKind.OVERDRACHT:
            if self.receiver is None:
                raise ValueError("Een overdracht heeft een ontvanger.")
            if self.receiver is self.payer:
                raise ValueError("Betaler en ontvanger van een overdracht zijn dezelfde partij.")
        return self

    @property
    def is_loan(self) -> bool:
        return self.loan_months is not None


class Rekensom(BaseModel):
    """The lines plus the horizon and the optional yearly discount rate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    horizon_months: int = Field(default=DEFAULT_HORIZON, ge=1, le=MAX_HORIZON)
    discount_rate: Decimal = Field(default=ZERO, ge=0, le=1, decimal_places=4)
    """Yearly rate r (0.03 = 3 %); 0 means no discounting."""
    lines: list[CostLine] = Field(default_factory=list, max_length=MAX_LINES)
    price_year: int | None = Field(default=None, ge=1950, le=2100)
    """The price level (prijspeil) kengetallen are indexed to; None: amounts as entered (plans from before
    indexation)."""

    @property
    def is_empty(self) -> bool:
        return not self.lines


# -- calculation ----------------------------------------------------------------------------------


def counted_months(start: int, duration: int | None, horizon: int) -> int:
    """Months of a recurring line inside the horizon: max(0, min(start + duration, H) - start)."""
    end = horizon if duration is None else min(start + duration, horizon)
    return max(0, end - start)


Buckets = dict[int, Decimal]
"""Year of the horizon → a sum in twelfths of a euro (exact); one bucket (year 0) when not discounting."""

Amounts = list[tuple[int, Decimal]]
"""One flow of one line: (year of the horizon, value in twelfths of a euro), each year at most once, in year
order; a single (0, value) when not discounting."""


def _put(buckets: Buckets, year: int, value: Decimal) -> None:
    previous = buckets.get(year)
    buckets[year] = value if previous is None else _CONTEXT.add(previous, value)


def _add(sums: dict[Any, Buckets], key: Any, amounts: Amounts, negate: bool = False) -> None:
    """Add a flow to the sum kept under `key`, year by year; the sum exists afterwards, even for no amounts.

    This is the hot loop of `calculate_lines` (a few times per line), so `_put` is written out here.
    """
    buckets = sums.get(key)
    if buckets is None:
        buckets = sums[key] = {}
    for year, value in amounts:
        if negate:
            value = _CONTEXT.minus(value)
        previous = buckets.get(year)
        buckets[year] = value if previous is None else _CONTEXT.add(previous, value)


# Enum members are found through the enum's metaclass, about 0.1 µs a lookup on Python 3.11: as much as a
# Decimal multiplication. The per-line code compares with these aliases instead.
_KOSTEN = CostKind.KOSTEN
_EENMALIG = Frequency.EENMALIG
_PER_JAAR = Frequency.PER_JAAR

_MONTH_COUNTS = tuple(Decimal(months) for months in range(MAX_HORIZON + 1))
"""Decimal(n) for every month count of a valid horizon, built once instead of once per line."""


def _month_count(months: int) -> Decimal:
    return _MONTH_COUNTS[months] if months <= MAX_HORIZON else Decimal(months)


def _factor(line: CostLine) -> Decimal:
    return line.quantity if line.probability == ONE else _CONTEXT.multiply(line.quantity, line.probability)


def _undiscounted(line: CostLine, horizon: int) -> Decimal | None:
    """`_amounts` of a kosten line without discounting, as one value (None for none): the same products in
    the same order, so the same exact Decimal, without the list and the calls (a rekensom of 200 lines spent
    half its time around them)."""
    start = line.start_month
    frequency = line.frequency
    probability = line.probability
    factor = line.quantity if probability == ONE else _CONTEXT.multiply(line.quantity, probability)
    if frequency is _EENMALIG:
        if start >= horizon:
            return None
        return _CONTEXT.multiply(_CONTEXT.multiply(line.amount, TWELVE), factor)
    duration = line.duration_months
    end = horizon if duration is None else min(start + duration, horizon)
    if end <= start:
        return None
    per_month = line.amount if frequency is _PER_JAAR else _CONTEXT.multiply(line.amount, TWELVE)
    months = end - start
    return _CONTEXT.multiply(_CONTEXT.multiply(per_month, factor),
                             _MONTH_COUNTS[months] if months <= MAX_HORIZON else Decimal(months))


def _amounts(line: CostLine, horizon: int, split_years: bool) -> Amounts:
    """The line's undiscounted value, in twelfths of a euro, per year of the horizon (exact).

    With `split_years` the months are put in the year they fall in (for discounting); otherwise all in 0.
    For a loan this is the outlay only (see `_loan_flows` for the repayments).
    """
    start = line.start_month
    frequency = line.frequency
    factor = _factor(line)
    if frequency is _EENMALIG:
        if start >= horizon:
            return []
        value = _CONTEXT.multiply(_CONTEXT.multiply(line.amount, TWELVE), factor)
        return [(start // 12 if split_years else 0, value)]
    duration = line.duration_months
    end = horizon if duration is None else min(start + duration, horizon)
    if end <= start:
        return []
    per_month = line.amount if frequency is _PER_JAAR else _CONTEXT.multiply(line.amount, TWELVE)
    per_month = _CONTEXT.multiply(per_month, factor)
    if not split_years:
        return [(0, _CONTEXT.multiply(per_month, _month_count(end - start)))]
    amounts: Amounts = []
    month = start
    while month < end:
        year = month // 12
        year_end = min(end, (year + 1) * 12)
        amounts.append((year, _CONTEXT.multiply(per_month, _month_count(year_end - month))))
        month = year_end
    return amounts


@dataclass(frozen=True)
class _LoanFlows:
    outlay: Buckets
    repaid: Buckets
    restschuld: Buckets
    defaulted: Buckets


def _loan_flows(line: CostLine, horizon: int, split_years: bool) -> _LoanFlows:
    """A loan over the horizon, in twelfths of a euro: outlay in its month; instalments of amount / term each
    month from the outlay on; the restschuld (unpaid at the end of the horizon) in the horizon's last month;
    and p × the restschuld that is expected never to be repaid."""
    term = line.loan_months or 1
    start = line.start_month
    outlay: Buckets = {}
    repaid: Buckets = {}
    restschuld: Buckets = {}
    defaulted: Buckets = {}
    if start >= horizon:
        return _LoanFlows(outlay, repaid, restschuld, defaulted)
    principal = _CONTEXT.multiply(_CONTEXT.multiply(line.amount, TWELVE), _factor(line))
    outlay[start // 12 if split_years else 0] = principal
    end = min(start + term, horizon)
    month = start
    while month < end:
        year = month // 12 if split_years else 0
        year_end = min(end, (month // 12 + 1) * 12) if split_years else end
        share = _CONTEXT.divide(_CONTEXT.multiply(principal, Decimal(year_end - month)), Decimal(term))
        _put(repaid, year, share)
        month = year_end
    unpaid_months = term - (end - start)
    if unpaid_months > 0:
        last_year = (horizon - 1) // 12 if split_years else 0
        rest = _CONTEXT.divide(_CONTEXT.multiply(principal, Decimal(unpaid_months)), Decimal(term))
        restschuld[last_year] = rest
        p = line.default_probability or ZERO
        if p != ZERO:
            defaulted[last_year] = _CONTEXT.multiply(rest, p)
    return _LoanFlows(outlay, repaid, restschuld, defaulted)


_Flow = tuple[Payer, Payer | None, Amounts]
"""(payer, receiver or None for kosten, value)."""


def _transfer_flows(line: CostLine, receiver: Payer, horizon: int, split_years: bool) -> list[_Flow]:
    """The non-empty flows of an overdracht to `receiver` (its `line.receiver`): one, or four for a loan."""
    payer = line.payer
    if line.loan_months is None:
        amounts = _amounts(line, horizon, split_years)
        return [(payer, receiver, amounts)] if amounts else []
    lender, borrower = payer, receiver
    loan = _loan_flows(line, horizon, split_years)
    flows: list[tuple[Payer, Payer | None, Buckets]] = [
        (lender, borrower, loan.outlay),
        (borrower, lender, loan.repaid),
        (borrower, lender, loan.restschuld),
        # DOMAIN.md: p × the unpaid remainder is a *cost* for the lender at the end of the horizon (a real
        # loss of society's resources in this model); the household still owes the whole restschuld.
        (lender, None, loan.defaulted),
    ]
    return [(source, target, list(buckets.items())) for source, target, buckets in flows if buckets]


def _finish(buckets: Buckets, rate: Decimal) -> Decimal:
    """Σ_y S_y / 12 / (1 + r)^y with a single division at the end (exact whenever the result terminates)."""
    if not buckets:
        return ZERO
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
    """The unrounded value of one line over the horizon (for showing a line's share; a loan: its outlay)."""
    buckets: Buckets = dict(_amounts(line, horizon, discount_rate != ZERO))
    return _finish(buckets, discount_rate) if buckets else ZERO


@dataclass(frozen=True)
class LoanSummary:
    """A loan over the horizon, each part rounded to cents (display only)."""

    outlay: Decimal
    repaid: Decimal
    restschuld: Decimal
    expected_default: Decimal


def loan_summary(line: CostLine, horizon: int = DEFAULT_HORIZON, discount_rate: Decimal = ZERO) -> LoanSummary:
    flows = _loan_flows(line, horizon, discount_rate != ZERO)
    return LoanSummary(
        *(
            round_cents(_finish(b, discount_rate))
            for b in (flows.outlay, flows.repaid, flows.restschuld, flows.defaulted)
        )
    )


def round_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=_CONTEXT)


@dataclass(frozen=True)
class PayerResult:
    """One party's row: its net effect per scenario (kosten it pays + overdrachten it pays − overdrachten it
    receives). `verschil` > 0: this party is better off with the doorbraak."""

    payer: Payer
    huidig_pad: Decimal
    doorbraak: Decimal
    kosten_huidig_pad: Decimal = ZERO * CENT
    """The real costs this party pays (part of the society total)."""
    kosten_doorbraak: Decimal = ZERO * CENT

    @property
    def verschil(self) -> Decimal:
        return self.huidig_pad - self.doorbraak

    def amount(self, scenario: Scenario) -> Decimal:
        return self.huidig_pad if scenario is Scenario.HUIDIG_PAD else self.doorbraak

    def kosten(self, scenario: Scenario) -> Decimal:
        return self.kosten_huidig_pad if scenario is Scenario.HUIDIG_PAD else self.kosten_doorbraak


@dataclass(frozen=True)
class Verschuiving:
    """Money moved from `payer` to `receiver` in a scenario (all overdrachten between the two, in that
    direction, rounded to cents). No effect on the society total."""

    scenario: Scenario
    payer: Payer
    receiver: Payer
    amount: Decimal


@dataclass(frozen=True)
class RekensomResult:
    horizon_months: int
    discount_rate: Decimal
    per_payer: tuple[PayerResult, ...]
    """Parties that pay or receive in at least one line, in the fixed party order."""
    lines: tuple[CostLine, ...] = ()
    verschuivingen: tuple[Verschuiving, ...] = ()
    """Per scenario and (payer, receiver): the overdrachten, in scenario and party order."""

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
        """The society total per scenario: the sum of the rounded kosten per party (overdrachten cancel)."""
        return {
            Scenario.HUIDIG_PAD: sum((row.kosten_huidig_pad for row in self.per_payer), ZERO) + ZERO * CENT,
            Scenario.DOORBRAAK: sum((row.kosten_doorbraak for row in self.per_payer), ZERO) + ZERO * CENT,
        }

    @property
    def verschil(self) -> Decimal:
        """Society total huidig pad − doorbraak: positive = society is better off with the doorbraak."""
        totals = self.totals
        return totals[Scenario.HUIDIG_PAD] - totals[Scenario.DOORBRAAK]

    def transfer_total(self, scenario: Scenario) -> Decimal:
        return sum((v.amount for v in self.verschuivingen if v.scenario is scenario), ZERO) + ZERO * CENT

    @property
    def has_transfers(self) -> bool:
        return bool(self.verschuivingen)

    @property
    def is_empty(self) -> bool:
        return not self.per_payer

    @property
    def payers_who_pay(self) -> tuple[PayerResult, ...]:
        """Parties who are worse off with the doorbraak than on the huidig pad, biggest loss first."""
        return tuple(
            sorted((r for r in self.per_payer if r.verschil < 0), key=lambda r: (r.verschil, PAYER_ORDER[r.payer]))
        )

    @property
    def payers_who_gain(self) -> tuple[PayerResult, ...]:
        """Parties who are better off with the doorbraak, biggest gain first."""
        return tuple(
            sorted((r for r in self.per_payer if r.verschil > 0), key=lambda r: (-r.verschil, PAYER_ORDER[r.payer]))
        )

    @property
    def wrong_pocket(self) -> bool:
        """True when some party pays for the doorbraak while another one gains (the "wrong pocket" problem)."""
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
    net: dict[tuple[Scenario, Payer], Buckets] = {}
    # A party's kosten and its net sum get the very same additions, in the same order, until an overdracht
    # touches it; only from then on are its kosten kept apart (starting from a copy of its net sum). Every
    # other party's kosten *are* its net sum, which saves half the additions of an all-kosten rekensom.
    kosten_apart: dict[tuple[Scenario, Payer], Buckets] = {}
    pairs: dict[tuple[Scenario, Payer, Payer], Buckets] = {}
    for line in lines:
        scenario = line.scenario
        if line.kind is _KOSTEN or line.receiver is None:
            key = (scenario, line.payer)
            if not split_years and line.kind is _KOSTEN:  # the common line, written out (see _undiscounted)
                value = _undiscounted(line, horizon)
                buckets = net.get(key)
                if buckets is None:
                    buckets = net[key] = {}
                if value is None:
                    continue
                previous = buckets.get(0)
                buckets[0] = value if previous is None else _CONTEXT.add(previous, value)
                apart = kosten_apart.get(key)
                if apart is not None:
                    previous = apart.get(0)
                    apart[0] = value if previous is None else _CONTEXT.add(previous, value)
                continue
            amounts = _amounts(line, horizon, split_years)
            _add(net, key, amounts)
            if amounts and key in kosten_apart:
                _add(kosten_apart, key, amounts)
            continue
        for key in ((scenario, line.payer), (scenario, line.receiver)):  # both parties get a row
            if key not in kosten_apart:
                kosten_apart[key] = dict(net.setdefault(key, {}))
        for payer, receiver, amounts in _transfer_flows(line, line.receiver, horizon, split_years):
            _add(net, (scenario, payer), amounts)
            if receiver is None:
                _add(kosten_apart, (scenario, payer), amounts)
            else:
                _add(net, (scenario, receiver), amounts, negate=True)
                _add(pairs, (scenario, payer, receiver), amounts)
    zero = ZERO * CENT

    def rounded(buckets: Buckets | None) -> Decimal:
        return round_cents(_finish(buckets, discount_rate)) if buckets else zero

    def sums(scenario: Scenario, payer: Payer) -> tuple[Decimal, Decimal]:
        """(net, kosten) of a party in a scenario, rounded."""
        key = (scenario, payer)
        net_sum = rounded(net.get(key))
        return net_sum, rounded(kosten_apart[key]) if key in kosten_apart else net_sum

    def party(payer: Payer) -> PayerResult:
        huidig_pad, kosten_huidig_pad = sums(Scenario.HUIDIG_PAD, payer)
        doorbraak, kosten_doorbraak = sums(Scenario.DOORBRAAK, payer)
        return PayerResult(payer, huidig_pad, doorbraak, kosten_huidig_pad, kosten_doorbraak)

    rows = tuple(party(payer) for payer in sorted({payer for _, payer in net}, key=PAYER_ORDER.__getitem__))
    scenario_order = {Scenario.HUIDIG_PAD: 0, Scenario.DOORBRAAK: 1}
    verschuivingen = tuple(
        Verschuiving(scenario, payer, receiver, rounded(pairs[scenario, payer, receiver]))
        for scenario, payer, receiver in sorted(
            pairs, key=lambda k: (scenario_order[k[0]], PAYER_ORDER[k[1]], PAYER_ORDER[k[2]])
        )
    )
    return RekensomResult(
        horizon_months=horizon, discount_rate=discount_rate, per_payer=rows, lines=lines, verschuivingen=verschuivingen
    )


def money_str(value: Decimal) -> str:
    """Two decimals, dot separator (for JSON); never a float."""
    return str(round_cents(value))
