"""Price level and dated statutory amounts, read from `domain/reference/` (DOMAIN.md, "Price level").

A kengetal of source year Y becomes an amount at price level P as amount × CPI(P) / CPI(Y), rounded to
cents once, half up. The CPI series is the CBS consumer price index (StatLine 71905ned, 1900 = 100); years
given only as yearly inflation are chained from the year before, without intermediate rounding.

Statutory amounts (the WAHV increases, …) come from a dated table, so a change in the law is a data change.
Nothing here is wired into the rekensom yet.
"""

from __future__ import annotations

import decimal
import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain import reference
from domain.errors import DomainError
from domain.jsondata import JsonObject

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# Wide enough that chaining and dividing never round before the single rounding to cents.
_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)


class UnknownPriceYear(DomainError):
    title = "Prijspeil onbekend"


class UnknownStatutoryAmount(DomainError):
    title = "Wettelijk bedrag onbekend"


def _load(name: str) -> JsonObject:
    data: JsonObject = json.loads(resources.files(reference).joinpath(name).read_text(encoding="utf-8"))
    return data


# -- consumer price index -------------------------------------------------------------------------


@dataclass(frozen=True)
class CpiSeries:
    """The CPI per year (1900 = 100). `chained` are the years computed from yearly inflation."""

    source: str
    basis: str
    index: dict[int, Decimal]
    chained: frozenset[int]

    @property
    def first_year(self) -> int:
        return min(self.index)

    @property
    def last_year(self) -> int:
        return max(self.index)


@cache
def cpi_series() -> CpiSeries:
    data = _load("cpi.json")
    index: dict[int, Decimal] = {}
    chained: set[int] = set()
    for row in sorted(data["jaren"], key=lambda r: int(r["jaar"])):
        year = int(row["jaar"])
        if index and year != max(index) + 1:
            raise ValueError(f"cpi.json: jaar {year} sluit niet aan op {max(index)}")
        if "index" in row:
            index[year] = Decimal(row["index"])
        else:
            if year - 1 not in index:
                raise ValueError(f"cpi.json: inflatie voor {year} zonder indexcijfer voor {year - 1}")
            factor = _CONTEXT.add(Decimal(1), _CONTEXT.divide(Decimal(row["inflatie"]), HUNDRED))
            index[year] = _CONTEXT.multiply(index[year - 1], factor)
            chained.add(year)
    return CpiSeries(source=str(data["bron"]), basis=str(data["basis"]), index=index, chained=frozenset(chained))


def cpi(year: int) -> Decimal:
    series = cpi_series()
    try:
        return series.index[year]
    except KeyError:
        raise UnknownPriceYear(
            f"Voor {year} is geen consumentenprijsindex bekend (beschikbaar: {series.first_year}–{series.last_year})."
        ) from None


def index_amount(amount: Decimal, source_year: int, price_year: int) -> Decimal:
    """`amount` in prices of `source_year`, expressed in prices of `price_year`; rounded to cents once, half up."""
    if source_year == price_year:
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)
    exact = _CONTEXT.divide(_CONTEXT.multiply(amount, cpi(price_year)), cpi(source_year))
    return exact.quantize(CENT, rounding=ROUND_HALF_UP)


def last_complete_year(today: date) -> int:
    """The last calendar year that has ended on `today`: the default price level of a plan."""
    return today.year - 1


def default_price_year(today: date) -> int:
    """The last complete year, or the last year the CPI table covers if that year is not in it yet."""
    return min(last_complete_year(today), cpi_series().last_year)


# -- dated statutory amounts ----------------------------------------------------------------------


class StatutoryAmount(BaseModel):
    """A statutory amount or percentage valid from `van` up to (not including) `tot`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    soort: str
    naam: str
    waarde: Decimal
    eenheid: Literal["procent", "euro"]
    grondslag: str = ""
    """For a percentage: what it is a percentage of."""
    van: date
    van_soort: Literal["artikeltekst", "inwerkingtreding_wet", "geraadpleegde_versie"]
    tot: date | None = None
    wet: str
    officieel_id: str = Field(pattern=r"^BWBR\d{7}$")
    artikel: str
    bronnen: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _period(self) -> StatutoryAmount:
        if self.tot is not None and self.tot <= self.van:
            raise ValueError(f"{self.soort}: 'tot' ligt niet na 'van'")
        return self

    def applies_on(self, day: date) -> bool:
        return self.van <= day and (self.tot is None or day < self.tot)

    @property
    def fraction(self) -> Decimal:
        if self.eenheid != "procent":
            raise ValueError(f"{self.soort} is geen percentage")
        return _CONTEXT.divide(self.waarde, HUNDRED)


@cache
def statutory_amounts() -> tuple[StatutoryAmount, ...]:
    rows = tuple(StatutoryAmount.model_validate(row) for row in _load("wettelijke_bedragen.json")["bedragen"])
    for a in rows:
        for b in rows:
            if a is not b and a.soort == b.soort and _overlap(a, b):
                raise ValueError(f"wettelijke_bedragen.json: overlappende perioden voor {a.soort}")
    return rows


@cache
def statutory_amounts_left_out() -> dict[str, str]:
    """Kinds deliberately not in the table (no citable figure yet): kind → why."""
    return {row["soort"]: row["reden"] for row in _load("wettelijke_bedragen.json")["niet_opgenomen"]}


def _overlap(a: StatutoryAmount, b: StatutoryAmount) -> bool:
    a_end = a.tot or date.max
    b_end = b.tot or date.max
    return a.van < b_end and b.van < a_end


def statutory_amount(soort: str, day: date) -> StatutoryAmount:
    """The row of `soort` that applies on `day`; a Dutch error when the table has none."""
    for row in statutory_amounts():
        if row.soort == soort and row.applies_on(day):
            return row
    if soort in statutory_amounts_left_out():
        raise UnknownStatutoryAmount(
            f"'{soort}' staat (nog) niet in de tabel met wettelijke bedragen: {statutory_amounts_left_out()[soort]}"
        )
    if any(row.soort == soort for row in statutory_amounts()):
        raise UnknownStatutoryAmount(f"Voor '{soort}' is op {day.isoformat()} geen wettelijk bedrag bekend.")
    raise UnknownStatutoryAmount(f"Onbekende soort wettelijk bedrag: '{soort}'.")


@dataclass(frozen=True)
class WahvIncreases:
    """The two statutory WAHV increases on a sanction, in euros (administratiekosten not included)."""

    sanctie: Decimal
    eerste_verhoging: Decimal
    tweede_verhoging: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.sanctie + self.eerste_verhoging + self.tweede_verhoging


def wahv_increases(sanctie: Decimal, day: date) -> WahvIncreases:
    """The increases after a missed payment (art. 23 lid 3) and a missed reminder (art. 25 lid 1) on `day`.

    The second increase is a percentage of the sanction plus the first increase, as art. 25 lid 1 says.
    Each increase is rounded to cents, half up.
    """
    first_rule = statutory_amount("wahv_eerste_verhoging", day)
    second_rule = statutory_amount("wahv_tweede_verhoging", day)
    first = _percentage_of(first_rule, sanctie)
    base = sanctie + first if second_rule.grondslag == "sanctie_plus_eerste_verhoging" else sanctie
    second = _percentage_of(second_rule, base)
    return WahvIncreases(sanctie=sanctie, eerste_verhoging=first, tweede_verhoging=second)


def _percentage_of(rule: StatutoryAmount, amount: Decimal) -> Decimal:
    return _CONTEXT.multiply(amount, rule.fraction).quantize(CENT, rounding=ROUND_HALF_UP)
